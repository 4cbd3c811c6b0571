// Decisions entered by people (issue 18 §1): a proposal starts a decision at a level of the programme's route (its
// lead time starts that day); it moves up the route, gets a chosen outcome, is edited or withdrawn; every change is
// one event in its history (who, when, from → to); the last move or outcome can be undone within a short window.
// Pure: the use case (src/app/work/proposals.ts) reads and writes the store and asks the access module.
import type { BodyKind } from '../programme/schema.ts';
import { changeDecision } from './decisions.ts';
import { WorkError, type Decision, type OutcomeKind } from './model.ts';

/**
 * How long a move or an outcome can be undone, in minutes: long enough to correct a wrong click or a wrong level
 * chosen in a meeting, short enough that a decision others have seen (the besluitenlijst) does not change quietly
 * later — after that a correction is a new, recorded move.
 */
export const UNDO_WINDOW_MINUTES = 10;

/** What a proposal says; `level` is the body at which it waits first (on the programme's decisionRoute). */
export interface ProposalInput {
  title: string;
  proposal: string;
  werkgroep: string;
  level: BodyKind;
  /** Action ids that wait on this decision. */
  blocks: string[];
  /** The update whose "decisions needed from the regiegroep" it came from. */
  fromUpdate?: string | undefined;
}

/** One change in a decision's history. `at` is an ISO 8601 instant; `by` a person id or 'app'. */
export interface DecisionEvent {
  decisionId: string;
  at: string;
  by: string;
  kind: 'proposed' | 'moved' | 'closed' | 'edited' | 'withdrawn' | 'undone';
  /** moved and proposed: the level it left (none for proposed) and the level it reached. */
  from?: BodyKind | undefined;
  to?: BodyKind | undefined;
  /** closed: the outcome chosen. */
  outcome?: OutcomeKind | undefined;
  /** undone: the kind of the event undone. */
  undid?: 'moved' | 'closed' | undefined;
}

/** The level a decision waits at now (its last step); undefined before any step (seed data without steps). */
export const levelOf = (decision: Decision): BodyKind | undefined => decision.steps.at(-1)?.level;

/**
 * A new decision `id` proposed by `by` on `today` (YYYY-MM-DD): its first step is `input.level`, so its lead time
 * starts today. Throws WorkError work.decision.notOnRoute when the level is not on `route`.
 */
export function propose(
  id: string,
  input: ProposalInput,
  route: readonly BodyKind[],
  by: string,
  today: string,
): Decision {
  if (!route.includes(input.level))
    throw new WorkError('work.decision.notOnRoute', { id, level: input.level, route: route.join(' → ') });
  return {
    id,
    title: input.title,
    proposal: input.proposal,
    werkgroep: input.werkgroep,
    route: [...route],
    steps: [{ level: input.level, reachedOn: today }],
    blocks: [...new Set(input.blocks)],
    proposedBy: by,
    ...(input.fromUpdate ? { origin: { kind: 'update' as const, ref: input.fromUpdate } } : {}),
  };
}

/** Refuses a change to a decision that has an outcome or was withdrawn. */
function assertOpen(decision: Decision): void {
  if (decision.outcome)
    throw new WorkError('work.decision.closed', { id: decision.id, outcome: decision.outcome.kind });
  if (decision.withdrawn) throw new WorkError('work.decision.withdrawn', { id: decision.id });
}

/**
 * The decision moved to `level`, dated `today`. Only up its route (lead time per level is measured in route order;
 * a wrong move is undone, not moved back). Throws WorkError: closed, withdrawn, sameLevel, notOnRoute, routeOrder.
 */
export function moveTo(decision: Decision, level: BodyKind, today: string): Decision {
  assertOpen(decision);
  if (levelOf(decision) === level) throw new WorkError('work.decision.sameLevel', { id: decision.id, level });
  return changeDecision(decision, { kind: 'reach', level }, today);
}

/** The decision with the chosen `outcome`, dated `today`. Throws WorkError: closed, withdrawn. */
export function close(decision: Decision, outcome: OutcomeKind, today: string): Decision {
  assertOpen(decision);
  return changeDecision(decision, { kind: 'outcome', outcome }, today);
}

/** The fields of an open decision its proposer or a decider may edit. */
export interface ProposalEdit {
  title?: string | undefined;
  proposal?: string | undefined;
  blocks?: string[] | undefined;
}

/** The decision with `edit` applied. Throws WorkError: closed, withdrawn, emptyEdit (no field given). */
export function editProposal(decision: Decision, edit: ProposalEdit): Decision {
  assertOpen(decision);
  if (edit.title === undefined && edit.proposal === undefined && edit.blocks === undefined)
    throw new WorkError('work.decision.emptyEdit', { id: decision.id });
  return {
    ...decision,
    ...(edit.title === undefined ? {} : { title: edit.title }),
    ...(edit.proposal === undefined ? {} : { proposal: edit.proposal }),
    ...(edit.blocks === undefined ? {} : { blocks: [...new Set(edit.blocks)] }),
  };
}

/** The decision withdrawn on `today`: off the route, not decided, it blocks nothing. Throws WorkError: closed, withdrawn. */
export function withdraw(decision: Decision, today: string): Decision {
  assertOpen(decision);
  return { ...decision, withdrawn: { on: today } };
}

/**
 * Whether `event` can be undone at `now`: a move or an outcome, the latest event of its decision (`latest`), at
 * most UNDO_WINDOW_MINUTES old. Edits are changed back by another edit; a withdrawal is final.
 */
export function undoable(event: DecisionEvent, latest: boolean, now: Date): boolean {
  if (!latest || (event.kind !== 'moved' && event.kind !== 'closed')) return false;
  const age = now.getTime() - Date.parse(event.at);
  return age >= 0 && age <= UNDO_WINDOW_MINUTES * 60_000;
}

/**
 * Until when (ISO 8601) the latest of a decision's `events` (oldest first) can be undone at `now`: its time plus
 * UNDO_WINDOW_MINUTES when it is undoable (see undoable); undefined when there is nothing to undo.
 */
export function undoDeadline(events: readonly DecisionEvent[], now: Date): string | undefined {
  const last = events.at(-1);
  if (!last || !undoable(last, true, now)) return undefined;
  return new Date(Date.parse(last.at) + UNDO_WINDOW_MINUTES * 60_000).toISOString();
}

/**
 * The decision as it was before `event` (a move: its last step removed; an outcome: removed). Throws WorkError
 * work.decision.nothingToUndo when the decision no longer shows that event (or it is of another kind).
 */
export function undo(decision: Decision, event: DecisionEvent): Decision {
  const nothing = () => new WorkError('work.decision.nothingToUndo', { id: decision.id, minutes: UNDO_WINDOW_MINUTES });
  if (event.kind === 'moved') {
    if (decision.outcome || decision.withdrawn || levelOf(decision) !== event.to) throw nothing();
    return { ...decision, steps: decision.steps.slice(0, -1) };
  }
  if (event.kind === 'closed' && decision.outcome) {
    const { outcome: _undone, ...rest } = decision;
    return rest;
  }
  throw nothing();
}
