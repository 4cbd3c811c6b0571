// A cadence from the programme file becomes dated occurrences (with Dutch holidays applied) and a Graph recurrence.
// Dates are generated as floating wall-clock dates by rrule, then placed in the cadence's time zone by luxon.
import { DateTime } from 'luxon';
import rrulePkg from 'rrule';
import type { Cadence } from '../programme/schema.ts';
import { holidayOn, isWorkingDay, nextWorkingDay, previousWorkingDay } from './holidays.ts';

const { RRule } = rrulePkg;

type OccurrenceStatus = 'regular' | 'moved' | 'skipped';

export interface Occurrence {
  cadenceId: string;
  /** The local date the rule gives (YYYY-MM-DD); stable identity of the occurrence. */
  originalDate: string;
  status: OccurrenceStatus;
  /** The local date it takes place; equals originalDate unless moved; absent when skipped. */
  date?: string;
  start?: Date;
  end?: Date;
  /** The holiday that skipped or moved it. */
  holiday?: string;
}

const RRULE_DAYS = {
  monday: RRule.MO,
  tuesday: RRule.TU,
  wednesday: RRule.WE,
  thursday: RRule.TH,
  friday: RRule.FR,
  saturday: RRule.SA,
  sunday: RRule.SU,
} as const;
const WEEK_INDEX = { first: 1, second: 2, third: 3, fourth: 4, last: -1 } as const;

function floating(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

const WORKWEEK = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

/**
 * The regular local dates of a cadence between its first and last date (inclusive), before holidays. A
 * `last-day-of-month` rule gives the last Monday–Friday of every interval-th month (rrule BYDAY=MO..FR;BYSETPOS=-1);
 * with `day: working-day` a Dutch public holiday on that date moves it back to the working day before.
 */
export function ruleDates(cadence: Cadence): string[] {
  const rule = cadence.rule;
  if (rule.type === 'dates')
    return [...new Set(rule.dates)].filter((d) => d >= cadence.from && d <= cadence.until).sort();
  const dtstart = floating(cadence.from);
  const until = floating(cadence.until);
  const options =
    rule.type === 'weekly'
      ? { freq: RRule.WEEKLY, interval: rule.interval, byweekday: [RRULE_DAYS[rule.weekday]], wkst: RRule.MO }
      : rule.type === 'monthly'
        ? {
            freq: RRule.MONTHLY,
            interval: rule.interval,
            byweekday: [RRULE_DAYS[rule.weekday].nth(WEEK_INDEX[rule.week])],
          }
        : { freq: RRule.MONTHLY, interval: rule.interval, byweekday: WORKWEEK.map((d) => RRULE_DAYS[d]), bysetpos: -1 };
  const dates = new RRule({ ...options, dtstart, until, tzid: undefined })
    .all()
    .map((d) => d.toISOString().slice(0, 10));
  if (rule.type !== 'last-day-of-month' || rule.day === 'weekday') return dates;
  return dates
    .map((d) => (isWorkingDay(d) ? d : previousWorkingDay(d)))
    .filter((d) => d >= cadence.from && d <= cadence.until);
}

function at(date: string, time: string, zone: string): Date {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  return dt.toJSDate();
}

/** Every occurrence of a cadence, with holidays skipped or moved according to its policy. */
export function expandCadence(cadence: Cadence): Occurrence[] {
  return ruleDates(cadence).map((originalDate) => {
    const holiday = holidayOn(originalDate);
    if (holiday && cadence.holidays === 'skip')
      return { cadenceId: cadence.id, originalDate, status: 'skipped', holiday };
    const date = holiday ? nextWorkingDay(originalDate) : originalDate;
    const start = at(date, cadence.start, cadence.timeZone);
    const end = new Date(start.getTime() + cadence.durationMinutes * 60_000);
    return {
      cadenceId: cadence.id,
      originalDate,
      status: holiday ? 'moved' : 'regular',
      date,
      start,
      end,
      ...(holiday ? { holiday } : {}),
    };
  });
}

/**
 * Graph's patternedRecurrence for a rule-based cadence; single dates have none (they become separate events).
 * The last weekday of the month is `relativeMonthly` with daysOfWeek Monday–Friday and index `last` (Outlook's
 * "last weekday"; https://learn.microsoft.com/en-us/graph/api/resources/recurrencepattern). The last *working* day
 * has none: Graph knows no public holidays and an exception can only move a date, so each month becomes its own
 * event, like `dates`.
 */
export function patternedRecurrence(cadence: Cadence): Record<string, unknown> | undefined {
  const rule = cadence.rule;
  if (rule.type === 'dates') return undefined;
  if (rule.type === 'last-day-of-month' && rule.day === 'working-day') return undefined;
  const range = {
    type: 'endDate',
    startDate: ruleDates(cadence)[0] ?? cadence.from,
    endDate: cadence.until,
    recurrenceTimeZone: cadence.timeZone,
  };
  if (rule.type === 'weekly') {
    return {
      pattern: { type: 'weekly', interval: rule.interval, daysOfWeek: [rule.weekday], firstDayOfWeek: 'monday' },
      range,
    };
  }
  if (rule.type === 'last-day-of-month') {
    return {
      pattern: { type: 'relativeMonthly', interval: rule.interval, daysOfWeek: [...WORKWEEK], index: 'last' },
      range,
    };
  }
  return {
    pattern: { type: 'relativeMonthly', interval: rule.interval, daysOfWeek: [rule.weekday], index: rule.week },
    range,
  };
}
