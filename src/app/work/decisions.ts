// Use cases on the decision log: each decision with its lead time per level, the medians over the past year and
// per quarter (whether decisions get faster); a decision moved on to its next level or given its outcome, by the
// projectleider and the regiegroep (decision.change).
import { createHash } from 'node:crypto';
import { changeDecision, leadTimes, medianLeadTimes } from '../../domain/work/decisions.ts';
import { WorkError, type Decision } from '../../domain/work/model.ts';
import { undoDeadline, type DecisionEvent } from '../../domain/work/proposals.ts';
import { decide, type Caller } from '../access.ts';
import type { DecisionChange, DecisionsResponse, DecisionView } from '../contract.ts';
import { fail, ok, refused, type AppDeps, type Result } from '../result.ts';
import { werkgroepName } from './actions.ts';

/** The last `n` calendar quarters up to and including today's, oldest first (label 2026-K3). */
export function quartersBefore(today: string, n: number): { label: string; from: string; to: string }[] {
  const y = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const out: { label: string; from: string; to: string }[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const idx = y * 4 + q - i;
    const year = Math.floor(idx / 4);
    const quarter = idx % 4;
    const ends = ['03-31', '06-30', '09-30', '12-31'];
    out.push({
      label: `${year}-K${quarter + 1}`,
      from: `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`,
      to: `${year}-${ends[quarter] ?? '12-31'}`,
    });
  }
  return out;
}

/** JSON with object keys sorted: the store's jsonb keeps its own key order, so the same decision hashes the same. */
const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v !== null && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, x]) => [k, canonical(x)]),
        )
      : v;

/** A version of a decision (16 characters): a change made on an older version is refused, not applied. */
export const decisionVersion = (x: Decision): string =>
  createHash('sha256')
    .update(JSON.stringify(canonical(x)))
    .digest('base64url')
    .slice(0, 16);

/** A decision as the API shows it, with its lead times up to `today` and its version. */
export const view = (d: AppDeps, x: Decision, today: string): DecisionView => ({
  ...x,
  werkgroepName: werkgroepName(d, x.werkgroep),
  leadTimes: leadTimes(x, today),
  version: decisionVersion(x),
});

/** The local date (YYYY-MM-DD) before `day`. */
const dayBefore = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Per decision id, until when (ISO 8601) its latest move or outcome can be undone (undoDeadline). Only decisions
 * whose latest step or outcome is dated today or yesterday can have one (the window is UNDO_WINDOW_MINUTES, and a
 * change made just before midnight is dated the day before), so only their histories are read.
 */
async function undoWindows(d: AppDeps, decisions: readonly Decision[], today: string): Promise<Map<string, string>> {
  const since = dayBefore(today);
  const recent = decisions.filter((x) => !x.withdrawn && (x.outcome?.on ?? x.steps.at(-1)?.reachedOn ?? '') >= since);
  const now = d.clock.now();
  const pid = d.programme.programme.id;
  const out = new Map<string, string>();
  for (const x of recent) {
    const until = undoDeadline(await d.store.decisions.history(pid, x.id), now);
    if (until) out.set(x.id, until);
  }
  return out;
}

/**
 * The decision log, with the medians over the year up to today and over each of the last four quarters; each
 * decision whose latest move or outcome can still be undone carries `undoUntil`, so the tab offers undo after a reload.
 */
export async function decisionLog(d: AppDeps): Promise<DecisionsResponse> {
  const today = d.today();
  const decisions = await d.store.decisions.list(d.programme.programme.id);
  const from = `${String(Number(today.slice(0, 4)) - 1)}${today.slice(4)}`;
  const windows = await undoWindows(d, decisions, today);
  return {
    decisions: decisions.map((x) => {
      const until = windows.get(x.id);
      return { ...view(d, x, today), ...(until ? { undoUntil: until } : {}) };
    }),
    route: [...d.programme.decisionRoute],
    medians: medianLeadTimes(decisions, { from, to: today }, today),
    period: { from, to: today },
    perQuarter: quartersBefore(today, 4).map((q) => ({
      quarter: q.label,
      ...medianLeadTimes(decisions, { from: q.from, to: q.to < today ? q.to : today }, today),
    })),
  };
}

/**
 * Moves decision `id` on, dated today, recorded in its history. Errors: forbidden (decision.change), not_found,
 * not_possible (the domain refuses, e.g. already closed or not on its route), changed (a change landed meanwhile).
 */
export async function moveDecision(
  d: AppDeps,
  caller: Caller,
  id: string,
  change: DecisionChange,
): Promise<Result<DecisionView>> {
  const what = { do: 'decision.change' } as const;
  const no = refused(decide(d.programme, caller, what), what);
  if (no) return no;
  const pid = d.programme.programme.id;
  const decision = (await d.store.decisions.list(pid)).find((x) => x.id === id);
  if (!decision) return fail('not_found', 'work.decision.unknown', { id });
  const today = d.today();
  let changed: Decision;
  try {
    changed = changeDecision(
      decision,
      change.action === 'next' ? { kind: 'reach', level: change.level } : { kind: 'outcome', outcome: change.outcome },
      today,
    );
  } catch (err) {
    if (!(err instanceof WorkError)) throw err;
    return fail('not_possible', err.key, err.params);
  }
  // Recorded in the history like the routes of src/app/work/proposals.ts, and written only over what was read.
  const level = (x: Decision) => x.steps.at(-1)?.level;
  const event: DecisionEvent = {
    decisionId: id,
    at: d.clock.now().toISOString(),
    by: caller.kind === 'person' ? caller.person.id : 'app',
    ...(change.action === 'next'
      ? { kind: 'moved', from: level(decision), to: level(changed) }
      : { kind: 'closed', from: level(decision), outcome: change.outcome }),
  };
  if (!(await d.store.decisions.update(pid, decision, changed, event)))
    return fail('changed', 'api.decisionChanged', { title: decision.title });
  return ok(view(d, changed, today));
}
