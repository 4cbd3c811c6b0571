// The figures shown in more than one place — the tab's tiles and lists, the bot's status, overview, digest and
// "mijn acties" cards, the capacity view — each computed here and nowhere else, so the bot and the tab can never
// count differently: what is open, overdue and blocked (an action blocked by a decision that records the link counts
// too), how long a blocked action has waited, and how long a decision has been at its current level.
import { leadTimes } from './decisions.ts';
import { liveBlockers } from './dependencies.ts';
import { daysWaited, isOpenAction, type Action, type BlockRef, type Decision } from './model.ts';

/** Open (not deleted, not gereed) with a due date before `today` (YYYY-MM-DD). */
export function isOverdue(action: Action, today: string): boolean {
  return isOpenAction(action) && action.due !== undefined && action.due < today;
}

/** Counts of one werkgroep's (or one person's) actions. */
interface ActionCounts {
  /** Open actions (not deleted, not gereed). */
  open: number;
  /** Open actions whose due date is before today. */
  overdue: number;
  /** Open actions waiting on an open action or an undecided decision, recorded on either side of the link. */
  blocked: number;
}

/** The action figures of a programme on one day; build once per answer with `workFigures`. */
export interface WorkFigures {
  readonly today: string;
  /** The open actions, in the order given. */
  readonly open: readonly Action[];
  isOverdue(action: Action): boolean;
  /** What an open action waits on now (empty when nothing; see liveBlockers). */
  blockersOf(actionId: string): BlockRef[];
  isBlocked(action: Action): boolean;
  /** Days a blocked action has waited: since blockedSince, else createdOn, else 0. */
  waitingDays(action: Action): number;
  /** The counts of a werkgroep's actions. */
  werkgroep(werkgroepId: string): ActionCounts;
  /** The counts of the actions a person owns (each owner counts an action fully). */
  owner(personId: string): ActionCounts;
}

/**
 * The figures of `actions` (deleted ones are ignored) against `decisions` on `today` (YYYY-MM-DD). Throws
 * WorkError (work.date.invalid) for a malformed `today`.
 */
export function workFigures(actions: readonly Action[], decisions: readonly Decision[], today: string): WorkFigures {
  const live = liveBlockers(actions, decisions);
  const open = actions.filter(isOpenAction);
  const blockersOf = (id: string) => live.get(id) ?? [];
  const overdue = (a: Action) => isOverdue(a, today);
  const blocked = (a: Action) => isOpenAction(a) && blockersOf(a.id).length > 0;
  const counts = (of: readonly Action[]): ActionCounts => ({
    open: of.length,
    overdue: of.filter(overdue).length,
    blocked: of.filter(blocked).length,
  });
  return {
    today,
    open,
    isOverdue: overdue,
    blockersOf,
    isBlocked: blocked,
    waitingDays: (a) => daysWaited(a.blockedSince ?? a.createdOn ?? today, today),
    werkgroep: (id) => counts(open.filter((a) => a.werkgroep === id)),
    owner: (id) => counts(open.filter((a) => a.owners.includes(id))),
  };
}

/**
 * Where an undecided decision is now and for how many days it has been there (the current level of its lead
 * times, as the decision log shows it); undefined for a decision with an outcome or without steps. Throws
 * WorkError for a decision that leaves its route (see validateDecision).
 */
export function currentLevel(decision: Decision, today: string): { level: string; days: number } | undefined {
  const at = leadTimes(decision, today).levels.find((l) => l.current);
  return at ? { level: at.level, days: at.days } : undefined;
}
