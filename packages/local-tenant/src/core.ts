// The local tenant's core contract: resource modules (directory, teams, calendar, planner, …) register routes
// whose handlers work on plain, JSON-serialisable tenant state. The server around them supplies routing,
// $batch, paging, throttling, fault injection, identity and persistence — handlers never see HTTP.

/** The time source; injected so tests can set and move time (only `now()` is read). */
export interface Clock {
  now(): Date;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * Where the local tenant logs (a pino logger fits): an object of fields, then a message. It never logs tokens,
 * secrets or request bodies.
 */
export interface TenantLogger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** Graph-shaped error body: { error: { code, message } }. */
export class GraphHttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
    this.name = 'GraphHttpError';
  }
}

export interface TenantRequest {
  /** The tenant the caller's token was issued for (the `tid` claim). */
  tenantId: string;
  /** Application (client) id of the caller. */
  appId: string;
  /** The signed-in user's object id (the `oid` claim) for delegated tokens; undefined for app-only tokens. */
  userId?: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path below /v1.0, e.g. /teams/abc/channels. */
  path: string;
  /** Path parameters by the name used in the route pattern, e.g. { 'team-id': 'abc' }. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: unknown;
}

export interface TenantResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Everything a handler may use: state of every tenant (cross-tenant lookups for shared channels), time, ids. */
export interface TenantContext {
  state: LocalTenantState;
  clock: Clock;
  /** A new unique id (GUID-shaped unless a prefix is given). */
  newId(prefix?: string): string;
  /** A new opaque ETag value, e.g. W/"JzEtVGFzayAgQEBAQEBAQEBAQEBAQEBARCc=". */
  newEtag(): string;
  /** Base URL of the local tenant (for @odata.nextLink, Location headers, …). */
  baseUrl: string;
  /** Marks state dirty so the server persists it. */
  changed(): void;
}

type Handler = (req: TenantRequest, ctx: TenantContext) => TenantResponse | Promise<TenantResponse>;

export interface Route {
  method: TenantRequest['method'];
  /** OpenAPI-style pattern below /v1.0 with Graph's parameter names, e.g. '/teams/{team-id}/channels/{channel-id}/members'. */
  pattern: string;
  handler: Handler;
  /**
   * Throttling bucket this request counts against (e.g. `team:${id}`), if the documented limits name one.
   * The server knows `team:`/`channel:` (4 requests/s), `mailbox:` (4 concurrent, 10,000 per 10 min; id or UPN)
   * and `conversation:` (Bot Connector). Without it the server derives `team:` from {team-id} and `mailbox:`
   * from {user-id}/{group-id} on events/calendar paths.
   */
  throttleKey?: (req: TenantRequest) => string | undefined;
  /** Properties the real service returns when the caller gives no $select (e.g. a user's accountEnabled only on request). */
  defaultSelect?: string[];
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Entity = Record<string, Json>;

/** The state of one tenant; each module keeps its own keyed maps in here. */
export interface TenantData {
  id: string;
  displayName: string;
  domain: string;
  /** Entities by collection name ('users', 'groups', 'teams', 'channels', 'events', 'plannerTasks', …) and id. */
  collections: Record<string, Record<string, Entity>>;
}

export interface LocalTenantState {
  version: 1;
  tenants: Record<string, TenantData>;
  /** Registered apps (client credentials) valid in every tenant here. */
  apps: { clientId: string; clientSecret: string; displayName: string; certificates?: string[] }[];
}

export function collection(state: LocalTenantState, tenantId: string, name: string): Record<string, Entity> {
  const tenant = state.tenants[tenantId];
  if (!tenant) throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Unknown tenant.');
  tenant.collections[name] ??= {};
  return tenant.collections[name];
}
