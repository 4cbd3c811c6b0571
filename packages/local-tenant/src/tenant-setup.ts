// How the administrators of each local tenant configured it for the app — the things a pre-flight check looks at and
// a real tenant can get wrong: the application roles admin consent granted (the token's `roles`), disabled accounts,
// Exchange's RBAC for Applications scope of mailboxes, and the cross-tenant access settings for B2B direct connect.
// Without a setup every tenant is as before: all of CONSENTED_ROLES, every mailbox reachable, direct connect between
// all local tenants. Each seeded fault behaves as the real service does (status and error code).
import {
  GraphHttpError,
  type Entity,
  type Json,
  type LocalTenantState,
  type Route,
  type TenantRequest,
} from './core.ts';
import { CONSENTED_ROLES } from './identity-keys.ts';

/** One tenant's view of another in the cross-tenant access settings: B2B direct connect blocked. */
export interface DirectConnectBlock {
  /** The tenant whose settings hold the partner configuration. */
  tenantId: string;
  /** The partner (the other tenant) the configuration is for. */
  partnerTenantId: string;
}

/**
 * The tenants' configuration (all optional; absent: correctly configured in the permissive sense above).
 * Tenant ids are GUIDs, compared case-insensitively.
 */
export interface TenantSetup {
  /**
   * Application roles admin consent granted to the app, per tenant id (what Graph tokens carry in `roles`, as Entra ID
   * issues them). A tenant not listed gets every role of CONSENTED_ROLES.
   */
  consentedRoles?: Record<string, string[]>;
  /** User principal names (any tenant) whose accounts are disabled at start (`accountEnabled: false`). */
  disabledUsers?: string[];
  /**
   * Exchange RBAC for Applications per tenant id: the mailboxes (UPN or id) the app may reach through a scoped role
   * assignment. In a tenant listed here any other mailbox answers 403 ErrorAccessDenied, unless the token holds
   * Calendars.Read/ReadWrite from Entra ID, which reaches every mailbox (the two grants add up, as Exchange documents:
   * https://learn.microsoft.com/en-us/exchange/permissions-exo/application-rbac). A tenant not listed: every mailbox.
   */
  mailboxScope?: Record<string, string[]>;
  /**
   * Partner configurations without B2B direct connect (inbound and outbound blocked). Adding a user of a partner to
   * a shared channel is refused when the host's inbound or the partner's outbound setting blocks it.
   */
  noDirectConnect?: DirectConnectBlock[];
}

const GRANTS = 'appRoleGrants';
const lower = (s: string) => s.toLowerCase();

/**
 * Writes the setup into the state: the consented roles per tenant (replacing what an earlier start wrote) and the
 * disabled accounts. Returns whether anything changed.
 */
export function applySetup(state: LocalTenantState, setup: TenantSetup | undefined): boolean {
  let changed = false;
  const roles = new Map(Object.entries(setup?.consentedRoles ?? {}).map(([tid, r]) => [lower(tid), r]));
  for (const tenant of Object.values(state.tenants)) {
    const wanted = roles.get(tenant.id);
    const had = tenant.collections[GRANTS];
    if (wanted) {
      tenant.collections[GRANTS] = { app: { id: 'app', roles: [...wanted] } };
      changed = true;
    } else if (had) {
      delete tenant.collections[GRANTS];
      changed = true;
    }
  }
  const disabled = new Set((setup?.disabledUsers ?? []).map(lower));
  for (const tenant of Object.values(state.tenants))
    for (const user of Object.values(tenant.collections['users'] ?? {}))
      if (disabled.has(lower(String(user.userPrincipalName))) && user.accountEnabled !== false) {
        user.accountEnabled = false;
        changed = true;
      }
  return changed;
}

/** The application roles a Graph token for tenant `tid` carries: the setup's, else every role of CONSENTED_ROLES. */
export function consentedRolesIn(state: LocalTenantState, tid: string): string[] {
  const grant = state.tenants[lower(tid)]?.collections[GRANTS]?.['app'];
  return Array.isArray(grant?.roles) ? grant.roles.map(String) : [...CONSENTED_ROLES];
}

const MAILBOX_ROUTE = /^\/users\/\{user-id\}\/(events|calendar|calendarView)(\/|$)/;

function blocked(setup: TenantSetup | undefined, tenantId: string, partnerTenantId: string): boolean {
  return (setup?.noDirectConnect ?? []).some(
    (b) => lower(b.tenantId) === lower(tenantId) && lower(b.partnerTenantId) === lower(partnerTenantId),
  );
}

/** The tenants of shared-channel members a request adds (POST channel members, POST channels with members). */
function addedMemberTenants(route: Route, req: TenantRequest): string[] {
  const body = req.body as Record<string, unknown> | null;
  if (typeof body !== 'object' || body === null) return [];
  if (route.method === 'POST' && route.pattern === '/teams/{team-id}/channels/{channel-id}/members')
    return typeof body.tenantId === 'string' ? [lower(body.tenantId)] : [];
  if (route.method === 'POST' && route.pattern === '/teams/{team-id}/channels' && Array.isArray(body.members))
    return body.members.flatMap((m) =>
      typeof m === 'object' && m !== null && typeof (m as { tenantId?: unknown }).tenantId === 'string'
        ? [lower((m as { tenantId: string }).tenantId)]
        : [],
    );
  return [];
}

/**
 * What the setup refuses before a Graph request reaches its handler, as the real service refuses it:
 * a mailbox out of the app's RBAC for Applications scope (403 ErrorAccessDenied), and a member of a partner tenant
 * added to a shared channel without B2B direct connect (403 Forbidden, the product's sync names it). Undefined: go on.
 */
export function setupRefusal(
  state: LocalTenantState,
  setup: TenantSetup | undefined,
  route: Route,
  req: TenantRequest,
  roles: string[],
): GraphHttpError | undefined {
  const scope = Object.entries(setup?.mailboxScope ?? {}).find(([tid]) => lower(tid) === req.tenantId)?.[1];
  if (scope && MAILBOX_ROUTE.test(route.pattern)) {
    const tenantWide =
      roles.includes('Calendars.ReadWrite') || (req.method === 'GET' && roles.includes('Calendars.Read'));
    const asked = lower(decodeURIComponent(req.params['user-id'] ?? ''));
    const user = Object.values(state.tenants[req.tenantId]?.collections['users'] ?? {}).find(
      (u) => lower(String(u.id)) === asked || lower(String(u.userPrincipalName)) === asked,
    );
    const allowed = new Set(scope.map(lower));
    const inScope =
      allowed.has(asked) ||
      (user !== undefined &&
        (allowed.has(lower(String(user.id))) || allowed.has(lower(String(user.userPrincipalName)))));
    if (!tenantWide && !inScope)
      return new GraphHttpError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  }
  for (const partner of addedMemberTenants(route, req)) {
    if (partner === req.tenantId) continue;
    if (blocked(setup, req.tenantId, partner) || blocked(setup, partner, req.tenantId))
      return new GraphHttpError(
        403,
        'Forbidden',
        `Tenant '${partner}' has no B2B direct connect with this tenant (cross-tenant access settings).`,
      );
  }
  return undefined;
}

/** crossTenantAccessPolicyB2BSetting with every user and application allowed or blocked. */
function b2bSetting(allowed: boolean): Json {
  const accessType = allowed ? 'allowed' : 'blocked';
  return {
    usersAndGroups: { accessType, targets: [{ target: 'AllUsers', targetType: 'user' }] },
    applications: { accessType, targets: [{ target: 'AllApplications', targetType: 'application' }] },
  };
}

function partnerView(setup: TenantSetup | undefined, tenantId: string, partnerTenantId: string): Entity {
  const open = !blocked(setup, tenantId, partnerTenantId);
  return {
    tenantId: partnerTenantId,
    isServiceProvider: false,
    b2bCollaborationInbound: null,
    b2bCollaborationOutbound: null,
    b2bDirectConnectInbound: b2bSetting(open),
    b2bDirectConnectOutbound: b2bSetting(open),
  };
}

const POLICY_ROLES = ['Policy.Read.All', 'Policy.ReadWrite.CrossTenantAccess'];

/**
 * GET /policies/crossTenantAccessPolicy/partners(/{id}) and …/default (Graph v1.0): every other local tenant is a
 * partner (direct connect allowed both ways unless the setup blocks it); the default is Entra ID's (direct connect
 * blocked). Reading needs Policy.Read.All (least privileged) in the token, else 403 Authorization_RequestDenied.
 */
export function crossTenantRoutes(setup: TenantSetup | undefined): Route[] {
  const guard = (roles: string[] | undefined) => {
    if (!roles?.some((r) => POLICY_ROLES.includes(r)))
      throw new GraphHttpError(
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
      );
  };
  return [
    {
      method: 'GET',
      pattern: '/policies/crossTenantAccessPolicy/partners',
      handler: (req, ctx) => {
        guard(rolesOf(req));
        const value = Object.keys(ctx.state.tenants)
          .filter((tid) => tid !== req.tenantId)
          .map((tid) => partnerView(setup, req.tenantId, tid));
        return { status: 200, body: { value } };
      },
    },
    {
      method: 'GET',
      pattern: '/policies/crossTenantAccessPolicy/partners/{crossTenantAccessPolicyConfigurationPartner-tenantId}',
      handler: (req, ctx) => {
        guard(rolesOf(req));
        const id = lower(req.params['crossTenantAccessPolicyConfigurationPartner-tenantId'] ?? '');
        if (id === req.tenantId || !ctx.state.tenants[id])
          throw new GraphHttpError(404, 'Request_ResourceNotFound', `Partner configuration '${id}' does not exist.`);
        return { status: 200, body: partnerView(setup, req.tenantId, id) };
      },
    },
    {
      method: 'GET',
      pattern: '/policies/crossTenantAccessPolicy/default',
      handler: (req) => {
        guard(rolesOf(req));
        return {
          status: 200,
          body: {
            isServiceDefault: true,
            b2bCollaborationInbound: b2bSetting(true),
            b2bCollaborationOutbound: b2bSetting(true),
            b2bDirectConnectInbound: b2bSetting(false),
            b2bDirectConnectOutbound: b2bSetting(false),
          },
        };
      },
    },
  ];
}

/** The token roles execute() hands a handler along with the request (see withRoles). */
const ROLES = Symbol('roles');

/** The request with the caller's token roles attached (for handlers that check a permission themselves). */
export function withRoles(req: TenantRequest, roles: string[]): TenantRequest {
  return Object.assign(req, { [ROLES]: roles });
}

function rolesOf(req: TenantRequest): string[] | undefined {
  return (req as TenantRequest & { [ROLES]?: string[] })[ROLES];
}
