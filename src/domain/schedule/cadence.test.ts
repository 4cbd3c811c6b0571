import { describe, expect, it } from 'vitest';
import type { Cadence } from '../programme/schema.ts';
import { expandCadence, patternedRecurrence, ruleDates } from './cadence.ts';
import { dutchHolidays, nextWorkingDay } from './holidays.ts';

const base: Cadence = {
  id: 'pg',
  name: 'Projectgroep',
  bodies: ['pg'],
  audience: 'members',
  audiences: [],
  start: '09:30',
  durationMinutes: 90,
  timeZone: 'Europe/Amsterdam',
  holidays: 'skip',
  from: '2026-01-05',
  until: '2027-12-31',
  rule: { type: 'weekly', interval: 2, weekday: 'monday' },
};

describe('cadence expansion', () => {
  it('fortnightly on Monday: every other Monday, wall clock 09:30 in Amsterdam across DST', () => {
    const occ = expandCadence(base);
    expect(occ[0]).toMatchObject({ originalDate: '2026-01-05', status: 'regular' });
    expect(occ[1]?.originalDate).toBe('2026-01-19');
    expect(occ[0]?.start?.toISOString()).toBe('2026-01-05T08:30:00.000Z'); // winter: UTC+1
    const summer = occ.find((o) => o.originalDate === '2026-06-08');
    expect(summer?.start?.toISOString()).toBe('2026-06-08T07:30:00.000Z'); // summer: UTC+2
    expect(summer?.end?.toISOString()).toBe('2026-06-08T09:00:00.000Z');
  });

  it('skips Tweede Paasdag under the skip policy and moves it under next-working-day', () => {
    const monday = { ...base, from: '2026-03-23' };
    const skipped = expandCadence(monday).find((o) => o.originalDate === '2026-04-06');
    expect(skipped).toEqual({
      cadenceId: 'pg',
      originalDate: '2026-04-06',
      status: 'skipped',
      holiday: 'Tweede paasdag',
    });
    const moved = expandCadence({ ...monday, holidays: 'next-working-day' }).find(
      (o) => o.originalDate === '2026-04-06',
    );
    expect(moved).toMatchObject({ status: 'moved', date: '2026-04-07', holiday: 'Tweede paasdag' });
    expect(moved?.start?.toISOString()).toBe('2026-04-07T07:30:00.000Z');
  });

  it('monthly on the second Tuesday and quarterly (interval 3)', () => {
    const monthly: Cadence = {
      ...base,
      rule: { type: 'monthly', interval: 1, week: 'second', weekday: 'tuesday' },
      from: '2026-01-01',
      until: '2026-06-30',
    };
    expect(ruleDates(monthly)).toEqual([
      '2026-01-13',
      '2026-02-10',
      '2026-03-10',
      '2026-04-14',
      '2026-05-12',
      '2026-06-09',
    ]);
    const quarterly: Cadence = {
      ...monthly,
      rule: { type: 'monthly', interval: 3, week: 'last', weekday: 'thursday' },
      until: '2026-12-31',
    };
    expect(ruleDates(quarterly)).toEqual(['2026-01-29', '2026-04-30', '2026-07-30', '2026-10-29']);
  });

  it('single dates stay within the period, sorted and without duplicates', () => {
    const dates: Cadence = { ...base, rule: { type: 'dates', dates: ['2026-09-10', '2026-03-12', '2026-03-12'] } };
    expect(ruleDates(dates)).toEqual(['2026-03-12', '2026-09-10']);
    expect(patternedRecurrence(dates)).toBeUndefined();
  });

  it('knows the Dutch public holidays and the next working day after a long weekend', () => {
    const h2026 = dutchHolidays(2026);
    expect([...h2026.values()]).toEqual(
      expect.arrayContaining(['Koningsdag', 'Hemelvaartsdag', 'Tweede pinksterdag', 'Kerstmis']),
    );
    expect(h2026.has('2026-05-05')).toBe(false); // Bevrijdingsdag is a day off only in lustrum years
    expect(dutchHolidays(2030).get('2030-05-05')).toBe('Bevrijdingsdag');
    expect(nextWorkingDay('2026-12-24')).toBe('2026-12-28'); // Kerst on Friday, weekend, then Monday
  });

  it('gives Graph a patternedRecurrence that matches the rule', () => {
    expect(patternedRecurrence(base)).toEqual({
      pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' },
      range: {
        type: 'endDate',
        startDate: '2026-01-05',
        endDate: '2027-12-31',
        recurrenceTimeZone: 'Europe/Amsterdam',
      },
    });
  });
});
