// Users, and finding the team's group by name. (Group membership follows the team's members through Teams; the
// product writes no group membership, so it asks no group write permission: src/domain/permissions.ts.)
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
};
