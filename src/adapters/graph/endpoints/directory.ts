// Users and groups (membership of the team's group).
import type { GraphCall } from '../types.ts';
import { seg, withQuery, type ODataQuery } from './query.ts';

export const users = {
  list: (q?: ODataQuery): GraphCall => ({ method: 'GET', path: withQuery('/users', q) }),
  get: (idOrUpn: string, q?: ODataQuery): GraphCall => ({
    method: 'GET',
    path: withQuery(`/users/${seg(idOrUpn)}`, q),
  }),
};

export const groups = {
  list: (q?: ODataQuery): GraphCall => ({ method: 'GET', path: withQuery('/groups', q) }),
  get: (id: string, q?: ODataQuery): GraphCall => ({ method: 'GET', path: withQuery(`/groups/${seg(id)}`, q) }),
  members: (id: string, q?: ODataQuery): GraphCall => ({
    method: 'GET',
    path: withQuery(`/groups/${seg(id)}/members`, q),
  }),
  owners: (id: string, q?: ODataQuery): GraphCall => ({
    method: 'GET',
    path: withQuery(`/groups/${seg(id)}/owners`, q),
  }),
  addMember: (id: string, userId: string, graphBase = 'https://graph.microsoft.com'): GraphCall => ({
    method: 'POST',
    path: `/groups/${seg(id)}/members/$ref`,
    body: { '@odata.id': `${graphBase}/v1.0/directoryObjects/${userId}` },
  }),
  removeMember: (id: string, userId: string): GraphCall => ({
    method: 'DELETE',
    path: `/groups/${seg(id)}/members/${seg(userId)}/$ref`,
  }),
};
