// Calendar views of the local tenant: events, instances and attendees' copies as Graph returns them, what an event id
// points at, calendarView windows, and keeping attendees' copies of a meeting in step with the organizer's event.
import { DateTime } from 'luxon';
import type { Entity, Json, TenantContext, TenantRequest } from './core.ts';
import {
  ATTENDEE_FIELDS,
  graphInstant,
  type Instance,
  instantOf,
  invalid,
  itemNotFound,
  type JsonObject,
  NO_TIME,
  obj,
  parseInstant,
  render,
  resolveTimeZone,
  text,
  type Zone,
} from './calendar-time.ts';
import {
  findInstance,
  iCalUIdOf,
  instanceId,
  newEventId,
  overlaps,
  seriesInstances,
  splitInstanceId,
  stampEtag,
  webLinkFor,
} from './calendar-recurrence.ts';
import { events, previewOf, userByAddress } from './calendar-input.ts';

// ---------------------------------------------------------------------------------------------------------------
// Views

function publicOf(entity: JsonObject): JsonObject {
  const out: JsonObject = {};
  if (entity['@odata.etag'] !== undefined) out['@odata.etag'] = entity['@odata.etag'];
  for (const [k, v] of Object.entries(entity)) if (!k.startsWith('_') && k !== '@odata.etag') out[k] = v;
  return out;
}

/** A single event or series master as the organizer's mailbox shows it. */
export function masterView(event: JsonObject, out: Zone): JsonObject {
  const view = publicOf(event);
  view.start = render(instantOf(event.start), out);
  view.end = render(instantOf(event.end), out);
  return view;
}

/** An occurrence or exception of a series as the organizer's mailbox shows it. */
export function instanceView(master: JsonObject, inst: Instance, out: Zone): JsonObject {
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
export function copyView(copy: JsonObject, sourceView: JsonObject, cancelled: boolean): JsonObject {
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

export function ownsEntity(entity: Entity | undefined, mailbox: Entity): entity is Entity {
  return entity !== undefined && entity._mailbox === mailbox.id && entity._removed !== true;
}

export function resolveTarget(ctx: TenantContext, tenantId: string, mailbox: Entity, id: string): Target {
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

export function targetView(ctx: TenantContext, target: Target, out: Zone): JsonObject {
  switch (target.kind) {
    case 'event':
      return masterView(target.event, out);
    case 'instance':
      return instanceView(target.master, target.inst, out);
    case 'copy':
      return copyView(target.copy, masterView(target.source, out), target.source._removed === true);
    case 'copyInstance':
      return copyView(
        target.copy,
        instanceView(target.source, target.inst, out),
        target.source._removed === true || target.inst.cancelled,
      );
  }
}

/** The mailbox's own events and its meeting copies (single events and series masters), as GET /events lists them. */
export function mailboxItems(ctx: TenantContext, tenantId: string, mailbox: Entity): Target[] {
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
export function windowItems(
  ctx: TenantContext,
  tenantId: string,
  mailbox: Entity,
  from: DateTime,
  to: DateTime,
  out: Zone,
): JsonObject[] {
  const found: { at: number; view: JsonObject }[] = [];
  for (const item of mailboxItems(ctx, tenantId, mailbox)) {
    const event = item.kind === 'copy' ? item.source : item.kind === 'event' ? item.event : undefined;
    if (!event) continue;
    if (event.type === 'seriesMaster') {
      for (const inst of seriesInstances(event, from, to, item.kind === 'copy')) {
        const view =
          item.kind === 'copy'
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

export function windowOf(req: TenantRequest): { from: DateTime; to: DateTime } {
  const get = (name: string): string | undefined => {
    for (const [k, v] of req.query) if (k.toLowerCase() === name.toLowerCase()) return v;
    return undefined;
  };
  const start = get('startDateTime');
  const end = get('endDateTime');
  if (!start || !end) {
    throw invalid(
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
      'ErrorInvalidParameter',
    );
  }
  const from = parseInstant(start, 'startDateTime');
  const to = parseInstant(end, 'endDateTime');
  if (to <= from) throw invalid('The EndDateTime must be after the StartDateTime.', 'ErrorInvalidParameter');
  return { from, to };
}

// ---------------------------------------------------------------------------------------------------------------
// Attendee copies

export function copiesOf(ctx: TenantContext, tenantId: string, sourceId: string): { tenantId: string; copy: Entity }[] {
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
export function syncCopies(ctx: TenantContext, tenantId: string, source: Entity): void {
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
