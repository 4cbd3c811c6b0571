// What the programme file says should exist in Microsoft 365: the team in the host tenant, a channel per body
// that has one, who belongs where, and a meeting series (with holiday exceptions) per cadence. Pure.
import { createHash } from 'node:crypto';
import type { Body, Cadence, ChannelSchema, Person, Programme } from '../programme/schema.ts';
import { patternedRecurrence } from '../schedule/cadence.ts';
import { placeOccurrences } from '../schedule/collisions.ts';
import { cadenceInvitation, type AddressAttendee } from '../schedule/attendance.ts';
import type { z } from 'zod';
import { homeId, homes, type Home } from '../programme/home.ts';

type ChannelKind = z.output<typeof ChannelSchema>['kind'];

export interface DesiredPerson {
  personId: string;
  name: string;
  upn: string;
  email: string;
  gemeente: string;
  /** The person's home tenant (undefined when their gemeente has no tenant id). */
  tenantId: string | undefined;
}

export interface DesiredChannel {
  key: string;
  bodyId: string;
  displayName: string;
  description: string;
  kind: ChannelKind;
  externalAccess: 'direct-connect' | 'guest';
  /** The one owner a shared or private channel is created with. */
  owner: string | undefined;
  /** Person ids; for standard channels everyone in the team sees the channel, so none are listed. */
  members: string[];
}

export interface DesiredMeeting {
  key: string;
  cadenceId: string;
  subject: string;
  /** HTML body: channel, agenda link. */
  bodyHtml: string;
  timeZone: string;
  /** Local start and end of the first occurrence (YYYY-MM-DDTHH:mm:ss). */
  start: string;
  end: string;
  /** Graph patternedRecurrence for a series; undefined for a single meeting. */
  recurrence: Record<string, unknown> | undefined;
  /** Person ids of the attendees. */
  attendees: string[];
  /** Attendees invited by address only (the cadence's audiences: groups, an OR's mailbox); no person ids. */
  addresses: AddressAttendee[];
  /** Identity of the timing: a change of it makes a new series from the next occurrence on. */
  transactionId: string;
  /** Holiday exceptions of the series: cancelled or moved occurrences, by their original local date. */
  exceptions: DesiredException[];
  /** Every original (rule) date of the series, ascending. */
  ruleDates: string[];
}

interface DesiredException {
  originalDate: string;
  action: 'cancel' | 'move';
  holiday: string;
  /** For moves: new local start/end (YYYY-MM-DDTHH:mm:ss) in the meeting's time zone. */
  start?: string;
  end?: string;
  /** For cancels: the day another meeting of the same body already has (it would meet twice that day). */
  collidesWith?: string;
}

export interface DesiredState {
  programmeId: string;
  hostTenantId: string;
  organizer: string;
  team: { displayName: string; description: string; owners: string[]; members: string[] };
  channels: DesiredChannel[];
  meetings: DesiredMeeting[];
  people: Record<string, DesiredPerson>;
  /** Every cadence id in the file (also one none of whose dates takes place). */
  cadenceIds: string[];
  /** People of other tenants who join the host tenant's team as guests, and whether Regiekamer invites them. */
  guests: DesiredGuests;
}

/** The guest side of the desired state (the programme's `guests` setting and who it concerns). */
interface DesiredGuests {
  /** The programme asks Regiekamer to invite (`guests.invite`); otherwise an administrator does. */
  invite: boolean;
  /** Where an invited person lands after accepting (Graph's inviteRedirectUrl). */
  redirectUrl: string;
  /** Person ids: members, from another tenant (or none), of a body whose channel has externalAccess guest. */
  people: string[];
  /** Per guest person id: the ids of the bodies that make them a guest. */
  bodies: Record<string, string[]>;
}

/** Where an accepted guest lands when the file names no redirect URL. */
const DEFAULT_GUEST_REDIRECT = 'https://teams.microsoft.com';

const pad = (n: number) => String(n).padStart(2, '0');

function addMinutes(local: string, minutes: number): string {
  const [date, time] = local.split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi + minutes));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:00`;
}

function timingFingerprint(c: Cadence): string {
  const timing = {
    rule: c.rule,
    start: c.start,
    durationMinutes: c.durationMinutes,
    timeZone: c.timeZone,
    holidays: c.holidays,
    from: c.from,
    until: c.until,
  };
  return createHash('sha256').update(JSON.stringify(timing)).digest('hex').slice(0, 12);
}

/**
 * The timing of one single meeting (its day, time, length and zone), not of the cadence's other dates: adding or
 * removing another date leaves it alone. Part of its transactionId (Graph's de-duplication of a retried create).
 */
function singleFingerprint(c: Cadence, date: string): string {
  const timing = { date, start: c.start, durationMinutes: c.durationMinutes, timeZone: c.timeZone };
  return createHash('sha256').update(JSON.stringify(timing)).digest('hex').slice(0, 12);
}

function escapeHtml(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

export function desiredState(p: Programme): DesiredState {
  // A person's home: their gemeente or organisatie (an organisatie without a tenant leaves tenantId undefined).
  const gemeenten = new Map<string, Home>(homes(p).map((g) => [g.id, g]));
  const host = p.gemeenten.find((g) => g.host);
  if (!host?.tenantId) throw new Error('the host gemeente has no tenant id (validation should have refused this file)');
  const people: Record<string, DesiredPerson> = {};
  for (const person of p.people as Person[]) {
    people[person.id] = {
      personId: person.id,
      name: person.name,
      upn: person.upn,
      email: person.email ?? person.upn,
      gemeente: homeId(person),
      tenantId: gemeenten.get(homeId(person))?.tenantId,
    };
  }
  const isHost = (personId: string) => people[personId]?.tenantId === host.tenantId;
  const bodies = p.bodies as Body[];

  const channels = desiredChannels(p, bodies, isHost);

  // Team: the owners, and every host-tenant person who works in a body (others join through shared channels,
  // or as guests where a channel says so: private and standard alike; a standard channel is seen by the team).
  const inBodies = new Set(bodies.flatMap((b) => b.members));
  const guests = desiredGuests(p, bodies, isHost);
  const teamMembers = new Set<string>([...p.programme.team.owners]);
  for (const id of inBodies) if (isHost(id)) teamMembers.add(id);
  for (const id of guests.people) teamMembers.add(id);

  const meetings = desiredMeetings(p, bodies, channels);
  return {
    programmeId: p.programme.id,
    hostTenantId: host.tenantId,
    organizer: p.programme.organizer,
    team: {
      displayName: p.programme.team.name,
      description: p.programme.team.description ?? p.programme.name,
      owners: [...p.programme.team.owners],
      members: [...teamMembers],
    },
    channels,
    meetings,
    people,
    cadenceIds: p.cadences.map((c) => c.id),
    guests,
  };
}

/** Who joins the host tenant as a guest: every member from elsewhere of a body whose channel says `guest`. */
function desiredGuests(p: Programme, bodies: Body[], isHost: (personId: string) => boolean): DesiredGuests {
  const byPerson: Record<string, string[]> = {};
  for (const body of bodies) {
    if (body.channel?.externalAccess !== 'guest') continue;
    for (const id of new Set(body.members)) if (!isHost(id)) (byPerson[id] ??= []).push(body.id);
  }
  return {
    invite: p.guests.invite,
    redirectUrl: p.guests.redirectUrl ?? DEFAULT_GUEST_REDIRECT,
    people: Object.keys(byPerson),
    bodies: byPerson,
  };
}

/** A channel per body that has one, with its owner and (for shared and private channels) its members. */
function desiredChannels(p: Programme, bodies: Body[], isHost: (personId: string) => boolean): DesiredChannel[] {
  const channels: DesiredChannel[] = [];
  for (const body of bodies) {
    if (!body.channel) continue;
    const members = body.channel.kind === 'standard' ? [] : [...new Set(body.members)];
    const lead =
      'trekker' in body ? body.trekker : 'lead' in body ? body.lead : 'chair' in body ? body.chair : undefined;
    // The owner must be a member of the host tenant's team: the body's lead if they work there, else the
    // first host-tenant member, else a team owner.
    const owner =
      [lead, ...members].find((id): id is string => id !== undefined && isHost(id)) ??
      p.programme.team.owners.find(isHost);
    channels.push({
      key: `channel:${body.id}`,
      bodyId: body.id,
      displayName: body.channel.name ?? body.name,
      description: `${body.name} — beheerd door Regiekamer`,
      kind: body.channel.kind,
      externalAccess: body.channel.externalAccess,
      owner,
      members,
    });
  }
  return channels;
}

/** A meeting series (with its holiday exceptions) per recurring cadence, or an event per occurrence otherwise. */
function desiredMeetings(p: Programme, bodies: Body[], channels: DesiredChannel[]): DesiredMeeting[] {
  const channelOf = new Map(channels.map((c) => [c.bodyId, c]));
  const meetings: DesiredMeeting[] = [];
  // A body meets at most once a day: an occurrence landing on a day its body already meets gives way (validation
  // refuses such a file; this keeps the plan from ever making the second meeting).
  const placed = placeOccurrences(p.cadences).byCadence;
  for (const cadence of p.cadences) {
    const occurrences = placed.get(cadence.id) ?? [];
    const first =
      occurrences.find((o) => o.status !== 'skipped' && !o.collidesWith && o.originalDate === o.date) ??
      occurrences.find((o) => o.start && !o.collidesWith);
    if (!first?.start) continue;
    const cadenceBodies = cadence.bodies
      .map((id) => bodies.find((b) => b.id === id))
      .filter((b): b is Body => b !== undefined);
    const { people: attendees, addresses } = cadenceInvitation(p, cadence);
    const lines = cadenceBodies.map((b) => {
      const channel = channelOf.get(b.id);
      const parts = [`<b>${escapeHtml(b.name)}</b>`];
      if (channel) parts.push(`kanaal: ${escapeHtml(channel.displayName)}`);
      if (b.agendaUrl) parts.push(`<a href="${escapeHtml(b.agendaUrl)}">agenda en stukken</a>`);
      return `<p>${parts.join(' · ')}</p>`;
    });
    const bodyHtml = `${lines.join('')}<p>Deze vergaderreeks wordt beheerd door Regiekamer (${escapeHtml(p.programme.name)}).</p>`;
    const fp = timingFingerprint(cadence);
    const recurrence = patternedRecurrence(cadence);
    const base = { subject: cadence.name, bodyHtml, timeZone: cadence.timeZone, attendees, addresses };
    if (recurrence) {
      // The series starts on the rule's first date (even when that date is a holiday: the exception handles it).
      const firstRuleDate = occurrences[0]?.originalDate ?? cadence.from;
      const seriesStart = `${firstRuleDate}T${cadence.start}:00`;
      meetings.push({
        key: `series:${cadence.id}`,
        cadenceId: cadence.id,
        ...base,
        start: seriesStart,
        end: addMinutes(seriesStart, cadence.durationMinutes),
        recurrence,
        transactionId: `rk-${p.programme.id}-${cadence.id}-${fp}`,
        ruleDates: occurrences.map((o) => o.originalDate),
        exceptions: occurrences
          .filter((o) => o.status !== 'regular' || o.collidesWith)
          .map((o) =>
            o.collidesWith
              ? {
                  originalDate: o.originalDate,
                  action: 'cancel' as const,
                  holiday: o.holiday ?? '',
                  collidesWith: o.collidesWith.date,
                }
              : o.status === 'skipped'
                ? { originalDate: o.originalDate, action: 'cancel' as const, holiday: o.holiday ?? '' }
                : {
                    originalDate: o.originalDate,
                    action: 'move' as const,
                    holiday: o.holiday ?? '',
                    start: `${o.date}T${cadence.start}:00`,
                    end: addMinutes(`${o.date}T${cadence.start}:00`, cadence.durationMinutes),
                  },
          ),
      });
    } else {
      for (const o of occurrences) {
        if (!o.start || !o.date || o.collidesWith) continue;
        const s = `${o.date}T${cadence.start}:00`;
        meetings.push({
          key: `event:${cadence.id}:${o.originalDate}`,
          cadenceId: cadence.id,
          ...base,
          start: s,
          end: addMinutes(s, cadence.durationMinutes),
          recurrence: undefined,
          transactionId: `rk-${p.programme.id}-${cadence.id}-${o.originalDate}-${singleFingerprint(cadence, o.date)}`,
          exceptions: [],
          ruleDates: [o.originalDate],
        });
      }
    }
  }
  return meetings;
}
