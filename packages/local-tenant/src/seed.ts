// Seeds the local tenants from a programme: one tenant per gemeente with a tenant id, its people as users,
// a few fictional colleagues who are not in the programme, one disabled account, the organizer mailbox and
// one registered app valid everywhere. Ids are derived from names, so seeding again adds only what is new.
import { createHash, randomBytes } from 'node:crypto';
import type { Programme } from '../../../src/domain/programme/schema.ts';
import type { Entity, LocalTenantState, TenantData } from './core.ts';

export interface SeedOptions {
  now: Date;
  /** Use these app credentials (e.g. from config) instead of generating them. */
  app?: { clientId: string; clientSecret: string };
}

export interface SeedResult {
  state: LocalTenantState;
  changed: boolean;
}

/** A stable GUID for a name (RFC 4122 version 5 layout over SHA-1). */
export function nameGuid(...parts: string[]): string {
  const h = createHash('sha1').update(`regiekamer-local-tenant:${parts.join(':')}`).digest();
  h[6] = ((h[6] as number) & 0x0f) | 0x50;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function emptyState(): LocalTenantState {
  return { version: 1, tenants: {}, apps: [] };
}

// Fictional people only; none of these names comes from the seed documents.
const GIVEN = ['Femke', 'Joost', 'Ilse', 'Ruben', 'Noor', 'Daan', 'Lotte', 'Thijs', 'Esmee', 'Merel', 'Koen', 'Iris', 'Fleur', 'Bas'];
const SURNAME = ['Verhoef', 'Bakker', 'Smit', 'Hendriks', 'Mulder', 'Visser', 'Kok', 'Bosman', 'Brouwer', 'Dekker'];
const JOBS = ['Beleidsmedewerker', 'Adviseur bedrijfsvoering', 'Teamleider', 'Juridisch adviseur', 'Medewerker KCC'];

function userEntity(tenantId: string, p: { upn: string; mail: string; displayName: string; enabled: boolean; jobTitle?: string | null }, now: Date): Entity {
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

export function seedState(existing: LocalTenantState | undefined, programme: Programme, options: SeedOptions): SeedResult {
  const state = existing ?? emptyState();
  let changed = existing === undefined;
  const now = options.now;

  const gemeenten = programme.gemeenten.filter((g): g is typeof g & { tenantId: string } => typeof g.tenantId === 'string');
  gemeenten.forEach((g, index) => {
    const tenantId = g.tenantId.toLowerCase();
    let tenant = state.tenants[tenantId];
    if (!tenant) {
      tenant = { id: tenantId, displayName: g.name, domain: g.domain.toLowerCase(), collections: {} };
      state.tenants[tenantId] = tenant;
      changed = true;
    }
    for (const person of programme.people.filter((p) => p.gemeente === g.id)) {
      const mail = person.email ?? person.upn;
      changed = addUser(tenant, userEntity(tenantId, { upn: person.upn, mail, displayName: person.name, enabled: true }, now)) || changed;
    }
    // Colleagues who are not in the programme: look-ups must not assume everyone is.
    const extra = 3 + (index % 3);
    for (let k = 0; k < extra; k++) {
      const given = GIVEN[(index * 5 + k) % GIVEN.length] as string;
      const surname = SURNAME[(index * 3 + k * 7) % SURNAME.length] as string;
      const upn = `${given}.${surname}@${tenant.domain}`.toLowerCase();
      const user = userEntity(tenantId, { upn, mail: upn, displayName: `${given} ${surname}`, enabled: true, jobTitle: JOBS[k % JOBS.length] ?? null }, now);
      changed = addUser(tenant, user) || changed;
    }
    const gone = `oud-account@${tenant.domain}`;
    changed = addUser(tenant, userEntity(tenantId, { upn: gone, mail: gone, displayName: 'Oud Account', enabled: false, jobTitle: 'Uit dienst' }, now)) || changed;
  });

  const host = gemeenten.find((g) => g.host);
  if (host) {
    const tenant = state.tenants[host.tenantId.toLowerCase()];
    const upn = programme.programme.organizer;
    if (tenant) {
      changed = addUser(tenant, userEntity(tenant.id, { upn, mail: upn, displayName: 'Regiekamer organisator', enabled: true, jobTitle: 'Organisatorpostvak' }, now)) || changed;
    }
  }

  if (options.app && !state.apps.some((a) => a.clientId === options.app?.clientId)) {
    state.apps.push({ ...options.app, displayName: 'Regiekamer' });
    changed = true;
  } else if (state.apps.length === 0) {
    state.apps.push({ clientId: nameGuid('app', randomBytes(16).toString('hex')), clientSecret: randomBytes(30).toString('base64url'), displayName: 'Regiekamer (lokaal)' });
    changed = true;
  }
  return { state, changed };
}

/** The tenants of the programme, in programme order, as the handle and local-tenant.json list them. */
export function tenantList(state: LocalTenantState, programme: Programme): { id: string; domain: string; displayName: string }[] {
  return programme.gemeenten
    .map((g) => (g.tenantId ? state.tenants[g.tenantId.toLowerCase()] : undefined))
    .filter((t): t is TenantData => t !== undefined)
    .map((t) => ({ id: t.id, domain: t.domain, displayName: t.displayName }));
}
