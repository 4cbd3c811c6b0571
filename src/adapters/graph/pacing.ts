// Keeps the gateway under Graph's documented limits so a healthy run gets (almost) no 429: at most 4 requests
// in any second per team (a sliding window: a slot comes back one second after its answer arrived, so the
// service can never see five in one second), at most 4 concurrent per mailbox, and a per-tenant rate.
// The queueing itself is bottleneck's; this module only decides which limiters a call passes.
import Bottleneck from 'bottleneck';

export interface PacingLimits {
  /** Requests per window on one team or channel (Graph: 4 per second). */
  perTeam: number;
  /** Requests per window per app and tenant, over all resources (kept well below the per-operation limits). */
  perTenant: number;
  windowMs: number;
  /** Extra wait on top of the window before a slot is reused, to absorb clock and timer jitter. */
  marginMs: number;
  /** Concurrent requests per mailbox (Outlook: 4). */
  mailboxConcurrency: number;
}

export const GRAPH_LIMITS: PacingLimits = {
  perTeam: 4,
  perTenant: 25,
  windowMs: 1000,
  marginMs: 15,
  mailboxConcurrency: 4,
};

/** The weight of a call in each limiter: 1 for a plain request, the number of matching sub-requests for a batch. */
export interface PacingDemand {
  tenantId: string;
  /** Team id → number of requests to it. */
  teams: Map<string, number>;
  /** Mailbox → number of requests to it. */
  mailboxes: Map<string, number>;
  /** Total requests (counts against the tenant). */
  total: number;
}

type Timer = (fn: () => void, ms: number) => void;

export class Pacer {
  private readonly limits: PacingLimits;
  private readonly later: Timer;

  private readonly windows = new Map<string, Bottleneck>();
  private readonly mailboxes = new Map<string, Bottleneck>();
  private waitedMs = 0;

  constructor(limits: PacingLimits = GRAPH_LIMITS, later: Timer = (fn, ms) => void setTimeout(fn, ms)) {
    this.limits = limits;
    this.later = later;
  }

  /** Largest number of requests to one team or mailbox that may go in one call (a batch must not exceed it). */
  get maxPerKey(): number {
    return Math.min(this.limits.perTeam, this.limits.mailboxConcurrency);
  }

  get maxPerCall(): number {
    return this.limits.perTenant;
  }

  /** Milliseconds calls spent waiting for a slot, summed. */
  waited(): number {
    return this.waitedMs;
  }

  private window(key: string, size: number): Bottleneck {
    let limiter = this.windows.get(key);
    if (!limiter) {
      limiter = new Bottleneck({ reservoir: size });
      this.windows.set(key, limiter);
    }
    return limiter;
  }

  private mailbox(key: string): Bottleneck {
    let limiter = this.mailboxes.get(key);
    if (!limiter) {
      limiter = new Bottleneck({ maxConcurrent: this.limits.mailboxConcurrency });
      this.mailboxes.set(key, limiter);
    }
    return limiter;
  }

  /** Runs `send` once every limiter the demand touches has room; gives the window slots back a window later. */
  async run<T>(demand: PacingDemand, send: () => Promise<T>, now: () => number): Promise<T> {
    const started = now();
    // Teams first (the tightest limit), then mailboxes, then the tenant: a call holds a scarce slot only
    // while it waits for a plentiful one.
    const acquired: { limiter: Bottleneck; weight: number }[] = [];
    const inner = [...demand.mailboxes].reduce<() => Promise<T>>(
      (next, [mailbox, weight]) =>
        () =>
          this.mailbox(`${demand.tenantId}|${mailbox}`).schedule(
            { weight: Math.min(weight, this.limits.mailboxConcurrency) },
            next,
          ),
      async () => {
        this.waitedMs += now() - started;
        return send();
      },
    );
    const windows: [string, number, number][] = [
      ...[...demand.teams].map(([team, w]): [string, number, number] => [
        `team|${demand.tenantId}|${team}`,
        w,
        this.limits.perTeam,
      ]),
      [`tenant|${demand.tenantId}`, demand.total, this.limits.perTenant],
    ];
    const chain = windows.reduceRight<() => Promise<T>>(
      (next, [key, weight, size]) =>
        async () => {
          const limiter = this.window(key, size);
          const w = Math.min(weight, size);
          return limiter.schedule({ weight: w }, async () => {
            acquired.push({ limiter, weight: w });
            return next();
          });
        },
      inner,
    );
    try {
      return await chain();
    } finally {
      // Counted from the answer, so the service saw the request inside the window we reserved. The timer is not
      // unref'd: a waiting call must keep the process alive until its slot comes back.
      for (const { limiter, weight } of acquired)
        this.later(() => void limiter.incrementReservoir(weight), this.limits.windowMs + this.limits.marginMs);
    }
  }
}
