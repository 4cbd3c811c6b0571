// Calendar input of the local tenant: whose mailbox a request addresses, and event request bodies read and normalised
// the way Graph does (body, location, attendees, times, Teams meeting links).
import { DateTime } from 'luxon';
import { collection, GraphHttpError, type Entity, type Json, type TenantContext, type TenantRequest } from './core.ts';
import {
  booleanOf,
  enumOf,
  ENUMS,
  EVENT_PROPERTIES,
  integerOf,
  invalid,
  type JsonObject,
  LOCATION_PROPERTIES,
  NO_TIME,
  normalizeDateTimeTimeZone,
  NOT_KEPT,
  obj,
  objectOf,
  SERVICE_SET,
  stringOf,
  text,
  unknownProperty,
  type Zone,
} from './calendar-time.ts';
import { joinUrlFor } from './calendar-recurrence.ts';

// ---------------------------------------------------------------------------------------------------------------
// Mailboxes and users

function allUsers(ctx: TenantContext, tenantId: string): Entity[] {
  return Object.values(ctx.state.tenants[tenantId]?.collections.users ?? {});
}

function findUser(ctx: TenantContext, tenantId: string, idOrUpn: string): Entity | undefined {
  const key = idOrUpn.toLowerCase();
  return allUsers(ctx, tenantId).find(
    (u) => String(u.id).toLowerCase() === key || String(u.userPrincipalName).toLowerCase() === key,
  );
}

/** The mailbox a calendar route names ({user-id} is an id or a UPN); unknown users are 404 as in Graph. */
export function mailboxOf(ctx: TenantContext, req: TenantRequest): Entity {
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
export function userByAddress(ctx: TenantContext, address: string): { tenantId: string; user: Entity } | undefined {
  const key = address.toLowerCase();
  for (const tenantId of Object.keys(ctx.state.tenants)) {
    const user = allUsers(ctx, tenantId).find(
      (u) => String(u.mail ?? '').toLowerCase() === key || String(u.userPrincipalName).toLowerCase() === key,
    );
    if (user) return { tenantId, user };
  }
  return undefined;
}

export function events(ctx: TenantContext, tenantId: string): Record<string, Entity> {
  return collection(ctx.state, tenantId, 'events');
}

// ---------------------------------------------------------------------------------------------------------------
// Reading request bodies

function normalizeBody(value: unknown): JsonObject {
  const b = objectOf(value, 'body');
  for (const key of Object.keys(b))
    if (key !== 'content' && key !== 'contentType' && !key.startsWith('@odata.'))
      throw unknownProperty(key, 'itemBody');
  return {
    contentType: b.contentType === undefined ? 'text' : enumOf(b.contentType, ENUMS.bodyType, 'body.contentType'),
    content: b.content === undefined || b.content === null ? '' : stringOf(b.content, 'body.content'),
  };
}

export function previewOf(body: Json | undefined): string {
  const content = text(obj(body).content);
  return content
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255);
}

export function normalizeLocation(value: unknown, what: string): JsonObject {
  const l = objectOf(value, what);
  for (const key of Object.keys(l))
    if (!LOCATION_PROPERTIES.has(key) && !key.startsWith('@odata.')) throw unknownProperty(key, 'location');
  const out: JsonObject = {
    displayName: '',
    locationType: 'default',
    uniqueIdType: 'unknown',
    address: {},
    coordinates: {},
  };
  for (const [key, v] of Object.entries(l)) {
    if (key.startsWith('@odata.') || v === undefined) continue;
    out[key] =
      key === 'address' || key === 'coordinates'
        ? (objectOf(v, `${what}.${key}`) as JsonObject)
        : v === null
          ? null
          : stringOf(v, `${what}.${key}`);
  }
  return out;
}

/** Event input limits: the subject's length and attendees per event (docs/platform.md#input-limits). */
const EVENT_LIMITS = { subject: 255, attendees: 500 } as const;

function normalizeAttendees(value: unknown): JsonObject[] {
  if (!Array.isArray(value)) throw invalid("'attendees' must be an array.", 'RequestBodyRead');
  if (value.length > EVENT_LIMITS.attendees)
    throw invalid(
      `An event can have at most ${EVENT_LIMITS.attendees} attendees; this one has ${value.length}.`,
      'ErrorInvalidRecipients',
    );
  const seen = new Set<string>();
  const out: JsonObject[] = [];
  value.forEach((raw, i) => {
    const a = objectOf(raw, `attendees[${i}]`);
    for (const key of Object.keys(a))
      if (!['emailAddress', 'type', 'status', 'proposedNewTime'].includes(key) && !key.startsWith('@odata.'))
        throw unknownProperty(key, 'attendee');
    const email = objectOf(a.emailAddress, `attendees[${i}].emailAddress`);
    const address = stringOf(email.address, `attendees[${i}].emailAddress.address`).trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address))
      throw invalid(`Attendee address '${address}' is not a valid SMTP address.`, 'ErrorInvalidRecipients');
    if (seen.has(address.toLowerCase())) return;
    seen.add(address.toLowerCase());
    out.push({
      type:
        a.type === undefined || a.type === null
          ? 'required'
          : enumOf(a.type, ENUMS.attendeeType, `attendees[${i}].type`),
      status: { response: 'none', time: NO_TIME },
      emailAddress: {
        name:
          email.name === undefined || email.name === null
            ? address
            : stringOf(email.name, `attendees[${i}].emailAddress.name`),
        address,
      },
    });
  });
  return out;
}

function stringArray(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw invalid(`'${what}' must be an array of strings.`, 'RequestBodyRead');
  return value as string[];
}

/** Validated, normalised values of the writable properties in a body (start/end also parsed). */
interface EventInput {
  fields: JsonObject;
  start?: { json: JsonObject; at: DateTime; zone: Zone };
  end?: { json: JsonObject; at: DateTime; zone: Zone };
  recurrence?: unknown;
}

export function readEventInput(body: unknown, allowed?: Set<string>, refusal?: string): EventInput {
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
      case 'subject':
        f.subject = value === null ? '' : stringOf(value, key);
        // Outlook's subject limit (README: input limits; docs/platform.md#input-limits).
        if (f.subject.length > EVENT_LIMITS.subject)
          throw invalid(`The subject is longer than ${EVENT_LIMITS.subject} characters.`, 'ErrorInvalidRequest');
        break;
      case 'body':
        f.body = normalizeBody(value);
        break;
      case 'start':
        input.start = normalizeDateTimeTimeZone(value, 'start');
        break;
      case 'end':
        input.end = normalizeDateTimeTimeZone(value, 'end');
        break;
      case 'location':
        f.location = normalizeLocation(value, 'location');
        break;
      case 'locations':
        if (!Array.isArray(value)) throw invalid("'locations' must be an array.", 'RequestBodyRead');
        f.locations = value.map((l, i) => normalizeLocation(l, `locations[${i}]`));
        break;
      case 'attendees':
        f.attendees = normalizeAttendees(value);
        break;
      case 'categories':
        f.categories = stringArray(value, key);
        break;
      case 'importance':
        f.importance = enumOf(value, ENUMS.importance, key);
        break;
      case 'sensitivity':
        f.sensitivity = enumOf(value, ENUMS.sensitivity, key);
        break;
      case 'showAs':
        f.showAs = enumOf(value, ENUMS.showAs, key);
        break;
      case 'onlineMeetingProvider':
        f.onlineMeetingProvider = enumOf(value, ENUMS.onlineMeetingProvider, key);
        break;
      case 'reminderMinutesBeforeStart':
        f.reminderMinutesBeforeStart = integerOf(value, key, 0, 525_600);
        break;
      case 'transactionId':
        f.transactionId = value === null ? null : stringOf(value, key);
        break;
      case 'recurrence':
        input.recurrence = value;
        break;
      case 'isOnlineMeeting':
      case 'isReminderOn':
      case 'responseRequested':
      case 'allowNewTimeProposals':
      case 'hideAttendees':
      case 'isAllDay':
        f[key] = booleanOf(value, key);
        break;
      default:
        throw unknownProperty(key, 'event');
    }
  }
  return input;
}

export function checkTimes(start: DateTime, end: DateTime, allDay: boolean): void {
  if (end < start) throw invalid('The end of an event must not be before its start.');
  if (allDay) {
    const midnight = (d: DateTime) => d.hour === 0 && d.minute === 0 && d.second === 0 && d.millisecond === 0;
    if (!midnight(start) || !midnight(end) || end <= start) {
      throw invalid(
        'An all-day event must start and end at midnight and last at least one day.',
        'ErrorPropertyValidationFailure',
      );
    }
  }
}

export function applyOnlineMeeting(event: JsonObject, tenantId: string, organizerId: string): void {
  if (event.isOnlineMeeting !== true) {
    event.onlineMeeting = null;
    event.onlineMeetingProvider = 'unknown';
    event.onlineMeetingUrl = null;
    return;
  }
  const provider =
    event.onlineMeetingProvider === 'unknown' || event.onlineMeetingProvider === undefined
      ? 'teamsForBusiness'
      : event.onlineMeetingProvider;
  if (provider !== 'teamsForBusiness')
    throw invalid(
      `Online meeting provider '${String(provider)}' is not allowed for this calendar (allowed: teamsForBusiness).`,
    );
  event.onlineMeetingProvider = provider;
  const existing = obj(event.onlineMeeting).joinUrl;
  event.onlineMeeting = {
    joinUrl: typeof existing === 'string' ? existing : joinUrlFor(tenantId, organizerId, String(event.id)),
  };
  // Graph keeps this Skype-era property null for Teams meetings; the join link is onlineMeeting.joinUrl.
  event.onlineMeetingUrl = null;
}
