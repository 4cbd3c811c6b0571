// Every field Regiekamer maps to Planner, both ways, against the local tenant: each row changes one field on one
// side — in Planner as a person in the Planner app would, in Regiekamer through the edit use case — polls, and
// checks the other side. Status has two places in Planner (bucket and percentComplete); the combinations where they
// disagree follow the rule of src/domain/planner/status.ts and end with the two agreeing again. Last, the same
// field changed on both sides between our read and our write: the 412 is re-read and merged, Planner's value
// kept and the conflict recorded, field by field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProgrammeSchema } from '../../domain/programme/schema.ts';
import type { ActionFields } from '../../domain/planner/merge.ts';
import type { ActionStatus } from '../../domain/vocabulary.ts';
import { systemClock } from '../../platform/clock.ts';
import { plannerGraph } from '../../adapters/work/planner-graph.ts';
import { editTaskAsPerson, editTaskDetailsAsPerson } from '@regiekamer/local-tenant';
import { users } from '../../adapters/graph/endpoints/directory.ts';
import { teams, userMember } from '../../adapters/graph/endpoints/teams.ts';
import { planner } from '../../adapters/graph/endpoints/planner.ts';
import { startGatewayFixture, TENANT_A, TENANT_B, type GatewayFixture } from '../../../tests/support/local-tenant.ts';
import type { GraphGateway } from '../../adapters/graph/gateway.ts';
import { GraphError } from '../../adapters/graph/types.ts';
import { openStore } from '../../adapters/store/open.ts';
import type { StoredAction, StoredPlan } from '../../adapters/store/action-records.ts';
import type { Store } from '../../adapters/store/store.ts';
import type { Caller } from '../access.ts';
import type { ActionPatch } from '../contract.ts';
import { actionContext, actionView, editAction } from './actions.ts';
import { pollPlanner, type PlannerSyncDeps } from './planner-sync.ts';

const programme = ProgrammeSchema.parse({
  version: 1,
  programme: {
    id: 'rondje',
    name: 'Rondje',
    organizer: 'regiekamer@alfa.example',
    team: { name: 'Rondjeteam', owners: ['anna'] },
  },
  gemeenten: [
    { id: 'alfa', name: 'Alfa', tenantId: TENANT_A, domain: 'alfa.example', host: true },
    { id: 'beta', name: 'Beta', tenantId: TENANT_B, domain: 'beta.example' },
  ],
  people: [
    { id: 'anna', name: 'Anna Alfa', upn: 'anna@alfa.example', gemeente: 'alfa', hoursPerWeek: 24 },
    { id: 'cor', name: 'Cor Alfa', upn: 'cor@alfa.example', gemeente: 'alfa', hoursPerWeek: 8 },
  ],
  bodies: [
    { id: 'pg', kind: 'projectgroep', name: 'Projectgroep', lead: 'anna', members: ['anna'] },
    {
      id: 'wg-ict',
      kind: 'werkgroep',
      name: 'Werkgroep ICT',
      projectgroep: 'pg',
      trekker: 'cor',
      members: ['cor', 'anna'],
      channel: { kind: 'shared' },
    },
  ],
});

let f: GatewayFixture;
let store: Store;
let deps: PlannerSyncDeps;
let plan: StoredPlan;
const ids: Record<string, string> = {};
const corPerson = programme.people.find((p) => p.id === 'cor');
if (!corPerson) throw new Error('cor is in the programme');
const cor: Caller = { kind: 'person', person: corPerson };

const depsWith = (gateway: GraphGateway): PlannerSyncDeps => ({ ...deps, graph: plannerGraph(gateway, TENANT_A) });

beforeAll(async () => {
  f = await startGatewayFixture({ programme });
  store = await openStore({ dataDir: 'memory://' });
  await store.migrate();
  const g = f.graph.gateway;
  for (const p of ['anna', 'cor'])
    ids[p] = (await g.request<{ id: string }>(TENANT_A, users.get(`${p}@alfa.example`, { select: ['id'] }))).body.id;
  const created = await g.request(
    TENANT_A,
    teams.create({
      'template@odata.bind': "https://graph.microsoft.com/v1.0/teamsTemplates('standard')",
      displayName: 'Rondjeteam',
      members: [userMember(ids['anna'] as string, ['owner'])],
    }),
  );
  deps = {
    graph: plannerGraph(g, TENANT_A),
    store,
    programme,
    clock: systemClock,
    tenantId: TENANT_A,
    groupId: /\/teams\('([^']+)'\)/.exec(created.headers['location'] ?? '')?.[1] as string,
    userIdOf: (p) => ids[p],
    personOfUser: (u) => Object.entries(ids).find(([, id]) => id === u)?.[0],
  };
  await pollPlanner(deps);
  plan = (await store.actions.plans('rondje'))[0] as StoredPlan;
});
afterAll(async () => {
  await store?.close();
  await f?.close();
});

const workDeps = () => ({ store, programme, clock: systemClock, today: () => '2026-11-29', changed: () => {} });
const tenantState = () => f.tenant.state();
const task = (taskId: string) =>
  tenantState().tenants[TENANT_A]?.collections['plannerTasks']?.[taskId] as Record<string, unknown>;
const details = (taskId: string) =>
  tenantState().tenants[TENANT_A]?.collections['plannerTaskDetails']?.[taskId] as Record<string, unknown>;
const inPlanner = (taskId: string) => ({
  bucket: Object.entries(plan.buckets).find(([, b]) => b === task(taskId)['bucketId'])?.[0],
  percent: task(taskId)['percentComplete'],
});
async function stored(id: string): Promise<StoredAction> {
  const a = await store.actions.get('rondje', id);
  if (!a) throw new Error(`no action ${id}`);
  return a;
}

let made = 0;
/** A new action, synced: its task in Planner, both sides agreeing (status `status`). */
async function syncedAction(status: ActionStatus = 'open'): Promise<{ id: string; taskId: string }> {
  const id = `r${++made}`;
  const fields: ActionFields = {
    title: `Actie ${id}`,
    due: '2026-12-01',
    status,
    ks: ['kwetsbaarheid'],
    owners: ['cor'],
    notes: 'Eerste inventarisatie',
  };
  await store.actions.save(
    'rondje',
    {
      id,
      werkgroep: 'wg-ict',
      fields,
      base: null,
      blockedBy: [],
      origin: null,
      createdOn: '2026-11-23',
      deleted: false,
      taskId: null,
      taskEtag: null,
      detailsEtag: null,
    },
    new Date(),
  );
  await pollPlanner(deps);
  await pollPlanner(deps);
  return { id, taskId: (await stored(id)).taskId as string };
}

/** An edit as the tab and the CLI make it: on the version just read (edits without one are refused, 428). */
async function editInRegiekamer(id: string, patch: ActionPatch): Promise<void> {
  const read = await stored(id);
  const version = actionView(workDeps(), read, await actionContext(workDeps())).version;
  const r = await editAction(workDeps(), cor, id, patch, version);
  if (!r.ok) throw new Error(`edit refused: ${JSON.stringify(r)}`);
}
const asPerson = (taskId: string, patch: Record<string, unknown>) =>
  editTaskAsPerson(tenantState(), TENANT_A, taskId, patch, systemClock, { userId: ids['anna'] });
const detailsAsPerson = (taskId: string, patch: Record<string, unknown>) =>
  editTaskDetailsAsPerson(tenantState(), TENANT_A, taskId, patch, systemClock, { userId: ids['anna'] });
const assignment = { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' };

/** After a row: nothing left to write either way, and no conflict recorded. */
async function settled(id: string): Promise<void> {
  const s = await pollPlanner(deps);
  expect(s).toMatchObject({ toPlanner: 0, fromPlanner: 0, conflicts: 0 });
  expect(await store.actions.conflicts('rondje', id)).toEqual([]);
}

describe('Planner → Regiekamer, each field', () => {
  const rows: { field: string; edit: (taskId: string) => void; expected: Partial<ActionFields> }[] = [
    {
      field: 'title',
      edit: (t) => asPerson(t, { title: 'Titel uit Planner' }),
      expected: { title: 'Titel uit Planner' },
    },
    {
      field: 'due (moved)',
      edit: (t) => asPerson(t, { dueDateTime: '2027-02-01T00:00:00Z' }),
      expected: { due: '2027-02-01' },
    },
    { field: 'due (cleared)', edit: (t) => asPerson(t, { dueDateTime: null }), expected: { due: null } },
    {
      field: 'assignments',
      edit: (t) => asPerson(t, { assignments: { [ids['anna'] as string]: assignment, [ids['cor'] as string]: null } }),
      expected: { owners: ['anna'] },
    },
    {
      field: 'appliedCategories',
      edit: (t) => asPerson(t, { appliedCategories: { category1: true, category2: false } }),
      expected: { ks: ['kwaliteit'] },
    },
    {
      field: 'notes (changed)',
      edit: (t) => detailsAsPerson(t, { description: 'Notitie uit Planner' }),
      expected: { notes: 'Notitie uit Planner' },
    },
    { field: 'notes (cleared)', edit: (t) => detailsAsPerson(t, { description: '' }), expected: { notes: '' } },
  ];
  it.each(rows)('$field', async ({ edit, expected }) => {
    const { id, taskId } = await syncedAction();
    edit(taskId);
    await pollPlanner(deps);
    expect((await stored(id)).fields).toMatchObject(expected);
    await settled(id);
  });
});

describe('Regiekamer → Planner, each field', () => {
  const rows: { field: string; patch: ActionPatch; check: (taskId: string) => void }[] = [
    {
      field: 'title',
      patch: { title: 'Titel uit Regiekamer' },
      check: (t) => expect(task(t)['title']).toBe('Titel uit Regiekamer'),
    },
    {
      field: 'due (moved)',
      patch: { due: '2027-03-01' },
      check: (t) => expect(task(t)['dueDateTime']).toBe('2027-03-01T00:00:00Z'),
    },
    { field: 'due (cleared)', patch: { due: null }, check: (t) => expect(task(t)['dueDateTime']).toBeNull() },
    {
      field: 'owners',
      patch: { owners: ['anna'] },
      check: (t) => expect(Object.keys(task(t)['assignments'] as object)).toEqual([ids['anna']]),
    },
    {
      field: 'ks',
      patch: { ks: ['kansen', 'kosten'] },
      check: (t) => expect(task(t)['appliedCategories']).toEqual({ category3: true, category4: true }),
    },
    {
      field: 'notes (changed)',
      patch: { notes: 'Notitie uit Regiekamer' },
      check: (t) => expect(details(t)['description']).toBe('Notitie uit Regiekamer'),
    },
    { field: 'notes (cleared)', patch: { notes: '' }, check: (t) => expect(details(t)['description']).toBe('') },
  ];
  it.each(rows)('$field', async ({ patch, check }) => {
    const { id, taskId } = await syncedAction();
    await editInRegiekamer(id, patch);
    await pollPlanner(deps);
    check(taskId);
    await settled(id);
  });

  // Moving to Gereed sets 100 %; reopening moves the bucket back; a progress that fits the new status is kept.
  const moves: [ActionStatus, ActionStatus, number][] = [
    ['open', 'loopt', 50],
    ['open', 'gereed', 100],
    ['loopt', 'wacht', 50],
    ['loopt', 'open', 0],
    ['wacht', 'gereed', 100],
    ['gereed', 'open', 0],
    ['gereed', 'loopt', 50],
    ['gereed', 'wacht', 0],
  ];
  it.each(moves)('status %s → %s: its bucket, progress %i', async (from, to, percent) => {
    const { id, taskId } = await syncedAction(from);
    expect(inPlanner(taskId).bucket).toBe(from);
    await editInRegiekamer(id, { status: to });
    await pollPlanner(deps);
    expect(inPlanner(taskId)).toEqual({ bucket: to, percent });
    await settled(id);
  });
});

describe('bucket and percentComplete, changed in Planner', () => {
  // agreed: the status both sides last agreed on; Planner's edit; the status it means; Planner after the poll.
  const rows: {
    agreed: ActionStatus;
    bucket?: ActionStatus;
    percent?: number;
    status: ActionStatus;
    after: [ActionStatus, number];
  }[] = [
    { agreed: 'gereed', percent: 0, status: 'open', after: ['open', 0] },
    { agreed: 'gereed', percent: 50, status: 'loopt', after: ['loopt', 50] },
    { agreed: 'open', percent: 50, status: 'loopt', after: ['loopt', 50] },
    { agreed: 'open', percent: 100, status: 'gereed', after: ['gereed', 100] },
    { agreed: 'loopt', percent: 0, status: 'open', after: ['open', 0] },
    { agreed: 'loopt', percent: 100, status: 'gereed', after: ['gereed', 100] },
    { agreed: 'wacht', percent: 50, status: 'wacht', after: ['wacht', 50] },
    { agreed: 'wacht', percent: 100, status: 'gereed', after: ['gereed', 100] },
    { agreed: 'open', bucket: 'gereed', status: 'gereed', after: ['gereed', 100] },
    { agreed: 'gereed', bucket: 'loopt', status: 'loopt', after: ['loopt', 50] },
    { agreed: 'gereed', bucket: 'open', status: 'open', after: ['open', 0] },
    { agreed: 'loopt', bucket: 'wacht', status: 'wacht', after: ['wacht', 50] },
    { agreed: 'open', bucket: 'gereed', percent: 50, status: 'loopt', after: ['loopt', 50] },
    { agreed: 'gereed', bucket: 'loopt', percent: 0, status: 'loopt', after: ['loopt', 50] },
    { agreed: 'open', bucket: 'wacht', percent: 100, status: 'gereed', after: ['gereed', 100] },
  ];
  const named = rows.map((r) => ({
    ...r,
    edit: [r.bucket && `moved to ${r.bucket}`, r.percent !== undefined && `progress ${r.percent}`]
      .filter(Boolean)
      .join(' and '),
  }));
  it.each(named)('agreed $agreed; in Planner $edit → $status', async ({ agreed, bucket, percent, status, after }) => {
    const { id, taskId } = await syncedAction(agreed);
    asPerson(taskId, {
      ...(bucket ? { bucketId: plan.buckets[bucket] } : {}),
      ...(percent !== undefined ? { percentComplete: percent } : {}),
    });
    await pollPlanner(deps);
    expect((await stored(id)).fields.status).toBe(status);
    expect(inPlanner(taskId)).toEqual({ bucket: after[0], percent: after[1] });
    await settled(id);
  });

  // A task made in Planner has nothing agreed yet: a progress of 50 or 100 says something, 0 defers to the bucket.
  const made: { bucket: ActionStatus; percent: number; status: ActionStatus; after: [ActionStatus, number] }[] = [
    { bucket: 'gereed', percent: 0, status: 'gereed', after: ['gereed', 100] },
    { bucket: 'open', percent: 100, status: 'gereed', after: ['gereed', 100] },
    { bucket: 'gereed', percent: 50, status: 'loopt', after: ['loopt', 50] },
    { bucket: 'loopt', percent: 0, status: 'loopt', after: ['loopt', 50] },
    { bucket: 'wacht', percent: 50, status: 'wacht', after: ['wacht', 50] },
    { bucket: 'open', percent: 50, status: 'loopt', after: ['loopt', 50] },
  ];
  it.each(made)(
    'made in Planner in $bucket with progress $percent → $status',
    async ({ bucket, percent, status, after }) => {
      const title = `Nieuw in ${bucket} op ${percent}`;
      const r = await f.graph.gateway.request<{ id: string }>(
        TENANT_A,
        planner.createTask(plan.planId, { planId: plan.planId, title, bucketId: plan.buckets[bucket] }),
      );
      asPerson(r.body.id, { percentComplete: percent });
      await pollPlanner(deps);
      const action = (await store.actions.list('rondje')).find((a) => a.fields.title === title);
      expect(action?.fields.status).toBe(status);
      expect(inPlanner(r.body.id)).toEqual({ bucket: after[0], percent: after[1] });
      await settled(action?.id as string);
    },
  );
});

describe('a task left completed outside bucket Gereed by an earlier version', () => {
  it('stays gereed and is moved to Gereed; its status is not read as moved', async () => {
    const { id, taskId } = await syncedAction('loopt');
    // What earlier versions left: completed in Planner in bucket Loopt, agreed as gereed, details not yet read.
    asPerson(taskId, { percentComplete: 100 });
    const a = await stored(id);
    const gereed = { ...a.fields, status: 'gereed' as const };
    await store.actions.save(
      'rondje',
      { ...a, fields: gereed, base: gereed, taskEtag: String(task(taskId)['@odata.etag']), detailsEtag: null },
      new Date(),
    );
    await pollPlanner(deps);
    expect((await stored(id)).fields.status).toBe('gereed');
    expect(inPlanner(taskId)).toEqual({ bucket: 'gereed', percent: 100 });
    await settled(id);
  });
});

describe('the same field changed on both sides between our read and our write (412)', () => {
  const rows: {
    field: keyof ActionFields;
    ours: ActionPatch;
    theirs: (taskId: string) => void;
    kept: unknown;
  }[] = [
    {
      field: 'title',
      ours: { title: 'Titel R' },
      theirs: (t) => asPerson(t, { title: 'Titel P' }),
      kept: 'Titel P',
    },
    {
      field: 'due',
      ours: { due: '2027-04-01' },
      theirs: (t) => asPerson(t, { dueDateTime: '2027-05-01T00:00:00Z' }),
      kept: '2027-05-01',
    },
    {
      field: 'owners',
      ours: { owners: ['anna', 'cor'] },
      theirs: (t) => asPerson(t, { assignments: { [ids['cor'] as string]: null } }),
      kept: [],
    },
    {
      field: 'ks',
      ours: { ks: ['kansen'] },
      theirs: (t) => asPerson(t, { appliedCategories: { category1: true } }),
      kept: ['kwaliteit', 'kwetsbaarheid'],
    },
    {
      field: 'status',
      ours: { status: 'gereed' },
      theirs: (t) => asPerson(t, { percentComplete: 50 }),
      kept: 'loopt',
    },
    {
      field: 'notes',
      ours: { notes: 'Notitie R' },
      theirs: (t) => detailsAsPerson(t, { description: 'Notitie P' }),
      kept: 'Notitie P',
    },
  ];
  it.each(rows)('$field', async ({ field, ours, theirs, kept }) => {
    const { id, taskId } = await syncedAction();
    await editInRegiekamer(id, ours);
    let interfered = false;
    const g = f.graph.gateway;
    const meddling: GraphGateway = {
      ...g,
      request: async (tenantId, call) => {
        if (call.method === 'PATCH' && call.path.includes(encodeURIComponent(taskId)) && !interfered) {
          interfered = true;
          theirs(taskId);
        }
        return g.request(tenantId, call);
      },
      pages: (tenantId, call) => g.pages(tenantId, call),
    };
    g.resetMetrics();
    await pollPlanner(depsWith(meddling));
    expect(interfered).toBe(true);
    expect(g.metrics().byStatus['412']).toBe(1);
    expect((await stored(id)).fields[field]).toEqual(kept);
    const conflicts = await store.actions.conflicts('rondje', id);
    expect(conflicts.map((c) => [c.field, c.theirs])).toEqual([[field, kept]]);
    const s = await pollPlanner(deps);
    expect(s).toMatchObject({ toPlanner: 0, fromPlanner: 0, conflicts: 0 });
  });
});

describe('a service that will not expand the details', () => {
  it('reads the tasks without them: the other fields still round-trip and the store keeps its notes', async () => {
    const { id, taskId } = await syncedAction();
    const g = f.graph.gateway;
    const refusing: GraphGateway = {
      ...g,
      request: async (tenantId, call) => {
        if (call.path.includes('$expand'))
          throw new GraphError(400, 'BadRequest', 'No expand.', call.method, call.path);
        return g.request(tenantId, call);
      },
      pages: (tenantId, call) => {
        if (call.path.includes('$expand'))
          throw new GraphError(400, 'BadRequest', 'No expand.', call.method, call.path);
        return g.pages(tenantId, call);
      },
    };
    const plain = depsWith(refusing);
    asPerson(taskId, { title: 'Titel zonder details' });
    await editInRegiekamer(id, { notes: 'Notitie zonder details' });
    await pollPlanner(plain);
    expect((await stored(id)).fields).toMatchObject({
      title: 'Titel zonder details',
      notes: 'Notitie zonder details',
    });
    expect(details(taskId)['description']).toBe('Notitie zonder details');
    expect(await pollPlanner(plain)).toMatchObject({ toPlanner: 0, fromPlanner: 0, conflicts: 0 });
  });
});
