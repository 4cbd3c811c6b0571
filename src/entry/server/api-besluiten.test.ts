// Decisions entered by people through the HTTP API (issue 18 §1): a proposal, its version in If-Match for every
// change (428 without, 409 when stale), the outcome that must be chosen, and bad input answered 4xx in Dutch and
// English. Who may use which route is in api-access.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIssuer } from '../../adapters/auth/testing.ts';
import { MEMORY, openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import type { Programme, Werkgroep } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { serveApi, type ApiServer } from '../../../tests/helpers/api-server.ts';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';

const clock = new FixedClock('2026-11-23T10:00:00Z');
let p: Programme;
let store: Store;
let server: ApiServer;
let base: string;
let wg: Werkgroep;
let leider = '';
let member = '';

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

/** A 4xx with `error` and a message in Dutch and English. */
function refusedWith(a: Answer, status: number, error: string): void {
  expect(a.status, JSON.stringify(a.body)).toBe(status);
  expect(a.body['error']).toBe(error);
  expect(a.body['message']).toMatch(/.+ \/ .+/);
}

beforeAll(async () => {
  p = await loadProgramme('blnp');
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  const first = p.bodies.find((b): b is Werkgroep => b.kind === 'werkgroep');
  const pl = p.people.find((x) => x.roles.includes('projectleider'));
  const m = p.people.find((x) => first?.members.includes(x.id) && !x.roles.includes('projectleider'));
  if (!first || !pl || !m) throw new Error('BLNP has a werkgroep, its member and a projectleider');
  wg = first;
  const issuer = await testIssuer();
  const tid = (g: string) => p.gemeenten.find((x) => x.id === g)?.tenantId ?? '';
  leider = await issuer.userToken(tid(pl.gemeente ?? ''), pl.upn, clock.now());
  member = await issuer.userToken(tid(m.gemeente ?? ''), m.upn, clock.now());
  server = await serveApi({
    store,
    programme: p,
    clock,
    validate: issuer.validator(
      p.gemeenten.flatMap((g) => (g.tenantId ? [g.tenantId] : [])),
      clock,
    ),
    today: () => clock.now().toISOString().slice(0, 10),
  });
  base = server.base;
});

afterAll(async () => {
  await server.close();
  await store.close();
});

const propose = () =>
  call(member, 'POST', '/besluiten', {
    title: 'Eén loket',
    proposal: 'Eén loket voor vier gemeenten',
    werkgroep: wg.id,
    level: 'werkgroep',
  });

describe('POST /api/besluiten and its changes', () => {
  it('proposes (201), shows it in the log, and moves it with its version', async () => {
    const made = await propose();
    expect(made.status).toBe(201);
    const id = String(made.body['id']);
    const log = await call(member, 'GET', '/besluiten');
    expect((log.body['decisions'] as { id: string }[]).map((x) => x.id)).toContain(id);
    const moved = await call(
      leider,
      'POST',
      `/besluiten/${id}/verplaatsen`,
      { level: 'regiegroep' },
      String(made.body['version']),
    );
    expect(moved.status).toBe(200);
    expect(moved.body['steps']).toEqual([
      { level: 'werkgroep', reachedOn: '2026-11-23' },
      { level: 'regiegroep', reachedOn: '2026-11-23' },
    ]);
    const history = await call(member, 'GET', `/besluiten/${id}/geschiedenis`);
    expect((history.body['events'] as { kind: string }[]).map((e) => e.kind)).toEqual(['proposed', 'moved']);
  });

  it('refuses a change without If-Match (428) and on a stale version (409)', async () => {
    const made = await propose();
    const id = String(made.body['id']);
    refusedWith(
      await call(leider, 'POST', `/besluiten/${id}/verplaatsen`, { level: 'projectgroep' }),
      428,
      'version_required',
    );
    const edited = await call(
      member,
      'PATCH',
      `/besluiten/${id}`,
      { title: 'Eén loket in 2027' },
      String(made.body['version']),
    );
    expect(edited.status).toBe(200);
    refusedWith(
      await call(leider, 'POST', `/besluiten/${id}/intrekken`, undefined, String(made.body['version'])),
      409,
      'changed',
    );
  });

  it('wants the outcome chosen: none, or one not in the list, is a 400', async () => {
    const made = await propose();
    const id = String(made.body['id']);
    const version = String(made.body['version']);
    refusedWith(await call(leider, 'POST', `/besluiten/${id}/uitkomst`, {}, version), 400, 'bad_input');
    refusedWith(
      await call(leider, 'POST', `/besluiten/${id}/uitkomst`, { outcome: 'misschien' }, version),
      400,
      'bad_input',
    );
    const closed = await call(leider, 'POST', `/besluiten/${id}/uitkomst`, { outcome: 'aangehouden' }, version);
    expect(closed.body['outcome']).toEqual({ kind: 'aangehouden', on: '2026-11-23' });
    refusedWith(
      await call(
        leider,
        'POST',
        `/besluiten/${id}/verplaatsen`,
        { level: 'regiegroep' },
        String(closed.body['version']),
      ),
      409,
      'not_possible',
    );
  });

  it('answers bad proposals, unknown decisions and a member moving with a clear 4xx', async () => {
    refusedWith(
      await call(member, 'POST', '/besluiten', { title: '', proposal: 'x', werkgroep: wg.id, level: 'werkgroep' }),
      400,
      'bad_input',
    );
    refusedWith(
      await call(member, 'POST', '/besluiten', { title: 'x', proposal: 'y', werkgroep: wg.id }),
      400,
      'bad_input',
    );
    refusedWith(
      await call(member, 'POST', '/besluiten', { title: 'x', proposal: 'y', werkgroep: 'nergens', level: 'werkgroep' }),
      400,
      'bad_input',
    );
    refusedWith(await call(leider, 'POST', '/besluiten/B-bestaat-niet/intrekken', undefined, 'v'), 404, 'not_found');
    const made = await propose();
    refusedWith(
      await call(
        member,
        'POST',
        `/besluiten/${String(made.body['id'])}/verplaatsen`,
        { level: 'projectgroep' },
        String(made.body['version']),
      ),
      403,
      'forbidden',
    );
  });
});
