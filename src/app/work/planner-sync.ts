// Use case: action lists both ways between the store and Microsoft Planner: a plan per werkgroep in the host
// team's group (buckets for the flow, the four K's as categories); Planner is polled (no webhooks, no v1.0
// delta), comparing ETags so an unchanged plan costs one list read; changes go out with the task's own If-Match
// ETag, and a 412 is re-read and merged field by field (src/domain/planner/merge.ts) — nothing either side wrote
// is lost unrecorded. Fields both ways: title, due, assignments, categories, notes (the details' description, read
// with the task list) and status, which Planner shows twice — bucket and percentComplete — read by the rule of
// src/domain/planner/status.ts (when they disagree, the one that moved since both sides last agreed wins) and
// always written so the two agree. Planner itself is the PlannerGraph port (src/adapters/work/planner-graph.ts).
import { createHash } from 'node:crypto';
import {
  KS,
  mergeAction,
  normalise,
  type ActionFields,
  type ActionStatus,
  type FieldName,
  type K,
} from '../../domain/planner/merge.ts';
import { progressFor, showsStatus, statusFromPlanner } from '../../domain/planner/status.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import type { Clock } from '../../domain/time/clock.ts';
import { today } from '../sync.ts';
import type { StoredAction, StoredPlan } from '../../adapters/store/action-records.ts';
import type { Store } from '../../adapters/store/store.ts';

/**
 * A Planner task as Graph returns it (plannerTask), with its ETag; `details` (plannerTaskDetails: description, own
 * ETag) when the read expanded them ($expand=details), absent when it could not.
 */
export type PlannerTask = Record<string, unknown> & {
  id: string;
  '@odata.etag': string;
  details?: { '@odata.etag': string; description?: string | null };
};

/** Why a Planner call failed: the HTTP status, Graph's error code, and whether it was a 409/412 (changed meanwhile). */
interface PlannerFailure {
  status: number;
  code: string;
  conflict: boolean;
}

/**
 * Microsoft Planner in one tenant, as the poll needs it (Graph /planner, v1.0). Calls throw on failure;
 * `failure(err)` says what such an error was (undefined: not a Graph failure, a bug or the network).
 * Writes with an ETag send If-Match and ask for the representation back (Prefer: return=representation).
 */
export interface PlannerGraph {
  plansOfGroup(groupId: string): Promise<{ id: string; title: string }[]>;
  createPlan(groupId: string, title: string): Promise<{ id: string }>;
  buckets(planId: string): Promise<{ id: string; name: string }[]>;
  createBucket(planId: string, name: string): Promise<{ id: string }>;
  /** Names the plan's categories (categoryDescriptions of the plan details). */
  labelCategories(planId: string, labels: Record<string, string>): Promise<void>;
  /** The plan as a tab "Acties" in the channel, the Planner app installed in the team first (idempotent). */
  addTab(groupId: string, channelId: string, planId: string): Promise<void>;
  /** The plan's tasks, each with its details where the service expands them. */
  tasks(planId: string): Promise<PlannerTask[]>;
  /** One task, with its details where the service expands them. */
  task(taskId: string): Promise<PlannerTask>;
  createTask(planId: string, fields: Record<string, unknown>): Promise<PlannerTask>;
  updateTask(taskId: string, etag: string, patch: Record<string, unknown>): Promise<PlannerTask>;
  /**
   * Sets the task details' description; returns the details' new ETag. `etag`: the details' ETag as read (a
   * change since then gives a 409/412 conflict); undefined: read them first.
   */
  setNotes(taskId: string, notes: string, etag?: string): Promise<string>;
  deleteTask(taskId: string, etag: string): Promise<void>;
  failure(err: unknown): PlannerFailure | undefined;
}

export interface PlannerSyncDeps {
  /** Planner in the host tenant (`tenantId`). */
  graph: PlannerGraph;
  store: Store;
  programme: Programme;
  clock: Clock;
  tenantId: string;
  /** The team's id, which is its Microsoft 365 group's id (plans belong to the group). */
  groupId: string;
  /** Host-tenant user id of a person, if they have one there (only they can be assigned in Planner). */
  userIdOf(personId: string): string | undefined;
  personOfUser(userId: string): string | undefined;
}

export interface PollSummary {
  plans: number;
  tasksRead: number;
  fromPlanner: number;
  toPlanner: number;
  created: number;
  deleted: number;
  conflicts: number;
  /** What could not be done, named (e.g. a Planner limit): the werkgroep and a message key; the rest went on. */
  problems: { werkgroep: string; key: string; params: Record<string, string | number> }[];
}

/** Planner's documented limits, as Planner names them in a 403, in words. */
const LIMIT_KEYS: Record<string, string> = {
  MaximumPlannerPlans: 'planner.limit.plans',
  MaximumTasksInProject: 'planner.limit.tasks',
  MaximumActiveTasksInProject: 'planner.limit.activeTasks',
  MaximumBucketsInProject: 'planner.limit.buckets',
  MaximumAssigneesInTasks: 'planner.limit.assignees',
};
const MAX_ASSIGNEES = 20;

const STATUSES: ActionStatus[] = ['open', 'loopt', 'wacht', 'gereed'];
const K_LABELS: Record<K, string> = {
  kwaliteit: 'Kwaliteit',
  kwetsbaarheid: 'Kwetsbaarheid',
  kosten: 'Kosten',
  kansen: 'Kansen',
};
const categoryOf = (k: K) => `category${KS.indexOf(k) + 1}`;

type Task = PlannerTask;

/** A task that kept changing between our read and our write, four times in a row (a 412 each time). */
const KEPT_CHANGING: PlannerFailure = { status: 412, code: 'PreconditionFailed', conflict: true };
class KeptChangingError extends Error {}

/** The plan of a werkgroep: made once (plan, buckets, the K's as category labels), then found in the store. */
async function ensurePlan(d: PlannerSyncDeps, werkgroep: string): Promise<StoredPlan> {
  const known = (await d.store.actions.plans(d.programme.programme.id)).find((p) => p.werkgroep === werkgroep);
  if (known) return known;
  const body = d.programme.bodies.find((b) => b.id === werkgroep);
  const title = body?.name ?? werkgroep;
  // A plan with this title from a run that stopped half-way is taken over, not made twice.
  const existing = await d.graph.plansOfGroup(d.groupId);
  const plan = existing.find((p) => p.title === title) ?? (await d.graph.createPlan(d.groupId, title));
  const buckets: Record<string, string> = {};
  const have = await d.graph.buckets(plan.id);
  const names = d.programme.planner.buckets;
  for (const [i, status] of STATUSES.entries()) {
    const name = names[i] ?? status;
    buckets[status] = have.find((b) => b.name === name)?.id ?? (await d.graph.createBucket(plan.id, name)).id;
  }
  const labels = Object.fromEntries(KS.map((k) => [categoryOf(k), K_LABELS[k]]));
  await d.graph.labelCategories(plan.id, labels);
  await addPlannerTab(d, werkgroep, plan.id);
  const stored: StoredPlan = { werkgroep, tenantId: d.tenantId, planId: plan.id, buckets };
  await d.store.actions.savePlan(d.programme.programme.id, stored, d.clock.now());
  return stored;
}

/** The plan as a tab "Acties" in the werkgroep's channel (when the sync made that channel). */
async function addPlannerTab(d: PlannerSyncDeps, werkgroep: string, planId: string): Promise<void> {
  const channelId = (await d.store.sync.objects(d.programme.programme.id)).find(
    (o) => o.key === `channel:${werkgroep}`,
  )?.graphId;
  if (!channelId) return;
  await d.graph.addTab(d.groupId, channelId, planId);
}

/** The status of the task's bucket (undefined: a bucket that is not one of the four). */
const bucketStatusOf = (task: Task, plan: StoredPlan): ActionStatus | undefined =>
  Object.entries(plan.buckets).find(([, id]) => id === task['bucketId'])?.[0] as ActionStatus | undefined;
const percentOf = (task: Task): number => (typeof task['percentComplete'] === 'number' ? task['percentComplete'] : 0);

/**
 * The action fields as Planner shows them; owners outside the host tenant are kept from the store's side, and so
 * are the notes when the task's details were not read. Status from bucket and progress by the rule of
 * src/domain/planner/status.ts, against `agreed` (the status both sides last agreed on).
 */
function fieldsOf(
  task: Task,
  plan: StoredPlan,
  d: PlannerSyncDeps,
  local: ActionFields | undefined,
  agreed: ActionStatus | undefined,
): ActionFields {
  const status = statusFromPlanner(bucketStatusOf(task, plan), percentOf(task), agreed);
  const applied = (task['appliedCategories'] ?? {}) as Record<string, boolean>;
  const assigned = Object.keys((task['assignments'] ?? {}) as Record<string, unknown>)
    .map((u) => d.personOfUser(u))
    .filter((p): p is string => p !== undefined);
  const elsewhere = (local?.owners ?? []).filter((p) => d.userIdOf(p) === undefined);
  const due = typeof task['dueDateTime'] === 'string' ? task['dueDateTime'].slice(0, 10) : null;
  return normalise({
    title: String(task['title'] ?? ''),
    due,
    status,
    ks: KS.filter((k) => applied[categoryOf(k)] === true),
    owners: [...assigned, ...elsewhere],
    notes: task.details ? (task.details.description ?? '') : (local?.notes ?? ''),
  });
}

/** The task fields to send for the given action fields (only those named). */
function taskPatch(
  f: ActionFields,
  fields: readonly FieldName[],
  plan: StoredPlan,
  d: PlannerSyncDeps,
  before?: Task,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (field === 'title') out['title'] = f.title;
    if (field === 'due') out['dueDateTime'] = f.due ? `${f.due}T00:00:00Z` : null;
    if (field === 'status') {
      // Bucket and progress always agree on what Regiekamer writes (src/domain/planner/status.ts).
      out['bucketId'] = plan.buckets[f.status];
      out['percentComplete'] = progressFor(f.status, before ? percentOf(before) : undefined);
    }
    if (field === 'ks') out['appliedCategories'] = Object.fromEntries(KS.map((k) => [categoryOf(k), f.ks.includes(k)]));
    if (field === 'owners') {
      // Planner takes at most 20 assignees; any further owners stay owners in Regiekamer.
      const wanted = new Set(
        f.owners
          .map((p) => d.userIdOf(p))
          .filter((u): u is string => u !== undefined)
          .slice(0, MAX_ASSIGNEES),
      );
      const had = Object.keys((before?.['assignments'] ?? {}) as Record<string, unknown>);
      const assignments: Record<string, unknown> = {};
      for (const u of wanted)
        if (!had.includes(u)) assignments[u] = { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' };
      for (const u of had) if (!wanted.has(u)) assignments[u] = null;
      out['assignments'] = assignments;
    }
  }
  return out;
}

const PLANS_AT_ONCE = 8;

/** One poll of one werkgroep's plan: read the task list once, merge what changed on either side, write back. */
async function syncWerkgroep(d: PlannerSyncDeps, werkgroep: string, summary: PollSummary): Promise<void> {
  const programmeId = d.programme.programme.id;
  const plan = await ensurePlan(d, werkgroep);
  const tasks = new Map<string, Task>();
  for (const t of await d.graph.tasks(plan.planId)) tasks.set(t.id, t);
  summary.plans++;
  summary.tasksRead += tasks.size;
  const actions = await d.store.actions.list(programmeId, { werkgroep, includeDeleted: true });
  const known = new Set(actions.map((a) => a.taskId).filter(Boolean));
  const now = () => d.clock.now();

  for (const action of actions) {
    if (!action.taskId) {
      if (action.deleted) continue;
      // New through Regiekamer: make its task (and the notes in its details).
      const f = normalise(action.fields);
      let created;
      try {
        created = await d.graph.createTask(plan.planId, {
          planId: plan.planId,
          ...taskPatch(f, ['title', 'due', 'status', 'ks', 'owners'], plan, d),
        });
      } catch (err) {
        const failure = d.graph.failure(err);
        const key = failure?.status === 403 ? LIMIT_KEYS[failure.code] : undefined;
        if (!key) throw err;
        // The action stays in Regiekamer (nothing is lost); the next poll tries again once there is room.
        summary.problems.push({ werkgroep, key, params: { action: action.id } });
        continue;
      }
      let detailsEtag: string | null = null;
      if (f.notes) detailsEtag = await d.graph.setNotes(created.id, f.notes);
      await d.store.actions.save(
        programmeId,
        { ...action, fields: f, base: f, taskId: created.id, taskEtag: created['@odata.etag'], detailsEtag },
        now(),
      );
      summary.created++;
      continue;
    }
    const task = tasks.get(action.taskId);
    if (!task) {
      // Gone from Planner: deleted there. Marked deleted here, never made again.
      if (!action.deleted) {
        await d.store.actions.save(programmeId, { ...action, deleted: true }, now());
        summary.deleted++;
      }
      continue;
    }
    if (action.deleted) {
      await deleteTask(d, action, task);
      summary.deleted++;
      continue;
    }
    // The description lives in the task's details, with an ETag of its own.
    const remoteChanged =
      task['@odata.etag'] !== action.taskEtag ||
      (task.details !== undefined && task.details['@odata.etag'] !== action.detailsEtag);
    const localChanged =
      JSON.stringify(normalise(action.fields)) !== JSON.stringify(normalise(action.base ?? action.fields)) ||
      action.base === null;
    if (!remoteChanged && !localChanged) continue;
    await mergeAndWrite(d, plan, action, task, summary, action.base?.status ?? null);
  }

  // Tasks people made in Planner become actions.
  for (const task of tasks.values()) {
    if (known.has(task.id)) continue;
    const fields = fieldsOf(task, plan, d, undefined, undefined);
    const id = `a-${createHash('sha256').update(task.id).digest('hex').slice(0, 12)}`;
    const made: StoredAction = {
      id,
      werkgroep,
      fields,
      base: fields,
      blockedBy: [],
      origin: null,
      createdOn: today(d.programme, d.clock),
      deleted: false,
      taskId: task.id,
      taskEtag: task['@odata.etag'],
      detailsEtag: task.details?.['@odata.etag'] ?? null,
    };
    await d.store.actions.save(programmeId, made, now());
    summary.fromPlanner++;
    // Made in bucket Gereed at 0 %, or completed in bucket Te doen: the two are made to agree.
    if (!showsStatus(fields.status, bucketStatusOf(task, plan), percentOf(task)))
      await mergeAndWrite(d, plan, made, task, summary, null);
  }
}

async function mergeAndWrite(
  d: PlannerSyncDeps,
  plan: StoredPlan,
  action: StoredAction,
  first: Task,
  summary: PollSummary,
  /** The status both sides last agreed on (null: none yet, a task new from Planner). */
  agreed: ActionStatus | null,
): Promise<void> {
  const programmeId = d.programme.programme.id;
  let task = first;
  for (let attempt = 0; attempt < 4; attempt++) {
    // A task whose own ETag is still the one we agreed on has not moved in Planner: its status is the agreed one,
    // even when bucket and progress disagree (as earlier versions left a task completed outside bucket Gereed).
    const unmoved = agreed !== null && task['@odata.etag'] === action.taskEtag;
    const theirs = {
      ...fieldsOf(task, plan, d, action.fields, agreed ?? undefined),
      ...(unmoved ? { status: agreed } : {}),
    };
    const m = mergeAction(action.base ?? undefined, action.fields, theirs);
    let etag = task['@odata.etag'];
    const toPlanner = m.toPlanner.filter((f) => f !== 'notes');
    // Bucket and progress that disagree in Planner are made to agree on the merged status.
    if (!toPlanner.includes('status') && !showsStatus(m.merged.status, bucketStatusOf(task, plan), percentOf(task)))
      toPlanner.push('status');
    try {
      if (toPlanner.length > 0) {
        const r = await d.graph.updateTask(task.id, etag, taskPatch(m.merged, toPlanner, plan, d, task));
        etag = r['@odata.etag'];
        summary.toPlanner++;
      }
      let detailsEtag = task.details?.['@odata.etag'] ?? action.detailsEtag;
      // Without the details read, Planner's notes are unknown: a change made here is written as it is.
      const notesUnread =
        task.details === undefined && action.base !== null && action.base.notes !== action.fields.notes;
      if (m.toPlanner.includes('notes') || notesUnread) {
        detailsEtag = await d.graph.setNotes(task.id, m.merged.notes, task.details?.['@odata.etag']);
      }
      if (m.toStore.length > 0) summary.fromPlanner++;
      await d.store.actions.save(
        programmeId,
        { ...action, fields: m.merged, base: m.merged, taskEtag: etag, detailsEtag },
        d.clock.now(),
      );
      // Recorded once the merge is written: a merge that had to be redone (412) is recorded as it finally went.
      if (m.conflicts.length > 0) {
        await d.store.actions.recordConflicts(
          programmeId,
          m.conflicts.map((c) => ({ actionId: action.id, ...c })),
          d.clock.now(),
        );
        summary.conflicts += m.conflicts.length;
      }
      return;
    } catch (err) {
      if (!d.graph.failure(err)?.conflict) throw err;
      // Someone changed the task between our read and our write: read it again and merge again.
      task = await d.graph.task(task.id);
    }
  }
  throw new KeptChangingError('the task kept changing while it was merged');
}

async function deleteTask(d: PlannerSyncDeps, action: StoredAction, task: Task): Promise<void> {
  let etag = task['@odata.etag'];
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await d.graph.deleteTask(task.id, etag);
      await d.store.actions.save(d.programme.programme.id, { ...action, taskId: null, taskEtag: null }, d.clock.now());
      return;
    } catch (err) {
      const failure = d.graph.failure(err);
      if (failure?.status === 404) return;
      if (!failure?.conflict) throw err;
      etag = (await d.graph.task(task.id))['@odata.etag'];
    }
  }
}

/** One poll of every werkgroep's plan. */
export async function pollPlanner(d: PlannerSyncDeps): Promise<PollSummary> {
  const summary: PollSummary = {
    plans: 0,
    tasksRead: 0,
    fromPlanner: 0,
    toPlanner: 0,
    created: 0,
    deleted: 0,
    conflicts: 0,
    problems: [],
  };
  // Plans are independent: a few at a time, the gateway's pacing keeping the tenant under its limits.
  const werkgroepen = d.programme.bodies.filter((b) => b.kind === 'werkgroep').map((b) => b.id);
  for (let i = 0; i < werkgroepen.length; i += PLANS_AT_ONCE) {
    await Promise.all(
      werkgroepen.slice(i, i + PLANS_AT_ONCE).map(async (w) => {
        try {
          await syncWerkgroep(d, w, summary);
        } catch (err) {
          // One werkgroep's plan failing (a limit, a tenant that keeps throttling) does not stop the others.
          const failure = err instanceof KeptChangingError ? KEPT_CHANGING : d.graph.failure(err);
          if (!failure) throw err;
          const key = failure.status === 403 ? LIMIT_KEYS[failure.code] : undefined;
          summary.problems.push({
            werkgroep: w,
            key: key ?? 'planner.failed',
            params: { status: failure.status, code: failure.code },
          });
        }
      }),
    );
  }
  return summary;
}
