// The HTTP surface of the server process: health and readiness now; the bot, API and tab mount here later.
import express, { type Express, type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from '../../platform/logger.ts';
import { both } from '../../domain/i18n.ts';
import { refusalOf } from '../../adapters/http/input-errors.ts';
import { legalRouter } from './legal.ts';

export interface Readiness {
  /** Resolves when every dependency the server needs answers; rejects with a reason otherwise. */
  check(): Promise<Record<string, string>>;
}

export function createHttpApp(readiness: Readiness, logger: Logger, api?: Router, bot?: Router, tab?: Router): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    try {
      const checks = await readiness.check();
      res.json({ status: 'ready', checks });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      logger.warn({ reason }, 'not ready');
      res.status(503).json({ status: 'not-ready', reason });
    }
  });

  // The privacy statement and terms of use the Teams manifest links to (public, the same for everyone).
  app.use(legalRouter());

  // The bot's endpoint has its own authentication (Bot Framework tokens), so it is mounted before the API's.
  if (bot) app.use('/api/messages', bot);
  if (api) app.use('/api', api);
  if (tab) {
    app.get('/tab', (req, res, next) => {
      if (req.originalUrl !== '/tab') {
        next();
        return;
      }
      res.redirect(301, '/tab/');
    });
    app.use('/tab', tab);
  }

  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found', message: both('api.http.notFound') });
  });
  // Anything unexpected: one logged line, and a plain message for the person (never a stack trace). Bad input that
  // no router answered itself (a path that does not decode, a body the parser refused) is a 4xx, not a 500.
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const refusal = refusalOf(err);
    if (refusal) {
      res.status(refusal.status).json({ error: refusal.code, message: both(refusal.key, refusal.params) });
      return;
    }
    logger.error({ error: err instanceof Error ? err.message : String(err) }, 'request failed');
    res.status(500).json({ error: 'internal', message: both('api.http.internal') });
  });
  return app;
}
