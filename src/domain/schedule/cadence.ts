// A cadence from the programme file becomes dated occurrences (with Dutch holidays applied) and a Graph recurrence.
// Dates are generated as floating wall-clock dates by rrule, then placed in the cadence's time zone by luxon.
import { DateTime } from 'luxon';
import rrulePkg from 'rrule';
import type { Cadence } from '../programme/schema.ts';
import { holidayOn, nextWorkingDay } from './holidays.ts';

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

/** The regular local dates of a cadence between its first and last date (inclusive), before holidays. */
export function ruleDates(cadence: Cadence): string[] {
  const rule = cadence.rule;
  if (rule.type === 'dates')
    return [...new Set(rule.dates)].filter((d) => d >= cadence.from && d <= cadence.until).sort();
  const dtstart = floating(cadence.from);
  const until = floating(cadence.until);
  const options =
    rule.type === 'weekly'
      ? { freq: RRule.WEEKLY, interval: rule.interval, byweekday: [RRULE_DAYS[rule.weekday]], wkst: RRule.MO }
      : {
          freq: RRule.MONTHLY,
          interval: rule.interval,
          byweekday: [RRULE_DAYS[rule.weekday].nth(WEEK_INDEX[rule.week])],
        };
  return new RRule({ ...options, dtstart, until, tzid: undefined }).all().map((d) => d.toISOString().slice(0, 10));
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

/** Graph's patternedRecurrence for a rule-based cadence; single dates have none (they become separate events). */
export function patternedRecurrence(cadence: Cadence): Record<string, unknown> | undefined {
  const rule = cadence.rule;
  if (rule.type === 'dates') return undefined;
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
  return {
    pattern: { type: 'relativeMonthly', interval: rule.interval, daysOfWeek: [rule.weekday], index: rule.week },
    range,
  };
}
