// What callers hand the gateway (request descriptors) and what it throws (typed errors).

type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One Graph call: a path below /v1.0 (or an absolute @odata.nextLink), built by the functions in endpoints/. */
export interface GraphCall {
  method: HttpMethod;
  /** e.g. `/teams/${id}/channels`; may carry a query string; or an absolute URL (nextLink). */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface GraphResult<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

export interface BatchItem extends GraphCall {
  /** Unique within one batch() call; defaults to the item's position. */
  id?: string;
  /** Ids of items (in the same batch() call) that must succeed first. */
  dependsOn?: string[];
}

export interface BatchItemResult<T = unknown> extends GraphResult<T> {
  id: string;
  /** Set for any status >= 400 (after retries). */
  error?: GraphError;
}

/**
 * A Graph error answer. Its `message` holds no personal data (method, resource kind, status, code), so it may
 * be logged; the service's own text often names the user or item and is kept apart in `serviceMessage`.
 */
export class GraphError extends Error {
  readonly status: number;
  readonly code: string;
  readonly serviceMessage: string;
  readonly method: string;
  readonly resource: string;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    serviceMessage: string,
    method: string,
    resource: string,
    headers: Record<string, string> = {},
  ) {
    super(`${method} ${resource}: ${status} ${code}`);
    this.status = status;
    this.code = code;
    this.serviceMessage = serviceMessage;
    this.method = method;
    this.resource = resource;
    this.headers = headers;
    this.name = 'GraphError';
  }
}

/** 409 or 412: someone changed the item; re-read, merge, and try again with the new ETag. */
export class GraphConflictError extends GraphError {
  override name = 'GraphConflictError';
}

/** Retries ran out (attempts or time) while the service kept answering 429/503/504. */
class GraphThrottledError extends GraphError {
  override name = 'GraphThrottledError';
}

export function errorFor(
  status: number,
  body: unknown,
  method: string,
  resource: string,
  headers: Record<string, string>,
  exhausted: boolean,
): GraphError {
  const e = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const code = typeof e?.code === 'string' ? e.code : `http${status}`;
  const message = typeof e?.message === 'string' ? e.message : '';
  if (status === 409 || status === 412) return new GraphConflictError(status, code, message, method, resource, headers);
  if (exhausted && (status === 429 || status === 503 || status === 504))
    return new GraphThrottledError(status, code, message, method, resource, headers);
  return new GraphError(status, code, message, method, resource, headers);
}

/** The resource kind of a path for metrics and logs: its fixed segments, ids left out (they may name people). */
export function resourceKind(path: string): string {
  const p =
    path
      .replace(/^https?:\/\/[^/]+/, '')
      .replace(/^\/v1\.0/, '')
      .split('?')[0] ?? '';
  const segments = p.split('/').filter(Boolean);
  const fixed = new Set([
    'users',
    'groups',
    'teams',
    'channels',
    'allChannels',
    'members',
    'owners',
    '$ref',
    'tabs',
    'operations',
    'events',
    'instances',
    'calendarView',
    'calendar',
    'cancel',
    'delta',
    'planner',
    'plans',
    'buckets',
    'tasks',
    'details',
    'team',
    'installedApps',
    'sharedWithTeams',
    'filesFolder',
    'subscriptions',
    '$batch',
    'teamwork',
    'messages',
    'replies',
  ]);
  const kept: string[] = [];
  // Segments after a collection name are ids, except the next fixed name.
  for (const s of segments) if (fixed.has(s)) kept.push(s);
  return `/${kept.join('/')}`;
}

/** The pacing keys a call counts against, mirroring how Graph applies its documented limits. */
export function pacingKeys(path: string): { team?: string; mailbox?: string } {
  const p =
    path
      .replace(/^https?:\/\/[^/]+/, '')
      .replace(/^\/v1\.0/, '')
      .split('?')[0] ?? '';
  const team = /^\/teams\/([^/]+)(?:\/|$)/i.exec(p)?.[1];
  if (team) return { team: decodeURIComponent(team).toLowerCase() };
  const mailbox = /^\/(?:users|groups)\/([^/]+)\/(?:events|calendarView|calendar)(?:\/|$)/i.exec(p)?.[1];
  if (mailbox) return { mailbox: decodeURIComponent(mailbox).toLowerCase() };
  return {};
}
