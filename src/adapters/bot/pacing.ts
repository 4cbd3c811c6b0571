// Keeps proactive sends under the Bot Connector's limits (docs/platform.md#bot-and-messages): per bot per conversation 7 in a second,
// 8 in two seconds, 60 in thirty seconds and 1,800 an hour; per app per tenant about 50 a second. Each limit
// is a sliding window: a slot comes back one window after the answer arrived, so the service never sees more
// than the limit inside any window. The queueing is bottleneck's; this only decides which windows a send passes.
import Bottleneck from 'bottleneck';

interface Window {
  limit: number;
  ms: number;
}

export interface BotLimits {
  perConversation: Window[];
  perTenant: Window[];
  /** Extra wait before a slot is reused, to absorb timer jitter. */
  marginMs: number;
}

export const BOT_CONNECTOR_LIMITS: BotLimits = {
  perConversation: [
    { limit: 7, ms: 1000 },
    { limit: 8, ms: 2000 },
    { limit: 60, ms: 30_000 },
    { limit: 1800, ms: 3_600_000 },
  ],
  perTenant: [{ limit: 50, ms: 1000 }],
  marginMs: 15,
};

type Timer = (fn: () => void, ms: number) => void;

export class BotPacer {
  private readonly limits: BotLimits;
  private readonly later: Timer;

  private readonly limiters = new Map<string, Bottleneck>();
  private waitedMs = 0;

  // The slot timers are unref'd: they only give slots back, and the hour-long window must not keep a stopping server
  // alive for an hour after its last send. A send waiting for a slot is work of a running server, whose own handles
  // (its listening socket, its job queue) keep the process alive meanwhile.
  constructor(limits: BotLimits = BOT_CONNECTOR_LIMITS, later: Timer = (fn, ms) => void setTimeout(fn, ms).unref()) {
    this.limits = limits;
    this.later = later;
  }

  waited(): number {
    return this.waitedMs;
  }

  private limiter(key: string, size: number): Bottleneck {
    let l = this.limiters.get(key);
    if (!l) {
      l = new Bottleneck({ reservoir: size });
      this.limiters.set(key, l);
    }
    return l;
  }

  /** Runs `send` once the conversation's and the tenant's windows have room. */
  async run<T>(tenantId: string, conversationId: string, send: () => Promise<T>, now: () => number): Promise<T> {
    const started = now();
    // The conversation's windows first: a send holds a scarce tenant slot only once its conversation may go.
    const windows: { key: string; w: Window }[] = [
      ...this.limits.perConversation.map((w) => ({ key: `c|${tenantId}|${conversationId}|${w.ms}`, w })),
      ...this.limits.perTenant.map((w) => ({ key: `t|${tenantId}|${w.ms}`, w })),
    ];
    const acquired: { limiter: Bottleneck; ms: number }[] = [];
    const chain = windows.reduceRight<() => Promise<T>>(
      (next, { key, w }) =>
        async () => {
          const limiter = this.limiter(key, w.limit);
          return limiter.schedule(async () => {
            acquired.push({ limiter, ms: w.ms });
            return next();
          });
        },
      async () => {
        this.waitedMs += now() - started;
        return send();
      },
    );
    try {
      return await chain();
    } finally {
      for (const { limiter, ms } of acquired)
        this.later(() => void limiter.incrementReservoir(1), ms + this.limits.marginMs);
    }
  }
}

/**
 * The shortest time `messages` sends to `conversations` conversations (spread evenly) can take under the limits,
 * counting whole windows: the benchmark's lower bound.
 */
export function lowerBoundMs(
  messages: number,
  conversations: number,
  limits: BotLimits = BOT_CONNECTOR_LIMITS,
): number {
  const windowBound = (n: number, w: Window) => Math.max(0, Math.ceil(n / w.limit) - 1) * w.ms;
  const perConversation = Math.ceil(messages / Math.max(1, conversations));
  return Math.max(
    ...limits.perConversation.map((w) => windowBound(perConversation, w)),
    ...limits.perTenant.map((w) => windowBound(messages, w)),
  );
}
