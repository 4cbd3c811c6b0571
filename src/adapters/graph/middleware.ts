// The Graph SDK's middleware chain, all ours: per-tenant auth → retry → pacing → metrics → fetch. (The SDK's
// default chain would drop the token for any host but graph.microsoft.com; this one sends it to the base URL
// the gateway was given, and nowhere else.)
import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import type { TokenSource } from '../auth/credentials.ts';
import type { Fetch } from '../http/fetch.ts';
import type { MetricsRecorder } from './metrics.ts';
import type { Pacer, PacingDemand } from './pacing.ts';
import { retryAfterMs, retryDelay, type RetryPolicy } from './retry.ts';
import { DependencyUnavailableError } from '../../platform/unavailable.ts';

/** Per-call settings the chain reads: the tenant the call acts in and its pacing demand. */
export class CallOptions implements MiddlewareOptions {
  readonly tenantId: string;
  readonly resource: string;
  readonly demand: PacingDemand;
  readonly retry: boolean;

  /** A dependency that could not be reached during the call (the SDK replaces thrown errors with its own). */
  failure: unknown = undefined;
  constructor(tenantId: string, resource: string, demand: PacingDemand, retry: boolean = true) {
    this.tenantId = tenantId;
    this.resource = resource;
    this.demand = demand;
    this.retry = retry;
  }
}

function callOptions(context: Context): CallOptions {
  const opt = context.middlewareControl?.getMiddlewareOptions(CallOptions);
  if (!(opt instanceof CallOptions))
    throw new Error('a Graph call without CallOptions (tenant) reached the gateway chain');
  return opt;
}

function setHeader(context: Context, name: string, value: string): void {
  context.options ??= {};
  const headers = context.options.headers;
  if (headers instanceof Headers) headers.set(name, value);
  else context.options.headers = { ...(headers as Record<string, string> | undefined), [name]: value };
}

abstract class Link implements Middleware {
  protected next: Middleware | undefined;
  setNext(next: Middleware): void {
    this.next = next;
  }
  protected async forward(context: Context): Promise<void> {
    if (!this.next) throw new Error('gateway middleware chain is incomplete');
    await this.next.execute(context);
  }
  abstract execute(context: Context): Promise<void>;
}

export class TenantAuth extends Link {
  private readonly tokens: TokenSource;
  private readonly origin: string;
  private readonly audience: string;

  constructor(tokens: TokenSource, origin: string, audience: string) {
    super();
    this.tokens = tokens;
    this.origin = origin;
    this.audience = audience;
  }
  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    // Tokens go to the configured Graph host only (a nextLink pointing elsewhere gets none).
    if (new URL(url).origin !== this.origin) throw new Error('refusing to send a Graph token to another host');
    const opt = callOptions(context);
    try {
      setHeader(context, 'Authorization', `Bearer ${await this.tokens.token(opt.tenantId, this.audience)}`);
      await this.forward(context);
    } catch (err) {
      if (err instanceof DependencyUnavailableError) opt.failure = err;
      throw err;
    }
  }
}

export class Retry extends Link {
  private readonly policy: RetryPolicy;
  private readonly metrics: MetricsRecorder;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(
    policy: RetryPolicy,
    metrics: MetricsRecorder,
    now: () => number,
    sleep: (ms: number) => Promise<void>,
    random: () => number,
  ) {
    super();
    this.policy = policy;
    this.metrics = metrics;
    this.now = now;
    this.sleep = sleep;
    this.random = random;
  }
  async execute(context: Context): Promise<void> {
    const started = this.now();
    const retry = callOptions(context).retry;
    for (let attempt = 1; ; attempt++) {
      await this.forward(context);
      const res = context.response;
      if (!res || !retry) return;
      const asked = retryAfterMs(res.headers.get('retry-after'), this.now());
      const delay = retryDelay(
        { status: res.status, attempt, retryAfter: asked, elapsedMs: this.now() - started, random: this.random },
        this.policy,
      );
      if (delay === undefined) return;
      await res.body?.cancel();
      const before = this.now();
      await this.sleep(delay);
      this.metrics.retry({ status: res.status, retryAfterMs: asked, waitedMs: this.now() - before });
    }
  }
}

export class Pacing extends Link {
  private readonly pacer: Pacer;
  private readonly now: () => number;

  constructor(pacer: Pacer, now: () => number) {
    super();
    this.pacer = pacer;
    this.now = now;
  }
  async execute(context: Context): Promise<void> {
    await this.pacer.run(callOptions(context).demand, () => this.forward(context), this.now);
  }
}

export class Metrics extends Link {
  private readonly metrics: MetricsRecorder;
  private readonly now: () => number;

  constructor(metrics: MetricsRecorder, now: () => number) {
    super();
    this.metrics = metrics;
    this.now = now;
  }
  async execute(context: Context): Promise<void> {
    const started = this.now();
    await this.forward(context);
    const res = context.response;
    const body = context.options?.body;
    const sent = typeof body === 'string' ? Buffer.byteLength(body) : 0;
    const length = Number(res?.headers.get('content-length') ?? Number.NaN);
    const received = Number.isFinite(length) ? length : res ? (await res.clone().arrayBuffer()).byteLength : 0;
    this.metrics.request({
      method: (context.options?.method ?? 'GET').toUpperCase(),
      resource: callOptions(context).resource,
      status: res?.status ?? 0,
      bytesSent: sent,
      bytesReceived: received,
      startedMs: started,
      endedMs: this.now(),
    });
  }
}

export class Send implements Middleware {
  private readonly fetch: Fetch;

  constructor(fetch: Fetch) {
    this.fetch = fetch;
  }
  async execute(context: Context): Promise<void> {
    context.response = await this.fetch(context.request, context.options as RequestInit);
  }
}
