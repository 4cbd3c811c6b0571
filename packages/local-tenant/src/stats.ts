// Request log and counters of the local tenant, readable over HTTP. Entries carry route patterns, statuses
// and ids, never tokens or bodies; path segments that look like addresses (UPNs) are masked.

export type Outcome = 'throttled' | 'injected429' | 'injected503';

export interface RequestLogEntry {
  seq: number;
  at: string;
  method: string;
  /** `GET /v1.0/teams/{team-id}/channels`, or `GET (unmatched)`. */
  route: string;
  /** The request path with address-like segments masked; no query string. */
  path: string;
  status: number;
  ms: number;
  tenantId?: string;
  appId?: string;
  /** Set for a sub-request of a $batch: the batch's log seq and the sub-request's id. */
  batch?: { seq: number; id: string };
  outcome?: Outcome;
  retryAfterSeconds?: number;
}

interface RouteCounters {
  count: number;
  subRequests: number;
  byStatus: Record<string, number>;
  throttled429: number;
  injected429: number;
  injected503: number;
}

export interface LocalTenantStats {
  since: string;
  /** HTTP requests to /v1.0 and /v3; a $batch counts once. */
  requests: number;
  /** Sub-requests inside $batch requests. */
  subRequests: number;
  batches: number;
  /** 429s sent because a documented limit was exceeded. */
  throttled429: number;
  injected429: number;
  injected503: number;
  /** All 429s sent (throttled + injected), requests and sub-requests together. */
  sent429: number;
  byStatus: Record<string, number>;
  byRoute: Record<string, RouteCounters>;
}

function emptyRoute(): RouteCounters {
  return { count: 0, subRequests: 0, byStatus: {}, throttled429: 0, injected429: 0, injected503: 0 };
}

function maskPath(path: string): string {
  return path
    .split('/')
    .map((seg) => {
      let decoded: string;
      try {
        decoded = decodeURIComponent(seg);
      } catch {
        // Not decodable: judge the raw segment.
        decoded = seg;
      }
      return decoded.includes('@') && !decoded.includes('@thread') ? '{address}' : seg;
    })
    .join('/');
}

export class RequestRecorder {
  private readonly now: () => Date;
  private readonly capacity: number;

  private log: RequestLogEntry[] = [];
  private seq = 0;
  private counters!: LocalTenantStats;

  constructor(now: () => Date, capacity = 10_000) {
    this.now = now;
    this.capacity = capacity;
    this.reset();
  }

  nextSeq(): number {
    return ++this.seq;
  }

  reset(): void {
    this.log = [];
    this.counters = {
      since: this.now().toISOString(),
      requests: 0,
      subRequests: 0,
      batches: 0,
      throttled429: 0,
      injected429: 0,
      injected503: 0,
      sent429: 0,
      byStatus: {},
      byRoute: {},
    };
  }

  record(entry: Omit<RequestLogEntry, 'seq' | 'at'> & { seq?: number }): void {
    const full: RequestLogEntry = {
      ...entry,
      seq: entry.seq ?? this.nextSeq(),
      at: this.now().toISOString(),
      path: maskPath(entry.path),
    };
    this.log.push(full);
    if (this.log.length > this.capacity) this.log.splice(0, this.log.length - this.capacity);
    const c = this.counters;
    const r = (c.byRoute[entry.route] ??= emptyRoute());
    if (entry.batch) {
      c.subRequests++;
      r.subRequests++;
    } else {
      c.requests++;
      r.count++;
    }
    if (entry.route.endsWith('/$batch')) c.batches++;
    const status = String(entry.status);
    c.byStatus[status] = (c.byStatus[status] ?? 0) + 1;
    r.byStatus[status] = (r.byStatus[status] ?? 0) + 1;
    if (entry.outcome === 'throttled') {
      c.throttled429++;
      r.throttled429++;
    } else if (entry.outcome === 'injected429') {
      c.injected429++;
      r.injected429++;
    } else if (entry.outcome === 'injected503') {
      c.injected503++;
      r.injected503++;
    }
    if (entry.status === 429) c.sent429++;
  }

  stats(): LocalTenantStats {
    return structuredClone(this.counters);
  }

  requests(limit: number): RequestLogEntry[] {
    return this.log.slice(-Math.max(0, limit));
  }
}
