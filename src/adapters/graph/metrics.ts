// Counters for one run of the gateway: requests by method and resource kind, sub-requests, retries, 429s,
// bytes and time. Resource kinds carry no ids, so a metrics snapshot holds no personal data.

export interface RetryWait {
  status: number;
  /** What the service asked for (Retry-After), if it did. */
  retryAfterMs: number | undefined;
  /** How long the gateway actually waited before the next attempt (measured on the clock). */
  waitedMs: number;
}

export interface GraphMetrics {
  /** HTTP requests sent (each retry counts; a $batch counts once). */
  requests: number;
  /**
   * Per HTTP method: the requests sent AND the sub-requests inside batches (a $batch itself counts as one POST), so
   * the values add up to requests + subRequests, not to requests.
   */
  byMethod: Record<string, number>;
  byResource: Record<string, number>;
  byStatus: Record<string, number>;
  batches: number;
  subRequests: number;
  retries: number;
  /** 429s received, on requests and inside batches. */
  throttled: number;
  bytesSent: number;
  bytesReceived: number;
  /** Time spent in requests, summed over requests (concurrent ones overlap). */
  requestMs: number;
  /** Time calls waited for pacing slots. */
  pacingWaitMs: number;
  /** Time from the first request to the last answer. */
  elapsedMs: number;
  retryWaits: RetryWait[];
}

const MAX_WAITS_KEPT = 1000;

export class MetricsRecorder {
  private m: GraphMetrics = MetricsRecorder.empty();
  private first: number | undefined;
  private last: number | undefined;

  static empty(): GraphMetrics {
    return {
      requests: 0,
      byMethod: {},
      byResource: {},
      byStatus: {},
      batches: 0,
      subRequests: 0,
      retries: 0,
      throttled: 0,
      bytesSent: 0,
      bytesReceived: 0,
      requestMs: 0,
      pacingWaitMs: 0,
      elapsedMs: 0,
      retryWaits: [],
    };
  }

  request(r: {
    method: string;
    resource: string;
    status: number;
    bytesSent: number;
    bytesReceived: number;
    startedMs: number;
    endedMs: number;
  }): void {
    const m = this.m;
    m.requests++;
    m.byMethod[r.method] = (m.byMethod[r.method] ?? 0) + 1;
    m.byResource[r.resource] = (m.byResource[r.resource] ?? 0) + 1;
    m.byStatus[String(r.status)] = (m.byStatus[String(r.status)] ?? 0) + 1;
    if (r.status === 429) m.throttled++;
    m.bytesSent += r.bytesSent;
    m.bytesReceived += r.bytesReceived;
    m.requestMs += r.endedMs - r.startedMs;
    this.first = Math.min(this.first ?? r.startedMs, r.startedMs);
    this.last = Math.max(this.last ?? r.endedMs, r.endedMs);
  }

  subResponse(r: { method: string; resource: string; status: number }): void {
    const m = this.m;
    m.subRequests++;
    m.byMethod[r.method] = (m.byMethod[r.method] ?? 0) + 1;
    m.byResource[r.resource] = (m.byResource[r.resource] ?? 0) + 1;
    m.byStatus[String(r.status)] = (m.byStatus[String(r.status)] ?? 0) + 1;
    if (r.status === 429) m.throttled++;
  }

  batch(): void {
    this.m.batches++;
  }

  retry(wait: RetryWait): void {
    this.m.retries++;
    this.m.retryWaits.push(wait);
    if (this.m.retryWaits.length > MAX_WAITS_KEPT) this.m.retryWaits.shift();
  }

  snapshot(pacingWaitMs: number): GraphMetrics {
    return structuredClone({
      ...this.m,
      pacingWaitMs,
      elapsedMs: this.first === undefined || this.last === undefined ? 0 : this.last - this.first,
    });
  }

  reset(): void {
    this.m = MetricsRecorder.empty();
    this.first = undefined;
    this.last = undefined;
  }
}
