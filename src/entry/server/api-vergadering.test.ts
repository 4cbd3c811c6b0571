// The meeting app and the besluitenlijst through the HTTP API (issue 18 §3, §4), on a PostgreSQL server so that two
// requests really run at once: the chair records an outcome (If-Match), a new decision and an action; two records
// made at the same moment are both kept; closing queues the besluitenlijst card for the body's channel in the bot's
// ledger with what was decided, agreed and carried over; closing twice and recording after closing are refused; a
// werkgroep member may do neither.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIssuer } from '../../adapters/auth/testing.ts';
import type { Besluitenlijst } from '../../domain/meeting/besluitenlijst.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { serveApi, type ApiServer } from '../../../tests/helpers/api-server.ts';
import { serverBackend, useStore } from '../../../tests/helpers/db.ts';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';

// The December regiegroep of BLNP: second Tuesday, 15:00–16:30 Europe/Amsterdam; now is just after it.
const DATE = '2026-12-08';
const clock = new FixedClock('2026-12-08T16:00:00Z');
const MEETING = `/vergaderingen/regiegroep/${DATE}`;
const store = useStore(serverBackend);
let p: Programme;
let server: ApiServer;
let base: string;
let chair = '';
let leider = '';
let member = '';
let delivered = 0;

type Answer = { status: number; body: Record<string, unknown> };
async function call(token: string, method: string, path: string, body?: unknown, version?: string): Promise<Answer> {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(version ? { 'if-match': `"${version}"` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A 4xx with `error` and a message in Dutch and English (Dutch first). */
function refusedWith(a: Answer, status: number, error: string, dutch?: RegExp): void {
  expect(a.status, JSON.stringify(a.body)).toBe(status);
  expect(a.body['error']).toBe(error);
  expect(a.body['message']).toMatch(/.+ \/ .+/);
  if (dutch) expect(String(a.body['message']).split(' / ')[0]).toMatch(dutch);
}

/** Proposes a decision of werkgroep Financiën waiting at the regiegroep; its id and version. */
async function waitingDecision(title: string): Promise<{ id: string; version: string }> {
  const made = await call(leider, 'POST', '/besluiten', {
    title,
    proposal: `${title}: voorstel`,
    werkgroep: 'wg-financien',
    level: 'regiegroep',
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return { id: String(made.body['id']), version: String(made.body['version']) };
}

beforeAll(async () => {
  p = await loadProgramme('blnp');
  const issuer = await testIssuer();
  const person = (id: string) => {
    const x = p.people.find((q) => q.id === id);
    if (!x) throw new Error(`BLNP has ${id}`);
    return x;
  };
  const tid = (g: string) => p.gemeenten.find((x) => x.id === g)?.tenantId ?? '';
  const token = (id: string) => issuer.userToken(tid(person(id).gemeente ?? ''), person(id).upn, clock.now());
  chair = await token('gs-leusden');
  leider = await token('pl-marieke');
  member = await token('tom-bakker');
  server = await serveApi({
    store: store(),
    programme: p,
    clock,
    validate: issuer.validator(
      p.gemeenten.flatMap((g) => (g.tenantId ? [g.tenantId] : [])),
      clock,
    ),
    today: () => DATE,
    deliverNow: () => {
      delivered++;
      return Promise.resolve(1);
    },
  });
  base = server.base;
});

afterAll(async () => {
  await server.close();
});

describe('recording in a meeting and closing it', () => {
  let decided: { id: string; version: string };
  let carried: { id: string; version: string };

  it('shows an open meeting with no records yet', async () => {
    decided = await waitingDecision('Eén financieel systeem');
    carried = await waitingDecision('Gezamenlijke inkoop');
    const m = await call(member, 'GET', MEETING);
    expect(m.status).toBe(200);
    expect(m.body).toMatchObject({ body: { id: 'regiegroep' }, date: DATE, state: 'open', records: [] });
  });

  it('records an outcome with the decision version, dated the meeting day, and refuses a stale version', async () => {
    const input = { kind: 'outcome', item: `besluit:${decided.id}`, decision: decided.id, outcome: 'besloten' };
    refusedWith(await call(chair, 'POST', `${MEETING}/vastleggingen`, input), 428, 'version_required');
    const made = await call(chair, 'POST', `${MEETING}/vastleggingen`, input, decided.version);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ kind: 'outcome', decisionId: decided.id, outcome: 'besloten', by: 'gs-leusden' });
    const log = await call(member, 'GET', '/besluiten');
    const x = (log.body['decisions'] as { id: string; outcome?: { kind: string; on: string } }[]).find(
      (d) => d.id === decided.id,
    );
    expect(x?.outcome).toEqual({ kind: 'besloten', on: DATE });
    refusedWith(await call(chair, 'POST', `${MEETING}/vastleggingen`, input, decided.version), 409, 'changed');
  });

  it('keeps both of two records made at the same moment', async () => {
    const action = (title: string, token: string) =>
      call(token, 'POST', `${MEETING}/vastleggingen`, {
        kind: 'action',
        item: 'werkgroep:wg-financien',
        werkgroep: 'wg-financien',
        title,
        owner: 'th-financien',
        due: '2027-01-15',
      });
    const [a, b] = await Promise.all([action('Begroting 2027 afstemmen', chair), action('Kasstroom in kaart', leider)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body['actionId']).not.toBe(b.body['actionId']);
    const m = await call(member, 'GET', MEETING);
    const titles = (m.body['records'] as { title: string }[]).map((r) => r.title);
    expect(titles).toEqual(expect.arrayContaining(['Begroting 2027 afstemmen', 'Kasstroom in kaart']));
    expect(titles).toHaveLength(3);
    const actions = await call(member, 'GET', '/acties?werkgroep=wg-financien');
    const made = (actions.body['actions'] as { id: string; owners: { id: string }[]; due: string }[]).find(
      (x) => x.id === a.body['actionId'],
    );
    expect(made).toMatchObject({ owners: [{ id: 'th-financien' }], due: '2027-01-15' });
  });

  it('records a new decision taken at once at the regiegroep', async () => {
    const made = await call(leider, 'POST', `${MEETING}/vastleggingen`, {
      kind: 'decision',
      item: 'werkgroep:wg-financien',
      title: 'Treasurystatuut vaststellen',
      proposal: 'Eén treasurystatuut voor de vier gemeenten',
      werkgroep: 'wg-financien',
      outcome: 'besloten',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ kind: 'decision', outcome: 'besloten' });
  });

  it('records at an item the projectleider added, and refuses one the projectleider removed', async () => {
    type Items = { items: { id: string; title: string }[]; version: number };
    const Q = { body: 'regiegroep', date: DATE };
    const edit = async (method: string, path: string, body: unknown, version: number): Promise<Items> => {
      const r = await call(leider, method, path, body, String(version));
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
      return r.body as unknown as Items;
    };
    const start = (await call(leider, 'GET', `/agenda?body=regiegroep&date=${DATE}`)).body as unknown as Items;
    let a = await edit('POST', '/agenda/punten', { ...Q, title: 'Rondvraag huisvesting' }, start.version);
    a = await edit('POST', '/agenda/punten', { ...Q, title: 'Communicatieplan' }, a.version);
    a = await edit('POST', '/agenda/punten', { ...Q, title: 'Vervallen punt' }, a.version);
    const [huisvesting, communicatie, vervallen] = a.items.slice(-3).map((i) => i.id);
    // The projectleider puts the communication plan first: the besluitenlijst carries items over in that order.
    const order = [communicatie ?? '', ...a.items.map((i) => i.id).filter((id) => id !== communicatie)];
    a = await edit('PUT', '/agenda/punten', { ...Q, order }, a.version);
    await edit(
      'DELETE',
      `/agenda/punten/${encodeURIComponent(vervallen ?? '')}?body=regiegroep&date=${DATE}`,
      undefined,
      a.version,
    );
    const action = { kind: 'action', werkgroep: 'wg-financien', owner: 'th-financien', due: '2027-02-01' };
    const made = await call(chair, 'POST', `${MEETING}/vastleggingen`, {
      ...action,
      item: huisvesting,
      title: 'Huisvesting verkennen',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ kind: 'action', item: huisvesting, title: 'Huisvesting verkennen' });
    refusedWith(
      await call(chair, 'POST', `${MEETING}/vastleggingen`, { ...action, item: vervallen, title: 'Niet besproken' }),
      400,
      'bad_input',
      /staat niet op de agenda/,
    );
  });

  it('refuses an item that is not on the agenda, an unknown owner and a werkgroep member', async () => {
    const action = { kind: 'action', werkgroep: 'wg-financien', title: 'X', owner: 'th-financien', due: '2027-01-15' };
    refusedWith(
      await call(chair, 'POST', `${MEETING}/vastleggingen`, { ...action, item: 'punt:bestaat-niet' }),
      400,
      'bad_input',
      /staat niet op de agenda/,
    );
    refusedWith(
      await call(chair, 'POST', `${MEETING}/vastleggingen`, {
        ...action,
        item: 'werkgroep:wg-financien',
        owner: 'niemand',
      }),
      400,
      'bad_input',
      /geen persoon van het programma/,
    );
    refusedWith(
      await call(member, 'POST', `${MEETING}/vastleggingen`, { ...action, item: 'werkgroep:wg-financien' }),
      403,
      'forbidden',
      /alleen de voorzitter/,
    );
    refusedWith(await call(member, 'POST', `${MEETING}/sluiten`), 403, 'forbidden', /alleen de voorzitter/);
  });

  it('closes: the besluitenlijst card is queued for the regiegroep channel with what was decided and carried over', async () => {
    const closed = await call(chair, 'POST', `${MEETING}/sluiten`);
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(delivered).toBe(1);
    const rows = (await store().bot.deliveries(p.programme.id)).filter((r) => r.kind === 'besluitenlijst');
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row).toMatchObject({ recipient: 'channel:regiegroep', status: 'pending', key: closed.body['delivery'] });
    expect(row?.dueAt.toISOString()).toBe(clock.now().toISOString());
    const list = row?.payload?.['besluitenlijst'] as Besluitenlijst;
    expect(list.decisions.map((x) => [x.title, x.outcome, x.isNew])).toEqual([
      ['Eén financieel systeem', 'besloten', false],
      ['Treasurystatuut vaststellen', 'besloten', true],
    ]);
    expect(list.actions.map((a) => a.title).sort()).toEqual([
      'Begroting 2027 afstemmen',
      'Huisvesting verkennen',
      'Kasstroom in kaart',
    ]);
    // In the projectleider's order: the added item with nothing recorded, then the decision still waiting; not the
    // added item with an action recorded, nor the removed one.
    expect(list.carriedOver).toEqual([
      { id: 'punt:2', title: 'Communicatieplan' },
      { id: `besluit:${carried.id}`, title: 'Gezamenlijke inkoop' },
    ]);
    expect(closed.body['besluitenlijst']).toEqual(list);
  });

  it('refuses closing twice and recording after closing, and keeps the besluitenlijst', async () => {
    refusedWith(await call(chair, 'POST', `${MEETING}/sluiten`), 409, 'not_possible', /is al gesloten/);
    refusedWith(
      await call(
        chair,
        'POST',
        `${MEETING}/vastleggingen`,
        { kind: 'outcome', item: `besluit:${carried.id}`, decision: carried.id, outcome: 'besloten' },
        carried.version,
      ),
      409,
      'not_possible',
      /is gesloten: er kan niets meer worden vastgelegd/,
    );
    expect(delivered).toBe(1);
    const m = await call(member, 'GET', MEETING);
    expect(m.body).toMatchObject({ state: 'closed', closedAt: clock.now().toISOString() });
    const all = await call(member, 'GET', '/vergaderingen');
    expect(all.body['meetings']).toEqual([
      expect.objectContaining({ body: { id: 'regiegroep', name: 'Regiegroep' }, date: DATE }),
    ]);
  });

  it('dates an outcome recorded later on the meeting day, never before the decision reached the body', async () => {
    const pid = p.programme.id;
    const waiting = (id: string, reachedOn: string) =>
      store().decisions.save(
        pid,
        {
          id,
          title: id,
          proposal: 'Voorstel',
          werkgroep: 'wg-financien',
          route: [...p.decisionRoute],
          steps: [{ level: 'regiegroep', reachedOn }],
          blocks: [],
        },
        clock.now(),
      );
    await waiting('B-oud', '2026-11-01');
    await waiting('B-later', '2026-11-20');
    const versions = async () =>
      new Map(
        ((await call(member, 'GET', '/besluiten')).body['decisions'] as { id: string; version: string }[]).map((x) => [
          x.id,
          x.version,
        ]),
      );
    const november = '/vergaderingen/regiegroep/2026-11-10/vastleggingen';
    for (const id of ['B-oud', 'B-later']) {
      const made = await call(
        chair,
        'POST',
        november,
        { kind: 'outcome', item: `besluit:${id}`, decision: id, outcome: 'besloten' },
        (await versions()).get(id),
      );
      expect(made.status, JSON.stringify(made.body)).toBe(201);
    }
    const log = (await call(member, 'GET', '/besluiten')).body['decisions'] as {
      id: string;
      outcome?: { on: string };
    }[];
    expect(log.find((x) => x.id === 'B-oud')?.outcome?.on).toBe('2026-11-10');
    expect(log.find((x) => x.id === 'B-later')?.outcome?.on).toBe('2026-11-20');
  });

  it('answers a bad date and a meeting that does not exist with 4xx', async () => {
    refusedWith(await call(chair, 'GET', '/vergaderingen/regiegroep/2026-13-01'), 400, 'bad_input');
    refusedWith(await call(chair, 'POST', '/vergaderingen/regiegroep/2026-12-09/sluiten'), 404, 'not_found');
  });
});
