// The Microsoft Graph application permissions Regiekamer's app registration needs, derived from the calls the code
// makes (src/adapters/graph/endpoints/, and the few paths written out in src/adapters/): ONE table, read by the
// runbook's permission list (docs/uitrol.md, checked by tests/uitrol-docs.test.ts), by the pre-flight check and by
// the Teams package's test that no call relies on a resource-specific (RSC) grant.
//
// Each permission is the least privileged application permission Microsoft documents for its calls, or one that
// covers several of them where a narrower one would not cover all (e.g. TeamSettings.ReadWrite.All for both
// GET and PATCH /teams/{id}). Sources: each API's page on learn.microsoft.com/graph/api, "Permissions".

/** One application permission (app role of Microsoft Graph) and the calls it is needed for. */
export interface GraphPermission {
  /** The permission's name as Entra ID shows it, e.g. `Calendars.ReadWrite`. */
  name: string;
  /** `required`; `optional`: only when a feature of the programme file asks for it (`guests.invite`). */
  need: 'required' | 'optional';
  /**
   * Where the code uses it: `every` gemeente's tenant (people are looked up in their home tenant) or only the
   * `host` tenant (the team, its channels, Planner, the organizer mailbox, guest invitations).
   */
  tenants: 'every' | 'host';
  /**
   * How it is granted: `admin-consent` in Entra ID, or `exchange-rbac`: NOT consented in Entra ID but assigned in
   * Exchange Online (RBAC for Applications) to the organizer mailbox alone — an Entra grant would reach every
   * mailbox, and Entra and Exchange grants add up (learn.microsoft.com/exchange/permissions-exo/application-rbac).
   */
  grant: 'admin-consent' | 'exchange-rbac';
  /** The calls, as `METHOD /path` with `{id}` for every variable segment and no query string. */
  calls: readonly string[];
  /** The documentation page that names this permission for the first call. */
  source: string;
}

const API = 'https://learn.microsoft.com/graph/api';

/** Every application permission the product uses; a call the code makes that no entry lists fails a test. */
export const GRAPH_PERMISSIONS: readonly GraphPermission[] = [
  {
    name: 'User.Read.All',
    tenants: 'every',
    grant: 'admin-consent',
    need: 'required',
    calls: ['GET /users', 'GET /users/{id}'],
    source: `${API}/user-get`,
  },
  {
    name: 'GroupMember.Read.All',
    tenants: 'host',
    grant: 'admin-consent',
    need: 'required',
    calls: ['GET /groups'],
    source: `${API}/group-list`,
  },
  {
    name: 'Team.Create',
    tenants: 'host',
    grant: 'admin-consent',
    need: 'required',
    calls: ['POST /teams', 'GET /teams/{id}/operations/{id}'],
    source: `${API}/team-post`,
  },
  {
    name: 'TeamSettings.ReadWrite.All',
    tenants: 'host',
    grant: 'admin-consent',
    need: 'required',
    calls: ['GET /teams/{id}', 'PATCH /teams/{id}'],
    source: `${API}/team-update`,
  },
  {
    name: 'TeamMember.ReadWrite.All',
    tenants: 'host',
    grant: 'admin-consent',
    need: 'required',
    calls: ['GET /teams/{id}/members', 'POST /teams/{id}/members', 'DELETE /teams/{id}/members/{id}'],
    source: `${API}/team-post-members`,
  },
  {
    name: 'Channel.Create',
    tenants: 'host',
    grant: 'admin-consent',
    need: 'required',
    calls: ['POST /teams/{id}/channels'],
    source: `${API}/channel-post`,
  },
  {
    name: 'ChannelSettings.ReadWrite.All',
    tenants: 'host',
    grant: 'admin-consent',
    need: 'required',
    calls: [
      'GET /teams/{id}/channels',
      'GET /teams/{id}/allChannels',
      'GET /teams/{id}/channels/{id}',
      'PATCH /teams/{id}/channels/{id}',
    ],
    source: `${API}/channel-patch`,
  },
  {
    name: 'Channel.Delete.All',
    tenants: 'host',
    grant: 'admin-consent',
    need: 'required',
    calls: ['DELETE /teams/{id}/channels/{id}'],
    source: `${API}/channel-delete`,
  },
  {
    name: 'ChannelMember.ReadWrite.All',
    tenants: 'host',
    grant: 'admin-consent',
    need: 'required',
    calls: [
      'GET /teams/{id}/channels/{id}/members',
      'POST /teams/{id}/channels/{id}/members',
      'DELETE /teams/{id}/channels/{id}/members/{id}',
    ],
    source: `${API}/channel-post-members`,
  },
  {
    name: 'TeamsTab.ReadWrite.All',
    tenants: 'host',
    grant: 'admin-consent',
    need: 'required',
    calls: ['GET /teams/{id}/channels/{id}/tabs', 'POST /teams/{id}/channels/{id}/tabs'],
    source: `${API}/channel-post-tabs`,
  },
  {
    name: 'TeamsAppInstallation.ReadWriteForTeam.All',
    tenants: 'host',
    grant: 'admin-consent',
    need: 'required',
    calls: ['GET /teams/{id}/installedApps', 'POST /teams/{id}/installedApps'],
    source: `${API}/team-post-installedapps`,
  },
  {
    name: 'Calendars.ReadWrite',
    tenants: 'host',
    grant: 'exchange-rbac',
    need: 'required',
    calls: [
      'GET /users/{id}/events',
      'GET /users/{id}/events/{id}',
      'POST /users/{id}/events',
      'PATCH /users/{id}/events/{id}',
      'DELETE /users/{id}/events/{id}',
      'POST /users/{id}/events/{id}/cancel',
      'GET /users/{id}/events/{id}/instances',
      'GET /users/{id}/calendarView',
    ],
    source: `${API}/user-post-events`,
  },
  {
    name: 'Tasks.ReadWrite.All',
    tenants: 'host',
    grant: 'admin-consent',
    need: 'required',
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
  },
  {
    name: 'User.Invite.All',
    tenants: 'host',
    grant: 'admin-consent',
    need: 'optional',
    calls: ['POST /invitations'],
    source: `${API}/invitation-post`,
  },
];

/**
 * Resource-specific (team-scoped) permissions the code relies on: none. Every Graph call above is made with the
 * multi-tenant app's app-only token under the tenant-wide application permissions, and the sync makes the team
 * before anyone can install the Teams app in it, so no call waits for a team owner's RSC grant. The Teams
 * package therefore declares no `authorization.permissions.resourceSpecific` (tested against the manifest).
 */
export const RESOURCE_SPECIFIC_PERMISSIONS: readonly string[] = [];
