// Teams, channels and members in the local tenant over HTTPS: asynchronous creation with operations to poll,
// shared channels with people of another tenant, the rules for private channels and disabled accounts,
// the documented limits, and property names that exist in the Graph v1.0 contract.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FixedClock, GRAPH_CONTRACT, startTestTenant, TENANT_A, TENANT_B, type TestTenant } from './testing.ts';

type Item = Record<string, unknown>;
const GRAPH = 'https://graph.microsoft.com/v1.0';
const member = (upn: string, roles: string[] = [], extra: Item = {}) => ({
  '@odata.type': '#microsoft.graph.aadUserConversationMember',
  roles,
  'user@odata.bind': `${GRAPH}/users('${upn}')`,
  ...extra,
});

let t: TestTenant;
const clock = new FixedClock('2026-11-23T09:00:00Z');
let schemas: Record<string, { allOf?: Item[]; properties?: Item }>;

/** Property names of a contract schema, following allOf to its bases (entity → id). */
function propertiesOf(name: string): Set<string> {
  const out = new Set<string>();
  const walk = (s: { allOf?: Item[]; properties?: Item } | undefined) => {
    if (!s) return;
    for (const key of Object.keys(s.properties ?? {})) out.add(key);
    for (const part of s.allOf ?? []) {
      const ref = part.$ref;
      if (typeof ref === 'string') walk(schemas[ref.split('/').pop() ?? '']);
      else walk(part as { properties?: Item });
    }
  };
  walk(schemas[name]);
  return out;
}

function expectContractKeys(body: Item, schema: string, extra: string[] = []): void {
  const allowed = propertiesOf(`microsoft.graph.${schema}`);
  expect(allowed.size).toBeGreaterThan(1);
  const unknown = Object.keys(body).filter((k) => !k.startsWith('@odata.') && !allowed.has(k) && !extra.includes(k));
  expect(unknown).toEqual([]);
}

async function pollOperation(location: string): Promise<Item[]> {
  const seen: Item[] = [];
  for (let i = 0; i < 5; i++) {
    const op = await t.graph(TENANT_A, 'GET', location);
    expect(op.status).toBe(200);
    seen.push(op.body);
    if (op.body.status === 'succeeded') break;
  }
  return seen;
}

async function newTeam(name: string, ownerUpn = 'anna@alfa.example', others: string[] = []): Promise<string> {
  const res = await t.graph(TENANT_A, 'POST', '/teams', {
    'template@odata.bind': `${GRAPH}/teamsTemplates('standard')`,
    displayName: name,
    members: [member(ownerUpn, ['owner']), ...others.map((u) => member(u))],
  });
  expect(res.status).toBe(202);
  return /\/teams\('([^']+)'\)/.exec(res.headers.get('location') ?? '')?.[1] as string;
}

beforeAll(async () => {
  const contract = await readFile(GRAPH_CONTRACT, 'utf8');
  schemas = (parse(contract) as { components: { schemas: typeof schemas } }).components.schemas;
  t = await startTestTenant({ clock, faults: { throttling: false } });
});
afterAll(async () => {
  await t.close();
});

describe('teams in the local tenant', () => {
  it('creates a team with 202 and an operation that reports succeeded with the team id; the group and General come with it', async () => {
    const res = await t.graph(TENANT_A, 'POST', '/teams', {
      'template@odata.bind': `${GRAPH}/teamsTemplates('standard')`,
      displayName: 'Werkgroep ICT',
      description: 'ICT-clusters',
      members: [member('anna@alfa.example', ['owner'])],
    });
    expect(res.status).toBe(202);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/teams\('[0-9a-f-]{36}'\)\/operations\('[0-9a-f-]{36}'\)$/);
    const teamId = /\/teams\('([^']+)'\)/.exec(location)?.[1] as string;
    const polls = await pollOperation(location);
    expect(polls.map((p) => p.status)).toEqual(['inProgress', 'succeeded']);
    const done = polls[polls.length - 1] as Item;
    expect(done).toMatchObject({
      operationType: 'createTeam',
      targetResourceId: teamId,
      targetResourceLocation: `/teams('${teamId}')`,
    });
    expectContractKeys(done, 'teamsAsyncOperation');

    const team = await t.graph(TENANT_A, 'GET', `/teams/${teamId}`);
    expect(team.body).toMatchObject({ id: teamId, displayName: 'Werkgroep ICT', tenantId: TENANT_A });
    expectContractKeys(team.body, 'team');
    const group = await t.graph(TENANT_A, 'GET', `/groups/${teamId}`);
    expect(group.body.groupTypes).toEqual(['Unified']);
    expectContractKeys(group.body, 'group');
    expect((await t.graph(TENANT_A, 'GET', `/groups/${teamId}/team`)).body.id).toBe(teamId);
    const channels = await t.graph(TENANT_A, 'GET', `/teams/${teamId}/channels`);
    expect(channels.body.value?.map((c) => c.displayName)).toEqual(['General']);
    const members = await t.graph(TENANT_A, 'GET', `/teams/${teamId}/members`);
    expect(members.body.value).toHaveLength(1);
    expect(members.body.value?.[0]).toMatchObject({
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      roles: ['owner'],
      tenantId: TENANT_A,
    });
    expectContractKeys(members.body.value?.[0] as Item, 'conversationMember', ['userId', 'email', 'tenantId']);

    const noOwner = await t.graph(TENANT_A, 'POST', '/teams', {
      'template@odata.bind': `${GRAPH}/teamsTemplates('standard')`,
      displayName: 'Zonder eigenaar',
    });
    expect(noOwner.status).toBe(400);
  });

  it('creates a shared channel with one owner: 202 and an operation whose targetResourceId is the channel', async () => {
    const teamId = await newTeam('Regiegroep');
    const tooMany = await t.graph(TENANT_A, 'POST', `/teams/${teamId}/channels`, {
      displayName: 'Regie',
      membershipType: 'shared',
      members: [member('anna@alfa.example', ['owner']), member('cor@alfa.example')],
    });
    expect(tooMany.status).toBe(400);
    const noOwner = await t.graph(TENANT_A, 'POST', `/teams/${teamId}/channels`, {
      displayName: 'Regie',
      membershipType: 'shared',
      members: [member('cor@alfa.example')],
    });
    expect(noOwner.status).toBe(400);

    const res = await t.graph(TENANT_A, 'POST', `/teams/${teamId}/channels`, {
      displayName: 'Regie',
      description: 'Gedeeld met de andere gemeenten',
      membershipType: 'shared',
      members: [member('anna@alfa.example', ['owner'])],
    });
    expect(res.status).toBe(202);
    const polls = await pollOperation(res.headers.get('location') ?? '');
    const done = polls[polls.length - 1] as Item;
    expect(done.status).toBe('succeeded');
    expect(done.operationType).toBe('createChannel');
    const channelId = String(done.targetResourceId);
    expect(channelId).toMatch(/^19:[0-9a-f]{32}@thread\.tacv2$/);
    const channel = await t.graph(TENANT_A, 'GET', `/teams/${teamId}/channels/${encodeURIComponent(channelId)}`);
    expect(channel.body).toMatchObject({
      id: channelId,
      displayName: 'Regie',
      membershipType: 'shared',
      tenantId: TENANT_A,
    });
    for (const key of [
      'id',
      'displayName',
      'description',
      'membershipType',
      'createdDateTime',
      'webUrl',
      'email',
      'tenantId',
    ])
      expect(channel.body).toHaveProperty(key);
    expectContractKeys(channel.body, 'channel');
    const shared = await t.graph(
      TENANT_A,
      'GET',
      `/teams/${teamId}/channels/${encodeURIComponent(channelId)}/sharedWithTeams`,
    );
    expect(shared.body.value).toEqual([
      { id: teamId, displayName: 'Regiegroep', tenantId: TENANT_A, isHostTeam: true },
    ]);
    expectContractKeys(shared.body.value?.[0] as Item, 'sharedWithChannelTeamInfo');

    // People of another tenant join a shared channel with tenantId (B2B direct connect).
    const bram = await t.graph(
      TENANT_A,
      'POST',
      `/teams/${teamId}/channels/${encodeURIComponent(channelId)}/members`,
      member('bram@beta.example', [], { tenantId: TENANT_B }),
    );
    expect(bram.status).toBe(201);
    expect(bram.body).toMatchObject({
      tenantId: TENANT_B,
      email: 'b.beta@beta.example',
      displayName: 'Bram Beta',
      roles: [],
    });
    const bramHome = await t.graph(TENANT_B, 'GET', '/users/bram@beta.example');
    expect(bram.body.userId).toBe(bramHome.body.id);
    // Without tenantId the user is looked up in the host tenant, where Bram does not exist.
    const wrongTenant = await t.graph(
      TENANT_A,
      'POST',
      `/teams/${teamId}/channels/${encodeURIComponent(channelId)}/members`,
      member('bram@beta.example'),
    );
    expect(wrongTenant.status).toBe(404);
    const list = await t.graph(TENANT_A, 'GET', `/teams/${teamId}/channels/${encodeURIComponent(channelId)}/members`);
    expect(list.body.value?.map((m) => [m.displayName, m.tenantId, m.roles])).toEqual([
      ['Anna Alfa', TENANT_A, ['owner']],
      ['Bram Beta', TENANT_B, []],
    ]);
    const removed = await t.graph(
      TENANT_A,
      'DELETE',
      `/teams/${teamId}/channels/${encodeURIComponent(channelId)}/members/${String(bram.body.id)}`,
    );
    expect(removed.status).toBe(204);
    const lastOwner = list.body.value?.[0]?.id as string;
    expect(
      (
        await t.graph(
          TENANT_A,
          'DELETE',
          `/teams/${teamId}/channels/${encodeURIComponent(channelId)}/members/${lastOwner}`,
        )
      ).status,
    ).toBe(400);
  });

  it('refuses disabled users (404), members outside the team in private channels, and other tenants outside shared channels', async () => {
    const teamId = await newTeam('Projectgroep', 'anna@alfa.example', ['cor@alfa.example']);
    const disabledOwner = await t.graph(TENANT_A, 'POST', `/teams/${teamId}/channels`, {
      displayName: 'Oud',
      membershipType: 'private',
      members: [member('oud-account@alfa.example', ['owner'])],
    });
    expect(disabledOwner.status).toBe(404);
    const notInTeam = await t.graph(TENANT_A, 'POST', `/teams/${teamId}/channels`, {
      displayName: 'Vertrouwelijk',
      membershipType: 'private',
      members: [member('anna@alfa.example', ['owner']), member('dirk@alfa.example')],
    });
    expect(notInTeam.status).toBe(400);
    const created = await t.graph(TENANT_A, 'POST', `/teams/${teamId}/channels`, {
      displayName: 'Vertrouwelijk',
      membershipType: 'private',
      members: [member('anna@alfa.example', ['owner'])],
    });
    expect(created.status).toBe(201);
    expect(created.body.membershipType).toBe('private');
    const channelPath = `/teams/${teamId}/channels/${encodeURIComponent(String(created.body.id))}/members`;
    expect((await t.graph(TENANT_A, 'POST', channelPath, member('cor@alfa.example'))).status).toBe(201);
    const dirk = await t.graph(TENANT_A, 'POST', channelPath, member('dirk@alfa.example'));
    expect(dirk.status).toBe(400);
    expect(String((dirk.body.error as Item).message)).toContain('member of the team');
    expect((await t.graph(TENANT_A, 'POST', channelPath, member('oud-account@alfa.example'))).status).toBe(404);
    const otherTenant = await t.graph(
      TENANT_A,
      'POST',
      channelPath,
      member('bram@beta.example', [], { tenantId: TENANT_B }),
    );
    expect(otherTenant.status).toBe(400);
    // Team members: a disabled user is 404 as well; an enabled one joins and then fits the private channel.
    expect(
      (await t.graph(TENANT_A, 'POST', `/teams/${teamId}/members`, member('oud-account@alfa.example'))).status,
    ).toBe(404);
    expect((await t.graph(TENANT_A, 'POST', `/teams/${teamId}/members`, member('dirk@alfa.example'))).status).toBe(201);
    expect((await t.graph(TENANT_A, 'POST', channelPath, member('dirk@alfa.example'))).status).toBe(201);
    const standard = await t.graph(TENANT_A, 'GET', `/teams/${teamId}/channels`);
    const general = standard.body.value?.find((c) => c.displayName === 'General') as Item;
    const addToStandard = await t.graph(
      TENANT_A,
      'POST',
      `/teams/${teamId}/channels/${encodeURIComponent(String(general.id))}/members`,
      member('cor@alfa.example'),
    );
    expect(addToStandard.status).toBe(400);
  });

  it('keeps deleted channels as tombstones that block their name and count toward the limits for 30 days', async () => {
    const teamId = await newTeam('Veel kanalen');
    for (let i = 0; i < 30; i++) {
      const r = await t.graph(TENANT_A, 'POST', `/teams/${teamId}/channels`, {
        displayName: `Privé ${i}`,
        membershipType: 'private',
        members: [member('anna@alfa.example', ['owner'])],
      });
      expect(r.status).toBe(201);
      clock.advance(300);
    }
    const thirtyFirst = await t.graph(TENANT_A, 'POST', `/teams/${teamId}/channels`, {
      displayName: 'Privé 30',
      membershipType: 'private',
      members: [member('anna@alfa.example', ['owner'])],
    });
    expect(thirtyFirst.status).toBe(400);
    expect(String((thirtyFirst.body.error as Item).message)).toContain('30');
    const list = await t.graph(
      TENANT_A,
      'GET',
      `/teams/${teamId}/channels?$filter=${encodeURIComponent("displayName eq 'Privé 0'")}`,
    );
    const first = list.body.value?.[0] as Item;
    clock.advance(1000);
    expect(
      (await t.graph(TENANT_A, 'DELETE', `/teams/${teamId}/channels/${encodeURIComponent(String(first.id))}`)).status,
    ).toBe(204);
    expect(
      (await t.graph(TENANT_A, 'GET', `/teams/${teamId}/channels/${encodeURIComponent(String(first.id))}`)).status,
    ).toBe(404);
    clock.advance(1000);
    // Still counted, and its name is still taken.
    expect(
      (
        await t.graph(TENANT_A, 'POST', `/teams/${teamId}/channels`, {
          displayName: 'Privé 31',
          membershipType: 'private',
          members: [member('anna@alfa.example', ['owner'])],
        })
      ).status,
    ).toBe(400);
    expect((await t.graph(TENANT_A, 'POST', `/teams/${teamId}/channels`, { displayName: 'privé 0' })).status).toBe(400);
    clock.advance(31 * 86_400_000);
    expect((await t.graph(TENANT_A, 'POST', `/teams/${teamId}/channels`, { displayName: 'Privé 0' })).status).toBe(201);
    const general = (
      await t.graph(
        TENANT_A,
        'GET',
        `/teams/${teamId}/channels?$filter=${encodeURIComponent("displayName eq 'General'")}`,
      )
    ).body.value?.[0] as Item;
    expect(
      (await t.graph(TENANT_A, 'DELETE', `/teams/${teamId}/channels/${encodeURIComponent(String(general.id))}`)).status,
    ).toBe(400);
    const badName = await t.graph(TENANT_A, 'POST', `/teams/${teamId}/channels`, { displayName: 'a'.repeat(51) });
    expect(badName.status).toBe(400);
  });

  it('allows 1,000 channels per team, deleted ones included', async () => {
    const teamId = await newTeam('Duizend kanalen');
    // General plus 999 more, made in batches of 20.
    for (let start = 1; start < 1000; start += 20) {
      const requests = [];
      for (let i = start; i < Math.min(start + 20, 1000); i++) {
        requests.push({
          id: String(i),
          method: 'POST',
          url: `/teams/${teamId}/channels`,
          headers: { 'Content-Type': 'application/json' },
          body: { displayName: `Kanaal ${i}` },
        });
      }
      const res = await t.graph(TENANT_A, 'POST', '/$batch', { requests });
      expect((res.body.responses as Item[]).every((r) => r.status === 201)).toBe(true);
    }
    const channel1 = (
      await t.graph(
        TENANT_A,
        'GET',
        `/teams/${teamId}/channels?$filter=${encodeURIComponent("displayName eq 'Kanaal 1'")}`,
      )
    ).body.value?.[0] as Item;
    expect(
      (await t.graph(TENANT_A, 'DELETE', `/teams/${teamId}/channels/${encodeURIComponent(String(channel1.id))}`))
        .status,
    ).toBe(204);
    const listed = await t.graph(TENANT_A, 'GET', `/teams/${teamId}/channels?$top=999&$select=id`);
    expect(listed.body.value).toHaveLength(999);
    expect(listed.body['@odata.nextLink']).toBeUndefined();
    const over = await t.graph(TENANT_A, 'POST', `/teams/${teamId}/channels`, { displayName: 'Kanaal 1000' });
    expect(over.status).toBe(400);
    expect(String((over.body.error as Item).message)).toContain('1000');
  });

  it('installs apps, adds tabs for installed apps only, and answers filesFolder; groups take $ref members and owners', async () => {
    const teamId = await newTeam('Apps');
    const general = (await t.graph(TENANT_A, 'GET', `/teams/${teamId}/channels`)).body.value?.[0] as Item;
    const channel = `/teams/${teamId}/channels/${encodeURIComponent(String(general.id))}`;
    const appId = '9c0ad6a6-35b1-4b4e-8a3e-7b1c2d3e4f50';
    const tab = {
      displayName: 'Regiekamer',
      'teamsApp@odata.bind': `${GRAPH}/appCatalogs/teamsApps/${appId}`,
      configuration: {
        entityId: 'rk',
        contentUrl: 'https://localhost:3978/tab',
        websiteUrl: 'https://localhost:3978/tab',
      },
    };
    expect((await t.graph(TENANT_A, 'POST', `${channel}/tabs`, tab)).status).toBe(400);
    expect(
      (
        await t.graph(TENANT_A, 'POST', `/teams/${teamId}/installedApps`, {
          'teamsApp@odata.bind': `${GRAPH}/appCatalogs/teamsApps/${appId}`,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await t.graph(TENANT_A, 'POST', `/teams/${teamId}/installedApps`, {
          'teamsApp@odata.bind': `${GRAPH}/appCatalogs/teamsApps/${appId}`,
        })
      ).status,
    ).toBe(409);
    const apps = await t.graph(TENANT_A, 'GET', `/teams/${teamId}/installedApps?$expand=teamsApp`);
    expect((apps.body.value?.[0]?.teamsApp as Item).id).toBe(appId);
    const created = await t.graph(TENANT_A, 'POST', `${channel}/tabs`, tab);
    expect(created.status).toBe(201);
    expect(created.body.configuration).toMatchObject({ entityId: 'rk', contentUrl: 'https://localhost:3978/tab' });
    expectContractKeys(created.body, 'teamsTab');
    expect((await t.graph(TENANT_A, 'GET', `${channel}/tabs`)).body.value).toHaveLength(1);
    const folder = await t.graph(TENANT_A, 'GET', `${channel}/filesFolder`);
    expect(folder.body.name).toBe('General');
    expectContractKeys(folder.body, 'driveItem');

    const cor = await t.graph(TENANT_A, 'GET', '/users/cor@alfa.example');
    const ref = { '@odata.id': `${GRAPH}/directoryObjects/${String(cor.body.id)}` };
    expect((await t.graph(TENANT_A, 'POST', `/groups/${teamId}/members/$ref`, ref)).status).toBe(204);
    expect((await t.graph(TENANT_A, 'POST', `/groups/${teamId}/members/$ref`, ref)).status).toBe(400);
    expect((await t.graph(TENANT_A, 'POST', `/groups/${teamId}/owners/$ref`, ref)).status).toBe(204);
    const members = await t.graph(TENANT_A, 'GET', `/teams/${teamId}/members`);
    expect(members.body.value?.find((m) => m.userId === cor.body.id)?.roles).toEqual(['owner']);
    const groupMembers = await t.graph(TENANT_A, 'GET', `/groups/${teamId}/members`);
    expect(groupMembers.body.value?.every((m) => m['@odata.type'] === '#microsoft.graph.user')).toBe(true);
    expectContractKeys(groupMembers.body.value?.[0] as Item, 'user');
  });
});
