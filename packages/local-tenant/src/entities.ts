// Small helpers the local tenant's resource modules share: internal fields, binds, user look-up, ids.
import { pathSegments } from './routing.ts';
import { collection, GraphHttpError, type Entity, type Json, type TenantContext } from './core.ts';

/** Entities keep bookkeeping in `_`-prefixed fields; this is what a client sees. */
export function publicOf(entity: Entity): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(entity)) if (!k.startsWith('_')) out[k] = v;
  return out;
}

export function badRequest(message: string, code = 'BadRequest'): GraphHttpError {
  return new GraphHttpError(400, code, message);
}

export function resourceNotFound(id: string): GraphHttpError {
  return new GraphHttpError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

export function asObject(body: unknown, what = 'request body'): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest(`The ${what} must be a JSON object.`);
  return body as Record<string, unknown>;
}

export function optionalString(body: Record<string, unknown>, key: string, max: number): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw badRequest(`Property '${key}' must be a string.`);
  if (v.length > max) throw badRequest(`Property '${key}' is longer than ${max} characters.`);
  return v;
}

export function requiredString(body: Record<string, unknown>, key: string, max: number): string {
  const v = optionalString(body, key, max);
  if (v === undefined || v.trim() === '') throw badRequest(`Property '${key}' is required.`);
  return v;
}

/**
 * The key a bind URL points at, e.g. "https://graph.microsoft.com/v1.0/users('abc')" → { collection: 'users', id: 'abc' }.
 * Relative binds ("users/abc") are accepted too.
 */
export function parseBind(value: unknown, property: string): { collection: string; id: string } {
  if (typeof value !== 'string' || value.trim() === '')
    throw badRequest(`Property '${property}' must be a URL of the object to bind.`);
  let pathPart = value.trim();
  try {
    pathPart = new URL(pathPart).pathname;
  } catch {
    // Not absolute: treat it as a path relative to the service root.
    pathPart = pathPart.split('?')[0] ?? pathPart;
  }
  const segments = pathSegments(pathPart).filter((s) => !/^(v1\.0|beta)$/i.test(s));
  const id = segments[segments.length - 1];
  const coll = segments[segments.length - 2];
  if (!id || !coll) throw badRequest(`Invalid object identifier '${value}' in '${property}'.`, 'Request_BadRequest');
  return { collection: coll, id };
}

/** A user of one tenant by object id or userPrincipalName (both case-insensitive, as in Graph). */
export function findUser(ctx: TenantContext, tenantId: string, idOrUpn: string): Entity | undefined {
  const users = collection(ctx.state, tenantId, 'users');
  const direct = users[idOrUpn] ?? users[idOrUpn.toLowerCase()];
  if (direct) return direct;
  const key = idOrUpn.toLowerCase();
  return Object.values(users).find(
    (u) => String(u.id).toLowerCase() === key || String(u.userPrincipalName).toLowerCase() === key,
  );
}

/** An opaque, URL-safe id that is stable for its parts (member ids, installation ids). */
export function compositeId(...parts: string[]): string {
  return Buffer.from(parts.join('##')).toString('base64url');
}

/** A Teams thread id, as channels and teams carry them. */
export function threadId(ctx: TenantContext): string {
  return `19:${ctx.newId().replaceAll('-', '')}@thread.tacv2`;
}

export function iso(ctx: TenantContext): string {
  return ctx.clock.now().toISOString();
}
