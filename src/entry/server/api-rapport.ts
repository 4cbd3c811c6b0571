// The routes of the monthly voortgangsrapportage's workflow (issue 16 §2); the use cases are
// src/app/report/workflow.ts, the contract src/app/contract-rapport.ts.
import { Buffer } from 'node:buffer';
import type { Router } from 'express';
import * as api from '../../app/contract.ts';
import { fail } from '../../app/result.ts';
import {
  approveReport,
  reportDocument,
  reportMonth,
  reportMonths,
  saveIntroduction,
  unavailableRenderer,
  type ReportDeps,
} from '../../app/report/workflow.ts';
import type { ReportFormat, ReportVariant } from '../../app/report/port.ts';
import { callerOfRes, ifMatch, mayRead, param, parse, send, type ApiDeps } from './api-kit.ts';

/** `<version>.<docx|pdf>`, as the download path names a document. */
const DOCUMENT = /^(\d{1,6})\.(docx|pdf)$/;
const VARIANTS: readonly string[] = ['regiegroep', 'informed'];

/**
 * The months' reports: list them, read a month (state, figures, versions), write its introduction (If-Match),
 * approve it (If-Match; the cards go out through the bot's delivery jobs at once), download an approved version's
 * document (Content-Disposition: attachment; who may read which variant is the access module's).
 */
export function rapportRoutes(router: Router, d: ApiDeps): void {
  const rd: ReportDeps = { ...d, renderer: d.reportRenderer ?? unavailableRenderer };
  router.get('/rapporten', mayRead(d), async (_req, res) => {
    res.json((await reportMonths(d, callerOfRes(d, res))) satisfies api.ReportsResponse);
  });
  router.get('/rapporten/:maand', mayRead(d), async (req, res) => {
    send<api.ReportMonthResponse>(res, await reportMonth(rd, callerOfRes(d, res), param(req, 'maand')));
  });
  router.put('/rapporten/:maand/inleiding', async (req, res) => {
    const body = parse(res, api.IntroductionInput, req.body);
    if (body)
      send<api.IntroductionResponse>(
        res,
        await saveIntroduction(d, callerOfRes(d, res), param(req, 'maand'), body, ifMatch(req)),
      );
  });
  router.post('/rapporten/:maand/goedkeuren', async (req, res) => {
    send<api.ApproveResponse>(
      res,
      await approveReport(rd, callerOfRes(d, res), param(req, 'maand'), ifMatch(req), d.deliverNow),
    );
  });
  router.get('/rapporten/:maand/:document', async (req, res) => {
    const name = param(req, 'document');
    const m = DOCUMENT.exec(name);
    const variant = req.query['variant'] ?? 'regiegroep';
    if (!m || typeof variant !== 'string' || !VARIANTS.includes(variant)) {
      send(res, fail('bad_input', 'rapport.badDownload', { name: name.slice(0, 60) }));
      return;
    }
    const r = await reportDocument(rd, callerOfRes(d, res), {
      month: param(req, 'maand'),
      version: Number(m[1]),
      format: m[2] as ReportFormat,
      variant: variant as ReportVariant,
    });
    if (!r.ok) {
      send(res, r);
      return;
    }
    res.attachment(r.value.fileName).type(r.value.contentType).send(Buffer.from(r.value.bytes));
  });
}
