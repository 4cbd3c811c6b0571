// Calendar routes of the local tenant: events in a user's mailbox, patternedRecurrence expanded by rrule on floating
// wall-clock dates that luxon places in the event's time zone, instances, calendarView, single-occurrence updates
// and cancellations, transactionId de-duplication, Teams meeting links and the attendees' copies of a meeting.
import { createHash } from 'node:crypto';
import { DateTime, IANAZone, type Duration } from 'luxon';
import rrulePkg from 'rrule';
import { collection, GraphHttpError, type Entity, type Json, type Route, type TenantContext, type TenantRequest, type TenantResponse } from './core.ts';

const { RRule } = rrulePkg;
type RRuleOptions = ConstructorParameters<typeof RRule>[0];

type JsonObject = { [key: string]: Json };

/** A time zone as the client named it (Windows or IANA) and the IANA zone it is computed in. */
export interface Zone {
  name: string;
  iana: string;
}

/** One occurrence of a series: its original start (the key), where it is now, and what happened to it. */
interface Instance {
  key: string;
  start: DateTime;
  end: DateTime;
  exception?: JsonObject;
  cancelled: boolean;
}

/** Outlook's Windows zone names for the zones meetings are held in here; anything else must be an IANA name. */
const WINDOWS_ZONES: Record<string, string> = {
  'utc': 'UTC',
  'tzone://microsoft/utc': 'UTC',
  'coordinated universal time': 'UTC',
  'w. europe standard time': 'Europe/Amsterdam',
  'romance standard time': 'Europe/Brussels',
  'central europe standard time': 'Europe/Budapest',
  'central european standard time': 'Europe/Warsaw',
  'gmt standard time': 'Europe/London',
  'greenwich standard time': 'Atlantic/Reykjavik',
  'fle standard time': 'Europe/Helsinki',
  'e. europe standard time': 'Europe/Chisinau',
  'eastern standard time': 'America/New_York',
  'central standard time': 'America/Chicago',
  'pacific standard time': 'America/Los_Angeles',
};

const UTC: Zone = { name: 'UTC', iana: 'UTC' };
const DAY_MS = 86_400_000;
/** Occurrences one request expands per series at most; noEnd series are otherwise unbounded. */
export const MAX_EXPANSION = 2000;
/** Outlook's own bound on a numbered series. */
const MAX_NUMBERED = 999;
const NO_TIME = '0001-01-01T00:00:00Z';
const ICAL_PREFIX = '040000008200E00074C5B7101A82E008';

const EVENT_PROPERTIES = new Set([
  'id', 'categories', 'changeKey', 'createdDateTime', 'lastModifiedDateTime', 'allowNewTimeProposals', 'attendees', 'body',
  'bodyPreview', 'end', 'hasAttachments', 'hideAttendees', 'iCalUId', 'importance', 'isAllDay', 'isCancelled', 'isDraft',
  'isOnlineMeeting', 'isOrganizer', 'isReminderOn', 'location', 'locations', 'onlineMeeting', 'onlineMeetingProvider',
  'onlineMeetingUrl', 'organizer', 'originalEndTimeZone', 'originalStart', 'originalStartTimeZone', 'recurrence',
  'reminderMinutesBeforeStart', 'responseRequested', 'responseStatus', 'sensitivity', 'seriesMasterId', 'showAs', 'start',
  'subject', 'transactionId', 'type', 'webLink', 'attachments', 'calendar', 'extensions', 'instances',
  'multiValueExtendedProperties', 'singleValueExtendedProperties',
]);
/** Properties a client may send but the service sets itself; Graph ignores them on input. */
const SERVICE_SET = new Set([
  'id', 'changeKey', 'createdDateTime', 'lastModifiedDateTime', 'bodyPreview', 'hasAttachments', 'iCalUId', 'isCancelled',
  'isDraft', 'isOrganizer', 'onlineMeeting', 'onlineMeetingUrl', 'organizer', 'originalEndTimeZone', 'originalStart',
  'originalStartTimeZone', 'responseStatus', 'seriesMasterId', 'type', 'webLink',
]);
/** Navigation properties and extensions this local tenant does not keep; refusing beats silently dropping them. */
const NOT_KEPT = new Set(['attachments', 'calendar', 'extensions', 'instances', 'multiValueExtendedProperties', 'singleValueExtendedProperties']);
/** What a change to one occurrence may override. */
const OCCURRENCE_FIELDS = new Set([
  'subject', 'body', 'start', 'end', 'location', 'locations', 'attendees', 'importance', 'sensitivity', 'showAs',
  'categories', 'isReminderOn', 'reminderMinutesBeforeStart', 'responseRequested', 'allowNewTimeProposals', 'hideAttendees', 'isAllDay',
]);
/** What an attendee may change on their own copy of a meeting. */
const ATTENDEE_FIELDS = new Set(['categories', 'isReminderOn', 'reminderMinutesBeforeStart', 'showAs']);

const LOCATION_PROPERTIES = new Set(['address', 'coordinates', 'displayName', 'locationEmailAddress', 'locationType', 'locationUri', 'uniqueId', 'uniqueIdType']);
const ENUMS = {
  importance: ['low', 'normal', 'high'],
  sensitivity: ['normal', 'personal', 'private', 'confidential'],
  showAs: ['unknown', 'free', 'tentative', 'busy', 'oof', 'workingElsewhere'],
  onlineMeetingProvider: ['unknown', 'skypeForBusiness', 'skypeForConsumer', 'teamsForBusiness'],
  attendeeType: ['required', 'optional', 'resource'],
  bodyType: ['text', 'html'],
  patternType: ['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly'],
  rangeType: ['endDate', 'noEnd', 'numbered'],
  weekIndex: ['first', 'second', 'third', 'fourth', 'last'],
  dayOfWeek: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
} as const;
const RRULE_DAYS = [RRule.SU, RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA];
const SETPOS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, last: -1 };

// ---------------------------------------------------------------------------------------------------------------
// Errors, small readers

function invalid(message: string, code = 'ErrorInvalidRequest'): GraphHttpError {
  return new GraphHttpError(400, code, message);
}

function itemNotFound(): GraphHttpError {
  return new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectOf(value: unknown, what: string): Record<string, unknown> {
  if (!isObject(value)) throw invalid(`'${what}' must be a JSON object.`, 'RequestBodyRead');
  return value;
}

function stringOf(value: unknown, what: string): string {
  if (typeof value !== 'string') throw invalid(`'${what}' must be a string.`, 'RequestBodyRead');
  return value;
}

function booleanOf(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw invalid(`'${what}' must be true or false.`, 'RequestBodyRead');
  return value;
}

function integerOf(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(`'${what}' must be a whole number from ${min} to ${max}.`, 'RequestBodyRead');
  }
  return value;
}

function enumOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  const found = typeof value === 'string' ? allowed.find((a) => a.toLowerCase() === value.toLowerCase()) : undefined;
  if (!found) throw invalid(`'${what}' must be one of: ${allowed.join(', ')}.`, 'RequestBodyRead');
  return found;
}

function obj(value: Json | undefined): JsonObject {
  return isObject(value) ? (value as JsonObject) : {};
}

function text(value: Json | undefined): string {
  return typeof value === 'string' ? value : '';
}

/** Graph writes instants with seven fractional digits. */
function graphInstant(date: Date): string {
  return date.toISOString().replace('Z', '0000Z');
}

function hashOf(...parts: string[]): Buffer {
  return createHash('sha256').update(parts.join('|')).digest();
}

// ---------------------------------------------------------------------------------------------------------------
// Time zones and wall-clock date-times

/** A zone by Windows or IANA name; anything else is refused as Graph does. */
export function resolveTimeZone(name: unknown): Zone {
  const raw = typeof name === 'string' ? name.trim() : '';
  const mapped = WINDOWS_ZONES[raw.toLowerCase()];
  if (mapped) return { name: raw, iana: mapped };
  if (raw !== '' && IANAZone.isValidZone(raw)) return { name: raw, iana: raw };
  throw invalid(`A valid TimeZone value must be specified. The following TimeZone value is not supported: '${String(name)}'.`, 'TimeZoneNotSupportedException');
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A dateTime string read in a zone; an explicit offset, if present, wins and is converted into the zone. */
function parseDateTime(value: unknown, zone: Zone, what: string): DateTime {
  const m = typeof value === 'string' ? LOCAL_DATE_TIME.exec(value.trim()) : null;
  if (!m) throw invalid(`'${what}' is not a valid date and time: '${String(value)}'.`, 'ErrorInvalidRequest');
  const fields = {
    year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]),
    second: Number(m[6] ?? 0), millisecond: Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3)),
  };
  const offset = m[8];
  const parsed = offset
    ? DateTime.fromObject(fields, { zone: offset === 'Z' ? 'UTC' : `UTC${offset.slice(0, 3)}:${offset.slice(-2)}` }).setZone(zone.iana)
    : DateTime.fromObject(fields, { zone: zone.iana });
  if (!parsed.isValid) throw invalid(`'${what}' is not a valid date and time: '${String(value)}'.`);
  return parsed;
}

function formatLocal(dt: DateTime): string {
  return dt.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'0000'");
}

/** A dateTimeTimeZone from a request body, normalised the way Graph returns it. */
function normalizeDateTimeTimeZone(value: unknown, what: string): { json: JsonObject; at: DateTime; zone: Zone } {
  const o = objectOf(value, what);
  for (const key of Object.keys(o)) if (key !== 'dateTime' && key !== 'timeZone' && !key.startsWith('@odata.')) throw unknownProperty(key, 'dateTimeTimeZone');
  const zone = resolveTimeZone(o.timeZone);
  const at = parseDateTime(o.dateTime, zone, `${what}.dateTime`);
  return { json: { dateTime: formatLocal(at), timeZone: zone.name }, at, zone };
}

/** A stored dateTimeTimeZone as an instant. */
function instantOf(value: Json | undefined): DateTime {
  const o = obj(value);
  return parseDateTime(o.dateTime, resolveTimeZone(o.timeZone), 'dateTime');
}

function render(at: DateTime, out: Zone): JsonObject {
  return { dateTime: formatLocal(at.setZone(out.iana)), timeZone: out.name };
}

function utcKey(at: DateTime): string {
  return at.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
}

/** An instant from a query string (calendarView/instances windows); without an offset it is UTC. */
function parseInstant(value: string, what: string): DateTime {
  const at = parseDateTime(value, UTC, what);
  return at.toUTC();
}

/** The zone the caller wants times in (`Prefer: outlook.timezone="…"`); UTC otherwise, as in Graph. */
function outputZone(req: TenantRequest): Zone {
  const m = /outlook\.timezone\s*=\s*"([^"]*)"/i.exec(req.headers.prefer ?? '');
  return m ? resolveTimeZone(m[1]) : UTC;
}

// ---------------------------------------------------------------------------------------------------------------
// Recurrence

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function parseDate(value: unknown, what: string): { y: number; m: number; d: number } {
  const s = typeof value === 'string' ? value : '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const dt = m ? DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { zone: 'UTC' }) : undefined;
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
    type, interval, month: 0, dayOfMonth: 0, daysOfWeek: [],
    firstDayOfWeek: p.firstDayOfWeek === undefined || p.firstDayOfWeek === null ? 'sunday' : enumOf(p.firstDayOfWeek, ENUMS.dayOfWeek, 'recurrence.pattern.firstDayOfWeek'),
    index: p.index === undefined || p.index === null ? 'first' : enumOf(p.index, ENUMS.weekIndex, 'recurrence.pattern.index'),
  };
  const needDays = () => {
    if (daysOfWeek.length === 0) throw invalid(`A ${type} recurrence pattern needs 'daysOfWeek'.`);
    pattern.daysOfWeek = daysOfWeek;
  };
  if (type === 'weekly') needDays();
  if (type === 'relativeMonthly' || type === 'relativeYearly') needDays();
  if (type === 'absoluteMonthly' || type === 'absoluteYearly') pattern.dayOfMonth = integerOf(p.dayOfMonth, 'recurrence.pattern.dayOfMonth', 1, 31);
  if (type === 'absoluteYearly' || type === 'relativeYearly') pattern.month = integerOf(p.month, 'recurrence.pattern.month', 1, 12);

  const rangeType = enumOf(r.type, ENUMS.rangeType, 'recurrence.range.type');
  const start = parseDate(r.startDate, 'recurrence.range.startDate');
  const range: JsonObject = {
    type: rangeType,
    startDate: `${start.y}-${pad(start.m)}-${pad(start.d)}`,
    endDate: '0001-01-01',
    recurrenceTimeZone: r.recurrenceTimeZone === undefined || r.recurrenceTimeZone === null ? startZone.name : resolveTimeZone(r.recurrenceTimeZone).name,
    numberOfOccurrences: 0,
  };
  if (rangeType === 'endDate') {
    const end = parseDate(r.endDate, 'recurrence.range.endDate');
    range.endDate = `${end.y}-${pad(end.m)}-${pad(end.d)}`;
    if (String(range.endDate) < String(range.startDate)) throw invalid("'recurrence.range.endDate' is before its startDate.");
  }
  if (rangeType === 'numbered') range.numberOfOccurrences = integerOf(r.numberOfOccurrences, 'recurrence.range.numberOfOccurrences', 1, MAX_NUMBERED);
  return { pattern, range };
}

/** The rrule of a series, on floating dates: wall-clock times written as if they were UTC. */
function ruleOf(master: JsonObject): InstanceType<typeof RRule> {
  const rec = obj(master.recurrence);
  const p = obj(rec.pattern);
  const r = obj(rec.range);
  const start = instantOf(master.start);
  const from = parseDate(r.startDate, 'recurrence.range.startDate');
  const days = (Array.isArray(p.daysOfWeek) ? p.daysOfWeek : []).map((d) => RRULE_DAYS[ENUMS.dayOfWeek.indexOf(d as typeof ENUMS.dayOfWeek[number])]);
  const options: RRuleOptions = {
    dtstart: new Date(Date.UTC(from.y, from.m - 1, from.d, start.hour, start.minute, start.second)),
    interval: Number(p.interval) || 1,
    wkst: RRULE_DAYS[ENUMS.dayOfWeek.indexOf(p.firstDayOfWeek as typeof ENUMS.dayOfWeek[number])] ?? RRule.SU,
  };
  const dayOfMonth = Number(p.dayOfMonth);
  // Outlook puts "day 31" on the last day of shorter months; BYSETPOS=-1 over 28…d does exactly that.
  const monthDay = dayOfMonth > 28 ? { bymonthday: Array.from({ length: dayOfMonth - 27 }, (_, i) => 28 + i), bysetpos: -1 } : { bymonthday: dayOfMonth };
  switch (p.type) {
    case 'daily': Object.assign(options, { freq: RRule.DAILY }); break;
    case 'weekly': Object.assign(options, { freq: RRule.WEEKLY, byweekday: days }); break;
    case 'absoluteMonthly': Object.assign(options, { freq: RRule.MONTHLY, ...monthDay }); break;
    case 'relativeMonthly': Object.assign(options, { freq: RRule.MONTHLY, byweekday: days, bysetpos: SETPOS[String(p.index)] ?? 1 }); break;
    case 'absoluteYearly': Object.assign(options, { freq: RRule.YEARLY, bymonth: Number(p.month), ...monthDay }); break;
    case 'relativeYearly': Object.assign(options, { freq: RRule.YEARLY, bymonth: Number(p.month), byweekday: days, bysetpos: SETPOS[String(p.index)] ?? 1 }); break;
    default: throw invalid(`Unsupported recurrence pattern '${String(p.type)}'.`);
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
  return DateTime.fromObject({
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
  }, { zone: zone.iana });
}

function durationMs(event: JsonObject): number {
  return instantOf(event.end).toMillis() - instantOf(event.start).toMillis();
}

/** An occurrence's end: its start plus the series' length on the wall clock (an all-day event stays a day across DST). */
function occurrenceEnd(master: JsonObject, start: DateTime): DateTime {
  const zone = resolveTimeZone(obj(master.start).timeZone).iana;
  const span: Duration = instantOf(master.end).setZone(zone).diff(instantOf(master.start).setZone(zone), ['days', 'hours', 'minutes', 'seconds', 'milliseconds']);
  return start.setZone(zone).plus(span);
}

/** Original starts (as instants) of a series between two instants, widened so no zone offset loses one. */
function originalStarts(master: JsonObject, fromMs: number, toMs: number): DateTime[] {
  const zone = resolveTimeZone(obj(master.start).timeZone);
  const rule = ruleOf(master);
  const dates = rule.between(new Date(fromMs - 2 * DAY_MS), new Date(toMs + 2 * DAY_MS), true, (_d, i) => i < MAX_EXPANSION);
  return dates.map((d) => floatingToZone(d, zone)).filter((at) => at.toMillis() >= fromMs && at.toMillis() <= toMs);
}

function overlaps(start: DateTime, end: DateTime, from: DateTime, to: DateTime): boolean {
  if (end.toMillis() === start.toMillis()) return start >= from && start < to;
  return start < to && end > from;
}

function cancelledKeys(master: JsonObject): string[] {
  return Array.isArray(master._cancelled) ? master._cancelled.map(String) : [];
}

function exceptionsOf(master: JsonObject): Record<string, JsonObject> {
  return obj(master._exceptions) as Record<string, JsonObject>;
}

/** Occurrences and exceptions of a series that overlap a window, in start order. */
function seriesInstances(master: JsonObject, from: DateTime, to: DateTime, includeCancelled: boolean): Instance[] {
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

function exceptionInstance(master: JsonObject, key: string, exception: JsonObject): Instance {
  const fields = obj(exception.fields);
  const original = DateTime.fromISO(key, { zone: 'UTC' });
  const start = fields.start ? instantOf(fields.start) : original;
  const end = fields.end ? instantOf(fields.end) : occurrenceEnd(master, start);
  return { key, start, end, exception, cancelled: false };
}

function isOnPattern(master: JsonObject, key: string): boolean {
  const at = DateTime.fromISO(key, { zone: 'UTC' });
  if (!at.isValid) return false;
  return originalStarts(master, at.toMillis() - DAY_MS, at.toMillis() + DAY_MS).some((s) => s.toMillis() === at.toMillis());
}

/** One occurrence of a series by its original start, or undefined if the series has none there. */
function findInstance(master: JsonObject, key: string, includeCancelled: boolean): Instance | undefined {
  const cancelled = cancelledKeys(master).includes(key);
  if (cancelled && !includeCancelled) return undefined;
  const exception = exceptionsOf(master)[key];
  if (exception && !cancelled) return exceptionInstance(master, key, exception);
  if (!isOnPattern(master, key)) return undefined;
  const start = DateTime.fromISO(key, { zone: 'UTC' });
  return { key, start, end: occurrenceEnd(master, start), cancelled };
}

/** Keeps exceptions and cancellations whose original start still falls on the (changed) pattern. */
function pruneToPattern(master: JsonObject): void {
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

function splitInstanceId(id: string): { seriesId: string; key: string } | undefined {
  const m = /^(.+)_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(id);
  if (!m?.[1]) return undefined;
  return { seriesId: m[1], key: `${m[2]}-${m[3]}-${m[4]}T${m[5]}:${m[6]}:${m[7]}Z` };
}

function newEventId(ctx: TenantContext): string {
  return `AAMkA${hashOf('event', ctx.newId()).toString('base64url').replace(/[-_]/g, '').slice(0, 40)}`;
}

/** iCalUId in Outlook's layout; an occurrence's carries its original date (bytes 16–19) like Exchange's. */
function iCalUIdOf(eventId: string, occurrenceDate?: DateTime): string {
  const date = occurrenceDate ? `${occurrenceDate.year.toString(16).padStart(4, '0')}${occurrenceDate.month.toString(16).padStart(2, '0')}${occurrenceDate.day.toString(16).padStart(2, '0')}` : '00000000';
  return `${ICAL_PREFIX}${date}${hashOf('ical', eventId).toString('hex').slice(0, 48)}`.toUpperCase();
}

function joinUrlFor(tenantId: string, organizerId: string, eventId: string): string {
  const thread = hashOf('meeting', eventId).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 48);
  // Teams writes the escapes in lower case and keeps the keys' case: %7b%22Tid%22%3a…
  const context = encodeURIComponent(JSON.stringify({ Tid: tenantId, Oid: organizerId })).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
  return `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${thread}%40thread.v2/0?context=${context}`;
}

function webLinkFor(id: string): string {
  return `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`;
}

function stampEtag(ctx: TenantContext, entity: JsonObject): void {
  const etag = ctx.newEtag();
  entity['@odata.etag'] = etag;
  entity.changeKey = /^W\/"(.*)"$/.exec(etag)?.[1] ?? etag;
}

// ---------------------------------------------------------------------------------------------------------------
// Mailboxes and users

function allUsers(ctx: TenantContext, tenantId: string): Entity[] {
  return Object.values(ctx.state.tenants[tenantId]?.collections.users ?? {});
}

function findUser(ctx: TenantContext, tenantId: string, idOrUpn: string): Entity | undefined {
  const key = idOrUpn.toLowerCase();
  return allUsers(ctx, tenantId).find((u) => String(u.id).toLowerCase() === key || String(u.userPrincipalName).toLowerCase() === key);
}

/** The mailbox a calendar route names ({user-id} is an id or a UPN); unknown users are 404 as in Graph. */
function mailboxOf(ctx: TenantContext, req: TenantRequest): Entity {
  const idOrUpn = req.params['user-id'] ?? '';
  const user = findUser(ctx, req.tenantId, idOrUpn);
  if (!user) throw new GraphHttpError(404, 'ErrorInvalidUser', `The requested user '${idOrUpn}' is invalid.`);
  return user;
}

/** The throttling bucket of a calendar request: the mailbox it names (the server resolves UPN and id alike). */
export function mailboxKey(req: TenantRequest): string | undefined {
  const id = req.params['user-id'];
  return id ? `mailbox:${id}` : undefined;
}

/** The user behind an attendee's address, in any local tenant (mail or UPN), as mail delivery would find them. */
function userByAddress(ctx: TenantContext, address: string): { tenantId: string; user: Entity } | undefined {
  const key = address.toLowerCase();
  for (const tenantId of Object.keys(ctx.state.tenants)) {
    const user = allUsers(ctx, tenantId).find((u) => String(u.mail ?? '').toLowerCase() === key || String(u.userPrincipalName).toLowerCase() === key);
    if (user) return { tenantId, user };
  }
  return undefined;
}

function events(ctx: TenantContext, tenantId: string): Record<string, Entity> {
  return collection(ctx.state, tenantId, 'events');
}

// ---------------------------------------------------------------------------------------------------------------
// Reading request bodies

function unknownProperty(key: string, type: string): GraphHttpError {
  return invalid(`The property '${key}' does not exist on type 'microsoft.graph.${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`, 'RequestBodyRead');
}

function normalizeBody(value: unknown): JsonObject {
  const b = objectOf(value, 'body');
  for (const key of Object.keys(b)) if (key !== 'content' && key !== 'contentType' && !key.startsWith('@odata.')) throw unknownProperty(key, 'itemBody');
  return {
    contentType: b.contentType === undefined ? 'text' : enumOf(b.contentType, ENUMS.bodyType, 'body.contentType'),
    content: b.content === undefined || b.content === null ? '' : stringOf(b.content, 'body.content'),
  };
}

function previewOf(body: Json | undefined): string {
  const content = text(obj(body).content);
  return content.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 255);
}

function normalizeLocation(value: unknown, what: string): JsonObject {
  const l = objectOf(value, what);
  for (const key of Object.keys(l)) if (!LOCATION_PROPERTIES.has(key) && !key.startsWith('@odata.')) throw unknownProperty(key, 'location');
  const out: JsonObject = { displayName: '', locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} };
  for (const [key, v] of Object.entries(l)) {
    if (key.startsWith('@odata.') || v === undefined) continue;
    out[key] = key === 'address' || key === 'coordinates' ? (objectOf(v, `${what}.${key}`) as JsonObject) : v === null ? null : stringOf(v, `${what}.${key}`);
  }
  return out;
}

function normalizeAttendees(value: unknown): JsonObject[] {
  if (!Array.isArray(value)) throw invalid("'attendees' must be an array.", 'RequestBodyRead');
  const seen = new Set<string>();
  const out: JsonObject[] = [];
  value.forEach((raw, i) => {
    const a = objectOf(raw, `attendees[${i}]`);
    for (const key of Object.keys(a)) if (!['emailAddress', 'type', 'status', 'proposedNewTime'].includes(key) && !key.startsWith('@odata.')) throw unknownProperty(key, 'attendee');
    const email = objectOf(a.emailAddress, `attendees[${i}].emailAddress`);
    const address = stringOf(email.address, `attendees[${i}].emailAddress.address`).trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) throw invalid(`Attendee address '${address}' is not a valid SMTP address.`, 'ErrorInvalidRecipients');
    if (seen.has(address.toLowerCase())) return;
    seen.add(address.toLowerCase());
    out.push({
      type: a.type === undefined || a.type === null ? 'required' : enumOf(a.type, ENUMS.attendeeType, `attendees[${i}].type`),
      status: { response: 'none', time: NO_TIME },
      emailAddress: { name: email.name === undefined || email.name === null ? address : stringOf(email.name, `attendees[${i}].emailAddress.name`), address },
    });
  });
  return out;
}

function stringArray(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw invalid(`'${what}' must be an array of strings.`, 'RequestBodyRead');
  return value as string[];
}

/** Validated, normalised values of the writable properties in a body (start/end also parsed). */
interface EventInput {
  fields: JsonObject;
  start?: { json: JsonObject; at: DateTime; zone: Zone };
  end?: { json: JsonObject; at: DateTime; zone: Zone };
  recurrence?: unknown;
}

function readEventInput(body: unknown, allowed?: Set<string>, refusal?: string): EventInput {
  const b = objectOf(body, 'request body');
  const input: EventInput = { fields: {} };
  for (const [key, value] of Object.entries(b)) {
    if (key.startsWith('@odata.')) continue;
    if (!EVENT_PROPERTIES.has(key)) throw unknownProperty(key, 'event');
    if (NOT_KEPT.has(key)) throw invalid(`The local tenant does not keep '${key}' on events.`, 'ErrorInvalidRequest');
    if (SERVICE_SET.has(key)) continue;
    if (allowed && !allowed.has(key)) throw invalid(refusal ?? `'${key}' cannot be changed here.`);
    const f = input.fields;
    switch (key) {
      case 'subject': f.subject = value === null ? '' : stringOf(value, key); break;
      case 'body': f.body = normalizeBody(value); break;
      case 'start': input.start = normalizeDateTimeTimeZone(value, 'start'); break;
      case 'end': input.end = normalizeDateTimeTimeZone(value, 'end'); break;
      case 'location': f.location = normalizeLocation(value, 'location'); break;
      case 'locations':
        if (!Array.isArray(value)) throw invalid("'locations' must be an array.", 'RequestBodyRead');
        f.locations = value.map((l, i) => normalizeLocation(l, `locations[${i}]`));
        break;
      case 'attendees': f.attendees = normalizeAttendees(value); break;
      case 'categories': f.categories = stringArray(value, key); break;
      case 'importance': f.importance = enumOf(value, ENUMS.importance, key); break;
      case 'sensitivity': f.sensitivity = enumOf(value, ENUMS.sensitivity, key); break;
      case 'showAs': f.showAs = enumOf(value, ENUMS.showAs, key); break;
      case 'onlineMeetingProvider': f.onlineMeetingProvider = enumOf(value, ENUMS.onlineMeetingProvider, key); break;
      case 'reminderMinutesBeforeStart': f.reminderMinutesBeforeStart = integerOf(value, key, 0, 525_600); break;
      case 'transactionId': f.transactionId = value === null ? null : stringOf(value, key); break;
      case 'recurrence': input.recurrence = value; break;
      case 'isOnlineMeeting': case 'isReminderOn': case 'responseRequested': case 'allowNewTimeProposals': case 'hideAttendees': case 'isAllDay':
        f[key] = booleanOf(value, key);
        break;
      default: throw unknownProperty(key, 'event');
    }
  }
  return input;
}

function checkTimes(start: DateTime, end: DateTime, allDay: boolean): void {
  if (end < start) throw invalid('The end of an event must not be before its start.');
  if (allDay) {
    const midnight = (d: DateTime) => d.hour === 0 && d.minute === 0 && d.second === 0 && d.millisecond === 0;
    if (!midnight(start) || !midnight(end) || end <= start) {
      throw invalid('An all-day event must start and end at midnight and last at least one day.', 'ErrorPropertyValidationFailure');
    }
  }
}

function applyOnlineMeeting(event: JsonObject, tenantId: string, organizerId: string): void {
  if (event.isOnlineMeeting !== true) {
    event.onlineMeeting = null;
    event.onlineMeetingProvider = 'unknown';
    event.onlineMeetingUrl = null;
    return;
  }
  const provider = event.onlineMeetingProvider === 'unknown' || event.onlineMeetingProvider === undefined ? 'teamsForBusiness' : event.onlineMeetingProvider;
  if (provider !== 'teamsForBusiness') throw invalid(`Online meeting provider '${String(provider)}' is not allowed for this calendar (allowed: teamsForBusiness).`);
  event.onlineMeetingProvider = provider;
  const existing = obj(event.onlineMeeting).joinUrl;
  event.onlineMeeting = { joinUrl: typeof existing === 'string' ? existing : joinUrlFor(tenantId, organizerId, String(event.id)) };
  // Graph keeps this Skype-era property null for Teams meetings; the join link is onlineMeeting.joinUrl.
  event.onlineMeetingUrl = null;
}

// ---------------------------------------------------------------------------------------------------------------
// Views

function publicOf(entity: JsonObject): JsonObject {
  const out: JsonObject = {};
  if (entity['@odata.etag'] !== undefined) out['@odata.etag'] = entity['@odata.etag'];
  for (const [k, v] of Object.entries(entity)) if (!k.startsWith('_') && k !== '@odata.etag') out[k] = v;
  return out;
}

/** A single event or series master as the organizer's mailbox shows it. */
function masterView(event: JsonObject, out: Zone): JsonObject {
  const view = publicOf(event);
  view.start = render(instantOf(event.start), out);
  view.end = render(instantOf(event.end), out);
  return view;
}

/** An occurrence or exception of a series as the organizer's mailbox shows it. */
function instanceView(master: JsonObject, inst: Instance, out: Zone): JsonObject {
  const view = publicOf(master);
  const exception = inst.exception;
  if (exception) {
    for (const [k, v] of Object.entries(obj(exception.fields))) if (k !== 'start' && k !== 'end') view[k] = v;
    view.bodyPreview = previewOf(view.body);
    view['@odata.etag'] = exception['@odata.etag'] ?? null;
    view.changeKey = exception.changeKey ?? null;
    view.lastModifiedDateTime = exception.lastModifiedDateTime ?? view.lastModifiedDateTime ?? null;
  }
  const original = DateTime.fromISO(inst.key, { zone: 'UTC' });
  const id = instanceId(String(master.id), inst.key);
  return {
    ...view,
    id,
    type: exception ? 'exception' : 'occurrence',
    seriesMasterId: String(master.id),
    originalStart: inst.key,
    recurrence: null,
    transactionId: null,
    iCalUId: iCalUIdOf(String(master.id), original.setZone(resolveTimeZone(obj(master.start).timeZone).iana)),
    webLink: webLinkFor(id),
    start: render(inst.start, out),
    end: render(inst.end, out),
  };
}

function sourceOf(ctx: TenantContext, copy: JsonObject): JsonObject | undefined {
  const source = ctx.state.tenants[String(copy._sourceTenant)]?.collections.events?.[String(copy._sourceId)];
  return source;
}

/** The attendee's copy of a meeting: the organizer's event seen from the attendee's mailbox. */
function copyView(copy: JsonObject, sourceView: JsonObject, cancelled: boolean): JsonObject {
  const isInstance = typeof sourceView.seriesMasterId === 'string' && typeof sourceView.originalStart === 'string';
  const id = isInstance ? instanceId(String(copy.id), String(sourceView.originalStart)) : String(copy.id);
  const view: JsonObject = {
    ...sourceView,
    '@odata.etag': copy['@odata.etag'] ?? null,
    id,
    changeKey: copy.changeKey ?? null,
    createdDateTime: copy.createdDateTime ?? null,
    lastModifiedDateTime: copy.lastModifiedDateTime ?? null,
    isOrganizer: false,
    responseStatus: obj(copy.responseStatus),
    transactionId: null,
    webLink: webLinkFor(id),
  };
  for (const key of ATTENDEE_FIELDS) if (copy[key] !== undefined) view[key] = copy[key] as Json;
  if (isInstance) view.seriesMasterId = String(copy.id);
  if (cancelled) {
    view.isCancelled = true;
    view.subject = `Canceled: ${text(sourceView.subject)}`;
  }
  return view;
}

// ---------------------------------------------------------------------------------------------------------------
// Finding what an id points at

type Target =
  | { kind: 'event'; event: Entity }
  | { kind: 'instance'; master: Entity; inst: Instance }
  | { kind: 'copy'; copy: Entity; source: Entity }
  | { kind: 'copyInstance'; copy: Entity; source: Entity; inst: Instance };

function ownsEntity(entity: Entity | undefined, mailbox: Entity): entity is Entity {
  return entity !== undefined && entity._mailbox === mailbox.id && entity._removed !== true;
}

function resolveTarget(ctx: TenantContext, tenantId: string, mailbox: Entity, id: string): Target {
  const all = events(ctx, tenantId);
  const direct = all[id];
  if (ownsEntity(direct, mailbox)) {
    if (direct._sourceId === undefined) return { kind: 'event', event: direct };
    const source = sourceOf(ctx, direct);
    if (source) return { kind: 'copy', copy: direct, source };
    throw itemNotFound();
  }
  const split = splitInstanceId(id);
  const parent = split ? all[split.seriesId] : undefined;
  if (!split || !ownsEntity(parent, mailbox)) throw itemNotFound();
  if (parent._sourceId === undefined) {
    const inst = parent.type === 'seriesMaster' ? findInstance(parent, split.key, false) : undefined;
    if (!inst) throw itemNotFound();
    return { kind: 'instance', master: parent, inst };
  }
  const source = sourceOf(ctx, parent);
  const inst = source?.type === 'seriesMaster' ? findInstance(source, split.key, true) : undefined;
  if (!source || !inst) throw itemNotFound();
  return { kind: 'copyInstance', copy: parent, source, inst };
}

function targetView(ctx: TenantContext, target: Target, out: Zone): JsonObject {
  switch (target.kind) {
    case 'event': return masterView(target.event, out);
    case 'instance': return instanceView(target.master, target.inst, out);
    case 'copy': return copyView(target.copy, masterView(target.source, out), target.source._removed === true);
    case 'copyInstance':
      return copyView(target.copy, instanceView(target.source, target.inst, out), target.source._removed === true || target.inst.cancelled);
  }
}

/** The mailbox's own events and its meeting copies (single events and series masters), as GET /events lists them. */
function mailboxItems(ctx: TenantContext, tenantId: string, mailbox: Entity): Target[] {
  const out: Target[] = [];
  for (const entity of Object.values(events(ctx, tenantId))) {
    if (!ownsEntity(entity, mailbox)) continue;
    if (entity._sourceId === undefined) {
      out.push({ kind: 'event', event: entity });
    } else {
      const source = sourceOf(ctx, entity);
      if (source) out.push({ kind: 'copy', copy: entity, source });
    }
  }
  return out;
}

/** Every event of a mailbox in a window: single events, occurrences and exceptions (calendarView). */
function windowItems(ctx: TenantContext, tenantId: string, mailbox: Entity, from: DateTime, to: DateTime, out: Zone): JsonObject[] {
  const found: { at: number; view: JsonObject }[] = [];
  for (const item of mailboxItems(ctx, tenantId, mailbox)) {
    const event = item.kind === 'copy' ? item.source : item.kind === 'event' ? item.event : undefined;
    if (!event) continue;
    if (event.type === 'seriesMaster') {
      for (const inst of seriesInstances(event, from, to, item.kind === 'copy')) {
        const view = item.kind === 'copy'
          ? copyView(item.copy, instanceView(event, inst, out), event._removed === true || inst.cancelled)
          : instanceView(event, inst, out);
        found.push({ at: inst.start.toMillis(), view });
      }
    } else {
      const start = instantOf(event.start);
      if (!overlaps(start, instantOf(event.end), from, to)) continue;
      found.push({ at: start.toMillis(), view: targetView(ctx, item, out) });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.view);
}

function windowOf(req: TenantRequest): { from: DateTime; to: DateTime } {
  const get = (name: string): string | undefined => {
    for (const [k, v] of req.query) if (k.toLowerCase() === name.toLowerCase()) return v;
    return undefined;
  };
  const start = get('startDateTime');
  const end = get('endDateTime');
  if (!start || !end) {
    throw invalid('This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.', 'ErrorInvalidParameter');
  }
  const from = parseInstant(start, 'startDateTime');
  const to = parseInstant(end, 'endDateTime');
  if (to <= from) throw invalid('The EndDateTime must be after the StartDateTime.', 'ErrorInvalidParameter');
  return { from, to };
}

// ---------------------------------------------------------------------------------------------------------------
// Attendee copies

function copiesOf(ctx: TenantContext, tenantId: string, sourceId: string): { tenantId: string; copy: Entity }[] {
  const out: { tenantId: string; copy: Entity }[] = [];
  for (const [tid, tenant] of Object.entries(ctx.state.tenants)) {
    for (const e of Object.values(tenant.collections.events ?? {})) {
      if (e._sourceTenant === tenantId && e._sourceId === sourceId) out.push({ tenantId: tid, copy: e });
    }
  }
  return out;
}

/**
 * Meeting invitations land in the calendars of attendees who have a mailbox in one of the local tenants; their
 * copies follow the organizer's event (a change gives them a new changeKey; a cancellation shows as cancelled).
 */
function syncCopies(ctx: TenantContext, tenantId: string, source: Entity): void {
  const now = graphInstant(ctx.clock.now());
  const existing = copiesOf(ctx, tenantId, String(source.id));
  const wanted = new Map<string, { tenantId: string; user: Entity }>();
  if (source._removed !== true) {
    for (const attendee of Array.isArray(source.attendees) ? source.attendees : []) {
      const found = userByAddress(ctx, text(obj(obj(attendee).emailAddress).address));
      if (!found || (found.tenantId === tenantId && found.user.id === source._mailbox)) continue;
      wanted.set(`${found.tenantId}|${String(found.user.id)}`, found);
    }
  }
  for (const { tenantId: tid, copy } of existing) {
    const key = `${tid}|${String(copy._mailbox)}`;
    if (source._removed !== true && !wanted.has(key)) {
      delete events(ctx, tid)[String(copy.id)];
      continue;
    }
    wanted.delete(key);
    stampEtag(ctx, copy);
    copy.lastModifiedDateTime = now;
  }
  for (const { tenantId: tid, user } of wanted.values()) {
    const copy: Entity = {
      id: newEventId(ctx),
      createdDateTime: now,
      lastModifiedDateTime: now,
      responseStatus: { response: 'notResponded', time: NO_TIME },
      _mailbox: user.id ?? null,
      _sourceTenant: tenantId,
      _sourceId: String(source.id),
    };
    stampEtag(ctx, copy);
    events(ctx, tid)[String(copy.id)] = copy;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Writes

function checkIfMatch(req: TenantRequest, current: Json | undefined): void {
  const header = req.headers['if-match'];
  if (header === undefined || header.trim() === '' || header.trim() === '*') return;
  const given = header.split(',').map((s) => s.trim());
  if (!given.includes(String(current))) throw new GraphHttpError(412, 'ErrorIrresolvableConflict', 'The change key passed in the request does not match the current change key for the item.');
}

function createEvent(ctx: TenantContext, req: TenantRequest, mailbox: Entity): TenantResponse {
  const input = readEventInput(req.body);
  const all = events(ctx, req.tenantId);
  const txn = input.fields.transactionId;
  if (typeof txn === 'string' && txn !== '') {
    // A retried create (e.g. after a crash between POST and storing the id) gets the event it already made.
    const existing = Object.values(all).find((e) => ownsEntity(e, mailbox) && e._sourceId === undefined && e.transactionId === txn);
    if (existing) return { status: 201, body: masterView(existing, outputZone(req)) };
  }
  if (!input.start || !input.end) throw invalid("An event needs both 'start' and 'end'.");
  const allDay = input.fields.isAllDay === true;
  checkTimes(input.start.at, input.end.at, allDay);
  const now = graphInstant(ctx.clock.now());
  const id = newEventId(ctx);
  const location = (input.fields.location as JsonObject | undefined) ?? normalizeLocation({}, 'location');
  const event: Entity = {
    id,
    createdDateTime: now,
    lastModifiedDateTime: now,
    categories: [],
    transactionId: null,
    originalStartTimeZone: input.start.zone.name,
    originalEndTimeZone: input.end.zone.name,
    iCalUId: iCalUIdOf(id),
    reminderMinutesBeforeStart: 15,
    isReminderOn: true,
    hasAttachments: false,
    subject: '',
    importance: 'normal',
    sensitivity: 'normal',
    isAllDay: false,
    isCancelled: false,
    isOrganizer: true,
    responseRequested: true,
    seriesMasterId: null,
    showAs: 'busy',
    type: 'singleInstance',
    webLink: webLinkFor(id),
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    allowNewTimeProposals: true,
    isDraft: false,
    hideAttendees: false,
    recurrence: null,
    responseStatus: { response: 'organizer', time: NO_TIME },
    body: { contentType: 'text', content: '' },
    attendees: [],
    ...input.fields,
    location,
    locations: (input.fields.locations as Json[] | undefined) ?? (text(location.displayName) !== '' ? [location] : []),
    start: input.start.json,
    end: input.end.json,
    organizer: { emailAddress: { name: mailbox.displayName ?? null, address: mailbox.mail ?? mailbox.userPrincipalName ?? null } },
    onlineMeeting: null,
    onlineMeetingUrl: null,
    _mailbox: mailbox.id ?? null,
  };
  event.bodyPreview = previewOf(event.body);
  if (input.recurrence !== undefined && input.recurrence !== null) {
    event.recurrence = normalizeRecurrence(input.recurrence, input.start.zone);
    event.type = 'seriesMaster';
  }
  applyOnlineMeeting(event, req.tenantId, String(mailbox.id));
  stampEtag(ctx, event);
  all[id] = event;
  syncCopies(ctx, req.tenantId, event);
  ctx.changed();
  return { status: 201, body: masterView(event, outputZone(req)) };
}

function updateEvent(ctx: TenantContext, req: TenantRequest, event: Entity): void {
  const input = readEventInput(req.body);
  const now = graphInstant(ctx.clock.now());
  const before = JSON.stringify({ start: event.start, end: event.end, recurrence: event.recurrence });
  Object.assign(event, input.fields);
  if (input.start) {
    event.start = input.start.json;
    event.originalStartTimeZone = input.start.zone.name;
  }
  if (input.end) {
    event.end = input.end.json;
    event.originalEndTimeZone = input.end.zone.name;
  }
  checkTimes(instantOf(event.start), instantOf(event.end), event.isAllDay === true);
  if (input.recurrence !== undefined) {
    if (input.recurrence === null) {
      event.recurrence = null;
      event.type = 'singleInstance';
      event._exceptions = {};
      event._cancelled = [];
    } else {
      event.recurrence = normalizeRecurrence(input.recurrence, resolveTimeZone(obj(event.start).timeZone));
      event.type = 'seriesMaster';
    }
  }
  if (input.fields.location && !input.fields.locations) event.locations = text(obj(event.location).displayName) !== '' ? [event.location as Json] : [];
  event.bodyPreview = previewOf(event.body);
  if (event.type === 'seriesMaster' && JSON.stringify({ start: event.start, end: event.end, recurrence: event.recurrence }) !== before) pruneToPattern(event);
  applyOnlineMeeting(event, req.tenantId, String(event._mailbox));
  event.lastModifiedDateTime = now;
  stampEtag(ctx, event);
}

/** An occurrence changed on its own becomes an exception; it may not pass its neighbours' days (as in Outlook). */
function updateOccurrence(ctx: TenantContext, req: TenantRequest, master: Entity, inst: Instance): Instance {
  const input = readEventInput(req.body, OCCURRENCE_FIELDS, "Only an occurrence's own details (subject, body, times, location, attendees, …) can be changed; change the series for the rest.");
  const now = graphInstant(ctx.clock.now());
  const exceptions = exceptionsOf(master);
  const exception: JsonObject = exceptions[inst.key] ?? { createdDateTime: now, fields: {} };
  const fields: JsonObject = { ...obj(exception.fields), ...input.fields };
  const start = input.start?.at ?? inst.start;
  const end = input.end?.at ?? (input.start ? start.plus(inst.end.toMillis() - inst.start.toMillis()) : inst.end);
  checkTimes(start, end, (fields.isAllDay ?? master.isAllDay) === true);
  const zone = resolveTimeZone(obj(master.start).timeZone);
  if (input.start || input.end) {
    const original = DateTime.fromISO(inst.key, { zone: 'UTC' });
    const neighbours = originalStarts(master, original.toMillis() - 800 * DAY_MS, original.toMillis() + 800 * DAY_MS);
    const index = neighbours.findIndex((s) => s.toMillis() === original.toMillis());
    const day = (d: DateTime) => d.setZone(zone.iana).toISODate() ?? '';
    const prev = index > 0 ? neighbours[index - 1] : undefined;
    const next = index >= 0 ? neighbours[index + 1] : undefined;
    if ((prev && day(start) <= day(prev)) || (next && day(start) >= day(next))) {
      throw invalid("An occurrence can't be moved to or before the day of the previous occurrence, or to or after the day of the next occurrence.", 'ErrorOccurrenceCrossingBoundary');
    }
    fields.start = input.start?.json ?? { dateTime: formatLocal(start.setZone(zone.iana)), timeZone: zone.name };
    fields.end = input.end?.json ?? { dateTime: formatLocal(end.setZone(zone.iana)), timeZone: zone.name };
  }
  exception.fields = fields;
  exception.lastModifiedDateTime = now;
  stampEtag(ctx, exception);
  exceptions[inst.key] = exception;
  master._exceptions = exceptions;
  // Exchange keeps exceptions with the master, so the master changes too.
  master.lastModifiedDateTime = now;
  stampEtag(ctx, master);
  return exceptionInstance(master, inst.key, exception);
}

function cancelOccurrence(ctx: TenantContext, master: Entity, key: string, comment?: string): void {
  const exceptions = exceptionsOf(master);
  delete exceptions[key];
  master._exceptions = exceptions;
  master._cancelled = [...new Set([...cancelledKeys(master), key])];
  if (comment !== undefined) master._cancellationComment = comment;
  master.lastModifiedDateTime = graphInstant(ctx.clock.now());
  stampEtag(ctx, master);
}

/** The organizer's event leaves the calendar (Deleted Items); attendees' copies stay and show it cancelled. */
function removeEvent(ctx: TenantContext, tenantId: string, event: Entity, comment?: string): void {
  event._removed = true;
  event.isCancelled = true;
  if (comment !== undefined) event._cancellationComment = comment;
  syncCopies(ctx, tenantId, event);
  if (copiesOf(ctx, tenantId, String(event.id)).length === 0) delete events(ctx, tenantId)[String(event.id)];
}

function cancelComment(body: unknown): string | undefined {
  if (body === undefined || body === null || body === '') return undefined;
  const b = objectOf(body, 'request body');
  for (const key of Object.keys(b)) if (key.toLowerCase() !== 'comment' && !key.startsWith('@odata.')) throw invalid(`The parameter '${key}' in the request payload is not a valid parameter for the operation 'cancel'.`, 'RequestBodyRead');
  const key = Object.keys(b).find((k) => k.toLowerCase() === 'comment');
  return key === undefined || b[key] === null ? undefined : stringOf(b[key], 'comment');
}

// ---------------------------------------------------------------------------------------------------------------
// Routes

function calendarOf(mailbox: Entity): JsonObject {
  const id = `AAMkAC${hashOf('calendar', String(mailbox.id)).toString('base64url').replace(/[-_]/g, '').slice(0, 40)}`;
  return {
    id,
    name: 'Agenda',
    color: 'auto',
    hexColor: '',
    isDefaultCalendar: true,
    changeKey: hashOf('calendar-key', String(mailbox.id)).toString('base64').slice(0, 24),
    canShare: true,
    canViewPrivateItems: true,
    canEdit: true,
    isRemovable: false,
    isTallyingResponses: true,
    allowedOnlineMeetingProviders: ['teamsForBusiness'],
    defaultOnlineMeetingProvider: 'teamsForBusiness',
    owner: { name: mailbox.displayName ?? null, address: mailbox.mail ?? mailbox.userPrincipalName ?? null },
  };
}

export function calendarRoutes(): Route[] {
  const route = (method: Route['method'], pattern: string, handler: Route['handler']): Route => ({ method, pattern, handler, throttleKey: mailboxKey });
  return [
    route('GET', '/users/{user-id}/calendar', (req, ctx) => ({ status: 200, body: calendarOf(mailboxOf(ctx, req)) })),
    route('GET', '/users/{user-id}/events', (req, ctx) => {
      const mailbox = mailboxOf(ctx, req);
      const out = outputZone(req);
      return { status: 200, body: { value: mailboxItems(ctx, req.tenantId, mailbox).map((t) => targetView(ctx, t, out)) } };
    }),
    route('POST', '/users/{user-id}/events', (req, ctx) => createEvent(ctx, req, mailboxOf(ctx, req))),
    route('GET', '/users/{user-id}/events/{event-id}', (req, ctx) => {
      const target = resolveTarget(ctx, req.tenantId, mailboxOf(ctx, req), req.params['event-id'] ?? '');
      return { status: 200, body: targetView(ctx, target, outputZone(req)) };
    }),
    route('PATCH', '/users/{user-id}/events/{event-id}', (req, ctx) => {
      const target = resolveTarget(ctx, req.tenantId, mailboxOf(ctx, req), req.params['event-id'] ?? '');
      const out = outputZone(req);
      switch (target.kind) {
        case 'event': {
          checkIfMatch(req, target.event['@odata.etag']);
          updateEvent(ctx, req, target.event);
          syncCopies(ctx, req.tenantId, target.event);
          ctx.changed();
          return { status: 200, body: masterView(target.event, out) };
        }
        case 'instance': {
          checkIfMatch(req, target.inst.exception?.['@odata.etag'] ?? target.master['@odata.etag']);
          const inst = updateOccurrence(ctx, req, target.master, target.inst);
          syncCopies(ctx, req.tenantId, target.master);
          ctx.changed();
          return { status: 200, body: instanceView(target.master, inst, out) };
        }
        case 'copy':
        case 'copyInstance': {
          checkIfMatch(req, target.copy['@odata.etag']);
          const input = readEventInput(req.body, ATTENDEE_FIELDS, "An attendee can only change their own categories, reminder and free/busy status of a meeting; the organizer changes the rest.");
          Object.assign(target.copy, input.fields);
          target.copy.lastModifiedDateTime = graphInstant(ctx.clock.now());
          stampEtag(ctx, target.copy);
          ctx.changed();
          return { status: 200, body: targetView(ctx, target, out) };
        }
      }
    }),
    route('DELETE', '/users/{user-id}/events/{event-id}', (req, ctx) => {
      const target = resolveTarget(ctx, req.tenantId, mailboxOf(ctx, req), req.params['event-id'] ?? '');
      switch (target.kind) {
        case 'event':
          checkIfMatch(req, target.event['@odata.etag']);
          removeEvent(ctx, req.tenantId, target.event);
          break;
        case 'instance':
          cancelOccurrence(ctx, target.master, target.inst.key);
          syncCopies(ctx, req.tenantId, target.master);
          break;
        case 'copy':
          delete events(ctx, req.tenantId)[String(target.copy.id)];
          break;
        case 'copyInstance':
          // An attendee removing one occurrence from their own calendar leaves the organizer's series alone.
          throw invalid('The local tenant does not keep per-attendee occurrence removals; remove the whole meeting or let the organizer cancel the occurrence.');
      }
      ctx.changed();
      return { status: 204 };
    }),
    route('POST', '/users/{user-id}/events/{event-id}/cancel', (req, ctx) => {
      const target = resolveTarget(ctx, req.tenantId, mailboxOf(ctx, req), req.params['event-id'] ?? '');
      const comment = cancelComment(req.body);
      switch (target.kind) {
        case 'event':
          removeEvent(ctx, req.tenantId, target.event, comment);
          break;
        case 'instance':
          cancelOccurrence(ctx, target.master, target.inst.key, comment);
          syncCopies(ctx, req.tenantId, target.master);
          break;
        case 'copy':
        case 'copyInstance':
          throw invalid("Your request can't be completed. You need to be an organizer to cancel a meeting.", 'ErrorAccessDenied');
      }
      ctx.changed();
      return { status: 202 };
    }),
    route('GET', '/users/{user-id}/events/{event-id}/instances', (req, ctx) => {
      const mailbox = mailboxOf(ctx, req);
      const { from, to } = windowOf(req);
      const target = resolveTarget(ctx, req.tenantId, mailbox, req.params['event-id'] ?? '');
      const out = outputZone(req);
      if (target.kind === 'event') {
        const value = target.event.type === 'seriesMaster' ? seriesInstances(target.event, from, to, false).map((i) => instanceView(target.event, i, out)) : [];
        return { status: 200, body: { value } };
      }
      if (target.kind === 'copy') {
        const source = target.source;
        const value = source.type === 'seriesMaster'
          ? seriesInstances(source, from, to, true).map((i) => copyView(target.copy, instanceView(source, i, out), source._removed === true || i.cancelled))
          : [];
        return { status: 200, body: { value } };
      }
      throw invalid('Instances can only be listed for a series master.');
    }),
    route('GET', '/users/{user-id}/events/{event-id}/instances/{event-id1}', (req, ctx) => {
      const mailbox = mailboxOf(ctx, req);
      const series = resolveTarget(ctx, req.tenantId, mailbox, req.params['event-id'] ?? '');
      const target = resolveTarget(ctx, req.tenantId, mailbox, req.params['event-id1'] ?? '');
      const seriesId = series.kind === 'event' ? series.event.id : series.kind === 'copy' ? series.copy.id : undefined;
      const parentId = target.kind === 'instance' ? target.master.id : target.kind === 'copyInstance' ? target.copy.id : undefined;
      if (seriesId === undefined || seriesId !== parentId) throw itemNotFound();
      return { status: 200, body: targetView(ctx, target, outputZone(req)) };
    }),
    route('GET', '/users/{user-id}/calendarView', (req, ctx) => {
      const mailbox = mailboxOf(ctx, req);
      const { from, to } = windowOf(req);
      return { status: 200, body: { value: windowItems(ctx, req.tenantId, mailbox, from, to, outputZone(req)) } };
    }),
  ];
}
