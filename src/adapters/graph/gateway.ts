// The one way to Microsoft Graph: every call names the tenant it acts in and passes the same chain (auth,
// retry, pacing, metrics). On top: typed errors (409/412 conflicts), paging over @odata.nextLink, and JSON
// batching in waves of at most 20 with dependsOn and per-sub-request retries.
import { Client, ResponseType } from '@microsoft/microsoft-graph-client';
import type { Logger } from '../../platform/logger.ts';
import type { TokenSource } from '../auth/credentials.ts';
import type { Fetch } from '../http/fetch.ts';
import { MetricsRecorder, type GraphMetrics } from './metrics.ts';
import { CallOptions, Metrics, Pacing, Retry, Send, TenantAuth } from './middleware.ts';
import { GRAPH_LIMITS, Pacer, type PacingDemand, type PacingLimits } from './pacing.ts';
import { DEFAULT_RETRY, RETRYABLE, retryAfterMs, retryDelay, type RetryPolicy } from './retry.ts';
import {
  errorFor,
  pacingKeys,
  resourceKind,
  type BatchItem,
  type BatchItemResult,
  type GraphCall,
  type GraphResult,
} from './types.ts';

export type { GraphMetrics };

const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
const MAX_BATCH = 20;

export interface GraphGatewayOptions {
  /** Host only, without /v1.0: https://graph.microsoft.com, or the local tenant's base URL. */
  baseUrl: string;
  tokens: TokenSource;
  fetch: Fetch;
  /** Milliseconds on a monotonic-enough clock; injected so tests can measure waits. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  limits?: Partial<PacingLimits>;
  logger?: Logger;
}

export interface GraphGateway {
  /** One call; throws GraphError (GraphConflictError on 409/412, GraphThrottledError when retries ran out). */
  request<T = unknown>(tenantId: string, call: GraphCall): Promise<GraphResult<T>>;
  /** Every item of a collection, following @odata.nextLink. */
  pages<T = Record<string, unknown>>(tenantId: string, call: GraphCall): AsyncGenerator<T>;
  /** Any number of calls as JSON batches; results in input order, each with its own status (never throws for one). */
  batch<T = unknown>(tenantId: string, items: BatchItem[]): Promise<BatchItemResult<T>[]>;
  metrics(): GraphMetrics;
  resetMetrics(): void;
}

/** Sleeps at least `ms` by the wall clock (a timer may fire a millisecond early; Retry-After is a minimum). */
async function realSleep(ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (let left = ms; left > 0; left = until - Date.now())
    await new Promise<void>((resolve) => void setTimeout(resolve, left));
}

function headersOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    out[k] = v;
  });
  return out;
}

function relative(path: string): string {
  return path.replace(/^https?:\/\/[^/]+/, '').replace(/^\/v1\.0(?=\/)/, '');
}

function demandOf(tenantId: string, calls: GraphCall[]): PacingDemand {
  const demand: PacingDemand = { tenantId, teams: new Map(), mailboxes: new Map(), total: calls.length };
  for (const c of calls) {
    const keys = pacingKeys(c.path);
    if (keys.team) demand.teams.set(keys.team, (demand.teams.get(keys.team) ?? 0) + 1);
    if (keys.mailbox) demand.mailboxes.set(keys.mailbox, (demand.mailboxes.get(keys.mailbox) ?? 0) + 1);
  }
  return demand;
}

export function createGraphGateway(options: GraphGatewayOptions): GraphGateway {
  const baseUrl = options.baseUrl.replace(/\/+$/, '').replace(/\/v1\.0$/, '');
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const pacer = new Pacer({ ...GRAPH_LIMITS, ...options.limits });
  const recorder = new MetricsRecorder();
  let pacingBaseline = 0;
  const log = options.logger?.child({ component: 'graph' });

  const client = Client.initWithMiddleware({
    baseUrl,
    defaultVersion: 'v1.0',
    middleware: [
      new TenantAuth(options.tokens, new URL(baseUrl).origin, GRAPH_AUDIENCE),
      new Retry(policy, recorder, now, sleep, random),
      new Pacing(pacer, now),
      new Metrics(recorder, now),
      new Send(options.fetch),
    ],
  });

  /** Sends one HTTP request through the chain and reads the answer; never throws for an HTTP status. */
  const send = async (
    tenantId: string,
    call: GraphCall,
    demand: PacingDemand,
    resource: string,
    retry = true,
  ): Promise<GraphResult> => {
    const path = /^https?:/.test(call.path) ? call.path : `/${call.path.replace(/^\/+/, '')}`;
    const options = new CallOptions(tenantId, resource, demand, retry);
    let req = client.api(path).middlewareOptions([options]).responseType(ResponseType.RAW);
    if (call.headers) req = req.headers(call.headers);
    const started = now();
    const raw = (await (
      call.method === 'GET'
        ? req.get()
        : call.method === 'POST'
          ? req.post(call.body ?? {})
          : call.method === 'PATCH'
            ? req.patch(call.body ?? {})
            : call.method === 'PUT'
              ? req.put(call.body ?? {})
              : req.delete()
    ).catch((err: unknown) => {
      // An unreachable tenant, token endpoint or Graph, in words (the SDK would wrap it in an empty GraphError).
      throw options.failure ?? err;
    })) as Response;
    const text = await raw.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    log?.debug({ method: call.method, resource, status: raw.status, ms: now() - started }, 'graph call');
    return { status: raw.status, headers: headersOf(raw), body };
  };

  const request = async <T>(tenantId: string, call: GraphCall): Promise<GraphResult<T>> => {
    const resource = resourceKind(call.path);
    const result = await send(tenantId, call, demandOf(tenantId, [call]), resource);
    if (result.status >= 400)
      throw errorFor(result.status, result.body, call.method, resource, result.headers, RETRYABLE.has(result.status));
    return result as GraphResult<T>;
  };

  async function* pages<T>(tenantId: string, call: GraphCall): AsyncGenerator<T> {
    let next: GraphCall | undefined = call;
    while (next) {
      const page: GraphResult<{ value?: T[]; '@odata.nextLink'?: string }> = await request(tenantId, next);
      for (const item of page.body.value ?? []) yield item;
      const link = page.body['@odata.nextLink'];
      next = link ? { method: 'GET', path: link, ...(call.headers ? { headers: call.headers } : {}) } : undefined;
    }
  }

  const batch = <T>(tenantId: string, items: BatchItem[]) =>
    runBatch<T>({ send, now, sleep, random, policy, pacer, recorder }, tenantId, items);

  return {
    request,
    pages,
    batch,
    metrics: () => recorder.snapshot(pacer.waited() - pacingBaseline),
    resetMetrics: () => {
      recorder.reset();
      pacingBaseline = pacer.waited();
    },
  };
}

/** What a $batch run needs of its gateway: the chain's send, time, the retry policy, pacing and the counters. */
interface BatchContext {
  send(tenantId: string, call: GraphCall, demand: PacingDemand, resource: string): Promise<GraphResult>;
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
  policy: RetryPolicy;
  pacer: Pacer;
  recorder: MetricsRecorder;
}

/**
 * One wave of a $batch: in input order, at most 20 (and the pacer's maxPerCall), at most maxPerKey per team or
 * mailbox, dependencies satisfied (already answered, or earlier in the same wave).
 */
function nextWave(
  pending: string[],
  byId: Map<string, BatchItem>,
  answered: (id: string) => boolean,
  pacer: Pacer,
): string[] {
  const wave: string[] = [];
  const perKey = new Map<string, number>();
  for (const id of pending) {
    if (wave.length >= Math.min(MAX_BATCH, pacer.maxPerCall)) break;
    const item = byId.get(id) as BatchItem;
    const deps = item.dependsOn ?? [];
    if (!deps.every((d) => answered(d) || wave.includes(d))) continue;
    const keys = pacingKeys(item.path);
    const key = keys.team ? `t:${keys.team}` : keys.mailbox ? `m:${keys.mailbox}` : undefined;
    if (key && (perKey.get(key) ?? 0) >= pacer.maxPerKey) continue;
    if (key) perKey.set(key, (perKey.get(key) ?? 0) + 1);
    wave.push(id);
  }
  return wave;
}

/** The $batch request body of one wave: each item with its headers, and dependsOn only within the wave. */
function waveBody(wave: string[], calls: BatchItem[]): { requests: Record<string, unknown>[] } {
  return {
    requests: wave.map((id, i) => {
      const item = calls[i] as BatchItem;
      const deps = (item.dependsOn ?? []).filter((d) => wave.includes(d));
      return {
        id,
        method: item.method,
        url: relative(item.path),
        ...(item.body !== undefined
          ? { body: item.body, headers: { 'Content-Type': 'application/json', ...item.headers } }
          : item.headers
            ? { headers: item.headers }
            : {}),
        ...(deps.length > 0 ? { dependsOn: deps } : {}),
      };
    }),
  };
}

/** A sub-request to send again, with the status that asked for it and its Retry-After, if any. */
interface RetryAsk {
  id: string;
  status: number;
  retryAfter: number | undefined;
}

/** Waits before the next wave retries `again`: the longest Retry-After asked, else the policy's backoff; counts retries. */
async function waitBeforeRetry(ctx: BatchContext, again: RetryAsk[], attempts: Map<string, number>): Promise<void> {
  const { now, sleep, random, policy, recorder } = ctx;
  const attempt = Math.max(...again.map((a) => attempts.get(a.id) ?? 1));
  const asked = again.map((a) => a.retryAfter).filter((v): v is number => v !== undefined);
  const delay =
    asked.length > 0
      ? Math.max(...asked)
      : (retryDelay(
          { status: 503, attempt, retryAfter: undefined, elapsedMs: 0, random },
          { ...policy, maxElapsedMs: Number.POSITIVE_INFINITY, maxAttempts: Number.POSITIVE_INFINITY },
        ) ?? policy.baseDelayMs);
  const before = now();
  await sleep(delay);
  const waited = now() - before;
  for (const a of again)
    if (RETRYABLE.has(a.status)) recorder.retry({ status: a.status, retryAfterMs: a.retryAfter, waitedMs: waited });
}

/** Sends `items` as $batch waves with dependsOn, retrying sub-requests the policy allows; one result per item, in order. */
async function runBatch<T>(ctx: BatchContext, tenantId: string, items: BatchItem[]): Promise<BatchItemResult<T>[]> {
  const { send, now, random, policy, pacer, recorder } = ctx;
  const ids = items.map((item, i) => item.id ?? String(i + 1));
  if (new Set(ids).size !== ids.length) throw new Error('batch item ids must be unique');
  const byId = new Map(items.map((item, i) => [ids[i] as string, item]));
  for (const [id, item] of byId) {
    for (const dep of item.dependsOn ?? [])
      if (!byId.has(dep)) throw new Error(`batch item ${id} depends on unknown item ${dep}`);
  }
  const results = new Map<string, BatchItemResult<T>>();
  const attempts = new Map<string, number>(ids.map((id) => [id, 0]));
  const started = now();
  let pending = [...ids];

  const fail = (id: string, status: number, code: string, message: string) => {
    const item = byId.get(id) as BatchItem;
    const body = { error: { code, message } };
    results.set(id, {
      id,
      status,
      headers: {},
      body: body as T,
      error: errorFor(status, body, item.method, resourceKind(item.path), {}, RETRYABLE.has(status)),
    });
  };

  while (pending.length > 0) {
    // Settle what can no longer run: a dependency that failed fails its dependants (as Graph's 424 does).
    let settled = true;
    while (settled) {
      settled = false;
      for (const id of pending) {
        const deps = byId.get(id)?.dependsOn ?? [];
        if (deps.some((d) => (results.get(d)?.status ?? 0) >= 400)) {
          fail(id, 424, 'FailedDependency', 'A request this one depends on failed.');
          settled = true;
        }
      }
      pending = pending.filter((id) => !results.has(id));
    }
    if (pending.length === 0) break;

    // One wave: in input order, at most 20, at most maxPerKey per team or mailbox, dependencies satisfied
    // (already succeeded, or earlier in the same wave).
    const wave = nextWave(pending, byId, (id) => results.has(id), pacer);
    if (wave.length === 0) throw new Error('batch dependencies form a cycle');

    const calls = wave.map((id) => byId.get(id) as BatchItem);
    const body = waveBody(wave, calls);
    recorder.batch();
    const answer = await send(
      tenantId,
      { method: 'POST', path: '/$batch', body },
      demandOf(tenantId, calls),
      '/$batch',
    );
    if (answer.status >= 400) {
      // The batch as a whole failed after the chain's own retries: every sub-request shares that fate.
      const e = answer.body as { error?: { code?: string; message?: string } } | undefined;
      for (const id of wave)
        fail(
          id,
          answer.status,
          e?.error?.code ?? `http${answer.status}`,
          e?.error?.message ?? 'The batch request failed.',
        );
      pending = pending.filter((id) => !results.has(id));
      continue;
    }
    const responses =
      (
        answer.body as {
          responses?: { id: string; status: number; headers?: Record<string, string>; body?: unknown }[];
        }
      ).responses ?? [];
    const answered = new Map(responses.map((r) => [r.id, r]));
    const again: RetryAsk[] = [];
    for (const id of wave) {
      const item = byId.get(id) as BatchItem;
      const r = answered.get(id);
      const resource = resourceKind(item.path);
      if (!r) {
        again.push({ id, status: 503, retryAfter: undefined });
        continue;
      }
      recorder.subResponse({ method: item.method, resource, status: r.status });
      const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
      const attempt = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, attempt);
      const retryAfter = retryAfterMs(headers['retry-after'], now());
      // A 424 whose dependency is being retried runs again with it; any other status is final.
      const depRetried = r.status === 424 && (item.dependsOn ?? []).some((d) => again.some((a) => a.id === d));
      if (
        depRetried ||
        (RETRYABLE.has(r.status) &&
          retryDelay({ status: r.status, attempt, retryAfter, elapsedMs: now() - started, random }, policy) !==
            undefined)
      ) {
        again.push({ id, status: r.status, retryAfter });
        continue;
      }
      results.set(id, {
        id,
        status: r.status,
        headers,
        body: r.body as T,
        ...(r.status >= 400
          ? { error: errorFor(r.status, r.body, item.method, resource, headers, RETRYABLE.has(r.status)) }
          : {}),
      });
    }
    if (again.length > 0) await waitBeforeRetry(ctx, again, attempts);
    pending = pending.filter((id) => !results.has(id));
  }
  return ids.map((id) => results.get(id) as BatchItemResult<T>);
}
