// Channels of the local tenant: standard, private and shared channels, deleted ones counted for 30 days, the
// teams a shared channel is shared with and the channel's files folder.
import {
  GraphHttpError,
  type Entity,
  type Route,
  type TenantContext,
  type TenantRequest,
  type TenantResponse,
} from './core.ts';
import { getGroup, membershipOf } from './directory.ts';
import { asObject, badRequest, compositeId, iso, optionalString, publicOf, requiredString } from './entities.ts';
import {
  addChannelMember,
  channelsOf,
  channelWebUrl,
  createChannelEntity,
  getChannel,
  getTeam,
  isTombstoneCounted,
  memberUser,
  newOperation,
  operationLocation,
  rolesOf,
  TEAMS_LIMITS,
  validateChannelName,
} from './teams-core.ts';

// ---------------------------------------------------------------------------------------------------------------
// Channels (and their files folder)

export function listChannels(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const team = getTeam(ctx, req);
  const value = channelsOf(ctx, req.tenantId, String(team.id))
    .filter((c) => !c._deletedDateTime)
    .map(publicOf);
  return { status: 200, body: { value } };
}

export function createChannel(polls: number): Route['handler'] {
  return (req, ctx) => {
    const team = getTeam(ctx, req);
    const teamId = String(team.id);
    if (team.isArchived === true) throw new GraphHttpError(403, 'Forbidden', 'The team is archived.');
    const body = asObject(req.body);
    const displayName = requiredString(body, 'displayName', 1000).trim();
    validateChannelName(displayName);
    const description = optionalString(body, 'description', 1024);
    const membershipType = optionalString(body, 'membershipType', 20) ?? 'standard';
    if (!['standard', 'private', 'shared'].includes(membershipType))
      throw badRequest(`Invalid membershipType '${membershipType}'.`);

    const counted = channelsOf(ctx, req.tenantId, teamId).filter((c) => isTombstoneCounted(ctx, c));
    if (counted.some((c) => String(c.displayName).toLowerCase() === displayName.toLowerCase())) {
      throw badRequest('Channel name already existed, please use other name.');
    }
    if (counted.length >= TEAMS_LIMITS.channelsPerTeam) {
      throw badRequest(
        `The team has reached the maximum of ${TEAMS_LIMITS.channelsPerTeam} channels (deleted channels count for 30 days).`,
      );
    }
    if (
      membershipType === 'private' &&
      counted.filter((c) => c.membershipType === 'private').length >= TEAMS_LIMITS.privateChannelsPerTeam
    ) {
      throw badRequest(`The team has reached the maximum of ${TEAMS_LIMITS.privateChannelsPerTeam} private channels.`);
    }

    const rawMembers = body.members;
    if (rawMembers !== undefined && !Array.isArray(rawMembers))
      throw badRequest("Property 'members' must be an array.");
    const members = (rawMembers ?? []).map((m) => asObject(m, 'member'));
    const teamMembership = membershipOf(ctx, req.tenantId, teamId);
    let resolved: { user: Entity; roles: string[] }[] = [];
    if (membershipType === 'standard') {
      if (members.length > 0) throw badRequest('Members can only be given for private and shared channels.');
    } else {
      resolved = members.map((mb) => {
        if (typeof mb.tenantId === 'string' && mb.tenantId.toLowerCase() !== req.tenantId) {
          throw badRequest(
            'A channel is created with members of its own tenant; add people of other tenants afterwards.',
          );
        }
        return { user: memberUser(ctx, req.tenantId, mb), roles: rolesOf(mb) };
      });
      const owners = resolved.filter((r) => r.roles.includes('owner'));
      if (owners.length !== 1)
        throw badRequest(`A ${membershipType} channel must be created with exactly one owner in 'members'.`);
      if (membershipType === 'shared' && resolved.length !== 1)
        throw badRequest('A shared channel must be created with exactly one member: its owner.');
      if (membershipType === 'private' && resolved.length > TEAMS_LIMITS.privateChannelInitialMembers) {
        throw badRequest(`A private channel starts with at most ${TEAMS_LIMITS.privateChannelInitialMembers} members.`);
      }
      if (membershipType === 'private') {
        for (const r of resolved) {
          if (
            !teamMembership.members.includes(String(r.user.id)) &&
            !teamMembership.owners.includes(String(r.user.id))
          ) {
            throw badRequest(
              `User '${String(r.user.id)}' is not a member of the team; members of a private channel must be team members.`,
            );
          }
        }
      }
    }

    const channel = createChannelEntity(ctx, req.tenantId, teamId, { displayName, description, membershipType });
    const channelId = String(channel.id);
    for (const r of resolved) addChannelMember(ctx, req.tenantId, teamId, channelId, r.user, req.tenantId, r.roles);
    if (membershipType === 'shared') {
      const op = newOperation(
        ctx,
        req.tenantId,
        {
          teamId,
          type: 'createChannel',
          targetId: channelId,
          location: `/teams('${teamId}')/channels('${channelId}')`,
        },
        polls,
      );
      return {
        status: 202,
        headers: {
          Location: operationLocation(teamId, String(op.id)),
          'Content-Location': `/teams('${teamId}')/channels('${channelId}')`,
        },
      };
    }
    return { status: 201, body: publicOf(channel) };
  };
}

export function readChannel(req: TenantRequest, ctx: TenantContext): TenantResponse {
  return { status: 200, body: publicOf(getChannel(ctx, req).channel) };
}

export function updateChannel(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const { team, channel } = getChannel(ctx, req);
  const body = asObject(req.body);
  for (const key of Object.keys(body)) {
    if (!['displayName', 'description', '@odata.type'].includes(key))
      throw badRequest(`Property '${key}' of a channel cannot be updated.`);
  }
  if (body.displayName !== undefined) {
    if (channel._general === true) throw badRequest('The General channel cannot be renamed.');
    const name = requiredString(body, 'displayName', 1000).trim();
    validateChannelName(name);
    const clash = channelsOf(ctx, req.tenantId, String(team.id)).some(
      (c) =>
        c.id !== channel.id && isTombstoneCounted(ctx, c) && String(c.displayName).toLowerCase() === name.toLowerCase(),
    );
    if (clash) throw badRequest('Channel name already existed, please use other name.');
    channel.displayName = name;
    channel.webUrl = channelWebUrl(req.tenantId, String(team.id), String(channel.id), name);
  }
  if (body.description !== undefined) channel.description = optionalString(body, 'description', 1024) ?? null;
  ctx.changed();
  return { status: 204 };
}

export function removeChannel(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const { channel } = getChannel(ctx, req);
  if (channel._general === true) throw badRequest('The General channel cannot be deleted.');
  // A tombstone: gone for clients, still counted toward the channel limit for 30 days.
  channel._deletedDateTime = iso(ctx);
  ctx.changed();
  return { status: 204 };
}

export function listSharedWithTeams(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const { team, channel } = getChannel(ctx, req);
  if (channel.membershipType !== 'shared') throw badRequest('Only a shared channel is shared with teams.');
  return {
    status: 200,
    body: {
      value: [{ id: String(team.id), displayName: team.displayName ?? null, tenantId: req.tenantId, isHostTeam: true }],
    },
  };
}

export function readFilesFolder(req: TenantRequest, ctx: TenantContext): TenantResponse {
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
}
