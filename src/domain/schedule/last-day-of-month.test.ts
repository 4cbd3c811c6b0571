import { describe, expect, it } from 'vitest';
import type { Cadence } from '../programme/schema.ts';
import { expandCadence, patternedRecurrence, ruleDates } from './cadence.ts';
import { holidayOn } from './holidays.ts';

const base: Cadence = {
  id: 'rapport',
  name: 'Maandrapportage',
  bodies: ['regiegroep'],
  audience: 'members',
  audiences: [],
  start: '10:00',
  durationMinutes: 30,
  timeZone: 'Europe/Amsterdam',
  holidays: 'skip',
  from: '2026-01-01',
  until: '2026-12-31',
  rule: { type: 'last-day-of-month', interval: 1, day: 'weekday' },
};

describe('the last-day-of-month cadence rule', () => {
  it('gives the last Monday–Friday of each month, never a weekend day', () => {
    const dates = ruleDates(base);
    expect(dates).toHaveLength(12);
    // 31 Jan 2026 is a Saturday, 31 May a Sunday, 31 Oct a Saturday: each moves back to the Friday.
    expect(dates).toEqual([
      '2026-01-30',
      '2026-02-27',
      '2026-03-31',
      '2026-04-30',
      '2026-05-29',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
      '2026-09-30',
      '2026-10-30',
      '2026-11-30',
      '2026-12-31',
    ]);
  });

  it('with working-day skips a Dutch public holiday too, moving back to the working day before', () => {
    // Holidays rarely fall on a month's last weekday: Tweede Paasdag, Monday 31 March 2059, is one.
    const y2059 = { ...base, from: '2059-03-01', until: '2059-04-30' };
    expect(holidayOn('2059-03-31')).toBe('Tweede paasdag');
    expect(ruleDates(y2059)).toEqual(['2059-03-31', '2059-04-30']);
    const working = {
      ...y2059,
      rule: { type: 'last-day-of-month' as const, interval: 1, day: 'working-day' as const },
    };
    expect(ruleDates(working)).toEqual(['2059-03-28', '2059-04-30']);
    // Under the weekday rule the holiday policy applies as to any meeting: skip drops it.
    expect(expandCadence(y2059)[0]).toMatchObject({ originalDate: '2059-03-31', status: 'skipped' });
  });

  it('takes every interval-th month from the first date', () => {
    const quarterly = { ...base, rule: { type: 'last-day-of-month' as const, interval: 3, day: 'weekday' as const } };
    expect(ruleDates(quarterly)).toEqual(['2026-01-30', '2026-04-30', '2026-07-31', '2026-10-30']);
  });

  it("is Graph's relativeMonthly Monday–Friday, index last, for the last weekday; single events for the last working day", () => {
    expect(patternedRecurrence(base)).toEqual({
      pattern: {
        type: 'relativeMonthly',
        interval: 1,
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        index: 'last',
      },
      range: {
        type: 'endDate',
        startDate: '2026-01-30',
        endDate: '2026-12-31',
        recurrenceTimeZone: 'Europe/Amsterdam',
      },
    });
    const working = { ...base, rule: { type: 'last-day-of-month' as const, interval: 1, day: 'working-day' as const } };
    expect(patternedRecurrence(working)).toBeUndefined();
    const occurrences = expandCadence(working);
    expect(occurrences.every((o) => o.status === 'regular')).toBe(true);
    expect(occurrences[0]?.start?.toISOString()).toBe('2026-01-30T09:00:00.000Z');
  });
});
