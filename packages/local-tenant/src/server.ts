// The local tenant: several Microsoft 365 tenants in one process, served over HTTPS (and plain HTTP) with
// Graph under /v1.0 (routing, $batch, paging, $select/$filter/$top), the Bot Connector under /v3, identity
// from identity.ts at the root and local controls under /_local (faults, stats, request log, reset).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { BotConnector, type BotActivityRecord, type ConversationState } from './botconnector.ts';
import { GraphHttpError, systemClock, type Clock, type LocalTenantState, type TenantLogger, type Route, type TenantContext, type TenantRequest, type TenantResponse } from './core.ts';
import { directoryRoutes } from './directory.ts';
import { calendarRoutes } from './calendar.ts';
import { plannerRoutes } from './planner.ts';
import { findUser } from './entities.ts';
import { FaultInjector, validateFaults, type FaultConfig } from './faults.ts';
import { applySelect, decodeSkipToken, nextLink, parseFilter, parseSelect, parseTop } from './odata.ts';
import { loadState, StateSaver, writeFileAtomic } from './persistence.ts';
import { contextFragment, RouteTable } from './routing.ts';
import { seedState, tenantList, type AppRegistration, type TenantDirectory } from './seed.ts';
import { RequestRecorder, type LocalTenantStats, type Outcome, type RequestLogEntry } from './stats.ts';
import { teamsRoutes } from './teams.ts';
import { LIMITS, Throttler, type Bucket } from './throttle.ts';
import { loadOrCreateTls } from './tls.ts';

/** What identity.ts provides (helper G): the identity endpoints and token validation for Graph calls. */
export interface VerifiedToken {
  tenantId: string;
  appId: string;
  roles: string[];
  userId?: string;
}

export interface IdentityProvider {
  router(): Router;
  verifyGraphToken(authorizationHeader?: string): Promise<VerifiedToken>;
  /** Bot Connector tokens, if the provider tells them apart; otherwise verifyGraphToken is used for /v3 too. */
  verifyBotToken?(authorizationHeader?: string): Promise<VerifiedToken>;
}

export type IdentityFactory = (deps: { state: LocalTenantState; baseUrl: string; dataDir: string; clock: Clock }) => Promise<IdentityProvider>;

export interface LocalTenantOptions {
  /** The tenants and their users to seed (seeding only adds what the state lacks). */
  directory: TenantDirectory;
  /** Directory for state.json and the TLS material; 'memory' writes nothing (a temp dir is used for identity keys). */
  dataDir: string;
  /** HTTPS port (0: any free port). */
  port?: number;
  /** Plain HTTP port serving the same app (0: any free port; null: none). */
  httpPort?: number | null;
  /** Interface to listen on; default 127.0.0.1 (the URLs say localhost). */
  host?: string;
  /** Start with empty state (the TLS material and the app credentials are kept). */
  reset?: boolean;
  clock?: Clock;
  faults?: Partial<FaultConfig>;
  /** Items per page when the caller gives no $top (default 100). */
  pageSize?: number;
  /** Polls of a teamsAsyncOperation that answer inProgress before succeeded (default 1). */
  operationPolls?: number;
  /** Identity provider factory; default: createIdentityProvider from identity.ts. */
  identity?: IdentityFactory;
  /** More Graph routes (tests, experiments). */
  routes?: Route[];
  /** The registered app: given credentials, or generated ones kept in the state (default name 'Local app'). */
  app?: AppRegistration;
  logger?: TenantLogger;
  /** Debounce of state writes in ms (default 250). */
  saveDebounceMs?: number;
  /** Replaces the latency wait (tests). */
  sleep?: (ms: number) => Promise<void>;
}

/** The shape of .regiekamer/local-tenant.json: the handle's data, plus where the CA certificate is. */
export interface LocalTenantInfo {
  baseUrl: string;
  httpUrl: string | null;
  caCertPem: string;
  caCertPath: string | null;
  tenants: { id: string; domain: string; displayName: string }[];
  app: { clientId: string; clientSecret: string };
}

export interface LocalTenantHandle {
  baseUrl: string;
  httpUrl: string | null;
  caCertPem: string;
  caCertPath: string | null;
  tenants: { id: string; domain: string; displayName: string }[];
  app: { clientId: string; clientSecret: string };
  /** Where local-tenant.json was written (null in memory mode). */
  infoFile: string | null;
  stats(): LocalTenantStats;
  resetStats(): void;
  requests(limit?: number): RequestLogEntry[];
  faults(): FaultConfig;
  setFaults(changes: Partial<FaultConfig>): FaultConfig;
  bot: {
    activities(filter?: { conversationId?: string; tenantId?: string }): BotActivityRecord[];
    clear(): void;
    setConversationState(conversationId: string, state: ConversationState, tenantId?: string): void;
  };
  /** The live state (read it; change it only through the API). */
  state(): LocalTenantState;
  /** Writes state.json now. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

export const TENANT_IN_MEMORY = 'memory';
const MAX_PAGE_SIZE = 999;
const MAX_BATCH = 20;
/** Outlook runs at most 4 sub-requests of a batch in parallel; we do the same for every batch. */
const BATCH_PARALLELISM = 4;

async function defaultIdentityFactory(): Promise<IdentityFactory> {
  // A literal specifier, so that the build (tsc's rewriteRelativeImportExtensions) turns it into ./identity.js;
  // a computed one would still name the .ts source in dist/.
  const mod = await import('./identity.ts').catch((err: unknown) => {
    throw new Error(`the local identity provider (identity.ts) could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
  });
  return mod.createIdentityProvider;
}

interface ExecInput {
  surface: 'graph' | 'bot';
  method: string;
  /** Path below /v1.0 or /v3, as sent (still percent-encoded), without the query. */
  rawPath: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  auth: VerifiedToken;
  /** Base of absolute links in the answer: https or http URL of this server. */
  base: string;
  batch?: { seq: number; id: string };
}

interface ExecOutput extends TenantResponse {
  headers: Record<string, string>;
  route: string;
  outcome?: Outcome;
  retryAfterSeconds?: number;
}

function errorBody(code: string, message: string, requestId: string, now: Date): Record<string, unknown> {
  return { error: { code, message, innerError: { date: now.toISOString().replace(/\.\d{3}Z$/, ''), 'request-id': requestId, 'client-request-id': requestId } } };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function lowerHeaders(h: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (typeof v === 'string') out[k.toLowerCase()] = v;
    else if (Array.isArray(v)) out[k.toLowerCase()] = v.join(', ');
  }
  return out;
}

/** A tiny semaphore for the batch's parallelism. */
function limiter(max: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((resolve) => queue.push(resolve));
    active++;
    try {
      return await fn();
    } finally {
      active--;
      queue.shift()?.();
    }
  };
}

export async function startLocalTenant(options: LocalTenantOptions): Promise<LocalTenantHandle> {
  const clock = options.clock ?? systemClock;
  const memory = options.dataDir === TENANT_IN_MEMORY;
  const dataDir = memory ? undefined : path.resolve(options.dataDir);
  const logger = options.logger;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, options.pageSize ?? 100));

  // State: loaded (unless reset), then seeded from the directory — seeding only adds what is missing.
  const stateFile = dataDir ? path.join(dataDir, 'state.json') : undefined;
  let previous: LocalTenantState | undefined;
  if (stateFile) {
    if (options.reset) {
      // Keep the app credentials over a reset, so configured clients keep working.
      const old = await loadState(stateFile).catch((err: unknown) => {
        logger?.warn({ err: err instanceof Error ? err.message : String(err) }, 'old local tenant state unreadable; starting clean');
        return undefined;
      });
      previous = old ? { version: 1, tenants: {}, apps: old.apps } : undefined;
    } else {
      previous = await loadState(stateFile);
    }
  }
  const seeded = seedState(previous, options.directory, { now: clock.now(), app: options.app });
  const state = seeded.state;
  const app0 = state.apps.find((a) => a.clientId === options.app?.clientId) ?? state.apps[0];
  if (!app0) throw new Error('no app registered in the local tenant state');
  const saver = new StateSaver(stateFile, () => state, options.saveDebounceMs ?? 250, (err) => {
    logger?.error({ err: err instanceof Error ? err.message : String(err) }, 'saving local tenant state failed');
  });
  if (seeded.changed || options.reset) saver.changed();

  const tls = await loadOrCreateTls(dataDir);
  const identityDir = dataDir ?? await mkdtemp(path.join(os.tmpdir(), 'rk-local-tenant-'));

  const faults = new FaultInjector(options.faults);
  const throttler = new Throttler(clock);
  const recorder = new RequestRecorder(() => clock.now());
  const bot = new BotConnector();
  // Extra routes come first, so a test can stand in for a built-in handler.
  const graphRoutes = new RouteTable([...(options.routes ?? []), ...graphModules({ operationPolls: options.operationPolls })]);
  const botRoutes = new RouteTable(bot.routes());

  let identity: IdentityProvider | undefined;
  let identityRouter: Router | undefined;
  let baseUrl = '';
  let httpUrl: string | null = null;

  const context = (base: string): TenantContext => ({
    state,
    clock,
    baseUrl: base,
    newId: (prefix?: string) => (prefix ? `${prefix}${randomUUID().replaceAll('-', '')}` : randomUUID()),
    newEtag: () => `W/"${randomBytes(18).toString('base64')}"`,
    changed: () => saver.changed(),
  });

  /** The throttling buckets a request counts against (documented limits; docs/platform.md#throttling-limits). */
  const bucketsFor = (input: ExecInput, route: Route, req: TenantRequest): { buckets: Bucket[]; concurrency?: { key: string; max: number } } => {
    const { appId, tenantId } = input.auth;
    const buckets: Bucket[] = [];
    let concurrency: { key: string; max: number } | undefined;
    if (input.surface === 'bot') {
      buckets.push({ key: `bottenant|${appId}|${tenantId}`, ...LIMITS.botPerTenant });
    } else {
      buckets.push({ key: `app|${appId}`, ...LIMITS.perApp });
      for (const cls of LIMITS.perTenant) {
        if ((cls.methods as readonly string[]).includes(req.method) && (cls.patterns as readonly string[]).includes(route.pattern)) {
          buckets.push({ key: `tenant|${appId}|${tenantId}|${cls.name}`, limit: cls.limit, windowMs: cls.windowMs });
        }
      }
    }
    const key = route.throttleKey?.(req) ?? defaultThrottleKey(route, req);
    if (key) {
      const colon = key.indexOf(':');
      const kind = colon > 0 ? key.slice(0, colon) : key;
      let id = colon > 0 ? key.slice(colon + 1) : '';
      if (kind === 'team' || kind === 'channel') {
        buckets.push({ key: `${kind}|${appId}|${tenantId}|${id.toLowerCase()}`, ...LIMITS.perTeamOrChannel });
      } else if (kind === 'mailbox') {
        // A mailbox addressed by UPN or by id is the same mailbox.
        id = String(findUser(context(input.base), tenantId, id)?.id ?? id).toLowerCase();
        buckets.push({ key: `mailbox|${appId}|${tenantId}|${id}`, ...LIMITS.perMailbox });
        concurrency = { key: `mailbox|${appId}|${tenantId}|${id}`, max: LIMITS.mailboxConcurrency };
      } else if (kind === 'conversation') {
        for (const w of LIMITS.perConversation) buckets.push({ key: `conversation|${appId}|${tenantId}|${id}`, ...w });
      }
    }
    return { buckets, concurrency };
  };

  /** One Graph or Bot Connector request (or $batch sub-request): route, faults, throttling, handler, OData shaping. */
  const execute = async (input: ExecInput): Promise<ExecOutput> => {
    const requestId = randomUUID();
    const baseHeaders: Record<string, string> = { 'request-id': requestId, 'client-request-id': input.headers['client-request-id'] ?? requestId };
    const fail = (status: number, code: string, message: string, route: string, extra: Partial<ExecOutput> = {}): ExecOutput => ({
      status, route, headers: { ...baseHeaders, ...(extra.headers ?? {}) }, body: errorBody(code, message, requestId, clock.now()),
      ...(extra.outcome ? { outcome: extra.outcome } : {}), ...(extra.retryAfterSeconds !== undefined ? { retryAfterSeconds: extra.retryAfterSeconds } : {}),
    });
    const prefix = input.surface === 'graph' ? '/v1.0' : '/v3';
    const table = input.surface === 'graph' ? graphRoutes : botRoutes;
    const matched = table.match(input.method, input.rawPath);
    if (matched.kind === 'not-found') {
      return input.surface === 'graph'
        ? fail(400, 'BadRequest', `Resource not found for the segment '${matched.segment}'.`, `${input.method} (unmatched)`)
        : fail(404, 'NotFound', 'No such Bot Connector operation.', `${input.method} (unmatched)`);
    }
    if (matched.kind === 'method-not-allowed') {
      return fail(405, 'Request_BadRequest', `The method ${input.method} is not allowed here (allowed: ${matched.allowed.join(', ')}).`,
        `${input.method} (method not allowed)`, { headers: { Allow: matched.allowed.join(', ') } });
    }
    const { route, params } = matched.match;
    const routeName = `${route.method} ${prefix}${route.pattern}`;
    if (!state.tenants[input.auth.tenantId]) return fail(401, 'InvalidAuthenticationToken', 'The token names a tenant that is not here.', routeName);

    const req: TenantRequest = {
      tenantId: input.auth.tenantId,
      appId: input.auth.appId,
      ...(input.auth.userId ? { userId: input.auth.userId } : {}),
      method: route.method,
      path: input.rawPath,
      params,
      query: input.query,
      headers: input.headers,
      body: input.body,
    };

    const config = faults.config();
    const decision = faults.decide();
    if (decision.kind !== 'none' && config.latencyMs > 0) await sleep(config.latencyMs);
    if (decision.kind === 'injected429') {
      return fail(429, 'TooManyRequests', 'Too many requests (injected fault).', routeName,
        { headers: { 'Retry-After': String(decision.retryAfterSeconds) }, outcome: 'injected429', retryAfterSeconds: decision.retryAfterSeconds });
    }
    if (decision.kind === 'injected503') {
      return fail(503, 'ServiceUnavailable', 'The service is temporarily unavailable (injected fault).', routeName,
        { headers: { 'Retry-After': String(decision.retryAfterSeconds) }, outcome: 'injected503', retryAfterSeconds: decision.retryAfterSeconds });
    }

    let release: () => void = () => undefined;
    if (config.throttling) {
      const { buckets, concurrency } = bucketsFor(input, route, req);
      const taken = throttler.take(buckets, concurrency);
      if (!taken.ok) {
        return fail(429, 'TooManyRequests', `Too many requests: the limit of ${taken.reason} was reached.`, routeName,
          { headers: { 'Retry-After': String(taken.retryAfterSeconds) }, outcome: 'throttled', retryAfterSeconds: taken.retryAfterSeconds });
      }
      release = taken.release;
    }

    try {
      // Latency is spent holding the throttling slot, so slow answers count against concurrency as they would.
      if (config.latencyMs > 0) await sleep(config.latencyMs);
      const ctx = context(input.base);
      const res = await route.handler(req, ctx);
      const shaped = input.surface === 'graph' ? shapeGraphResponse(res, route, params, req, input) : res;
      return { ...shaped, headers: { ...baseHeaders, ...(shaped.headers ?? {}) }, route: routeName };
    } catch (err) {
      if (err instanceof GraphHttpError) return fail(err.status, err.code, err.message, routeName, { headers: err.headers });
      logger?.error({ route: routeName, err: err instanceof Error ? err.message : String(err) }, 'local tenant handler failed');
      return fail(500, 'InternalServerError', 'The local tenant failed to handle this request.', routeName);
    } finally {
      release();
    }
  };

  /** Applies $filter, $select, $top and paging to collections; $select and @odata.context to entities. */
  const shapeGraphResponse = (res: TenantResponse, route: Route, params: Record<string, string>, req: TenantRequest, input: ExecInput): TenantResponse => {
    if ((res.status !== 200 && res.status !== 201) || !isPlainObject(res.body)) return res;
    const body = res.body;
    const base = `${input.base}/v1.0`;
    const isCollection = Array.isArray(body.value) && req.method === 'GET';
    const select = req.method === 'GET' ? parseSelect(req.query.get('$select')) : undefined;
    const selectSuffix = select ? `(${select.join(',')})` : '';
    const fragment = contextFragment(route.pattern, params, isCollection);
    const context = isCollection
      ? `${base}/$metadata#${fragment}${selectSuffix}`
      : `${base}/$metadata#${fragment.replace(/\/\$entity$/, `${selectSuffix}/$entity`)}`;
    const project = (item: Record<string, unknown>) => {
      if (select) return applySelect(item, select);
      if (route.defaultSelect) return applySelect(item, route.defaultSelect);
      return item;
    };

    // A handler that pages by itself (delta links, its own skip tokens) is passed through.
    if ('@odata.nextLink' in body || '@odata.deltaLink' in body || !isCollection) {
      const shaped = isCollection ? body : project(body);
      return { ...res, body: { '@odata.context': body['@odata.context'] ?? context, ...shaped } };
    }

    let items = (body.value as unknown[]).filter(isPlainObject);
    const filter = req.query.get('$filter');
    if (filter !== null) {
      const predicate = parseFilter(filter);
      items = items.filter(predicate);
    }
    const top = parseTop(req.query.get('$top'), MAX_PAGE_SIZE);
    const size = top ?? pageSize;
    const offset = decodeSkipToken(req.query.get('$skiptoken'));
    const page = items.slice(offset, offset + size).map(project);
    const { value: _value, ...annotations } = body;
    const out: Record<string, unknown> = { '@odata.context': body['@odata.context'] ?? context, ...annotations };
    if (req.query.get('$count') === 'true') out['@odata.count'] = items.length;
    out.value = page;
    if (offset + size < items.length) out['@odata.nextLink'] = nextLink(base, input.rawPath, req.query, offset + size);
    return { ...res, body: out };
  };

  /** Runs a $batch: ≤20 sub-requests, dependsOn order, 424 for dependants of a failure, 4 in parallel. */
  const executeBatch = async (body: unknown, auth: VerifiedToken, base: string, batchSeq: number, record: (o: ExecOutput, e: Omit<RequestLogEntry, 'seq' | 'at' | 'route' | 'status'>) => void): Promise<TenantResponse> => {
    const now = clock.now();
    const bad = (message: string): TenantResponse => ({ status: 400, body: errorBody('BadRequest', message, randomUUID(), now) });
    if (!isPlainObject(body) || !Array.isArray(body.requests)) return bad("A batch needs a 'requests' array.");
    const requests = body.requests as unknown[];
    if (requests.length === 0) return bad('A batch needs at least one request.');
    if (requests.length > MAX_BATCH) return bad(`Number of requests exceeds the limit of ${MAX_BATCH}.`);
    const ids = new Set<string>();
    const parsed: { id: string; method: string; url: string; headers: Record<string, string>; body: unknown; dependsOn: string[] }[] = [];
    for (const r of requests) {
      if (!isPlainObject(r)) return bad('Every batch request must be a JSON object.');
      const id = r.id;
      if (typeof id !== 'string' || id === '') return bad("Every batch request needs a string 'id'.");
      if (ids.has(id)) return bad(`Request id '${id}' is used more than once.`);
      ids.add(id);
      const method = typeof r.method === 'string' ? r.method.toUpperCase() : '';
      if (!['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(method)) return bad(`Request '${id}' has an invalid method.`);
      if (typeof r.url !== 'string' || r.url === '') return bad(`Request '${id}' needs a 'url'.`);
      const subHeaders = isPlainObject(r.headers) ? lowerHeaders(r.headers) : {};
      if (r.body !== undefined && method !== 'GET' && !subHeaders['content-type']) {
        return bad(`Write request id : ${id} does not contain Content-Type header or body.`);
      }
      const dependsOn = r.dependsOn === undefined ? [] : r.dependsOn;
      if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string')) return bad(`Request '${id}' has an invalid 'dependsOn'.`);
      parsed.push({ id, method, url: r.url, headers: subHeaders, body: r.body, dependsOn: dependsOn as string[] });
    }
    for (const p of parsed) {
      for (const d of p.dependsOn) if (!ids.has(d) || d === p.id) return bad(`Request '${p.id}' depends on unknown request '${d}'.`);
    }
    // Cycles would wait forever; refuse them like the service does.
    const visiting = new Set<string>();
    const done = new Set<string>();
    const byId = new Map(parsed.map((p) => [p.id, p]));
    const cyclic = (id: string): boolean => {
      if (done.has(id)) return false;
      if (visiting.has(id)) return true;
      visiting.add(id);
      const found = (byId.get(id)?.dependsOn ?? []).some(cyclic);
      visiting.delete(id);
      done.add(id);
      return found;
    };
    if (parsed.some((p) => cyclic(p.id))) return bad('The dependsOn references form a cycle.');

    const slot = limiter(BATCH_PARALLELISM);
    const results = new Map<string, Promise<ExecOutput>>();
    const run = (p: (typeof parsed)[number]): Promise<ExecOutput> => {
      const existing = results.get(p.id);
      if (existing) return existing;
      const promise = (async (): Promise<ExecOutput> => {
        const deps = await Promise.all(p.dependsOn.map((d) => run(byId.get(d) as (typeof parsed)[number])));
        const started = Date.now();
        let out: ExecOutput;
        if (deps.some((d) => d.status >= 400)) {
          out = { status: 424, route: `${p.method} (failed dependency)`, headers: {}, body: errorBody('FailedDependency', 'A request this request depends on failed.', randomUUID(), clock.now()) };
        } else if (/^[a-z][a-z0-9+.-]*:/i.test(p.url)) {
          out = { status: 400, route: `${p.method} (unmatched)`, headers: {}, body: errorBody('BadRequest', 'Batch request URLs must be relative to the version, e.g. /users.', randomUUID(), clock.now()) };
        } else {
          const url = new URL(p.url.startsWith('/') ? p.url : `/${p.url}`, 'http://batch.local');
          if (url.pathname.toLowerCase() === '/$batch') {
            out = { status: 400, route: 'POST (nested $batch)', headers: {}, body: errorBody('BadRequest', 'A batch cannot contain a batch.', randomUUID(), clock.now()) };
          } else {
            out = await slot(() => execute({
              surface: 'graph', method: p.method, rawPath: url.pathname, query: url.searchParams,
              headers: p.headers, body: p.body, auth, base, batch: { seq: batchSeq, id: p.id },
            }));
          }
        }
        record(out, { method: p.method, path: p.url.split('?')[0] ?? p.url, ms: Date.now() - started, tenantId: auth.tenantId, appId: auth.appId, batch: { seq: batchSeq, id: p.id } });
        return out;
      })();
      results.set(p.id, promise);
      return promise;
    };
    const outputs = await Promise.all(parsed.map(run));
    const responses = parsed.map((p, i) => {
      const o = outputs[i] as ExecOutput;
      const h: Record<string, string> = { ...o.headers };
      if (o.body !== undefined) h['Content-Type'] = 'application/json';
      return { id: p.id, status: o.status, headers: h, ...(o.body !== undefined ? { body: o.body } : {}) };
    });
    return { status: 200, body: { responses } };
  };

  const recordEntry = (o: ExecOutput, e: Omit<RequestLogEntry, 'seq' | 'at' | 'route' | 'status'> & { seq?: number }) => {
    recorder.record({
      ...e, route: o.route, status: o.status,
      ...(o.outcome ? { outcome: o.outcome } : {}), ...(o.retryAfterSeconds !== undefined ? { retryAfterSeconds: o.retryAfterSeconds } : {}),
    });
    logger?.debug({ route: o.route, status: o.status, ms: e.ms, batch: e.batch?.id }, 'local tenant request');
  };

  const send = (res: Response, out: TenantResponse) => {
    res.status(out.status);
    for (const [k, v] of Object.entries(out.headers ?? {})) res.setHeader(k, v);
    if (out.body === undefined || out.status === 204) res.end();
    else res.json(out.body);
  };

  const baseOf = (req: Request): string => (req.protocol === 'https' || !httpUrl ? baseUrl : httpUrl);

  const surfaceHandler = (surface: 'graph' | 'bot') => async (req: Request, res: Response) => {
    const started = Date.now();
    const headers = lowerHeaders(req.headers);
    const [rawPath = '/', rawQuery = ''] = req.url.split(/\?(.*)/s);
    const query = new URLSearchParams(rawQuery);
    const method = req.method.toUpperCase();
    const routeForAuthFailure = `${method} ${surface === 'graph' ? '/v1.0' : '/v3'} (unauthenticated)`;
    let auth: VerifiedToken;
    try {
      if (!identity) throw new GraphHttpError(503, 'ServiceUnavailable', 'The local tenant is starting.');
      auth = surface === 'bot' && identity.verifyBotToken
        ? await identity.verifyBotToken(req.headers.authorization)
        : await identity.verifyGraphToken(req.headers.authorization);
    } catch (err) {
      const status = err instanceof GraphHttpError ? err.status : 401;
      const code = err instanceof GraphHttpError ? err.code : 'InvalidAuthenticationToken';
      const message = err instanceof GraphHttpError ? err.message : 'Access token validation failure.';
      const out: ExecOutput = { status, route: routeForAuthFailure, headers: status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {}, body: errorBody(code, message, randomUUID(), clock.now()) };
      recordEntry(out, { method, path: rawPath, ms: Date.now() - started });
      send(res, out);
      return;
    }
    const base = baseOf(req);
    if (surface === 'graph' && method === 'POST' && rawPath.toLowerCase() === '/$batch') {
      const seq = recorder.nextSeq();
      const out = await executeBatch(req.body, auth, base, seq, recordEntry);
      recordEntry({ ...out, headers: {}, route: 'POST /v1.0/$batch' }, { seq, method, path: rawPath, ms: Date.now() - started, tenantId: auth.tenantId, appId: auth.appId });
      send(res, out);
      return;
    }
    const out = await execute({ surface, method, rawPath, query, headers, body: req.body, auth, base });
    recordEntry(out, { method, path: rawPath, ms: Date.now() - started, tenantId: auth.tenantId, appId: auth.appId });
    send(res, out);
  };

  const handle = {
    tenants: () => tenantList(state, options.directory),
    info: (): LocalTenantInfo => ({
      baseUrl, httpUrl, caCertPem: tls.caCertPem, caCertPath: tls.caCertPath ?? null,
      tenants: tenantList(state, options.directory), app: { clientId: app0.clientId, clientSecret: app0.clientSecret },
    }),
  };

  const local = express.Router();
  local.get('/info', (_req, res) => {
    res.json(handle.info());
  });
  local.get('/faults', (_req, res) => {
    res.json(faults.config());
  });
  local.post('/faults', (req, res) => {
    try {
      res.json(faults.set(validateFaults(req.body)));
    } catch (err) {
      res.status(400).json({ error: { code: 'BadRequest', message: err instanceof Error ? err.message : String(err) } });
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
  local.post('/reset', (_req, res) => {
    // Back to freshly seeded state; apps (credentials) stay.
    const fresh = seedState({ version: 1, tenants: {}, apps: state.apps }, options.directory, { now: clock.now() });
    Object.assign(state, fresh.state);
    saver.changed();
    res.status(204).end();
  });

  const app = express();
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    if (identityRouter) {
      identityRouter(req, res, next);
      return;
    }
    if (req.path.startsWith('/_local')) {
      next();
      return;
    }
    res.status(503).setHeader('Retry-After', '1').json({ error: { code: 'ServiceUnavailable', message: 'The local tenant is starting.' } });
  });
  const json = express.json({ limit: '4mb', type: () => true });
  app.use('/v1.0', json, surfaceHandler('graph'));
  app.use('/v3', json, surfaceHandler('bot'));
  app.use('/_local', json, local);
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'NotFound', message: 'Nothing here. Graph is under /v1.0, the Bot Connector under /v3, local controls under /_local.' } });
  });
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number }).status : 500;
    const message = status === 400 ? 'The request body is not valid JSON.' : status === 413 ? 'The request body is too large.' : 'The local tenant failed.';
    if (status >= 500) logger?.error({ err: err instanceof Error ? err.message : String(err) }, 'local tenant error');
    res.status(status).json(errorBody(status === 400 ? 'BadRequest' : status === 413 ? 'RequestEntityTooLarge' : 'InternalServerError', message, randomUUID(), clock.now()));
  });

  const host = options.host ?? '127.0.0.1';
  const servers: (http.Server | https.Server)[] = [];
  const listen = (server: http.Server | https.Server, port: number) => new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
  const stopServers = async () => {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    })));
  };

  try {
    const httpsServer = https.createServer({ key: tls.key, cert: tls.cert }, app);
    servers.push(httpsServer);
    const port = await listen(httpsServer, options.port ?? 0);
    baseUrl = `https://localhost:${port}`;
    if (options.httpPort !== null) {
      const httpServer = http.createServer(app);
      servers.push(httpServer);
      httpUrl = `http://localhost:${await listen(httpServer, options.httpPort ?? 0)}`;
    }
    const factory = options.identity ?? await defaultIdentityFactory();
    identity = await factory({ state, baseUrl, dataDir: identityDir, clock });
    identityRouter = identity.router();
  } catch (err) {
    await stopServers();
    throw err;
  }

  let infoFile: string | null = null;
  if (dataDir) {
    infoFile = path.join(path.dirname(dataDir), 'local-tenant.json');
    // It holds the local app's secret: readable by this user only; atomic, as the gateway may be reading it.
    await writeFileAtomic(infoFile, `${JSON.stringify(handle.info(), null, 2)}\n`, 0o600);
  }
  logger?.info({ baseUrl, httpUrl, tenants: Object.keys(state.tenants).length }, 'local tenant started');

  let stopped = false;
  return {
    baseUrl,
    httpUrl,
    caCertPem: tls.caCertPem,
    caCertPath: tls.caCertPath ?? null,
    tenants: handle.tenants(),
    app: { clientId: app0.clientId, clientSecret: app0.clientSecret },
    infoFile,
    stats: () => recorder.stats(),
    resetStats: () => recorder.reset(),
    requests: (limit = 100) => recorder.requests(limit),
    faults: () => faults.config(),
    setFaults: (changes) => faults.set(changes),
    bot: {
      activities: (filter) => bot.activities(filter),
      clear: () => bot.clear(),
      setConversationState: (id, value, tenantId) => {
        bot.setConversationState(state, id, value, tenantId);
        saver.changed();
      },
    },
    state: () => state,
    flush: () => saver.flush(),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await stopServers();
      await saver.flush();
      if (!dataDir) await rm(identityDir, { recursive: true, force: true });
    },
  };
}

/**
 * Every Graph resource module of the local tenant, in one registration list. The calendar and planner
 * modules (calendar.ts: calendarRoutes(), planner.ts: plannerRoutes()) are registered here.
 */
export function graphModules(options: { operationPolls?: number | undefined } = {}): Route[] {
  return [
    ...directoryRoutes(),
    ...teamsRoutes({ operationPolls: options.operationPolls }),
    ...calendarRoutes(),
    ...plannerRoutes(),
  ];
}

/** The team/channel or mailbox a request is about, when the route names none itself. */
export function defaultThrottleKey(route: Route, req: TenantRequest): string | undefined {
  if (req.params['team-id']) return `team:${req.params['team-id']}`;
  if (!/\/(events|calendarview|calendar)(\/|$)/i.test(route.pattern)) return undefined;
  const mailbox = req.params['user-id'] ?? req.params['group-id'];
  return mailbox ? `mailbox:${mailbox}` : undefined;
}
