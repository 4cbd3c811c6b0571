// The quarterly bijeenkomst (issue 16 §4): which cadences are bijeenkomsten, and which milestones one of them
// celebrates — those reached since the previous bijeenkomst and the next ones coming. Pure: dates are the local
// dates (YYYY-MM-DD) the programme file gives and the cadence rules make, in the meeting's own time zone.
import type { Cadence, Programme } from '../programme/schema.ts';
import { expandCadence } from '../schedule/cadence.ts';

/** A milestone as the programme file has it (`milestones`). */
export type Milestone = Programme['milestones'][number];

/** How many upcoming milestones a bijeenkomst's announcement lists. */
const UPCOMING = 3;

/**
 * A bijeenkomst is a cadence for everyone involved: audience `everyone`, or one that invites `audiences` (groups by
 * address, other bodies) beyond its own bodies' members.
 */
export const isBijeenkomst = (cadence: Pick<Cadence, 'audience' | 'audiences'>): boolean =>
  cadence.audience === 'everyone' || cadence.audiences.length > 0;

/** The milestones a bijeenkomst celebrates, each list by date (then file order). */
export interface MilestonesToCelebrate {
  /** Milestones with `celebrate: true` dated after the previous bijeenkomst, up to and including this one's date. */
  reached: Milestone[];
  /** The next milestones with `celebrate: true` dated after this bijeenkomst, at most UPCOMING (3). */
  upcoming: Milestone[];
  /** The local date of the previous bijeenkomst, if there was one. */
  previous?: string;
}

/**
 * The milestones to celebrate at the bijeenkomst held on `date` (its local date, YYYY-MM-DD). The previous
 * bijeenkomst is the latest meeting before `date` of any bijeenkomst cadence of the file (holiday-skipped ones are
 * not held; holiday-moved ones count at their new date); without one, every celebrated milestone up to `date`
 * counts as reached. Milestones without `celebrate: true` are not listed.
 */
export function milestonesToCelebrate(
  programme: Pick<Programme, 'cadences' | 'milestones'>,
  date: string,
): MilestonesToCelebrate {
  const previous = programme.cadences
    .filter(isBijeenkomst)
    .flatMap((c) => expandCadence(c).flatMap((o) => (o.status !== 'skipped' && o.date ? [o.date] : [])))
    .filter((d) => d < date)
    .sort()
    .at(-1);
  const celebrated = programme.milestones
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => m.celebrate)
    .sort((a, b) => a.m.date.localeCompare(b.m.date) || a.i - b.i)
    .map(({ m }) => m);
  return {
    reached: celebrated.filter((m) => m.date <= date && (previous === undefined || m.date > previous)),
    upcoming: celebrated.filter((m) => m.date > date).slice(0, UPCOMING),
    ...(previous !== undefined ? { previous } : {}),
  };
}
