// The local tenant's HTTP surface (express): identity at the root once started, Graph under /v1.0 and the Bot
// Connector under /v3 (token check, $batch, request log), local controls under /_local (info, faults, stats,
// requests, bot activities and conversation states, reset), and JSON errors for everything else.
import { randomUUID } from 'node:crypto';
import { acceptInvitation } from './invitations.ts';
import express, { type Express, type NextFunction, type Request, type Response, type Router } from 'express';
import { GraphHttpError, type TenantResponse } from './core.ts';
import { validateFaults } from './faults.ts';
import { seedState } from './seed.ts';
import { applySetup } from './tenant-setup.ts';
import type { RequestLogEntry } from './stats.ts';
import { executeBatch } from './server-batch.ts';
import { errorBody, execute, isPlainObject, lowerHeaders, type ExecOutput } from './server-execute.ts';
import type { TenantRuntime } from './server-runtime.ts';
import type { LocalTenantInfo, VerifiedToken } from './server-types.ts';

/** Records a request (or $batch sub-request) in the request log and stats, and logs it at debug level. */
function recordEntry(
  rt: TenantRuntime,
  o: ExecOutput,
  e: Omit<RequestLogEntry, 'seq' | 'at' | 'route' | 'status'> & { seq?: number },
): void {
  const { recorder, logger } = rt;
  recorder.record({
    ...e,
    route: o.route,
    status: o.status,
    ...(o.outcome ? { outcome: o.outcome } : {}),
    ...(o.retryAfterSeconds !== undefined ? { retryAfterSeconds: o.retryAfterSeconds } : {}),
  });
  logger?.debug({ route: o.route, status: o.status, ms: e.ms, batch: e.batch?.id }, 'local tenant request');
}

function send(res: Response, out: TenantResponse): void {
  res.status(out.status);
  for (const [k, v] of Object.entries(out.headers ?? {})) res.setHeader(k, v);
  if (out.body === undefined || out.status === 204) res.end();
  else res.json(out.body);
}

function baseOf(rt: TenantRuntime, req: Request): string {
  const { baseUrl, httpUrl } = rt;
  return req.protocol === 'https' || !httpUrl ? baseUrl : httpUrl;
}

/** Graph (/v1.0) or Bot Connector (/v3) requests: the token first, then $batch or one request. */
function surfaceHandler(rt: TenantRuntime, surface: 'graph' | 'bot'): (req: Request, res: Response) => Promise<void> {
  return async (req: Request, res: Response) => {
    const { identity, clock, recorder } = rt;
    const started = Date.now();
    const headers = lowerHeaders(req.headers);
    const [rawPath = '/', rawQuery = ''] = req.url.split(/\?(.*)/s);
    const query = new URLSearchParams(rawQuery);
    const method = req.method.toUpperCase();
    const routeForAuthFailure = `${method} ${surface === 'graph' ? '/v1.0' : '/v3'} (unauthenticated)`;
    let auth: VerifiedToken;
    try {
      if (!identity) throw new GraphHttpError(503, 'ServiceUnavailable', 'The local tenant is starting.');
      auth =
        surface === 'bot' && identity.verifyBotToken
          ? await identity.verifyBotToken(req.headers.authorization)
          : await identity.verifyGraphToken(req.headers.authorization);
    } catch (err) {
      const status = err instanceof GraphHttpError ? err.status : 401;
      const code = err instanceof GraphHttpError ? err.code : 'InvalidAuthenticationToken';
      const message = err instanceof GraphHttpError ? err.message : 'Access token validation failure.';
      const out: ExecOutput = {
        status,
        route: routeForAuthFailure,
        headers: status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {},
        body: errorBody(code, message, randomUUID(), clock.now()),
      };
      recordEntry(rt, out, { method, path: rawPath, ms: Date.now() - started });
      send(res, out);
      return;
    }
    const base = baseOf(rt, req);
    if (surface === 'graph' && method === 'POST' && rawPath.toLowerCase() === '/$batch') {
      const seq = recorder.nextSeq();
      const out = await executeBatch(rt, req.body, auth, base, seq, (o, e) => recordEntry(rt, o, e));
      recordEntry(
        rt,
        { ...out, headers: {}, route: 'POST /v1.0/$batch' },
        { seq, method, path: rawPath, ms: Date.now() - started, tenantId: auth.tenantId, appId: auth.appId },
      );
      send(res, out);
      return;
    }
    const out = await execute(rt, { surface, method, rawPath, query, headers, body: req.body, auth, base });
    recordEntry(rt, out, {
      method,
      path: rawPath,
      ms: Date.now() - started,
      tenantId: auth.tenantId,
      appId: auth.appId,
    });
    send(res, out);
  };
}

/** The /_local controls: info, faults, stats, the request log, bot activities and conversation states, reset. */
function localControls(rt: TenantRuntime, info: () => LocalTenantInfo): Router {
  const { faults, recorder, bot, state, saver, options, clock } = rt;
  const local = express.Router();
  local.get('/info', (_req, res) => {
    res.json(info());
  });
  local.get('/faults', (_req, res) => {
    res.json(faults.config());
  });
  local.post('/faults', (req, res) => {
    try {
      res.json(faults.set(validateFaults(req.body)));
    } catch (err) {
      res
        .status(400)
        .json({ error: { code: 'BadRequest', message: err instanceof Error ? err.message : String(err) } });
    }
  });
  local.get('/stats', (_req, res) => {
    res.json(recorder.stats());
  });
  local.post('/stats/reset', (_req, res) => {
    recorder.reset();
    res.status(204).end();
  });
  local.get('/requests', (req, res) => {
    const raw = typeof req.query.limit === 'string' ? Number(req.query.limit) : 100;
    const limit = Number.isInteger(raw) && raw > 0 ? Math.min(raw, 10_000) : 100;
    res.json({ value: recorder.requests(limit) });
  });
  local.get('/bot/activities', (req, res) => {
    const filter: { conversationId?: string; tenantId?: string } = {};
    if (typeof req.query.conversationId === 'string') filter.conversationId = req.query.conversationId;
    if (typeof req.query.tenantId === 'string') filter.tenantId = req.query.tenantId;
    res.json({ value: bot.activities(filter) });
  });
  local.delete('/bot/activities', (_req, res) => {
    bot.clear();
    res.status(204).end();
  });
  local.post('/bot/conversations/:id/state', (req, res) => {
    const body = isPlainObject(req.body) ? req.body : {};
    const value = body.state;
    if (value !== 'active' && value !== 'blocked' && value !== 'gone') {
      res.status(400).json({ error: { code: 'BadRequest', message: "state must be 'active', 'blocked' or 'gone'" } });
      return;
    }
    const tenantId = typeof body.tenantId === 'string' ? body.tenantId.toLowerCase() : undefined;
    if (tenantId && !state.tenants[tenantId]) {
      res.status(404).json({ error: { code: 'NotFound', message: 'unknown tenant' } });
      return;
    }
    bot.setConversationState(state, String(req.params.id), value, tenantId);
    saver.changed();
    res.status(204).end();
  });
  local.post('/invitations/accept', (req, res) => {
    // Stands in for the person redeeming their invitation in a browser (Graph has no API for it).
    const body = isPlainObject(req.body) ? req.body : {};
    if (typeof body.email !== 'string' || body.email.trim() === '') {
      res.status(400).json({ error: { code: 'BadRequest', message: 'email (the guest mail address) is required' } });
      return;
    }
    const tenantId = typeof body.tenantId === 'string' ? body.tenantId : undefined;
    const accepted = acceptInvitation(state, body.email, clock.now(), tenantId);
    if (accepted.length === 0) {
      res.status(404).json({ error: { code: 'NotFound', message: 'no pending invitation for this address' } });
      return;
    }
    saver.changed();
    res.json({ value: accepted });
  });
  local.post('/reset', (_req, res) => {
    // Back to freshly seeded state; apps (credentials) stay.
    const fresh = seedState({ version: 1, tenants: {}, apps: state.apps }, options.directory, { now: clock.now() });
    Object.assign(state, fresh.state);
    applySetup(state, options.setup);
    saver.changed();
    res.status(204).end();
  });
  return local;
}

/** The express app of a local tenant; it answers 503 until the identity provider is up (except /_local). */
export function createTenantApp(rt: TenantRuntime, info: () => LocalTenantInfo): Express {
  const { logger, clock } = rt;
  const app = express();
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    if (rt.identityRouter) {
      rt.identityRouter(req, res, next);
      return;
    }
    if (req.path.startsWith('/_local')) {
      next();
      return;
    }
    res
      .status(503)
      .setHeader('Retry-After', '1')
      .json({ error: { code: 'ServiceUnavailable', message: 'The local tenant is starting.' } });
  });
  const json = express.json({ limit: '4mb', type: () => true });
  app.use('/v1.0', json, surfaceHandler(rt, 'graph'));
  app.use('/v3', json, surfaceHandler(rt, 'bot'));
  app.use('/_local', json, localControls(rt, info));
  app.use((_req, res) => {
    res.status(404).json({
      error: {
        code: 'NotFound',
        message: 'Nothing here. Graph is under /v1.0, the Bot Connector under /v3, local controls under /_local.',
      },
    });
  });
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number }).status : 500;
    const message =
      status === 400
        ? 'The request body is not valid JSON.'
        : status === 413
          ? 'The request body is too large.'
          : 'The local tenant failed.';
    if (status >= 500) logger?.error({ err: err instanceof Error ? err.message : String(err) }, 'local tenant error');
    res
      .status(status)
      .json(
        errorBody(
          status === 400 ? 'BadRequest' : status === 413 ? 'RequestEntityTooLarge' : 'InternalServerError',
          message,
          randomUUID(),
          clock.now(),
        ),
      );
  });
  return app;
}
