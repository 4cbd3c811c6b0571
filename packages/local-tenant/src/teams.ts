// Teams routes of the local tenant: teams (created asynchronously, 202 + operation), team members, channels
// (standard, private, shared), channel members including users of another tenant in shared channels,
// tabs, installed apps and the channel's files folder — with the limits docs/platform.md#teams-structure documents.
// The handlers live in teams-teams, teams-channels, teams-channel-members and teams-apps; shared parts in teams-core.
import type { Route } from './core.ts';
import {
  addTeamMember,
  createTeam,
  listTeamMembers,
  listTeams,
  readOperation,
  readTeam,
  readTeamMember,
  removeTeamMember,
  updateTeam,
  updateTeamMember,
} from './teams-teams.ts';
import {
  createChannel,
  listChannels,
  listSharedWithTeams,
  readChannel,
  readFilesFolder,
  removeChannel,
  updateChannel,
} from './teams-channels.ts';
import {
  addChannelMemberRoute,
  listChannelMembers,
  readChannelMember,
  removeChannelMember,
  updateChannelMember,
} from './teams-channel-members.ts';
import { addTab, installTeamApp, installUserApp, listTabs, listTeamApps, listUserApps } from './teams-apps.ts';

export interface TeamsRoutesOptions {
  /** How many polls of a teamsAsyncOperation answer `inProgress` before it reports `succeeded` (default 1). */
  operationPolls?: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Routes

export function teamsRoutes(options: TeamsRoutesOptions = {}): Route[] {
  const polls = Math.max(0, options.operationPolls ?? 1);
  return [
    { method: 'GET', pattern: '/teams', handler: listTeams },
    { method: 'POST', pattern: '/teams', handler: createTeam(polls) },
    { method: 'GET', pattern: '/teams/{team-id}', handler: readTeam },
    { method: 'PATCH', pattern: '/teams/{team-id}', handler: updateTeam },
    { method: 'GET', pattern: '/teams/{team-id}/operations/{teamsAsyncOperation-id}', handler: readOperation },
    { method: 'GET', pattern: '/teams/{team-id}/members', handler: listTeamMembers },
    { method: 'POST', pattern: '/teams/{team-id}/members', handler: addTeamMember },
    { method: 'GET', pattern: '/teams/{team-id}/members/{conversationMember-id}', handler: readTeamMember },
    { method: 'PATCH', pattern: '/teams/{team-id}/members/{conversationMember-id}', handler: updateTeamMember },
    { method: 'DELETE', pattern: '/teams/{team-id}/members/{conversationMember-id}', handler: removeTeamMember },
    { method: 'GET', pattern: '/teams/{team-id}/channels', handler: listChannels },
    { method: 'GET', pattern: '/teams/{team-id}/allChannels', handler: listChannels },
    { method: 'POST', pattern: '/teams/{team-id}/channels', handler: createChannel(polls) },
    { method: 'GET', pattern: '/teams/{team-id}/channels/{channel-id}', handler: readChannel },
    { method: 'PATCH', pattern: '/teams/{team-id}/channels/{channel-id}', handler: updateChannel },
    { method: 'DELETE', pattern: '/teams/{team-id}/channels/{channel-id}', handler: removeChannel },
    { method: 'GET', pattern: '/teams/{team-id}/channels/{channel-id}/members', handler: listChannelMembers },
    { method: 'POST', pattern: '/teams/{team-id}/channels/{channel-id}/members', handler: addChannelMemberRoute },
    {
      method: 'GET',
      pattern: '/teams/{team-id}/channels/{channel-id}/members/{conversationMember-id}',
      handler: readChannelMember,
    },
    {
      method: 'PATCH',
      pattern: '/teams/{team-id}/channels/{channel-id}/members/{conversationMember-id}',
      handler: updateChannelMember,
    },
    {
      method: 'DELETE',
      pattern: '/teams/{team-id}/channels/{channel-id}/members/{conversationMember-id}',
      handler: removeChannelMember,
    },
    { method: 'GET', pattern: '/teams/{team-id}/channels/{channel-id}/sharedWithTeams', handler: listSharedWithTeams },
    { method: 'GET', pattern: '/teams/{team-id}/channels/{channel-id}/filesFolder', handler: readFilesFolder },
    { method: 'GET', pattern: '/teams/{team-id}/channels/{channel-id}/tabs', handler: listTabs },
    { method: 'POST', pattern: '/teams/{team-id}/channels/{channel-id}/tabs', handler: addTab },
    { method: 'GET', pattern: '/teams/{team-id}/installedApps', handler: listTeamApps },
    { method: 'POST', pattern: '/teams/{team-id}/installedApps', handler: installTeamApp },
    { method: 'GET', pattern: '/users/{user-id}/teamwork/installedApps', handler: listUserApps },
    { method: 'POST', pattern: '/users/{user-id}/teamwork/installedApps', handler: installUserApp },
  ];
}
