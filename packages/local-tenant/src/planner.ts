// Planner routes of the local tenant: plans in Microsoft 365 groups, plan details with category labels, buckets,
// tasks and task details. Every item has its own ETag and every change needs it in If-Match (412 when stale);
// the documented limits answer 403 with Planner's limit codes. Also the "person edits a task" hooks for tests.
// The work is done in planner-core, planner-plans and planner-tasks.
import { randomBytes, randomUUID } from 'node:crypto';
import { collection, type Clock, type Entity, type LocalTenantState, type Route, type TenantContext } from './core.ts';
import {
  type Actor,
  badRequest,
  bodyOf,
  C,
  getTask,
  type JsonObject,
  notFound,
  obj,
  userExists,
  viewOf,
} from './planner-core.ts';
import {
  listBuckets,
  listGroupPlans,
  postBucket,
  postGroupPlan,
  postPlan,
  readBucket,
  readPlan,
  readPlanDetails,
  removeBucket,
  removePlan,
  updateBucket,
  updatePlan,
  updatePlanDetails,
} from './planner-plans.ts';
import {
  deleteTaskEntity,
  listTasks,
  patchTask,
  patchTaskDetails,
  postTask,
  readTask,
  readTaskDetails,
  removeTask,
  updateTask,
  updateTaskDetails,
} from './planner-tasks.ts';

export { computeOrderHint, PLANNER_LIMITS } from './planner-core.ts';

// ---------------------------------------------------------------------------------------------------------------
// Routes

export function plannerRoutes(): Route[] {
  return [
    { method: 'POST', pattern: '/planner/plans', handler: postPlan },
    { method: 'GET', pattern: '/groups/{group-id}/planner/plans', handler: listGroupPlans },
    { method: 'POST', pattern: '/groups/{group-id}/planner/plans', handler: postGroupPlan },
    { method: 'GET', pattern: '/planner/plans/{plannerPlan-id}', handler: readPlan },
    { method: 'PATCH', pattern: '/planner/plans/{plannerPlan-id}', handler: updatePlan },
    { method: 'DELETE', pattern: '/planner/plans/{plannerPlan-id}', handler: removePlan },
    { method: 'GET', pattern: '/planner/plans/{plannerPlan-id}/details', handler: readPlanDetails },
    { method: 'PATCH', pattern: '/planner/plans/{plannerPlan-id}/details', handler: updatePlanDetails },
    { method: 'GET', pattern: '/planner/plans/{plannerPlan-id}/buckets', handler: listBuckets },
    { method: 'POST', pattern: '/planner/plans/{plannerPlan-id}/buckets', handler: postBucket },
    { method: 'GET', pattern: '/planner/buckets/{plannerBucket-id}', handler: readBucket },
    { method: 'PATCH', pattern: '/planner/buckets/{plannerBucket-id}', handler: updateBucket },
    { method: 'DELETE', pattern: '/planner/buckets/{plannerBucket-id}', handler: removeBucket },
    { method: 'GET', pattern: '/planner/plans/{plannerPlan-id}/tasks', handler: listTasks },
    { method: 'POST', pattern: '/planner/plans/{plannerPlan-id}/tasks', handler: postTask },
    { method: 'GET', pattern: '/planner/tasks/{plannerTask-id}', handler: readTask },
    { method: 'PATCH', pattern: '/planner/tasks/{plannerTask-id}', handler: updateTask },
    { method: 'DELETE', pattern: '/planner/tasks/{plannerTask-id}', handler: removeTask },
    { method: 'GET', pattern: '/planner/tasks/{plannerTask-id}/details', handler: readTaskDetails },
    { method: 'PATCH', pattern: '/planner/tasks/{plannerTask-id}/details', handler: updateTaskDetails },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// A person working in Planner (for tests of later issues and the local tenant's /_local controls)

export interface PersonEditOptions {
  /** The person (user id) making the change; default: the task's first assignee, else the tenant's first enabled user. */
  userId?: string;
  /** ETag generator; default: a random weak ETag like the server's. */
  newEtag?: () => string;
  /** Called after the change, e.g. to mark the local tenant's state dirty. */
  changed?: () => void;
}

function personContext(state: LocalTenantState, clock: Clock, options: PersonEditOptions): TenantContext {
  return {
    state,
    clock,
    newId: (prefix?: string) => (prefix ? `${prefix}${randomUUID().replaceAll('-', '')}` : randomUUID()),
    newEtag: options.newEtag ?? (() => `W/"${randomBytes(18).toString('base64')}"`),
    baseUrl: '',
    changed: options.changed ?? (() => undefined),
  };
}

function personActor(ctx: TenantContext, tenantId: string, task: Entity, options: PersonEditOptions): Actor {
  const users = Object.values(collection(ctx.state, tenantId, 'users'));
  const id =
    options.userId ??
    Object.keys(obj(task.assignments))[0] ??
    String(users.find((u) => u.accountEnabled !== false)?.id ?? '');
  if (!id || !userExists(ctx, tenantId, id))
    throw badRequest(`No person '${id}' in tenant ${tenantId} to make this change.`);
  return { user: { displayName: null, id } };
}

/**
 * Changes a task the way an edit in the Planner app would: same rules as PATCH (a refused change throws
 * GraphHttpError and changes nothing), a new ETag, the person as completedBy/assignedBy. Returns the task as GET shows it.
 */
export function editTaskAsPerson(
  state: LocalTenantState,
  tenantId: string,
  taskId: string,
  patch: Record<string, unknown>,
  clock: Clock,
  options: PersonEditOptions = {},
): JsonObject {
  const ctx = personContext(state, clock, options);
  const task = getTask(ctx, tenantId, taskId);
  patchTask(ctx, tenantId, task, bodyOf(patch), personActor(ctx, tenantId, task, options));
  ctx.changed();
  return viewOf(task);
}

/** Changes a task's details (description, checklist, references) as a person in the Planner app would. */
export function editTaskDetailsAsPerson(
  state: LocalTenantState,
  tenantId: string,
  taskId: string,
  patch: Record<string, unknown>,
  clock: Clock,
  options: PersonEditOptions = {},
): JsonObject {
  const ctx = personContext(state, clock, options);
  const task = getTask(ctx, tenantId, taskId);
  const details = collection(ctx.state, tenantId, C.taskDetails)[String(task.id)];
  if (!details) throw notFound();
  patchTaskDetails(ctx, tenantId, details, bodyOf(patch), personActor(ctx, tenantId, task, options));
  ctx.changed();
  return viewOf(details);
}

/** Deletes a task as a person in the Planner app would (no ETag asked). */
export function deleteTaskAsPerson(
  state: LocalTenantState,
  tenantId: string,
  taskId: string,
  clock: Clock,
  options: PersonEditOptions = {},
): void {
  const ctx = personContext(state, clock, options);
  const task = getTask(ctx, tenantId, taskId);
  deleteTaskEntity(ctx, tenantId, String(task.id));
  ctx.changed();
}
