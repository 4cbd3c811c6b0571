// Channel members of the local tenant: members of private and shared channels, including users of another tenant
// in shared channels (standard channels have the members of their team).
import {
  collection,
  GraphHttpError,
  type Entity,
  type Json,
  type TenantContext,
  type TenantRequest,
  type TenantResponse,
} from './core.ts';
import { membershipOf } from './directory.ts';
import { asObject, badRequest } from './entities.ts';
import {
  addChannelMember,
  channelMemberEntities,
  channelMemberView,
  getChannel,
  memberUser,
  notFound,
  rolesOf,
  teamMembers,
  TEAMS_LIMITS,
} from './teams-core.ts';

// ---------------------------------------------------------------------------------------------------------------
// Channel members (private and shared channels, users of other tenants in shared ones)

function channelMember(ctx: TenantContext, req: TenantRequest): { channel: Entity; member: Entity } {
  const { channel } = getChannel(ctx, req);
  if (channel.membershipType === 'standard')
    throw badRequest('A standard channel has the members of its team; address them under /teams/{team-id}/members.');
  const id = req.params['conversationMember-id'] ?? '';
  const member = collection(ctx.state, req.tenantId, 'channelMembers')[id];
  if (!member || member._channelId !== channel.id) throw notFound('Member', id);
  return { channel, member };
}

export function listChannelMembers(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const { team, channel } = getChannel(ctx, req);
  if (channel.membershipType === 'standard')
    return { status: 200, body: { value: teamMembers(ctx, req.tenantId, String(team.id)) } };
  const value = channelMemberEntities(ctx, req.tenantId, String(channel.id))
    .map((m) => channelMemberView(ctx, m))
    .filter((v): v is Record<string, Json> => v !== undefined);
  return { status: 200, body: { value } };
}

export function addChannelMemberRoute(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const { team, channel } = getChannel(ctx, req);
  const teamId = String(team.id);
  const channelId = String(channel.id);
  if (channel.membershipType === 'standard')
    throw badRequest(
      'Members are added to private and shared channels only; a standard channel has the members of its team.',
    );
  const body = asObject(req.body);
  const homeTenant = typeof body.tenantId === 'string' ? body.tenantId.toLowerCase() : req.tenantId;
  if (homeTenant !== req.tenantId) {
    if (channel.membershipType !== 'shared')
      throw badRequest('Users of another tenant can only be added to shared channels.');
    if (!ctx.state.tenants[homeTenant])
      throw new GraphHttpError(403, 'Forbidden', `Tenant '${homeTenant}' has no B2B direct connect with this tenant.`);
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
  const max =
    channel.membershipType === 'private' ? TEAMS_LIMITS.privateChannelMembers : TEAMS_LIMITS.sharedChannelMembers;
  if (!already && existing.length >= max) throw badRequest(`The channel has reached its maximum of ${max} members.`);
  const member = addChannelMember(ctx, req.tenantId, teamId, channelId, user, homeTenant, roles);
  return { status: 201, body: channelMemberView(ctx, member) ?? {} };
}

export function readChannelMember(req: TenantRequest, ctx: TenantContext): TenantResponse {
  return { status: 200, body: channelMemberView(ctx, channelMember(ctx, req).member) ?? {} };
}

export function updateChannelMember(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const { channel, member } = channelMember(ctx, req);
  const roles = rolesOf(asObject(req.body));
  const owners = channelMemberEntities(ctx, req.tenantId, String(channel.id)).filter((m) =>
    (m.roles as string[]).includes('owner'),
  );
  if (!roles.includes('owner') && owners.length === 1 && owners[0]?.id === member.id)
    throw badRequest('The last owner of a channel cannot be demoted.');
  member.roles = roles;
  ctx.changed();
  return { status: 200, body: channelMemberView(ctx, member) ?? {} };
}

export function removeChannelMember(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const { channel, member } = channelMember(ctx, req);
  const owners = channelMemberEntities(ctx, req.tenantId, String(channel.id)).filter((m) =>
    (m.roles as string[]).includes('owner'),
  );
  if (owners.length === 1 && owners[0]?.id === member.id)
    throw badRequest('The last owner of a channel cannot be removed.');
  delete collection(ctx.state, req.tenantId, 'channelMembers')[String(member.id)];
  ctx.changed();
  return { status: 204 };
}
