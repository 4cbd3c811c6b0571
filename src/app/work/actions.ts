// Use cases on a werkgroep's actions: the list as the tab and the CLI show it (what each waits on, recent conflicts
// with Planner, its version), an edit that applies only to the version it was made on, a new wait (refused when it
// would go round in a cycle), and the chains of waits. Every change is checked with the access module first.
import { createHash } from 'node:crypto';
import type { ActionConflict, StoredAction } from '../../adapters/store/action-records.ts';
import { toDomainAction } from './records.ts';
import { normalise } from '../../domain/planner/merge.ts';
import { addBlock, blockedChains, liveBlockers } from '../../domain/work/dependencies.ts';
import { isOverdue } from '../../domain/work/figures.ts';
import { WorkError, type Action } from '../../domain/work/model.ts';
import { decide, type Caller } from '../access.ts';
import type {
  ActionPatch,
  ActionView,
  ActionsQuery,
  BlockerInput,
  BlockerResponse,
  WaitsResponse,
} from '../contract.ts';
import { badInput, fail, ok, refused, type AppDeps, type Result } from '../result.ts';

/** Deps of the use cases that change work: `changed()` is told after a change (it polls Planner now). */
export interface WorkDeps extends AppDeps {
  changed(): void;
}

/** How far back a merge conflict with Planner is still shown with its action. */
const CONFLICT_DAYS = 30;

/** What an action waits on now and its recent conflicts, read once for a whole list. */
export interface ActionContext {
  /** Every action, deleted ones included (a wait on a deleted action still has a title). */
  actions: StoredAction[];
  blockersOf(id: string): ActionView['blockedBy'];
  conflictsOf(id: string): ActionView['conflicts'];
}

export async function actionContext(d: AppDeps): Promise<ActionContext> {
  const pid = d.programme.programme.id;
  const actions = await d.store.actions.list(pid, { includeDeleted: true });
  const decisions = await d.store.decisions.list(pid);
  const live = liveBlockers(actions.map(toDomainAction), decisions);
  const title = new Map([
    ...actions.map((a) => [`action:${a.id}`, a.fields.title] as const),
    ...decisions.map((x) => [`decision:${x.id}`, x.title] as const),
  ]);
  const since = d.clock.now().getTime() - CONFLICT_DAYS * 86_400_000;
  const conflicts = new Map<string, ActionConflict[]>();
  for (const c of await d.store.actions.conflicts(pid))
    if (c.at.getTime() >= since) conflicts.set(c.actionId, [...(conflicts.get(c.actionId) ?? []), c]);
  return {
    actions,
    blockersOf: (id) => (live.get(id) ?? []).map((r) => ({ ...r, name: title.get(`${r.kind}:${r.id}`) ?? r.id })),
    conflictsOf: (id) =>
      (conflicts.get(id) ?? []).map((c) => ({
        field: c.field,
        here: c.ours,
        planner: c.theirs,
        at: c.at.toISOString(),
      })),
  };
}

/** A version of an action's fields (16 characters): an edit made on an older version is refused, not applied. */
const versionOf = (a: StoredAction): string =>
  createHash('sha256').update(JSON.stringify(a.fields)).digest('base64url').slice(0, 16);

/** The name of a werkgroep (its id when the programme has no such werkgroep). */
export const werkgroepName = (d: AppDeps, id: string): string =>
  d.programme.bodies.find((b) => b.kind === 'werkgroep' && b.id === id)?.name ?? id;

/** An action as the API shows it. */
export function actionView(d: AppDeps, a: StoredAction, ctx: ActionContext): ActionView {
  const f = a.fields;
  return {
    id: a.id,
    werkgroep: a.werkgroep,
    werkgroepName: werkgroepName(d, a.werkgroep),
    title: f.title,
    due: f.due,
    status: f.status,
    ks: f.ks,
    notes: f.notes,
    owners: f.owners.map((id) => ({ id, name: d.programme.people.find((p) => p.id === id)?.name ?? id })),
    overdue: isOverdue(toDomainAction(a), d.today()),
    inPlanner: a.taskId !== null,
    blockedBy: ctx.blockersOf(a.id),
    conflicts: ctx.conflictsOf(a.id),
    version: versionOf(a),
  };
}

/** The actions (not deleted), filtered by werkgroep, owner (`mine`: a person id) and overdue. */
export async function listActions(d: AppDeps, q: ActionsQuery): Promise<ActionView[]> {
  const ctx = await actionContext(d);
  return ctx.actions
    .filter((a) => !a.deleted && (!q.werkgroep || a.werkgroep === q.werkgroep))
    .map((a) => actionView(d, a, ctx))
    .filter((a) => !q.mine || a.owners.some((o) => o.id === q.mine))
    .filter((a) => !q.overdue || a.overdue);
}

const unknownPeople = (d: AppDeps, ids: readonly string[] = []) =>
  ids.filter((id) => !d.programme.people.some((p) => p.id === id));

/**
 * Changes an action's fields. `version` (from If-Match) must be given and be the current one, and the write itself
 * is conditional on the fields read, so a change landing in between is refused too: `changed`, with the action as it
 * is now in `current`. Without a version (or with '*', which names none) nothing is written: `version_required`
 * (HTTP 428, RFC 6585 §3), so no edit overwrites another unseen. Errors: bad_input (unknown owner), not_found,
 * forbidden (work.change), version_required, changed.
 */
export async function editAction(
  d: WorkDeps,
  caller: Caller,
  id: string,
  patch: ActionPatch,
  version?: string,
): Promise<Result<ActionView>> {
  const unknown = unknownPeople(d, patch.owners);
  if (unknown.length > 0) return badInput(`owners: unknown person ${unknown.join(', ')}`);
  const pid = d.programme.programme.id;
  const action = await d.store.actions.get(pid, id);
  if (!action || action.deleted) return fail('not_found', 'api.actionNotFound', { id });
  const what = { do: 'work.change', werkgroep: action.werkgroep } as const;
  const no = refused(decide(d.programme, caller, what), what, werkgroepName(d, action.werkgroep));
  if (no) return no;
  const changedMeanwhile = async () => {
    const current = await d.store.actions.get(pid, id);
    return fail(
      'changed',
      'api.actionChanged',
      { title: action.fields.title },
      current ? actionView(d, current, await actionContext(d)) : undefined,
    );
  };
  if (!version || version === '*')
    return fail('version_required', 'api.versionRequired', { title: action.fields.title });
  if (version !== versionOf(action)) return changedMeanwhile();
  const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const fields = normalise({ ...action.fields, ...given });
  if (!(await d.store.actions.updateFields(pid, id, action.fields, fields, d.clock.now()))) return changedMeanwhile();
  d.changed();
  return ok(actionView(d, { ...action, fields }, await actionContext(d)));
}

/**
 * The action `id` starts waiting on another action or a decision. Errors: not_found (the action), forbidden
 * (work.change of its werkgroep), bad_input (unknown decision or action to wait on), cycle (named, from the domain).
 */
export async function addBlocker(
  d: AppDeps,
  caller: Caller,
  id: string,
  blocker: BlockerInput,
): Promise<Result<BlockerResponse>> {
  const pid = d.programme.programme.id;
  const stored = await d.store.actions.get(pid, id);
  if (!stored || stored.deleted) return fail('not_found', 'api.actionNotFound', { id });
  const what = { do: 'work.change', werkgroep: stored.werkgroep } as const;
  const no = refused(decide(d.programme, caller, what), what, werkgroepName(d, stored.werkgroep));
  if (no) return no;
  const decisions = await d.store.decisions.list(pid);
  if (blocker.kind === 'decision' && !decisions.some((x) => x.id === blocker.id))
    return badInput(`besluit ${blocker.id}`);
  let updated: Action[];
  try {
    updated = addBlock(await currentActions(d), id, blocker, d.today());
    blockedChains(d.programme, updated, decisions, d.today());
  } catch (err) {
    if (!(err instanceof WorkError)) throw err;
    if (err.key === 'work.action.unknown') return fail('not_found', err.key, err.params);
    return fail(err.key === 'work.cycle' ? 'cycle' : 'bad_input', err.key, err.params);
  }
  const target = updated.find((a) => a.id === id);
  if (!target) return fail('not_found', 'api.actionNotFound', { id });
  await d.store.actions.save(
    pid,
    { ...stored, blockedBy: target.blockedBy, ...(target.blockedSince ? { blockedSince: target.blockedSince } : {}) },
    d.clock.now(),
  );
  return ok({ id, blockedBy: target.blockedBy });
}

/** The actions that are not deleted, as the domain sees them. */
export async function currentActions(d: AppDeps): Promise<Action[]> {
  return (await d.store.actions.list(d.programme.programme.id)).map(toDomainAction);
}

/** What waits on what, oldest wait first: werkgroepen on werkgroepen, actions on actions and decisions. */
export async function waitChains(d: AppDeps): Promise<WaitsResponse> {
  return {
    chains: blockedChains(
      d.programme,
      await currentActions(d),
      await d.store.decisions.list(d.programme.programme.id),
      d.today(),
    ),
  };
}
