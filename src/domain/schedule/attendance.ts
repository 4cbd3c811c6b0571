// Who sits in which of the programme's meetings, and how many hours a week that costs each person: the meeting
// side of the capacity figures (src/domain/work/capacity.ts), from the cadences and the bodies in the programme file.
import { DateTime } from 'luxon';
import type { Cadence, Programme } from '../programme/schema.ts';
import { expandCadence } from './cadence.ts';

/** An attendee invited by address only: a distribution group, a Microsoft 365 group or an OR's mailbox. */
export interface AddressAttendee {
  /** The SMTP address as the file spells it. */
  address: string;
  /** The name shown in the invitation: the audience's (or the informed body's) name. */
  name: string;
}

/**
 * Who is invited to a cadence's meetings: `people` (person ids, in file order, each once) and `addresses` (groups by
 * address, each once, compared case-insensitively, none that is already a programme person's address).
 *
 * People: everyone in the programme for audience `everyone`, else the members of its bodies (in the cadence's order
 * of bodies); then, per audience named in `cadence.audiences` (unknown ids are validate's problem and ignored here),
 * everyone for `programme: true`, else the members of the audience's bodies. Addresses: per audience, the `address`
 * of each of its bodies that has one (an ondernemingsraad, a klankbordgroep), then its `addresses`. A group address
 * counts as one attendee of the event (Graph's limit, docs/platform.md#input-limits): Exchange expands it.
 */
export function cadenceInvitation(
  programme: Pick<Programme, 'people' | 'bodies'> & Partial<Pick<Programme, 'audiences'>>,
  cadence: Cadence,
): { people: string[]; addresses: AddressAttendee[] } {
  const everyone = programme.people.map((p) => p.id);
  const bodyOf = (id: string) => programme.bodies.find((b) => b.id === id);
  const membersOf = (ids: readonly string[]) => ids.flatMap((id) => bodyOf(id)?.members ?? []);
  const audiences = (cadence.audiences ?? [])
    .map((id) => programme.audiences?.find((a) => a.id === id))
    .filter((a) => a !== undefined);
  const people = new Set(cadence.audience === 'everyone' ? everyone : membersOf(cadence.bodies));
  for (const a of audiences) for (const id of a.programme ? everyone : membersOf(a.bodies)) people.add(id);
  const taken = new Set(
    programme.people.flatMap((p) => [p.upn, p.email ?? p.upn]).map((address) => address.toLowerCase()),
  );
  const addresses: AddressAttendee[] = [];
  const add = (address: string | undefined, name: string) => {
    if (address === undefined || taken.has(address.toLowerCase())) return;
    taken.add(address.toLowerCase());
    addresses.push({ address, name });
  };
  for (const a of audiences) {
    for (const id of a.bodies) {
      const body = bodyOf(id);
      if (body && 'address' in body) add(body.address, body.name);
    }
    for (const address of a.addresses) add(address, a.name);
  }
  return { people: [...people], addresses };
}

/**
 * Person ids invited to a cadence's meetings (the `people` of cadenceInvitation): the one rule for who is invited.
 * The sync's attendees (src/domain/sync/desired.ts) and the meeting hours here both use it; addresses are no
 * programme people and cost nobody capacity.
 */
export function cadenceAttendees(
  programme: Pick<Programme, 'people' | 'bodies'> & Partial<Pick<Programme, 'audiences'>>,
  cadence: Cadence,
): string[] {
  return cadenceInvitation(programme, cadence).people;
}

/** The weeks over which meeting hours are averaged: a quarter, so a quarterly meeting counts once. */
const MEETING_WEEKS = 13;

/**
 * Hours per week each person spends in the programme's meetings: the durations of the occurrences (holidays
 * applied: skipped ones cost nothing) from `today` (YYYY-MM-DD, local) through the next `weeks` weeks, divided by
 * `weeks`, rounded to one decimal. People in no meeting are absent from the map.
 */
export function meetingHoursPerWeek(
  programme: Pick<Programme, 'people' | 'bodies' | 'cadences'> & Partial<Pick<Programme, 'audiences'>>,
  today: string,
  weeks = MEETING_WEEKS,
): Map<string, number> {
  const end = DateTime.fromISO(today, { zone: 'utc' })
    .plus({ days: weeks * 7 })
    .toISODate();
  const minutes = new Map<string, number>();
  for (const cadence of programme.cadences) {
    const held = expandCadence(cadence).filter((o) => o.date !== undefined && o.date >= today && o.date < (end ?? ''));
    if (held.length === 0) continue;
    for (const person of cadenceAttendees(programme, cadence))
      minutes.set(person, (minutes.get(person) ?? 0) + held.length * cadence.durationMinutes);
  }
  return new Map([...minutes].map(([person, m]) => [person, Math.round((m / 60 / weeks) * 10) / 10]));
}
