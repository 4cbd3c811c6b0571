// Planner routes of the local tenant: plans in Microsoft 365 groups, plan details with category labels, buckets,
// tasks and task details. Every item has its own ETag and every change needs it in If-Match (412 when stale);
// the documented limits answer 403 with Planner's limit codes. Also the "person edits a task" hooks for tests.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { collection, GraphHttpError, type Clock, type Entity, type Json, type LocalTenantState, type Route, type TenantContext, type TenantRequest, type TenantResponse } from './core.ts';

type JsonObject = { [key: string]: Json };

/** Planner's documented limits (docs/platform.md#planner). */
export const PLANNER_LIMITS = {
  plansPerGroup: 200,
  bucketsPerPlan: 200,
  tasksPerPlan: 9000,
  activeTasksPerPlan: 2400,
  assigneesPerTask: 20,
  checklistItemsPerTask: 20,
  referencesPerTask: 10,
} as const;

const CATEGORIES = Array.from({ length: 25 }, (_, i) => `category${i + 1}`);
const PREVIEW_TYPES = ['automatic', 'noPreview', 'checklist', 'description', 'reference'] as const;
const GRAPH_GROUPS = 'https://graph.microsoft.com/v1.0/groups/';
const C = { plans: 'plannerPlans', planDetails: 'plannerPlanDetails', buckets: 'plannerBuckets', tasks: 'plannerTasks', taskDetails: 'plannerTaskDetails' } as const;

/** Who made a change: an identitySet as Planner writes it in createdBy, completedBy, assignedBy. */
type Actor = JsonObject;

// ---------------------------------------------------------------------------------------------------------------
// Errors and readers

function badRequest(message: string): GraphHttpError {
  return new GraphHttpError(400, 'BadRequest', message);
}

function notFound(): GraphHttpError {
  return new GraphHttpError(404, 'NotFound', 'The requested item is not found.');
}

function limit(code: string, message: string): GraphHttpError {
  return new GraphHttpError(403, code, message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bodyOf(body: unknown): Record<string, unknown> {
  if (!isObject(body)) throw badRequest('The request body must be a JSON object.');
  const props = Object.keys(body).filter((k) => !k.startsWith('@odata.'));
  if (props.length === 0) throw badRequest('The request does not contain any properties.');
  return body;
}

/** Rejects properties the type does not have or that cannot be written here; service-set ones are ignored. */
function checkKeys(body: Record<string, unknown>, type: string, writable: string[], serviceSet: string[]): void {
  for (const key of Object.keys(body)) {
    if (key.startsWith('@odata.') || writable.includes(key) || serviceSet.includes(key)) continue;
    throw badRequest(`The property '${key}' can't be written on type 'microsoft.graph.${type}' here.`);
  }
}

function str(value: unknown, what: string, max = 255): string {
  if (typeof value !== 'string') throw badRequest(`'${what}' must be a string.`);
  if (value.length > max) throw badRequest(`'${what}' is longer than ${max} characters.`);
  return value;
}

function int(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw badRequest(`'${what}' must be a whole number from ${min} to ${max}.`);
  return value;
}

/** Planner date-times carry an offset; they come back in UTC. null clears. */
function dateTime(value: unknown, what: string): string | null {
  if (value === null) return null;
  const s = str(value, what, 64);
  const at = /(Z|[+-]\d{2}:\d{2})$/.test(s) ? DateTime.fromISO(s, { setZone: true }) : undefined;
  if (!at?.isValid) throw badRequest(`'${what}' must be an ISO 8601 date and time with a time zone offset, e.g. 2026-03-01T10:00:00Z.`);
  return at.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
}

function typedValue(value: unknown, type: string, what: string): Record<string, unknown> {
  if (!isObject(value)) throw badRequest(`'${what}' must be an object of type '${type}' or null.`);
  const odataType = value['@odata.type'];
  if (typeof odataType !== 'string' || odataType.replace(/^#/, '').toLowerCase() !== type.toLowerCase()) {
    throw badRequest(`'${what}' must declare "@odata.type": "#${type}".`);
  }
  return value;
}

function obj(value: Json | undefined): JsonObject {
  return isObject(value) ? (value as JsonObject) : {};
}

function graphInstant(date: Date): string {
  return date.toISOString().replace('Z', '0000Z');
}

function actorOf(req: TenantRequest): Actor {
  return req.userId ? { user: { displayName: null, id: req.userId } } : { application: { displayName: null, id: req.appId } };
}

/** Planner ids are 28 URL-safe characters. */
function plannerId(ctx: TenantContext): string {
  return createHash('sha256').update(ctx.newId()).digest('base64url').slice(0, 28);
}

function viewOf(entity: Entity): JsonObject {
  const out: JsonObject = { '@odata.etag': entity['@odata.etag'] ?? null };
  for (const [k, v] of Object.entries(entity)) if (!k.startsWith('_') && k !== '@odata.etag') out[k] = v;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Order hints ("prev next!" in, a service-computed string out; ordinal order)

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HINT = /^[0-9A-Za-z]*$/;

/** A string strictly between a and b in ordinal order (b null: no upper bound); fractional indexing in base 62. */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0;
    while ((a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const digitA = a ? DIGITS.indexOf(a[0] as string) : 0;
  const digitB = b !== null ? DIGITS.indexOf(b[0] as string) : DIGITS.length;
  if (digitB - digitA > 1) return DIGITS[Math.round(0.5 * (digitA + digitB))] as string;
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return (DIGITS[digitA] as string) + midpoint(a.slice(1), null);
}

/**
 * The hint the service stores for a client's "prev next!" (either side may be empty). A value the service
 * returned, sent back as is, is refused like the real service does.
 */
export function computeOrderHint(input: unknown, what: string, firstExisting?: string): string {
  if (input === undefined || input === null) return midpoint('', firstExisting ?? null);
  const s = str(input, what, 200);
  const m = /^(\S*) (\S*)!$/.exec(s);
  const prev = m?.[1] ?? '';
  const next = m?.[2] ?? '';
  const valid = (h: string) => HINT.test(h) && !h.endsWith('0');
  if (!m || !valid(prev) || !valid(next) || (prev !== '' && next !== '' && prev >= next)) {
    throw badRequest(`'${what}' must have the format "<previous hint> <next hint>!" (see Planner order hints); got '${s}'.`);
  }
  if (prev === '' && next === '') return midpoint('', firstExisting ?? null);
  return midpoint(prev, next === '' ? null : next);
}

function firstHint(items: Entity[]): string | undefined {
  const hints = items.map((i) => String(i.orderHint ?? '')).filter((h) => h !== '').sort();
  return hints[0];
}

// ---------------------------------------------------------------------------------------------------------------
// ETags

/** Planner needs the item's current ETag on every change; `*` would hide concurrent edits and is refused. */
function requireIfMatch(req: TenantRequest, item: Entity): void {
  const header = req.headers['if-match']?.trim();
  if (header === undefined || header === '') {
    throw new GraphHttpError(428, 'PreconditionRequired', "This request needs an 'If-Match' header with the item's current @odata.etag.");
  }
  if (header === '*') throw badRequest("'If-Match: *' is not accepted; send the item's current @odata.etag.");
  const given = header.split(',').map((s) => s.trim());
  if (!given.includes(String(item['@odata.etag']))) {
    throw new GraphHttpError(412, 'PreconditionFailed', 'The If-Match header does not match the current ETag of the item; read it again and retry.');
  }
}

/** 204 by default; 200 with the item when the caller asked `Prefer: return=representation`. */
function written(req: TenantRequest, item: Entity): TenantResponse {
  if (/return\s*=\s*representation/i.test(req.headers.prefer ?? '')) {
    return { status: 200, headers: { ETag: String(item['@odata.etag']), 'Preference-Applied': 'return=representation' }, body: viewOf(item) };
  }
  return { status: 204, headers: { ETag: String(item['@odata.etag']) } };
}

function created(item: Entity): TenantResponse {
  return { status: 201, headers: { ETag: String(item['@odata.etag']) }, body: viewOf(item) };
}

// ---------------------------------------------------------------------------------------------------------------
// Look-ups

function group(ctx: TenantContext, tenantId: string, groupId: string): Entity | undefined {
  const groups = collection(ctx.state, tenantId, 'groups');
  const key = groupId.toLowerCase();
  return groups[groupId] ?? Object.values(groups).find((g) => String(g.id).toLowerCase() === key);
}

/** A plan whose group still exists (plans go with their group, as in the real service). */
function getPlan(ctx: TenantContext, tenantId: string, planId: string): Entity {
  const plan = collection(ctx.state, tenantId, C.plans)[planId];
  if (!plan || !group(ctx, tenantId, String(plan.owner))) throw notFound();
  return plan;
}

function getBucket(ctx: TenantContext, tenantId: string, bucketId: string): Entity {
  const bucket = collection(ctx.state, tenantId, C.buckets)[bucketId];
  if (!bucket) throw notFound();
  getPlan(ctx, tenantId, String(bucket.planId));
  return bucket;
}

function getTask(ctx: TenantContext, tenantId: string, taskId: string): Entity {
  const task = collection(ctx.state, tenantId, C.tasks)[taskId];
  if (!task) throw notFound();
  getPlan(ctx, tenantId, String(task.planId));
  return task;
}

function tasksOf(ctx: TenantContext, tenantId: string, planId: string): Entity[] {
  return Object.values(collection(ctx.state, tenantId, C.tasks)).filter((t) => t.planId === planId);
}

function bucketsOf(ctx: TenantContext, tenantId: string, planId: string): Entity[] {
  return Object.values(collection(ctx.state, tenantId, C.buckets)).filter((b) => b.planId === planId);
}

function userExists(ctx: TenantContext, tenantId: string, userId: string): boolean {
  const key = userId.toLowerCase();
  return Object.values(collection(ctx.state, tenantId, 'users')).some((u) => String(u.id).toLowerCase() === key);
}

// ---------------------------------------------------------------------------------------------------------------
// Plans

function containerGroupId(body: Record<string, unknown>): string {
  if (body.container !== undefined) {
    if (!isObject(body.container)) throw badRequest("'container' must be an object.");
    const c = body.container;
    for (const key of Object.keys(c)) if (!['url', 'containerId', 'type', '@odata.type'].includes(key)) throw badRequest(`The property '${key}' does not exist on type 'microsoft.graph.plannerPlanContainer'.`);
    if (c.type !== undefined && c.type !== 'group') throw badRequest(`Container type '${String(c.type)}' is not supported here; plans belong to a Microsoft 365 group.`);
    if (typeof c.url === 'string') {
      const m = /\/groups(?:\/|\(')([0-9a-fA-F-]{36})/.exec(c.url);
      if (!m?.[1]) throw badRequest(`'container.url' must be a group URL such as ${GRAPH_GROUPS}{group-id}.`);
      return m[1];
    }
    if (typeof c.containerId === 'string' && c.type === 'group') return c.containerId;
    throw badRequest("'container' needs a 'url', or a 'containerId' with type 'group'.");
  }
  if (typeof body.owner === 'string') return body.owner;
  throw badRequest("A plan needs a 'container' (its Microsoft 365 group).");
}

function createPlan(ctx: TenantContext, req: TenantRequest, body: Record<string, unknown>, groupFromPath?: string): TenantResponse {
  checkKeys(body, 'plannerPlan', ['title', 'container', 'owner'], ['id', 'createdBy', 'createdDateTime']);
  const groupId = groupFromPath ?? containerGroupId(body);
  const g = group(ctx, req.tenantId, groupId);
  if (!g) throw notFound();
  if (!(Array.isArray(g.groupTypes) && g.groupTypes.includes('Unified'))) throw badRequest('Plans can only be created in Microsoft 365 (Unified) groups.');
  const gid = String(g.id);
  const plans = collection(ctx.state, req.tenantId, C.plans);
  if (Object.values(plans).filter((p) => p.owner === gid).length >= PLANNER_LIMITS.plansPerGroup) {
    throw limit('MaximumPlannerPlans', `The group already contains the maximum number of plans (${PLANNER_LIMITS.plansPerGroup}).`);
  }
  const title = str(body.title, 'title');
  if (title.trim() === '') throw badRequest("A plan needs a 'title'.");
  const id = plannerId(ctx);
  const plan: Entity = {
    '@odata.etag': ctx.newEtag(),
    createdDateTime: graphInstant(ctx.clock.now()),
    owner: gid,
    title,
    id,
    createdBy: actorOf(req),
    container: { '@odata.type': '#microsoft.graph.plannerPlanContainer', url: `${GRAPH_GROUPS}${gid}`, containerId: gid, type: 'group' },
  };
  plans[id] = plan;
  const categoryDescriptions: JsonObject = {};
  for (const c of CATEGORIES) categoryDescriptions[c] = null;
  collection(ctx.state, req.tenantId, C.planDetails)[id] = { '@odata.etag': ctx.newEtag(), id, sharedWith: {}, categoryDescriptions };
  ctx.changed();
  return created(plan);
}

function deletePlan(ctx: TenantContext, tenantId: string, planId: string): void {
  for (const task of tasksOf(ctx, tenantId, planId)) deleteTaskEntity(ctx, tenantId, String(task.id));
  for (const bucket of bucketsOf(ctx, tenantId, planId)) delete collection(ctx.state, tenantId, C.buckets)[String(bucket.id)];
  delete collection(ctx.state, tenantId, C.planDetails)[planId];
  delete collection(ctx.state, tenantId, C.plans)[planId];
}

function patchPlanDetails(details: Entity, body: Record<string, unknown>): void {
  checkKeys(body, 'plannerPlanDetails', ['categoryDescriptions', 'sharedWith'], ['id']);
  if (body.categoryDescriptions !== undefined) {
    if (!isObject(body.categoryDescriptions)) throw badRequest("'categoryDescriptions' must be an object.");
    const labels = { ...obj(details.categoryDescriptions) };
    for (const [key, value] of Object.entries(body.categoryDescriptions)) {
      if (key.startsWith('@odata.')) continue;
      if (!CATEGORIES.includes(key)) throw badRequest(`'${key}' is not a category; use category1 … category25.`);
      labels[key] = value === null ? null : str(value, `categoryDescriptions.${key}`);
    }
    details.categoryDescriptions = labels;
  }
  if (body.sharedWith !== undefined) {
    if (!isObject(body.sharedWith)) throw badRequest("'sharedWith' must be an object.");
    const shared = { ...obj(details.sharedWith) };
    for (const [userId, value] of Object.entries(body.sharedWith)) {
      if (userId.startsWith('@odata.')) continue;
      if (value === false || value === null) delete shared[userId];
      else if (value === true) shared[userId] = true;
      else throw badRequest(`'sharedWith.${userId}' must be true or false.`);
    }
    details.sharedWith = shared;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Buckets

function createBucket(ctx: TenantContext, req: TenantRequest, planId: string, body: Record<string, unknown>): TenantResponse {
  checkKeys(body, 'plannerBucket', ['name', 'planId', 'orderHint'], ['id']);
  const plan = getPlan(ctx, req.tenantId, planId);
  if (body.planId !== undefined && body.planId !== plan.id) throw badRequest("'planId' does not match the plan in the URL.");
  const existing = bucketsOf(ctx, req.tenantId, String(plan.id));
  if (existing.length >= PLANNER_LIMITS.bucketsPerPlan) {
    throw limit('MaximumBucketsInProject', `The plan already has the maximum number of buckets (${PLANNER_LIMITS.bucketsPerPlan}).`);
  }
  const name = str(body.name, 'name');
  if (name.trim() === '') throw badRequest("A bucket needs a 'name'.");
  const id = plannerId(ctx);
  const bucket: Entity = {
    '@odata.etag': ctx.newEtag(), name, planId: String(plan.id), orderHint: computeOrderHint(body.orderHint, 'orderHint', firstHint(existing)), id,
  };
  collection(ctx.state, req.tenantId, C.buckets)[id] = bucket;
  ctx.changed();
  return created(bucket);
}

// ---------------------------------------------------------------------------------------------------------------
// Tasks

const TASK_WRITABLE = ['bucketId', 'title', 'orderHint', 'assigneePriority', 'percentComplete', 'startDateTime', 'dueDateTime', 'priority', 'appliedCategories', 'assignments', 'conversationThreadId', 'previewType'];
const TASK_SERVICE_SET = ['id', 'createdBy', 'createdDateTime', 'completedBy', 'completedDateTime', 'hasDescription', 'referenceCount', 'checklistItemCount', 'activeChecklistItemCount'];

/** Applies a task change (validated first, so a refused change leaves the task as it was). */
function applyTaskChange(ctx: TenantContext, tenantId: string, task: Entity, body: Record<string, unknown>, actor: Actor, creating: boolean): void {
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
      if (!bucket || bucket.planId !== task.planId) throw badRequest(`Bucket '${String(body.bucketId)}' is not a bucket of this plan.`);
      next.bucketId = String(bucket.id);
    }
  }
  if (body.orderHint !== undefined || creating) {
    const siblings = tasksOf(ctx, tenantId, String(task.planId)).filter((t) => t.id !== task.id);
    next.orderHint = computeOrderHint(body.orderHint, 'orderHint', firstHint(siblings));
  }
  if (body.assigneePriority !== undefined) next.assigneePriority = body.assigneePriority === null || body.assigneePriority === '' ? '' : computeOrderHint(body.assigneePriority, 'assigneePriority');
  if (body.priority !== undefined) next.priority = int(body.priority, 'priority', 0, 10);
  if (body.conversationThreadId !== undefined) next.conversationThreadId = body.conversationThreadId === null ? null : str(body.conversationThreadId, 'conversationThreadId');
  if (body.previewType !== undefined) next.previewType = previewType(body.previewType);
  if (body.startDateTime !== undefined) next.startDateTime = dateTime(body.startDateTime, 'startDateTime');
  if (body.dueDateTime !== undefined) next.dueDateTime = dateTime(body.dueDateTime, 'dueDateTime');
  if (typeof next.startDateTime === 'string' && typeof next.dueDateTime === 'string' && next.startDateTime > next.dueDateTime) {
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
        if (!userExists(ctx, tenantId, userId)) throw badRequest(`User '${userId}' does not exist in this tenant and can't be assigned.`);
        if (a.orderHint === undefined) throw badRequest(`'assignments.${userId}.orderHint' is required (e.g. " !").`);
        assignments[userId] = {
          '@odata.type': '#microsoft.graph.plannerAssignment', assignedDateTime: now, orderHint: computeOrderHint(a.orderHint, `assignments.${userId}.orderHint`), assignedBy: actor,
        };
      } else if (a.orderHint !== undefined) {
        assignments[userId] = { ...obj(current), orderHint: computeOrderHint(a.orderHint, `assignments.${userId}.orderHint`) };
      }
    }
    if (Object.keys(assignments).length > PLANNER_LIMITS.assigneesPerTask) {
      throw limit('MaximumAssigneesInTasks', `A task can have at most ${PLANNER_LIMITS.assigneesPerTask} assignees.`);
    }
    next.assignments = assignments;
  }
  const becomesActive = next.percentComplete !== 100 && (creating || task.percentComplete === 100);
  if (becomesActive) {
    const active = tasksOf(ctx, tenantId, String(task.planId)).filter((t) => t.id !== task.id && t.percentComplete !== 100).length;
    if (active >= PLANNER_LIMITS.activeTasksPerPlan) {
      throw limit('MaximumActiveTasksInProject', `The plan already has the maximum number of tasks that are not complete (${PLANNER_LIMITS.activeTasksPerPlan}).`);
    }
  }
  Object.assign(task, next);
}

function previewType(value: unknown): string {
  const found = PREVIEW_TYPES.find((p) => p === value);
  if (!found) throw badRequest(`'previewType' must be one of: ${PREVIEW_TYPES.join(', ')}.`);
  return found;
}

function createTask(ctx: TenantContext, req: TenantRequest, planId: string, body: Record<string, unknown>): TenantResponse {
  checkKeys(body, 'plannerTask', ['planId', ...TASK_WRITABLE], TASK_SERVICE_SET);
  const plan = getPlan(ctx, req.tenantId, planId);
  if (body.planId !== undefined && body.planId !== plan.id) throw badRequest("'planId' does not match the plan in the URL.");
  if (body.title === undefined) throw badRequest("A task needs a 'title'.");
  if (tasksOf(ctx, req.tenantId, String(plan.id)).length >= PLANNER_LIMITS.tasksPerPlan) {
    throw limit('MaximumTasksInProject', `The plan already has the maximum number of tasks (${PLANNER_LIMITS.tasksPerPlan}).`);
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
    '@odata.etag': ctx.newEtag(), description: '', previewType: task.previewType ?? 'automatic', id, references: {}, checklist: {},
  };
  ctx.changed();
  return created(task);
}

function deleteTaskEntity(ctx: TenantContext, tenantId: string, taskId: string): void {
  delete collection(ctx.state, tenantId, C.tasks)[taskId];
  delete collection(ctx.state, tenantId, C.taskDetails)[taskId];
}

/** Changes a task (If-Match already checked); a previewType change shows on its details too. */
function patchTask(ctx: TenantContext, tenantId: string, task: Entity, body: Record<string, unknown>, actor: Actor): void {
  checkKeys(body, 'plannerTask', [...TASK_WRITABLE, 'planId'], TASK_SERVICE_SET);
  if (body.planId !== undefined && body.planId !== task.planId) throw badRequest('A task cannot be moved to another plan.');
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
function patchTaskDetails(ctx: TenantContext, tenantId: string, details: Entity, body: Record<string, unknown>, actor: Actor): void {
  checkKeys(body, 'plannerTaskDetails', ['description', 'previewType', 'references', 'checklist'], ['id']);
  const next: Entity = structuredClone(details);
  const now = graphInstant(ctx.clock.now());
  if (body.description !== undefined) next.description = body.description === null ? '' : str(body.description, 'description', 32_000);
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
      if (checklist[itemId] === undefined && item.title === undefined) throw badRequest(`'checklist.${itemId}.title' is required for a new item.`);
      checklist[itemId] = {
        '@odata.type': `#${CHECKLIST_TYPE}`,
        isChecked: item.isChecked === undefined ? (current.isChecked ?? false) : typeof item.isChecked === 'boolean' ? item.isChecked : badValue(`checklist.${itemId}.isChecked`),
        title: item.title === undefined ? (current.title ?? '') : str(item.title, `checklist.${itemId}.title`, 100),
        orderHint: item.orderHint === undefined ? (current.orderHint ?? computeOrderHint(undefined, 'orderHint')) : computeOrderHint(item.orderHint, `checklist.${itemId}.orderHint`),
        lastModifiedDateTime: now,
        lastModifiedBy: actor,
      };
    }
    if (Object.keys(checklist).length > PLANNER_LIMITS.checklistItemsPerTask) {
      throw limit('MaximumChecklistItemsOnTask', `A task can have at most ${PLANNER_LIMITS.checklistItemsPerTask} checklist items.`);
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
        alias: ref.alias === undefined ? (current.alias ?? null) : ref.alias === null ? null : str(ref.alias, `references.${url}.alias`),
        type: ref.type === undefined ? (current.type ?? null) : ref.type === null ? null : str(ref.type, `references.${url}.type`),
        previewPriority: ref.previewPriority === undefined ? (current.previewPriority ?? computeOrderHint(undefined, 'previewPriority')) : computeOrderHint(ref.previewPriority, `references.${url}.previewPriority`),
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
// Routes

export function plannerRoutes(): Route[] {
  const param = (req: TenantRequest, name: string) => req.params[name] ?? '';
  return [
    {
      method: 'POST', pattern: '/planner/plans',
      handler: (req, ctx) => createPlan(ctx, req, bodyOf(req.body)),
    },
    {
      method: 'GET', pattern: '/groups/{group-id}/planner/plans',
      handler: (req, ctx) => {
        const g = group(ctx, req.tenantId, param(req, 'group-id'));
        if (!g) throw new GraphHttpError(404, 'Request_ResourceNotFound', `Resource '${param(req, 'group-id')}' does not exist or one of its queried reference-property objects are not present.`);
        const plans = Object.values(collection(ctx.state, req.tenantId, C.plans)).filter((p) => p.owner === g.id);
        return { status: 200, body: { value: plans.map(viewOf) } };
      },
    },
    {
      method: 'POST', pattern: '/groups/{group-id}/planner/plans',
      handler: (req, ctx) => createPlan(ctx, req, bodyOf(req.body), param(req, 'group-id')),
    },
    {
      method: 'GET', pattern: '/planner/plans/{plannerPlan-id}',
      handler: (req, ctx) => ({ status: 200, body: viewOf(getPlan(ctx, req.tenantId, param(req, 'plannerPlan-id'))) }),
    },
    {
      method: 'PATCH', pattern: '/planner/plans/{plannerPlan-id}',
      handler: (req, ctx) => {
        const plan = getPlan(ctx, req.tenantId, param(req, 'plannerPlan-id'));
        requireIfMatch(req, plan);
        const body = bodyOf(req.body);
        checkKeys(body, 'plannerPlan', ['title'], ['id', 'createdBy', 'createdDateTime', 'owner', 'container']);
        if (body.title !== undefined) {
          const title = str(body.title, 'title');
          if (title.trim() === '') throw badRequest("A plan needs a 'title'.");
          plan.title = title;
        }
        plan['@odata.etag'] = ctx.newEtag();
        ctx.changed();
        return written(req, plan);
      },
    },
    {
      method: 'DELETE', pattern: '/planner/plans/{plannerPlan-id}',
      handler: (req, ctx) => {
        const plan = getPlan(ctx, req.tenantId, param(req, 'plannerPlan-id'));
        requireIfMatch(req, plan);
        deletePlan(ctx, req.tenantId, String(plan.id));
        ctx.changed();
        return { status: 204 };
      },
    },
    {
      method: 'GET', pattern: '/planner/plans/{plannerPlan-id}/details',
      handler: (req, ctx) => {
        const plan = getPlan(ctx, req.tenantId, param(req, 'plannerPlan-id'));
        const details = collection(ctx.state, req.tenantId, C.planDetails)[String(plan.id)];
        if (!details) throw notFound();
        return { status: 200, body: viewOf(details) };
      },
    },
    {
      method: 'PATCH', pattern: '/planner/plans/{plannerPlan-id}/details',
      handler: (req, ctx) => {
        const plan = getPlan(ctx, req.tenantId, param(req, 'plannerPlan-id'));
        const details = collection(ctx.state, req.tenantId, C.planDetails)[String(plan.id)];
        if (!details) throw notFound();
        requireIfMatch(req, details);
        patchPlanDetails(details, bodyOf(req.body));
        details['@odata.etag'] = ctx.newEtag();
        ctx.changed();
        return written(req, details);
      },
    },
    {
      method: 'GET', pattern: '/planner/plans/{plannerPlan-id}/buckets',
      handler: (req, ctx) => {
        const plan = getPlan(ctx, req.tenantId, param(req, 'plannerPlan-id'));
        return { status: 200, body: { value: bucketsOf(ctx, req.tenantId, String(plan.id)).map(viewOf) } };
      },
    },
    {
      method: 'POST', pattern: '/planner/plans/{plannerPlan-id}/buckets',
      handler: (req, ctx) => createBucket(ctx, req, param(req, 'plannerPlan-id'), bodyOf(req.body)),
    },
    {
      method: 'GET', pattern: '/planner/buckets/{plannerBucket-id}',
      handler: (req, ctx) => ({ status: 200, body: viewOf(getBucket(ctx, req.tenantId, param(req, 'plannerBucket-id'))) }),
    },
    {
      method: 'PATCH', pattern: '/planner/buckets/{plannerBucket-id}',
      handler: (req, ctx) => {
        const bucket = getBucket(ctx, req.tenantId, param(req, 'plannerBucket-id'));
        requireIfMatch(req, bucket);
        const body = bodyOf(req.body);
        checkKeys(body, 'plannerBucket', ['name', 'orderHint'], ['id', 'planId']);
        if (body.planId !== undefined && body.planId !== bucket.planId) throw badRequest('A bucket cannot be moved to another plan.');
        const name = body.name === undefined ? String(bucket.name) : str(body.name, 'name');
        if (name.trim() === '') throw badRequest("A bucket needs a 'name'.");
        const orderHint = body.orderHint === undefined ? bucket.orderHint ?? '' : computeOrderHint(body.orderHint, 'orderHint');
        Object.assign(bucket, { name, orderHint, '@odata.etag': ctx.newEtag() });
        ctx.changed();
        return written(req, bucket);
      },
    },
    {
      method: 'DELETE', pattern: '/planner/buckets/{plannerBucket-id}',
      handler: (req, ctx) => {
        const bucket = getBucket(ctx, req.tenantId, param(req, 'plannerBucket-id'));
        requireIfMatch(req, bucket);
        // Deleting a bucket deletes its tasks, as in Planner.
        for (const task of tasksOf(ctx, req.tenantId, String(bucket.planId))) if (task.bucketId === bucket.id) deleteTaskEntity(ctx, req.tenantId, String(task.id));
        delete collection(ctx.state, req.tenantId, C.buckets)[String(bucket.id)];
        ctx.changed();
        return { status: 204 };
      },
    },
    {
      method: 'GET', pattern: '/planner/plans/{plannerPlan-id}/tasks',
      handler: (req, ctx) => {
        const plan = getPlan(ctx, req.tenantId, param(req, 'plannerPlan-id'));
        return { status: 200, body: { value: tasksOf(ctx, req.tenantId, String(plan.id)).map(viewOf) } };
      },
    },
    {
      method: 'POST', pattern: '/planner/plans/{plannerPlan-id}/tasks',
      handler: (req, ctx) => createTask(ctx, req, param(req, 'plannerPlan-id'), bodyOf(req.body)),
    },
    {
      method: 'GET', pattern: '/planner/tasks/{plannerTask-id}',
      handler: (req, ctx) => ({ status: 200, body: viewOf(getTask(ctx, req.tenantId, param(req, 'plannerTask-id'))) }),
    },
    {
      method: 'PATCH', pattern: '/planner/tasks/{plannerTask-id}',
      handler: (req, ctx) => {
        const task = getTask(ctx, req.tenantId, param(req, 'plannerTask-id'));
        requireIfMatch(req, task);
        patchTask(ctx, req.tenantId, task, bodyOf(req.body), actorOf(req));
        ctx.changed();
        return written(req, task);
      },
    },
    {
      method: 'DELETE', pattern: '/planner/tasks/{plannerTask-id}',
      handler: (req, ctx) => {
        const task = getTask(ctx, req.tenantId, param(req, 'plannerTask-id'));
        requireIfMatch(req, task);
        deleteTaskEntity(ctx, req.tenantId, String(task.id));
        ctx.changed();
        return { status: 204 };
      },
    },
    {
      method: 'GET', pattern: '/planner/tasks/{plannerTask-id}/details',
      handler: (req, ctx) => {
        const task = getTask(ctx, req.tenantId, param(req, 'plannerTask-id'));
        const details = collection(ctx.state, req.tenantId, C.taskDetails)[String(task.id)];
        if (!details) throw notFound();
        return { status: 200, body: viewOf(details) };
      },
    },
    {
      method: 'PATCH', pattern: '/planner/tasks/{plannerTask-id}/details',
      handler: (req, ctx) => {
        const task = getTask(ctx, req.tenantId, param(req, 'plannerTask-id'));
        const details = collection(ctx.state, req.tenantId, C.taskDetails)[String(task.id)];
        if (!details) throw notFound();
        requireIfMatch(req, details);
        patchTaskDetails(ctx, req.tenantId, details, bodyOf(req.body), actorOf(req));
        ctx.changed();
        return written(req, details);
      },
    },
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
  const id = options.userId
    ?? Object.keys(obj(task.assignments))[0]
    ?? String(users.find((u) => u.accountEnabled !== false)?.id ?? '');
  if (!id || !userExists(ctx, tenantId, id)) throw badRequest(`No person '${id}' in tenant ${tenantId} to make this change.`);
  return { user: { displayName: null, id } };
}

/**
 * Changes a task the way an edit in the Planner app would: same rules as PATCH (a refused change throws
 * GraphHttpError and changes nothing), a new ETag, the person as completedBy/assignedBy. Returns the task as GET shows it.
 */
export function editTaskAsPerson(state: LocalTenantState, tenantId: string, taskId: string, patch: Record<string, unknown>, clock: Clock, options: PersonEditOptions = {}): JsonObject {
  const ctx = personContext(state, clock, options);
  const task = getTask(ctx, tenantId, taskId);
  patchTask(ctx, tenantId, task, bodyOf(patch), personActor(ctx, tenantId, task, options));
  ctx.changed();
  return viewOf(task);
}

/** Changes a task's details (description, checklist, references) as a person in the Planner app would. */
export function editTaskDetailsAsPerson(state: LocalTenantState, tenantId: string, taskId: string, patch: Record<string, unknown>, clock: Clock, options: PersonEditOptions = {}): JsonObject {
  const ctx = personContext(state, clock, options);
  const task = getTask(ctx, tenantId, taskId);
  const details = collection(ctx.state, tenantId, C.taskDetails)[String(task.id)];
  if (!details) throw notFound();
  patchTaskDetails(ctx, tenantId, details, bodyOf(patch), personActor(ctx, tenantId, task, options));
  ctx.changed();
  return viewOf(details);
}

/** Deletes a task as a person in the Planner app would (no ETag asked). */
export function deleteTaskAsPerson(state: LocalTenantState, tenantId: string, taskId: string, clock: Clock, options: PersonEditOptions = {}): void {
  const ctx = personContext(state, clock, options);
  const task = getTask(ctx, tenantId, taskId);
  deleteTaskEntity(ctx, tenantId, String(task.id));
  ctx.changed();
}
