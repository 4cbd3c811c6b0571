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
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import { apiRouter } from './api.ts';

const TODAY = '2026-11-23';
let p: Programme;
let store: Store;
let server: Server;
let base: string;
let token: string;
let changed = 0;
let tokenOf: (personId: string) => Promise<string>;

type Json = Record<string, unknown>;
interface ActionJson { id: string; title: string; status: string; versie: string; blockedBy: { kind: string; id: string; naam: string }[]; conflicten: { veld: string; hier: unknown; planner: unknown }[] }

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, as = token): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${base}/api${path}`, { method, headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json', ...headers }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: await res.json() as Json };
}

beforeAll(async () => {
  p = await loadProgramme('blnp');
  const clock = new FixedClock(`${TODAY}T10:00:00Z`);
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  const pid = p.programme.id;
  for (const a of seedActions(p, TODAY)) await store.actions.save(pid, { ...a, fields: { ...a.fields, status: a.fields.status === 'gereed' ? 'open' : a.fields.status } }, clock.now());
  const [first, second] = await store.actions.list(pid);
  if (!first || !second) throw new Error('seeded actions');
  // The decision records the link (Decision.blocks); the action itself has no blockedBy.
  await store.decisions.save(pid, { id: 'besluit-x', title: 'Keuze voor één zaaksysteem', proposal: 'Voorstel', werkgroep: first.werkgroep, route: [...p.decisionRoute], steps: [], blocks: [first.id] }, clock.now());
  await store.actions.recordConflicts(pid, [{ actionId: second.id, field: 'status', ours: 'gereed', theirs: 'loopt' }], clock.now());
  await store.actions.recordConflicts(pid, [{ actionId: second.id, field: 'title', ours: 'oud', theirs: 'ouder' }], new Date(clock.now().getTime() - 40 * 86_400_000));

  const issuer = await testIssuer();
  const werkgroep = p.bodies.find((b) => b.id === first.werkgroep);
  const trekker = p.people.find((x) => werkgroep?.kind === 'werkgroep' && x.id === werkgroep.trekker);
  const tid = p.gemeenten.find((g) => g.id === trekker?.gemeente)?.tenantId;
  if (!trekker || !tid) throw new Error('a trekker in a tenant');
  token = await issuer.userToken(tid, trekker.upn, clock.now());
  tokenOf = async (personId) => {
    const who = p.people.find((x) => x.id === personId);
    const t = p.gemeenten.find((g) => g.id === who?.gemeente)?.tenantId;
    if (!who || !t) throw new Error(`${personId} in a tenant`);
    return issuer.userToken(t, who.upn, clock.now());
  };
  const app = express();
  app.use('/api', apiRouter({
    store, programme: p, clock, validate: issuer.validator(p.gemeenten.flatMap((g) => (g.tenantId ? [g.tenantId] : [])), clock),
    today: () => TODAY, changed: () => { changed++; },
  }));
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
    const list = (await call('GET', '/acties')).body['acties'] as ActionJson[];
    const a = list.find((x) => x.id === first?.id);
    expect(a?.blockedBy).toEqual([{ kind: 'decision', id: 'besluit-x', naam: 'Keuze voor één zaaksysteem' }]);
    expect(list.filter((x) => x.blockedBy.length > 0).map((x) => x.id)).toEqual([first?.id]);
    const tiles = (await call('GET', '/overzicht')).body['werkgroepen'] as { id: string; geblokkeerd: number }[];
    expect(tiles.find((t) => t.id === first?.werkgroep)?.geblokkeerd).toBe(1);
    expect(tiles.reduce((n, t) => n + t.geblokkeerd, 0)).toBe(1);

    // Once decided, it blocks nothing any more.
    const d = (await store.decisions.list(p.programme.id))[0];
    if (!d) throw new Error('decision');
    await store.decisions.save(p.programme.id, { ...d, outcome: { kind: 'besloten', on: TODAY } }, new Date());
    expect(((await call('GET', '/acties')).body['acties'] as ActionJson[]).every((x) => x.blockedBy.length === 0)).toBe(true);
  });

  it('lists the merge conflicts with Planner of the last 30 days with the action', async () => {
    const [, second] = await store.actions.list(p.programme.id);
    const list = (await call('GET', '/acties')).body['acties'] as ActionJson[];
    expect(list.find((x) => x.id === second?.id)?.conflicten).toEqual([expect.objectContaining({ veld: 'status', hier: 'gereed', planner: 'loopt' })]);
    expect(list.filter((x) => x.conflicten.length > 0)).toHaveLength(1);
  });

  it('refuses an edit made on an older version with 409 and the current values, and changes nothing', async () => {
    const [first] = await store.actions.list(p.programme.id);
    if (!first) throw new Error('action');
    const before = ((await call('GET', '/acties')).body['acties'] as ActionJson[]).find((x) => x.id === first.id) as ActionJson;

    // Someone else sets it to 'loopt' on the version both loaded; then the second edit, on that same version, is refused.
    const ok = await call('PATCH', `/acties/${first.id}`, { status: 'loopt' }, { 'if-match': `"${before.versie}"` });
    expect(ok.status).toBe(200);
    expect(ok.body['versie']).not.toBe(before.versie);
    const calls = changed;
    const stale = await call('PATCH', `/acties/${first.id}`, { status: 'gereed' }, { 'if-match': `"${before.versie}"` });
    expect(stale.status).toBe(409);
    expect(stale.body['message']).toMatch(/is intussen gewijzigd .* \/ .* was changed in the meantime/);
    expect((stale.body['actie'] as ActionJson).status).toBe('loopt');
    expect((await store.actions.get(p.programme.id, first.id))?.fields.status).toBe('loopt');
    expect(changed).toBe(calls);

    // The store's write is conditional: fields changed between reading and writing are not overwritten.
    const now = (await store.actions.get(p.programme.id, first.id))?.fields;
    if (!now) throw new Error('action');
    expect(await store.actions.updateFields(p.programme.id, first.id, { ...now, status: 'open' }, { ...now, status: 'gereed' }, new Date())).toBe(false);
    expect((await store.actions.get(p.programme.id, first.id))?.fields.status).toBe('loopt');
    expect(await store.actions.updateFields(p.programme.id, first.id, now, { ...now, notes: 'bijgewerkt' }, new Date())).toBe(true);
    expect(await store.actions.updateFields(p.programme.id, first.id, { ...now, notes: 'bijgewerkt' }, now, new Date())).toBe(true);

    // On the current version it goes through; without a version (the CLI) too.
    const again = await call('PATCH', `/acties/${first.id}`, { status: 'gereed' }, { 'if-match': `"${String(ok.body['versie'])}"` });
    expect(again.status).toBe(200);
    expect((await call('PATCH', `/acties/${first.id}`, { status: 'open' })).status).toBe(200);
    expect((await store.actions.get(p.programme.id, first.id))?.fields.status).toBe('open');
  });
});

describe('decisions through the API', () => {
  it('the projectleider and regiegroep members move a decision on and record its outcome; others get 403; nothing changes on a refusal', async () => {
    const pid = p.programme.id;
    await store.decisions.save(pid, { id: 'besluit-y', title: 'Eén salarisadministratie', proposal: 'Voorstel', werkgroep: 'wg-ict', route: [...p.decisionRoute], steps: [{ level: p.decisionRoute[0] as Programme['decisionRoute'][number], reachedOn: '2026-10-01' }], blocks: [] }, new Date());
    const stored = async () => (await store.decisions.list(pid)).find((x) => x.id === 'besluit-y');
    const regiegroep = p.bodies.find((b) => b.kind === 'regiegroep');
    const projectleider = p.people.find((x) => x.roles.includes('projectleider'));
    const member = regiegroep?.members.find((m) => m !== projectleider?.id);
    if (!regiegroep || !projectleider || !member) throw new Error('BLNP has a regiegroep and a projectleider');

    // A trekker (not in the regiegroep, not projectleider) may look but not decide.
    const other = p.bodies.flatMap((b) => (b.kind === 'werkgroep' ? [b.trekker] : [])).find((id) => id !== projectleider.id && !regiegroep.members.includes(id) && !p.people.find((x) => x.id === id)?.roles.includes('projectleider'));
    if (!other) throw new Error('a trekker who does not decide');
    const asOther = await tokenOf(other);
    expect(((await call('GET', '/ik', undefined, {}, asOther)).body['magBesluiten'])).toBe(false);
    const refused = await call('POST', '/besluiten/besluit-y', { actie: 'volgende' }, {}, asOther);
    expect(refused.status).toBe(403);
    expect(refused.body['message']).toMatch(/alleen de projectleider en de leden van de regiegroep .* \/ only the projectleider/);
    expect((await stored())?.steps).toHaveLength(1);

    const asMember = await tokenOf(member);
    expect((await call('GET', '/ik', undefined, {}, asMember)).body['magBesluiten']).toBe(true);
    const moved = await call('POST', '/besluiten/besluit-y', { actie: 'volgende' }, {}, asMember);
    expect(moved.status).toBe(200);
    expect((await stored())?.steps.map((s) => s.level)).toEqual(p.decisionRoute.slice(0, 2));
    expect((await stored())?.steps.at(-1)?.reachedOn).toBe(TODAY);

    const asLead = await tokenOf(projectleider.id);
    expect((await call('POST', '/besluiten/besluit-y', { actie: 'uitkomst', uitkomst: 'besloten' }, {}, asLead)).status).toBe(200);
    expect((await stored())?.outcome).toEqual({ kind: 'besloten', on: TODAY });

    // Closed now: a further step is refused with the reason, and bad input and unknown ids get their own answers.
    const closed = await call('POST', '/besluiten/besluit-y', { actie: 'volgende' }, {}, asLead);
    expect(closed.status).toBe(409);
    expect(closed.body['message']).toMatch(/al afgerond \(besloten\) \/ .*already closed/);
    expect((await call('POST', '/besluiten/besluit-y', { actie: 'uitkomst', uitkomst: 'misschien' }, {}, asLead)).status).toBe(400);
    expect((await call('POST', '/besluiten/bestaat-niet', { actie: 'volgende' }, {}, asLead)).status).toBe(404);
    expect((await stored())?.steps).toHaveLength(2);
  });
});

describe('indicator measurements through the API', () => {
  it('the regiegroep records values, the four K\'s view shows them with their trend; others, the future and unknown indicators are refused', async () => {
    const regiegroep = p.bodies.find((b) => b.kind === 'regiegroep');
    const indicator = p.indicators.find((i) => i.better === 'lower');
    const outsider = p.bodies.flatMap((b) => (b.kind === 'werkgroep' ? [b.trekker] : [])).find((id) => !regiegroep?.members.includes(id) && !p.people.find((x) => x.id === id)?.roles.includes('projectleider'));
    if (!regiegroep?.members[0] || !indicator || !outsider) throw new Error('BLNP has a regiegroep, an indicator and an outsider');
    const asMember = await tokenOf(regiegroep.members[0]);
    const path = `/indicatoren/${indicator.id}/metingen`;

    expect((await call('POST', path, { datum: '2026-08-01', waarde: 40 }, {}, await tokenOf(outsider))).status).toBe(403);
    expect((await call('POST', path, { datum: '2026-08-01', waarde: 40 }, {}, asMember)).status).toBe(201);
    expect((await call('POST', path, { datum: '2026-11-01', waarde: 37.5, toelichting: 'na de eerste gezamenlijke aanbesteding' }, {}, asMember)).status).toBe(201);
    const future = await call('POST', path, { datum: '2026-12-01', waarde: 30 }, {}, asMember);
    expect(future.status).toBe(400);
    expect(future.body['message']).toMatch(/ligt in de toekomst \/ .* in the future/);
    expect((await call('POST', path, { datum: '2026-11-01', waarde: 'veel' }, {}, asMember)).status).toBe(400);
    expect((await call('POST', '/indicatoren/bestaat-niet/metingen', { datum: '2026-11-01', waarde: 1 }, {}, asMember)).status).toBe(404);

    const ks = (await call('GET', '/vierks')).body['ks'] as { k: string; acties: number; indicatoren: { id: string; metingen: { datum: string; waarde: number }[]; trend: { direction: string } }[] }[];
    const shown = ks.find((k) => k.k === indicator.k)?.indicatoren.find((i) => i.id === indicator.id);
    expect(shown?.metingen.map((m) => [m.datum, m.waarde])).toEqual([['2026-08-01', 40], ['2026-11-01', 37.5]]);
    expect(shown?.trend.direction).toBe('beter'); // lower is better, and it went down
    // Per K, how many actions serve it.
    const all = await store.actions.list(p.programme.id);
    expect(ks.map((k) => k.acties)).toEqual(ks.map((k) => all.filter((a) => (a.fields.ks as string[]).includes(k.k)).length));
    expect(ks.some((k) => k.acties > 0)).toBe(true);
  });
});
