// B2B invitations (Graph POST /invitations): an invitation makes a guest user in the inviting tenant with
// userType 'Guest', creationType 'Invitation' and externalUserState 'PendingAcceptance', and answers 201 with the
// invitation (status 'PendingAcceptance', invitedUser.id). Graph has no API to redeem an invitation (the person does
// it in a browser); here acceptInvitation, POST /_local/invitations/accept and the handle's acceptInvitation stand
// in for that: the guest's externalUserState becomes 'Accepted', the invitation's status 'Completed'.
// Sources: https://learn.microsoft.com/en-us/graph/api/invitation-post,
// https://learn.microsoft.com/en-us/graph/api/resources/invitation, user.externalUserState in
// https://learn.microsoft.com/en-us/graph/api/resources/user.
import {
  collection,
  type Entity,
  type LocalTenantState,
  type Route,
  type TenantContext,
  type TenantRequest,
} from './core.ts';
import { asObject, badRequest, optionalString, publicOf, requiredString } from './entities.ts';

const WRITABLE = new Set([
  'invitedUserEmailAddress',
  'invitedUserDisplayName',
  'inviteRedirectUrl',
  'sendInvitationMessage',
  'invitedUserMessageInfo',
  'invitedUserType',
  'resetRedemption',
]);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function usersOf(state: LocalTenantState, tenantId: string): Record<string, Entity> {
  return collection(state, tenantId, 'users');
}

function byMail(state: LocalTenantState, tenantId: string, email: string): Entity | undefined {
  const key = email.toLowerCase();
  return Object.values(usersOf(state, tenantId)).find(
    (u) => String(u.mail ?? '').toLowerCase() === key || String(u.userPrincipalName).toLowerCase() === key,
  );
}

function createInvitation(req: TenantRequest, ctx: TenantContext) {
  const body = asObject(req.body);
  for (const key of Object.keys(body)) {
    if (!WRITABLE.has(key) && !key.includes('@odata.'))
      throw badRequest(`Property '${key}' does not exist on type 'microsoft.graph.invitation'.`);
  }
  const email = requiredString(body, 'invitedUserEmailAddress', 256).trim();
  if (!EMAIL.test(email)) throw badRequest('The invited user email address is invalid.', 'BadRequest');
  const redirect = requiredString(body, 'inviteRedirectUrl', 2048);
  if (!/^https?:\/\/[^\s/]+/i.test(redirect)) throw badRequest('The inviteRedirectUrl must be an absolute URL.');
  const displayName = optionalString(body, 'invitedUserDisplayName', 256) ?? null;
  const send = body.sendInvitationMessage;
  if (send !== undefined && typeof send !== 'boolean')
    throw badRequest("Property 'sendInvitationMessage' must be a boolean.");
  const tenant = ctx.state.tenants[req.tenantId];
  const existing = byMail(ctx.state, req.tenantId, email);
  if (existing && existing.userType !== 'Guest')
    throw badRequest(`The invited user already exists in this directory as a member (${email}).`);
  const now = ctx.clock.now().toISOString();
  const user: Entity = existing ?? {
    id: ctx.newId(),
    displayName: displayName ?? email,
    givenName: null,
    surname: null,
    userPrincipalName: `${email.replace('@', '_')}#EXT#@${tenant?.domain ?? 'local.example'}`.toLowerCase(),
    mail: email,
    accountEnabled: true,
    userType: 'Guest',
    creationType: 'Invitation',
    externalUserState: 'PendingAcceptance',
    externalUserStateChangeDateTime: now,
    jobTitle: null,
    businessPhones: [],
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    createdDateTime: now,
  };
  usersOf(ctx.state, req.tenantId)[String(user.id)] = user;
  const id = ctx.newId();
  const invitation: Entity = {
    id,
    invitedUserDisplayName: displayName,
    invitedUserEmailAddress: email,
    invitedUserType: 'Guest',
    sendInvitationMessage: send === true,
    inviteRedirectUrl: redirect,
    inviteRedeemUrl: `${ctx.baseUrl}/_local/invitations/${id}/redeem`,
    status: user.externalUserState === 'Accepted' ? 'Completed' : 'PendingAcceptance',
    invitedUser: { id: String(user.id) },
    _userId: String(user.id),
    _createdDateTime: now,
  };
  collection(ctx.state, req.tenantId, 'invitations')[id] = invitation;
  ctx.changed();
  return { status: 201, body: publicOf(invitation) };
}

/** POST /invitations. */
export function invitationRoutes(): Route[] {
  return [{ method: 'POST', pattern: '/invitations', handler: createInvitation }];
}

/** The result of accepting: the guest user's id and the tenant it lives in. */
export interface AcceptedInvitation {
  tenantId: string;
  userId: string;
  email: string;
}

/**
 * Redeems the pending invitation of `email` (a guest's mail address) in `tenantId`, or in every tenant when it is
 * undefined, as the person would in a browser. Returns what was accepted (empty when there was nothing pending).
 */
export function acceptInvitation(
  state: LocalTenantState,
  email: string,
  now: Date,
  tenantId?: string,
): AcceptedInvitation[] {
  const key = email.trim().toLowerCase();
  const tenants = tenantId ? [tenantId.toLowerCase()] : Object.keys(state.tenants);
  const out: AcceptedInvitation[] = [];
  for (const tid of tenants) {
    if (!state.tenants[tid]) continue;
    const user = Object.values(usersOf(state, tid)).find(
      (u) => u.userType === 'Guest' && String(u.mail ?? '').toLowerCase() === key,
    );
    if (user?.externalUserState !== 'PendingAcceptance') continue;
    user.externalUserState = 'Accepted';
    user.externalUserStateChangeDateTime = now.toISOString();
    for (const inv of Object.values(collection(state, tid, 'invitations')))
      if (inv._userId === user.id) inv.status = 'Completed';
    out.push({ tenantId: tid, userId: String(user.id), email: String(user.mail) });
  }
  return out;
}
