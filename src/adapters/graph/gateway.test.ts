// The gateway against the local tenant: paging, typed errors (no retry of plain 4xx, 412 as a conflict),
// batches with dependsOn, and convergence under 20% injected 429/503 with every Retry-After honoured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, teams, userMember } from './endpoints/teams.ts';
import { events } from './endpoints/calendar.ts';
import { planner } from './endpoints/planner.ts';
import { users } from './endpoints/directory.ts';
import { startGatewayFixture, TENANT_A, TENANT_B, type GatewayFixture } from '../../../tests/support/local-tenant.ts';
import { GraphConflictError, GraphError, type BatchItem } from './types.ts';

const ORGANIZER = 'regiekamer@alfa.example';
let f: GatewayFixture;

beforeAll(async () => {
  f = await startGatewayFixture({ pageSize: 3 });
});
afterAll(async () => {
  await f.close();
});

async function newTeam(name: string): Promise<string> {
  const g = f.graph.gateway;
  const anna = await g.request<{ id: string }>(TENANT_A, users.get('anna@alfa.example', { select: ['id'] }));
  const created = await g.request(
    TENANT_A,
    teams.create({
      'template@odata.bind': "https://graph.microsoft.com/v1.0/teamsTemplates('standard')",
      displayName: name,
      members: [userMember(anna.body.id, ['owner'])],
    }),
  );
  expect(created.status).toBe(202);
  const location = created.headers['location'] ?? '';
  const teamId = /\/teams\('([^']+)'\)/.exec(location)?.[1] ?? '';
  const opId = /operations\('([^']+)'\)/.exec(location)?.[1] ?? '';
  for (let i = 0; i < 10; i++) {
    const op = await g.request<{ status: string }>(TENANT_A, teams.operation(teamId, opId));
    if (op.body.status === 'succeeded') return teamId;
  }
  throw new Error('team creation did not finish');
}

const event = (subject: string, day: number) =>
  events.create(ORGANIZER, {
    subject,
    start: { dateTime: `2026-12-${String(day).padStart(2, '0')}T10:00:00`, timeZone: 'W. Europe Standard Time' },
    end: { dateTime: `2026-12-${String(day).padStart(2, '0')}T11:00:00`, timeZone: 'W. Europe Standard Time' },
  });

describe('the Graph gateway', () => {
  it('pages through a collection over @odata.nextLink and acts in the tenant it names', async () => {
    const g = f.graph.gateway;
    g.resetMetrics();
    const a: { userPrincipalName: string }[] = [];
    for await (const u of g.pages<{ userPrincipalName: string }>(
      TENANT_A,
      users.list({ select: ['id', 'userPrincipalName'] }),
    ))
      a.push(u);
    const expected = Object.keys(f.tenant.state().tenants[TENANT_A]?.collections['users'] ?? {}).length;
    expect(a).toHaveLength(expected);
    expect(expected).toBeGreaterThan(3);
    expect(new Set(a.map((u) => u.userPrincipalName)).size).toBe(expected);
    expect(a.every((u) => u.userPrincipalName.endsWith('@alfa.example'))).toBe(true);
    expect(g.metrics().requests).toBe(Math.ceil(expected / 3));
    const b: { userPrincipalName: string }[] = [];
    for await (const u of g.pages<{ userPrincipalName: string }>(TENANT_B, users.list())) b.push(u);
    expect(b.every((u) => u.userPrincipalName.endsWith('@beta.example'))).toBe(true);
  });

  it('does not retry a plain 4xx and surfaces it as a GraphError without personal data', async () => {
    const g = f.graph.gateway;
    g.resetMetrics();
    const err = await g.request(TENANT_A, users.get('nobody@alfa.example')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect(err).not.toBeInstanceOf(GraphConflictError);
    expect((err as GraphError).status).toBe(404);
    expect((err as GraphError).resource).toBe('/users');
    expect((err as GraphError).message).not.toContain('nobody');
    expect((err as GraphError).serviceMessage).toContain('does not exist');
    expect(g.metrics()).toMatchObject({ requests: 1, retries: 0 });
  });

  it("sends the item's own ETag and turns a stale one (412) into a GraphConflictError", async () => {
    const g = f.graph.gateway;
    const teamId = await newTeam('Conflicten');
    const plan = await g.request<{ id: string }>(TENANT_A, planner.createPlan(teamId, 'Acties'));
    const task = await g.request<{ id: string; '@odata.etag': string }>(
      TENANT_A,
      planner.createTask(plan.body.id, { planId: plan.body.id, title: 'Inventarisatie' }),
    );
    const stale = task.body['@odata.etag'];
    const first = await g.request(TENANT_A, planner.updateTask(task.body.id, stale, { percentComplete: 50 }));
    expect(first.status).toBeLessThan(300);
    const err = await g
      .request(TENANT_A, planner.updateTask(task.body.id, stale, { percentComplete: 100 }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphConflictError);
    expect((err as GraphConflictError).status).toBe(412);
    const fresh = await g.request<{ percentComplete: number; '@odata.etag': string }>(
      TENANT_A,
      planner.task(task.body.id),
    );
    expect(fresh.body.percentComplete).toBe(50);
    expect(fresh.body['@odata.etag']).not.toBe(stale);
  });

  it('batches any number of calls in waves of at most 20, keeps dependsOn, and answers each in input order', async () => {
    const g = f.graph.gateway;
    const teamId = await newTeam('Batches');
    const plan = await g.request<{ id: string }>(TENANT_A, planner.createPlan(teamId, 'Batchplan'));
    g.resetMetrics();
    const items: BatchItem[] = [
      { id: 'bucket', ...planner.createBucket(plan.body.id, 'Werkvoorraad') },
      ...Array.from({ length: 30 }, (_, i) => ({
        id: `task${i}`,
        dependsOn: i === 0 ? ['bucket'] : [],
        ...planner.createTask(plan.body.id, { planId: plan.body.id, title: `Taak ${i}` }),
      })),
      { id: 'missing', ...users.get('nobody@alfa.example') },
      { id: 'after-missing', dependsOn: ['missing'], ...users.get('anna@alfa.example') },
    ];
    const results = await g.batch<{ title?: string }>(TENANT_A, items);
    expect(results.map((r) => r.id)).toEqual(items.map((i) => i.id));
    expect(results.slice(0, 31).map((r) => r.status)).toEqual(Array(31).fill(201));
    expect(results.slice(1, 31).map((r) => r.body.title)).toEqual(Array.from({ length: 30 }, (_, i) => `Taak ${i}`));
    expect(results[31]?.status).toBe(404);
    expect(results[31]?.error).toBeInstanceOf(GraphError);
    expect(results[32]?.status).toBe(424);
    const m = g.metrics();
    expect(m.batches).toBe(2);
    // All 33 went out: the dependant of the 404 was sent in the same wave and answered 424 by the service.
    expect(m.subRequests).toBe(33);
    const tasks: unknown[] = [];
    for await (const t of g.pages(TENANT_A, planner.tasks(plan.body.id))) tasks.push(t);
    expect(tasks).toHaveLength(30);
  });

  it('keeps per-team sub-requests to four per wave, so a batch never trips the team limit', async () => {
    const g = f.graph.gateway;
    const teamId = await newTeam('Veel kanalen');
    g.resetMetrics();
    f.tenant.resetStats();
    const results = await g.batch(
      TENANT_A,
      Array.from({ length: 12 }, (_, i) => channels.create(teamId, { displayName: `Kanaal ${i}`, kind: 'standard' })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(g.metrics()).toMatchObject({ batches: 3, throttled: 0, retries: 0 });
  });
});

describe('the gateway under injected faults', () => {
  let faulty: GatewayFixture;
  beforeAll(async () => {
    faulty = await startGatewayFixture({
      faults: { share429: 0.1, share503: 0.1, retryAfterSeconds: 1, seed: 20261123 },
    });
  });
  afterAll(async () => {
    await faulty.close();
  });

  it('converges with 20% 429/503: right results, nothing created twice, every retry after the Retry-After asked', async () => {
    const g = faulty.graph.gateway;
    const anna = await g.request<{ id: string }>(TENANT_A, users.get('anna@alfa.example', { select: ['id'] }));
    const created = await g.request(
      TENANT_A,
      teams.create({
        'template@odata.bind': "https://graph.microsoft.com/v1.0/teamsTemplates('standard')",
        displayName: 'Onder vuur',
        members: [userMember(anna.body.id, ['owner'])],
      }),
    );
    const teamId = /\/teams\('([^']+)'\)/.exec(created.headers['location'] ?? '')?.[1] ?? '';
    const opId = /operations\('([^']+)'\)/.exec(created.headers['location'] ?? '')?.[1] ?? '';
    let status = '';
    for (let i = 0; i < 10 && status !== 'succeeded'; i++)
      status = (await g.request<{ status: string }>(TENANT_A, teams.operation(teamId, opId))).body.status;
    expect(status).toBe('succeeded');
    g.resetMetrics();

    // Plain requests and batches at once: 10 channels one by one, 24 events and 20 tasks in batches.
    const plan = await g.request<{ id: string }>(TENANT_A, planner.createPlan(teamId, 'Acties onder vuur'));
    const [channelResults, eventResults, taskResults] = await Promise.all([
      Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          g.request(TENANT_A, channels.create(teamId, { displayName: `Werkgroep ${i}`, kind: 'standard' })),
        ),
      ),
      g.batch(
        TENANT_A,
        Array.from({ length: 24 }, (_, i) => event(`Overleg ${i}`, (i % 28) + 1)),
      ),
      g.batch(
        TENANT_A,
        Array.from({ length: 20 }, (_, i) =>
          planner.createTask(plan.body.id, { planId: plan.body.id, title: `Actie ${i}` }),
        ),
      ),
    ]);
    expect(channelResults.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(eventResults.map((r) => r.status)).toEqual(Array(24).fill(201));
    expect(taskResults.map((r) => r.status)).toEqual(Array(20).fill(201));

    const m = g.metrics();
    // The seed makes the fault sequence fixed; that it caused retries at all is what this test is about.
    expect(m.retries).toBeGreaterThan(5);
    expect(m.retryWaits).toHaveLength(m.retries);
    for (const w of m.retryWaits) {
      expect(w.retryAfterMs).toBe(1000);
      expect(w.waitedMs).toBeGreaterThanOrEqual(1000);
    }

    // Read back with faults off: each thing exists exactly once.
    faulty.tenant.setFaults({ share429: 0, share503: 0 });
    const names: string[] = [];
    for await (const c of g.pages<{ displayName: string }>(TENANT_A, channels.list(teamId))) names.push(c.displayName);
    expect(names.filter((n) => n.startsWith('Werkgroep ')).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `Werkgroep ${i}`).sort(),
    );
    const subjects: string[] = [];
    for await (const e of g.pages<{ subject: string }>(TENANT_A, events.list(ORGANIZER, { select: ['subject'] })))
      subjects.push(e.subject);
    expect(subjects.filter((s) => s.startsWith('Overleg ')).sort()).toEqual(
      Array.from({ length: 24 }, (_, i) => `Overleg ${i}`).sort(),
    );
    const titles: string[] = [];
    for await (const t of g.pages<{ title: string }>(TENANT_A, planner.tasks(plan.body.id))) titles.push(t.title);
    expect(titles.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `Actie ${i}`).sort());
  });
});
