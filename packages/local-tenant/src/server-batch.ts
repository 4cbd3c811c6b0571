// Graph's JSON $batch in the local tenant: at most 20 sub-requests, dependsOn order (cycles refused), 424 for
// dependants of a failure, 4 sub-requests in parallel as Outlook does, each recorded like a request of its own.
import { randomUUID } from 'node:crypto';
import type { TenantResponse } from './core.ts';
import type { RequestLogEntry } from './stats.ts';
import { errorBody, execute, isPlainObject, lowerHeaders, type ExecOutput } from './server-execute.ts';
import type { TenantRuntime } from './server-runtime.ts';
import type { VerifiedToken } from './server-types.ts';

const MAX_BATCH = 20;
/** Outlook runs at most 4 sub-requests of a batch in parallel; we do the same for every batch. */
const BATCH_PARALLELISM = 4;

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

/** One sub-request of a batch, as validated. */
interface SubRequest {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

/** Validates a batch body: its sub-requests in order, or the message of the 400 that refuses the batch. */
function parseBatch(body: unknown): SubRequest[] | string {
  if (!isPlainObject(body) || !Array.isArray(body.requests)) return "A batch needs a 'requests' array.";
  const requests = body.requests as unknown[];
  if (requests.length === 0) return 'A batch needs at least one request.';
  if (requests.length > MAX_BATCH) return `Number of requests exceeds the limit of ${MAX_BATCH}.`;
  const ids = new Set<string>();
  const parsed: SubRequest[] = [];
  for (const r of requests) {
    if (!isPlainObject(r)) return 'Every batch request must be a JSON object.';
    const id = r.id;
    if (typeof id !== 'string' || id === '') return "Every batch request needs a string 'id'.";
    if (ids.has(id)) return `Request id '${id}' is used more than once.`;
    ids.add(id);
    const method = typeof r.method === 'string' ? r.method.toUpperCase() : '';
    if (!['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(method)) return `Request '${id}' has an invalid method.`;
    if (typeof r.url !== 'string' || r.url === '') return `Request '${id}' needs a 'url'.`;
    const subHeaders = isPlainObject(r.headers) ? lowerHeaders(r.headers) : {};
    if (r.body !== undefined && method !== 'GET' && !subHeaders['content-type']) {
      return `Write request id : ${id} does not contain Content-Type header or body.`;
    }
    const dependsOn = r.dependsOn === undefined ? [] : r.dependsOn;
    if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string'))
      return `Request '${id}' has an invalid 'dependsOn'.`;
    parsed.push({ id, method, url: r.url, headers: subHeaders, body: r.body, dependsOn: dependsOn as string[] });
  }
  for (const p of parsed) {
    for (const d of p.dependsOn)
      if (!ids.has(d) || d === p.id) return `Request '${p.id}' depends on unknown request '${d}'.`;
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
  if (parsed.some((p) => cyclic(p.id))) return 'The dependsOn references form a cycle.';
  return parsed;
}

/** The answer to one sub-request once its dependencies answered: 424, a refused URL, or the request itself. */
async function answerSubRequest(
  rt: TenantRuntime,
  p: SubRequest,
  deps: ExecOutput[],
  auth: VerifiedToken,
  base: string,
  batchSeq: number,
  slot: ReturnType<typeof limiter>,
): Promise<ExecOutput> {
  const { clock } = rt;
  if (deps.some((d) => d.status >= 400)) {
    return {
      status: 424,
      route: `${p.method} (failed dependency)`,
      headers: {},
      body: errorBody('FailedDependency', 'A request this request depends on failed.', randomUUID(), clock.now()),
    };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(p.url)) {
    return {
      status: 400,
      route: `${p.method} (unmatched)`,
      headers: {},
      body: errorBody(
        'BadRequest',
        'Batch request URLs must be relative to the version, e.g. /users.',
        randomUUID(),
        clock.now(),
      ),
    };
  }
  const url = new URL(p.url.startsWith('/') ? p.url : `/${p.url}`, 'http://batch.local');
  if (url.pathname.toLowerCase() === '/$batch') {
    return {
      status: 400,
      route: 'POST (nested $batch)',
      headers: {},
      body: errorBody('BadRequest', 'A batch cannot contain a batch.', randomUUID(), clock.now()),
    };
  }
  return slot(() =>
    execute(rt, {
      surface: 'graph',
      method: p.method,
      rawPath: url.pathname,
      query: url.searchParams,
      headers: p.headers,
      body: p.body,
      auth,
      base,
      batch: { seq: batchSeq, id: p.id },
    }),
  );
}

/** Runs a $batch: ≤20 sub-requests, dependsOn order, 424 for dependants of a failure, 4 in parallel. */
export async function executeBatch(
  rt: TenantRuntime,
  body: unknown,
  auth: VerifiedToken,
  base: string,
  batchSeq: number,
  record: (o: ExecOutput, e: Omit<RequestLogEntry, 'seq' | 'at' | 'route' | 'status'>) => void,
): Promise<TenantResponse> {
  const { clock } = rt;
  const now = clock.now();
  const bad = (message: string): TenantResponse => ({
    status: 400,
    body: errorBody('BadRequest', message, randomUUID(), now),
  });
  const parsed = parseBatch(body);
  if (typeof parsed === 'string') return bad(parsed);
  const byId = new Map(parsed.map((p) => [p.id, p]));

  const slot = limiter(BATCH_PARALLELISM);
  const results = new Map<string, Promise<ExecOutput>>();
  const run = (p: SubRequest): Promise<ExecOutput> => {
    const existing = results.get(p.id);
    if (existing) return existing;
    const promise = (async (): Promise<ExecOutput> => {
      const deps = await Promise.all(p.dependsOn.map((d) => run(byId.get(d) as SubRequest)));
      const started = Date.now();
      const out = await answerSubRequest(rt, p, deps, auth, base, batchSeq, slot);
      record(out, {
        method: p.method,
        path: p.url.split('?')[0] ?? p.url,
        ms: Date.now() - started,
        tenantId: auth.tenantId,
        appId: auth.appId,
        batch: { seq: batchSeq, id: p.id },
      });
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
}
