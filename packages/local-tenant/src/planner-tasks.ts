// Planner tasks of the local tenant: tasks and task details (assignments, checklist, references) with Planner's
// limits, and their route handlers.
import { collection, type Entity, type TenantContext, type TenantRequest, type TenantResponse } from './core.ts';
import {
  type Actor,
  actorOf,
  badRequest,
  bodyOf,
  C,
  CATEGORIES,
  checkKeys,
  computeOrderHint,
  created,
  dateTime,
  firstHint,
  getPlan,
  getTask,
  graphInstant,
  int,
  isObject,
  type JsonObject,
  limit,
  notFound,
  obj,
  param,
  PLANNER_LIMITS,
  plannerId,
  PREVIEW_TYPES,
  requireIfMatch,
  str,
  tasksOf,
  typedValue,
  userExists,
  viewOf,
  written,
} from './planner-core.ts';

// ---------------------------------------------------------------------------------------------------------------
// Tasks

const TASK_WRITABLE = [
  'bucketId',
  'title',
  'orderHint',
  'assigneePriority',
  'percentComplete',
  'startDateTime',
  'dueDateTime',
  'priority',
  'appliedCategories',
  'assignments',
  'conversationThreadId',
  'previewType',
];
const TASK_SERVICE_SET = [
  'id',
  'createdBy',
  'createdDateTime',
  'completedBy',
  'completedDateTime',
  'hasDescription',
  'referenceCount',
  'checklistItemCount',
  'activeChecklistItemCount',
];

/** Applies a task change (validated first, so a refused change leaves the task as it was). */
function applyTaskChange(
  ctx: TenantContext,
  tenantId: string,
  task: Entity,
  body: Record<string, unknown>,
  actor: Actor,
  creating: boolean,
): void {
  const next: Entity = structuredClone(task);
  const now = graphInstant(ctx.clock.now());
  if (body.title !== undefined) {
    next.title = str(body.title, 'title');
    if (String(next.title).trim() === '') throw badRequest("A task needs a 'title'.");
  }
  if (body.bucketId !== undefined) {
    if (body.bucketId === null) next.bucketId = null;
    else {
      const bucket = collection(ctx.state, tenantId, C.buckets)[str(body.bucketId, 'bucketId')];
      if (!bucket || bucket.planId !== task.planId)
        throw badRequest(`Bucket '${String(body.bucketId)}' is not a bucket of this plan.`);
      next.bucketId = String(bucket.id);
    }
  }
  if (body.orderHint !== undefined || creating) {
    const siblings = tasksOf(ctx, tenantId, String(task.planId)).filter((t) => t.id !== task.id);
    next.orderHint = computeOrderHint(body.orderHint, 'orderHint', firstHint(siblings));
  }
  if (body.assigneePriority !== undefined)
    next.assigneePriority =
      body.assigneePriority === null || body.assigneePriority === ''
        ? ''
        : computeOrderHint(body.assigneePriority, 'assigneePriority');
  if (body.priority !== undefined) next.priority = int(body.priority, 'priority', 0, 10);
  if (body.conversationThreadId !== undefined)
    next.conversationThreadId =
      body.conversationThreadId === null ? null : str(body.conversationThreadId, 'conversationThreadId');
  if (body.previewType !== undefined) next.previewType = previewType(body.previewType);
  if (body.startDateTime !== undefined) next.startDateTime = dateTime(body.startDateTime, 'startDateTime');
  if (body.dueDateTime !== undefined) next.dueDateTime = dateTime(body.dueDateTime, 'dueDateTime');
  if (
    typeof next.startDateTime === 'string' &&
    typeof next.dueDateTime === 'string' &&
    next.startDateTime > next.dueDateTime
  ) {
    throw badRequest('The task would start after it is due (startDateTime is later than dueDateTime).');
  }
  if (body.percentComplete !== undefined) {
    const pct = int(body.percentComplete, 'percentComplete', 0, 100);
    const wasDone = task.percentComplete === 100;
    next.percentComplete = pct;
    if (pct === 100 && !wasDone) {
      next.completedDateTime = now;
      next.completedBy = actor;
    } else if (pct < 100) {
      next.completedDateTime = null;
      next.completedBy = null;
    }
  }
  if (body.appliedCategories !== undefined) {
    if (!isObject(body.appliedCategories)) throw badRequest("'appliedCategories' must be an object.");
    const applied = { ...obj(next.appliedCategories) };
    for (const [key, value] of Object.entries(body.appliedCategories)) {
      if (key.startsWith('@odata.')) continue;
      if (!CATEGORIES.includes(key)) throw badRequest(`'${key}' is not a category; use category1 … category25.`);
      if (value === true) applied[key] = true;
      else if (value === false || value === null) delete applied[key];
      else throw badRequest(`'appliedCategories.${key}' must be true or false.`);
    }
    next.appliedCategories = applied;
  }
  if (body.assignments !== undefined) {
    if (!isObject(body.assignments)) throw badRequest("'assignments' must be an object keyed by user id.");
    const assignments = { ...obj(next.assignments) };
    for (const [userId, value] of Object.entries(body.assignments)) {
      if (userId.startsWith('@odata.')) continue;
      if (value === null) {
        delete assignments[userId];
        continue;
      }
      const a = typedValue(value, 'microsoft.graph.plannerAssignment', `assignments.${userId}`);
      const current = assignments[userId];
      if (current === undefined) {
        if (!userExists(ctx, tenantId, userId))
          throw badRequest(`User '${userId}' does not exist in this tenant and can't be assigned.`);
        if (a.orderHint === undefined) throw badRequest(`'assignments.${userId}.orderHint' is required (e.g. " !").`);
        assignments[userId] = {
          '@odata.type': '#microsoft.graph.plannerAssignment',
          assignedDateTime: now,
          orderHint: computeOrderHint(a.orderHint, `assignments.${userId}.orderHint`),
          assignedBy: actor,
        };
      } else if (a.orderHint !== undefined) {
        assignments[userId] = {
          ...obj(current),
          orderHint: computeOrderHint(a.orderHint, `assignments.${userId}.orderHint`),
        };
      }
    }
    if (Object.keys(assignments).length > PLANNER_LIMITS.assigneesPerTask) {
      throw limit('MaximumAssigneesInTasks', `A task can have at most ${PLANNER_LIMITS.assigneesPerTask} assignees.`);
    }
    next.assignments = assignments;
  }
  const becomesActive = next.percentComplete !== 100 && (creating || task.percentComplete === 100);
  if (becomesActive) {
    const active = tasksOf(ctx, tenantId, String(task.planId)).filter(
      (t) => t.id !== task.id && t.percentComplete !== 100,
    ).length;
    if (active >= PLANNER_LIMITS.activeTasksPerPlan) {
      throw limit(
        'MaximumActiveTasksInProject',
        `The plan already has the maximum number of tasks that are not complete (${PLANNER_LIMITS.activeTasksPerPlan}).`,
      );
    }
  }
  Object.assign(task, next);
}

function previewType(value: unknown): string {
  const found = PREVIEW_TYPES.find((p) => p === value);
  if (!found) throw badRequest(`'previewType' must be one of: ${PREVIEW_TYPES.join(', ')}.`);
  return found;
}

function createTask(
  ctx: TenantContext,
  req: TenantRequest,
  planId: string,
  body: Record<string, unknown>,
): TenantResponse {
  checkKeys(body, 'plannerTask', ['planId', ...TASK_WRITABLE], TASK_SERVICE_SET);
  const plan = getPlan(ctx, req.tenantId, planId);
  if (body.planId !== undefined && body.planId !== plan.id)
    throw badRequest("'planId' does not match the plan in the URL.");
  if (body.title === undefined) throw badRequest("A task needs a 'title'.");
  if (tasksOf(ctx, req.tenantId, String(plan.id)).length >= PLANNER_LIMITS.tasksPerPlan) {
    throw limit(
      'MaximumTasksInProject',
      `The plan already has the maximum number of tasks (${PLANNER_LIMITS.tasksPerPlan}).`,
    );
  }
  const id = plannerId(ctx);
  const actor = actorOf(req);
  const task: Entity = {
    '@odata.etag': '',
    planId: String(plan.id),
    bucketId: null,
    title: '',
    orderHint: '',
    assigneePriority: '',
    percentComplete: 0,
    startDateTime: null,
    createdDateTime: graphInstant(ctx.clock.now()),
    dueDateTime: null,
    hasDescription: false,
    previewType: 'automatic',
    completedDateTime: null,
    completedBy: null,
    referenceCount: 0,
    checklistItemCount: 0,
    activeChecklistItemCount: 0,
    conversationThreadId: null,
    priority: 5,
    id,
    createdBy: actor,
    appliedCategories: {},
    assignments: {},
  };
  applyTaskChange(ctx, req.tenantId, task, body, actor, true);
  task['@odata.etag'] = ctx.newEtag();
  collection(ctx.state, req.tenantId, C.tasks)[id] = task;
  collection(ctx.state, req.tenantId, C.taskDetails)[id] = {
    '@odata.etag': ctx.newEtag(),
    description: '',
    previewType: task.previewType ?? 'automatic',
    id,
    references: {},
    checklist: {},
  };
  ctx.changed();
  return created(task);
}

export function deleteTaskEntity(ctx: TenantContext, tenantId: string, taskId: string): void {
  delete collection(ctx.state, tenantId, C.tasks)[taskId];
  delete collection(ctx.state, tenantId, C.taskDetails)[taskId];
}

/** Changes a task (If-Match already checked); a previewType change shows on its details too. */
export function patchTask(
  ctx: TenantContext,
  tenantId: string,
  task: Entity,
  body: Record<string, unknown>,
  actor: Actor,
): void {
  checkKeys(body, 'plannerTask', [...TASK_WRITABLE, 'planId'], TASK_SERVICE_SET);
  if (body.planId !== undefined && body.planId !== task.planId)
    throw badRequest('A task cannot be moved to another plan.');
  applyTaskChange(ctx, tenantId, task, body, actor, false);
  task['@odata.etag'] = ctx.newEtag();
  const details = collection(ctx.state, tenantId, C.taskDetails)[String(task.id)];
  if (details && body.previewType !== undefined && details.previewType !== task.previewType) {
    details.previewType = task.previewType ?? 'automatic';
    details['@odata.etag'] = ctx.newEtag();
  }
}

const CHECKLIST_TYPE = 'microsoft.graph.plannerChecklistItem';
const REFERENCE_TYPE = 'microsoft.graph.plannerExternalReference';

/** Changes task details (If-Match already checked) and keeps the task's counters, which gives the task a new ETag. */
export function patchTaskDetails(
  ctx: TenantContext,
  tenantId: string,
  details: Entity,
  body: Record<string, unknown>,
  actor: Actor,
): void {
  checkKeys(body, 'plannerTaskDetails', ['description', 'previewType', 'references', 'checklist'], ['id']);
  const next: Entity = structuredClone(details);
  const now = graphInstant(ctx.clock.now());
  if (body.description !== undefined)
    next.description = body.description === null ? '' : str(body.description, 'description', 32_000);
  if (body.previewType !== undefined) next.previewType = previewType(body.previewType);
  if (body.checklist !== undefined) {
    if (!isObject(body.checklist)) throw badRequest("'checklist' must be an object keyed by item id.");
    const checklist = { ...obj(next.checklist) };
    for (const [itemId, value] of Object.entries(body.checklist)) {
      if (itemId.startsWith('@odata.')) continue;
      if (value === null) {
        delete checklist[itemId];
        continue;
      }
      const item = typedValue(value, CHECKLIST_TYPE, `checklist.${itemId}`);
      const current = obj(checklist[itemId]);
      if (checklist[itemId] === undefined && item.title === undefined)
        throw badRequest(`'checklist.${itemId}.title' is required for a new item.`);
      checklist[itemId] = {
        '@odata.type': `#${CHECKLIST_TYPE}`,
        isChecked:
          item.isChecked === undefined
            ? (current.isChecked ?? false)
            : typeof item.isChecked === 'boolean'
              ? item.isChecked
              : badValue(`checklist.${itemId}.isChecked`),
        title: item.title === undefined ? (current.title ?? '') : str(item.title, `checklist.${itemId}.title`, 100),
        orderHint:
          item.orderHint === undefined
            ? (current.orderHint ?? computeOrderHint(undefined, 'orderHint'))
            : computeOrderHint(item.orderHint, `checklist.${itemId}.orderHint`),
        lastModifiedDateTime: now,
        lastModifiedBy: actor,
      };
    }
    if (Object.keys(checklist).length > PLANNER_LIMITS.checklistItemsPerTask) {
      throw limit(
        'MaximumChecklistItemsOnTask',
        `A task can have at most ${PLANNER_LIMITS.checklistItemsPerTask} checklist items.`,
      );
    }
    next.checklist = checklist;
  }
  if (body.references !== undefined) {
    if (!isObject(body.references)) throw badRequest("'references' must be an object keyed by encoded URL.");
    const references = { ...obj(next.references) };
    for (const [url, value] of Object.entries(body.references)) {
      if (url.startsWith('@odata.')) continue;
      // Reference keys are URLs with . : % @ # percent-encoded (OData property names can't hold them).
      if (/[.:@#]/.test(url)) throw badRequest(`Reference key '${url}' must be percent-encoded (. : % @ #).`);
      if (value === null) {
        delete references[url];
        continue;
      }
      const ref = typedValue(value, REFERENCE_TYPE, `references.${url}`);
      const current = obj(references[url]);
      references[url] = {
        '@odata.type': `#${REFERENCE_TYPE}`,
        alias:
          ref.alias === undefined
            ? (current.alias ?? null)
            : ref.alias === null
              ? null
              : str(ref.alias, `references.${url}.alias`),
        type:
          ref.type === undefined
            ? (current.type ?? null)
            : ref.type === null
              ? null
              : str(ref.type, `references.${url}.type`),
        previewPriority:
          ref.previewPriority === undefined
            ? (current.previewPriority ?? computeOrderHint(undefined, 'previewPriority'))
            : computeOrderHint(ref.previewPriority, `references.${url}.previewPriority`),
        lastModifiedDateTime: now,
        lastModifiedBy: actor,
      };
    }
    if (Object.keys(references).length > PLANNER_LIMITS.referencesPerTask) {
      throw limit('MaximumReferencesOnTask', `A task can have at most ${PLANNER_LIMITS.referencesPerTask} references.`);
    }
    next.references = references;
  }
  Object.assign(details, next);
  details['@odata.etag'] = ctx.newEtag();

  const task = collection(ctx.state, tenantId, C.tasks)[String(details.id)];
  if (!task) return;
  const items = Object.values(obj(details.checklist)).map(obj);
  const derived: JsonObject = {
    hasDescription: String(details.description ?? '') !== '',
    referenceCount: Object.keys(obj(details.references)).length,
    checklistItemCount: items.length,
    activeChecklistItemCount: items.filter((i) => i.isChecked !== true).length,
    previewType: details.previewType ?? 'automatic',
  };
  if (Object.entries(derived).some(([k, v]) => task[k] !== v)) {
    Object.assign(task, derived);
    task['@odata.etag'] = ctx.newEtag();
  }
}

function badValue(what: string): never {
  throw badRequest(`'${what}' has a value of the wrong type.`);
}

// ---------------------------------------------------------------------------------------------------------------
// Route handlers: tasks and task details

/**
 * A task as GET shows it; with `$expand=details` its plannerTaskDetails (own ETag) as `details`, the task's
 * `details` relationship (https://learn.microsoft.com/en-us/graph/api/resources/plannertask#relationships).
 */
function taskView(req: TenantRequest, ctx: TenantContext, task: Entity): JsonObject {
  const view = viewOf(task);
  const expand = (req.query.get('$expand') ?? '').split(',').map((s) => s.trim());
  if (!expand.includes('details')) return view;
  const details = collection(ctx.state, req.tenantId, C.taskDetails)[String(task.id)];
  return details ? { ...view, details: viewOf(details) } : view;
}

export function listTasks(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const plan = getPlan(ctx, req.tenantId, param(req, 'plannerPlan-id'));
  return {
    status: 200,
    body: { value: tasksOf(ctx, req.tenantId, String(plan.id)).map((t) => taskView(req, ctx, t)) },
  };
}

export function postTask(req: TenantRequest, ctx: TenantContext): TenantResponse {
  return createTask(ctx, req, param(req, 'plannerPlan-id'), bodyOf(req.body));
}

export function readTask(req: TenantRequest, ctx: TenantContext): TenantResponse {
  return { status: 200, body: taskView(req, ctx, getTask(ctx, req.tenantId, param(req, 'plannerTask-id'))) };
}

export function updateTask(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const task = getTask(ctx, req.tenantId, param(req, 'plannerTask-id'));
  requireIfMatch(req, task);
  patchTask(ctx, req.tenantId, task, bodyOf(req.body), actorOf(req));
  ctx.changed();
  return written(req, task);
}

export function removeTask(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const task = getTask(ctx, req.tenantId, param(req, 'plannerTask-id'));
  requireIfMatch(req, task);
  deleteTaskEntity(ctx, req.tenantId, String(task.id));
  ctx.changed();
  return { status: 204 };
}

export function readTaskDetails(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const task = getTask(ctx, req.tenantId, param(req, 'plannerTask-id'));
  const details = collection(ctx.state, req.tenantId, C.taskDetails)[String(task.id)];
  if (!details) throw notFound();
  return { status: 200, body: viewOf(details) };
}

export function updateTaskDetails(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const task = getTask(ctx, req.tenantId, param(req, 'plannerTask-id'));
  const details = collection(ctx.state, req.tenantId, C.taskDetails)[String(task.id)];
  if (!details) throw notFound();
  requireIfMatch(req, details);
  patchTaskDetails(ctx, req.tenantId, details, bodyOf(req.body), actorOf(req));
  ctx.changed();
  return written(req, details);
}
