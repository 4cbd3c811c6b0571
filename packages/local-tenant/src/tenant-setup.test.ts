// The tenants' configuration (options.setup) behaves as the real services do: admin consent decides the token's
// `roles`, disabled accounts are disabled, RBAC for Applications scopes mailboxes (403 ErrorAccessDenied), the
// cross-tenant access settings are readable with Policy.Read.All only and block a partner's user in a shared channel.
import { afterEach, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { startLocalTenant, TENANT_IN_MEMORY } from './server.ts';
import type { LocalTenantHandle } from './server-types.ts';
import type { TenantSetup } from './tenant-setup.ts';
import { trustingFetch } from './trust.ts';
import { CONSENTED_ROLES } from './identity-keys.ts';
import { TENANT_A, TENANT_B, TENANT_C, TEST_ORGANIZER, testDirectory } from './testing.ts';

let tenant: LocalTenantHandle | undefined;
afterEach(async () => {
  await tenant?.stop();
  tenant = undefined;
});

async function start(setup: TenantSetup) {
  tenant = await startLocalTenant({
    directory: testDirectory(),
    dataDir: TENANT_IN_MEMORY,
    port: 0,
    httpPort: null,
    setup,
  });
  const handle = tenant;
  const { fetch } = await trustingFetch(handle.caCertPem);
  const token = async (tid: string) => {
    const res = await fetch(`${handle.baseUrl}/${tid}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: handle.app.clientId,
        client_secret: handle.app.clientSecret,
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const graph = async (tid: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${handle.baseUrl}/v1.0${path}`, {
      method,
      headers: { Authorization: `Bearer ${await token(tid)}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  return { token, graph };
}

describe('the tenants’ configuration (setup)', () => {
  it('gives each tenant the consented roles in its tokens, and disables the accounts named', async () => {
    const { token, graph } = await start({
      consentedRoles: { [TENANT_A]: ['User.Read.All', 'Tasks.ReadWrite.All'] },
      disabledUsers: ['anna@alfa.example'],
    });
    expect(decodeJwt(await token(TENANT_A)).roles).toEqual(['User.Read.All', 'Tasks.ReadWrite.All']);
    expect(decodeJwt(await token(TENANT_B)).roles).toEqual(CONSENTED_ROLES);
    const anna = await graph(TENANT_A, 'GET', '/users/anna@alfa.example?$select=accountEnabled');
    expect(anna.body.accountEnabled).toBe(false);
    const cor = await graph(TENANT_A, 'GET', '/users/cor@alfa.example?$select=accountEnabled');
    expect(cor.body.accountEnabled).toBe(true);
  });

  it('scopes mailboxes as RBAC for Applications does, unless Entra ID granted calendars tenant-wide', async () => {
    const { graph } = await start({
      consentedRoles: { [TENANT_A]: ['User.Read.All'] },
      mailboxScope: { [TENANT_A]: [TEST_ORGANIZER] },
    });
    expect((await graph(TENANT_A, 'GET', `/users/${TEST_ORGANIZER}/calendar`)).status).toBe(200);
    const other = await graph(TENANT_A, 'GET', '/users/anna@alfa.example/events');
    expect(other.status).toBe(403);
    expect((other.body.error as { code: string }).code).toBe('ErrorAccessDenied');
    // Tenant B has no scope: as before, every mailbox (its token holds Calendars.ReadWrite from CONSENTED_ROLES).
    expect((await graph(TENANT_B, 'GET', '/users/bram@beta.example/calendar')).status).toBe(200);
    await tenant?.stop();
    const wide = await start({
      consentedRoles: { [TENANT_A]: ['User.Read.All', 'Calendars.ReadWrite'] },
      mailboxScope: { [TENANT_A]: [TEST_ORGANIZER] },
    });
    expect((await wide.graph(TENANT_A, 'GET', '/users/anna@alfa.example/calendar')).status).toBe(200);
  });

  it('serves the cross-tenant access settings to Policy.Read.All only, and refuses a blocked partner', async () => {
    const { graph } = await start({
      consentedRoles: { [TENANT_A]: [...CONSENTED_ROLES, 'Policy.Read.All'], [TENANT_B]: ['User.Read.All'] },
      noDirectConnect: [{ tenantId: TENANT_A, partnerTenantId: TENANT_B }],
    });
    const refused = await graph(TENANT_B, 'GET', `/policies/crossTenantAccessPolicy/partners/${TENANT_A}`);
    expect(refused.status).toBe(403);
    expect((refused.body.error as { code: string }).code).toBe('Authorization_RequestDenied');
    const partner = await graph(TENANT_A, 'GET', `/policies/crossTenantAccessPolicy/partners/${TENANT_B}`);
    expect(partner.status).toBe(200);
    expect(partner.body.b2bDirectConnectInbound).toMatchObject({ usersAndGroups: { accessType: 'blocked' } });
    expect(partner.body.b2bDirectConnectOutbound).toMatchObject({ usersAndGroups: { accessType: 'blocked' } });
    const list = await graph(TENANT_A, 'GET', '/policies/crossTenantAccessPolicy/partners');
    expect((list.body.value as { tenantId: string }[]).map((p) => p.tenantId).sort()).toEqual(
      [TENANT_B, TENANT_C].sort(),
    );
    const byDefault = await graph(TENANT_A, 'GET', '/policies/crossTenantAccessPolicy/default');
    expect(byDefault.body.b2bDirectConnectInbound).toMatchObject({ usersAndGroups: { accessType: 'blocked' } });

    // A shared channel in A: a user of B is refused (403), as the service refuses without direct connect.
    const owner = (await graph(TENANT_A, 'GET', `/users/anna@alfa.example`)).body.id as string;
    const bind = (id: string) => `https://graph.microsoft.com/v1.0/users('${id}')`;
    const member = (id: string, roles: string[] = []) => ({
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      roles,
      'user@odata.bind': bind(id),
    });
    const made = await graph(TENANT_A, 'POST', '/teams', {
      'template@odata.bind': "https://graph.microsoft.com/v1.0/teamsTemplates('standard')",
      displayName: 'Proef',
      members: [member(owner, ['owner'])],
    });
    expect(made.status).toBe(202);
    const teams = await graph(TENANT_A, 'GET', `/groups?$filter=displayName eq 'Proef'`);
    const teamId = (teams.body.value as { id: string }[])[0]?.id ?? '';
    const channel = await graph(TENANT_A, 'POST', `/teams/${teamId}/channels`, {
      displayName: 'Gedeeld',
      membershipType: 'shared',
      members: [member(owner, ['owner'])],
    });
    expect(channel.status).toBeLessThan(300);
    const channels = await graph(TENANT_A, 'GET', `/teams/${teamId}/allChannels`);
    const channelId = (channels.body.value as { id: string; displayName: string }[]).find(
      (c) => c.displayName === 'Gedeeld',
    )?.id;
    const add = await graph(
      TENANT_A,
      'POST',
      `/teams/${teamId}/channels/${encodeURIComponent(channelId ?? '')}/members`,
      {
        ...member('bram@beta.example'),
        tenantId: TENANT_B,
      },
    );
    expect(add.status).toBe(403);
    expect((add.body.error as { message: string }).message).toContain('B2B direct connect');
  });
});
