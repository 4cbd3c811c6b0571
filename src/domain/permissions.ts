// The Microsoft Graph application roles Regiekamer needs, per tenant, and why: the ONE table the pre-flight check
// (`regiekamer controleer`), the runbook (docs/uitrol.md) and the manifest test read. Derived from what the Graph
// gateway is asked to call (src/adapters/graph/endpoints/, src/adapters/sync/, src/adapters/work/planner-graph.ts,
// src/adapters/bot/). Least privileged per call, from each API's page in the Graph reference
// (https://learn.microsoft.com/en-us/graph/api/overview) and the permissions reference
// (https://learn.microsoft.com/en-us/graph/permissions-reference). Pure.
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
  /** The Graph v1.0 calls it allows, as `METHOD /path` templates (what the code sends through the gateway). */
  calls: readonly string[];
  /** Why the product needs it and what it can reach. */
  why: MessageKey;
}

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
    why: 'controleer.why.userReadAll',
  },
  {
    role: 'GroupMember.Read.All',
    tenant: 'host',
    need: 'always',
    grant: 'entra',
    calls: ['GET /groups?$filter=displayName eq …'],
    why: 'controleer.why.groupMemberReadAll',
  },
  {
    role: 'Team.Create',
    tenant: 'host',
    need: 'always',
    grant: 'entra',
    calls: ['POST /teams', 'GET /teams/{id}/operations/{id}'],
    why: 'controleer.why.teamCreate',
  },
  {
    role: 'TeamSettings.ReadWrite.All',
    tenant: 'host',
    need: 'always',
    grant: 'entra',
    calls: ['GET /teams/{id}', 'PATCH /teams/{id}'],
    why: 'controleer.why.teamSettings',
  },
  {
    role: 'TeamMember.ReadWrite.All',
    tenant: 'host',
    need: 'always',
    grant: 'entra',
    calls: ['GET /teams/{id}/members', 'POST /teams/{id}/members', 'DELETE /teams/{id}/members/{id}'],
    why: 'controleer.why.teamMember',
  },
  {
    role: 'Channel.Create',
    tenant: 'host',
    need: 'always',
    grant: 'entra',
    calls: ['POST /teams/{id}/channels'],
    why: 'controleer.why.channelCreate',
  },
  {
    role: 'ChannelSettings.ReadWrite.All',
    tenant: 'host',
    need: 'always',
    grant: 'entra',
    calls: ['GET /teams/{id}/channels', 'PATCH /teams/{id}/channels/{id}'],
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
    why: 'controleer.why.channelMember',
  },
  {
    role: 'TeamsTab.ReadWrite.All',
    tenant: 'host',
    need: 'always',
    grant: 'entra',
    calls: ['GET /teams/{id}/channels/{id}/tabs', 'POST /teams/{id}/channels/{id}/tabs'],
    why: 'controleer.why.teamsTab',
  },
  {
    role: 'TeamsAppInstallation.ReadWriteForTeam.All',
    tenant: 'host',
    need: 'always',
    grant: 'entra',
    calls: ['GET /teams/{id}/installedApps', 'POST /teams/{id}/installedApps'],
    why: 'controleer.why.appInstallation',
  },
  {
    role: 'Tasks.ReadWrite.All',
    tenant: 'host',
    need: 'always',
    grant: 'entra',
    calls: [
      'GET /groups/{id}/planner/plans',
      'POST /planner/plans',
      'GET|PATCH /planner/plans/{id}/details',
      'GET|POST /planner/plans/{id}/buckets',
      'GET|POST /planner/plans/{id}/tasks',
      'GET|PATCH|DELETE /planner/tasks/{id}',
      'GET|PATCH /planner/tasks/{id}/details',
    ],
    why: 'controleer.why.tasks',
  },
  {
    role: 'Calendars.ReadWrite',
    tenant: 'host',
    need: 'always',
    grant: 'exchange-rbac',
    calls: [
      'GET|POST /users/{organizer}/events',
      'GET|PATCH|DELETE /users/{organizer}/events/{id}',
      'POST /users/{organizer}/events/{id}/cancel',
      'GET /users/{organizer}/events/{id}/instances',
      'GET /users/{organizer}/calendarView',
    ],
    why: 'controleer.why.calendars',
  },
  {
    role: 'Channel.Delete.All',
    tenant: 'host',
    need: 'prune',
    grant: 'entra',
    calls: ['DELETE /teams/{id}/channels/{id}'],
    why: 'controleer.why.channelDelete',
  },
  {
    role: 'User.Invite.All',
    tenant: 'host',
    need: 'guests.invite',
    grant: 'entra',
    calls: ['POST /invitations'],
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
