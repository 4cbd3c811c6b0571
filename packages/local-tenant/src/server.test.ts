// The local tenant's server over real HTTPS: auth, paging, OData options, $batch, throttling, faults,
// request log and counters, persistence and local-tenant.json.
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FixedClock, startTestTenant, TENANT_A, TENANT_B, TENANT_C, testToken, type TestTenant } from './testing.ts';

let running: TestTenant[] = [];
afterEach(async () => {
  await Promise.all(running.map((t) => t.close()));
  running = [];
});

async function start(options: Parameters<typeof startTestTenant>[0] = {}): Promise<TestTenant> {
  const t = await startTestTenant(options);
  running.push(t);
  return t;
}

type Item = Record<string, unknown>;

async function allPages(
  t: TestTenant,
  tenant: string,
  first: string,
): Promise<{ items: Item[]; pages: number; links: string[] }> {
  const items: Item[] = [];
  const links: string[] = [];
  let url: string | undefined = first;
  let pages = 0;
  while (url) {
    const res = await t.graph(tenant, 'GET', url);
    expect(res.status).toBe(200);
    pages++;
    items.push(...(res.body.value ?? []));
    url = res.body['@odata.nextLink'] as string | undefined;
    if (url) links.push(url);
  }
  return { items, pages, links };
}

async function createTeam(t: TestTenant, tenant: string, ownerUpn: string, name = 'Proefteam'): Promise<string> {
  const res = await t.graph(tenant, 'POST', '/teams', {
    'template@odata.bind': "https://graph.microsoft.com/v1.0/teamsTemplates('standard')",
    displayName: name,
    members: [
      {
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        roles: ['owner'],
        'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${ownerUpn}')`,
      },
    ],
  });
  expect(res.status).toBe(202);
  const m = /\/teams\('([^']+)'\)/.exec(res.headers.get('location') ?? '');
  expect(m?.[1]).toBeTruthy();
  return m?.[1] as string;
}

describe('local tenant server', () => {
  it('serves HTTPS with a certificate for localhost that only the local CA vouches for, and plain HTTP too', async () => {
    const t = await start();
    expect(t.handle.baseUrl).toMatch(/^https:\/\/localhost:\d+$/);
    const ok = await t.graph(TENANT_A, 'GET', '/users?$top=1');
    expect(ok.status).toBe(200);
    // Without the CA the certificate is refused: no trust-everything shortcut.
    await expect(fetch(`${t.handle.baseUrl}/_local/stats`)).rejects.toThrow();
    const plain = await fetch(`${t.handle.httpUrl}/v1.0/users?$top=1`, {
      headers: { Authorization: testToken(TENANT_A) },
    });
    expect(plain.status).toBe(200);
    const body = (await plain.json()) as { '@odata.nextLink': string };
    expect(body['@odata.nextLink'].startsWith(`${t.handle.httpUrl}/v1.0/users?`)).toBe(true);
  });

  it('needs a valid token and acts in the tenant the token names', async () => {
    const t = await start();
    const none = await t.call('GET', '/v1.0/users');
    expect(none.status).toBe(401);
    expect((none.body.error as Item).code).toBe('InvalidAuthenticationToken');
    const unknownTenant = await t.call('GET', '/v1.0/users', undefined, {
      Authorization: testToken('44444444-4444-4444-8444-444444444444'),
    });
    expect(unknownTenant.status).toBe(401);
    const bot = await t.call('POST', '/v3/conversations/19%3Aabc%40thread.tacv2/activities', {
      type: 'message',
      text: 'hoi',
    });
    expect(bot.status).toBe(401);

    const anna = await t.graph(TENANT_A, 'GET', '/users/anna@alfa.example');
    expect(anna.status).toBe(200);
    expect(anna.body.userPrincipalName).toBe('anna@alfa.example');
    expect(anna.body['@odata.context']).toBe(`${t.handle.baseUrl}/v1.0/$metadata#users/$entity`);
    const byId = await t.graph(TENANT_A, 'GET', `/users/${String(anna.body.id)}`);
    expect(byId.body.displayName).toBe('Anna Alfa');
    // A person is found in their home tenant only.
    const elsewhere = await t.graph(TENANT_A, 'GET', '/users/bram@beta.example');
    expect(elsewhere.status).toBe(404);
    expect((elsewhere.body.error as Item).code).toBe('Request_ResourceNotFound');
    const home = await t.graph(TENANT_B, 'GET', '/users/bram@beta.example');
    expect(home.body.mail).toBe('b.beta@beta.example');
  });

  it('seeds one tenant per gemeente with a tenant id: its people, 3–5 others, one disabled account, the organizer', async () => {
    const t = await start();
    expect(t.handle.tenants.map((x) => x.id)).toEqual([TENANT_A, TENANT_B, TENANT_C]);
    expect(t.handle.tenants[0]).toEqual({ id: TENANT_A, domain: 'alfa.example', displayName: 'Alfa' });
    for (const [tenant, listedPeople] of [
      [TENANT_A, 3],
      [TENANT_B, 1],
      [TENANT_C, 1],
    ] as const) {
      const { items } = await allPages(t, tenant, '/users?$select=id,userPrincipalName,accountEnabled');
      const organizer = tenant === TENANT_A ? 1 : 0;
      const others = items.length - listedPeople - organizer - 1;
      expect(others).toBeGreaterThanOrEqual(3);
      expect(others).toBeLessThanOrEqual(5);
      expect(items.filter((u) => u.accountEnabled === false)).toHaveLength(1);
      for (const u of items)
        expect(String(u.id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    const organizer = await t.graph(TENANT_A, 'GET', '/users/organizer@alfa.example');
    expect(organizer.status).toBe(200);
    expect(t.handle.app.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.handle.app.clientSecret.length).toBeGreaterThanOrEqual(30);
  });

  it('pages every collection with @odata.nextLink and $skiptoken until the last page', async () => {
    const t = await start({ pageSize: 2 });
    const { items, pages, links } = await allPages(t, TENANT_A, '/users');
    expect(items.length).toBeGreaterThan(6);
    expect(pages).toBe(Math.ceil(items.length / 2));
    expect(new Set(items.map((u) => u.id)).size).toBe(items.length);
    for (const link of links) expect(link).toMatch(new RegExp(`^${t.handle.baseUrl}/v1\\.0/users\\?\\$skiptoken=`));
    // $top sets the page size; the next page keeps the other options.
    const top = await t.graph(TENANT_A, 'GET', '/users?$top=3&$select=id,displayName');
    expect(top.body.value).toHaveLength(3);
    const next = top.body['@odata.nextLink'] as string;
    expect(next).toContain('$top=3');
    expect(next).toContain('$select=id');
    const page2 = await t.graph(TENANT_A, 'GET', next);
    expect(page2.body.value).toHaveLength(3);
    expect(Object.keys(page2.body.value?.[0] ?? {}).sort()).toEqual(['displayName', 'id']);
    const bad = await t.graph(TENANT_A, 'GET', '/users?$skiptoken=nonsense');
    expect(bad.status).toBe(400);
  });

  it('applies $filter (eq, and, startswith), $select and the default user properties', async () => {
    const t = await start();
    const plain = await t.graph(TENANT_A, 'GET', '/users/anna@alfa.example');
    // Like Graph, accountEnabled comes only when selected.
    expect(plain.body).not.toHaveProperty('accountEnabled');
    const disabled = await t.graph(
      TENANT_A,
      'GET',
      '/users?$filter=accountEnabled eq false&$select=userPrincipalName,accountEnabled',
    );
    expect(disabled.body.value).toEqual([{ userPrincipalName: 'oud-account@alfa.example', accountEnabled: false }]);
    expect(disabled.body['@odata.context']).toBe(
      `${t.handle.baseUrl}/v1.0/$metadata#users(userPrincipalName,accountEnabled)`,
    );
    const upn = await t.graph(
      TENANT_A,
      'GET',
      `/users?$filter=${encodeURIComponent("userPrincipalName eq 'ANNA@alfa.example'")}`,
    );
    expect(upn.body.value?.map((u) => u.displayName)).toEqual(['Anna Alfa']);
    const both = await t.graph(
      TENANT_A,
      'GET',
      `/users?$filter=${encodeURIComponent("startswith(displayName,'C') and accountEnabled eq true")}&$select=displayName`,
    );
    expect(both.body.value).toEqual([{ displayName: 'Cor Alfa' }]);
    const wrong = await t.graph(TENANT_A, 'GET', `/users?$filter=${encodeURIComponent('displayName gt 3')}`);
    expect(wrong.status).toBe(400);
    expect((wrong.body.error as Item).code).toBe('BadRequest');
  });

  it('runs $batch with dependsOn in order, answers 424 for dependants of a failure and refuses more than 20', async () => {
    const t = await start();
    const teamId = await createTeam(t, TENANT_A, 'anna@alfa.example');
    const res = await t.graph(TENANT_A, 'POST', '/$batch', {
      requests: [
        {
          id: '1',
          method: 'POST',
          url: `/teams/${teamId}/channels`,
          headers: { 'Content-Type': 'application/json' },
          body: { displayName: 'Eerste' },
        },
        {
          id: '2',
          method: 'POST',
          url: `/teams/${teamId}/channels`,
          headers: { 'Content-Type': 'application/json' },
          body: { displayName: 'Tweede' },
          dependsOn: ['1'],
        },
        { id: '3', method: 'GET', url: '/users/niemand@alfa.example' },
        { id: '4', method: 'GET', url: '/users/anna@alfa.example', dependsOn: ['3'] },
        { id: '5', method: 'GET', url: `/teams/${teamId}/channels?$select=displayName`, dependsOn: ['2'] },
      ],
    });
    expect(res.status).toBe(200);
    const byId = new Map((res.body.responses as Item[]).map((r) => [r.id, r]));
    expect(byId.get('1')?.status).toBe(201);
    expect(byId.get('2')?.status).toBe(201);
    expect(byId.get('3')?.status).toBe(404);
    expect(byId.get('4')?.status).toBe(424);
    expect(((byId.get('4')?.body as Item).error as Item).code).toBe('FailedDependency');
    const five = byId.get('5') as { status: number; headers: Item; body: { value: Item[] } };
    expect(five.status).toBe(200);
    expect(five.headers['Content-Type']).toBe('application/json');
    // 5 ran after 2, which ran after 1: both channels are listed.
    expect(five.body.value.map((c) => c.displayName)).toEqual(['General', 'Eerste', 'Tweede']);

    const tooMany = await t.graph(TENANT_A, 'POST', '/$batch', {
      requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/users' })),
    });
    expect(tooMany.status).toBe(400);
    expect(String((tooMany.body.error as Item).message)).toContain('20');
    const noContentType = await t.graph(TENANT_A, 'POST', '/$batch', {
      requests: [{ id: '1', method: 'POST', url: `/teams/${teamId}/channels`, body: { displayName: 'Derde' } }],
    });
    expect(noContentType.status).toBe(400);
    const cycle = await t.graph(TENANT_A, 'POST', '/$batch', {
      requests: [
        { id: 'a', method: 'GET', url: '/users', dependsOn: ['b'] },
        { id: 'b', method: 'GET', url: '/users', dependsOn: ['a'] },
      ],
    });
    expect(cycle.status).toBe(400);
    const stats = t.handle.stats();
    expect(stats.batches).toBe(1 + 3);
    expect(stats.subRequests).toBe(5);
  });

  it('throttles the fifth request to one team within a second with 429 + Retry-After, also inside a batch', async () => {
    const clock = new FixedClock('2026-11-23T09:00:00Z');
    const t = await start({ clock });
    const teamId = await createTeam(t, TENANT_A, 'anna@alfa.example');
    clock.advance(5000);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.graph(TENANT_A, 'GET', `/teams/${teamId}`)).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
    const fifth = await t.graph(TENANT_A, 'GET', `/teams/${teamId}/channels`);
    expect(fifth.status).toBe(429);
    expect(fifth.headers.get('retry-after')).toBe('1');
    expect((fifth.body.error as Item).code).toBe('TooManyRequests');
    // Another team is not affected; and a second later the first one answers again.
    const other = await createTeam(t, TENANT_A, 'cor@alfa.example', 'Ander team');
    expect((await t.graph(TENANT_A, 'GET', `/teams/${other}`)).status).toBe(200);
    clock.advance(1000);
    expect((await t.graph(TENANT_A, 'GET', `/teams/${teamId}`)).status).toBe(200);

    clock.advance(1000);
    const batch = await t.graph(TENANT_A, 'POST', '/$batch', {
      requests: Array.from({ length: 6 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: `/teams/${teamId}` })),
    });
    const subs = batch.body.responses as { status: number; headers: Record<string, string> }[];
    expect(subs.filter((r) => r.status === 200)).toHaveLength(4);
    const throttled = subs.filter((r) => r.status === 429);
    expect(throttled).toHaveLength(2);
    for (const r of throttled) expect(r.headers['Retry-After']).toBe('1');
    expect(t.handle.stats().throttled429).toBe(3);

    // With the limits off nothing is throttled.
    await t.call('POST', '/_local/faults', { throttling: false });
    for (let i = 0; i < 8; i++) expect((await t.graph(TENANT_A, 'GET', `/teams/${teamId}`)).status).toBe(200);
  });

  it('limits a mailbox to 4 concurrent requests', async () => {
    let releaseAll: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      releaseAll = resolve;
    });
    let entered = 0;
    const t = await start({
      routes: [
        {
          method: 'GET',
          pattern: '/users/{user-id}/calendar',
          handler: async () => {
            entered++;
            await gate;
            return { status: 200, body: { id: 'cal' } };
          },
        },
      ],
    });
    const pending = Array.from({ length: 4 }, () => t.graph(TENANT_A, 'GET', '/users/organizer@alfa.example/calendar'));
    while (entered < 4) await new Promise((resolve) => setImmediate(resolve));
    // The same mailbox by id instead of UPN is still the same mailbox.
    const organizer = await t.graph(TENANT_A, 'GET', '/users/organizer@alfa.example');
    const fifth = await t.graph(TENANT_A, 'GET', `/users/${String(organizer.body.id)}/calendar`);
    expect(fifth.status).toBe(429);
    expect(fifth.headers.get('retry-after')).toBe('1');
    releaseAll();
    expect((await Promise.all(pending)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect((await t.graph(TENANT_A, 'GET', '/users/organizer@alfa.example/calendar')).status).toBe(200);
  });

  it('injects the configured share of 429 and 503, reproducibly for a seed, and adds latency', async () => {
    const slept: number[] = [];
    const t = await start({
      faults: { share429: 0.1, share503: 0.1, seed: 42, retryAfterSeconds: 2, throttling: false },
      sleep: async (ms) => {
        slept.push(ms);
      },
    });
    const run = async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 300; i++) {
        const res = await t.graph(TENANT_A, 'GET', '/users?$top=1');
        statuses.push(res.status);
        if (res.status !== 200) expect(res.headers.get('retry-after')).toBe('2');
      }
      return statuses;
    };
    const first = await run();
    const n429 = first.filter((s) => s === 429).length;
    const n503 = first.filter((s) => s === 503).length;
    expect(n429).toBeGreaterThan(15);
    expect(n429).toBeLessThan(50);
    expect(n503).toBeGreaterThan(15);
    expect(n503).toBeLessThan(50);
    expect(t.handle.stats().injected429).toBe(n429);
    expect(t.handle.stats().injected503).toBe(n503);
    // The same seed replays the same sequence.
    const set = await t.call('POST', '/_local/faults', { seed: 42, latencyMs: 25 });
    expect(set.body).toMatchObject({ share429: 0.1, share503: 0.1, seed: 42, latencyMs: 25 });
    expect(await run()).toEqual(first);
    expect(slept).toHaveLength(300);
    expect(slept.every((ms) => ms === 25)).toBe(true);
    const invalid = await t.call('POST', '/_local/faults', { share429: 2 });
    expect(invalid.status).toBe(400);
  });

  it('logs requests and counts them per route without tokens, bodies or addresses', async () => {
    const t = await start();
    await t.graph(TENANT_A, 'GET', '/users/anna@alfa.example');
    await t.graph(TENANT_A, 'GET', '/users?$top=2');
    await t.graph(TENANT_A, 'POST', '/groups', {
      displayName: 'Geheim',
      mailNickname: 'geheim',
      mailEnabled: false,
      securityEnabled: true,
    });
    const log = await t.call('GET', '/_local/requests?limit=2');
    expect(log.body.value).toHaveLength(2);
    const all = await t.call('GET', '/_local/requests?limit=50');
    const text = JSON.stringify(all.body);
    expect(text).not.toContain('test.');
    expect(text).not.toContain('anna@alfa.example');
    expect(text).not.toContain('Geheim');
    expect(all.body.value?.[0]).toMatchObject({
      method: 'GET',
      route: 'GET /v1.0/users/{user-id}',
      path: '/users/{address}',
      status: 200,
      tenantId: TENANT_A,
    });
    const stats = await t.call('GET', '/_local/stats');
    const byRoute = stats.body.byRoute as Record<string, { count: number; byStatus: Record<string, number> }>;
    expect(byRoute['GET /v1.0/users']?.count).toBe(1);
    expect(byRoute['POST /v1.0/groups']?.byStatus['201']).toBe(1);
    expect(stats.body.requests).toBe(3);
    await t.call('POST', '/_local/stats/reset');
    expect((await t.call('GET', '/_local/stats')).body.requests).toBe(0);
  });

  it('keeps state over a restart, writes local-tenant.json, seeds idempotently and starts clean with reset', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'rk-tenant-'));
    const dataDir = path.join(root, 'local-tenant');
    const first = await start({ dataDir });
    const teamId = await createTeam(first, TENANT_A, 'anna@alfa.example');
    const usersBefore = (await allPages(first, TENANT_A, '/users')).items.length;
    const info = JSON.parse(await readFile(path.join(root, 'local-tenant.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(info).sort()).toEqual(['app', 'baseUrl', 'caCertPath', 'caCertPem', 'httpUrl', 'tenants']);
    expect(info.baseUrl).toBe(first.handle.baseUrl);
    expect(info.app).toEqual(first.handle.app);
    expect(info.tenants).toEqual(first.handle.tenants);
    expect(await readFile(String(info.caCertPath), 'utf8')).toBe(first.handle.caCertPem);
    expect((await stat(path.join(root, 'local-tenant.json'))).mode & 0o077).toBe(0);
    const caBefore = first.handle.caCertPem;
    await first.close();
    running = running.filter((r) => r !== first);

    const second = await start({ dataDir });
    expect((await second.graph(TENANT_A, 'GET', `/teams/${teamId}`)).body.displayName).toBe('Proefteam');
    expect((await allPages(second, TENANT_A, '/users')).items.length).toBe(usersBefore);
    expect(second.handle.app).toEqual(first.handle.app);
    expect(second.handle.caCertPem).toBe(caBefore);
    await second.close();
    running = running.filter((r) => r !== second);

    const clean = await start({ dataDir, reset: true });
    expect((await clean.graph(TENANT_A, 'GET', `/teams/${teamId}`)).status).toBe(404);
    expect((await allPages(clean, TENANT_A, '/users')).items.length).toBe(usersBefore);
    expect(clean.handle.app).toEqual(first.handle.app);
  });
});
