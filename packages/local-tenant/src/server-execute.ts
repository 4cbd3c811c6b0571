// Executing one Graph or Bot Connector request of the local tenant (or one $batch sub-request): routing, fault
// injection, throttling against the documented limits, the handler, and OData shaping ($select, $filter, $top,
// paging, @odata.context) of Graph answers.
import { randomUUID } from 'node:crypto';
import { GraphHttpError, type Route, type TenantRequest, type TenantResponse } from './core.ts';
import { findUser } from './entities.ts';
import { applySelect, decodeSkipToken, nextLink, parseFilter, parseSelect, parseTop } from './odata.ts';
import { contextFragment } from './routing.ts';
import type { Outcome } from './stats.ts';
import { LIMITS, type Bucket } from './throttle.ts';
import { tenantContext, type TenantRuntime } from './server-runtime.ts';
import type { VerifiedToken } from './server-types.ts';
import { setupRefusal, withRoles } from './tenant-setup.ts';

export const MAX_PAGE_SIZE = 999;

export interface ExecInput {
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

export interface ExecOutput extends TenantResponse {
  headers: Record<string, string>;
  route: string;
  outcome?: Outcome;
  retryAfterSeconds?: number;
}

export function errorBody(code: string, message: string, requestId: string, now: Date): Record<string, unknown> {
  return {
    error: {
      code,
      message,
      innerError: {
        date: now.toISOString().replace(/\.\d{3}Z$/, ''),
        'request-id': requestId,
        'client-request-id': requestId,
      },
    },
  };
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function lowerHeaders(h: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (typeof v === 'string') out[k.toLowerCase()] = v;
    else if (Array.isArray(v)) out[k.toLowerCase()] = v.join(', ');
  }
  return out;
}

/** The throttling buckets a request counts against (documented limits; docs/platform.md#throttling-limits). */
function bucketsFor(
  rt: TenantRuntime,
  input: ExecInput,
  route: Route,
  req: TenantRequest,
): { buckets: Bucket[]; concurrency?: { key: string; max: number } } {
  const { appId, tenantId } = input.auth;
  const buckets: Bucket[] = [];
  let concurrency: { key: string; max: number } | undefined;
  if (input.surface === 'bot') {
    buckets.push({ key: `bottenant|${appId}|${tenantId}`, ...LIMITS.botPerTenant });
  } else {
    buckets.push({ key: `app|${appId}`, ...LIMITS.perApp });
    for (const cls of LIMITS.perTenant) {
      if (
        (cls.methods as readonly string[]).includes(req.method) &&
        (cls.patterns as readonly string[]).includes(route.pattern)
      ) {
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
      id = String(findUser(tenantContext(rt, input.base), tenantId, id)?.id ?? id).toLowerCase();
      buckets.push({ key: `mailbox|${appId}|${tenantId}|${id}`, ...LIMITS.perMailbox });
      concurrency = { key: `mailbox|${appId}|${tenantId}|${id}`, max: LIMITS.mailboxConcurrency };
    } else if (kind === 'conversation') {
      for (const w of LIMITS.perConversation) buckets.push({ key: `conversation|${appId}|${tenantId}|${id}`, ...w });
    }
  }
  return { buckets, concurrency };
}

/** One Graph or Bot Connector request (or $batch sub-request): route, faults, throttling, handler, OData shaping. */
export async function execute(rt: TenantRuntime, input: ExecInput): Promise<ExecOutput> {
  const { clock, state, faults, sleep, throttler, logger, graphRoutes, botRoutes } = rt;
  const requestId = randomUUID();
  const baseHeaders: Record<string, string> = {
    'request-id': requestId,
    'client-request-id': input.headers['client-request-id'] ?? requestId,
  };
  const fail = (
    status: number,
    code: string,
    message: string,
    route: string,
    extra: Partial<ExecOutput> = {},
  ): ExecOutput => ({
    status,
    route,
    headers: { ...baseHeaders, ...(extra.headers ?? {}) },
    body: errorBody(code, message, requestId, clock.now()),
    ...(extra.outcome ? { outcome: extra.outcome } : {}),
    ...(extra.retryAfterSeconds !== undefined ? { retryAfterSeconds: extra.retryAfterSeconds } : {}),
  });
  const prefix = input.surface === 'graph' ? '/v1.0' : '/v3';
  const table = input.surface === 'graph' ? graphRoutes : botRoutes;
  const matched = table.match(input.method, input.rawPath);
  if (matched.kind === 'not-found') {
    return input.surface === 'graph'
      ? fail(
          400,
          'BadRequest',
          `Resource not found for the segment '${matched.segment}'.`,
          `${input.method} (unmatched)`,
        )
      : fail(404, 'NotFound', 'No such Bot Connector operation.', `${input.method} (unmatched)`);
  }
  if (matched.kind === 'method-not-allowed') {
    return fail(
      405,
      'Request_BadRequest',
      `The method ${input.method} is not allowed here (allowed: ${matched.allowed.join(', ')}).`,
      `${input.method} (method not allowed)`,
      { headers: { Allow: matched.allowed.join(', ') } },
    );
  }
  const { route, params } = matched.match;
  const routeName = `${route.method} ${prefix}${route.pattern}`;
  if (!state.tenants[input.auth.tenantId])
    return fail(401, 'InvalidAuthenticationToken', 'The token names a tenant that is not here.', routeName);

  const req: TenantRequest = withRoles(
    {
      tenantId: input.auth.tenantId,
      appId: input.auth.appId,
      ...(input.auth.userId ? { userId: input.auth.userId } : {}),
      method: route.method,
      path: input.rawPath,
      params,
      query: input.query,
      headers: input.headers,
      body: input.body,
    },
    input.auth.roles,
  );

  // What the tenants' configuration refuses (mailbox scope, direct connect), as the service would, before any fault.
  const refused =
    input.surface === 'graph' ? setupRefusal(state, rt.options.setup, route, req, input.auth.roles) : undefined;
  if (refused) return fail(refused.status, refused.code, refused.message, routeName);

  const config = faults.config();
  const decision = faults.decide();
  if (decision.kind !== 'none' && config.latencyMs > 0) await sleep(config.latencyMs);
  if (decision.kind === 'injected429') {
    return fail(429, 'TooManyRequests', 'Too many requests (injected fault).', routeName, {
      headers: { 'Retry-After': String(decision.retryAfterSeconds) },
      outcome: 'injected429',
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
  if (decision.kind === 'injected503') {
    return fail(503, 'ServiceUnavailable', 'The service is temporarily unavailable (injected fault).', routeName, {
      headers: { 'Retry-After': String(decision.retryAfterSeconds) },
      outcome: 'injected503',
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }

  let release: () => void = () => undefined;
  if (config.throttling) {
    const { buckets, concurrency } = bucketsFor(rt, input, route, req);
    const taken = throttler.take(buckets, concurrency);
    if (!taken.ok) {
      return fail(429, 'TooManyRequests', `Too many requests: the limit of ${taken.reason} was reached.`, routeName, {
        headers: { 'Retry-After': String(taken.retryAfterSeconds) },
        outcome: 'throttled',
        retryAfterSeconds: taken.retryAfterSeconds,
      });
    }
    release = taken.release;
  }

  try {
    // Latency is spent holding the throttling slot, so slow answers count against concurrency as they would.
    if (config.latencyMs > 0) await sleep(config.latencyMs);
    const ctx = tenantContext(rt, input.base);
    const res = await route.handler(req, ctx);
    const shaped = input.surface === 'graph' ? shapeGraphResponse(rt.pageSize, res, route, params, req, input) : res;
    return { ...shaped, headers: { ...baseHeaders, ...(shaped.headers ?? {}) }, route: routeName };
  } catch (err) {
    if (err instanceof GraphHttpError)
      return fail(err.status, err.code, err.message, routeName, { headers: err.headers });
    logger?.error(
      { route: routeName, err: err instanceof Error ? err.message : String(err) },
      'local tenant handler failed',
    );
    return fail(500, 'InternalServerError', 'The local tenant failed to handle this request.', routeName);
  } finally {
    release();
  }
}

/** Applies $filter, $select, $top and paging to collections; $select and @odata.context to entities. */
function shapeGraphResponse(
  pageSize: number,
  res: TenantResponse,
  route: Route,
  params: Record<string, string>,
  req: TenantRequest,
  input: ExecInput,
): TenantResponse {
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
}

/** The team/channel or mailbox a request is about, when the route names none itself. */
function defaultThrottleKey(route: Route, req: TenantRequest): string | undefined {
  if (req.params['team-id']) return `team:${req.params['team-id']}`;
  if (!/\/(events|calendarview|calendar)(\/|$)/i.test(route.pattern)) return undefined;
  const mailbox = req.params['user-id'] ?? req.params['group-id'];
  return mailbox ? `mailbox:${mailbox}` : undefined;
}
