// The Microsoft Graph application roles Regiekamer needs, per tenant, and why: the ONE table the pre-flight check
// (`regiekamer controleer`), the local tenant's consent, the runbook (docs/uitrol.md, checked by
// tests/uitrol-docs.test.ts) and the Teams package's test that no call relies on a resource-specific (RSC) grant
// (src/adapters/teams-package/manifest-use.test.ts) read. Derived from the calls the code makes
// (src/adapters/graph/endpoints/, src/adapters/sync/, src/adapters/work/planner-graph.ts, src/adapters/preflight/):
// that test fails on a call no role lists and on a listed call the code does not make; tests/permissions.test.ts
// checks every call the local tenant logged is allowed by a role its tenant grants.
//
// Each role is the least privileged application permission Microsoft documents for its calls, or one that covers
// several of them where a narrower one would not cover all (e.g. TeamSettings.ReadWrite.All for both GET and PATCH
// /teams/{id}). Sources: each API's page in the Graph reference (https://learn.microsoft.com/graph/api/overview),
// "Permissions", and the permissions reference (https://learn.microsoft.com/graph/permissions-reference). Pure.
import type { MessageKey } from './i18n.ts';

/** Where a role is needed: in every gemeente's tenant, or in the host tenant only (team, channels, Planner, mailbox). */
type RoleTenant = 'every' | 'host';

/**
 * When a role is needed: always; only for a programme with `guests: { invite: true }`; or only for `apply --prune`
 * (without it the rest works and pruning channels is refused).
 */
type RoleNeed = 'always' | 'guests.invite' | 'prune';

/**
 * How the role is granted: by admin consent in Entra ID (it then shows in the app-only token's `roles` claim), or —
 * for the organizer mailbox — by Exchange Online's RBAC for Applications, scoped to that one mailbox
 * (https://learn.microsoft.com/en-us/exchange/permissions-exo/application-rbac). An Entra ID grant of the same role
 * would reach every mailbox of the tenant (the two grants add up), so it must NOT be consented in Entra ID.
 */
type RoleGrant = 'entra' | 'exchange-rbac';

/** One application role the product needs, the Graph calls it is for, and why (a catalogue message, nl and en). */
export interface RequiredRole {
  /** The application permission's name as Graph spells it, e.g. `User.Read.All`. */
  role: string;
  tenant: RoleTenant;
  need: RoleNeed;
  grant: RoleGrant;
  /**
   * The Graph v1.0 calls the code makes with it, one per entry, as `METHOD /path` with `{id}` for every variable
   * segment and no query string — the form manifest-use.test.ts reads out of the code (`GET /teams/{id}/members`).
   */
  calls: readonly string[];
  /** The Graph reference page that names this role for the first call. */
  source: string;
  /** Why the product needs it and what it can reach. */
  why: MessageKey;
}

const API = 'https://learn.microsoft.com/graph/api';

/**
 * The application roles of the one multi-tenant Graph app registration (the identity decision in docs/),
 * in the order an administrator reads them. Partner tenants need only `User.Read.All` (people are looked up in their
 * home tenant); everything else happens in the host tenant.
 */
export const REQUIRED_ROLES: readonly RequiredRole[] = [
  {
    role: 'User.Read.All',
    tenant: 'every',
    need: 'always',
    grant: 'entra',
    calls: ['GET /users', 'GET /users/{id}'],
    source: `${API}/user-get`,
    why: 'controleer.why.userReadAll',
  },
  {
    role: 'GroupMember.Read.All',
    tenant: 'host',
    need: 'always',
    grant: 'entra',
    calls: ['GET /groups'],
    source: `${API}/group-list`,
    why: 'controleer.why.groupMemberReadAll',
  },
  {
    role: 'Team.Create',
    tenant: 'host',
    need: 'always',
    grant: 'entra',
    calls: ['POST /teams', 'GET /teams/{id}/operations/{id}'],
    source: `${API}/team-post`,
    why: 'controleer.why.teamCreate',
  },
  {
    role: 'TeamSettings.ReadWrite.All',
    tenant: 'host',
    need: 'always',
    grant: 'entra',
    calls: ['GET /teams/{id}', 'PATCH /teams/{id}'],
    source: `${API}/team-update`,
    why: 'controleer.why.teamSettings',
  },
  {
    role: 'TeamMember.ReadWrite.All',
    tenant: 'host',
    need: 'always',
    grant: 'entra',
    calls: ['GET /teams/{id}/members', 'POST /teams/{id}/members', 'DELETE /teams/{id}/members/{id}'],
    source: `${API}/team-post-members`,
    why: 'controleer.why.teamMember',
  },
  {
    role: 'Channel.Create',
    tenant: 'host',
    need: 'always',
    grant: 'entra',
    calls: ['POST /teams/{id}/channels'],
    source: `${API}/channel-post`,
    why: 'controleer.why.channelCreate',
  },
  {
    role: 'ChannelSettings.ReadWrite.All',
    tenant: 'host',
    need: 'always',
    grant: 'entra',
    calls: [
      'GET /teams/{id}/channels',
      'GET /teams/{id}/allChannels',
      'GET /teams/{id}/channels/{id}',
      'PATCH /teams/{id}/channels/{id}',
    ],
    source: `${API}/channel-patch`,
    why: 'controleer.why.channelSettings',
  },
  {
    role: 'ChannelMember.ReadWrite.All',
    tenant: 'host',
    need: 'always',
    grant: 'entra',
    calls: [
      'GET /teams/{id}/channels/{id}/members',
      'POST /teams/{id}/channels/{id}/members',
      'DELETE /teams/{id}/channels/{id}/members/{id}',
    ],
    source: `${API}/channel-post-members`,
    why: 'controleer.why.channelMember',
  },
  {
    role: 'TeamsTab.ReadWrite.All',
    tenant: 'host',
    need: 'always',
    grant: 'entra',
    calls: ['GET /teams/{id}/channels/{id}/tabs', 'POST /teams/{id}/channels/{id}/tabs'],
    source: `${API}/channel-post-tabs`,
    why: 'controleer.why.teamsTab',
  },
  {
    role: 'TeamsAppInstallation.ReadWriteForTeam.All',
    tenant: 'host',
    need: 'always',
    grant: 'entra',
    calls: ['GET /teams/{id}/installedApps', 'POST /teams/{id}/installedApps'],
    source: `${API}/team-post-installedapps`,
    why: 'controleer.why.appInstallation',
  },
  {
    role: 'Tasks.ReadWrite.All',
    tenant: 'host',
    need: 'always',
    grant: 'entra',
    calls: [
      'POST /planner/plans',
      'GET /groups/{id}/planner/plans',
      'GET /planner/plans/{id}',
      'GET /planner/plans/{id}/details',
      'PATCH /planner/plans/{id}/details',
      'GET /planner/plans/{id}/buckets',
      'POST /planner/plans/{id}/buckets',
      'GET /planner/plans/{id}/tasks',
      'POST /planner/plans/{id}/tasks',
      'GET /planner/tasks/{id}',
      'PATCH /planner/tasks/{id}',
      'DELETE /planner/tasks/{id}',
      'GET /planner/tasks/{id}/details',
      'PATCH /planner/tasks/{id}/details',
    ],
    source: `${API}/planner-post-plans`,
    why: 'controleer.why.tasks',
  },
  {
    role: 'Calendars.ReadWrite',
    tenant: 'host',
    need: 'always',
    grant: 'exchange-rbac',
    calls: [
      // {id} is the organizer mailbox, the only one the Exchange grant reaches.
      'GET /users/{id}/events',
      'GET /users/{id}/events/{id}',
      'POST /users/{id}/events',
      'PATCH /users/{id}/events/{id}',
      'DELETE /users/{id}/events/{id}',
      'POST /users/{id}/events/{id}/cancel',
      'GET /users/{id}/events/{id}/instances',
      'GET /users/{id}/calendarView',
      // regiekamer controleer: can the app reach the organizer's calendar (Exchange RBAC in place)?
      'GET /users/{id}/calendar',
    ],
    source: `${API}/user-post-events`,
    why: 'controleer.why.calendars',
  },
  {
    role: 'Channel.Delete.All',
    tenant: 'host',
    need: 'prune',
    grant: 'entra',
    calls: ['DELETE /teams/{id}/channels/{id}'],
    source: `${API}/channel-delete`,
    why: 'controleer.why.channelDelete',
  },
  {
    role: 'User.Invite.All',
    tenant: 'host',
    need: 'guests.invite',
    grant: 'entra',
    calls: ['POST /invitations'],
    source: `${API}/invitation-post`,
    why: 'controleer.why.userInvite',
  },
];

/** Roles that let an app read the cross-tenant access settings (Policy.Read.All is the least privileged). */
export const POLICY_READ_ROLES: readonly string[] = ['Policy.Read.All', 'Policy.ReadWrite.CrossTenantAccess'];

/**
 * The roles one tenant's admin consent must grant (Entra ID, in the token's `roles`) for a programme: the host tenant
 * every `entra` role it uses, a partner tenant the `every` ones. `guestsInvite` adds User.Invite.All; Channel.Delete.All
 * (prune) is never required, only reported when it lacks.
 */
export function entraRolesFor(host: boolean, guestsInvite: boolean): RequiredRole[] {
  return REQUIRED_ROLES.filter(
    (r) =>
      r.grant === 'entra' &&
      (host || r.tenant === 'every') &&
      (r.need === 'always' || (r.need === 'guests.invite' && guestsInvite)),
  );
}

/**
 * Resource-specific (team-scoped) permissions the code relies on: none. Every Graph call above is made with the
 * multi-tenant app's app-only token under the tenant-wide application roles, and the sync makes the team before
 * anyone can install the Teams app in it, so no call waits for a team owner's RSC grant. The Teams package therefore
 * declares no `authorization.permissions.resourceSpecific` (src/adapters/teams-package/manifest-use.test.ts).
 */
export const RESOURCE_SPECIFIC_PERMISSIONS: readonly string[] = [];
