// Calendar recurrence of the local tenant: patternedRecurrence normalised as Graph returns it, expanded by rrule on
// floating wall-clock dates in the event's time zone into instances (exceptions, cancellations), and event ids.
import { DateTime, type Duration } from 'luxon';
import type { Json, TenantContext } from './core.ts';
import {
  DAY_MS,
  enumOf,
  ENUMS,
  hashOf,
  ICAL_PREFIX,
  type Instance,
  instantOf,
  integerOf,
  invalid,
  type JsonObject,
  MAX_EXPANSION,
  MAX_NUMBERED,
  obj,
  objectOf,
  resolveTimeZone,
  RRule,
  RRULE_DAYS,
  type RRuleOptions,
  SETPOS,
  utcKey,
  type Zone,
} from './calendar-time.ts';

// ---------------------------------------------------------------------------------------------------------------
// Recurrence

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function parseDate(value: unknown, what: string): { y: number; m: number; d: number } {
  const s = typeof value === 'string' ? value : '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const dt = m
    ? DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { zone: 'UTC' })
    : undefined;
  if (!m || !dt?.isValid) throw invalid(`'${what}' must be a date (yyyy-MM-dd): '${String(value)}'.`);
  return { y: dt.year, m: dt.month, d: dt.day };
}

/** A patternedRecurrence as Graph returns it: every pattern and range property present, unused ones zero. */
export function normalizeRecurrence(value: unknown, startZone: Zone): JsonObject {
  const rec = objectOf(value, 'recurrence');
  const p = objectOf(rec.pattern, 'recurrence.pattern');
  const r = objectOf(rec.range, 'recurrence.range');
  const type = enumOf(p.type, ENUMS.patternType, 'recurrence.pattern.type');
  const interval = p.interval === undefined ? 1 : integerOf(p.interval, 'recurrence.pattern.interval', 1, 99);
  const days = p.daysOfWeek === undefined || p.daysOfWeek === null ? [] : p.daysOfWeek;
  if (!Array.isArray(days)) throw invalid("'recurrence.pattern.daysOfWeek' must be an array.", 'RequestBodyRead');
  const daysOfWeek = [...new Set(days.map((d) => enumOf(d, ENUMS.dayOfWeek, 'recurrence.pattern.daysOfWeek')))];
  const pattern: JsonObject = {
    type,
    interval,
    month: 0,
    dayOfMonth: 0,
    daysOfWeek: [],
    firstDayOfWeek:
      p.firstDayOfWeek === undefined || p.firstDayOfWeek === null
        ? 'sunday'
        : enumOf(p.firstDayOfWeek, ENUMS.dayOfWeek, 'recurrence.pattern.firstDayOfWeek'),
    index:
      p.index === undefined || p.index === null
        ? 'first'
        : enumOf(p.index, ENUMS.weekIndex, 'recurrence.pattern.index'),
  };
  const needDays = () => {
    if (daysOfWeek.length === 0) throw invalid(`A ${type} recurrence pattern needs 'daysOfWeek'.`);
    pattern.daysOfWeek = daysOfWeek;
  };
  if (type === 'weekly') needDays();
  if (type === 'relativeMonthly' || type === 'relativeYearly') needDays();
  if (type === 'absoluteMonthly' || type === 'absoluteYearly')
    pattern.dayOfMonth = integerOf(p.dayOfMonth, 'recurrence.pattern.dayOfMonth', 1, 31);
  if (type === 'absoluteYearly' || type === 'relativeYearly')
    pattern.month = integerOf(p.month, 'recurrence.pattern.month', 1, 12);

  const rangeType = enumOf(r.type, ENUMS.rangeType, 'recurrence.range.type');
  const start = parseDate(r.startDate, 'recurrence.range.startDate');
  const range: JsonObject = {
    type: rangeType,
    startDate: `${start.y}-${pad(start.m)}-${pad(start.d)}`,
    endDate: '0001-01-01',
    recurrenceTimeZone:
      r.recurrenceTimeZone === undefined || r.recurrenceTimeZone === null
        ? startZone.name
        : resolveTimeZone(r.recurrenceTimeZone).name,
    numberOfOccurrences: 0,
  };
  if (rangeType === 'endDate') {
    const end = parseDate(r.endDate, 'recurrence.range.endDate');
    range.endDate = `${end.y}-${pad(end.m)}-${pad(end.d)}`;
    if (String(range.endDate) < String(range.startDate))
      throw invalid("'recurrence.range.endDate' is before its startDate.");
  }
  if (rangeType === 'numbered')
    range.numberOfOccurrences = integerOf(
      r.numberOfOccurrences,
      'recurrence.range.numberOfOccurrences',
      1,
      MAX_NUMBERED,
    );
  return { pattern, range };
}

/** The rrule of a series, on floating dates: wall-clock times written as if they were UTC. */
function ruleOf(master: JsonObject): InstanceType<typeof RRule> {
  const rec = obj(master.recurrence);
  const p = obj(rec.pattern);
  const r = obj(rec.range);
  const start = instantOf(master.start);
  const from = parseDate(r.startDate, 'recurrence.range.startDate');
  const days = (Array.isArray(p.daysOfWeek) ? p.daysOfWeek : []).map(
    (d) => RRULE_DAYS[ENUMS.dayOfWeek.indexOf(d as (typeof ENUMS.dayOfWeek)[number])],
  );
  const options: RRuleOptions = {
    dtstart: new Date(Date.UTC(from.y, from.m - 1, from.d, start.hour, start.minute, start.second)),
    interval: Number(p.interval) || 1,
    wkst: RRULE_DAYS[ENUMS.dayOfWeek.indexOf(p.firstDayOfWeek as (typeof ENUMS.dayOfWeek)[number])] ?? RRule.SU,
  };
  const dayOfMonth = Number(p.dayOfMonth);
  // Outlook puts "day 31" on the last day of shorter months; BYSETPOS=-1 over 28…d does exactly that.
  const monthDay =
    dayOfMonth > 28
      ? { bymonthday: Array.from({ length: dayOfMonth - 27 }, (_, i) => 28 + i), bysetpos: -1 }
      : { bymonthday: dayOfMonth };
  switch (p.type) {
    case 'daily':
      Object.assign(options, { freq: RRule.DAILY });
      break;
    case 'weekly':
      Object.assign(options, { freq: RRule.WEEKLY, byweekday: days });
      break;
    case 'absoluteMonthly':
      Object.assign(options, { freq: RRule.MONTHLY, ...monthDay });
      break;
    case 'relativeMonthly':
      Object.assign(options, { freq: RRule.MONTHLY, byweekday: days, bysetpos: SETPOS[String(p.index)] ?? 1 });
      break;
    case 'absoluteYearly':
      Object.assign(options, { freq: RRule.YEARLY, bymonth: Number(p.month), ...monthDay });
      break;
    case 'relativeYearly':
      Object.assign(options, {
        freq: RRule.YEARLY,
        bymonth: Number(p.month),
        byweekday: days,
        bysetpos: SETPOS[String(p.index)] ?? 1,
      });
      break;
    default:
      throw invalid(`Unsupported recurrence pattern '${String(p.type)}'.`);
  }
  if (r.type === 'endDate') {
    const end = parseDate(r.endDate, 'recurrence.range.endDate');
    options.until = new Date(Date.UTC(end.y, end.m - 1, end.d, 23, 59, 59));
  } else if (r.type === 'numbered') {
    options.count = Number(r.numberOfOccurrences);
  }
  return new RRule(options);
}

function floatingToZone(d: Date, zone: Zone): DateTime {
  return DateTime.fromObject(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    },
    { zone: zone.iana },
  );
}

function durationMs(event: JsonObject): number {
  return instantOf(event.end).toMillis() - instantOf(event.start).toMillis();
}

/** An occurrence's end: its start plus the series' length on the wall clock (an all-day event stays a day across DST). */
function occurrenceEnd(master: JsonObject, start: DateTime): DateTime {
  const zone = resolveTimeZone(obj(master.start).timeZone).iana;
  const span: Duration = instantOf(master.end)
    .setZone(zone)
    .diff(instantOf(master.start).setZone(zone), ['days', 'hours', 'minutes', 'seconds', 'milliseconds']);
  return start.setZone(zone).plus(span);
}

/** Original starts (as instants) of a series between two instants, widened so no zone offset loses one. */
export function originalStarts(master: JsonObject, fromMs: number, toMs: number): DateTime[] {
  const zone = resolveTimeZone(obj(master.start).timeZone);
  const rule = ruleOf(master);
  const dates = rule.between(
    new Date(fromMs - 2 * DAY_MS),
    new Date(toMs + 2 * DAY_MS),
    true,
    (_d, i) => i < MAX_EXPANSION,
  );
  return dates.map((d) => floatingToZone(d, zone)).filter((at) => at.toMillis() >= fromMs && at.toMillis() <= toMs);
}

export function overlaps(start: DateTime, end: DateTime, from: DateTime, to: DateTime): boolean {
  if (end.toMillis() === start.toMillis()) return start >= from && start < to;
  return start < to && end > from;
}

export function cancelledKeys(master: JsonObject): string[] {
  return Array.isArray(master._cancelled) ? master._cancelled.map(String) : [];
}

export function exceptionsOf(master: JsonObject): Record<string, JsonObject> {
  return obj(master._exceptions) as Record<string, JsonObject>;
}

/** Occurrences and exceptions of a series that overlap a window, in start order. */
export function seriesInstances(
  master: JsonObject,
  from: DateTime,
  to: DateTime,
  includeCancelled: boolean,
): Instance[] {
  const dur = durationMs(master);
  const cancelled = new Set(cancelledKeys(master));
  const exceptions = exceptionsOf(master);
  const out: Instance[] = [];
  for (const start of originalStarts(master, from.toMillis() - dur, to.toMillis())) {
    const key = utcKey(start);
    if (exceptions[key] && !cancelled.has(key)) continue;
    const end = occurrenceEnd(master, start);
    if (!overlaps(start, end, from, to)) continue;
    if (cancelled.has(key) && !includeCancelled) continue;
    out.push({ key, start, end, cancelled: cancelled.has(key) });
  }
  for (const [key, exception] of Object.entries(exceptions)) {
    if (cancelled.has(key)) continue;
    const inst = exceptionInstance(master, key, exception);
    if (overlaps(inst.start, inst.end, from, to)) out.push(inst);
  }
  return out.sort((a, b) => a.start.toMillis() - b.start.toMillis() || a.key.localeCompare(b.key));
}

export function exceptionInstance(master: JsonObject, key: string, exception: JsonObject): Instance {
  const fields = obj(exception.fields);
  const original = DateTime.fromISO(key, { zone: 'UTC' });
  const start = fields.start ? instantOf(fields.start) : original;
  const end = fields.end ? instantOf(fields.end) : occurrenceEnd(master, start);
  return { key, start, end, exception, cancelled: false };
}

function isOnPattern(master: JsonObject, key: string): boolean {
  const at = DateTime.fromISO(key, { zone: 'UTC' });
  if (!at.isValid) return false;
  return originalStarts(master, at.toMillis() - DAY_MS, at.toMillis() + DAY_MS).some(
    (s) => s.toMillis() === at.toMillis(),
  );
}

/** One occurrence of a series by its original start, or undefined if the series has none there. */
export function findInstance(master: JsonObject, key: string, includeCancelled: boolean): Instance | undefined {
  const cancelled = cancelledKeys(master).includes(key);
  if (cancelled && !includeCancelled) return undefined;
  const exception = exceptionsOf(master)[key];
  if (exception && !cancelled) return exceptionInstance(master, key, exception);
  if (!isOnPattern(master, key)) return undefined;
  const start = DateTime.fromISO(key, { zone: 'UTC' });
  return { key, start, end: occurrenceEnd(master, start), cancelled };
}

/** Keeps exceptions and cancellations whose original start still falls on the (changed) pattern. */
export function pruneToPattern(master: JsonObject): void {
  const exceptions = exceptionsOf(master);
  const kept: Record<string, Json> = {};
  for (const [key, value] of Object.entries(exceptions)) if (isOnPattern(master, key)) kept[key] = value;
  master._exceptions = kept;
  master._cancelled = cancelledKeys(master).filter((key) => isOnPattern(master, key));
}

// ---------------------------------------------------------------------------------------------------------------
// Ids

/** Instance ids are the series id plus the original start: stable, and derivable by anyone who knows both. */
export function instanceId(seriesId: string, originalStartUtc: string): string {
  return `${seriesId}_${originalStartUtc.replace(/[-:]/g, '')}`;
}

export function splitInstanceId(id: string): { seriesId: string; key: string } | undefined {
  const m = /^(.+)_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(id);
  if (!m?.[1]) return undefined;
  return { seriesId: m[1], key: `${m[2]}-${m[3]}-${m[4]}T${m[5]}:${m[6]}:${m[7]}Z` };
}

export function newEventId(ctx: TenantContext): string {
  return `AAMkA${hashOf('event', ctx.newId()).toString('base64url').replace(/[-_]/g, '').slice(0, 40)}`;
}

/** iCalUId in Outlook's layout; an occurrence's carries its original date (bytes 16–19) like Exchange's. */
export function iCalUIdOf(eventId: string, occurrenceDate?: DateTime): string {
  const date = occurrenceDate
    ? `${occurrenceDate.year.toString(16).padStart(4, '0')}${occurrenceDate.month.toString(16).padStart(2, '0')}${occurrenceDate.day.toString(16).padStart(2, '0')}`
    : '00000000';
  return `${ICAL_PREFIX}${date}${hashOf('ical', eventId).toString('hex').slice(0, 48)}`.toUpperCase();
}

export function joinUrlFor(tenantId: string, organizerId: string, eventId: string): string {
  const thread = hashOf('meeting', eventId)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 48);
  // Teams writes the escapes in lower case and keeps the keys' case: %7b%22Tid%22%3a…
  const context = encodeURIComponent(JSON.stringify({ Tid: tenantId, Oid: organizerId })).replace(
    /%[0-9A-F]{2}/g,
    (e) => e.toLowerCase(),
  );
  return `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${thread}%40thread.v2/0?context=${context}`;
}

export function webLinkFor(id: string): string {
  return `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`;
}

export function stampEtag(ctx: TenantContext, entity: JsonObject): void {
  const etag = ctx.newEtag();
  entity['@odata.etag'] = etag;
  entity.changeKey = /^W\/"(.*)"$/.exec(etag)?.[1] ?? etag;
}
