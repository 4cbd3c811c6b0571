// The JSON API the tab, the bot and the CLI share (types and input schemas: src/app/contract.ts). Every call
// carries a bearer token validated against the tenant's keys (issuer, audience, expiry, tenant allow-list); input
// is validated whole before anything changes; the use cases (src/app/) decide, including who may do what; this
// file only maps HTTP to them and their refusals to 4xx with a message in Dutch and English, never a stack trace.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { TokenRejectedError } from '../../adapters/auth/validate.ts';
import { checkInput, inputErrors, type InputRefusal } from '../../adapters/http/input-errors.ts';
import * as api from '../../app/contract.ts';
import type { ErrorCode, ErrorResponse } from '../../app/contract.ts';
import { triggerRhythm } from '../../app/rhythm.ts';
import { agendaOf, nudgeMissing } from '../../app/agenda.ts';
import { capacityOf } from '../../app/views/capacity.ts';
import { me, overview } from '../../app/views/overview.ts';
import { vierKs } from '../../app/views/vierks.ts';
import { werkgroep } from '../../app/views/werkgroep.ts';
import { addBlocker, editAction, listActions, waitChains } from '../../app/work/actions.ts';
import { actionFromTopic, backlog, prioritise } from '../../app/work/backlog.ts';
import { decisionLog, moveDecision } from '../../app/work/decisions.ts';
import { recordMeasurement } from '../../app/work/indicators.ts';
import { decisionRoutes } from './api-besluiten.ts';
import { meetingRoutes } from './api-vergadering.ts';
import { agendaRoutes } from './api-agenda.ts';
import { rapportRoutes } from './api-rapport.ts';
import { berichtenRoutes } from './api-berichten.ts';
import { callerOfRes, ifMatch, mayRead, param, parse, send, type ApiDeps } from './api-kit.ts';
import { both } from '../../domain/i18n.ts';

/** Validates the bearer token of every call; 401 with the reason otherwise. */
function authenticate(d: ApiDeps) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const token = await d.validate(req.headers.authorization);
      res.locals['tenantId'] = token.tenantId;
      res.locals['token'] = token;
      next();
    } catch (err) {
      if (!(err instanceof TokenRejectedError)) {
        next(err);
        return;
      }
      const body: ErrorResponse = {
        error: 'unauthorized' satisfies ErrorCode,
        reason: err.reason,
        message: both('api.unauthorized'),
      };
      res.status(401).setHeader('WWW-Authenticate', 'Bearer').json(body);
    }
  };
}

/** The read-only routes: who am I, the overview, a werkgroep, the four K's, actions, waits, decisions, load, backlog. */
function readRoutes(router: Router, d: ApiDeps): void {
  router.get('/ik', mayRead(d, { do: 'self.read' }), (_req, res) => {
    res.json(me(d, callerOfRes(d, res)) satisfies api.MeResponse);
  });
  router.get('/overzicht', mayRead(d), async (_req, res) => {
    res.json((await overview(d)) satisfies api.OverviewResponse);
  });
  router.get('/werkgroepen/:id', mayRead(d), async (req, res) => {
    send<api.WerkgroepResponse>(res, await werkgroep(d, param(req, 'id')));
  });
  router.get('/vierks', mayRead(d), async (_req, res) => {
    res.json((await vierKs(d)) satisfies api.VierKsResponse);
  });
  router.get('/acties', mayRead(d), async (req, res) => {
    const q = parse(res, api.ActionsQuery, req.query);
    if (q) res.json({ actions: await listActions(d, q) } satisfies api.ActionsResponse);
  });
  router.get('/wachtrij', mayRead(d), async (_req, res) => {
    res.json((await waitChains(d)) satisfies api.WaitsResponse);
  });
  router.get('/besluiten', mayRead(d), async (_req, res) => {
    res.json((await decisionLog(d)) satisfies api.DecisionsResponse);
  });
  router.get('/capaciteit', mayRead(d), async (_req, res) => {
    res.json((await capacityOf(d, callerOfRes(d, res))) satisfies api.CapacityResponse);
  });
  router.get('/backlog', mayRead(d), async (req, res) => {
    const q = parse(res, api.BacklogQuery, req.query, 'werkgroep');
    if (q) send<api.BacklogResponse>(res, await backlog(d, q.werkgroep));
  });
  router.get('/agenda', mayRead(d), async (req, res) => {
    const q = parse(res, api.AgendaQuery, req.query);
    if (q) send<api.AgendaResponse>(res, await agendaOf(d, callerOfRes(d, res), q));
  });
}

/** The routes that change something; each use case asks the access module first. */
function writeRoutes(router: Router, d: ApiDeps): void {
  router.patch('/acties/:id', async (req, res) => {
    const body = parse(res, api.ActionPatch, req.body);
    if (body)
      send<api.ActionPatchResponse>(
        res,
        await editAction(d, callerOfRes(d, res), param(req, 'id'), body, ifMatch(req)),
      );
  });
  router.post('/acties/:id/blokkades', async (req, res) => {
    const body = parse(res, api.BlockerInput, req.body);
    if (body) send<api.BlockerResponse>(res, await addBlocker(d, callerOfRes(d, res), param(req, 'id'), body), 201);
  });
  router.post('/besluiten/:id', async (req, res) => {
    const body = parse(res, api.DecisionChange, req.body);
    if (body) send<api.DecisionChangeResponse>(res, await moveDecision(d, callerOfRes(d, res), param(req, 'id'), body));
  });
  router.post('/indicatoren/:id/metingen', async (req, res) => {
    const body = parse(res, api.MeasurementInput, req.body);
    if (body)
      send<api.MeasurementResponse>(res, await recordMeasurement(d, callerOfRes(d, res), param(req, 'id'), body), 201);
  });
  router.put('/backlog/:topic/prioriteit', async (req, res) => {
    const body = parse(res, api.PriorityInput, req.body);
    if (body) send<api.PriorityResponse>(res, await prioritise(d, callerOfRes(d, res), param(req, 'topic'), body));
  });
  router.post('/backlog/:topic/actie', async (req, res) => {
    const body = parse(res, api.TopicActionInput, req.body);
    if (body)
      send<api.TopicActionResponse>(res, await actionFromTopic(d, callerOfRes(d, res), param(req, 'topic'), body), 201);
  });
  const nudge = d.nudge;
  if (nudge) {
    router.post('/agenda/herinneringen', async (req, res) => {
      const body = parse(res, api.NudgeInput, req.body);
      if (body) send<api.NudgeResponse>(res, await nudgeMissing(d, callerOfRes(d, res), body, nudge), 202);
    });
  }
  const trigger = d.triggerRhythm;
  if (trigger) {
    router.post('/bot/ritme', async (req, res) => {
      const body = parse(res, api.RhythmInput, req.body, 'meeting: <cadans>:<JJJJ-MM-DD>');
      if (body) send<api.RhythmResponse>(res, await triggerRhythm(d, callerOfRes(d, res), body, trigger), 202);
    });
  }
}

/** Every group of routes, in order; a new group is a new file (src/entry/server/api-*.ts) and one line here. */
const ROUTES: ((router: Router, d: ApiDeps) => void)[] = [
  readRoutes,
  writeRoutes,
  decisionRoutes,
  agendaRoutes,
  meetingRoutes,
  rapportRoutes,
  berichtenRoutes,
];

/** A bad input (src/adapters/http/input-errors.ts) as the API's error answer. */
const refuseInput = (res: Response, r: InputRefusal) => {
  res.status(r.status).json({ error: r.code, message: both(r.key, r.params) } satisfies ErrorResponse);
};

/**
 * The API under /api: token check, JSON bodies (UTF-8, up to 64 kB, text PostgreSQL can store), the routes, a 404
 * for any other path, and bad input that fails before a route (malformed or oversized body, a path that does not
 * decode) answered 400/413/415 instead of reaching the server's 500.
 */
export function apiRouter(d: ApiDeps): Router {
  const router = express.Router();
  router.use(authenticate(d));
  router.use(checkInput(refuseInput));
  router.use(express.json({ limit: '64kb' }));
  router.use(checkInput(refuseInput));
  for (const routes of ROUTES) routes(router, d);
  router.use((_req, res) => {
    res.status(404).json({ error: 'not_found', message: both('api.notFound') } satisfies ErrorResponse);
  });
  router.use(inputErrors(refuseInput));
  return router;
}
