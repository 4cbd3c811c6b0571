// Dutch public holidays, from the date-holidays package: which days a meeting can't be held.
import Holidays from 'date-holidays';

const nl = new Holidays('NL');
const cache = new Map<number, Map<string, string>>();

/** Public holidays of a year as local dates (YYYY-MM-DD) → Dutch name. Bevrijdingsdag counts in lustrum years only. */
export function dutchHolidays(year: number): Map<string, string> {
  let days = cache.get(year);
  if (!days) {
    days = new Map();
    for (const h of nl.getHolidays(year, 'nl')) {
      const date = h.date.slice(0, 10);
      const lustrumLiberation = h.name === 'Bevrijdingsdag' && year % 5 === 0;
      if (h.type === 'public' || lustrumLiberation) days.set(date, h.name);
    }
    cache.set(year, days);
  }
  return days;
}

export function holidayOn(date: string): string | undefined {
  return dutchHolidays(Number(date.slice(0, 4))).get(date);
}

/** Weekday 1 (Monday) … 7 (Sunday) of a local date. */
function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function isWorkingDay(date: string): boolean {
  return isoWeekday(date) <= 5 && holidayOn(date) === undefined;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function nextWorkingDay(date: string): string {
  let next = addDays(date, 1);
  while (!isWorkingDay(next)) next = addDays(next, 1);
  return next;
}

/** The working day before a local date (YYYY-MM-DD): weekends and Dutch public holidays skipped. */
export function previousWorkingDay(date: string): string {
  let previous = addDays(date, -1);
  while (!isWorkingDay(previous)) previous = addDays(previous, -1);
  return previous;
}
