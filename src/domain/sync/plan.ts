// plan(desired, actual) → changes: what to create, update, add, cancel or move so the tenants match the
// programme file, what cannot be done and why, and what exists but is not in the file (drift: only removed
// with --prune). Pure: no I/O, time is a parameter.
import type { DesiredChannel, DesiredPerson, DesiredState } from './desired.ts';
import { guestResolution, planGuests } from './guests.ts';
import { planMeetings } from './meetings.ts';

/** A user as found in their home tenant (or a guest account in the host tenant). */
export interface DirectoryEntry {
  id: string;
  enabled: boolean;
  /** Guest accounts: Graph's user.externalUserState ('PendingAcceptance' until the invitation is redeemed, then 'Accepted'). */
  externalUserState?: string;
}

export interface ActualMember {
  membershipId: string;
  userId: string;
  roles: string[];
  tenantId?: string;
}

export interface ActualChannel {
  id: string;
  displayName: string;
  description: string;
  kind: 'standard' | 'private' | 'shared';
  /** Read for private and shared channels only. */
  members: ActualMember[];
}

interface ActualInstance {
  id: string;
  /** Local date of the occurrence's original start (in the meeting's time zone). */
  originalDate: string;
  /** Local start (YYYY-MM-DDTHH:mm:ss, meeting time zone). */
  start: string;
  isException: boolean;
}

export interface ActualMeeting {
  id: string;
  transactionId: string;
  subject: string;
  bodyHtml: string;
  attendees: string[];
  /** Series: its live occurrences (cancelled ones absent). */
  instances: ActualInstance[];
  /** Single meeting: its local end (YYYY-MM-DDTHH:mm:ss, meeting time zone), when read. */
  end?: string;
  /** The last date of the series' range (series only). */
  endDate?: string;
  /** The series' patternedRecurrence as read (series only). */
  recurrence?: Record<string, unknown>;
}

export interface ActualState {
  /** Directory lookups: tenant id → lower-case UPN or mail → entry; host tenant guests under their mail too. */
  directory: Record<string, Record<string, DirectoryEntry>>;
  team: { id: string; displayName: string; description: string; members: ActualMember[] } | undefined;
  channels: ActualChannel[];
  /** Meetings in the organizer mailbox made by Regiekamer for this programme (found by transactionId). */
  meetings: ActualMeeting[];
}

type ChangeKind = 'team' | 'team-member' | 'channel' | 'channel-member' | 'meeting' | 'occurrence' | 'guest';
type ChangeAction = 'create' | 'update' | 'add' | 'remove' | 'cancel' | 'move' | 'end' | 'skip' | 'invite';

/** A reason in words: a message key of the catalogue and its parameters (printed in Dutch or English). */
export interface Reason {
  key: string;
  params: Record<string, string | number>;
}

type ChangeOp =
  | { op: 'createTeam'; displayName: string; description: string; ownerUserId: string }
  | { op: 'updateTeam'; patch: { description?: string } }
  | { op: 'addTeamMember'; userId: string; owner: boolean; guest?: boolean }
  | { op: 'removeTeamMember'; membershipId: string }
  | {
      op: 'createChannel';
      channelKey: string;
      displayName: string;
      description: string;
      kind: DesiredChannel['kind'];
      ownerUserId: string | undefined;
    }
  | { op: 'updateChannel'; channelId: string; patch: { description?: string } }
  | { op: 'removeChannel'; channelId: string }
  | { op: 'addChannelMember'; channelKey: string; userId: string; tenantId: string | undefined; guest?: boolean }
  | { op: 'removeChannelMember'; channelId: string; membershipId: string }
  | { op: 'createMeeting'; meetingKey: string; event: Record<string, unknown> }
  | { op: 'updateMeeting'; eventId: string; patch: Record<string, unknown> }
  | { op: 'endSeries'; eventId: string; recurrence: Record<string, unknown> }
  | { op: 'removeMeeting'; eventId: string }
  | { op: 'cancelOccurrence'; meetingKey: string; originalDate: string; comment: string }
  | { op: 'moveOccurrence'; meetingKey: string; originalDate: string; start: string; end: string; timeZone: string }
  | { op: 'invitePerson'; personId: string; email: string; displayName: string; redirectUrl: string }
  | { op: 'none' };

export interface Change {
  /** Stable identity of the change (the same change planned twice has the same id). */
  id: string;
  kind: ChangeKind;
  action: ChangeAction;
  /** The body it belongs to (for grouping), or 'programma' for the team. */
  group: string;
  /** What it is about, in words (a channel name, a person's name, a meeting and date). */
  target: string;
  reason: Reason;
  /** Removes or cancels something that exists. */
  destructive: boolean;
  /** Something exists that the file does not say (reported; removed only with --prune). */
  drift: boolean;
  apply: ChangeOp;
}

export interface PlanOptions {
  /** Today (local date YYYY-MM-DD): occurrences on or before it are never touched. */
  today: string;
}

const lower = (s: string) => s.toLowerCase();

export type Resolution = { ok: true; userId: string; tenantId: string | undefined } | { ok: false; reason: Reason };

/** Finds a person in their home tenant (or, for guest access, their guest account in the host tenant). */
export function resolve(d: DesiredState, a: ActualState, person: DesiredPerson, asGuest: boolean): Resolution {
  // A guest is invited by mail address: neither their gemeente's tenant id nor their home directory matters.
  if (asGuest && person.tenantId !== d.hostTenantId) return guestResolution(d, a, person);
  if (!person.tenantId)
    return {
      ok: false,
      reason: { key: 'sync.reason.noTenant', params: { person: person.name, gemeente: person.gemeente } },
    };
  const inHost = person.tenantId === d.hostTenantId;
  const lookIn = inHost || !asGuest ? person.tenantId : d.hostTenantId;
  const dir = a.directory[lookIn] ?? {};
  const entry = dir[lower(person.upn)] ?? dir[lower(person.email)];
  if (!entry) {
    return {
      ok: false,
      reason:
        inHost || !asGuest
          ? { key: 'sync.reason.unknownPerson', params: { person: person.name, upn: person.upn } }
          : { key: 'sync.reason.noGuest', params: { person: person.name, upn: person.upn } },
    };
  }
  if (!entry.enabled)
    return { ok: false, reason: { key: 'sync.reason.disabled', params: { person: person.name, upn: person.upn } } };
  return { ok: true, userId: entry.id, tenantId: inHost || asGuest ? undefined : person.tenantId };
}

/** The changes that bring the tenants (`a`) to the desired state (`d`): team, channels and members, meetings. */
export function plan(d: DesiredState, a: ActualState, options: PlanOptions): Change[] {
  const changes: Change[] = [];
  const push: Push = (c) => changes.push({ drift: false, destructive: false, ...c });
  planGuests(d, a, push);
  planTeam(d, a, push);
  planChannels(d, a, push);
  planMeetings(d, a, options, push);
  return changes;
}

/** Adds one change (drift and destructive default to false). */
export type Push = (c: Omit<Change, 'drift' | 'destructive'> & Partial<Pick<Change, 'drift' | 'destructive'>>) => void;

/** The team and its members. */
function planTeam(d: DesiredState, a: ActualState, push: Push): void {
  // --- The team -------------------------------------------------------------------------------------------
  const teamOwner = d.team.owners.map((id) => d.people[id]).find((p) => p?.tenantId === d.hostTenantId);
  const ownerRes = teamOwner ? resolve(d, a, teamOwner, false) : undefined;
  if (!a.team) {
    if (ownerRes?.ok) {
      push({
        id: 'team:create',
        kind: 'team',
        action: 'create',
        group: 'programma',
        target: d.team.displayName,
        reason: { key: 'sync.reason.missing', params: {} },
        apply: {
          op: 'createTeam',
          displayName: d.team.displayName,
          description: d.team.description,
          ownerUserId: ownerRes.userId,
        },
      });
    } else {
      push({
        id: 'team:skip',
        kind: 'team',
        action: 'skip',
        group: 'programma',
        target: d.team.displayName,
        reason: ownerRes && !ownerRes.ok ? ownerRes.reason : { key: 'sync.reason.noOwner', params: {} },
        apply: { op: 'none' },
      });
    }
  } else if (a.team.description !== d.team.description) {
    push({
      id: 'team:update',
      kind: 'team',
      action: 'update',
      group: 'programma',
      target: d.team.displayName,
      reason: { key: 'sync.reason.differs', params: { what: 'description' } },
      apply: { op: 'updateTeam', patch: { description: d.team.description } },
    });
  }

  // Team members: everyone desired who is not there yet (the owner the team is created with is there).
  const teamMembers = new Map((a.team?.members ?? []).map((m) => [m.userId, m]));
  const wantedTeamUsers = new Set<string>();
  const guests = new Set(d.guests.people);
  for (const id of d.team.members) {
    const person = d.people[id];
    if (!person) continue;
    const res = resolve(d, a, person, guests.has(id));
    if (!res.ok) {
      push({
        id: `team-member:${id}:skip`,
        kind: 'team-member',
        action: 'skip',
        group: 'programma',
        target: person.name,
        reason: res.reason,
        apply: { op: 'none' },
      });
      continue;
    }
    wantedTeamUsers.add(res.userId);
    const isOwner = d.team.owners.includes(id);
    if (!a.team && ownerRes?.ok && res.userId === ownerRes.userId) continue;
    if (!teamMembers.has(res.userId)) {
      push({
        id: `team-member:${id}:add`,
        kind: 'team-member',
        action: 'add',
        group: 'programma',
        target: person.name,
        reason: guests.has(id)
          ? { key: 'sync.reason.guestMember', params: { body: d.team.displayName, gemeente: person.gemeente } }
          : { key: isOwner ? 'sync.reason.owner' : 'sync.reason.member', params: { body: d.team.displayName } },
        apply: { op: 'addTeamMember', userId: res.userId, owner: isOwner, ...(guests.has(id) ? { guest: true } : {}) },
      });
    }
  }
  for (const m of a.team?.members ?? []) {
    if (wantedTeamUsers.has(m.userId)) continue;
    push({
      id: `team-member:${m.userId}:remove`,
      kind: 'team-member',
      action: 'remove',
      group: 'programma',
      target: m.userId,
      destructive: true,
      drift: true,
      reason: { key: 'sync.reason.notInFile', params: {} },
      apply: { op: 'removeTeamMember', membershipId: m.membershipId },
    });
  }
}

/** Channels and their members; channels of the team the file does not have are drift. */
function planChannels(d: DesiredState, a: ActualState, push: Push): void {
  // --- Channels and their members --------------------------------------------------------------------------
  const byName = new Map(a.channels.map((c) => [lower(c.displayName), c]));
  const managedNames = new Set(d.channels.map((c) => lower(c.displayName)));
  for (const c of d.channels) {
    const actual = byName.get(lower(c.displayName));
    const ownerPerson = c.owner ? d.people[c.owner] : undefined;
    const owner = ownerPerson ? resolve(d, a, ownerPerson, false) : undefined;
    if (!actual) {
      if (c.kind !== 'standard' && !owner?.ok) {
        push({
          id: `${c.key}:skip`,
          kind: 'channel',
          action: 'skip',
          group: c.bodyId,
          target: c.displayName,
          reason: owner && !owner.ok ? owner.reason : { key: 'sync.reason.noOwner', params: {} },
          apply: { op: 'none' },
        });
        continue;
      }
      push({
        id: `${c.key}:create`,
        kind: 'channel',
        action: 'create',
        group: c.bodyId,
        target: c.displayName,
        reason: { key: 'sync.reason.channelKind', params: { kind: c.kind } },
        apply: {
          op: 'createChannel',
          channelKey: c.key,
          displayName: c.displayName,
          description: c.description,
          kind: c.kind,
          ownerUserId: owner?.ok ? owner.userId : undefined,
        },
      });
    } else {
      if (actual.kind !== c.kind) {
        push({
          id: `${c.key}:kind`,
          kind: 'channel',
          action: 'skip',
          group: c.bodyId,
          target: c.displayName,
          reason: { key: 'sync.reason.kindFixed', params: { actual: actual.kind, wanted: c.kind } },
          apply: { op: 'none' },
        });
      }
      if (actual.description !== c.description) {
        push({
          id: `${c.key}:update`,
          kind: 'channel',
          action: 'update',
          group: c.bodyId,
          target: c.displayName,
          reason: { key: 'sync.reason.differs', params: { what: 'description' } },
          apply: { op: 'updateChannel', channelId: actual.id, patch: { description: c.description } },
        });
      }
    }
    if (c.kind === 'standard') continue;
    planChannelMembers(d, a, c, actual, owner, push);
  }
  for (const c of a.channels) {
    if (managedNames.has(lower(c.displayName)) || lower(c.displayName) === 'general') continue;
    push({
      id: `channel:${c.id}:remove`,
      kind: 'channel',
      action: 'remove',
      group: 'programma',
      target: c.displayName,
      destructive: true,
      drift: true,
      reason: { key: 'sync.reason.notInFile', params: {} },
      apply: { op: 'removeChannel', channelId: c.id },
    });
  }
}

/** A shared or private channel's members: who is added, who is there but not in the file (drift). */
function planChannelMembers(
  d: DesiredState,
  a: ActualState,
  c: DesiredChannel,
  actual: ActualChannel | undefined,
  owner: Resolution | undefined,
  push: Push,
): void {
  const name = (id: string) => d.people[id]?.name ?? id;
  const present = new Map((actual?.members ?? []).map((m) => [m.userId, m]));
  const wanted = new Set<string>();
  const guests = new Set(d.guests.people);
  for (const id of c.members) {
    const person = d.people[id];
    if (!person) continue;
    const res = resolve(d, a, person, c.externalAccess === 'guest' || c.kind === 'private');
    if (!res.ok) {
      push({
        id: `${c.key}:member:${id}:skip`,
        kind: 'channel-member',
        action: 'skip',
        group: c.bodyId,
        target: `${person.name} → ${c.displayName}`,
        reason: res.reason,
        apply: { op: 'none' },
      });
      continue;
    }
    wanted.add(res.userId);
    if (!actual && owner?.ok && owner.userId === res.userId) continue;
    if (!present.has(res.userId)) {
      push({
        id: `${c.key}:member:${id}:add`,
        kind: 'channel-member',
        action: 'add',
        group: c.bodyId,
        target: `${name(id)} → ${c.displayName}`,
        reason: {
          key: res.tenantId ? 'sync.reason.crossTenant' : 'sync.reason.member',
          params: { body: c.displayName, gemeente: person.gemeente },
        },
        apply: {
          op: 'addChannelMember',
          channelKey: c.key,
          userId: res.userId,
          tenantId: res.tenantId,
          ...(guests.has(id) && c.externalAccess === 'guest' ? { guest: true } : {}),
        },
      });
    }
  }
  for (const m of actual?.members ?? []) {
    if (wanted.has(m.userId)) continue;
    push({
      id: `${c.key}:member:${m.userId}:remove`,
      kind: 'channel-member',
      action: 'remove',
      group: c.bodyId,
      target: `${m.userId} → ${c.displayName}`,
      destructive: true,
      drift: true,
      reason: { key: 'sync.reason.notInFile', params: {} },
      apply: { op: 'removeChannelMember', channelId: actual?.id ?? '', membershipId: m.membershipId },
    });
  }
}
