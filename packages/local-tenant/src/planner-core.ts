// Planner basics of the local tenant: Planner's documented limits, readers of request bodies with Graph's errors,
// order hints ("prev next!" in, a service-computed string out), ETags and If-Match, and look-ups of plans, buckets and tasks.
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import {
  collection,
  GraphHttpError,
  type Entity,
  type Json,
  type TenantContext,
  type TenantRequest,
  type TenantResponse,
} from './core.ts';

export type JsonObject = { [key: string]: Json };

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

export const CATEGORIES = Array.from({ length: 25 }, (_, i) => `category${i + 1}`);
export const PREVIEW_TYPES = ['automatic', 'noPreview', 'checklist', 'description', 'reference'] as const;
export const GRAPH_GROUPS = 'https://graph.microsoft.com/v1.0/groups/';
export const C = {
  plans: 'plannerPlans',
  planDetails: 'plannerPlanDetails',
  buckets: 'plannerBuckets',
  tasks: 'plannerTasks',
  taskDetails: 'plannerTaskDetails',
} as const;

/** Who made a change: an identitySet as Planner writes it in createdBy, completedBy, assignedBy. */
export type Actor = JsonObject;

// ---------------------------------------------------------------------------------------------------------------
// Errors and readers

export function badRequest(message: string): GraphHttpError {
  return new GraphHttpError(400, 'BadRequest', message);
}

export function notFound(): GraphHttpError {
  return new GraphHttpError(404, 'NotFound', 'The requested item is not found.');
}

export function limit(code: string, message: string): GraphHttpError {
  return new GraphHttpError(403, code, message);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function bodyOf(body: unknown): Record<string, unknown> {
  if (!isObject(body)) throw badRequest('The request body must be a JSON object.');
  const props = Object.keys(body).filter((k) => !k.startsWith('@odata.'));
  if (props.length === 0) throw badRequest('The request does not contain any properties.');
  return body;
}

/** Rejects properties the type does not have or that cannot be written here; service-set ones are ignored. */
export function checkKeys(body: Record<string, unknown>, type: string, writable: string[], serviceSet: string[]): void {
  for (const key of Object.keys(body)) {
    if (key.startsWith('@odata.') || writable.includes(key) || serviceSet.includes(key)) continue;
    throw badRequest(`The property '${key}' can't be written on type 'microsoft.graph.${type}' here.`);
  }
}

export function str(value: unknown, what: string, max = 255): string {
  if (typeof value !== 'string') throw badRequest(`'${what}' must be a string.`);
  if (value.length > max) throw badRequest(`'${what}' is longer than ${max} characters.`);
  return value;
}

export function int(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw badRequest(`'${what}' must be a whole number from ${min} to ${max}.`);
  return value;
}

/** Planner date-times carry an offset; they come back in UTC. null clears. */
export function dateTime(value: unknown, what: string): string | null {
  if (value === null) return null;
  const s = str(value, what, 64);
  const at = /(Z|[+-]\d{2}:\d{2})$/.test(s) ? DateTime.fromISO(s, { setZone: true }) : undefined;
  if (!at?.isValid)
    throw badRequest(`'${what}' must be an ISO 8601 date and time with a time zone offset, e.g. 2026-03-01T10:00:00Z.`);
  return at.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
}

export function typedValue(value: unknown, type: string, what: string): Record<string, unknown> {
  if (!isObject(value)) throw badRequest(`'${what}' must be an object of type '${type}' or null.`);
  const odataType = value['@odata.type'];
  if (typeof odataType !== 'string' || odataType.replace(/^#/, '').toLowerCase() !== type.toLowerCase()) {
    throw badRequest(`'${what}' must declare "@odata.type": "#${type}".`);
  }
  return value;
}

export function obj(value: Json | undefined): JsonObject {
  return isObject(value) ? (value as JsonObject) : {};
}

export function graphInstant(date: Date): string {
  return date.toISOString().replace('Z', '0000Z');
}

export function actorOf(req: TenantRequest): Actor {
  return req.userId
    ? { user: { displayName: null, id: req.userId } }
    : { application: { displayName: null, id: req.appId } };
}

/** Planner ids are 28 URL-safe characters. */
export function plannerId(ctx: TenantContext): string {
  return createHash('sha256').update(ctx.newId()).digest('base64url').slice(0, 28);
}

export function viewOf(entity: Entity): JsonObject {
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
    throw badRequest(
      `'${what}' must have the format "<previous hint> <next hint>!" (see Planner order hints); got '${s}'.`,
    );
  }
  if (prev === '' && next === '') return midpoint('', firstExisting ?? null);
  return midpoint(prev, next === '' ? null : next);
}

export function firstHint(items: Entity[]): string | undefined {
  const hints = items
    .map((i) => String(i.orderHint ?? ''))
    .filter((h) => h !== '')
    .sort();
  return hints[0];
}

// ---------------------------------------------------------------------------------------------------------------
// ETags

/** Planner needs the item's current ETag on every change; `*` would hide concurrent edits and is refused. */
export function requireIfMatch(req: TenantRequest, item: Entity): void {
  const header = req.headers['if-match']?.trim();
  if (header === undefined || header === '') {
    throw new GraphHttpError(
      428,
      'PreconditionRequired',
      "This request needs an 'If-Match' header with the item's current @odata.etag.",
    );
  }
  if (header === '*') throw badRequest("'If-Match: *' is not accepted; send the item's current @odata.etag.");
  const given = header.split(',').map((s) => s.trim());
  if (!given.includes(String(item['@odata.etag']))) {
    throw new GraphHttpError(
      412,
      'PreconditionFailed',
      'The If-Match header does not match the current ETag of the item; read it again and retry.',
    );
  }
}

/** 204 by default; 200 with the item when the caller asked `Prefer: return=representation`. */
export function written(req: TenantRequest, item: Entity): TenantResponse {
  if (/return\s*=\s*representation/i.test(req.headers.prefer ?? '')) {
    return {
      status: 200,
      headers: { ETag: String(item['@odata.etag']), 'Preference-Applied': 'return=representation' },
      body: viewOf(item),
    };
  }
  return { status: 204, headers: { ETag: String(item['@odata.etag']) } };
}

export function created(item: Entity): TenantResponse {
  return { status: 201, headers: { ETag: String(item['@odata.etag']) }, body: viewOf(item) };
}

// ---------------------------------------------------------------------------------------------------------------
// Look-ups

export function group(ctx: TenantContext, tenantId: string, groupId: string): Entity | undefined {
  const groups = collection(ctx.state, tenantId, 'groups');
  const key = groupId.toLowerCase();
  return groups[groupId] ?? Object.values(groups).find((g) => String(g.id).toLowerCase() === key);
}

/** A plan whose group still exists (plans go with their group, as in the real service). */
export function getPlan(ctx: TenantContext, tenantId: string, planId: string): Entity {
  const plan = collection(ctx.state, tenantId, C.plans)[planId];
  if (!plan || !group(ctx, tenantId, String(plan.owner))) throw notFound();
  return plan;
}

export function getBucket(ctx: TenantContext, tenantId: string, bucketId: string): Entity {
  const bucket = collection(ctx.state, tenantId, C.buckets)[bucketId];
  if (!bucket) throw notFound();
  getPlan(ctx, tenantId, String(bucket.planId));
  return bucket;
}

export function getTask(ctx: TenantContext, tenantId: string, taskId: string): Entity {
  const task = collection(ctx.state, tenantId, C.tasks)[taskId];
  if (!task) throw notFound();
  getPlan(ctx, tenantId, String(task.planId));
  return task;
}

export function tasksOf(ctx: TenantContext, tenantId: string, planId: string): Entity[] {
  return Object.values(collection(ctx.state, tenantId, C.tasks)).filter((t) => t.planId === planId);
}

export function bucketsOf(ctx: TenantContext, tenantId: string, planId: string): Entity[] {
  return Object.values(collection(ctx.state, tenantId, C.buckets)).filter((b) => b.planId === planId);
}

export function userExists(ctx: TenantContext, tenantId: string, userId: string): boolean {
  const key = userId.toLowerCase();
  return Object.values(collection(ctx.state, tenantId, 'users')).some((u) => String(u.id).toLowerCase() === key);
}
export function param(req: TenantRequest, name: string): string {
  return req.params[name] ?? '';
}
