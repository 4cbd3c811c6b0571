// Actions both ways between the store and Planner in the local tenant: made here → task there; edited in
// Planner → here; concurrent edits on different fields both kept, on the same field Planner wins and the
// conflict is recorded; a 412 between read and write is re-read and merged; a task deleted in Planner is
// marked deleted and not made again; an unchanged plan costs one read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProgrammeSchema } from '../../domain/programme/schema.ts';
import { systemClock } from '../../platform/clock.ts';
import { plannerGraph } from '../../adapters/work/planner-graph.ts';
import { deleteTaskAsPerson, editTaskAsPerson } from '@regiekamer/local-tenant';
import { users } from '../../adapters/graph/endpoints/directory.ts';
import { teams, userMember } from '../../adapters/graph/endpoints/teams.ts';
import { planner } from '../../adapters/graph/endpoints/planner.ts';
import { startGatewayFixture, TENANT_A, TENANT_B, type GatewayFixture } from '../../../tests/support/local-tenant.ts';
import type { GraphGateway } from '../../adapters/graph/gateway.ts';
import { GraphError } from '../../adapters/graph/types.ts';
import { openStore } from '../../adapters/store/open.ts';
import type { StoredAction } from '../../adapters/store/action-records.ts';
import type { Store } from '../../adapters/store/store.ts';
import { pollPlanner, type PlannerSyncDeps } from './planner-sync.ts';

const programme = ProgrammeSchema.parse({
  version: 1,
  programme: {
    id: 'proef',
    name: 'Proef',
    organizer: 'regiekamer@alfa.example',
    team: { name: 'Proefteam', owners: ['anna'] },
  },
  gemeenten: [
    { id: 'alfa', name: 'Alfa', tenantId: TENANT_A, domain: 'alfa.example', host: true },
    { id: 'beta', name: 'Beta', tenantId: TENANT_B, domain: 'beta.example' },
  ],
  people: [
    { id: 'anna', name: 'Anna Alfa', upn: 'anna@alfa.example', gemeente: 'alfa', hoursPerWeek: 24 },
    { id: 'cor', name: 'Cor Alfa', upn: 'cor@alfa.example', gemeente: 'alfa', hoursPerWeek: 8 },
    { id: 'bram', name: 'Bram Beta', upn: 'bram@beta.example', gemeente: 'beta', hoursPerWeek: 8 },
  ],
  bodies: [
    { id: 'pg', kind: 'projectgroep', name: 'Projectgroep', lead: 'anna', members: ['anna'] },
    {
      id: 'wg-ict',
      kind: 'werkgroep',
      name: 'Werkgroep ICT',
      projectgroep: 'pg',
      trekker: 'cor',
      members: ['cor', 'anna', 'bram'],
      channel: { kind: 'shared' },
    },
  ],
});

let f: GatewayFixture;
let store: Store;
let deps: PlannerSyncDeps;
const ids: Record<string, string> = {};

beforeAll(async () => {
  f = await startGatewayFixture({ programme, faults: { throttling: true } });
  store = await openStore({ dataDir: 'memory://' });
  await store.migrate();
  const g = f.graph.gateway;
  for (const p of ['anna', 'cor'])
    ids[p] = (await g.request<{ id: string }>(TENANT_A, users.get(`${p}@alfa.example`, { select: ['id'] }))).body.id;
  const created = await g.request(
    TENANT_A,
    teams.create({
      'template@odata.bind': "https://graph.microsoft.com/v1.0/teamsTemplates('standard')",
      displayName: 'Proefteam',
      members: [userMember(ids['anna'] as string, ['owner'])],
    }),
  );
  const groupId = /\/teams\('([^']+)'\)/.exec(created.headers['location'] ?? '')?.[1] as string;
  deps = withGateway(g, groupId);
});
afterAll(async () => {
  await store?.close();
  await f?.close();
});

function withGateway(gateway: GraphGateway, groupId = deps.groupId): PlannerSyncDeps {
  return {
    graph: plannerGraph(gateway, TENANT_A),
    store,
    programme,
    clock: systemClock,
    tenantId: TENANT_A,
    groupId,
    userIdOf: (p) => ids[p],
    personOfUser: (u) => Object.entries(ids).find(([, id]) => id === u)?.[0],
  };
}

const action = (id: string, over: Partial<StoredAction['fields']> = {}): StoredAction => ({
  id,
  werkgroep: 'wg-ict',
  fields: {
    title: `Actie ${id}`,
    due: '2026-12-01',
    status: 'open',
    ks: ['kwetsbaarheid'],
    owners: ['cor'],
    notes: 'Eerste inventarisatie',
    ...over,
  },
  base: null,
  blockedBy: [],
  origin: null,
  createdOn: '2026-11-23',
  deleted: false,
  taskId: null,
  taskEtag: null,
  detailsEtag: null,
});

async function stored(id: string): Promise<StoredAction> {
  const a = await store.actions.get('proef', id);
  if (!a) throw new Error(`no action ${id}`);
  return a;
}
const state = () => f.tenant.state();
const task = (taskId: string) =>
  state().tenants[TENANT_A]?.collections['plannerTasks']?.[taskId] as Record<string, unknown>;
const taskIdOf = async (id: string) => (await stored(id)).taskId as string;

describe('actions ↔ Planner', () => {
  it("makes a plan with the flow buckets and the four K's as categories, and a task for a new action", async () => {
    await store.actions.save('proef', action('a1', { owners: ['cor', 'bram'] }), new Date());
    const s = await pollPlanner(deps);
    expect(s.created).toBe(1);
    const plan = (await store.actions.plans('proef'))[0];
    expect(Object.keys(plan?.buckets ?? {})).toEqual(['open', 'loopt', 'wacht', 'gereed']);
    const details = await f.graph.gateway.request<{ categoryDescriptions: Record<string, string | null> }>(
      TENANT_A,
      planner.planDetails(plan?.planId as string),
    );
    expect(details.body.categoryDescriptions).toMatchObject({
      category1: 'Kwaliteit',
      category2: 'Kwetsbaarheid',
      category3: 'Kosten',
      category4: 'Kansen',
    });
    const t = task(await taskIdOf('a1'));
    expect(t).toMatchObject({
      title: 'Actie a1',
      bucketId: plan?.buckets['open'],
      appliedCategories: { category2: true },
    });
    // Bram works in another tenant: he stays an owner in Regiekamer, Planner assigns only Cor.
    expect(Object.keys(t['assignments'] as object)).toEqual([ids['cor']]);
    expect((await stored('a1')).fields.owners).toEqual(['bram', 'cor']);
  });

  it('an unchanged plan costs one read', async () => {
    f.graph.gateway.resetMetrics();
    const s = await pollPlanner(deps);
    expect(s).toMatchObject({ toPlanner: 0, fromPlanner: 0, created: 0 });
    expect(f.graph.gateway.metrics().requests).toBe(1);
  });

  it('concurrent edits on different fields are both kept; on the same field Planner wins and the conflict is recorded', async () => {
    const taskId = await taskIdOf('a1');
    const plan = (await store.actions.plans('proef'))[0];
    // In Planner: moved to "Loopt" and renamed. In Regiekamer, at the same time: new due date and also renamed.
    editTaskAsPerson(
      state(),
      TENANT_A,
      taskId,
      { bucketId: plan?.buckets['loopt'], title: 'Titel uit Planner' },
      systemClock,
    );
    const a = await stored('a1');
    await store.actions.save(
      'proef',
      { ...a, fields: { ...a.fields, due: '2026-12-20', title: 'Titel uit Regiekamer' } },
      new Date(),
    );
    const s = await pollPlanner(deps);
    expect(s.conflicts).toBe(1);
    const after = await stored('a1');
    expect(after.fields).toMatchObject({ status: 'loopt', due: '2026-12-20', title: 'Titel uit Planner' });
    expect(task(taskId)).toMatchObject({
      title: 'Titel uit Planner',
      dueDateTime: '2026-12-20T00:00:00Z',
      bucketId: plan?.buckets['loopt'],
    });
    const conflicts = await store.actions.conflicts('proef', 'a1');
    expect(conflicts.map((c) => [c.field, c.ours, c.theirs])).toEqual([
      ['title', 'Titel uit Regiekamer', 'Titel uit Planner'],
    ]);
  });

  it('a task changed between read and write (412) is read again and merged: nothing lost', async () => {
    const taskId = await taskIdOf('a1');
    const a = await stored('a1');
    await store.actions.save('proef', { ...a, fields: { ...a.fields, ks: ['kansen', 'kwetsbaarheid'] } }, new Date());
    let interfered = false;
    const g = f.graph.gateway;
    const meddling: GraphGateway = {
      ...g,
      request: async (tenantId, call) => {
        if (call.method === 'PATCH' && call.path.startsWith('/planner/tasks/') && !interfered) {
          interfered = true;
          editTaskAsPerson(state(), TENANT_A, taskId, { percentComplete: 100 }, systemClock);
        }
        return g.request(tenantId, call);
      },
      pages: (tenantId, call) => g.pages(tenantId, call),
    };
    g.resetMetrics();
    await pollPlanner(withGateway(meddling));
    expect(interfered).toBe(true);
    expect(g.metrics().byStatus['412']).toBe(1);
    expect((await stored('a1')).fields).toMatchObject({ status: 'gereed', ks: ['kansen', 'kwetsbaarheid'] });
    expect(task(taskId)).toMatchObject({
      percentComplete: 100,
      appliedCategories: { category2: true, category4: true },
    });
  });

  it('names a Planner limit and keeps the action in Regiekamer; the others go on', async () => {
    await store.actions.save('proef', action('vol'), new Date());
    await store.actions.save('proef', action('past'), new Date());
    const g = f.graph.gateway;
    const full: GraphGateway = {
      ...g,
      request: async (tenantId, call) => {
        if (
          call.method === 'POST' &&
          /\/tasks$/.test(call.path) &&
          (call.body as { title?: string }).title === 'Actie vol'
        ) {
          throw new GraphError(
            403,
            'MaximumTasksInProject',
            'The plan already has the maximum number of tasks (9000).',
            'POST',
            '/planner/plans/tasks',
          );
        }
        return g.request(tenantId, call);
      },
      pages: (tenantId, call) => g.pages(tenantId, call),
    };
    const s = await pollPlanner(withGateway(full));
    expect(s.problems).toEqual([{ werkgroep: 'wg-ict', key: 'planner.limit.tasks', params: { action: 'vol' } }]);
    expect((await stored('vol')).taskId).toBeNull();
    expect((await stored('past')).taskId).not.toBeNull();
    // Room again: the next poll makes it.
    await pollPlanner(deps);
    expect((await stored('vol')).taskId).not.toBeNull();
  });

  it('a task made in Planner becomes an action; one deleted in Planner is marked deleted and not made again', async () => {
    await store.actions.save('proef', action('a2'), new Date());
    await pollPlanner(deps);
    const gone = await taskIdOf('a2');
    deleteTaskAsPerson(state(), TENANT_A, gone, systemClock);
    await pollPlanner(deps);
    expect((await stored('a2')).deleted).toBe(true);
    await pollPlanner(deps);
    const titles = Object.values(state().tenants[TENANT_A]?.collections['plannerTasks'] ?? {}).map((t) => t['title']);
    expect(titles.filter((t) => t === 'Actie a2')).toHaveLength(0);
    expect((await store.actions.list('proef')).map((x) => x.id)).not.toContain('a2');

    // Someone adds a task in Planner, assigned to Anna and labelled Kosten.
    const plan = (await store.actions.plans('proef'))[0];
    await f.graph.gateway.request(
      TENANT_A,
      planner.createTask(plan?.planId as string, {
        planId: plan?.planId,
        title: 'Offerte archiefsysteem opvragen',
        bucketId: plan?.buckets['wacht'],
        appliedCategories: { category3: true },
        assignments: {
          [ids['anna'] as string]: { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' },
        },
      }),
    );
    const s = await pollPlanner(deps);
    expect(s.fromPlanner).toBe(1);
    const made = (await store.actions.list('proef')).find((x) => x.fields.title === 'Offerte archiefsysteem opvragen');
    expect(made?.fields).toMatchObject({ status: 'wacht', ks: ['kosten'], owners: ['anna'] });
    expect((await pollPlanner(deps)).fromPlanner).toBe(0);
  });
});
