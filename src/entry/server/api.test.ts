// The action API as the tab uses it, in process on BLNP: what an action waits on comes from either side of the
// link (an undecided decision's `blocks` counts); recent merge conflicts with Planner are listed with the action;
// an edit made on an older version is refused with 409 and the current values, and changes nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIssuer } from '../../adapters/auth/testing.ts';
import { MEMORY, openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import { seedActions } from '../../adapters/work/seed.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { UNDO_WINDOW_MINUTES } from '../../domain/work/proposals.ts';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import type { ActionView, DecisionView, VierKsResponse } from '../../app/contract.ts';
import { apiRouter } from './api.ts';

const TODAY = '2026-11-23';
let p: Programme;
let store: Store;
let server: Server;
let base: string;
let token: string;
let changed = 0;
/** The meetings the rhythm was triggered for (the rhythm itself is tested in src/adapters/bot/rhythm.test.ts). */
const triggered: string[] = [];
let tid = '';
let tokenOf: (personId: string) => Promise<string>;
let strangerToken: string;

type Json = Record<string, unknown>;
type ActionJson = ActionView;

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  as = token,
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json', ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

beforeAll(async () => {
  p = await loadProgramme('blnp');
  const clock = new FixedClock(`${TODAY}T10:00:00Z`);
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  const pid = p.programme.id;
  for (const a of seedActions(p, TODAY))
    await store.actions.save(
      pid,
      { ...a, fields: { ...a.fields, status: a.fields.status === 'gereed' ? 'open' : a.fields.status } },
      clock.now(),
    );
  const [first, second] = await store.actions.list(pid);
  if (!first || !second) throw new Error('seeded actions');
  // The decision records the link (Decision.blocks); the action itself has no blockedBy.
  await store.decisions.save(
    pid,
    {
      id: 'besluit-x',
      title: 'Keuze voor één zaaksysteem',
      proposal: 'Voorstel',
      werkgroep: first.werkgroep,
      route: [...p.decisionRoute],
      steps: [],
      blocks: [first.id],
    },
    clock.now(),
  );
  await store.actions.recordConflicts(
    pid,
    [{ actionId: second.id, field: 'status', ours: 'gereed', theirs: 'loopt' }],
    clock.now(),
  );
  await store.actions.recordConflicts(
    pid,
    [{ actionId: second.id, field: 'title', ours: 'oud', theirs: 'ouder' }],
    new Date(clock.now().getTime() - 40 * 86_400_000),
  );

  const issuer = await testIssuer();
  const werkgroep = p.bodies.find((b) => b.id === first.werkgroep);
  const trekker = p.people.find((x) => werkgroep?.kind === 'werkgroep' && x.id === werkgroep.trekker);
  tid = p.gemeenten.find((g) => g.id === trekker?.gemeente)?.tenantId ?? '';
  if (!trekker || !tid) throw new Error('a trekker in a tenant');
  token = await issuer.userToken(tid, trekker.upn, clock.now());
  strangerToken = await issuer.userToken(tid, 'niet-in-het-programma@elders.example', clock.now());
  tokenOf = async (personId) => {
    const who = p.people.find((x) => x.id === personId);
    const t = p.gemeenten.find((g) => g.id === who?.gemeente)?.tenantId;
    if (!who || !t) throw new Error(`${personId} in a tenant`);
    return issuer.userToken(t, who.upn, clock.now());
  };
  const app = express();
  app.use(
    '/api',
    apiRouter({
      store,
      programme: p,
      clock,
      validate: issuer.validator(
        p.gemeenten.flatMap((g) => (g.tenantId ? [g.tenantId] : [])),
        clock,
      ),
      today: () => TODAY,
      changed: () => {
        changed++;
      },
      triggerRhythm: async (key) => {
        if (!key.startsWith('regiegroep:')) return undefined;
        triggered.push(key);
        return { planned: 3, dispatched: 1 };
      },
    }),
  );
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await store.close();
});

describe('the action API for the tab', () => {
  it('says what an action waits on, also when only the decision records the link, and counts it as blocked', async () => {
    const [first] = await store.actions.list(p.programme.id);
    const list = (await call('GET', '/acties')).body['actions'] as ActionJson[];
    const a = list.find((x) => x.id === first?.id);
    expect(a?.blockedBy).toEqual([{ kind: 'decision', id: 'besluit-x', name: 'Keuze voor één zaaksysteem' }]);
    expect(list.filter((x) => x.blockedBy.length > 0).map((x) => x.id)).toEqual([first?.id]);
    const tiles = (await call('GET', '/overzicht')).body['werkgroepen'] as { id: string; blocked: number }[];
    expect(tiles.find((t) => t.id === first?.werkgroep)?.blocked).toBe(1);
    expect(tiles.reduce((n, t) => n + t.blocked, 0)).toBe(1);

    // Once decided, it blocks nothing any more.
    const d = (await store.decisions.list(p.programme.id))[0];
    if (!d) throw new Error('decision');
    await store.decisions.save(p.programme.id, { ...d, outcome: { kind: 'besloten', on: TODAY } }, new Date());
    expect(
      ((await call('GET', '/acties')).body['actions'] as ActionJson[]).every((x) => x.blockedBy.length === 0),
    ).toBe(true);
  });

  it('lists the merge conflicts with Planner of the last 30 days with the action', async () => {
    const [, second] = await store.actions.list(p.programme.id);
    const list = (await call('GET', '/acties')).body['actions'] as ActionJson[];
    expect(list.find((x) => x.id === second?.id)?.conflicts).toEqual([
      expect.objectContaining({ field: 'status', here: 'gereed', planner: 'loopt' }),
    ]);
    expect(list.filter((x) => x.conflicts.length > 0)).toHaveLength(1);
  });

  it('refuses an edit made on an older version with 409 and the current values, and changes nothing', async () => {
    const [first] = await store.actions.list(p.programme.id);
    if (!first) throw new Error('action');
    const before = ((await call('GET', '/acties')).body['actions'] as ActionJson[]).find(
      (x) => x.id === first.id,
    ) as ActionJson;

    // Someone else sets it to 'loopt' on the version both loaded; then the second edit, on that same version, is refused.
    const ok = await call('PATCH', `/acties/${first.id}`, { status: 'loopt' }, { 'if-match': `"${before.version}"` });
    expect(ok.status).toBe(200);
    expect(ok.body['version']).not.toBe(before.version);
    const calls = changed;
    const stale = await call(
      'PATCH',
      `/acties/${first.id}`,
      { status: 'gereed' },
      { 'if-match': `"${before.version}"` },
    );
    expect(stale.status).toBe(409);
    expect(stale.body['message']).toMatch(/is intussen gewijzigd .* \/ .* was changed in the meantime/);
    expect((stale.body['action'] as ActionJson).status).toBe('loopt');
    expect((await store.actions.get(p.programme.id, first.id))?.fields.status).toBe('loopt');
    expect(changed).toBe(calls);

    // The store's write is conditional: fields changed between reading and writing are not overwritten.
    const now = (await store.actions.get(p.programme.id, first.id))?.fields;
    if (!now) throw new Error('action');
    expect(
      await store.actions.updateFields(
        p.programme.id,
        first.id,
        { ...now, status: 'open' },
        { ...now, status: 'gereed' },
        new Date(),
      ),
    ).toBe(false);
    expect((await store.actions.get(p.programme.id, first.id))?.fields.status).toBe('loopt');
    expect(
      await store.actions.updateFields(p.programme.id, first.id, now, { ...now, notes: 'bijgewerkt' }, new Date()),
    ).toBe(true);
    expect(
      await store.actions.updateFields(p.programme.id, first.id, { ...now, notes: 'bijgewerkt' }, now, new Date()),
    ).toBe(true);

    // On the current version it goes through.
    const again = await call(
      'PATCH',
      `/acties/${first.id}`,
      { status: 'gereed' },
      { 'if-match': `"${String(ok.body['version'])}"` },
    );
    expect(again.status).toBe(200);
    // Without a version (what the CLI sent before) or with '*' it is refused with 428 and changes nothing: it would
    // overwrite whatever landed since it was read, unseen (issue 14 §6; it was answered 200 before).
    for (const headers of [{}, { 'if-match': '*' }] as Record<string, string>[]) {
      const blind = await call('PATCH', `/acties/${first.id}`, { status: 'open' }, headers);
      expect(blind.status).toBe(428);
      expect(blind.body['error']).toBe('version_required');
      expect(blind.body['message']).toMatch(/moet zeggen op welke versie .* \/ a change to .* must say which version/);
    }
    expect((await store.actions.get(p.programme.id, first.id))?.fields.status).toBe('gereed');
    expect(changed).toBe(calls + 1);
  });
});

describe('decisions through the API', () => {
  it('the projectleider and regiegroep members move a decision on and record its outcome; others get 403; nothing changes on a refusal', async () => {
    const pid = p.programme.id;
    await store.decisions.save(
      pid,
      {
        id: 'besluit-y',
        title: 'Eén salarisadministratie',
        proposal: 'Voorstel',
        werkgroep: 'wg-ict',
        route: [...p.decisionRoute],
        steps: [{ level: p.decisionRoute[0] as Programme['decisionRoute'][number], reachedOn: '2026-10-01' }],
        blocks: [],
      },
      new Date(),
    );
    const stored = async () => (await store.decisions.list(pid)).find((x) => x.id === 'besluit-y');
    const regiegroep = p.bodies.find((b) => b.kind === 'regiegroep');
    const projectleider = p.people.find((x) => x.roles.includes('projectleider'));
    const member = regiegroep?.members.find((m) => m !== projectleider?.id);
    if (!regiegroep || !projectleider || !member) throw new Error('BLNP has a regiegroep and a projectleider');

    // A trekker (not in the regiegroep, not projectleider) may look but not decide.
    const other = p.bodies
      .flatMap((b) => (b.kind === 'werkgroep' ? [b.trekker] : []))
      .find(
        (id) =>
          id !== projectleider.id &&
          !regiegroep.members.includes(id) &&
          !p.people.find((x) => x.id === id)?.roles.includes('projectleider'),
      );
    if (!other) throw new Error('a trekker who does not decide');
    const asOther = await tokenOf(other);
    expect((await call('GET', '/ik', undefined, {}, asOther)).body['mayDecide']).toBe(false);
    const refused = await call('POST', '/besluiten/besluit-y', { action: 'next' }, {}, asOther);
    expect(refused.status).toBe(403);
    expect(refused.body['message']).toMatch(
      /alleen de projectleider en de leden van de regiegroep .* \/ only the projectleider/,
    );
    expect((await stored())?.steps).toHaveLength(1);

    const asMember = await tokenOf(member);
    expect((await call('GET', '/ik', undefined, {}, asMember)).body['mayDecide']).toBe(true);
    const moved = await call('POST', '/besluiten/besluit-y', { action: 'next' }, {}, asMember);
    expect(moved.status).toBe(200);
    expect((await stored())?.steps.map((s) => s.level)).toEqual(p.decisionRoute.slice(0, 2));
    expect((await stored())?.steps.at(-1)?.reachedOn).toBe(TODAY);

    const asLead = await tokenOf(projectleider.id);
    expect(
      (await call('POST', '/besluiten/besluit-y', { action: 'outcome', outcome: 'besloten' }, {}, asLead)).status,
    ).toBe(200);
    expect((await stored())?.outcome).toEqual({ kind: 'besloten', on: TODAY });

    // Closed now: a further step is refused with the reason, and bad input and unknown ids get their own answers.
    const closed = await call('POST', '/besluiten/besluit-y', { action: 'next' }, {}, asLead);
    expect(closed.status).toBe(409);
    expect(closed.body['message']).toMatch(/al afgerond \(besloten\) \/ .*already closed/);
    expect(
      (await call('POST', '/besluiten/besluit-y', { action: 'outcome', outcome: 'misschien' }, {}, asLead)).status,
    ).toBe(400);
    expect((await call('POST', '/besluiten/bestaat-niet', { action: 'next' }, {}, asLead)).status).toBe(404);
    expect((await stored())?.steps).toHaveLength(2);
    // Issue 18 §1: these moves are in the decision's history too, with who made them; the refused ones are not.
    const history = await call('GET', '/besluiten/besluit-y/geschiedenis', undefined, {}, asLead);
    expect(
      (history.body['events'] as { kind: string; by: string; from?: string; to?: string }[]).map((e) => [
        e.kind,
        e.by,
        e.from,
        e.to,
      ]),
    ).toEqual([
      ['moved', member, p.decisionRoute[0], p.decisionRoute[1]],
      ['closed', projectleider.id, p.decisionRoute[1], undefined],
    ]);
    // The log says until when the outcome can be undone, so the tab offers it after a reload too.
    const logged = (await call('GET', '/besluiten', undefined, {}, asLead)).body['decisions'] as DecisionView[];
    expect(logged.find((x) => x.id === 'besluit-y')?.undoUntil).toBe(history.body['undoUntil']);
    expect(history.body['undoUntil']).toBe(
      new Date(Date.parse(`${TODAY}T10:00:00Z`) + UNDO_WINDOW_MINUTES * 60_000).toISOString(),
    );
  });
});

describe('indicator measurements through the API', () => {
  it("the regiegroep records values, the four K's view shows them with their trend; others, the future and unknown indicators are refused", async () => {
    const regiegroep = p.bodies.find((b) => b.kind === 'regiegroep');
    const indicator = p.indicators.find((i) => i.better === 'lower');
    const outsider = p.bodies
      .flatMap((b) => (b.kind === 'werkgroep' ? [b.trekker] : []))
      .find(
        (id) =>
          !regiegroep?.members.includes(id) && !p.people.find((x) => x.id === id)?.roles.includes('projectleider'),
      );
    if (!regiegroep?.members[0] || !indicator || !outsider)
      throw new Error('BLNP has a regiegroep, an indicator and an outsider');
    const asMember = await tokenOf(regiegroep.members[0]);
    const path = `/indicatoren/${indicator.id}/metingen`;

    expect((await call('POST', path, { date: '2026-08-01', value: 40 }, {}, await tokenOf(outsider))).status).toBe(403);
    expect((await call('POST', path, { date: '2026-08-01', value: 40 }, {}, asMember)).status).toBe(201);
    expect(
      (
        await call(
          'POST',
          path,
          { date: '2026-11-01', value: 37.5, note: 'na de eerste gezamenlijke aanbesteding' },
          {},
          asMember,
        )
      ).status,
    ).toBe(201);
    const future = await call('POST', path, { date: '2026-12-01', value: 30 }, {}, asMember);
    expect(future.status).toBe(400);
    expect(future.body['message']).toMatch(/ligt in de toekomst \/ .* in the future/);
    expect((await call('POST', path, { date: '2026-11-01', value: 'veel' }, {}, asMember)).status).toBe(400);
    expect(
      (await call('POST', '/indicatoren/bestaat-niet/metingen', { date: '2026-11-01', value: 1 }, {}, asMember)).status,
    ).toBe(404);

    const ks = (await call('GET', '/vierks')).body['ks'] as VierKsResponse['ks'];
    const shown = ks.find((k) => k.k === indicator.k)?.indicators.find((i) => i.id === indicator.id);
    expect(shown?.measurements.map((m) => [m.date, m.value])).toEqual([
      ['2026-08-01', 40],
      ['2026-11-01', 37.5],
    ]);
    expect(shown?.trend.direction).toBe('beter'); // lower is better, and it went down
    // Per K, how many actions serve it.
    const all = await store.actions.list(p.programme.id);
    expect(ks.map((k) => k.actions)).toEqual(
      ks.map((k) => all.filter((a) => (a.fields.ks as string[]).includes(k.k)).length),
    );
    expect(ks.some((k) => k.actions > 0)).toBe(true);
  });
});

describe('who may change what, decided by the access module for every write', () => {
  /** A person of the programme outside werkgroep `wg` who is not projectleider; and the werkgroep's trekker. */
  const outsiderOf = (wg: string) => {
    const w = p.bodies.find((b) => b.id === wg);
    const out = p.people.find(
      (x) =>
        w?.kind === 'werkgroep' &&
        x.id !== w.trekker &&
        !w.members.includes(x.id) &&
        !x.roles.includes('projectleider'),
    );
    if (!out || w?.kind !== 'werkgroep') throw new Error(`someone outside ${wg}`);
    return { outsider: out.id, trekker: w.trekker };
  };

  it('refuses an edit by someone outside the werkgroep (403, named), and by a token whose holder is not in the programme', async () => {
    const [first] = await store.actions.list(p.programme.id);
    if (!first) throw new Error('action');
    const { outsider } = outsiderOf(first.werkgroep);
    const before = (await store.actions.get(p.programme.id, first.id))?.fields;
    const refused = await call('PATCH', `/acties/${first.id}`, { status: 'wacht' }, {}, await tokenOf(outsider));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'forbidden' });
    expect(refused.body['message']).toMatch(/^alleen leden van .+ kunnen de acties ervan wijzigen \/ only members of/);
    const stranger = await call('PATCH', `/acties/${first.id}`, { status: 'wacht' }, {}, strangerToken);
    expect(stranger.status).toBe(403);
    expect(stranger.body['message']).toMatch(/niet in het programma.* \/ you are not in the programme/);
    expect((await call('GET', '/ik', undefined, {}, strangerToken)).body).toMatchObject({
      person: null,
      app: false,
      mayDecide: false,
      werkgroepen: [],
    });
    expect((await store.actions.get(p.programme.id, first.id))?.fields).toEqual(before);
  });

  it('refuses a wait added by someone outside the werkgroep (it accepted anyone before), and accepts its trekker', async () => {
    const all = await store.actions.list(p.programme.id);
    const [a, b] = all.filter(
      (x) => x.werkgroep === all[2]?.werkgroep && x.fields.status !== 'gereed' && x.blockedBy.length === 0,
    );
    if (!a || !b) throw new Error('two open actions of one werkgroep');
    const { outsider, trekker } = outsiderOf(a.werkgroep);
    const refused = await call(
      'POST',
      `/acties/${a.id}/blokkades`,
      { kind: 'action', id: b.id },
      {},
      await tokenOf(outsider),
    );
    expect(refused.status).toBe(403);
    expect(refused.body['error']).toBe('forbidden');
    expect((await store.actions.get(p.programme.id, a.id))?.blockedBy).toEqual([]);
    const made = await call(
      'POST',
      `/acties/${a.id}/blokkades`,
      { kind: 'action', id: b.id },
      {},
      await tokenOf(trekker),
    );
    expect(made.status).toBe(201);
    expect(made.body).toEqual({ id: a.id, blockedBy: [{ kind: 'action', id: b.id }] });
    const cycle = await call(
      'POST',
      `/acties/${b.id}/blokkades`,
      { kind: 'action', id: a.id },
      {},
      await tokenOf(trekker),
    );
    expect(cycle.status).toBe(400);
    expect(cycle.body['error']).toBe('cycle');
    expect(
      (await call('POST', '/acties/bestaat-niet/blokkades', { kind: 'action', id: a.id }, {}, await tokenOf(trekker)))
        .status,
    ).toBe(404);
  });

  it('refuses backlog priorities and actions from topics by someone outside the werkgroep, and accepts its trekker', async () => {
    const w = p.bodies.find(
      (b) => b.kind === 'werkgroep' && p.backlog.some((x) => x.vakgebied === b.vakgebied && x.topics.length >= 2),
    );
    if (w?.kind !== 'werkgroep') throw new Error('a werkgroep with a backlog');
    const { outsider, trekker } = outsiderOf(w.id);
    const asOutsider = await tokenOf(outsider);
    const asTrekker = await tokenOf(trekker);
    const topics = (await call('GET', `/backlog?werkgroep=${w.id}`, undefined, {}, asOutsider)).body['topics'] as {
      id: string;
      priority: number | null;
      action: string | null;
    }[];
    const topic = topics.find((x) => x.action === null);
    if (!topic) throw new Error('a topic without an action');

    const priority = await call(
      'PUT',
      `/backlog/${topic.id}/prioriteit`,
      { werkgroep: w.id, priority: 1 },
      {},
      asOutsider,
    );
    expect(priority.status).toBe(403);
    expect((await store.backlog.priorities(p.programme.id, w.id)).get(topic.id)).toBeUndefined();
    const action = await call('POST', `/backlog/${topic.id}/actie`, { werkgroep: w.id }, {}, asOutsider);
    expect(action.status).toBe(403);
    expect(
      (await store.actions.list(p.programme.id, { werkgroep: w.id })).some((a) => a.origin?.ref === topic.id),
    ).toBe(false);

    expect(
      (await call('PUT', `/backlog/${topic.id}/prioriteit`, { werkgroep: w.id, priority: 1 }, {}, asTrekker)).body,
    ).toEqual({ werkgroep: w.id, topic: topic.id, priority: 1 });
    const made = await call('POST', `/backlog/${topic.id}/actie`, { werkgroep: w.id }, {}, asTrekker);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      werkgroep: w.id,
      werkgroepName: w.name,
      status: 'open',
      owners: [{ id: trekker }],
    });
    const again = await call('POST', `/backlog/${topic.id}/actie`, { werkgroep: w.id }, {}, asTrekker);
    expect([again.status, again.body['error']]).toEqual([409, 'exists']);
    expect(
      (await call('PUT', `/backlog/${topic.id}/prioriteit`, { werkgroep: w.id, priority: 'hoog' }, {}, asTrekker)).body[
        'error'
      ],
    ).toBe('bad_input');
  });

  it('lets only the projectleider trigger the reminder rhythm by hand (it accepted anyone before)', async () => {
    const lead = p.people.find((x) => x.roles.includes('projectleider'));
    const other = p.people.find((x) => !x.roles.includes('projectleider'));
    if (!lead || !other) throw new Error('a projectleider and someone else');
    const refused = await call('POST', '/bot/ritme', { meeting: 'regiegroep:2026-12-08' }, {}, await tokenOf(other.id));
    expect(refused.status).toBe(403);
    expect(refused.body['message']).toMatch(
      /alleen de projectleider kan het herinneringsritme .* \/ only the projectleider/,
    );
    expect(triggered).toEqual([]);
    const asLead = await tokenOf(lead.id);
    expect(await call('POST', '/bot/ritme', { meeting: 'regiegroep:2026-12-08' }, {}, asLead)).toEqual({
      status: 202,
      body: { meeting: 'regiegroep:2026-12-08', planned: 3, dispatched: 1 },
    });
    expect(triggered).toEqual(['regiegroep:2026-12-08']);
    expect((await call('POST', '/bot/ritme', { meeting: 'stuurgroep:2026-12-08' }, {}, asLead)).status).toBe(404);
    expect((await call('POST', '/bot/ritme', { bijeenkomst: 'regiegroep:2026-12-08' }, {}, asLead)).status).toBe(400);
  });
});

describe("the contract's keys", () => {
  it('answers in English keys: who am I, the overview, a werkgroep, the decision log, the load', async () => {
    const me = (await call('GET', '/ik')).body;
    expect(Object.keys(me).sort()).toEqual(['app', 'mayDecide', 'person', 'programme', 'werkgroepen']);
    expect(Object.keys(me['person'] as object).sort()).toEqual(['gemeente', 'id', 'name', 'roles']);
    const o = (await call('GET', '/overzicht')).body;
    expect(Object.keys(o).sort()).toEqual([
      'meetings',
      'milestones',
      'phases',
      'programme',
      'timeZone',
      'today',
      'werkgroepen',
    ]);
    const tile = (o['werkgroepen'] as Record<string, unknown>[])[0] ?? {};
    expect(Object.keys(tile).sort()).toEqual(['blocked', 'id', 'latestUpdate', 'name', 'open', 'overdue', 'trekker']);
    const wg = (await call('GET', `/werkgroepen/${String(tile['id'])}`)).body;
    expect(Object.keys(wg).sort()).toEqual(['id', 'members', 'name', 'trekker', 'updates', 'waitedOnBy', 'waitsOn']);
    expect((await call('GET', '/werkgroepen/bestaat-niet')).body['error']).toBe('not_found');
    const log = (await call('GET', '/besluiten')).body;
    expect(Object.keys(log).sort()).toEqual(['decisions', 'medians', 'perQuarter', 'period', 'route']);
    expect((log['perQuarter'] as { quarter: string }[]).map((q) => q.quarter)).toEqual([
      '2026-K1',
      '2026-K2',
      '2026-K3',
      '2026-K4',
    ]);
    expect((log['decisions'] as { werkgroepName: string }[]).every((x) => typeof x.werkgroepName === 'string')).toBe(
      true,
    );
    expect(Object.keys((await call('GET', '/capaciteit')).body).sort()).toEqual(['people', 'scope']);
    expect(Object.keys((await call('GET', '/wachtrij')).body)).toEqual(['chains']);
    expect((await call('GET', '/acties?onbekend=1')).body['error']).toBe('bad_input');
  });
});
