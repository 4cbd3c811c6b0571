// Teams basics of the local tenant: the limits docs/platform.md#teams-structure documents, look-ups of teams and
// channels, member views, async operations, channel entities and installed-app records shared by the Teams routes.
import { collection, GraphHttpError, type Entity, type Json, type TenantContext, type TenantRequest } from './core.ts';
import { membershipOf } from './directory.ts';
import { asObject, badRequest, compositeId, findUser, iso, parseBind, threadId } from './entities.ts';

/** Limits from docs/platform.md#teams-structure. */
export const TEAMS_LIMITS = {
  channelsPerTeam: 1000,
  privateChannelsPerTeam: 30,
  privateChannelMembers: 250,
  privateChannelInitialMembers: 200,
  sharedChannelMembers: 5000,
  /** Deleted channels count toward the channel limit for this long. */
  deletedChannelRetentionMs: 30 * 86_400_000,
  channelNameMax: 50,
} as const;

const MEMBER_TYPE = '#microsoft.graph.aadUserConversationMember';
const CHANNEL_NAME_FORBIDDEN = /[~#%&*{}+/\\:<>?|'"]/;
/** Whole names Teams refuses for a channel (Limits and specifications for Microsoft Teams), case-insensitive. */
const CHANNEL_NAME_RESERVED = new Set([
  'forms',
  'con',
  'conin$',
  'conout$',
  'prn',
  'aux',
  'nul',
  'desktop.ini',
  '_vti_',
  ...Array.from({ length: 9 }, (_, i) => `com${i + 1}`),
  ...Array.from({ length: 9 }, (_, i) => `lpt${i + 1}`),
]);
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u0080-\u009f]/;
export const BUILT_IN_APP = /^com\.microsoft\./i;

export function notFound(what: string, id: string): GraphHttpError {
  return new GraphHttpError(404, 'NotFound', `${what} '${id}' not found.`);
}

export function getTeam(ctx: TenantContext, req: TenantRequest): Entity {
  const id = req.params['team-id'] ?? '';
  const team =
    collection(ctx.state, req.tenantId, 'teams')[id] ?? collection(ctx.state, req.tenantId, 'teams')[id.toLowerCase()];
  if (!team) throw notFound('Team', id);
  return team;
}

export function channelsOf(ctx: TenantContext, tenantId: string, teamId: string): Entity[] {
  return Object.values(collection(ctx.state, tenantId, 'channels')).filter((c) => c._teamId === teamId);
}

export function getChannel(ctx: TenantContext, req: TenantRequest): { team: Entity; channel: Entity } {
  const team = getTeam(ctx, req);
  const id = req.params['channel-id'] ?? '';
  const channel = collection(ctx.state, req.tenantId, 'channels')[id];
  if (!channel || channel._teamId !== team.id || channel._deletedDateTime) throw notFound('Channel', id);
  return { team, channel };
}

export function isTombstoneCounted(ctx: TenantContext, channel: Entity): boolean {
  const deleted = channel._deletedDateTime;
  if (typeof deleted !== 'string') return true;
  return ctx.clock.now().getTime() - new Date(deleted).getTime() < TEAMS_LIMITS.deletedChannelRetentionMs;
}

/** The user a conversationMember body binds, resolved in its home tenant; disabled or unknown → 404. */
export function memberUser(ctx: TenantContext, homeTenantId: string, body: Record<string, unknown>): Entity {
  const type = body['@odata.type'];
  if (typeof type === 'string' && type.toLowerCase() !== MEMBER_TYPE.toLowerCase()) {
    throw badRequest(`Only members of type '${MEMBER_TYPE}' are supported.`);
  }
  const bindValue = body['user@odata.bind'];
  if (bindValue === undefined) throw badRequest("Property 'user@odata.bind' is required.");
  const bind = parseBind(bindValue, 'user@odata.bind');
  if (bind.collection.toLowerCase() !== 'users') throw badRequest(`Invalid user bind '${String(bindValue)}'.`);
  const user = findUser(ctx, homeTenantId, bind.id);
  // Graph answers 404 alike for an unknown and for a disabled account.
  if (!user || user.accountEnabled === false) throw notFound('User', bind.id);
  return user;
}

export function rolesOf(body: Record<string, unknown>): string[] {
  const roles = body.roles ?? [];
  if (!Array.isArray(roles) || roles.some((r) => typeof r !== 'string'))
    throw badRequest("Property 'roles' must be an array of strings.");
  const lower = roles.map((r) => (r as string).toLowerCase());
  if (lower.some((r) => r !== 'owner' && r !== 'guest')) throw badRequest("Roles may only contain 'owner' or 'guest'.");
  return lower.includes('owner') ? ['owner'] : [];
}

function memberView(member: { id: string; roles: string[]; user: Entity; tenantId: string }): Record<string, Json> {
  return {
    '@odata.type': MEMBER_TYPE,
    id: member.id,
    roles: member.roles,
    displayName: (member.user.displayName as string | null) ?? null,
    visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
    userId: String(member.user.id),
    email: (member.user.mail as string | null) ?? null,
    tenantId: member.tenantId,
  };
}

export function teamMembers(ctx: TenantContext, tenantId: string, teamId: string): Record<string, Json>[] {
  const m = membershipOf(ctx, tenantId, teamId);
  const users = collection(ctx.state, tenantId, 'users');
  const ids = [...new Set([...m.owners, ...m.members])];
  return ids
    .map((userId) => users[userId])
    .filter((u): u is Entity => u !== undefined)
    .map((user) =>
      memberView({
        id: compositeId(teamId, String(user.id)),
        // Graph: roles holds 'owner' for owners and 'guest' for guest users (conversationMember.roles).
        roles: m.owners.includes(String(user.id)) ? ['owner'] : user.userType === 'Guest' ? ['guest'] : [],
        user,
        tenantId,
      }),
    );
}

export function channelMemberEntities(ctx: TenantContext, tenantId: string, channelId: string): Entity[] {
  return Object.values(collection(ctx.state, tenantId, 'channelMembers')).filter((m) => m._channelId === channelId);
}

export function channelMemberView(ctx: TenantContext, m: Entity): Record<string, Json> | undefined {
  const home = String(m.tenantId);
  const user = ctx.state.tenants[home] ? findUser(ctx, home, String(m.userId)) : undefined;
  if (!user) return undefined;
  return memberView({ id: String(m.id), roles: (m.roles as string[]) ?? [], user, tenantId: home });
}

export function newOperation(
  ctx: TenantContext,
  tenantId: string,
  input: { teamId: string; type: string; targetId: string; location: string },
  polls: number,
): Entity {
  const now = iso(ctx);
  const op: Entity = {
    id: ctx.newId(),
    operationType: input.type,
    createdDateTime: now,
    status: polls > 0 ? 'inProgress' : 'succeeded',
    lastActionDateTime: now,
    attemptsCount: 1,
    targetResourceId: input.targetId,
    targetResourceLocation: input.location,
    error: null,
    _teamId: input.teamId,
    _pollsLeft: polls,
  };
  collection(ctx.state, tenantId, 'teamsOperations')[String(op.id)] = op;
  ctx.changed();
  return op;
}

export function operationLocation(teamId: string, opId: string): string {
  return `/teams('${teamId}')/operations('${opId}')`;
}

export function validateChannelName(name: string): void {
  if (name.length > TEAMS_LIMITS.channelNameMax)
    throw badRequest(`Channel name must be at most ${TEAMS_LIMITS.channelNameMax} characters.`);
  if (CHANNEL_NAME_RESERVED.has(name.toLowerCase()))
    throw badRequest(`Channel name '${name}' is reserved and cannot be used.`);
  if (CHANNEL_NAME_FORBIDDEN.test(name) || CONTROL_CHARACTERS.test(name) || /^[_.]/.test(name) || /\.$/.test(name)) {
    throw badRequest(`Channel name '${name}' contains characters that are not allowed.`);
  }
}

export function channelWebUrl(tenantId: string, teamId: string, channelId: string, name: string): string {
  return `https://teams.microsoft.com/l/channel/${encodeURIComponent(channelId)}/${encodeURIComponent(name)}?groupId=${teamId}&tenantId=${tenantId}`;
}

export function createChannelEntity(
  ctx: TenantContext,
  tenantId: string,
  teamId: string,
  input: { displayName: string; description?: string | undefined; membershipType: string; general?: boolean },
): Entity {
  const id = threadId(ctx);
  const channel: Entity = {
    id,
    createdDateTime: iso(ctx),
    displayName: input.displayName,
    description: input.description ?? null,
    isArchived: false,
    isFavoriteByDefault: input.membershipType === 'standard' ? false : null,
    membershipType: input.membershipType,
    email: '',
    tenantId,
    webUrl: channelWebUrl(tenantId, teamId, id, input.displayName),
    _teamId: teamId,
    _general: input.general === true,
  };
  collection(ctx.state, tenantId, 'channels')[id] = channel;
  ctx.changed();
  return channel;
}

export function addChannelMember(
  ctx: TenantContext,
  tenantId: string,
  teamId: string,
  channelId: string,
  user: Entity,
  homeTenantId: string,
  roles: string[],
): Entity {
  const id = compositeId(channelId, homeTenantId, String(user.id));
  const all = collection(ctx.state, tenantId, 'channelMembers');
  const member: Entity = all[id] ?? {
    id,
    userId: String(user.id),
    tenantId: homeTenantId,
    roles: [],
    _channelId: channelId,
    _teamId: teamId,
  };
  member.roles = roles;
  all[id] = member;
  ctx.changed();
  return member;
}

export function teamAppBind(body: Record<string, unknown>): string {
  const bind = parseBind(body['teamsApp@odata.bind'], 'teamsApp@odata.bind');
  if (bind.collection.toLowerCase() !== 'teamsapps')
    throw badRequest("Property 'teamsApp@odata.bind' must point at appCatalogs/teamsApps/{id}.");
  return bind.id;
}

export function expandSet(req: TenantRequest): Set<string> {
  return new Set(
    (req.query.get('$expand') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
}

export function teamsAppView(appId: string): Record<string, Json> {
  return {
    id: appId,
    externalId: null,
    displayName: appId,
    distributionMethod: BUILT_IN_APP.test(appId) ? 'store' : 'organization',
  };
}

export function installationView(req: TenantRequest, inst: Entity): Record<string, Json> {
  const out: Record<string, Json> = { id: String(inst.id) };
  const expand = expandSet(req);
  const appId = String(inst._teamsAppId);
  if (expand.has('teamsApp')) out.teamsApp = teamsAppView(appId);
  if (expand.has('teamsAppDefinition'))
    out.teamsAppDefinition = {
      id: compositeId(appId, '1.0.0'),
      teamsAppId: appId,
      displayName: appId,
      version: '1.0.0',
    };
  return out;
}

export function installationsFor(
  ctx: TenantContext,
  tenantId: string,
  scope: 'team' | 'user',
  targetId: string,
): Entity[] {
  return Object.values(collection(ctx.state, tenantId, 'installedApps')).filter(
    (i) => i._scope === scope && i._targetId === targetId,
  );
}

export function installApp(ctx: TenantContext, req: TenantRequest, scope: 'team' | 'user', targetId: string): void {
  const appId = teamAppBind(asObject(req.body));
  const id = compositeId(scope, targetId, appId);
  const all = collection(ctx.state, req.tenantId, 'installedApps');
  if (all[id]) throw new GraphHttpError(409, 'Conflict', 'The app is already installed.');
  all[id] = { id, _scope: scope, _targetId: targetId, _teamsAppId: appId };
  ctx.changed();
}

export const TEAM_PATCHABLE = [
  'displayName',
  'description',
  'visibility',
  'classification',
  'memberSettings',
  'guestSettings',
  'messagingSettings',
  'funSettings',
];
