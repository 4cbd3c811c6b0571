// GET /api/agenda over HTTP (issue 18 §2): the next regiegroep's agenda by the injected clock, and bad input — an
// unknown body, a body without agendas, a date that does not exist or has no meeting, an unknown parameter —
// refused with a 4xx whose message is Dutch first with English, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIssuer } from '../../adapters/auth/testing.ts';
import { MEMORY, openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import type { AgendaResponse } from '../../app/contract.ts';
import { both } from '../../domain/i18n.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { serveApi, type ApiServer } from '../../../tests/helpers/api-server.ts';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';

let p: Programme;
let store: Store;
let api: ApiServer;
let token: string;
let clock: FixedClock;
let mintToken: (now: Date) => Promise<string>;

async function get(query: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${api.base}/api/agenda${query}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  p = await loadProgramme('blnp');
  clock = new FixedClock('2026-11-23T10:00:00Z');
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  const issuer = await testIssuer();
  const pl = p.people.find((x) => x.roles.includes('projectleider'));
  const tid = p.gemeenten.find((g) => g.id === pl?.gemeente)?.tenantId;
  if (!pl || !tid) throw new Error('BLNP has a projectleider in a tenant');
  mintToken = (now) => issuer.userToken(tid, pl.upn, now);
  token = await mintToken(clock.now());
  api = await serveApi({
    store,
    programme: p,
    clock,
    today: () => '2026-11-23',
    validate: issuer.validator(
      p.gemeenten.flatMap((g) => (g.tenantId ? [g.tenantId] : [])),
      clock,
    ),
  });
});

afterAll(async () => {
  await api.close();
  await store.close();
});

describe('GET /api/agenda', () => {
  it("without parameters: the regiegroep's next meeting by the clock, every werkgroep without an update yet", async () => {
    const r = await get('');
    expect(r.status).toBe(200);
    const a = r.body as unknown as AgendaResponse;
    expect([a.body.id, a.meeting.key, a.meeting.date]).toEqual(['regiegroep', 'regiegroep:2026-12-08', '2026-12-08']);
    expect(a.missingUpdates.map((m) => m.werkgroep)).toEqual(
      p.bodies.filter((b) => b.kind === 'werkgroep').map((b) => b.id),
    );
    expect(a.capacityScope).toBe('all');
  });

  const refusals: [string, number, string, RegExp][] = [
    ['?body=onbekend', 404, 'not_found', /onbekend.*regiegroep, pg-harmonisatie, pg-inrichting-gr/],
    ['?body=wg-ict', 404, 'not_found', /'wg-ict' is geen regiegroep of projectgroep/],
    ['?body=regiegroep&date=2026-12-09', 404, 'not_found', /vergadert niet op 2026-12-09/],
    ['?date=2026-02-30', 400, 'bad_input', /date/],
    ['?date=morgen', 400, 'bad_input', /date/],
    ['?body=regiegroep&body=pg-harmonisatie', 400, 'bad_input', /body/],
    ['?orgaan=regiegroep', 400, 'bad_input', /orgaan/],
  ];
  for (const [query, status, code, detail] of refusals)
    it(`refuses ${query} with ${status} ${code}, in Dutch and English`, async () => {
      const r = await get(query);
      expect(r.status).toBe(status);
      expect(r.body['error']).toBe(code);
      const message = String(r.body['message']);
      expect(message).toMatch(detail);
      const [nl, en] = message.split(' / ');
      expect(nl, 'Dutch first').not.toBe(en);
      expect(en, 'English after it').toBeTruthy();
    });

  it("refuses with 404 once the cadence's last meeting is past (the file's cadences end 2027-12-31)", async () => {
    clock.set('2028-01-05T10:00:00Z');
    const before = token;
    token = await mintToken(clock.now()); // the validator checks expiry on the same clock
    const r = await get('?body=pg-harmonisatie');
    clock.set('2026-11-23T10:00:00Z');
    token = before;
    expect(r.status).toBe(404);
    expect(r.body['message']).toBe(both('agenda.noNextMeeting', { body: 'Projectgroep Harmonisatie' }));
  });
});
