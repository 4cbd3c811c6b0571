// Seeds the local tenants from plain directory data (the caller's: tenants with ids and domains, their users, the
// app registration). A user's id is derived from the tenant and the UPN, so seeding again adds only what is new and
// keeps what callers and the state already hold.
import { createHash, randomBytes } from 'node:crypto';
import type { Entity, LocalTenantState, TenantData } from './core.ts';

/** A person (or a mailbox such as an organizer's) in a tenant's directory. */
export interface DirectoryUser {
  userPrincipalName: string;
  /** SMTP address; the UPN when absent. */
  mail?: string;
  displayName: string;
  /** false: a disabled account (left staff); default true. */
  accountEnabled?: boolean;
  jobTitle?: string | null;
}

/** One Microsoft 365 tenant: its id (a GUID), its verified domain, its name and its users in directory order. */
export interface DirectoryTenant {
  id: string;
  domain: string;
  displayName: string;
  users: DirectoryUser[];
}

/** What the local tenant serves: the tenants in the order the handle lists them. */
export interface TenantDirectory {
  tenants: DirectoryTenant[];
}

/**
 * The registered app, valid in every tenant. With clientId and clientSecret those credentials are registered (e.g.
 * ones a configuration already holds); without them credentials are generated once and kept in the state.
 */
export interface AppRegistration {
  displayName: string;
  clientId?: string;
  clientSecret?: string;
}

export interface SeedOptions {
  now: Date;
  /** The app to register; default: generated credentials named 'Local app'. */
  app?: AppRegistration;
}

export interface SeedResult {
  state: LocalTenantState;
  changed: boolean;
}

/** A stable GUID for a name (RFC 4122 version 5 layout over SHA-1). */
export function nameGuid(...parts: string[]): string {
  const h = createHash('sha1')
    .update(`regiekamer-local-tenant:${parts.join(':')}`)
    .digest();
  h[6] = ((h[6] as number) & 0x0f) | 0x50;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function emptyState(): LocalTenantState {
  return { version: 1, tenants: {}, apps: [] };
}

function userEntity(
  tenantId: string,
  p: { upn: string; mail: string; displayName: string; enabled: boolean; jobTitle?: string | null },
  now: Date,
): Entity {
  const [given, ...rest] = p.displayName.split(' ');
  return {
    id: nameGuid(tenantId, 'user', p.upn.toLowerCase()),
    displayName: p.displayName,
    givenName: given ?? p.displayName,
    surname: rest.join(' ') || null,
    userPrincipalName: p.upn,
    mail: p.mail,
    accountEnabled: p.enabled,
    userType: 'Member',
    jobTitle: p.jobTitle ?? null,
    businessPhones: [],
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'nl-NL',
    createdDateTime: now.toISOString(),
  };
}

function addUser(tenant: TenantData, user: Entity): boolean {
  tenant.collections.users ??= {};
  const users = tenant.collections.users;
  const upn = String(user.userPrincipalName).toLowerCase();
  if (Object.values(users).some((u) => String(u.userPrincipalName).toLowerCase() === upn)) return false;
  users[String(user.id)] = user;
  return true;
}

/** Adds to the state (or a new one) every tenant, user and the app that is not there yet; `changed` if anything was. */
export function seedState(
  existing: LocalTenantState | undefined,
  directory: TenantDirectory,
  options: SeedOptions,
): SeedResult {
  const state = existing ?? emptyState();
  let changed = existing === undefined;
  const now = options.now;

  for (const t of directory.tenants) {
    const tenantId = t.id.toLowerCase();
    let tenant = state.tenants[tenantId];
    if (!tenant) {
      tenant = { id: tenantId, displayName: t.displayName, domain: t.domain.toLowerCase(), collections: {} };
      state.tenants[tenantId] = tenant;
      changed = true;
    }
    for (const u of t.users) {
      const user = userEntity(
        tenantId,
        {
          upn: u.userPrincipalName,
          mail: u.mail ?? u.userPrincipalName,
          displayName: u.displayName,
          enabled: u.accountEnabled ?? true,
          jobTitle: u.jobTitle ?? null,
        },
        now,
      );
      changed = addUser(tenant, user) || changed;
    }
  }

  const app = options.app ?? { displayName: 'Local app' };
  if (app.clientId && app.clientSecret) {
    if (!state.apps.some((a) => a.clientId === app.clientId)) {
      state.apps.push({ clientId: app.clientId, clientSecret: app.clientSecret, displayName: app.displayName });
      changed = true;
    }
  } else if (state.apps.length === 0) {
    state.apps.push({
      clientId: nameGuid('app', randomBytes(16).toString('hex')),
      clientSecret: randomBytes(30).toString('base64url'),
      displayName: app.displayName,
    });
    changed = true;
  }
  return { state, changed };
}

/** The directory's tenants that are in the state, in directory order, as the handle and local-tenant.json list them. */
export function tenantList(
  state: LocalTenantState,
  directory: TenantDirectory,
): { id: string; domain: string; displayName: string }[] {
  return directory.tenants
    .map((t) => state.tenants[t.id.toLowerCase()])
    .filter((t): t is TenantData => t !== undefined)
    .map((t) => ({ id: t.id, domain: t.domain, displayName: t.displayName }));
}
