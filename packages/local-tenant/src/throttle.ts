// The documented Microsoft 365 limits, enforced as sliding windows (and a concurrency cap per mailbox), so a
// client that ignores them gets 429 + Retry-After here as it would against the real service.
import type { Clock } from './core.ts';

interface WindowLimit {
  limit: number;
  windowMs: number;
}

/** Numbers from docs/platform.md#throttling-limits and docs/platform.md#bot-and-messages. */
export const LIMITS = {
  /** At most 4 requests per second per app on one team or channel. */
  perTeamOrChannel: { limit: 4, windowMs: 1000 },
  /** Outlook: 10,000 requests per 10 minutes per app and mailbox, at most 4 concurrent. */
  perMailbox: { limit: 10_000, windowMs: 600_000 },
  mailboxConcurrency: 4,
  /** Global: 130,000 requests per 10 seconds per app. */
  perApp: { limit: 130_000, windowMs: 10_000 },
  /** Per app per tenant, by operation. */
  perTenant: [
    { name: 'POST /teams', methods: ['POST'], patterns: ['/teams'], limit: 10, windowMs: 1000 },
    {
      name: 'GET team/channel',
      methods: ['GET'],
      patterns: ['/teams/{team-id}', '/teams/{team-id}/channels/{channel-id}'],
      limit: 30,
      windowMs: 1000,
    },
    { name: 'POST channel', methods: ['POST'], patterns: ['/teams/{team-id}/channels'], limit: 30, windowMs: 1000 },
    {
      name: 'DELETE channel',
      methods: ['DELETE'],
      patterns: ['/teams/{team-id}/channels/{channel-id}'],
      limit: 15,
      windowMs: 1000,
    },
    {
      name: 'GET members/channels',
      methods: ['GET'],
      patterns: [
        '/teams/{team-id}/members',
        '/teams/{team-id}/channels',
        '/teams/{team-id}/allChannels',
        '/teams/{team-id}/channels/{channel-id}/members',
      ],
      limit: 60,
      windowMs: 1000,
    },
    {
      name: 'identity writes',
      methods: ['POST', 'PATCH', 'PUT', 'DELETE'],
      patterns: [
        '/users',
        '/users/{user-id}',
        '/groups',
        '/groups/{group-id}',
        '/groups/{group-id}/members/$ref',
        '/groups/{group-id}/owners/$ref',
      ],
      limit: 3000,
      windowMs: 150_000,
    },
  ],
  /** Bot Connector, per bot per conversation. */
  perConversation: [
    { limit: 7, windowMs: 1000 },
    { limit: 8, windowMs: 2000 },
    { limit: 60, windowMs: 30_000 },
    { limit: 1800, windowMs: 3_600_000 },
  ],
  /** Bot Connector, per app per tenant (~50 rps). */
  botPerTenant: { limit: 50, windowMs: 1000 },
} as const;

class SlidingWindow {
  readonly limit: number;
  readonly windowMs: number;

  private stamps: number[] = [];
  private head = 0;

  constructor(limit: number, windowMs: number) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Milliseconds until one more request fits (0: it fits now). */
  waitMs(now: number): number {
    while (this.head < this.stamps.length && (this.stamps[this.head] as number) <= now - this.windowMs) this.head++;
    if (this.head > 1024 && this.head * 2 > this.stamps.length) {
      this.stamps = this.stamps.slice(this.head);
      this.head = 0;
    }
    const count = this.stamps.length - this.head;
    if (count < this.limit) return 0;
    // The request that frees a slot is the oldest one that would still be inside the window.
    const freeing = this.stamps[this.stamps.length - this.limit] as number;
    return Math.max(1, freeing + this.windowMs - now);
  }

  add(now: number): void {
    this.stamps.push(now);
  }
}

export interface Bucket extends WindowLimit {
  key: string;
}

export type ThrottleResult =
  { ok: true; release: () => void } | { ok: false; retryAfterSeconds: number; reason: string };

export class Throttler {
  private readonly clock: Clock;

  private readonly windows = new Map<string, SlidingWindow>();
  private readonly inFlight = new Map<string, number>();

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /** Takes a slot in every bucket, or none: a rejected request does not count against the windows. */
  take(buckets: Bucket[], concurrency?: { key: string; max: number }): ThrottleResult {
    const now = this.clock.now().getTime();
    let wait = 0;
    let reason = '';
    const windows = buckets.map((b) => {
      const id = `${b.key}|${b.limit}/${b.windowMs}`;
      let w = this.windows.get(id);
      if (!w) {
        w = new SlidingWindow(b.limit, b.windowMs);
        this.windows.set(id, w);
      }
      const ms = w.waitMs(now);
      if (ms > wait) {
        wait = ms;
        reason = `${b.limit} requests per ${b.windowMs / 1000} s (${b.key.split('|')[0]})`;
      }
      return w;
    });
    if (concurrency && (this.inFlight.get(concurrency.key) ?? 0) >= concurrency.max && wait === 0) {
      return {
        ok: false,
        retryAfterSeconds: 1,
        reason: `${concurrency.max} concurrent requests (${concurrency.key.split('|')[0]})`,
      };
    }
    if (wait > 0) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)), reason };
    for (const w of windows) w.add(now);
    if (!concurrency) return { ok: true, release: () => undefined };
    const key = concurrency.key;
    this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.inFlight.get(key) ?? 1) - 1;
        if (left <= 0) this.inFlight.delete(key);
        else this.inFlight.set(key, left);
      },
    };
  }
}
