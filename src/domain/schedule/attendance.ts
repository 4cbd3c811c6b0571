// Who sits in which of the programme's meetings, and how many hours a week that costs each person: the meeting
// side of the capacity figures (src/domain/work/capacity.ts), from the cadences and the bodies in the programme file.
import { DateTime } from 'luxon';
import type { Cadence, Programme } from '../programme/schema.ts';
import { expandCadence } from './cadence.ts';

/**
 * Person ids invited to a cadence's meetings, in file order: everyone in the programme for audience `everyone`, else
 * the members of its bodies (in the cadence's order of bodies), each once. The one rule for who is invited: the
 * sync's series attendees (src/domain/sync/desired.ts) and the meeting hours here both use it.
 */
export function cadenceAttendees(programme: Pick<Programme, 'people' | 'bodies'>, cadence: Cadence): string[] {
  if (cadence.audience === 'everyone') return programme.people.map((p) => p.id);
  const members = cadence.bodies.flatMap((id) => programme.bodies.find((b) => b.id === id)?.members ?? []);
  return [...new Set(members)];
}

/** The weeks over which meeting hours are averaged: a quarter, so a quarterly meeting counts once. */
const MEETING_WEEKS = 13;

/**
 * Hours per week each person spends in the programme's meetings: the durations of the occurrences (holidays
 * applied: skipped ones cost nothing) from `today` (YYYY-MM-DD, local) through the next `weeks` weeks, divided by
 * `weeks`, rounded to one decimal. People in no meeting are absent from the map.
 */
export function meetingHoursPerWeek(
  programme: Pick<Programme, 'people' | 'bodies' | 'cadences'>,
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
