// Where every cadence's occurrences land, with one rule across all cadences of a programme: a body meets at most
// once a day. An occurrence that lands on a day one of its bodies already meets (a holiday move onto the next
// occurrence, or two cadences of one body on one day) does not take place; it is a collision, which validation
// refuses and which the sync plan never turns into a second meeting. Pure.
import type { Cadence } from '../programme/schema.ts';
import { expandCadence, type Occurrence } from './cadence.ts';

/** An occurrence that would land on a day one of its bodies already meets, and the occurrence that has that day. */
export interface Collision {
  cadenceId: string;
  /** The rule's (or file's) date of the occurrence that gives way. */
  originalDate: string;
  /** The day it would land on (after a holiday move). */
  date: string;
  /** Whether a holiday moved it there. */
  moved: boolean;
  /** The body that would meet twice. */
  bodyId: string;
  /** The occurrence that keeps the day. */
  other: { cadenceId: string; originalDate: string };
}

/** An occurrence, marked when it gives way to another meeting of one of its bodies on the same day. */
export interface PlacedOccurrence extends Occurrence {
  /** Set when the occurrence does not take place because another occurrence has its day. */
  collidesWith?: { cadenceId: string; originalDate: string; date: string };
}

/**
 * Every cadence's occurrences (as expandCadence gives them, in the same order), with collisions resolved: regular
 * occurrences claim their day first (in file order of cadences, then by date), moved ones after them; an
 * occurrence whose day one of its bodies already has is marked `collidesWith` and listed in `collisions`.
 */
export function placeOccurrences(cadences: readonly Cadence[]): {
  byCadence: Map<string, PlacedOccurrence[]>;
  collisions: Collision[];
} {
  const byCadence = new Map<string, PlacedOccurrence[]>();
  const queue: { cadence: Cadence; occ: PlacedOccurrence }[] = [];
  for (const cadence of cadences) {
    const list: PlacedOccurrence[] = expandCadence(cadence).map((o) => ({ ...o }));
    byCadence.set(cadence.id, list);
    for (const occ of list) if (occ.date) queue.push({ cadence, occ });
  }
  // Regular ones first, so a holiday move never pushes out a meeting that is on its own date.
  const ordered = [
    ...queue.filter((q) => q.occ.status === 'regular'),
    ...queue.filter((q) => q.occ.status === 'moved'),
  ];
  const taken = new Map<string, { cadenceId: string; originalDate: string }>();
  const collisions: Collision[] = [];
  for (const { cadence, occ } of ordered) {
    const date = occ.date ?? '';
    const bodyId = [...new Set(cadence.bodies)].find((b) => taken.has(`${b}\u0000${date}`));
    if (bodyId !== undefined) {
      const other = taken.get(`${bodyId}\u0000${date}`) ?? { cadenceId: '', originalDate: '' };
      occ.collidesWith = { ...other, date };
      collisions.push({
        cadenceId: cadence.id,
        originalDate: occ.originalDate,
        date,
        moved: occ.status === 'moved',
        bodyId,
        other,
      });
      continue;
    }
    for (const b of cadence.bodies)
      taken.set(`${b}\u0000${date}`, { cadenceId: cadence.id, originalDate: occ.originalDate });
  }
  return { byCadence, collisions };
}
