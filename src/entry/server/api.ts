// The JSON API the tab, the bot and the CLI share (types and input schemas: src/app/contract.ts). Every call
// carries a bearer token validated against the tenant's keys (issuer, audience, expiry, tenant allow-list); input
// is validated whole before anything changes; the use cases (src/app/) decide, including who may do what; this
// file only maps HTTP to them and their refusals to 4xx with a message in Dutch and English, never a stack trace.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { z } from 'zod';
import type { TokenValidator, ValidatedToken } from '../../adapters/auth/validate.ts';
import { TokenRejectedError } from '../../adapters/auth/validate.ts';
import { checkInput, inputErrors, type InputRefusal } from '../../adapters/http/input-errors.ts';
import { callerOf, decide, type Caller, type Permission } from '../../app/access.ts';
import * as api from '../../app/contract.ts';
import type { ErrorCode, ErrorResponse } from '../../app/contract.ts';
import { triggerRhythm, type RhythmTrigger } from '../../app/rhythm.ts';
import { agendaOf, nudgeMissing, type Nudger } from '../../app/agenda.ts';
import { badInput, refused, type AppError, type Result } from '../../app/result.ts';
import { capacityOf } from '../../app/views/capacity.ts';
import { me, overview } from '../../app/views/overview.ts';
import { vierKs } from '../../app/views/vierks.ts';
import { werkgroep } from '../../app/views/werkgroep.ts';
import { addBlocker, editAction, listActions, waitChains, type WorkDeps } from '../../app/work/actions.ts';
import { actionFromTopic, backlog, prioritise } from '../../app/work/backlog.ts';
import { decisionLog, moveDecision } from '../../app/work/decisions.ts';
import { recordMeasurement } from '../../app/work/indicators.ts';
import {
  closeProposal,
  decisionHistory,
  editProposalOf,
  moveProposal,
  proposeDecision,
  undoLastChange,
  withdrawProposal,
} from '../../app/work/proposals.ts';
import { both } from '../../domain/i18n.ts';

export interface ApiDeps extends WorkDeps {
  validate: TokenValidator;
  /** Local mode (dev): send one meeting's reminder rhythm now. */
  triggerRhythm?: RhythmTrigger;
  /** The bot's nudge sent now (the agenda's one-click reminder); absent: no such route. */
  nudge?: Nudger;
  /** The product's own app ids: an app-only token of any other app is a stranger (src/app/access.ts callerOf). */
  appIds?: readonly string[];
}

const STATUS: Record<AppError['code'], number> = {
  bad_input: 400,
  cycle: 400,
  forbidden: 403,
  not_found: 404,
  changed: 409,
  not_possible: 409,
  exists: 409,
  too_large: 413,
  unsupported_media_type: 415,
  version_required: 428,
};

/** A refusal as its HTTP answer; a 409 `changed` carries the action as it is now. */
function sendError(res: Response, e: AppError): void {
  const body: ErrorResponse = { error: e.code, message: both(e.key, e.params) };
  if (e.current) body.action = e.current;
  res.status(STATUS[e.code]).json(body);
}

/** Sends a use case's result: the value with `status`, or its refusal. */
function send<T>(res: Response, r: Result<T>, status = 200): void {
  if (r.ok) res.status(status).json(r.value);
  else sendError(res, r.error);
}

/** What was wrong with the input, field by field ("status: Invalid option; due: …"). */
const issuesOf = (error: z.ZodError) =>
  error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');

/** `input` parsed with the contract's `schema`, or undefined after answering 400 (with `detail`, if given). */
function parse<S extends z.ZodType>(res: Response, schema: S, input: unknown, detail?: string): z.infer<S> | undefined {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  sendError(res, badInput(detail ?? issuesOf(r.error)).error);
  return undefined;
}

const callerOfRes = (d: ApiDeps, res: Response): Caller =>
  callerOf(d.programme, res.locals['token'] as ValidatedToken, d.appIds);
const param = (req: Request, name: string) => String(req.params[name]);
/** The version an edit applies to, from If-Match ("…", W/"…" or *); undefined without one (answered 428). */
const ifMatch = (req: Request) => req.get('if-match')?.replace(/^W\//, '').replace(/"/g, '') || undefined;

/** A read route's access decision (src/app/access.ts): 403 with the reason before the route runs. */
const mayRead =
  (d: ApiDeps, what: Permission = { do: 'programme.read' }) =>
  (_req: Request, res: Response, next: NextFunction) => {
    const no = refused(decide(d.programme, callerOfRes(d, res), what), what);
    if (no) sendError(res, no.error);
    else next();
  };

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

/**
 * Decisions entered by people (issue 18 §1): propose (201), edit, move, close with a chosen outcome, withdraw, undo
 * the latest move or outcome — each change with the decision's version in If-Match — and its history.
 */
function decisionRoutes(router: Router, d: ApiDeps): void {
  router.post('/besluiten', async (req, res) => {
    const body = parse(res, api.ProposalInput, req.body);
    if (body) send<api.DecisionView>(res, await proposeDecision(d, callerOfRes(d, res), body), 201);
  });
  router.patch('/besluiten/:id', async (req, res) => {
    const body = parse(res, api.ProposalPatch, req.body);
    if (body)
      send<api.DecisionView>(res, await editProposalOf(d, callerOfRes(d, res), param(req, 'id'), body, ifMatch(req)));
  });
  router.post('/besluiten/:id/verplaatsen', async (req, res) => {
    const body = parse(res, api.DecisionMove, req.body);
    if (body)
      send<api.DecisionView>(res, await moveProposal(d, callerOfRes(d, res), param(req, 'id'), body, ifMatch(req)));
  });
  router.post('/besluiten/:id/uitkomst', async (req, res) => {
    const body = parse(res, api.DecisionOutcome, req.body);
    if (body)
      send<api.DecisionView>(res, await closeProposal(d, callerOfRes(d, res), param(req, 'id'), body, ifMatch(req)));
  });
  router.post('/besluiten/:id/intrekken', async (req, res) => {
    send<api.DecisionView>(res, await withdrawProposal(d, callerOfRes(d, res), param(req, 'id'), ifMatch(req)));
  });
  router.post('/besluiten/:id/ongedaan', async (req, res) => {
    send<api.DecisionView>(res, await undoLastChange(d, callerOfRes(d, res), param(req, 'id'), ifMatch(req)));
  });
  router.get('/besluiten/:id/geschiedenis', mayRead(d), async (req, res) => {
    send<api.DecisionHistoryResponse>(res, await decisionHistory(d, param(req, 'id')));
  });
}

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
  readRoutes(router, d);
  writeRoutes(router, d);
  decisionRoutes(router, d);
  router.use((_req, res) => {
    res.status(404).json({ error: 'not_found', message: both('api.notFound') } satisfies ErrorResponse);
  });
  router.use(inputErrors(refuseInput));
  return router;
}
