// Use case: one sync, the same for the CLI and the server's periodic job: read what exists, plan against the
// programme file, and (for apply) execute, with the run and its journal in the store. Reading and executing are
// the SyncGraph port's (src/adapters/sync/graph.ts implements it over the Graph gateway).
import { DateTime } from 'luxon';
import type { GraphMetrics } from '../adapters/graph/gateway.ts';
import type { Store } from '../adapters/store/store.ts';
import type { ApplyOptions, Outcome } from '../adapters/sync/apply.ts';
import type { SyncObject } from '../adapters/store/sync-records.ts';
import { desiredState, type DesiredState } from '../domain/sync/desired.ts';
import { plan, type ActualState, type Change } from '../domain/sync/plan.ts';
import { guestStatuses, type GuestStatus } from '../domain/sync/guests.ts';
import { placements, type ChangeResult, type Placement } from '../domain/sync/placement.ts';
import type { Programme } from '../domain/programme/schema.ts';
import type { Clock } from '../domain/time/clock.ts';

/** The tenants as the sync reads and changes them; the Graph call counters of the run. */
export interface SyncGraph {
  /** What exists of the desired state now (`known`: the objects earlier runs made, from the store). */
  readActual(desired: DesiredState, known: SyncObject[]): Promise<ActualState>;
  /** Executes the changes in waves, journaling each in `options.records`; one outcome per change. */
  applyChanges(
    desired: DesiredState,
    actual: ActualState,
    changes: Change[],
    options: Omit<ApplyOptions, 'pollDelayMs' | 'sleep'>,
  ): Promise<{ outcomes: Outcome[] }>;
  resetMetrics(): void;
  metrics(): GraphMetrics;
}

export interface SyncDeps {
  graph: SyncGraph;
  /** Only its sync and guest records are used (a read-only plan without a store passes records that hold nothing). */
  store: Pick<Store, 'sync' | 'guests'>;
  programme: Programme;
  clock: Clock;
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
  /** Every guest person of the programme and where their invitation stands (after apply: with the invitations sent). */
  guests: GuestStatus[];
  /** Every (person, body) pair of the file and every person in no body: placed, or why not. */
  placements: Placement[];
}

const CREATING = new Set(['create', 'add', 'invite']);

/** Today's date (YYYY-MM-DD) in the programme's time zone. */
export function today(programme: Programme, clock: Clock): string {
  return (
    DateTime.fromJSDate(clock.now()).setZone(programme.programme.timeZone).toISODate() ??
    clock.now().toISOString().slice(0, 10)
  );
}

/** Plans (and with `apply`, executes) one sync. `confirm` is asked before anything is sent. */
export async function runSync(
  deps: SyncDeps,
  mode: 'plan' | 'apply' | 'drift',
  options: {
    prune?: boolean;
    signal?: AbortSignal;
    confirm?: (changes: Change[]) => Promise<boolean>;
    onProgress?: (done: number, total: number, change: Change) => void;
  } = {},
): Promise<SyncResult & { aborted: boolean }> {
  const { graph, store, programme, clock } = deps;
  const desired = desiredState(programme);
  const runId = await store.sync.startRun(desired.programmeId, mode, clock.now());
  graph.resetMetrics();
  const actual = await graph.readActual(desired, await store.sync.objects(desired.programmeId));
  const changes = plan(desired, actual, { today: today(programme, clock) });
  const drift = changes.filter((c) => c.drift);
  const guests = guestStatuses(desired, actual);
  await saveGuests(store, desired.programmeId, guests, clock.now());
  const report = { guests, placements: placements(programme, desired, actual, changes) };
  const desiredCount =
    1 +
    desired.channels.length +
    desired.team.members.length +
    desired.channels.reduce((n, c) => n + c.members.length, 0) +
    desired.meetings.length;
  const empty: SyncSummary = {
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: changes.filter((c) => c.action === 'skip').length,
    failed: 0,
  };
  if (mode !== 'apply' || changes.every((c) => c.action === 'skip' || (c.destructive && !options.prune))) {
    const summary = {
      ...empty,
      skipped: changes.filter((c) => c.action === 'skip' || (c.destructive && !options.prune)).length,
      unchanged: Math.max(0, desiredCount - changes.filter((c) => !c.drift).length),
    };
    await store.sync.finishRun(runId, clock.now(), { mode, summary, drift: drift.length, changes: changes.length });
    return { runId, changes, outcomes: [], summary, drift, metrics: graph.metrics(), aborted: false, ...report };
  }
  if (options.confirm && !(await options.confirm(changes))) {
    await store.sync.finishRun(runId, clock.now(), { mode, aborted: true });
    return { runId, changes, outcomes: [], summary: empty, drift, metrics: graph.metrics(), aborted: true, ...report };
  }
  const { outcomes } = await graph.applyChanges(desired, actual, changes, {
    prune: options.prune === true,
    runId,
    records: store.sync,
    now: () => clock.now(),
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
  const results = new Map<string, ChangeResult>(
    outcomes.map((o) => [o.change.id, { status: o.status, ...(o.reason ? { reason: o.reason } : {}) }]),
  );
  const invited = new Set(
    outcomes.flatMap((o) =>
      o.status === 'done' && o.change.apply.op === 'invitePerson' ? [o.change.apply.personId] : [],
    ),
  );
  const after = guests.map((g) =>
    g.state === 'not-invited' && invited.has(g.personId) ? { ...g, state: 'invited' as const } : g,
  );
  await saveGuests(store, desired.programmeId, after, clock.now());
  return {
    runId,
    changes,
    outcomes,
    summary,
    drift,
    metrics: graph.metrics(),
    aborted: false,
    guests: after,
    placements: placements(programme, desired, actual, changes, results),
  };
}

/** Stores where each guest's invitation stands (the tab and the CLI read it from the store). */
async function saveGuests(
  store: Pick<Store, 'guests'>,
  programmeId: string,
  guests: GuestStatus[],
  at: Date,
): Promise<void> {
  await store.guests.save(
    programmeId,
    guests.map((g) => ({ personId: g.personId, state: g.state, ...(g.userId ? { guestUserId: g.userId } : {}) })),
    at,
  );
}
