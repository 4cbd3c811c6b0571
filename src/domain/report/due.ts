// When the monthly voortgangsrapportage is due and to whom it goes (issue 16 §1, §2, §5), from the programme file's
// communication.report — or, when the file has none, the defaults: due on the last working day of the month, to the
// programme's regiegroep. Pure: dates are local dates (YYYY-MM-DD, YYYY-MM) in the programme's time zone.
import { DateTime } from 'luxon';
import type { Programme } from '../programme/schema.ts';
import { isWorkingDay } from '../schedule/holidays.ts';

/** A rhythm rule of the programme file (communication.report.due, communication.news.due). */
export type RhythmRule = NonNullable<Programme['communication']['report']>['due'];

/** What the programme says about its monthly report; `defaulted` when the file has no communication.report. */
export interface ReportPlan {
  due: RhythmRule;
  /** Body ids that receive the report: the regiegroep(s) first, then the informed bodies, in file order. */
  to: string[];
  defaulted: boolean;
}

/** A `YYYY-MM` month of years 2000–2099: what the API and the tab accept. */
export const MONTH = /^20\d\d-(0[1-9]|1[0-2])$/;

const WEEKDAY_NUMBER = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };
const WEEK_NUMBER = { first: 1, second: 2, third: 3, fourth: 4 };

/**
 * The report plan of `p`. The regiegroep-kind bodies always receive it (the regiegroep is whom the projectleider
 * accounts to, Plan van Aanpak); a file's `to` adds the others (the stuurgroep, an ondernemingsraad).
 */
export function reportPlanOf(p: Programme): ReportPlan {
  const regie = p.bodies.filter((b) => b.kind === 'regiegroep').map((b) => b.id);
  const report = p.communication.report;
  if (!report) return { due: { type: 'last-day-of-month', day: 'working-day' }, to: regie, defaulted: true };
  return { due: report.due, to: [...regie, ...report.to.filter((id) => !regie.includes(id))], defaulted: false };
}

/** A local date's meetings: the start (an instant) and the bodies that meet. */
export interface MeetingStart {
  start: Date;
  bodyIds: readonly string[];
}

/**
 * The local date on which the report of `month` is due by `rule`: `monthly` — that weekday of that week of the month;
 * `last-day-of-month` — the last Monday–Friday of the month (`working-day`: also not a Dutch public holidays, moving
 * back); `days-before` — `days` days before the first meeting after the month of a body of kind `bodyKind` (none
 * planned: the last working day of the month).
 */
export function dueDate(p: Programme, rule: RhythmRule, month: string, meetings: readonly MeetingStart[]): string {
  const tz = p.programme.timeZone;
  const first = DateTime.fromISO(`${month}-01`, { zone: tz });
  const last = first.endOf('month').startOf('day');
  const lastWhere = (ok: (d: DateTime) => boolean) => {
    let d = last;
    while (!ok(d) && d > first) d = d.minus({ days: 1 });
    return d.toISODate() ?? '';
  };
  switch (rule.type) {
    case 'monthly': {
      const wd = WEEKDAY_NUMBER[rule.weekday];
      if (rule.week === 'last') return lastWhere((d) => d.weekday === wd);
      const firstOne = first.plus({ days: (wd - first.weekday + 7) % 7 });
      return firstOne.plus({ weeks: WEEK_NUMBER[rule.week] - 1 }).toISODate() ?? '';
    }
    case 'last-day-of-month':
      return rule.day === 'weekday'
        ? lastWhere((d) => d.weekday <= 5)
        : lastWhere((d) => isWorkingDay(d.toISODate() ?? ''));
    case 'days-before': {
      const kinds = new Map(p.bodies.map((b) => [b.id, b.kind]));
      const after = last.plus({ days: 1 }).toMillis();
      const next = meetings
        .filter((m) => m.start.getTime() >= after && m.bodyIds.some((id) => kinds.get(id) === rule.bodyKind))
        .sort((a, b) => a.start.getTime() - b.start.getTime())[0];
      if (!next) return lastWhere((d) => isWorkingDay(d.toISODate() ?? ''));
      const day = DateTime.fromJSDate(next.start, { zone: tz }).startOf('day').minus({ days: rule.days });
      return day.toISODate() ?? '';
    }
  }
}

/** The month (YYYY-MM) a local date is in. */
export const monthOf = (date: string): string => date.slice(0, 7);
