// The routes of the monthly berichtgeving (issue 16 §3); the use cases are src/app/news/news.ts.
import type { Request, Router } from 'express';
import * as api from '../../app/contract.ts';
import { approveNews, newsOf, newsPage, saveNews } from '../../app/news/news.ts';
import { parseLang, type Lang } from '../../domain/i18n.ts';
import { callerOfRes, ifMatch, mayRead, param, parse, send, type ApiDeps } from './api-kit.ts';

/** The reader's language for the composed draft (`?lang=en`); Dutch otherwise. */
const langOf = (req: Request): Lang =>
  parseLang(typeof req.query['lang'] === 'string' ? req.query['lang'] : undefined, 'nl');

/**
 * The month's news message (`:maand` YYYY-MM): read it (or, as `:maand.html`, download it as a standalone HTML page),
 * save the text (If-Match: its version), approve it (If-Match), which posts it to the announcement channel.
 */
export function berichtenRoutes(router: Router, d: ApiDeps): void {
  router.get('/berichten/:maand', mayRead(d), async (req, res) => {
    const maand = param(req, 'maand');
    if (!maand.endsWith('.html')) {
      send<api.NewsResponse>(res, await newsOf(d, callerOfRes(d, res), maand, langOf(req)));
      return;
    }
    const page = await newsPage(d, callerOfRes(d, res), maand.slice(0, -'.html'.length), langOf(req));
    if (!page.ok) {
      send(res, page);
      return;
    }
    res
      .status(200)
      .type('text/html; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${page.value.filename}"`)
      .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(page.value.html);
  });
  router.put('/berichten/:maand', async (req, res) => {
    const body = parse(res, api.NewsInput, req.body);
    if (body)
      send<api.NewsResponse>(res, await saveNews(d, callerOfRes(d, res), param(req, 'maand'), body, ifMatch(req)));
  });
  router.post('/berichten/:maand/goedkeuren', async (req, res) => {
    send<api.NewsResponse>(
      res,
      await approveNews(d, callerOfRes(d, res), param(req, 'maand'), ifMatch(req), d.deliverNow),
    );
  });
}
