// Teams routes of the local tenant: teams (created asynchronously, 202 + operation), team members, channels
// (standard, private, shared), channel members including users of another tenant in shared channels,
// tabs, installed apps and the channel's files folder — with the limits docs/platform.md#teams-structure documents.
import { collection, GraphHttpError, type Entity, type Json, type Route, type TenantContext, type TenantRequest } from './core.ts';
import { createGroupEntity, getGroup, membershipOf, saveMembership } from './directory.ts';
import { asObject, badRequest, compositeId, findUser, iso, optionalString, parseBind, publicOf, requiredString, threadId } from './entities.ts';

export interface TeamsRoutesOptions {
  /** How many polls of a teamsAsyncOperation answer `inProgress` before it reports `succeeded` (default 1). */
  operationPolls?: number;
}

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
const BUILT_IN_APP = /^com\.microsoft\./i;

function notFound(what: string, id: string): GraphHttpError {
  return new GraphHttpError(404, 'NotFound', `${what} '${id}' not found.`);
}

function getTeam(ctx: TenantContext, req: TenantRequest): Entity {
  const id = req.params['team-id'] ?? '';
  const team = collection(ctx.state, req.tenantId, 'teams')[id] ?? collection(ctx.state, req.tenantId, 'teams')[id.toLowerCase()];
  if (!team) throw notFound('Team', id);
  return team;
}

function channelsOf(ctx: TenantContext, tenantId: string, teamId: string): Entity[] {
  return Object.values(collection(ctx.state, tenantId, 'channels')).filter((c) => c._teamId === teamId);
}

function getChannel(ctx: TenantContext, req: TenantRequest): { team: Entity; channel: Entity } {
  const team = getTeam(ctx, req);
  const id = req.params['channel-id'] ?? '';
  const channel = collection(ctx.state, req.tenantId, 'channels')[id];
  if (!channel || channel._teamId !== team.id || channel._deletedDateTime) throw notFound('Channel', id);
  return { team, channel };
}

function isTombstoneCounted(ctx: TenantContext, channel: Entity): boolean {
  const deleted = channel._deletedDateTime;
  if (typeof deleted !== 'string') return true;
  return ctx.clock.now().getTime() - new Date(deleted).getTime() < TEAMS_LIMITS.deletedChannelRetentionMs;
}

/** The user a conversationMember body binds, resolved in its home tenant; disabled or unknown → 404. */
function memberUser(ctx: TenantContext, homeTenantId: string, body: Record<string, unknown>): Entity {
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

function rolesOf(body: Record<string, unknown>): string[] {
  const roles = body.roles ?? [];
  if (!Array.isArray(roles) || roles.some((r) => typeof r !== 'string')) throw badRequest("Property 'roles' must be an array of strings.");
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

function teamMembers(ctx: TenantContext, tenantId: string, teamId: string): Record<string, Json>[] {
  const m = membershipOf(ctx, tenantId, teamId);
  const users = collection(ctx.state, tenantId, 'users');
  const ids = [...new Set([...m.owners, ...m.members])];
  return ids.map((userId) => users[userId]).filter((u): u is Entity => u !== undefined).map((user) => memberView({
    id: compositeId(teamId, String(user.id)), roles: m.owners.includes(String(user.id)) ? ['owner'] : [], user, tenantId,
  }));
}

function channelMemberEntities(ctx: TenantContext, tenantId: string, channelId: string): Entity[] {
  return Object.values(collection(ctx.state, tenantId, 'channelMembers')).filter((m) => m._channelId === channelId);
}

function channelMemberView(ctx: TenantContext, m: Entity): Record<string, Json> | undefined {
  const home = String(m.tenantId);
  const user = ctx.state.tenants[home] ? findUser(ctx, home, String(m.userId)) : undefined;
  if (!user) return undefined;
  return memberView({ id: String(m.id), roles: (m.roles as string[]) ?? [], user, tenantId: home });
}

function newOperation(ctx: TenantContext, tenantId: string, input: { teamId: string; type: string; targetId: string; location: string }, polls: number): Entity {
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

function operationLocation(teamId: string, opId: string): string {
  return `/teams('${teamId}')/operations('${opId}')`;
}

function validateChannelName(name: string): void {
  if (name.length > TEAMS_LIMITS.channelNameMax) throw badRequest(`Channel name must be at most ${TEAMS_LIMITS.channelNameMax} characters.`);
  if (CHANNEL_NAME_FORBIDDEN.test(name) || /^[_.]/.test(name) || /\.$/.test(name)) {
    throw badRequest(`Channel name '${name}' contains characters that are not allowed.`);
  }
}

function channelWebUrl(tenantId: string, teamId: string, channelId: string, name: string): string {
  return `https://teams.microsoft.com/l/channel/${encodeURIComponent(channelId)}/${encodeURIComponent(name)}?groupId=${teamId}&tenantId=${tenantId}`;
}

function createChannelEntity(ctx: TenantContext, tenantId: string, teamId: string, input: { displayName: string; description?: string | undefined; membershipType: string; general?: boolean }): Entity {
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

function addChannelMember(ctx: TenantContext, tenantId: string, teamId: string, channelId: string, user: Entity, homeTenantId: string, roles: string[]): Entity {
  const id = compositeId(channelId, homeTenantId, String(user.id));
  const all = collection(ctx.state, tenantId, 'channelMembers');
  const member: Entity = all[id] ?? { id, userId: String(user.id), tenantId: homeTenantId, roles: [], _channelId: channelId, _teamId: teamId };
  member.roles = roles;
  all[id] = member;
  ctx.changed();
  return member;
}

function teamAppBind(body: Record<string, unknown>): string {
  const bind = parseBind(body['teamsApp@odata.bind'], 'teamsApp@odata.bind');
  if (bind.collection.toLowerCase() !== 'teamsapps') throw badRequest("Property 'teamsApp@odata.bind' must point at appCatalogs/teamsApps/{id}.");
  return bind.id;
}

function expandSet(req: TenantRequest): Set<string> {
  return new Set((req.query.get('$expand') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''));
}

function teamsAppView(appId: string): Record<string, Json> {
  return { id: appId, externalId: null, displayName: appId, distributionMethod: BUILT_IN_APP.test(appId) ? 'store' : 'organization' };
}

function installationView(req: TenantRequest, inst: Entity): Record<string, Json> {
  const out: Record<string, Json> = { id: String(inst.id) };
  const expand = expandSet(req);
  const appId = String(inst._teamsAppId);
  if (expand.has('teamsApp')) out.teamsApp = teamsAppView(appId);
  if (expand.has('teamsAppDefinition')) out.teamsAppDefinition = { id: compositeId(appId, '1.0.0'), teamsAppId: appId, displayName: appId, version: '1.0.0' };
  return out;
}

function installationsFor(ctx: TenantContext, tenantId: string, scope: 'team' | 'user', targetId: string): Entity[] {
  return Object.values(collection(ctx.state, tenantId, 'installedApps')).filter((i) => i._scope === scope && i._targetId === targetId);
}

function installApp(ctx: TenantContext, req: TenantRequest, scope: 'team' | 'user', targetId: string): void {
  const appId = teamAppBind(asObject(req.body));
  const id = compositeId(scope, targetId, appId);
  const all = collection(ctx.state, req.tenantId, 'installedApps');
  if (all[id]) throw new GraphHttpError(409, 'Conflict', 'The app is already installed.');
  all[id] = { id, _scope: scope, _targetId: targetId, _teamsAppId: appId };
  ctx.changed();
}

const TEAM_PATCHABLE = ['displayName', 'description', 'visibility', 'classification', 'memberSettings', 'guestSettings', 'messagingSettings', 'funSettings'];

export function teamsRoutes(options: TeamsRoutesOptions = {}): Route[] {
  const polls = Math.max(0, options.operationPolls ?? 1);

  const createTeam: Route['handler'] = (req, ctx) => {
    const body = asObject(req.body);
    const displayName = requiredString(body, 'displayName', 256);
    const description = optionalString(body, 'description', 1024);
    if (body['template@odata.bind'] === undefined) throw badRequest("Property 'template@odata.bind' is required.");
    const template = parseBind(body['template@odata.bind'], 'template@odata.bind');
    if (template.collection.toLowerCase() !== 'teamstemplates') throw badRequest("Property 'template@odata.bind' must point at teamsTemplates('standard').");
    const visibility = optionalString(body, 'visibility', 20) ?? 'private';
    if (!['private', 'public'].includes(visibility.toLowerCase())) throw badRequest(`Invalid visibility '${visibility}'.`);
    const members = body.members ?? [];
    if (!Array.isArray(members)) throw badRequest("Property 'members' must be an array.");
    const resolved = members.map((m) => {
      const mb = asObject(m, 'member');
      return { user: memberUser(ctx, req.tenantId, mb), roles: rolesOf(mb) };
    });
    // With application permissions the service cannot infer an owner, so one must be named.
    if (!req.userId && !resolved.some((r) => r.roles.includes('owner'))) {
      throw badRequest('A team created with application permissions needs at least one member with the owner role.');
    }
    const nickname = `${displayName.replace(/[^A-Za-z0-9]/g, '').slice(0, 40) || 'team'}${ctx.newId().slice(0, 4)}`;
    const group = createGroupEntity(ctx, req.tenantId, {
      displayName, description, mailNickname: nickname, visibility: visibility.toLowerCase() === 'public' ? 'Public' : 'Private',
      unified: true, mailEnabled: true, securityEnabled: false,
    });
    const teamId = String(group.id);
    const owners = resolved.filter((r) => r.roles.includes('owner')).map((r) => String(r.user.id));
    if (req.userId && owners.length === 0) owners.push(req.userId);
    saveMembership(ctx, req.tenantId, teamId, { owners: [...new Set(owners)], members: [...new Set([...owners, ...resolved.map((r) => String(r.user.id))])] });
    const internalId = threadId(ctx);
    collection(ctx.state, req.tenantId, 'teams')[teamId] = {
      id: teamId,
      createdDateTime: iso(ctx),
      displayName,
      description: description ?? null,
      classification: null,
      internalId,
      isArchived: false,
      specialization: 'none',
      tenantId: req.tenantId,
      visibility: visibility.toLowerCase() === 'public' ? 'public' : 'private',
      webUrl: `https://teams.microsoft.com/l/team/${encodeURIComponent(internalId)}/conversations?groupId=${teamId}&tenantId=${req.tenantId}`,
      memberSettings: { allowCreateUpdateChannels: true, allowDeleteChannels: true, allowAddRemoveApps: true, allowCreateUpdateRemoveTabs: true, allowCreateUpdateRemoveConnectors: true, allowCreatePrivateChannels: true },
      guestSettings: { allowCreateUpdateChannels: false, allowDeleteChannels: false },
      messagingSettings: { allowUserEditMessages: true, allowUserDeleteMessages: true, allowOwnerDeleteMessages: true, allowTeamMentions: true, allowChannelMentions: true },
      funSettings: { allowGiphy: true, giphyContentRating: 'moderate', allowStickersAndMemes: true, allowCustomMemes: true },
    };
    // Every team starts with its General channel, which counts toward the limits like any other.
    createChannelEntity(ctx, req.tenantId, teamId, { displayName: 'General', membershipType: 'standard', general: true });
    const op = newOperation(ctx, req.tenantId, { teamId, type: 'createTeam', targetId: teamId, location: `/teams('${teamId}')` }, polls);
    return { status: 202, headers: { Location: operationLocation(teamId, String(op.id)), 'Content-Location': `/teams('${teamId}')` } };
  };

  const createChannel: Route['handler'] = (req, ctx) => {
    const team = getTeam(ctx, req);
    const teamId = String(team.id);
    if (team.isArchived === true) throw new GraphHttpError(403, 'Forbidden', 'The team is archived.');
    const body = asObject(req.body);
    const displayName = requiredString(body, 'displayName', 1000).trim();
    validateChannelName(displayName);
    const description = optionalString(body, 'description', 1024);
    const membershipType = (optionalString(body, 'membershipType', 20) ?? 'standard');
    if (!['standard', 'private', 'shared'].includes(membershipType)) throw badRequest(`Invalid membershipType '${membershipType}'.`);

    const counted = channelsOf(ctx, req.tenantId, teamId).filter((c) => isTombstoneCounted(ctx, c));
    if (counted.some((c) => String(c.displayName).toLowerCase() === displayName.toLowerCase())) {
      throw badRequest('Channel name already existed, please use other name.');
    }
    if (counted.length >= TEAMS_LIMITS.channelsPerTeam) {
      throw badRequest(`The team has reached the maximum of ${TEAMS_LIMITS.channelsPerTeam} channels (deleted channels count for 30 days).`);
    }
    if (membershipType === 'private' && counted.filter((c) => c.membershipType === 'private').length >= TEAMS_LIMITS.privateChannelsPerTeam) {
      throw badRequest(`The team has reached the maximum of ${TEAMS_LIMITS.privateChannelsPerTeam} private channels.`);
    }

    const rawMembers = body.members;
    if (rawMembers !== undefined && !Array.isArray(rawMembers)) throw badRequest("Property 'members' must be an array.");
    const members = (rawMembers ?? []).map((m) => asObject(m, 'member'));
    const teamMembership = membershipOf(ctx, req.tenantId, teamId);
    let resolved: { user: Entity; roles: string[] }[] = [];
    if (membershipType === 'standard') {
      if (members.length > 0) throw badRequest('Members can only be given for private and shared channels.');
    } else {
      resolved = members.map((mb) => {
        if (typeof mb.tenantId === 'string' && mb.tenantId.toLowerCase() !== req.tenantId) {
          throw badRequest('A channel is created with members of its own tenant; add people of other tenants afterwards.');
        }
        return { user: memberUser(ctx, req.tenantId, mb), roles: rolesOf(mb) };
      });
      const owners = resolved.filter((r) => r.roles.includes('owner'));
      if (owners.length !== 1) throw badRequest(`A ${membershipType} channel must be created with exactly one owner in 'members'.`);
      if (membershipType === 'shared' && resolved.length !== 1) throw badRequest("A shared channel must be created with exactly one member: its owner.");
      if (membershipType === 'private' && resolved.length > TEAMS_LIMITS.privateChannelInitialMembers) {
        throw badRequest(`A private channel starts with at most ${TEAMS_LIMITS.privateChannelInitialMembers} members.`);
      }
      if (membershipType === 'private') {
        for (const r of resolved) {
          if (!teamMembership.members.includes(String(r.user.id)) && !teamMembership.owners.includes(String(r.user.id))) {
            throw badRequest(`User '${String(r.user.id)}' is not a member of the team; members of a private channel must be team members.`);
          }
        }
      }
    }

    const channel = createChannelEntity(ctx, req.tenantId, teamId, { displayName, description, membershipType });
    const channelId = String(channel.id);
    for (const r of resolved) addChannelMember(ctx, req.tenantId, teamId, channelId, r.user, req.tenantId, r.roles);
    if (membershipType === 'shared') {
      const op = newOperation(ctx, req.tenantId, {
        teamId, type: 'createChannel', targetId: channelId, location: `/teams('${teamId}')/channels('${channelId}')`,
      }, polls);
      return { status: 202, headers: { Location: operationLocation(teamId, String(op.id)), 'Content-Location': `/teams('${teamId}')/channels('${channelId}')` } };
    }
    return { status: 201, body: publicOf(channel) };
  };

  const addChannelMemberRoute: Route['handler'] = (req, ctx) => {
    const { team, channel } = getChannel(ctx, req);
    const teamId = String(team.id);
    const channelId = String(channel.id);
    if (channel.membershipType === 'standard') throw badRequest('Members are added to private and shared channels only; a standard channel has the members of its team.');
    const body = asObject(req.body);
    const homeTenant = typeof body.tenantId === 'string' ? body.tenantId.toLowerCase() : req.tenantId;
    if (homeTenant !== req.tenantId) {
      if (channel.membershipType !== 'shared') throw badRequest('Users of another tenant can only be added to shared channels.');
      if (!ctx.state.tenants[homeTenant]) throw new GraphHttpError(403, 'Forbidden', `Tenant '${homeTenant}' has no B2B direct connect with this tenant.`);
    }
    const user = memberUser(ctx, homeTenant, body);
    const roles = rolesOf(body);
    if (channel.membershipType === 'private') {
      const m = membershipOf(ctx, req.tenantId, teamId);
      if (!m.members.includes(String(user.id)) && !m.owners.includes(String(user.id))) {
        throw badRequest('The user is not a member of the team; members of a private channel must be team members.');
      }
    }
    const existing = channelMemberEntities(ctx, req.tenantId, channelId);
    const already = existing.some((e) => e.userId === user.id && e.tenantId === homeTenant);
    const max = channel.membershipType === 'private' ? TEAMS_LIMITS.privateChannelMembers : TEAMS_LIMITS.sharedChannelMembers;
    if (!already && existing.length >= max) throw badRequest(`The channel has reached its maximum of ${max} members.`);
    const member = addChannelMember(ctx, req.tenantId, teamId, channelId, user, homeTenant, roles);
    return { status: 201, body: channelMemberView(ctx, member) ?? {} };
  };

  const channelMember = (ctx: TenantContext, req: TenantRequest): { channel: Entity; member: Entity } => {
    const { channel } = getChannel(ctx, req);
    if (channel.membershipType === 'standard') throw badRequest('A standard channel has the members of its team; address them under /teams/{team-id}/members.');
    const id = req.params['conversationMember-id'] ?? '';
    const member = collection(ctx.state, req.tenantId, 'channelMembers')[id];
    if (!member || member._channelId !== channel.id) throw notFound('Member', id);
    return { channel, member };
  };

  const teamMember = (ctx: TenantContext, req: TenantRequest): { teamId: string; userId: string } => {
    const team = getTeam(ctx, req);
    const teamId = String(team.id);
    const id = req.params['conversationMember-id'] ?? '';
    const userId = teamMembers(ctx, req.tenantId, teamId).find((m) => m.id === id)?.userId;
    if (typeof userId !== 'string') throw notFound('Member', id);
    return { teamId, userId };
  };

  const listChannels: Route['handler'] = (req, ctx) => {
    const team = getTeam(ctx, req);
    const value = channelsOf(ctx, req.tenantId, String(team.id)).filter((c) => !c._deletedDateTime).map(publicOf);
    return { status: 200, body: { value } };
  };

  return [
    {
      method: 'GET', pattern: '/teams',
      handler: (req, ctx) => ({ status: 200, body: { value: Object.values(collection(ctx.state, req.tenantId, 'teams')).map(publicOf) } }),
    },
    { method: 'POST', pattern: '/teams', handler: createTeam },
    { method: 'GET', pattern: '/teams/{team-id}', handler: (req, ctx) => ({ status: 200, body: publicOf(getTeam(ctx, req)) }) },
    {
      method: 'PATCH', pattern: '/teams/{team-id}',
      handler: (req, ctx) => {
        const team = getTeam(ctx, req);
        const body = asObject(req.body);
        for (const [key, value] of Object.entries(body)) {
          if (!TEAM_PATCHABLE.includes(key)) throw badRequest(`Property '${key}' of a team cannot be updated.`);
          if (key.endsWith('Settings')) {
            const current = asObject(team[key] ?? {}, key);
            team[key] = { ...current, ...asObject(value, key) } as Json;
          } else {
            team[key] = optionalString(body, key, 1024) ?? null;
          }
        }
        if (typeof body.displayName === 'string' || typeof body.description === 'string') {
          const group = getGroup(ctx, req.tenantId, String(team.id));
          if (typeof body.displayName === 'string') group.displayName = body.displayName;
          if (typeof body.description === 'string') group.description = body.description;
        }
        ctx.changed();
        return { status: 204 };
      },
    },
    {
      method: 'GET', pattern: '/teams/{team-id}/operations/{teamsAsyncOperation-id}',
      handler: (req, ctx) => {
        const team = getTeam(ctx, req);
        const id = req.params['teamsAsyncOperation-id'] ?? '';
        const op = collection(ctx.state, req.tenantId, 'teamsOperations')[id];
        if (!op || op._teamId !== team.id) throw notFound('Operation', id);
        const left = Number(op._pollsLeft ?? 0);
        if (left > 0) {
          op._pollsLeft = left - 1;
        } else if (op.status !== 'succeeded') {
          op.status = 'succeeded';
          op.lastActionDateTime = iso(ctx);
        }
        ctx.changed();
        return { status: 200, body: publicOf(op) };
      },
    },
    {
      method: 'GET', pattern: '/teams/{team-id}/members',
      handler: (req, ctx) => ({ status: 200, body: { value: teamMembers(ctx, req.tenantId, String(getTeam(ctx, req).id)) } }),
    },
    {
      method: 'POST', pattern: '/teams/{team-id}/members',
      handler: (req, ctx) => {
        const teamId = String(getTeam(ctx, req).id);
        const body = asObject(req.body);
        if (typeof body.tenantId === 'string' && body.tenantId.toLowerCase() !== req.tenantId) {
          throw badRequest('People of another tenant join a team as guests of this tenant; add the guest account instead.');
        }
        const user = memberUser(ctx, req.tenantId, body);
        const roles = rolesOf(body);
        const m = membershipOf(ctx, req.tenantId, teamId);
        const userId = String(user.id);
        if (!m.members.includes(userId)) m.members.push(userId);
        if (roles.includes('owner') && !m.owners.includes(userId)) m.owners.push(userId);
        saveMembership(ctx, req.tenantId, teamId, m);
        const view = teamMembers(ctx, req.tenantId, teamId).find((v) => v.userId === userId);
        return { status: 201, body: view ?? {} };
      },
    },
    {
      method: 'GET', pattern: '/teams/{team-id}/members/{conversationMember-id}',
      handler: (req, ctx) => {
        const { teamId, userId } = teamMember(ctx, req);
        return { status: 200, body: teamMembers(ctx, req.tenantId, teamId).find((v) => v.userId === userId) ?? {} };
      },
    },
    {
      method: 'PATCH', pattern: '/teams/{team-id}/members/{conversationMember-id}',
      handler: (req, ctx) => {
        const { teamId, userId } = teamMember(ctx, req);
        const roles = rolesOf(asObject(req.body));
        const m = membershipOf(ctx, req.tenantId, teamId);
        if (roles.includes('owner')) {
          if (!m.owners.includes(userId)) m.owners.push(userId);
        } else {
          if (m.owners.length === 1 && m.owners[0] === userId) throw badRequest('The last owner of a team cannot be demoted.');
          m.owners = m.owners.filter((id) => id !== userId);
        }
        saveMembership(ctx, req.tenantId, teamId, m);
        return { status: 200, body: teamMembers(ctx, req.tenantId, teamId).find((v) => v.userId === userId) ?? {} };
      },
    },
    {
      method: 'DELETE', pattern: '/teams/{team-id}/members/{conversationMember-id}',
      handler: (req, ctx) => {
        const { teamId, userId } = teamMember(ctx, req);
        const m = membershipOf(ctx, req.tenantId, teamId);
        if (m.owners.length === 1 && m.owners[0] === userId) throw badRequest('The last owner of a team cannot be removed.');
        m.owners = m.owners.filter((id) => id !== userId);
        m.members = m.members.filter((id) => id !== userId);
        saveMembership(ctx, req.tenantId, teamId, m);
        // Leaving the team also means leaving its private channels.
        for (const [id, cm] of Object.entries(collection(ctx.state, req.tenantId, 'channelMembers'))) {
          const ch = collection(ctx.state, req.tenantId, 'channels')[String(cm._channelId)];
          if (cm._teamId === teamId && cm.userId === userId && cm.tenantId === req.tenantId && ch?.membershipType === 'private') {
            delete collection(ctx.state, req.tenantId, 'channelMembers')[id];
          }
        }
        return { status: 204 };
      },
    },
    { method: 'GET', pattern: '/teams/{team-id}/channels', handler: listChannels },
    { method: 'GET', pattern: '/teams/{team-id}/allChannels', handler: listChannels },
    { method: 'POST', pattern: '/teams/{team-id}/channels', handler: createChannel },
    { method: 'GET', pattern: '/teams/{team-id}/channels/{channel-id}', handler: (req, ctx) => ({ status: 200, body: publicOf(getChannel(ctx, req).channel) }) },
    {
      method: 'PATCH', pattern: '/teams/{team-id}/channels/{channel-id}',
      handler: (req, ctx) => {
        const { team, channel } = getChannel(ctx, req);
        const body = asObject(req.body);
        for (const key of Object.keys(body)) {
          if (!['displayName', 'description', '@odata.type'].includes(key)) throw badRequest(`Property '${key}' of a channel cannot be updated.`);
        }
        if (body.displayName !== undefined) {
          if (channel._general === true) throw badRequest('The General channel cannot be renamed.');
          const name = requiredString(body, 'displayName', 1000).trim();
          validateChannelName(name);
          const clash = channelsOf(ctx, req.tenantId, String(team.id))
            .some((c) => c.id !== channel.id && isTombstoneCounted(ctx, c) && String(c.displayName).toLowerCase() === name.toLowerCase());
          if (clash) throw badRequest('Channel name already existed, please use other name.');
          channel.displayName = name;
          channel.webUrl = channelWebUrl(req.tenantId, String(team.id), String(channel.id), name);
        }
        if (body.description !== undefined) channel.description = optionalString(body, 'description', 1024) ?? null;
        ctx.changed();
        return { status: 204 };
      },
    },
    {
      method: 'DELETE', pattern: '/teams/{team-id}/channels/{channel-id}',
      handler: (req, ctx) => {
        const { channel } = getChannel(ctx, req);
        if (channel._general === true) throw badRequest('The General channel cannot be deleted.');
        // A tombstone: gone for clients, still counted toward the channel limit for 30 days.
        channel._deletedDateTime = iso(ctx);
        ctx.changed();
        return { status: 204 };
      },
    },
    {
      method: 'GET', pattern: '/teams/{team-id}/channels/{channel-id}/members',
      handler: (req, ctx) => {
        const { team, channel } = getChannel(ctx, req);
        if (channel.membershipType === 'standard') return { status: 200, body: { value: teamMembers(ctx, req.tenantId, String(team.id)) } };
        const value = channelMemberEntities(ctx, req.tenantId, String(channel.id))
          .map((m) => channelMemberView(ctx, m)).filter((v): v is Record<string, Json> => v !== undefined);
        return { status: 200, body: { value } };
      },
    },
    { method: 'POST', pattern: '/teams/{team-id}/channels/{channel-id}/members', handler: addChannelMemberRoute },
    {
      method: 'GET', pattern: '/teams/{team-id}/channels/{channel-id}/members/{conversationMember-id}',
      handler: (req, ctx) => ({ status: 200, body: channelMemberView(ctx, channelMember(ctx, req).member) ?? {} }),
    },
    {
      method: 'PATCH', pattern: '/teams/{team-id}/channels/{channel-id}/members/{conversationMember-id}',
      handler: (req, ctx) => {
        const { channel, member } = channelMember(ctx, req);
        const roles = rolesOf(asObject(req.body));
        const owners = channelMemberEntities(ctx, req.tenantId, String(channel.id)).filter((m) => (m.roles as string[]).includes('owner'));
        if (!roles.includes('owner') && owners.length === 1 && owners[0]?.id === member.id) throw badRequest('The last owner of a channel cannot be demoted.');
        member.roles = roles;
        ctx.changed();
        return { status: 200, body: channelMemberView(ctx, member) ?? {} };
      },
    },
    {
      method: 'DELETE', pattern: '/teams/{team-id}/channels/{channel-id}/members/{conversationMember-id}',
      handler: (req, ctx) => {
        const { channel, member } = channelMember(ctx, req);
        const owners = channelMemberEntities(ctx, req.tenantId, String(channel.id)).filter((m) => (m.roles as string[]).includes('owner'));
        if (owners.length === 1 && owners[0]?.id === member.id) throw badRequest('The last owner of a channel cannot be removed.');
        delete collection(ctx.state, req.tenantId, 'channelMembers')[String(member.id)];
        ctx.changed();
        return { status: 204 };
      },
    },
    {
      method: 'GET', pattern: '/teams/{team-id}/channels/{channel-id}/sharedWithTeams',
      handler: (req, ctx) => {
        const { team, channel } = getChannel(ctx, req);
        if (channel.membershipType !== 'shared') throw badRequest('Only a shared channel is shared with teams.');
        return { status: 200, body: { value: [{ id: String(team.id), displayName: team.displayName ?? null, tenantId: req.tenantId, isHostTeam: true }] } };
      },
    },
    {
      method: 'GET', pattern: '/teams/{team-id}/channels/{channel-id}/filesFolder',
      handler: (req, ctx) => {
        const { team, channel } = getChannel(ctx, req);
        const domainPrefix = (ctx.state.tenants[req.tenantId]?.domain ?? 'local').split('.')[0];
        const site = String(getGroup(ctx, req.tenantId, String(team.id)).mailNickname ?? team.id);
        return {
          status: 200,
          body: {
            id: compositeId('folder', String(channel.id)),
            name: channel.displayName,
            createdDateTime: channel.createdDateTime,
            lastModifiedDateTime: channel.createdDateTime,
            webUrl: `https://${domainPrefix}.sharepoint.com/sites/${site}/Shared%20Documents/${encodeURIComponent(String(channel.displayName))}`,
            size: 0,
            folder: { childCount: 0 },
            parentReference: { driveId: compositeId('drive', String(team.id)), driveType: 'documentLibrary' },
          },
        };
      },
    },
    {
      method: 'GET', pattern: '/teams/{team-id}/channels/{channel-id}/tabs',
      handler: (req, ctx) => {
        const { channel } = getChannel(ctx, req);
        const expand = expandSet(req);
        const value = Object.values(collection(ctx.state, req.tenantId, 'tabs')).filter((t) => t._channelId === channel.id).map((t) => {
          const out = publicOf(t);
          if (expand.has('teamsApp')) out.teamsApp = teamsAppView(String(t._teamsAppId));
          return out;
        });
        return { status: 200, body: { value } };
      },
    },
    {
      method: 'POST', pattern: '/teams/{team-id}/channels/{channel-id}/tabs',
      handler: (req, ctx) => {
        const { team, channel } = getChannel(ctx, req);
        const body = asObject(req.body);
        const displayName = requiredString(body, 'displayName', 128);
        const appId = teamAppBind(body);
        if (!BUILT_IN_APP.test(appId) && installationsFor(ctx, req.tenantId, 'team', String(team.id)).every((i) => i._teamsAppId !== appId)) {
          throw badRequest(`The app '${appId}' is not installed in the team; install it before adding its tab.`);
        }
        const config = body.configuration === undefined ? {} : asObject(body.configuration, 'configuration');
        const configuration: Record<string, Json> = {};
        for (const key of ['entityId', 'contentUrl', 'websiteUrl', 'removeUrl']) {
          const v = config[key];
          if (v !== undefined && v !== null && typeof v !== 'string') throw badRequest(`configuration.${key} must be a string.`);
          configuration[key] = (v as string | undefined) ?? null;
        }
        const id = ctx.newId();
        const tab: Entity = {
          id, displayName, configuration,
          webUrl: `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/${id}?webUrl=${encodeURIComponent(String(configuration.websiteUrl ?? ''))}&label=${encodeURIComponent(displayName)}`,
          _channelId: String(channel.id), _teamsAppId: appId,
        };
        collection(ctx.state, req.tenantId, 'tabs')[id] = tab;
        ctx.changed();
        return { status: 201, body: publicOf(tab) };
      },
    },
    {
      method: 'GET', pattern: '/teams/{team-id}/installedApps',
      handler: (req, ctx) => {
        const team = getTeam(ctx, req);
        return { status: 200, body: { value: installationsFor(ctx, req.tenantId, 'team', String(team.id)).map((i) => installationView(req, i)) } };
      },
    },
    {
      method: 'POST', pattern: '/teams/{team-id}/installedApps',
      handler: (req, ctx) => {
        installApp(ctx, req, 'team', String(getTeam(ctx, req).id));
        return { status: 201 };
      },
    },
    {
      method: 'GET', pattern: '/users/{user-id}/teamwork/installedApps',
      handler: (req, ctx) => {
        const user = findUser(ctx, req.tenantId, req.params['user-id'] ?? '');
        if (!user) throw notFound('User', req.params['user-id'] ?? '');
        return { status: 200, body: { value: installationsFor(ctx, req.tenantId, 'user', String(user.id)).map((i) => installationView(req, i)) } };
      },
    },
    {
      method: 'POST', pattern: '/users/{user-id}/teamwork/installedApps',
      handler: (req, ctx) => {
        const user = findUser(ctx, req.tenantId, req.params['user-id'] ?? '');
        if (!user || user.accountEnabled === false) throw notFound('User', req.params['user-id'] ?? '');
        installApp(ctx, req, 'user', String(user.id));
        return { status: 201 };
      },
    },
  ];
}
