// Directory routes of the local tenant: users (by id or UPN) and groups with their members and owners.
// Membership is kept per group in 'groupMembership'; teams.ts reads and writes the same lists.
import {
  collection,
  GraphHttpError,
  type Entity,
  type Json,
  type Route,
  type TenantContext,
  type TenantRequest,
  type TenantResponse,
} from './core.ts';
import {
  asObject,
  badRequest,
  findUser,
  iso,
  optionalString,
  parseBind,
  publicOf,
  requiredString,
  resourceNotFound,
} from './entities.ts';

/** What Graph returns for a user without $select (accountEnabled, for one, only on request). */
const USER_DEFAULT_SELECT = [
  'id',
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
];

export interface Membership {
  members: string[];
  owners: string[];
}

function getUser(ctx: TenantContext, tenantId: string, idOrUpn: string): Entity {
  const user = findUser(ctx, tenantId, idOrUpn);
  if (!user) throw resourceNotFound(idOrUpn);
  return user;
}

export function getGroup(ctx: TenantContext, tenantId: string, groupId: string): Entity {
  const group =
    collection(ctx.state, tenantId, 'groups')[groupId] ??
    collection(ctx.state, tenantId, 'groups')[groupId.toLowerCase()];
  if (!group) throw resourceNotFound(groupId);
  return group;
}

export function membershipOf(ctx: TenantContext, tenantId: string, groupId: string): Membership {
  const all = collection(ctx.state, tenantId, 'groupMembership');
  const existing = all[groupId];
  if (existing) return { members: [...(existing.members as string[])], owners: [...(existing.owners as string[])] };
  return { members: [], owners: [] };
}

export function saveMembership(ctx: TenantContext, tenantId: string, groupId: string, m: Membership): void {
  collection(ctx.state, tenantId, 'groupMembership')[groupId] = { id: groupId, members: m.members, owners: m.owners };
  ctx.changed();
}

/** A user as a member of a directory collection (`@odata.type` says which kind of directoryObject). */
function directoryObject(user: Entity): Record<string, Json> {
  const out: Record<string, Json> = { '@odata.type': '#microsoft.graph.user' };
  for (const key of USER_DEFAULT_SELECT) out[key] = user[key] ?? null;
  return out;
}

function directoryObjectRef(ctx: TenantContext, id: string): Record<string, Json> {
  return { '@odata.id': `${ctx.baseUrl}/v1.0/directoryObjects/${id}` };
}

export function createGroupEntity(
  ctx: TenantContext,
  tenantId: string,
  input: {
    id?: string;
    displayName: string;
    description?: string | undefined;
    mailNickname: string;
    visibility?: string;
    unified: boolean;
    mailEnabled: boolean;
    securityEnabled: boolean;
  },
): Entity {
  const tenant = ctx.state.tenants[tenantId];
  const id = input.id ?? ctx.newId();
  const group: Entity = {
    id,
    createdDateTime: iso(ctx),
    deletedDateTime: null,
    displayName: input.displayName,
    description: input.description ?? null,
    groupTypes: input.unified ? ['Unified'] : [],
    mail: input.mailEnabled ? `${input.mailNickname}@${tenant?.domain ?? 'local.example'}` : null,
    mailEnabled: input.mailEnabled,
    mailNickname: input.mailNickname,
    securityEnabled: input.securityEnabled,
    visibility: input.visibility ?? (input.unified ? 'Private' : null),
    renewedDateTime: iso(ctx),
  };
  collection(ctx.state, tenantId, 'groups')[id] = group;
  ctx.changed();
  return group;
}

function refTarget(ctx: TenantContext, req: TenantRequest, value: unknown, property: string): Entity {
  const bind = parseBind(value, property);
  if (!['directoryObjects', 'users'].includes(bind.collection))
    throw badRequest(`Invalid object identifier '${String(value)}'.`, 'Request_BadRequest');
  return getUser(ctx, req.tenantId, bind.id);
}

function addRef(kind: 'members' | 'owners'): Route['handler'] {
  return (req, ctx) => {
    const groupId = String(getGroup(ctx, req.tenantId, req.params['group-id'] ?? '').id);
    const body = asObject(req.body);
    const user = refTarget(ctx, req, body['@odata.id'], '@odata.id');
    const m = membershipOf(ctx, req.tenantId, groupId);
    const list = m[kind];
    if (list.includes(String(user.id))) {
      throw new GraphHttpError(
        400,
        'Request_BadRequest',
        `One or more added object references already exist for the following modified properties: '${kind}'.`,
      );
    }
    list.push(String(user.id));
    saveMembership(ctx, req.tenantId, groupId, m);
    return { status: 204 };
  };
}

function removeRef(kind: 'members' | 'owners'): Route['handler'] {
  return (req, ctx) => {
    const groupId = String(getGroup(ctx, req.tenantId, req.params['group-id'] ?? '').id);
    const target = req.query.get('$id');
    if (!target)
      throw badRequest("The '$id' query option naming the object to remove is required.", 'Request_BadRequest');
    const user = refTarget(ctx, req, target, '$id');
    const m = membershipOf(ctx, req.tenantId, groupId);
    if (!m[kind].includes(String(user.id))) throw resourceNotFound(String(user.id));
    if (kind === 'owners' && m.owners.length === 1 && ctx.state.tenants[req.tenantId]?.collections.teams?.[groupId]) {
      throw badRequest('The last owner of a team cannot be removed.');
    }
    m[kind] = m[kind].filter((id) => id !== user.id);
    saveMembership(ctx, req.tenantId, groupId, m);
    return { status: 204 };
  };
}

function listRefs(kind: 'members' | 'owners'): Route['handler'] {
  return (req, ctx) => {
    const groupId = String(getGroup(ctx, req.tenantId, req.params['group-id'] ?? '').id);
    return {
      status: 200,
      body: { value: membershipOf(ctx, req.tenantId, groupId)[kind].map((id) => directoryObjectRef(ctx, id)) },
    };
  };
}

const GROUP_PATCHABLE = ['displayName', 'description', 'mailNickname', 'visibility'];

/** POST /groups: the group with its members@odata.bind and owners@odata.bind. */
function createGroup(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const body = asObject(req.body);
  const displayName = requiredString(body, 'displayName', 256);
  const mailNickname = requiredString(body, 'mailNickname', 64);
  if (!/^[A-Za-z0-9._-]+$/.test(mailNickname))
    throw badRequest("Property 'mailNickname' contains characters that are not allowed.", 'Request_BadRequest');
  if (typeof body.mailEnabled !== 'boolean' || typeof body.securityEnabled !== 'boolean') {
    throw badRequest("Properties 'mailEnabled' and 'securityEnabled' are required.", 'Request_BadRequest');
  }
  const groupTypes = Array.isArray(body.groupTypes) ? body.groupTypes : [];
  const group = createGroupEntity(ctx, req.tenantId, {
    displayName,
    mailNickname,
    description: optionalString(body, 'description', 1024),
    visibility: optionalString(body, 'visibility', 20),
    unified: groupTypes.includes('Unified'),
    mailEnabled: body.mailEnabled,
    securityEnabled: body.securityEnabled,
  });
  const m: { members: string[]; owners: string[] } = { members: [], owners: [] };
  for (const [prop, kind] of [
    ['members@odata.bind', 'members'],
    ['owners@odata.bind', 'owners'],
  ] as const) {
    const binds = body[prop];
    if (binds === undefined) continue;
    if (!Array.isArray(binds)) throw badRequest(`Property '${prop}' must be an array.`);
    for (const b of binds) m[kind].push(String(refTarget(ctx, req, b, prop).id));
  }
  saveMembership(ctx, req.tenantId, String(group.id), m);
  return { status: 201, body: publicOf(group) };
}

/** DELETE /groups/{group-id}: the group, its membership and its team with everything in it. */
function deleteGroup(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const group = getGroup(ctx, req.tenantId, req.params['group-id'] ?? '');
  const id = String(group.id);
  const tenant = ctx.state.tenants[req.tenantId];
  if (tenant) {
    delete tenant.collections.groups?.[id];
    delete tenant.collections.groupMembership?.[id];
    delete tenant.collections.teams?.[id];
    // The team's channels, members, tabs, apps and operations go with the group, as in the real service.
    const gone = new Set<string>();
    for (const [cid, channel] of Object.entries(tenant.collections.channels ?? {})) {
      if (channel._teamId !== id) continue;
      gone.add(cid);
      delete tenant.collections.channels?.[cid];
    }
    const sweep = (name: string, belongs: (e: Entity) => boolean) => {
      for (const [key, e] of Object.entries(tenant.collections[name] ?? {}))
        if (belongs(e)) delete tenant.collections[name]?.[key];
    };
    sweep('channelMembers', (e) => e._teamId === id);
    sweep('tabs', (e) => gone.has(String(e._channelId)));
    sweep('installedApps', (e) => e._scope === 'team' && e._targetId === id);
    sweep('teamsOperations', (e) => e._teamId === id);
  }
  ctx.changed();
  return { status: 204 };
}

export function directoryRoutes(): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/users',
      defaultSelect: USER_DEFAULT_SELECT,
      handler: (req, ctx) => ({
        status: 200,
        body: { value: Object.values(collection(ctx.state, req.tenantId, 'users')).map(publicOf) },
      }),
    },
    {
      method: 'GET',
      pattern: '/users/{user-id}',
      defaultSelect: USER_DEFAULT_SELECT,
      handler: (req, ctx) => ({ status: 200, body: publicOf(getUser(ctx, req.tenantId, req.params['user-id'] ?? '')) }),
    },
    {
      method: 'GET',
      pattern: '/groups',
      handler: (req, ctx) => ({
        status: 200,
        body: { value: Object.values(collection(ctx.state, req.tenantId, 'groups')).map(publicOf) },
      }),
    },
    {
      method: 'POST',
      pattern: '/groups',
      handler: createGroup,
    },
    {
      method: 'GET',
      pattern: '/groups/{group-id}',
      handler: (req, ctx) => ({
        status: 200,
        body: publicOf(getGroup(ctx, req.tenantId, req.params['group-id'] ?? '')),
      }),
    },
    {
      method: 'PATCH',
      pattern: '/groups/{group-id}',
      handler: (req, ctx) => {
        const group = getGroup(ctx, req.tenantId, req.params['group-id'] ?? '');
        const body = asObject(req.body);
        for (const key of Object.keys(body)) {
          if (!GROUP_PATCHABLE.includes(key))
            throw badRequest(`Property '${key}' cannot be updated here.`, 'Request_BadRequest');
          group[key] = optionalString(body, key, 1024) ?? null;
        }
        ctx.changed();
        return { status: 204 };
      },
    },
    {
      method: 'DELETE',
      pattern: '/groups/{group-id}',
      handler: deleteGroup,
    },
    {
      method: 'GET',
      pattern: '/groups/{group-id}/members',
      handler: (req, ctx) => {
        const groupId = String(getGroup(ctx, req.tenantId, req.params['group-id'] ?? '').id);
        const users = collection(ctx.state, req.tenantId, 'users');
        const value = membershipOf(ctx, req.tenantId, groupId)
          .members.map((id) => users[id])
          .filter((u): u is Entity => u !== undefined)
          .map(directoryObject);
        return { status: 200, body: { value } };
      },
    },
    { method: 'GET', pattern: '/groups/{group-id}/members/$ref', handler: listRefs('members') },
    { method: 'POST', pattern: '/groups/{group-id}/members/$ref', handler: addRef('members') },
    { method: 'DELETE', pattern: '/groups/{group-id}/members/$ref', handler: removeRef('members') },
    { method: 'GET', pattern: '/groups/{group-id}/owners/$ref', handler: listRefs('owners') },
    { method: 'POST', pattern: '/groups/{group-id}/owners/$ref', handler: addRef('owners') },
    { method: 'DELETE', pattern: '/groups/{group-id}/owners/$ref', handler: removeRef('owners') },
    {
      method: 'GET',
      pattern: '/groups/{group-id}/team',
      handler: (req, ctx) => {
        const groupId = String(getGroup(ctx, req.tenantId, req.params['group-id'] ?? '').id);
        const team = collection(ctx.state, req.tenantId, 'teams')[groupId];
        if (!team) throw new GraphHttpError(404, 'NotFound', `No team found with Group Id ${groupId}.`);
        return { status: 200, body: publicOf(team) };
      },
    },
  ];
}
