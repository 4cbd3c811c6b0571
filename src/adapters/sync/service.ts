// One sync, the same for the CLI and the server's periodic job: read what exists, plan against the programme
// file, and (for apply) execute through the gateway, with the run and its journal in the store.
import { DateTime } from 'luxon';
import { desiredState } from '../../domain/sync/desired.ts';
import { plan, type Change } from '../../domain/sync/plan.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import type { Clock } from '../../domain/time/clock.ts';
import type { GraphGateway, GraphMetrics } from '../graph/gateway.ts';
import type { Store } from '../store/store.ts';
import { applyChanges, type Outcome } from './apply.ts';
import { readActual } from './read.ts';

export interface SyncDeps {
  gateway: GraphGateway;
  store: Store;
  programme: Programme;
  clock: Clock;
  pollDelayMs?: number;
}

export interface SyncSummary {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
}

export interface SyncResult {
  runId: number;
  changes: Change[];
  outcomes: Outcome[];
  summary: SyncSummary;
  drift: Change[];
  metrics: GraphMetrics;
}

const CREATING = new Set(['create', 'add']);

export function today(programme: Programme, clock: Clock): string {
  return DateTime.fromJSDate(clock.now()).setZone(programme.programme.timeZone).toISODate() ?? clock.now().toISOString().slice(0, 10);
}

/** Plans (and with `apply`, executes) one sync. `confirm` is asked before anything is sent. */
export async function runSync(
  deps: SyncDeps,
  mode: 'plan' | 'apply' | 'drift',
  options: { prune?: boolean; signal?: AbortSignal; confirm?: (changes: Change[]) => Promise<boolean>; onProgress?: (done: number, total: number, change: Change) => void } = {},
): Promise<SyncResult & { aborted: boolean }> {
  const { gateway, store, programme, clock } = deps;
  const desired = desiredState(programme);
  const runId = await store.sync.startRun(desired.programmeId, mode, clock.now());
  gateway.resetMetrics();
  const actual = await readActual(gateway, desired, await store.sync.objects(desired.programmeId));
  const changes = plan(desired, actual, { today: today(programme, clock) });
  const drift = changes.filter((c) => c.drift);
  const desiredCount = 1 + desired.channels.length + desired.team.members.length + desired.channels.reduce((n, c) => n + c.members.length, 0) + desired.meetings.length;
  const empty: SyncSummary = { created: 0, updated: 0, unchanged: 0, skipped: changes.filter((c) => c.action === 'skip').length, failed: 0 };
  if (mode !== 'apply' || changes.every((c) => c.action === 'skip' || (c.destructive && !options.prune))) {
    const summary = { ...empty, skipped: changes.filter((c) => c.action === 'skip' || (c.destructive && !options.prune)).length, unchanged: Math.max(0, desiredCount - changes.filter((c) => !c.drift).length) };
    await store.sync.finishRun(runId, clock.now(), { mode, summary, drift: drift.length, changes: changes.length });
    return { runId, changes, outcomes: [], summary, drift, metrics: gateway.metrics(), aborted: false };
  }
  if (options.confirm && !(await options.confirm(changes))) {
    await store.sync.finishRun(runId, clock.now(), { mode, aborted: true });
    return { runId, changes, outcomes: [], summary: empty, drift, metrics: gateway.metrics(), aborted: true };
  }
  const { outcomes } = await applyChanges(gateway, desired, actual, changes, {
    prune: options.prune === true, runId, records: store.sync, now: () => clock.now(),
    ...(deps.pollDelayMs !== undefined ? { pollDelayMs: deps.pollDelayMs } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const summary: SyncSummary = {
    created: outcomes.filter((o) => o.status === 'done' && CREATING.has(o.change.action)).length,
    updated: outcomes.filter((o) => o.status === 'done' && !CREATING.has(o.change.action)).length,
    skipped: outcomes.filter((o) => o.status === 'skipped').length,
    failed: outcomes.filter((o) => o.status === 'failed').length,
    unchanged: 0,
  };
  summary.unchanged = Math.max(0, desiredCount - changes.filter((c) => !c.drift).length);
  await store.sync.finishRun(runId, clock.now(), { mode, summary, drift: drift.length, changes: changes.length });
  return { runId, changes, outcomes, summary, drift, metrics: gateway.metrics(), aborted: false };
}
