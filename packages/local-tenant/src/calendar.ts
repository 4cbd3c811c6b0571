// Calendar routes of the local tenant: events in a user's mailbox, patternedRecurrence expanded by rrule on floating
// wall-clock dates that luxon places in the event's time zone, instances, calendarView, single-occurrence updates
// and cancellations, transactionId de-duplication, Teams meeting links and the attendees' copies of a meeting.
// The work is done in calendar-time, calendar-recurrence, calendar-input, calendar-views and calendar-writes.
import type { Entity, Route, TenantContext, TenantRequest, TenantResponse } from './core.ts';
import {
  ATTENDEE_FIELDS,
  graphInstant,
  hashOf,
  invalid,
  itemNotFound,
  type JsonObject,
  outputZone,
} from './calendar-time.ts';
import { seriesInstances, stampEtag } from './calendar-recurrence.ts';
import { events, mailboxKey, mailboxOf, readEventInput } from './calendar-input.ts';
import {
  copyView,
  instanceView,
  mailboxItems,
  masterView,
  resolveTarget,
  syncCopies,
  targetView,
  windowItems,
  windowOf,
} from './calendar-views.ts';
import {
  cancelComment,
  cancelOccurrence,
  checkIfMatch,
  createEvent,
  removeEvent,
  updateEvent,
  updateOccurrence,
} from './calendar-writes.ts';

export { instanceId } from './calendar-recurrence.ts';
export { mailboxKey } from './calendar-input.ts';

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

/** PATCH of an event, one occurrence of a series, or an attendee's copy (only the attendee's own fields). */
function patchEvent(req: TenantRequest, ctx: TenantContext): TenantResponse {
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
      const input = readEventInput(
        req.body,
        ATTENDEE_FIELDS,
        'An attendee can only change their own categories, reminder and free/busy status of a meeting; the organizer changes the rest.',
      );
      Object.assign(target.copy, input.fields);
      target.copy.lastModifiedDateTime = graphInstant(ctx.clock.now());
      stampEtag(ctx, target.copy);
      ctx.changed();
      return { status: 200, body: targetView(ctx, target, out) };
    }
  }
}

/** DELETE of an event, one occurrence (cancelled for the attendees too), or an attendee's copy. */
function deleteEvent(req: TenantRequest, ctx: TenantContext): TenantResponse {
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
      throw invalid(
        'The local tenant does not keep per-attendee occurrence removals; remove the whole meeting or let the organizer cancel the occurrence.',
      );
  }
  ctx.changed();
  return { status: 204 };
}

/** POST …/cancel: only the organizer cancels a meeting or one of its occurrences. */
function cancelEvent(req: TenantRequest, ctx: TenantContext): TenantResponse {
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
      throw invalid(
        "Your request can't be completed. You need to be an organizer to cancel a meeting.",
        'ErrorAccessDenied',
      );
  }
  ctx.changed();
  return { status: 202 };
}

/** GET …/instances of a series master, or of an attendee's copy of one. */
function listInstances(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const mailbox = mailboxOf(ctx, req);
  const { from, to } = windowOf(req);
  const target = resolveTarget(ctx, req.tenantId, mailbox, req.params['event-id'] ?? '');
  const out = outputZone(req);
  if (target.kind === 'event') {
    const value =
      target.event.type === 'seriesMaster'
        ? seriesInstances(target.event, from, to, false).map((i) => instanceView(target.event, i, out))
        : [];
    return { status: 200, body: { value } };
  }
  if (target.kind === 'copy') {
    const source = target.source;
    const value =
      source.type === 'seriesMaster'
        ? seriesInstances(source, from, to, true).map((i) =>
            copyView(target.copy, instanceView(source, i, out), source._removed === true || i.cancelled),
          )
        : [];
    return { status: 200, body: { value } };
  }
  throw invalid('Instances can only be listed for a series master.');
}

export function calendarRoutes(): Route[] {
  const route = (method: Route['method'], pattern: string, handler: Route['handler']): Route => ({
    method,
    pattern,
    handler,
    throttleKey: mailboxKey,
  });
  return [
    route('GET', '/users/{user-id}/calendar', (req, ctx) => ({ status: 200, body: calendarOf(mailboxOf(ctx, req)) })),
    route('GET', '/users/{user-id}/events', (req, ctx) => {
      const mailbox = mailboxOf(ctx, req);
      const out = outputZone(req);
      return {
        status: 200,
        body: { value: mailboxItems(ctx, req.tenantId, mailbox).map((t) => targetView(ctx, t, out)) },
      };
    }),
    route('POST', '/users/{user-id}/events', (req, ctx) => createEvent(ctx, req, mailboxOf(ctx, req))),
    route('GET', '/users/{user-id}/events/{event-id}', (req, ctx) => {
      const target = resolveTarget(ctx, req.tenantId, mailboxOf(ctx, req), req.params['event-id'] ?? '');
      return { status: 200, body: targetView(ctx, target, outputZone(req)) };
    }),
    route('PATCH', '/users/{user-id}/events/{event-id}', patchEvent),
    route('DELETE', '/users/{user-id}/events/{event-id}', deleteEvent),
    route('POST', '/users/{user-id}/events/{event-id}/cancel', cancelEvent),
    route('GET', '/users/{user-id}/events/{event-id}/instances', listInstances),
    route('GET', '/users/{user-id}/events/{event-id}/instances/{event-id1}', (req, ctx) => {
      const mailbox = mailboxOf(ctx, req);
      const series = resolveTarget(ctx, req.tenantId, mailbox, req.params['event-id'] ?? '');
      const target = resolveTarget(ctx, req.tenantId, mailbox, req.params['event-id1'] ?? '');
      const seriesId = series.kind === 'event' ? series.event.id : series.kind === 'copy' ? series.copy.id : undefined;
      const parentId =
        target.kind === 'instance' ? target.master.id : target.kind === 'copyInstance' ? target.copy.id : undefined;
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
