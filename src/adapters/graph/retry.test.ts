import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, retryAfterMs, retryDelay } from './retry.ts';
import { pacingKeys, resourceKind } from './types.ts';

describe('retry policy', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-23T09:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('0.5', now)).toBe(500);
    expect(retryAfterMs('Mon, 23 Nov 2026 09:00:07 GMT', now)).toBe(7000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  it('retries 429, 503 and 504 only, honouring Retry-After', () => {
    const base = { attempt: 1, retryAfter: 2000, elapsedMs: 0, random: () => 0.5 };
    expect(retryDelay({ ...base, status: 429 })).toBe(2000);
    expect(retryDelay({ ...base, status: 503 })).toBe(2000);
    expect(retryDelay({ ...base, status: 504 })).toBe(2000);
    for (const status of [400, 401, 403, 404, 409, 412, 424, 500])
      expect(retryDelay({ ...base, status })).toBeUndefined();
  });

  it('backs off exponentially with jitter when no Retry-After is given, within bounds', () => {
    const delays = [1, 2, 3, 4, 5].map((attempt) =>
      [0, 1].map((r) => retryDelay({ status: 503, attempt, retryAfter: undefined, elapsedMs: 0, random: () => r })),
    );
    expect(delays).toEqual([
      [500, 1000],
      [1000, 2000],
      [2000, 4000],
      [4000, 8000],
      [8000, 16000],
    ]);
    expect(
      retryDelay(
        { status: 503, attempt: 10, retryAfter: undefined, elapsedMs: 0, random: () => 1 },
        { ...DEFAULT_RETRY, maxAttempts: 20 },
      ),
    ).toBe(30_000);
  });

  it('stops after the last attempt, and before a wait that would run past the time bound', () => {
    expect(
      retryDelay({ status: 429, attempt: DEFAULT_RETRY.maxAttempts, retryAfter: 1000, elapsedMs: 0, random: () => 0 }),
    ).toBeUndefined();
    expect(
      retryDelay({
        status: 429,
        attempt: 1,
        retryAfter: 10_000,
        elapsedMs: DEFAULT_RETRY.maxElapsedMs - 5000,
        random: () => 0,
      }),
    ).toBeUndefined();
  });
});

describe('resource kinds and pacing keys', () => {
  it('names the kind of resource without ids or UPNs', () => {
    expect(resourceKind('/teams/abc/channels/19:x@thread.tacv2/members?$top=5')).toBe('/teams/channels/members');
    expect(resourceKind('https://graph.microsoft.com/v1.0/users/anna@alfa.example/events/AAMk/instances')).toBe(
      '/users/events/instances',
    );
  });

  it('paces team and channel calls per team, calendar calls per mailbox', () => {
    expect(pacingKeys('/teams/ABC/channels/19:x/members')).toEqual({ team: 'abc' });
    expect(
      pacingKeys('https://localhost:4443/v1.0/users/Regiekamer@alfa.example/calendarView?startDateTime=x'),
    ).toEqual({ mailbox: 'regiekamer@alfa.example' });
    expect(pacingKeys('/users/anna@alfa.example')).toEqual({});
  });
});
