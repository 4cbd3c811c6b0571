// Use cases for decisions entered by people (issue 18 §1): propose, move, close with a chosen outcome, edit,
// withdraw, undo, and the history. Each asks the access module (src/app/access.ts) first: proposing is for the
// werkgroep's people and those who steer (decision.propose); moving, closing and undoing for the projectleider and
// the regiegroep (decision.change); editing and withdrawing for the proposer and those who steer (decision.edit).
// Every change names the version it was made on (If-Match) and is written only over that state, with its event.
import type { Decision } from '../../domain/work/model.ts';
import { WorkError } from '../../domain/work/model.ts';
import {
  close,
  editProposal,
  levelOf,
  moveTo,
  propose,
  undo,
  undoable,
  undoDeadline,
  UNDO_WINDOW_MINUTES,
  withdraw,
  type DecisionEvent,
} from '../../domain/work/proposals.ts';
import { decide, type Caller, type Permission } from '../access.ts';
import type {
  DecisionHistoryResponse,
  DecisionMove,
  DecisionOutcome,
  DecisionView,
  ProposalInput,
  ProposalPatch,
} from '../contract.ts';
import { fail, ok, refused, type AppDeps, type Result } from '../result.ts';
import { werkgroepName } from './actions.ts';
import { decisionVersion, view } from './decisions.ts';

/** Who did it, for the history: a person id, or 'app' for the product itself (CLI with the app's token, jobs). */
const byOf = (caller: Caller): string => (caller.kind === 'person' ? caller.person.id : 'app');

const asked = (d: AppDeps, caller: Caller, what: Permission, wgName = '') =>
  refused(decide(d.programme, caller, what), what, wgName);

/** Action ids of `blocks` that are not (live) actions of the programme; a 400 names them. */
async function unknownActions(d: AppDeps, blocks: readonly string[] = []): Promise<string[]> {
  if (blocks.length === 0) return [];
  const live = new Set(
    (await d.store.actions.list(d.programme.programme.id)).filter((a) => !a.deleted).map((a) => a.id),
  );
  return blocks.filter((id) => !live.has(id));
}

/** A readable new id: B<date>-<n>, n one more than that day's proposals so far. */
async function newId(d: AppDeps, today: string, attempt: number): Promise<string> {
  const prefix = `B${today.replaceAll('-', '')}-`;
  const taken = (await d.store.decisions.list(d.programme.programme.id)).filter((x) => x.id.startsWith(prefix));
  return `${prefix}${String(taken.length + 1 + attempt)}`;
}

/**
 * Proposes a decision (201). Errors: bad_input (unknown werkgroep, unknown actions to block, a level not on the
 * programme's decision route), forbidden (decision.propose of the werkgroep).
 */
export async function proposeDecision(d: AppDeps, caller: Caller, input: ProposalInput): Promise<Result<DecisionView>> {
  const wg = d.programme.bodies.find((b) => b.kind === 'werkgroep' && b.id === input.werkgroep);
  if (!wg) return fail('bad_input', 'api.unknownWerkgroep', { id: input.werkgroep });
  const no = asked(d, caller, { do: 'decision.propose', werkgroep: wg.id }, wg.name);
  if (no) return no;
  const unknown = await unknownActions(d, input.blocks);
  if (unknown.length > 0) return fail('bad_input', 'api.unknownActions', { ids: unknown.join(', ') });
  const today = d.today();
  const at = d.clock.now().toISOString();
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = await newId(d, today, attempt);
    let decision: Decision;
    try {
      decision = propose(id, { ...input, blocks: input.blocks ?? [] }, d.programme.decisionRoute, byOf(caller), today);
    } catch (err) {
      if (!(err instanceof WorkError)) throw err;
      return fail('bad_input', err.key, err.params);
    }
    const event: DecisionEvent = { decisionId: id, at, by: byOf(caller), kind: 'proposed', to: input.level };
    if (await d.store.decisions.insert(d.programme.programme.id, decision, event)) return ok(view(d, decision, today));
  }
  throw new Error('no free decision id after 5 attempts');
}

type Change = (
  x: Decision,
  today: string,
) => { next: Decision; event: Omit<DecisionEvent, 'decisionId' | 'at' | 'by'> };

/**
 * Applies `change` to decision `id` at `version` for `caller`, if `what(x)` allows it. Errors: not_found,
 * forbidden, version_required (no If-Match, or '*'), changed (another version, or a change landing in between),
 * not_possible (the domain refuses), bad_input (emptyEdit).
 */
async function applyChange(
  d: AppDeps,
  caller: Caller,
  id: string,
  version: string | undefined,
  what: (x: Decision) => Permission,
  change: Change,
): Promise<Result<DecisionView>> {
  const pid = d.programme.programme.id;
  const x = await d.store.decisions.get(pid, id);
  if (!x) return fail('not_found', 'api.decisionNotFound', { id });
  const no = asked(d, caller, what(x), werkgroepName(d, x.werkgroep));
  if (no) return no;
  if (!version || version === '*') return fail('version_required', 'api.decisionVersionRequired', { title: x.title });
  if (version !== decisionVersion(x)) return fail('changed', 'api.decisionChanged', { title: x.title });
  const today = d.today();
  let result: ReturnType<Change>;
  try {
    result = change(x, today);
  } catch (err) {
    if (!(err instanceof WorkError)) throw err;
    return fail(err.key === 'work.decision.emptyEdit' ? 'bad_input' : 'not_possible', err.key, err.params);
  }
  const event: DecisionEvent = { decisionId: id, at: d.clock.now().toISOString(), by: byOf(caller), ...result.event };
  if (!(await d.store.decisions.update(pid, x, result.next, event)))
    return fail('changed', 'api.decisionChanged', { title: x.title });
  return ok(view(d, result.next, today));
}

const steering = (): Permission => ({ do: 'decision.change' });
const proposerOrSteering = (x: Decision): Permission => ({ do: 'decision.edit', proposer: x.proposedBy });

/** Moves decision `id` up its route to `input.level`; recorded from → to. Errors: see applyChange. */
export const moveProposal = (d: AppDeps, caller: Caller, id: string, input: DecisionMove, version?: string) =>
  applyChange(d, caller, id, version, steering, (x, today) => ({
    next: moveTo(x, input.level, today),
    event: { kind: 'moved', from: levelOf(x), to: input.level },
  }));

/** Closes decision `id` with the chosen outcome. Errors: see applyChange. */
export const closeProposal = (d: AppDeps, caller: Caller, id: string, input: DecisionOutcome, version?: string) =>
  applyChange(d, caller, id, version, steering, (x, today) => ({
    next: close(x, input.outcome, today),
    event: { kind: 'closed', from: levelOf(x), outcome: input.outcome },
  }));

/**
 * Edits title, proposal text or what an open decision blocks. Errors: see applyChange; bad_input also for unknown
 * actions to block.
 */
export async function editProposalOf(
  d: AppDeps,
  caller: Caller,
  id: string,
  patch: ProposalPatch,
  version?: string,
): Promise<Result<DecisionView>> {
  const unknown = await unknownActions(d, patch.blocks);
  if (unknown.length > 0) return fail('bad_input', 'api.unknownActions', { ids: unknown.join(', ') });
  return applyChange(d, caller, id, version, proposerOrSteering, (x) => ({
    next: editProposal(x, patch),
    event: { kind: 'edited', from: levelOf(x) },
  }));
}

/** Withdraws an open decision (final; its lead time stops, it blocks nothing). Errors: see applyChange. */
export const withdrawProposal = (d: AppDeps, caller: Caller, id: string, version?: string) =>
  applyChange(d, caller, id, version, proposerOrSteering, (x, today) => ({
    next: withdraw(x, today),
    event: { kind: 'withdrawn', from: levelOf(x) },
  }));

/** The latest event of a decision if it can be undone at `now`. */
const latestUndoable = (events: readonly DecisionEvent[], now: Date): DecisionEvent | undefined => {
  const last = events.at(-1);
  return last && undoable(last, true, now) ? last : undefined;
};

/**
 * Undoes the latest move or outcome of decision `id`, within UNDO_WINDOW_MINUTES of it (decision.change). Errors:
 * see applyChange; not_possible (work.decision.nothingToUndo) when the latest change is no move or outcome, or is
 * older than the window.
 */
export async function undoLastChange(
  d: AppDeps,
  caller: Caller,
  id: string,
  version?: string,
): Promise<Result<DecisionView>> {
  const events = await d.store.decisions.history(d.programme.programme.id, id);
  const last = latestUndoable(events, d.clock.now());
  return applyChange(d, caller, id, version, steering, (x) => {
    if (!last) throw new WorkError('work.decision.nothingToUndo', { id, minutes: UNDO_WINDOW_MINUTES });
    const kind = last.kind === 'moved' ? 'moved' : 'closed';
    return { next: undo(x, last), event: { kind: 'undone', undid: kind, from: last.to ?? levelOf(x), to: last.from } };
  });
}

/** The history of decision `id` (programme.read, checked by the route). Errors: not_found. */
export async function decisionHistory(d: AppDeps, id: string): Promise<Result<DecisionHistoryResponse>> {
  const pid = d.programme.programme.id;
  if (!(await d.store.decisions.get(pid, id))) return fail('not_found', 'api.decisionNotFound', { id });
  const events = await d.store.decisions.history(pid, id);
  const until = undoDeadline(events, d.clock.now());
  const names = Object.fromEntries(
    d.programme.people.filter((p) => events.some((e) => e.by === p.id)).map((p) => [p.id, p.name]),
  );
  return ok({ id, events, names, ...(until ? { undoUntil: until } : {}) });
}
