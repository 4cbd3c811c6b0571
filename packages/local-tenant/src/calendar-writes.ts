// Calendar writes of the local tenant: creating events (transactionId de-duplication), updating a series or one
// occurrence, cancelling an occurrence and removing or cancelling a meeting.
import { DateTime } from 'luxon';
import {
  GraphHttpError,
  type Entity,
  type Json,
  type TenantContext,
  type TenantRequest,
  type TenantResponse,
} from './core.ts';
import {
  DAY_MS,
  formatLocal,
  graphInstant,
  type Instance,
  instantOf,
  invalid,
  type JsonObject,
  NO_TIME,
  obj,
  objectOf,
  OCCURRENCE_FIELDS,
  outputZone,
  resolveTimeZone,
  stringOf,
  text,
} from './calendar-time.ts';
import {
  cancelledKeys,
  exceptionInstance,
  exceptionsOf,
  iCalUIdOf,
  newEventId,
  normalizeRecurrence,
  originalStarts,
  pruneToPattern,
  stampEtag,
  webLinkFor,
} from './calendar-recurrence.ts';
import {
  applyOnlineMeeting,
  checkTimes,
  events,
  normalizeLocation,
  previewOf,
  readEventInput,
} from './calendar-input.ts';
import { copiesOf, masterView, ownsEntity, syncCopies } from './calendar-views.ts';

// ---------------------------------------------------------------------------------------------------------------
// Writes

export function checkIfMatch(req: TenantRequest, current: Json | undefined): void {
  const header = req.headers['if-match'];
  if (header === undefined || header.trim() === '' || header.trim() === '*') return;
  const given = header.split(',').map((s) => s.trim());
  if (!given.includes(String(current)))
    throw new GraphHttpError(
      412,
      'ErrorIrresolvableConflict',
      'The change key passed in the request does not match the current change key for the item.',
    );
}

export function createEvent(ctx: TenantContext, req: TenantRequest, mailbox: Entity): TenantResponse {
  const input = readEventInput(req.body);
  const all = events(ctx, req.tenantId);
  const txn = input.fields.transactionId;
  if (typeof txn === 'string' && txn !== '') {
    // A retried create (e.g. after a crash between POST and storing the id) gets the event it already made.
    const existing = Object.values(all).find(
      (e) => ownsEntity(e, mailbox) && e._sourceId === undefined && e.transactionId === txn,
    );
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
    organizer: {
      emailAddress: { name: mailbox.displayName ?? null, address: mailbox.mail ?? mailbox.userPrincipalName ?? null },
    },
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

export function updateEvent(ctx: TenantContext, req: TenantRequest, event: Entity): void {
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
  if (input.fields.location && !input.fields.locations)
    event.locations = text(obj(event.location).displayName) !== '' ? [event.location as Json] : [];
  event.bodyPreview = previewOf(event.body);
  if (
    event.type === 'seriesMaster' &&
    JSON.stringify({ start: event.start, end: event.end, recurrence: event.recurrence }) !== before
  )
    pruneToPattern(event);
  applyOnlineMeeting(event, req.tenantId, String(event._mailbox));
  event.lastModifiedDateTime = now;
  stampEtag(ctx, event);
}

/** An occurrence changed on its own becomes an exception; it may not pass its neighbours' days (as in Outlook). */
export function updateOccurrence(ctx: TenantContext, req: TenantRequest, master: Entity, inst: Instance): Instance {
  const input = readEventInput(
    req.body,
    OCCURRENCE_FIELDS,
    "Only an occurrence's own details (subject, body, times, location, attendees, …) can be changed; change the series for the rest.",
  );
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
      throw invalid(
        "An occurrence can't be moved to or before the day of the previous occurrence, or to or after the day of the next occurrence.",
        'ErrorOccurrenceCrossingBoundary',
      );
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

export function cancelOccurrence(ctx: TenantContext, master: Entity, key: string, comment?: string): void {
  const exceptions = exceptionsOf(master);
  delete exceptions[key];
  master._exceptions = exceptions;
  master._cancelled = [...new Set([...cancelledKeys(master), key])];
  if (comment !== undefined) master._cancellationComment = comment;
  master.lastModifiedDateTime = graphInstant(ctx.clock.now());
  stampEtag(ctx, master);
}

/** The organizer's event leaves the calendar (Deleted Items); attendees' copies stay and show it cancelled. */
export function removeEvent(ctx: TenantContext, tenantId: string, event: Entity, comment?: string): void {
  event._removed = true;
  event.isCancelled = true;
  if (comment !== undefined) event._cancellationComment = comment;
  syncCopies(ctx, tenantId, event);
  if (copiesOf(ctx, tenantId, String(event.id)).length === 0) delete events(ctx, tenantId)[String(event.id)];
}

export function cancelComment(body: unknown): string | undefined {
  if (body === undefined || body === null || body === '') return undefined;
  const b = objectOf(body, 'request body');
  for (const key of Object.keys(b))
    if (key.toLowerCase() !== 'comment' && !key.startsWith('@odata.'))
      throw invalid(
        `The parameter '${key}' in the request payload is not a valid parameter for the operation 'cancel'.`,
        'RequestBodyRead',
      );
  const key = Object.keys(b).find((k) => k.toLowerCase() === 'comment');
  return key === undefined || b[key] === null ? undefined : stringOf(b[key], 'comment');
}
