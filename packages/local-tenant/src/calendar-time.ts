// Calendar values of the local tenant: Graph's event vocabulary (properties, enums, Windows zone names), small
// readers of request values with Graph's errors, and wall-clock date-times that luxon places in a time zone.
import { createHash } from 'node:crypto';
import { DateTime, IANAZone } from 'luxon';
import rrulePkg from 'rrule';
import { findIana, WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { GraphHttpError, type Json, type TenantRequest } from './core.ts';

export const { RRule } = rrulePkg;
export type RRuleOptions = ConstructorParameters<typeof RRule>[0];

export type JsonObject = { [key: string]: Json };

/** A time zone as the client named it (Windows or IANA) and the IANA zone it is computed in. */
export interface Zone {
  name: string;
  iana: string;
}

/** One occurrence of a series: its original start (the key), where it is now, and what happened to it. */
export interface Instance {
  key: string;
  start: DateTime;
  end: DateTime;
  exception?: JsonObject;
  cancelled: boolean;
}

/** Outlook's Windows zone names for the zones meetings are held in here; anything else must be an IANA name. */
const WINDOWS_ZONES: Record<string, string> = {
  utc: 'UTC',
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

/**
 * The IANA names Graph takes besides Windows names ("Additional time zones" of the dateTimeTimeZone resource,
 * https://learn.microsoft.com/en-us/graph/api/resources/datetimetimezone; the page's "Europe/Kyiv (Kiev)" style
 * entries are listed under both names). Europe/Amsterdam is not among them: Graph refuses it in event bodies.
 */
const GRAPH_IANA_ZONES = new Set(
  [
    'Etc/GMT+12',
    'Etc/GMT+11',
    'Pacific/Honolulu',
    'America/Anchorage',
    'America/Santa_Isabel',
    'America/Los_Angeles',
    'America/Phoenix',
    'America/Chihuahua',
    'America/Denver',
    'America/Guatemala',
    'America/Chicago',
    'America/Mexico_City',
    'America/Regina',
    'America/Bogota',
    'America/New_York',
    'America/Indiana/Indianapolis',
    'America/Caracas',
    'America/Asuncion',
    'America/Halifax',
    'America/Cuiaba',
    'America/La_Paz',
    'America/Santiago',
    'America/St_Johns',
    'America/Sao_Paulo',
    'America/Argentina/Buenos_Aires',
    'America/Cayenne',
    'America/Godthab',
    'America/Montevideo',
    'America/Bahia',
    'Etc/GMT+2',
    'Atlantic/Azores',
    'Atlantic/Cape_Verde',
    'Africa/Casablanca',
    'Etc/GMT',
    'Europe/London',
    'Atlantic/Reykjavik',
    'Europe/Berlin',
    'Europe/Budapest',
    'Europe/Paris',
    'Europe/Warsaw',
    'Africa/Lagos',
    'Africa/Windhoek',
    'Europe/Bucharest',
    'Asia/Beirut',
    'Africa/Cairo',
    'Asia/Damascus',
    'Africa/Johannesburg',
    'Europe/Kyiv',
    'Europe/Kiev',
    'Europe/Istanbul',
    'Asia/Jerusalem',
    'Asia/Amman',
    'Asia/Baghdad',
    'Europe/Kaliningrad',
    'Asia/Riyadh',
    'Africa/Nairobi',
    'Asia/Tehran',
    'Asia/Dubai',
    'Asia/Baku',
    'Europe/Moscow',
    'Indian/Mauritius',
    'Asia/Tbilisi',
    'Asia/Yerevan',
    'Asia/Kabul',
    'Asia/Karachi',
    'Asia/Toshkent',
    'Asia/Tashkent',
    'Asia/Kolkata',
    'Asia/Colombo',
    'Asia/Kathmandu',
    'Asia/Astana',
    'Asia/Almaty',
    'Asia/Dhaka',
    'Asia/Yekaterinburg',
    'Asia/Yangon',
    'Asia/Rangoon',
    'Asia/Bangkok',
    'Asia/Novosibirsk',
    'Asia/Shanghai',
    'Asia/Krasnoyarsk',
    'Asia/Singapore',
    'Australia/Perth',
    'Asia/Taipei',
    'Asia/Ulaanbaatar',
    'Asia/Irkutsk',
    'Asia/Tokyo',
    'Asia/Seoul',
    'Australia/Adelaide',
    'Australia/Darwin',
    'Australia/Brisbane',
    'Australia/Sydney',
    'Pacific/Port_Moresby',
    'Australia/Hobart',
    'Asia/Yakutsk',
    'Pacific/Guadalcanal',
    'Asia/Vladivostok',
    'Pacific/Auckland',
    'Etc/GMT-12',
    'Pacific/Fiji',
    'Asia/Magadan',
    'Pacific/Tongatapu',
    'Pacific/Apia',
    'Pacific/Kiritimati',
  ].map((z) => z.toLowerCase()),
);

/** Every Windows zone name (CLDR windowsZones, via windows-iana), lower-cased, with the IANA zone it computes in. */
const CLDR_WINDOWS_ZONES = new Map(
  Object.values(WINDOWS_TO_IANA_MAP).map((z) => [z.windowsName.toLowerCase(), findIana(z.windowsName)[0] ?? 'UTC']),
);

const UTC: Zone = { name: 'UTC', iana: 'UTC' };
export const DAY_MS = 86_400_000;
/** Occurrences one request expands per series at most; noEnd series are otherwise unbounded. */
export const MAX_EXPANSION = 2000;
/** Outlook's own bound on a numbered series. */
export const MAX_NUMBERED = 999;
export const NO_TIME = '0001-01-01T00:00:00Z';
export const ICAL_PREFIX = '040000008200E00074C5B7101A82E008';

export const EVENT_PROPERTIES = new Set([
  'id',
  'categories',
  'changeKey',
  'createdDateTime',
  'lastModifiedDateTime',
  'allowNewTimeProposals',
  'attendees',
  'body',
  'bodyPreview',
  'end',
  'hasAttachments',
  'hideAttendees',
  'iCalUId',
  'importance',
  'isAllDay',
  'isCancelled',
  'isDraft',
  'isOnlineMeeting',
  'isOrganizer',
  'isReminderOn',
  'location',
  'locations',
  'onlineMeeting',
  'onlineMeetingProvider',
  'onlineMeetingUrl',
  'organizer',
  'originalEndTimeZone',
  'originalStart',
  'originalStartTimeZone',
  'recurrence',
  'reminderMinutesBeforeStart',
  'responseRequested',
  'responseStatus',
  'sensitivity',
  'seriesMasterId',
  'showAs',
  'start',
  'subject',
  'transactionId',
  'type',
  'webLink',
  'attachments',
  'calendar',
  'extensions',
  'instances',
  'multiValueExtendedProperties',
  'singleValueExtendedProperties',
]);
/** Properties a client may send but the service sets itself; Graph ignores them on input. */
export const SERVICE_SET = new Set([
  'id',
  'changeKey',
  'createdDateTime',
  'lastModifiedDateTime',
  'bodyPreview',
  'hasAttachments',
  'iCalUId',
  'isCancelled',
  'isDraft',
  'isOrganizer',
  'onlineMeeting',
  'onlineMeetingUrl',
  'organizer',
  'originalEndTimeZone',
  'originalStart',
  'originalStartTimeZone',
  'responseStatus',
  'seriesMasterId',
  'type',
  'webLink',
]);
/** Navigation properties and extensions this local tenant does not keep; refusing beats silently dropping them. */
export const NOT_KEPT = new Set([
  'attachments',
  'calendar',
  'extensions',
  'instances',
  'multiValueExtendedProperties',
  'singleValueExtendedProperties',
]);
/** What a change to one occurrence may override. */
export const OCCURRENCE_FIELDS = new Set([
  'subject',
  'body',
  'start',
  'end',
  'location',
  'locations',
  'attendees',
  'importance',
  'sensitivity',
  'showAs',
  'categories',
  'isReminderOn',
  'reminderMinutesBeforeStart',
  'responseRequested',
  'allowNewTimeProposals',
  'hideAttendees',
  'isAllDay',
]);
/** What an attendee may change on their own copy of a meeting. */
export const ATTENDEE_FIELDS = new Set(['categories', 'isReminderOn', 'reminderMinutesBeforeStart', 'showAs']);

export const LOCATION_PROPERTIES = new Set([
  'address',
  'coordinates',
  'displayName',
  'locationEmailAddress',
  'locationType',
  'locationUri',
  'uniqueId',
  'uniqueIdType',
]);
export const ENUMS = {
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
export const RRULE_DAYS = [RRule.SU, RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA];
export const SETPOS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, last: -1 };

// ---------------------------------------------------------------------------------------------------------------
// Errors, small readers

export function invalid(message: string, code = 'ErrorInvalidRequest'): GraphHttpError {
  return new GraphHttpError(400, code, message);
}

export function itemNotFound(): GraphHttpError {
  return new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectOf(value: unknown, what: string): Record<string, unknown> {
  if (!isObject(value)) throw invalid(`'${what}' must be a JSON object.`, 'RequestBodyRead');
  return value;
}

export function stringOf(value: unknown, what: string): string {
  if (typeof value !== 'string') throw invalid(`'${what}' must be a string.`, 'RequestBodyRead');
  return value;
}

export function booleanOf(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw invalid(`'${what}' must be true or false.`, 'RequestBodyRead');
  return value;
}

export function integerOf(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(`'${what}' must be a whole number from ${min} to ${max}.`, 'RequestBodyRead');
  }
  return value;
}

export function enumOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  const found = typeof value === 'string' ? allowed.find((a) => a.toLowerCase() === value.toLowerCase()) : undefined;
  if (!found) throw invalid(`'${what}' must be one of: ${allowed.join(', ')}.`, 'RequestBodyRead');
  return found;
}

export function obj(value: Json | undefined): JsonObject {
  return isObject(value) ? (value as JsonObject) : {};
}

export function text(value: Json | undefined): string {
  return typeof value === 'string' ? value : '';
}

/** Graph writes instants with seven fractional digits. */
export function graphInstant(date: Date): string {
  return date.toISOString().replace('Z', '0000Z');
}

export function hashOf(...parts: string[]): Buffer {
  return createHash('sha256').update(parts.join('|')).digest();
}

// ---------------------------------------------------------------------------------------------------------------
// Time zones and wall-clock date-times

/**
 * A zone of a request body as Graph takes it: a Windows name or one of the IANA names Graph lists; anything else
 * (Europe/Amsterdam among them) is refused as Graph does, 400 TimeZoneNotSupportedException. `lenient` (the
 * `Prefer: outlook.timezone` header, which this stand-in reads more loosely) also takes any IANA zone.
 */
export function resolveTimeZone(name: unknown, lenient = false): Zone {
  const raw = typeof name === 'string' ? name.trim() : '';
  const lower = raw.toLowerCase();
  const mapped = WINDOWS_ZONES[lower] ?? CLDR_WINDOWS_ZONES.get(lower);
  if (mapped) return { name: raw, iana: mapped };
  if (raw !== '' && (lenient || GRAPH_IANA_ZONES.has(lower)) && IANAZone.isValidZone(raw))
    return { name: raw, iana: raw };
  throw invalid(
    `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${String(name)}'.`,
    'TimeZoneNotSupportedException',
  );
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A dateTime string read in a zone; an explicit offset, if present, wins and is converted into the zone. */
function parseDateTime(value: unknown, zone: Zone, what: string): DateTime {
  const m = typeof value === 'string' ? LOCAL_DATE_TIME.exec(value.trim()) : null;
  if (!m) throw invalid(`'${what}' is not a valid date and time: '${String(value)}'.`, 'ErrorInvalidRequest');
  const fields = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
    millisecond: Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3)),
  };
  const offset = m[8];
  const parsed = offset
    ? DateTime.fromObject(fields, {
        zone: offset === 'Z' ? 'UTC' : `UTC${offset.slice(0, 3)}:${offset.slice(-2)}`,
      }).setZone(zone.iana)
    : DateTime.fromObject(fields, { zone: zone.iana });
  if (!parsed.isValid) throw invalid(`'${what}' is not a valid date and time: '${String(value)}'.`);
  return parsed;
}

export function formatLocal(dt: DateTime): string {
  return dt.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'0000'");
}

/** A dateTimeTimeZone from a request body, normalised the way Graph returns it. */
export function normalizeDateTimeTimeZone(
  value: unknown,
  what: string,
): { json: JsonObject; at: DateTime; zone: Zone } {
  const o = objectOf(value, what);
  for (const key of Object.keys(o))
    if (key !== 'dateTime' && key !== 'timeZone' && !key.startsWith('@odata.'))
      throw unknownProperty(key, 'dateTimeTimeZone');
  const zone = resolveTimeZone(o.timeZone);
  const at = parseDateTime(o.dateTime, zone, `${what}.dateTime`);
  return { json: { dateTime: formatLocal(at), timeZone: zone.name }, at, zone };
}

/** A stored dateTimeTimeZone as an instant. */
export function instantOf(value: Json | undefined): DateTime {
  const o = obj(value);
  return parseDateTime(o.dateTime, resolveTimeZone(o.timeZone), 'dateTime');
}

export function render(at: DateTime, out: Zone): JsonObject {
  return { dateTime: formatLocal(at.setZone(out.iana)), timeZone: out.name };
}

export function utcKey(at: DateTime): string {
  return at.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
}

/** An instant from a query string (calendarView/instances windows); without an offset it is UTC. */
export function parseInstant(value: string, what: string): DateTime {
  const at = parseDateTime(value, UTC, what);
  return at.toUTC();
}

/** The zone the caller wants times in (`Prefer: outlook.timezone="…"`); UTC otherwise, as in Graph. */
export function outputZone(req: TenantRequest): Zone {
  const m = /outlook\.timezone\s*=\s*"([^"]*)"/i.exec(req.headers.prefer ?? '');
  return m ? resolveTimeZone(m[1], true) : UTC;
}

export function unknownProperty(key: string, type: string): GraphHttpError {
  return invalid(
    `The property '${key}' does not exist on type 'microsoft.graph.${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
    'RequestBodyRead',
  );
}
