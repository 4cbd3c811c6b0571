// The routes that compose a meeting's agenda (issue 18 §2); the use cases are src/app/agenda-items.ts. Reading the
// agenda (GET /api/agenda) and the one-click nudge (POST /api/agenda/herinneringen) are in api.ts.
import type { Router } from 'express';
import * as api from '../../app/contract.ts';
import { addAgendaItem, orderAgenda, removeAgendaItem, restoreAgendaItem } from '../../app/agenda-items.ts';
import { callerOfRes, ifMatch, param, parse, send, type ApiDeps } from './api-kit.ts';

/**
 * The projectleider's edits of one meeting's agenda, each with the agenda's `version` in If-Match: PUT
 * /agenda/punten (the order), POST /agenda/punten (add, 201), DELETE /agenda/punten/:id (remove, kept as removed)
 * and POST /agenda/punten/:id/herstellen (restore); the meeting in the body (PUT, POST) or the query (DELETE,
 * herstellen) as `body` and `date`. Each answers the agenda as it is after the edit.
 */
export function agendaRoutes(router: Router, d: ApiDeps): void {
  router.put('/agenda/punten', async (req, res) => {
    const body = parse(res, api.AgendaOrderInput, req.body);
    if (!body) return;
    const { order, ...query } = body;
    send<api.AgendaResponse>(res, await orderAgenda(d, callerOfRes(d, res), query, order, ifMatch(req)));
  });
  router.post('/agenda/punten', async (req, res) => {
    const body = parse(res, api.AgendaItemInput, req.body);
    if (body)
      send<api.AgendaResponse & api.AgendaAddedView>(
        res,
        await addAgendaItem(d, callerOfRes(d, res), body, ifMatch(req)),
        201,
      );
  });
  router.delete('/agenda/punten/:id', async (req, res) => {
    const q = parse(res, api.AgendaMeetingQuery, req.query);
    if (q)
      send<api.AgendaResponse>(res, await removeAgendaItem(d, callerOfRes(d, res), q, param(req, 'id'), ifMatch(req)));
  });
  router.post('/agenda/punten/:id/herstellen', async (req, res) => {
    const q = parse(res, api.AgendaMeetingQuery, req.query);
    if (q)
      send<api.AgendaResponse>(res, await restoreAgendaItem(d, callerOfRes(d, res), q, param(req, 'id'), ifMatch(req)));
  });
}
