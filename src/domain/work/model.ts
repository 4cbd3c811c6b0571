// Types for the werkgroepen's working data: actions (actielijsten) and decisions climbing the route,
// plus the typed error every function in this folder throws, and calendar-day arithmetic on YYYY-MM-DD.
import { DateTime } from 'luxon';
import { isRealDate, type BodyKind } from '../programme/schema.ts';
import type { ActionStatus, FourK, OutcomeKind } from '../vocabulary.ts';
import { t, type MessageKey, type Params } from '../i18n.ts';

export type { OutcomeKind };

/** What an action waits on: another action or a decision. */
export interface BlockRef {
  kind: 'action' | 'decision';
  id: string;
}

export interface Action {
  id: string;
  werkgroep: string;
  title: string;
  /** Person ids (Programme['people']). */
  owners: string[];
  /** YYYY-MM-DD. */
  due?: string;
  status: ActionStatus;
  ks: FourK[];
  notes?: string;
  blockedBy: BlockRef[];
  origin?: { kind: 'meeting' | 'update' | 'backlog'; ref: string };
  deleted?: boolean;
  /** YYYY-MM-DD the action was made. A blocked action is taken to wait since then unless blockedSince says otherwise. */
  createdOn?: string;
  /** YYYY-MM-DD the action became blocked (set by addBlock when the first blocker is added); wins over createdOn. */
  blockedSince?: string;
}

export interface Decision {
  id: string;
  title: string;
  proposal: string;
  werkgroep: string;
  /** From Programme['decisionRoute'], bottom to top. */
  route: BodyKind[];
  /** The levels reached, in route order; reachedOn is YYYY-MM-DD. */
  steps: { level: BodyKind; reachedOn: string }[];
  /** Any outcome ends the decision's time on the route; only besloten/afgewezen count as decided. */
  outcome?: { kind: OutcomeKind; on: string };
  /** Action ids that wait on this decision. */
  blocks: string[];
  /** The person id who proposed it (issue 18 §1); absent for seed data. */
  proposedBy?: string;
  /** Where the proposal came from: the update whose "decisions needed" it turns into a proposal. */
  origin?: { kind: 'update'; ref: string };
  /** Withdrawn by its proposer or a decider (YYYY-MM-DD): off the route, not decided; its lead time stops then. */
  withdrawn?: { on: string };
}

/** An action still counts: not deleted and not done. */
export function isOpenAction(action: Action): boolean {
  return !action.deleted && action.status !== 'gereed';
}

/** A decision is taken (and stops blocking) once it is besloten or afgewezen. */
export function isDecided(decision: Decision): boolean {
  return decision.outcome?.kind === 'besloten' || decision.outcome?.kind === 'afgewezen';
}

/** A decision stops blocking when it is taken or withdrawn (nothing will come of it to wait for). */
export function stopsBlocking(decision: Decision): boolean {
  return isDecided(decision) || decision.withdrawn !== undefined;
}

/** A refusal from the work domain: a catalogue key plus parameters, so the edges render it in nl or en. */
export class WorkError extends Error {
  readonly key: MessageKey;
  readonly params: Params;

  constructor(key: MessageKey, params: Params = {}) {
    super(t(key, params));
    this.key = key;
    this.params = params;
    this.name = 'WorkError';
  }
}

/** A wait-for cycle; `cycle` lists the node ids in order, the first repeated at the end. */
export class WorkCycleError extends WorkError {
  readonly cycle: string[];

  constructor(cycle: string[]) {
    super('work.cycle', { cycle: cycle.join(' → ') });
    this.cycle = cycle;
    this.name = 'WorkCycleError';
  }
}

export function assertDate(value: string, what: string): void {
  if (!isRealDate(value)) throw new WorkError('work.date.invalid', { value, what });
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). Both YYYY-MM-DD; UTC, so no DST gaps. */
export function daysBetween(from: string, to: string): number {
  assertDate(from, 'from');
  assertDate(to, 'to');
  const a = DateTime.fromISO(from, { zone: 'utc' });
  const b = DateTime.fromISO(to, { zone: 'utc' });
  return Math.round(b.diff(a, 'days').days);
}

/** Median of a non-empty list; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Whole days from `since` to `today` (both YYYY-MM-DD), never negative: how long something has waited. */
export function daysWaited(since: string, today: string): number {
  return Math.max(0, daysBetween(since, today));
}
