// The Bot Connector pacer gives its slots back on timers; those timers must not keep a stopping server alive for
// the hour-long window after its last send (a server that had sent one message did not exit on Ctrl-C).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BotPacer } from './pacing.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('BotPacer', () => {
  it('gives slots back on timers that do not hold the process open', async () => {
    const timers: { ms: number; timer: NodeJS.Timeout }[] = [];
    const real = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      const timer = real(fn, ms);
      timers.push({ ms: ms ?? 0, timer });
      return timer;
    }) as typeof setTimeout);
    const pacer = new BotPacer();
    expect(await pacer.run('t1', 'c1', async () => 'sent', Date.now)).toBe('sent');
    // One slot timer per window the send passed (bottleneck's own zero-delay timers aside): four per conversation,
    // one per tenant, the longest an hour.
    const slots = timers.filter((t) => t.ms >= 1000);
    expect(slots.map((t) => t.ms).sort((x, y) => x - y)).toEqual([1015, 1015, 2015, 30_015, 3_600_015]);
    expect(slots.map((t) => t.timer.hasRef())).toEqual([false, false, false, false, false]);
    for (const t of slots) clearTimeout(t.timer);
  });
});
