// Teams, channels (standard, private, shared), team and channel members, tabs, and the async operations
// team and channel creation answer with.
import type { GraphCall } from '../types.ts';
import { seg, withQuery, type ODataQuery } from './query.ts';

export type ChannelKind = 'standard' | 'private' | 'shared';

/** A conversation member for a user, possibly of another tenant (shared channels). */
export function userMember(userId: string, roles: string[] = [], tenantId?: string): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    roles,
    'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${userId}')`,
    ...(tenantId ? { tenantId } : {}),
  };
}

export const teams = {
  create: (body: Record<string, unknown>): GraphCall => ({ method: 'POST', path: '/teams', body }),
  get: (teamId: string, q?: ODataQuery): GraphCall => ({ method: 'GET', path: withQuery(`/teams/${seg(teamId)}`, q) }),
  operation: (teamId: string, operationId: string): GraphCall => ({
    method: 'GET',
    path: `/teams/${seg(teamId)}/operations/${seg(operationId)}`,
  }),
  members: (teamId: string, q?: ODataQuery): GraphCall => ({
    method: 'GET',
    path: withQuery(`/teams/${seg(teamId)}/members`, q),
  }),
  addMember: (teamId: string, member: Record<string, unknown>): GraphCall => ({
    method: 'POST',
    path: `/teams/${seg(teamId)}/members`,
    body: member,
  }),
  removeMember: (teamId: string, membershipId: string): GraphCall => ({
    method: 'DELETE',
    path: `/teams/${seg(teamId)}/members/${seg(membershipId)}`,
  }),
};

export const channels = {
  list: (teamId: string, q?: ODataQuery): GraphCall => ({
    method: 'GET',
    path: withQuery(`/teams/${seg(teamId)}/channels`, q),
  }),
  all: (teamId: string, q?: ODataQuery): GraphCall => ({
    method: 'GET',
    path: withQuery(`/teams/${seg(teamId)}/allChannels`, q),
  }),
  get: (teamId: string, channelId: string, q?: ODataQuery): GraphCall => ({
    method: 'GET',
    path: withQuery(`/teams/${seg(teamId)}/channels/${seg(channelId)}`, q),
  }),
  create: (
    teamId: string,
    c: { displayName: string; description?: string; kind: ChannelKind; members?: Record<string, unknown>[] },
  ): GraphCall => ({
    method: 'POST',
    path: `/teams/${seg(teamId)}/channels`,
    body: {
      displayName: c.displayName,
      ...(c.description ? { description: c.description } : {}),
      membershipType: c.kind,
      ...(c.members && c.kind !== 'standard' ? { members: c.members } : {}),
    },
  }),
  update: (teamId: string, channelId: string, patch: { displayName?: string; description?: string }): GraphCall => ({
    method: 'PATCH',
    path: `/teams/${seg(teamId)}/channels/${seg(channelId)}`,
    body: patch,
  }),
  remove: (teamId: string, channelId: string): GraphCall => ({
    method: 'DELETE',
    path: `/teams/${seg(teamId)}/channels/${seg(channelId)}`,
  }),
  members: (teamId: string, channelId: string, q?: ODataQuery): GraphCall => ({
    method: 'GET',
    path: withQuery(`/teams/${seg(teamId)}/channels/${seg(channelId)}/members`, q),
  }),
  addMember: (teamId: string, channelId: string, member: Record<string, unknown>): GraphCall => ({
    method: 'POST',
    path: `/teams/${seg(teamId)}/channels/${seg(channelId)}/members`,
    body: member,
  }),
  removeMember: (teamId: string, channelId: string, membershipId: string): GraphCall => ({
    method: 'DELETE',
    path: `/teams/${seg(teamId)}/channels/${seg(channelId)}/members/${seg(membershipId)}`,
  }),
  tabs: (teamId: string, channelId: string): GraphCall => ({
    method: 'GET',
    path: `/teams/${seg(teamId)}/channels/${seg(channelId)}/tabs`,
  }),
  addTab: (teamId: string, channelId: string, body: Record<string, unknown>): GraphCall => ({
    method: 'POST',
    path: `/teams/${seg(teamId)}/channels/${seg(channelId)}/tabs`,
    body,
  }),
};
