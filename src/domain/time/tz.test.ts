// Guards the test set-up itself: each vitest project really runs in the time zone it claims.
import { describe, expect, it } from 'vitest';

describe('test time zone', () => {
  it('matches the TZ the project sets', () => {
    const offset = new Date(Date.UTC(2026, 0, 15, 12)).getTimezoneOffset();
    expect(offset).toBe(process.env.TZ === 'Europe/Amsterdam' ? -60 : 0);
    expect(['UTC', 'Europe/Amsterdam']).toContain(process.env.TZ);
  });
});
