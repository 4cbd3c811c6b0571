// Planner handlers of the local tenant, called directly with a hand-built TenantContext: If-Match rules
// (428/400/412), a new ETag on every write, per-item ETags, the documented limits, deletion, category labels,
// order hints, a person editing a task in the Planner app, and the property names of the Graph v1.0 contract.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FixedClock, GRAPH_CONTRACT } from './testing.ts';
import {
  collection,
  GraphHttpError,
  type Entity,
  type LocalTenantState,
  type Route,
  type TenantContext,
  type TenantRequest,
} from './core.ts';
import {
  computeOrderHint,
  deleteTaskAsPerson,
  editTaskAsPerson,
  editTaskDetailsAsPerson,
  PLANNER_LIMITS,
  plannerRoutes,
} from './planner.ts';

type Item = Record<string, unknown>;
interface Result {
  status: number;
  headers: Record<string, string>;
  body: Item & { value?: Item[]; error?: { code: string; message: string } };
}

const TENANT = '11111111-1111-4111-8111-111111111111';
const GROUP = 'c0000000-0000-4000-8000-000000000001';
const SECURITY_GROUP = 'c0000000-0000-4000-8000-000000000002';
const ANNA = 'a0000000-0000-4000-8000-000000000001';
const COR = 'a0000000-0000-4000-8000-000000000002';
const APP = 'f0000000-0000-4000-8000-00000000a001';

function userId(n: number): string {
  return `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

function newState(): LocalTenantState {
  const users: Record<string, Entity> = {};
  // Enough people to exceed the assignee limit.
  for (let n = 1; n <= 25; n++)
    users[userId(n)] = {
      id: userId(n),
      userPrincipalName: `persoon${n}@alfa.example`,
      mail: `persoon${n}@alfa.example`,
      displayName: `Persoon ${n}`,
      accountEnabled: true,
    };
  return {
    version: 1,
    apps: [],
    tenants: {
      [TENANT]: {
        id: TENANT,
        displayName: 'Alfa',
        domain: 'alfa.example',
        collections: {
          users,
          groups: {
            [GROUP]: {
              id: GROUP,
              displayName: 'Proefteam',
              groupTypes: ['Unified'],
              mailEnabled: true,
              securityEnabled: false,
            },
            [SECURITY_GROUP]: {
              id: SECURITY_GROUP,
              displayName: 'Beveiliging',
              groupTypes: [],
              mailEnabled: false,
              securityEnabled: true,
            },
          },
        },
      },
    },
  };
}

let clock: FixedClock;
let ctx: TenantContext;
let routes: Route[];
let changes: number;

beforeEach(() => {
  clock = new FixedClock('2026-02-01T10:00:00Z');
  let ids = 0;
  let etags = 0;
  changes = 0;
  ctx = {
    state: newState(),
    clock,
    newId: (prefix) => `${prefix ?? ''}00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    newEtag: () => `W/"JzEtVGFzayAg${String(++etags).padStart(6, '0')}"`,
    baseUrl: 'https://localhost:4443',
    changed: () => {
      changes++;
    },
  };
  routes = plannerRoutes();
});

/** Routes a request the way the server does (case-insensitive literals, {params}) and maps GraphHttpError to a response. */
async function call(
  method: TenantRequest['method'],
  target: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Result> {
  const [pathPart = '', queryPart = ''] = target.split('?');
  const segments = pathPart
    .split('/')
    .filter((s) => s !== '')
    .map(decodeURIComponent);
  for (const route of routes.filter((r) => r.method === method)) {
    const pattern = route.pattern.split('/').filter((s) => s !== '');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((p, i) => {
      const seg = segments[i] as string;
      const m = /^\{(.+)\}$/.exec(p);
      if (m?.[1]) {
        params[m[1]] = seg;
        return true;
      }
      return p.toLowerCase() === seg.toLowerCase();
    });
    if (!ok) continue;
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    const req: TenantRequest = {
      tenantId: TENANT,
      appId: APP,
      method,
      path: pathPart,
      params,
      query: new URLSearchParams(queryPart),
      headers: lower,
      body,
    };
    try {
      const res = await route.handler(req, ctx);
      return { status: res.status, headers: res.headers ?? {}, body: (res.body ?? {}) as Result['body'] };
    } catch (err) {
      if (err instanceof GraphHttpError)
        return { status: err.status, headers: err.headers, body: { error: { code: err.code, message: err.message } } };
      throw err;
    }
  }
  throw new Error(`no route for ${method} ${target}`);
}

const etagOf = (item: Item) => String(item['@odata.etag']);
const ifMatch = (item: Item) => ({ 'If-Match': etagOf(item) });
const representation = { Prefer: 'return=representation' };

async function newPlan(title = 'Proefprogramma'): Promise<Item> {
  const res = await call('POST', '/planner/plans', {
    container: { url: `https://graph.microsoft.com/v1.0/groups/${GROUP}` },
    title,
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function newTask(planId: string, extra: Item = {}): Promise<Item> {
  const res = await call('POST', `/planner/plans/${planId}/tasks`, { planId, title: 'Inventarisatie', ...extra });
  expect(res.status).toBe(201);
  return res.body;
}

// ---------------------------------------------------------------------------------------------------------------
// Contract

type Schema = { allOf?: Item[]; properties?: Item };
const contract = parse(readFileSync(GRAPH_CONTRACT, 'utf8')) as { components: { schemas: Record<string, Schema> } };

function unknownKeys(body: Item, schema: string): string[] {
  const allowed = new Set<string>();
  const walk = (s: Schema | undefined) => {
    if (!s) return;
    for (const key of Object.keys(s.properties ?? {})) allowed.add(key);
    for (const part of s.allOf ?? []) {
      const ref = part.$ref;
      if (typeof ref === 'string') walk(contract.components.schemas[ref.split('/').pop() ?? '']);
      else walk(part as Schema);
    }
  };
  walk(contract.components.schemas[`microsoft.graph.${schema}`]);
  expect(allowed.size).toBeGreaterThan(0);
  return Object.keys(body).filter((k) => !k.startsWith('@odata.') && !allowed.has(k));
}

describe('planner: task details expanded', () => {
  it('lists tasks and reads one with their details (own ETag) under $expand=details, and without them otherwise', async () => {
    const plan = await newPlan();
    const task = await newTask(String(plan.id));
    const details = await call('GET', `/planner/tasks/${String(task.id)}/details`);
    await call(
      'PATCH',
      `/planner/tasks/${String(task.id)}/details`,
      { description: 'Notitie' },
      { ...ifMatch(details.body) },
    );
    const listed = await call('GET', `/planner/plans/${String(plan.id)}/tasks?$expand=details`);
    const one = await call('GET', `/planner/tasks/${String(task.id)}?$expand=details`);
    const now = await call('GET', `/planner/tasks/${String(task.id)}/details`);
    for (const t of [listed.body.value?.[0] as Item, one.body]) {
      expect(t.details).toEqual(now.body);
      expect(unknownKeys(t.details as Item, 'plannerTaskDetails')).toEqual([]);
      expect((t.details as Item).description).toBe('Notitie');
    }
    expect(etagOf(now.body)).not.toBe(etagOf(details.body));
    expect((await call('GET', `/planner/tasks/${String(task.id)}`)).body).not.toHaveProperty('details');
    expect((await call('GET', `/planner/plans/${String(plan.id)}/tasks`)).body.value?.[0]).not.toHaveProperty(
      'details',
    );
  });
});

describe('planner: contract shapes', () => {
  it('returns plans, details, buckets, tasks and task details with property names of the v1.0 contract', async () => {
    const plan = await newPlan();
    expect(unknownKeys(plan, 'plannerPlan')).toEqual([]);
    expect(unknownKeys(plan.container as Item, 'plannerPlanContainer')).toEqual([]);
    expect(unknownKeys(plan.createdBy as Item, 'identitySet')).toEqual([]);
    const details = await call('GET', `/planner/plans/${String(plan.id)}/details`);
    expect(unknownKeys(details.body, 'plannerPlanDetails')).toEqual([]);
    expect(unknownKeys(details.body.categoryDescriptions as Item, 'plannerCategoryDescriptions')).toEqual([]);
    const bucket = await call('POST', `/planner/plans/${String(plan.id)}/buckets`, {
      name: 'Fase 1',
      planId: plan.id,
      orderHint: ' !',
    });
    expect(unknownKeys(bucket.body, 'plannerBucket')).toEqual([]);
    const task = await newTask(String(plan.id), {
      bucketId: bucket.body.id,
      assignments: { [ANNA]: { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' } },
    });
    expect(unknownKeys(task, 'plannerTask')).toEqual([]);
    const taskDetails = await call('GET', `/planner/tasks/${String(task.id)}/details`);
    expect(unknownKeys(taskDetails.body, 'plannerTaskDetails')).toEqual([]);
    expect(task).toMatchObject({
      planId: plan.id,
      bucketId: bucket.body.id,
      title: 'Inventarisatie',
      percentComplete: 0,
      priority: 5,
      hasDescription: false,
      previewType: 'automatic',
      referenceCount: 0,
      checklistItemCount: 0,
      activeChecklistItemCount: 0,
      completedDateTime: null,
      createdDateTime: '2026-02-01T10:00:00.0000000Z',
      createdBy: { application: { id: APP } },
      appliedCategories: {},
    });
    expect((task.assignments as Record<string, Item>)[ANNA]).toMatchObject({
      '@odata.type': '#microsoft.graph.plannerAssignment',
      assignedBy: { application: { id: APP } },
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Plans and containers

describe('planner: plans', () => {
  it('creates plans in a Microsoft 365 group by container url, containerId or legacy owner, and lists them per group', async () => {
    const byUrl = await newPlan('A');
    expect(byUrl.container).toMatchObject({
      containerId: GROUP,
      type: 'group',
      url: `https://graph.microsoft.com/v1.0/groups/${GROUP}`,
    });
    expect(byUrl.owner).toBe(GROUP);
    expect(String(byUrl.id)).toHaveLength(28);
    const byId = await call('POST', '/planner/plans', { container: { containerId: GROUP, type: 'group' }, title: 'B' });
    expect(byId.status).toBe(201);
    const byOwner = await call('POST', '/planner/plans', { owner: GROUP, title: 'C' });
    expect(byOwner.status).toBe(201);
    const listed = await call('GET', `/groups/${GROUP}/planner/plans`);
    expect(listed.body.value?.map((p) => p.title)).toEqual(['A', 'B', 'C']);

    const noGroup = await call('POST', '/planner/plans', {
      container: { containerId: 'c0000000-0000-4000-8000-00000000ffff', type: 'group' },
      title: 'X',
    });
    expect(noGroup.status).toBe(404);
    const security = await call('POST', '/planner/plans', { owner: SECURITY_GROUP, title: 'X' });
    expect(security.status).toBe(400);
    const noContainer = await call('POST', '/planner/plans', { title: 'X' });
    expect(noContainer.status).toBe(400);
  });

  it('stops at 200 plans per group with the limit named in the error', async () => {
    for (let i = 0; i < PLANNER_LIMITS.plansPerGroup; i++) {
      expect((await call('POST', '/planner/plans', { owner: GROUP, title: `Plan ${i}` })).status).toBe(201);
    }
    const over = await call('POST', '/planner/plans', { owner: GROUP, title: 'Een te veel' });
    expect(over.status).toBe(403);
    expect(over.body.error?.code).toBe('MaximumPlannerPlans');
    expect(over.body.error?.message).toContain('200');
  });

  it('labels categories on the plan details (category1 … category25) and refuses other keys', async () => {
    const plan = await newPlan();
    const details = await call('GET', `/planner/plans/${String(plan.id)}/details`);
    expect(Object.keys(details.body.categoryDescriptions as Item)).toHaveLength(25);
    expect((details.body.categoryDescriptions as Item).category1).toBeNull();
    const labelled = await call(
      'PATCH',
      `/planner/plans/${String(plan.id)}/details`,
      {
        categoryDescriptions: { category1: 'Bunschoten', category2: 'Leusden', category25: 'Besluit nodig' },
      },
      { ...ifMatch(details.body), ...representation },
    );
    expect(labelled.status).toBe(200);
    expect(labelled.body.categoryDescriptions).toMatchObject({
      category1: 'Bunschoten',
      category2: 'Leusden',
      category3: null,
      category25: 'Besluit nodig',
    });
    expect(etagOf(labelled.body)).not.toBe(etagOf(details.body));
    // Plan and plan details have separate ETags: the plan's did not change.
    expect(etagOf((await call('GET', `/planner/plans/${String(plan.id)}`)).body)).toBe(etagOf(plan));
    const bad = await call(
      'PATCH',
      `/planner/plans/${String(plan.id)}/details`,
      { categoryDescriptions: { category26: 'Te veel' } },
      ifMatch(labelled.body),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toContain('category26');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// ETags

describe('planner: If-Match and ETags', () => {
  it('answers 428 without If-Match, 400 for *, 412 when stale, and 204 with a new ETag when current', async () => {
    const plan = await newPlan();
    const task = await newTask(String(plan.id));
    const url = `/planner/tasks/${String(task.id)}`;
    const missing = await call('PATCH', url, { title: 'Zonder' });
    expect(missing.status).toBe(428);
    expect(missing.body.error?.code).toBe('PreconditionRequired');
    const star = await call('PATCH', url, { title: 'Ster' }, { 'If-Match': '*' });
    expect(star.status).toBe(400);
    const ok = await call('PATCH', url, { title: 'Nieuwe titel' }, ifMatch(task));
    expect(ok.status).toBe(204);
    expect(ok.body).toEqual({});
    const stale = await call('PATCH', url, { title: 'Oud' }, ifMatch(task));
    expect(stale.status).toBe(412);
    expect(stale.body.error?.code).toBe('PreconditionFailed');
    const current = await call('GET', url);
    expect(current.body.title).toBe('Nieuwe titel');
    expect(etagOf(current.body)).not.toBe(etagOf(task));
    expect(ok.headers.ETag).toBe(etagOf(current.body));
    // The same rules hold for DELETE.
    expect((await call('DELETE', url)).status).toBe(428);
    expect((await call('DELETE', url, undefined, { 'If-Match': '*' })).status).toBe(400);
    expect((await call('DELETE', url, undefined, ifMatch(task))).status).toBe(412);
  });

  it('gives every write a new ETag on plans, details, buckets, tasks and task details', async () => {
    const plan = await newPlan();
    const planId = String(plan.id);
    const seen = new Set<string>([etagOf(plan)]);
    const fresh = (item: Item) => {
      const etag = etagOf(item);
      expect(seen.has(etag)).toBe(false);
      seen.add(etag);
      return item;
    };
    const patchedPlan = fresh(
      (await call('PATCH', `/planner/plans/${planId}`, { title: 'Hernoemd' }, { ...ifMatch(plan), ...representation }))
        .body,
    );
    expect(patchedPlan.title).toBe('Hernoemd');
    const bucket = fresh((await call('POST', `/planner/plans/${planId}/buckets`, { name: 'Fase 1' })).body);
    const patchedBucket = fresh(
      (
        await call(
          'PATCH',
          `/planner/buckets/${String(bucket.id)}`,
          { name: 'Fase 1: verkennen' },
          { ...ifMatch(bucket), ...representation },
        )
      ).body,
    );
    expect(patchedBucket.name).toBe('Fase 1: verkennen');
    const task = fresh(await newTask(planId, { bucketId: bucket.id }));
    const details = fresh((await call('GET', `/planner/tasks/${String(task.id)}/details`)).body);
    const patchedTask = fresh(
      (
        await call(
          'PATCH',
          `/planner/tasks/${String(task.id)}`,
          { percentComplete: 50 },
          { ...ifMatch(task), ...representation },
        )
      ).body,
    );
    expect(patchedTask.percentComplete).toBe(50);
    // A task change leaves its details' ETag alone …
    expect(etagOf((await call('GET', `/planner/tasks/${String(task.id)}/details`)).body)).toBe(etagOf(details));
    clock.advance(60_000);
    const patchedDetails = fresh(
      (
        await call(
          'PATCH',
          `/planner/tasks/${String(task.id)}/details`,
          {
            description: 'Zie het programmaplan.',
            checklist: {
              c1: { '@odata.type': 'microsoft.graph.plannerChecklistItem', title: 'Contactpersonen' },
              c2: { '@odata.type': '#microsoft.graph.plannerChecklistItem', title: 'Planning', isChecked: true },
            },
            references: {
              'https%3A//example%2Eorg/plan%2Epdf': {
                '@odata.type': 'microsoft.graph.plannerExternalReference',
                alias: 'Programmaplan',
                type: 'Pdf',
              },
            },
          },
          { ...ifMatch(details), ...representation },
        )
      ).body,
    );
    expect(patchedDetails.description).toBe('Zie het programmaplan.');
    expect((patchedDetails.checklist as Record<string, Item>).c1).toMatchObject({
      title: 'Contactpersonen',
      isChecked: false,
      lastModifiedDateTime: '2026-02-01T10:01:00.0000000Z',
    });
    // … but details that change the task's counters give the task a new ETag too.
    const afterDetails = fresh((await call('GET', `/planner/tasks/${String(task.id)}`)).body);
    expect(afterDetails).toMatchObject({
      hasDescription: true,
      checklistItemCount: 2,
      activeChecklistItemCount: 1,
      referenceCount: 1,
    });
    fresh(
      (
        await call(
          'PATCH',
          `/planner/plans/${planId}/details`,
          { sharedWith: { [ANNA]: true } },
          { ...ifMatch((await call('GET', `/planner/plans/${planId}/details`)).body), ...representation },
        )
      ).body,
    );
    expect(changes).toBeGreaterThanOrEqual(8);
  });

  it('records who completed a task and clears it when reopened', async () => {
    const plan = await newPlan();
    const task = await newTask(String(plan.id));
    clock.set('2026-02-03T15:00:00Z');
    const done = await call(
      'PATCH',
      `/planner/tasks/${String(task.id)}`,
      { percentComplete: 100 },
      { ...ifMatch(task), ...representation },
    );
    expect(done.body).toMatchObject({
      percentComplete: 100,
      completedDateTime: '2026-02-03T15:00:00.0000000Z',
      completedBy: { application: { id: APP } },
    });
    const reopened = await call(
      'PATCH',
      `/planner/tasks/${String(task.id)}`,
      { percentComplete: 0 },
      { ...ifMatch(done.body), ...representation },
    );
    expect(reopened.body).toMatchObject({ completedDateTime: null, completedBy: null });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Limits and validation

describe('planner: limits and validation', () => {
  it('stops at 200 buckets per plan with the limit named in the error', async () => {
    const plan = await newPlan();
    for (let i = 0; i < PLANNER_LIMITS.bucketsPerPlan; i++) {
      expect((await call('POST', `/planner/plans/${String(plan.id)}/buckets`, { name: `Bucket ${i}` })).status).toBe(
        201,
      );
    }
    const over = await call('POST', `/planner/plans/${String(plan.id)}/buckets`, { name: 'Een te veel' });
    expect(over.status).toBe(403);
    expect(over.body.error?.code).toBe('MaximumBucketsInProject');
    expect(over.body.error?.message).toContain('200');
  });

  it('allows 20 assignees per task and refuses the 21st with the limit named', async () => {
    const plan = await newPlan();
    const assign = (from: number, to: number) =>
      Object.fromEntries(
        Array.from({ length: to - from + 1 }, (_, i) => [
          userId(from + i),
          { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' },
        ]),
      );
    const task = await newTask(String(plan.id), { assignments: assign(1, 20) });
    expect(Object.keys(task.assignments as Item)).toHaveLength(20);
    const over = await call(
      'PATCH',
      `/planner/tasks/${String(task.id)}`,
      { assignments: assign(21, 21) },
      ifMatch(task),
    );
    expect(over.status).toBe(403);
    expect(over.body.error?.code).toBe('MaximumAssigneesInTasks');
    expect(over.body.error?.message).toContain('20');
    // Refused means unchanged: same ETag, same assignees.
    const unchanged = await call('GET', `/planner/tasks/${String(task.id)}`);
    expect(etagOf(unchanged.body)).toBe(etagOf(task));
    // Removing one makes room.
    const swapped = await call(
      'PATCH',
      `/planner/tasks/${String(task.id)}`,
      { assignments: { [userId(1)]: null, ...assign(21, 21) } },
      { ...ifMatch(task), ...representation },
    );
    expect(Object.keys(swapped.body.assignments as Item)).toContain(userId(21));
    expect(Object.keys(swapped.body.assignments as Item)).not.toContain(userId(1));
  });

  it('refuses the 2,401st active task in a plan (not a completed one) and the 9,001st task of any kind', async () => {
    const plan = await newPlan();
    const tasks = collection(ctx.state, TENANT, 'plannerTasks');
    for (let i = 0; i < PLANNER_LIMITS.activeTasksPerPlan; i++)
      tasks[`seeded${i}`] = {
        id: `seeded${i}`,
        planId: String(plan.id),
        title: `Taak ${i}`,
        percentComplete: 0,
        orderHint: 'V',
      };
    const over = await call('POST', `/planner/plans/${String(plan.id)}/tasks`, { title: 'Een te veel' });
    expect(over.status).toBe(403);
    expect(over.body.error?.code).toBe('MaximumActiveTasksInProject');
    expect(
      (await call('POST', `/planner/plans/${String(plan.id)}/tasks`, { title: 'Al klaar', percentComplete: 100 }))
        .status,
    ).toBe(201);
    // Completed tasks still count toward the 9,000 tasks of a plan.
    for (let i = PLANNER_LIMITS.activeTasksPerPlan; i < PLANNER_LIMITS.tasksPerPlan - 1; i++)
      tasks[`seeded${i}`] = {
        id: `seeded${i}`,
        planId: String(plan.id),
        title: `Taak ${i}`,
        percentComplete: 100,
        orderHint: 'V',
      };
    const full = await call('POST', `/planner/plans/${String(plan.id)}/tasks`, {
      title: 'Nummer 9001',
      percentComplete: 100,
    });
    expect(full.status).toBe(403);
    expect(full.body.error?.code).toBe('MaximumTasksInProject');
    expect(full.body.error?.message).toContain('9000');
  });

  it('refuses unknown users as assignees, assignments without @odata.type, and unknown properties', async () => {
    const plan = await newPlan();
    const stranger = await call('POST', `/planner/plans/${String(plan.id)}/tasks`, {
      title: 'T',
      assignments: {
        'a0000000-0000-4000-8000-00000000ffff': {
          '@odata.type': '#microsoft.graph.plannerAssignment',
          orderHint: ' !',
        },
      },
    });
    expect(stranger.status).toBe(400);
    const untyped = await call('POST', `/planner/plans/${String(plan.id)}/tasks`, {
      title: 'T',
      assignments: { [ANNA]: { orderHint: ' !' } },
    });
    expect(untyped.status).toBe(400);
    const unknown = await call('POST', `/planner/plans/${String(plan.id)}/tasks`, { title: 'T', colour: 'rood' });
    expect(unknown.status).toBe(400);
    const wrongPlan = await call('POST', `/planner/plans/${String(plan.id)}/tasks`, {
      title: 'T',
      planId: 'anderplan',
    });
    expect(wrongPlan.status).toBe(400);
    const inverted = await call('POST', `/planner/plans/${String(plan.id)}/tasks`, {
      title: 'T',
      startDateTime: '2026-03-10T00:00:00Z',
      dueDateTime: '2026-03-01T00:00:00Z',
    });
    expect(inverted.status).toBe(400);
    const unencoded = await call(
      'PATCH',
      `/planner/tasks/${String((await newTask(String(plan.id))).id)}/details`,
      {
        references: {
          'https://example.org/x.pdf': { '@odata.type': 'microsoft.graph.plannerExternalReference', alias: 'x' },
        },
      },
      {
        'If-Match': etagOf(
          (
            await call(
              'GET',
              `/planner/tasks/${String((await call('GET', `/planner/plans/${String(plan.id)}/tasks`)).body.value?.[0]?.id)}/details`,
            )
          ).body,
        ),
      },
    );
    expect(unencoded.status).toBe(400);
  });

  it('computes order hints from "prev next!" and refuses a service hint sent back as is', async () => {
    const plan = await newPlan();
    const first = await call('POST', `/planner/plans/${String(plan.id)}/buckets`, { name: 'Eerste', orderHint: ' !' });
    const last = await call('POST', `/planner/plans/${String(plan.id)}/buckets`, {
      name: 'Laatste',
      orderHint: `${String(first.body.orderHint)} !`,
    });
    const middle = await call('POST', `/planner/plans/${String(plan.id)}/buckets`, {
      name: 'Midden',
      orderHint: `${String(first.body.orderHint)} ${String(last.body.orderHint)}!`,
    });
    const byHint = [first.body, middle.body, last.body].map((b) => String(b.orderHint));
    expect([...byHint].sort()).toEqual(byHint);
    expect(new Set(byHint).size).toBe(3);
    const echoed = await call('POST', `/planner/plans/${String(plan.id)}/buckets`, {
      name: 'Echo',
      orderHint: String(first.body.orderHint),
    });
    expect(echoed.status).toBe(400);
    expect(computeOrderHint('A B!', 'orderHint') > 'A').toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Deletion and people

describe('planner: deletion and edits by people', () => {
  it('deletes a task (and its details): GET answers 404 afterwards', async () => {
    const plan = await newPlan();
    const task = await newTask(String(plan.id));
    expect((await call('DELETE', `/planner/tasks/${String(task.id)}`, undefined, ifMatch(task))).status).toBe(204);
    expect((await call('GET', `/planner/tasks/${String(task.id)}`)).status).toBe(404);
    expect((await call('GET', `/planner/tasks/${String(task.id)}/details`)).status).toBe(404);
    expect((await call('GET', `/planner/plans/${String(plan.id)}/tasks`)).body.value).toEqual([]);
  });

  it('deletes a bucket with its tasks, and a plan with everything in it', async () => {
    const plan = await newPlan();
    const bucket = (await call('POST', `/planner/plans/${String(plan.id)}/buckets`, { name: 'Weg' })).body;
    const inBucket = await newTask(String(plan.id), { bucketId: bucket.id });
    const outside = await newTask(String(plan.id));
    expect((await call('DELETE', `/planner/buckets/${String(bucket.id)}`, undefined, ifMatch(bucket))).status).toBe(
      204,
    );
    expect((await call('GET', `/planner/tasks/${String(inBucket.id)}`)).status).toBe(404);
    expect((await call('GET', `/planner/tasks/${String(outside.id)}`)).status).toBe(200);
    expect((await call('DELETE', `/planner/plans/${String(plan.id)}`, undefined, ifMatch(plan))).status).toBe(204);
    expect((await call('GET', `/planner/plans/${String(plan.id)}`)).status).toBe(404);
    expect((await call('GET', `/planner/tasks/${String(outside.id)}`)).status).toBe(404);
    expect((await call('GET', `/groups/${GROUP}/planner/plans`)).body.value).toEqual([]);
  });

  it("lets a person edit a task as in the Planner app: new ETag, so the product's stale If-Match gets 412", async () => {
    const plan = await newPlan();
    const task = await newTask(String(plan.id), {
      assignments: { [COR]: { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' } },
    });
    clock.set('2026-02-05T08:00:00Z');
    const edited = editTaskAsPerson(
      ctx.state,
      TENANT,
      String(task.id),
      { percentComplete: 100, dueDateTime: '2026-02-20T17:00:00+01:00' },
      clock,
    );
    expect(edited).toMatchObject({
      percentComplete: 100,
      dueDateTime: '2026-02-20T16:00:00Z',
      completedBy: { user: { id: COR } },
      completedDateTime: '2026-02-05T08:00:00.0000000Z',
    });
    expect(etagOf(edited)).not.toBe(etagOf(task));
    const stale = await call('PATCH', `/planner/tasks/${String(task.id)}`, { title: 'Door de sync' }, ifMatch(task));
    expect(stale.status).toBe(412);
    const current = await call('GET', `/planner/tasks/${String(task.id)}`);
    expect(etagOf(current.body)).toBe(etagOf(edited));

    let dirty = 0;
    const details = editTaskDetailsAsPerson(
      ctx.state,
      TENANT,
      String(task.id),
      { description: 'Bijgewerkt door Cor' },
      clock,
      {
        userId: ANNA,
        changed: () => {
          dirty++;
        },
      },
    );
    expect(details.description).toBe('Bijgewerkt door Cor');
    expect(dirty).toBe(1);
    expect((await call('GET', `/planner/tasks/${String(task.id)}`)).body.hasDescription).toBe(true);
    expect(() => editTaskAsPerson(ctx.state, TENANT, String(task.id), { priority: 11 }, clock)).toThrow(GraphHttpError);

    deleteTaskAsPerson(ctx.state, TENANT, String(task.id), clock);
    expect((await call('GET', `/planner/tasks/${String(task.id)}`)).status).toBe(404);
  });
});
