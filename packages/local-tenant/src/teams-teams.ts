// Teams of the local tenant: teams (created asynchronously, 202 + operation), their operations and team members.
import {
  collection,
  type Json,
  type Route,
  type TenantContext,
  type TenantRequest,
  type TenantResponse,
} from './core.ts';
import { createGroupEntity, getGroup, membershipOf, saveMembership } from './directory.ts';
import {
  asObject,
  badRequest,
  iso,
  optionalString,
  parseBind,
  publicOf,
  requiredString,
  threadId,
} from './entities.ts';
import {
  createChannelEntity,
  getTeam,
  memberUser,
  newOperation,
  notFound,
  operationLocation,
  rolesOf,
  TEAM_PATCHABLE,
  teamMembers,
} from './teams-core.ts';

// ---------------------------------------------------------------------------------------------------------------
// Teams, their async operations and members

function teamMember(ctx: TenantContext, req: TenantRequest): { teamId: string; userId: string } {
  const team = getTeam(ctx, req);
  const teamId = String(team.id);
  const id = req.params['conversationMember-id'] ?? '';
  const userId = teamMembers(ctx, req.tenantId, teamId).find((m) => m.id === id)?.userId;
  if (typeof userId !== 'string') throw notFound('Member', id);
  return { teamId, userId };
}

export function listTeams(req: TenantRequest, ctx: TenantContext): TenantResponse {
  return { status: 200, body: { value: Object.values(collection(ctx.state, req.tenantId, 'teams')).map(publicOf) } };
}

export function createTeam(polls: number): Route['handler'] {
  return (req, ctx) => {
    const body = asObject(req.body);
    const displayName = requiredString(body, 'displayName', 256);
    const description = optionalString(body, 'description', 1024);
    if (body['template@odata.bind'] === undefined) throw badRequest("Property 'template@odata.bind' is required.");
    const template = parseBind(body['template@odata.bind'], 'template@odata.bind');
    if (template.collection.toLowerCase() !== 'teamstemplates')
      throw badRequest("Property 'template@odata.bind' must point at teamsTemplates('standard').");
    const visibility = optionalString(body, 'visibility', 20) ?? 'private';
    if (!['private', 'public'].includes(visibility.toLowerCase()))
      throw badRequest(`Invalid visibility '${visibility}'.`);
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
      displayName,
      description,
      mailNickname: nickname,
      visibility: visibility.toLowerCase() === 'public' ? 'Public' : 'Private',
      unified: true,
      mailEnabled: true,
      securityEnabled: false,
    });
    const teamId = String(group.id);
    const owners = resolved.filter((r) => r.roles.includes('owner')).map((r) => String(r.user.id));
    if (req.userId && owners.length === 0) owners.push(req.userId);
    saveMembership(ctx, req.tenantId, teamId, {
      owners: [...new Set(owners)],
      members: [...new Set([...owners, ...resolved.map((r) => String(r.user.id))])],
    });
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
      memberSettings: {
        allowCreateUpdateChannels: true,
        allowDeleteChannels: true,
        allowAddRemoveApps: true,
        allowCreateUpdateRemoveTabs: true,
        allowCreateUpdateRemoveConnectors: true,
        allowCreatePrivateChannels: true,
      },
      guestSettings: { allowCreateUpdateChannels: false, allowDeleteChannels: false },
      messagingSettings: {
        allowUserEditMessages: true,
        allowUserDeleteMessages: true,
        allowOwnerDeleteMessages: true,
        allowTeamMentions: true,
        allowChannelMentions: true,
      },
      funSettings: {
        allowGiphy: true,
        giphyContentRating: 'moderate',
        allowStickersAndMemes: true,
        allowCustomMemes: true,
      },
    };
    // Every team starts with its General channel, which counts toward the limits like any other.
    createChannelEntity(ctx, req.tenantId, teamId, {
      displayName: 'General',
      membershipType: 'standard',
      general: true,
    });
    const op = newOperation(
      ctx,
      req.tenantId,
      { teamId, type: 'createTeam', targetId: teamId, location: `/teams('${teamId}')` },
      polls,
    );
    return {
      status: 202,
      headers: { Location: operationLocation(teamId, String(op.id)), 'Content-Location': `/teams('${teamId}')` },
    };
  };
}

export function readTeam(req: TenantRequest, ctx: TenantContext): TenantResponse {
  return { status: 200, body: publicOf(getTeam(ctx, req)) };
}

export function updateTeam(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const team = getTeam(ctx, req);
  const body = asObject(req.body);
  for (const [key, value] of Object.entries(body)) {
    if (!TEAM_PATCHABLE.includes(key)) throw badRequest(`Property '${key}' of a team cannot be updated.`);
    if (key.endsWith('Settings')) {
      const current = asObject(team[key] ?? {}, key);
      team[key] = { ...current, ...asObject(value, key) } as Json;
    } else {
      // A team's name is its group's: 256 characters, as on create; a description 1024.
      team[key] = optionalString(body, key, key === 'displayName' ? 256 : 1024) ?? null;
    }
  }
  if (typeof body.displayName === 'string' || typeof body.description === 'string') {
    const group = getGroup(ctx, req.tenantId, String(team.id));
    if (typeof body.displayName === 'string') group.displayName = body.displayName;
    if (typeof body.description === 'string') group.description = body.description;
  }
  ctx.changed();
  return { status: 204 };
}

export function readOperation(req: TenantRequest, ctx: TenantContext): TenantResponse {
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
}

export function listTeamMembers(req: TenantRequest, ctx: TenantContext): TenantResponse {
  return { status: 200, body: { value: teamMembers(ctx, req.tenantId, String(getTeam(ctx, req).id)) } };
}

export function addTeamMember(req: TenantRequest, ctx: TenantContext): TenantResponse {
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
}

export function readTeamMember(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const { teamId, userId } = teamMember(ctx, req);
  return { status: 200, body: teamMembers(ctx, req.tenantId, teamId).find((v) => v.userId === userId) ?? {} };
}

export function updateTeamMember(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const { teamId, userId } = teamMember(ctx, req);
  const roles = rolesOf(asObject(req.body));
  const m = membershipOf(ctx, req.tenantId, teamId);
  if (roles.includes('owner')) {
    if (!m.owners.includes(userId)) m.owners.push(userId);
  } else {
    if (m.owners.length === 1 && m.owners[0] === userId)
      throw badRequest('The last owner of a team cannot be demoted.');
    m.owners = m.owners.filter((id) => id !== userId);
  }
  saveMembership(ctx, req.tenantId, teamId, m);
  return { status: 200, body: teamMembers(ctx, req.tenantId, teamId).find((v) => v.userId === userId) ?? {} };
}

export function removeTeamMember(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const { teamId, userId } = teamMember(ctx, req);
  const m = membershipOf(ctx, req.tenantId, teamId);
  if (m.owners.length === 1 && m.owners[0] === userId) throw badRequest('The last owner of a team cannot be removed.');
  m.owners = m.owners.filter((id) => id !== userId);
  m.members = m.members.filter((id) => id !== userId);
  saveMembership(ctx, req.tenantId, teamId, m);
  // Leaving the team also means leaving its private channels.
  for (const [id, cm] of Object.entries(collection(ctx.state, req.tenantId, 'channelMembers'))) {
    const ch = collection(ctx.state, req.tenantId, 'channels')[String(cm._channelId)];
    if (
      cm._teamId === teamId &&
      cm.userId === userId &&
      cm.tenantId === req.tenantId &&
      ch?.membershipType === 'private'
    ) {
      delete collection(ctx.state, req.tenantId, 'channelMembers')[id];
    }
  }
  return { status: 204 };
}
