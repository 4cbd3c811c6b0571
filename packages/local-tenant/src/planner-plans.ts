// Planner plans and buckets of the local tenant: plans in Microsoft 365 groups, plan details with category labels,
// buckets, and their route handlers.
import {
  collection,
  GraphHttpError,
  type Entity,
  type TenantContext,
  type TenantRequest,
  type TenantResponse,
} from './core.ts';
import {
  actorOf,
  badRequest,
  bodyOf,
  bucketsOf,
  C,
  CATEGORIES,
  checkKeys,
  computeOrderHint,
  created,
  firstHint,
  getBucket,
  getPlan,
  GRAPH_GROUPS,
  graphInstant,
  group,
  isObject,
  type JsonObject,
  limit,
  notFound,
  obj,
  param,
  PLANNER_LIMITS,
  plannerId,
  requireIfMatch,
  str,
  tasksOf,
  viewOf,
  written,
} from './planner-core.ts';
import { deleteTaskEntity } from './planner-tasks.ts';

// ---------------------------------------------------------------------------------------------------------------
// Plans

function containerGroupId(body: Record<string, unknown>): string {
  if (body.container !== undefined) {
    if (!isObject(body.container)) throw badRequest("'container' must be an object.");
    const c = body.container;
    for (const key of Object.keys(c))
      if (!['url', 'containerId', 'type', '@odata.type'].includes(key))
        throw badRequest(`The property '${key}' does not exist on type 'microsoft.graph.plannerPlanContainer'.`);
    if (c.type !== undefined && c.type !== 'group')
      throw badRequest(
        `Container type '${String(c.type)}' is not supported here; plans belong to a Microsoft 365 group.`,
      );
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

function createPlan(
  ctx: TenantContext,
  req: TenantRequest,
  body: Record<string, unknown>,
  groupFromPath?: string,
): TenantResponse {
  checkKeys(body, 'plannerPlan', ['title', 'container', 'owner'], ['id', 'createdBy', 'createdDateTime']);
  const groupId = groupFromPath ?? containerGroupId(body);
  const g = group(ctx, req.tenantId, groupId);
  if (!g) throw notFound();
  if (!(Array.isArray(g.groupTypes) && g.groupTypes.includes('Unified')))
    throw badRequest('Plans can only be created in Microsoft 365 (Unified) groups.');
  const gid = String(g.id);
  const plans = collection(ctx.state, req.tenantId, C.plans);
  if (Object.values(plans).filter((p) => p.owner === gid).length >= PLANNER_LIMITS.plansPerGroup) {
    throw limit(
      'MaximumPlannerPlans',
      `The group already contains the maximum number of plans (${PLANNER_LIMITS.plansPerGroup}).`,
    );
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
    container: {
      '@odata.type': '#microsoft.graph.plannerPlanContainer',
      url: `${GRAPH_GROUPS}${gid}`,
      containerId: gid,
      type: 'group',
    },
  };
  plans[id] = plan;
  const categoryDescriptions: JsonObject = {};
  for (const c of CATEGORIES) categoryDescriptions[c] = null;
  collection(ctx.state, req.tenantId, C.planDetails)[id] = {
    '@odata.etag': ctx.newEtag(),
    id,
    sharedWith: {},
    categoryDescriptions,
  };
  ctx.changed();
  return created(plan);
}

function deletePlan(ctx: TenantContext, tenantId: string, planId: string): void {
  for (const task of tasksOf(ctx, tenantId, planId)) deleteTaskEntity(ctx, tenantId, String(task.id));
  for (const bucket of bucketsOf(ctx, tenantId, planId))
    delete collection(ctx.state, tenantId, C.buckets)[String(bucket.id)];
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

function createBucket(
  ctx: TenantContext,
  req: TenantRequest,
  planId: string,
  body: Record<string, unknown>,
): TenantResponse {
  checkKeys(body, 'plannerBucket', ['name', 'planId', 'orderHint'], ['id']);
  const plan = getPlan(ctx, req.tenantId, planId);
  if (body.planId !== undefined && body.planId !== plan.id)
    throw badRequest("'planId' does not match the plan in the URL.");
  const existing = bucketsOf(ctx, req.tenantId, String(plan.id));
  if (existing.length >= PLANNER_LIMITS.bucketsPerPlan) {
    throw limit(
      'MaximumBucketsInProject',
      `The plan already has the maximum number of buckets (${PLANNER_LIMITS.bucketsPerPlan}).`,
    );
  }
  const name = str(body.name, 'name', BUCKET_NAME_MAX);
  if (name.trim() === '') throw badRequest("A bucket needs a 'name'.");
  const id = plannerId(ctx);
  const bucket: Entity = {
    '@odata.etag': ctx.newEtag(),
    name,
    planId: String(plan.id),
    orderHint: computeOrderHint(body.orderHint, 'orderHint', firstHint(existing)),
    id,
  };
  collection(ctx.state, req.tenantId, C.buckets)[id] = bucket;
  ctx.changed();
  return created(bucket);
}

// ---------------------------------------------------------------------------------------------------------------
// Route handlers: plans

/** A bucket's name: Microsoft documents no limit; the product's chosen 100 (docs/platform.md#input-limits). */
const BUCKET_NAME_MAX = 100;

export function postPlan(req: TenantRequest, ctx: TenantContext): TenantResponse {
  return createPlan(ctx, req, bodyOf(req.body));
}

export function listGroupPlans(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const g = group(ctx, req.tenantId, param(req, 'group-id'));
  if (!g)
    throw new GraphHttpError(
      404,
      'Request_ResourceNotFound',
      `Resource '${param(req, 'group-id')}' does not exist or one of its queried reference-property objects are not present.`,
    );
  const plans = Object.values(collection(ctx.state, req.tenantId, C.plans)).filter((p) => p.owner === g.id);
  return { status: 200, body: { value: plans.map(viewOf) } };
}

export function postGroupPlan(req: TenantRequest, ctx: TenantContext): TenantResponse {
  return createPlan(ctx, req, bodyOf(req.body), param(req, 'group-id'));
}

export function readPlan(req: TenantRequest, ctx: TenantContext): TenantResponse {
  return { status: 200, body: viewOf(getPlan(ctx, req.tenantId, param(req, 'plannerPlan-id'))) };
}

export function updatePlan(req: TenantRequest, ctx: TenantContext): TenantResponse {
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
}

export function removePlan(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const plan = getPlan(ctx, req.tenantId, param(req, 'plannerPlan-id'));
  requireIfMatch(req, plan);
  deletePlan(ctx, req.tenantId, String(plan.id));
  ctx.changed();
  return { status: 204 };
}

export function readPlanDetails(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const plan = getPlan(ctx, req.tenantId, param(req, 'plannerPlan-id'));
  const details = collection(ctx.state, req.tenantId, C.planDetails)[String(plan.id)];
  if (!details) throw notFound();
  return { status: 200, body: viewOf(details) };
}

export function updatePlanDetails(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const plan = getPlan(ctx, req.tenantId, param(req, 'plannerPlan-id'));
  const details = collection(ctx.state, req.tenantId, C.planDetails)[String(plan.id)];
  if (!details) throw notFound();
  requireIfMatch(req, details);
  patchPlanDetails(details, bodyOf(req.body));
  details['@odata.etag'] = ctx.newEtag();
  ctx.changed();
  return written(req, details);
}

// ---------------------------------------------------------------------------------------------------------------
// Route handlers: buckets

export function listBuckets(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const plan = getPlan(ctx, req.tenantId, param(req, 'plannerPlan-id'));
  return { status: 200, body: { value: bucketsOf(ctx, req.tenantId, String(plan.id)).map(viewOf) } };
}

export function postBucket(req: TenantRequest, ctx: TenantContext): TenantResponse {
  return createBucket(ctx, req, param(req, 'plannerPlan-id'), bodyOf(req.body));
}

export function readBucket(req: TenantRequest, ctx: TenantContext): TenantResponse {
  return { status: 200, body: viewOf(getBucket(ctx, req.tenantId, param(req, 'plannerBucket-id'))) };
}

export function updateBucket(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const bucket = getBucket(ctx, req.tenantId, param(req, 'plannerBucket-id'));
  requireIfMatch(req, bucket);
  const body = bodyOf(req.body);
  checkKeys(body, 'plannerBucket', ['name', 'orderHint'], ['id', 'planId']);
  if (body.planId !== undefined && body.planId !== bucket.planId)
    throw badRequest('A bucket cannot be moved to another plan.');
  const name = body.name === undefined ? String(bucket.name) : str(body.name, 'name', BUCKET_NAME_MAX);
  if (name.trim() === '') throw badRequest("A bucket needs a 'name'.");
  const orderHint =
    body.orderHint === undefined ? (bucket.orderHint ?? '') : computeOrderHint(body.orderHint, 'orderHint');
  Object.assign(bucket, { name, orderHint, '@odata.etag': ctx.newEtag() });
  ctx.changed();
  return written(req, bucket);
}

export function removeBucket(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const bucket = getBucket(ctx, req.tenantId, param(req, 'plannerBucket-id'));
  requireIfMatch(req, bucket);
  // Deleting a bucket deletes its tasks, as in Planner.
  for (const task of tasksOf(ctx, req.tenantId, String(bucket.planId)))
    if (task.bucketId === bucket.id) deleteTaskEntity(ctx, req.tenantId, String(task.id));
  delete collection(ctx.state, req.tenantId, C.buckets)[String(bucket.id)];
  ctx.changed();
  return { status: 204 };
}
