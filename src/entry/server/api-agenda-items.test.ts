// The projectleider composes a meeting's agenda over HTTP (issue 18 §2): order, add, remove (kept as removed) and
// restore items, each over the version read (If-Match); a second edit on a stale version is refused with 409 and
// loses nothing; a werkgroep member is refused with 403 and a message saying who may; bad input is a 4xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIssuer } from '../../adapters/auth/testing.ts';
import { MEMORY, openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import type { AgendaResponse } from '../../app/contract.ts';
import { both } from '../../domain/i18n.ts';
import type { Person, Programme } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { serveApi, type ApiServer } from '../../../tests/helpers/api-server.ts';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';

let p: Programme;
let store: Store;
let api: ApiServer;
const tokens: Record<'pl' | 'member', string> = { pl: '', member: '' };
const Q = 'body=pg-harmonisatie&date=';
let date = '';

type Answer = { status: number; body: Record<string, unknown> };
async function call(who: 'pl' | 'member', method: string, path: string, body?: unknown, version?: number) {
  const res = await fetch(`${api.base}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${tokens[who]}`,
      'content-type': 'application/json',
      ...(version === undefined ? {} : { 'if-match': `"${String(version)}"` }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> } satisfies Answer;
}
const agenda = async (who: 'pl' | 'member' = 'pl') =>
  (await call(who, 'GET', `/agenda?${Q}${date}`)).body as unknown as AgendaResponse;
const shown = (a: AgendaResponse) => a.items.map((i) => (i.removed ? `(${i.id})` : i.id));

beforeAll(async () => {
  p = await loadProgramme('blnp');
  const clock = new FixedClock('2026-11-23T10:00:00Z');
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  const issuer = await testIssuer();
  const tokenOf = (person: Person | undefined) => {
    const tid = p.gemeenten.find((g) => g.id === person?.gemeente)?.tenantId;
    if (!person || !tid) throw new Error('BLNP has this person in a tenant');
    return issuer.userToken(tid, person.upn, clock.now());
  };
  tokens.pl = await tokenOf(p.people.find((x) => x.roles.includes('projectleider')));
  tokens.member = await tokenOf(
    p.people.find(
      (x) =>
        !x.roles.includes('projectleider') && p.bodies.some((b) => b.kind === 'werkgroep' && b.members.includes(x.id)),
    ),
  );
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
  date = ((await call('pl', 'GET', '/agenda?body=pg-harmonisatie')).body as unknown as AgendaResponse).meeting.date;
});

afterAll(async () => {
  await api.close();
  await store.close();
});

describe('composing the agenda', () => {
  it("the projectleider orders, adds, removes and restores; every reader sees the projectleider's order", async () => {
    const start = await agenda();
    expect([start.version, start.mayEdit]).toEqual([0, true]);
    const werkgroepen = p.bodies.filter((b) => b.kind === 'werkgroep' && b.projectgroep === 'pg-harmonisatie');
    expect(shown(start)).toEqual(werkgroepen.map((w) => `werkgroep:${w.id}`));

    const reversed = shown(start).reverse();
    const ordered = await call('pl', 'PUT', '/agenda/punten', { body: 'pg-harmonisatie', date, order: reversed }, 0);
    expect(ordered.status).toBe(200);
    expect(shown(ordered.body as unknown as AgendaResponse)).toEqual(reversed);

    const added = await call(
      'pl',
      'POST',
      '/agenda/punten',
      { body: 'pg-harmonisatie', date, title: ' Rondvraag ', note: 'Vijf minuten' },
      1,
    );
    expect(added.status).toBe(201);
    expect(added.body['added']).toBe('punt:1');
    expect((added.body as unknown as AgendaResponse).items.at(-1)).toEqual({
      id: 'punt:1',
      kind: 'punt',
      title: 'Rondvraag',
      note: 'Vijf minuten',
      removed: false,
    });

    const first = reversed[0] ?? '';
    const removed = await call(
      'pl',
      'DELETE',
      `/agenda/punten/${encodeURIComponent(first)}?${Q}${date}`,
      undefined,
      3 - 1,
    );
    expect(removed.status).toBe(200);
    expect(shown(removed.body as unknown as AgendaResponse)).toEqual([`(${first})`, ...reversed.slice(1), 'punt:1']);

    const member = await agenda('member');
    expect(member.mayEdit).toBe(false);
    expect(shown(member)).toEqual([`(${first})`, ...reversed.slice(1), 'punt:1']);

    const restored = await call('pl', 'POST', `/agenda/punten/${first}/herstellen?${Q}${date}`, undefined, 3);
    expect(restored.status).toBe(200);
    expect(shown(restored.body as unknown as AgendaResponse)).toEqual([...reversed, 'punt:1']);
    expect((restored.body as unknown as AgendaResponse).version).toBe(4);
  });

  it('refuses an edit on a stale version with 409 and keeps the edit that landed first', async () => {
    const now = await agenda();
    const one = await call(
      'pl',
      'POST',
      '/agenda/punten',
      { body: 'pg-harmonisatie', date, title: 'Eerste' },
      now.version,
    );
    const two = await call(
      'pl',
      'POST',
      '/agenda/punten',
      { body: 'pg-harmonisatie', date, title: 'Tweede' },
      now.version,
    );
    expect([one.status, two.status]).toEqual([201, 409]);
    expect(two.body['error']).toBe('changed');
    expect(String(two.body['message'])).toMatch(/intussen gewijzigd.*versie \d+.* \/ .*changed meanwhile/);
    const after = await agenda();
    expect(after.items.map((i) => i.title)).toContain('Eerste');
    expect(after.items.map((i) => i.title)).not.toContain('Tweede');
    expect(after.version).toBe(now.version + 1);
  });

  it('refuses a werkgroep member with 403 saying only the projectleider composes the agenda; nothing changes', async () => {
    const before = await agenda();
    const attempts = [
      await call(
        'member',
        'PUT',
        '/agenda/punten',
        { body: 'pg-harmonisatie', date, order: shown(before) },
        before.version,
      ),
      await call(
        'member',
        'POST',
        '/agenda/punten',
        { body: 'pg-harmonisatie', date, title: 'Mijn punt' },
        before.version,
      ),
      await call('member', 'DELETE', `/agenda/punten/punt:1?${Q}${date}`, undefined, before.version),
    ];
    for (const a of attempts) {
      expect(a.status).toBe(403);
      expect(a.body['message']).toBe(both('agendaItems.notEditor'));
    }
    expect(await agenda()).toEqual(before);
  });

  const bad: [string, () => Promise<Answer>, number, string, RegExp][] = [
    [
      'no If-Match',
      () => call('pl', 'POST', '/agenda/punten', { body: 'pg-harmonisatie', date, title: 'X' }),
      428,
      'version_required',
      /If-Match/,
    ],
    [
      'a version that is no number',
      async () => {
        const res = await fetch(`${api.base}/api/agenda/punten`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens.pl}`, 'content-type': 'application/json', 'if-match': '"abc"' },
          body: JSON.stringify({ body: 'pg-harmonisatie', date, title: 'X' }),
        });
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      },
      400,
      'bad_input',
      /If-Match: abc/,
    ],
    [
      'an empty title',
      async () =>
        call('pl', 'POST', '/agenda/punten', { body: 'pg-harmonisatie', date, title: '  ' }, (await agenda()).version),
      400,
      'bad_input',
      /title/,
    ],
    [
      'an order missing an item',
      async () => {
        const a = await agenda();
        return call(
          'pl',
          'PUT',
          '/agenda/punten',
          { body: 'pg-harmonisatie', date, order: a.items.slice(1).map((i) => i.id) },
          a.version,
        );
      },
      400,
      'bad_input',
      /ontbreekt: werkgroep:/,
    ],
    [
      'an item not on the agenda',
      async () =>
        call('pl', 'DELETE', `/agenda/punten/besluit:B-onbekend?${Q}${date}`, undefined, (await agenda()).version),
      404,
      'not_found',
      /besluit:B-onbekend/,
    ],
    [
      'restoring an item not removed',
      async () =>
        call('pl', 'POST', `/agenda/punten/punt:1/herstellen?${Q}${date}`, undefined, (await agenda()).version),
      409,
      'not_possible',
      /niet van de agenda gehaald/,
    ],
    [
      'a date without a meeting',
      async () => call('pl', 'POST', '/agenda/punten', { body: 'pg-harmonisatie', date: '2026-12-25', title: 'X' }, 0),
      404,
      'not_found',
      /vergadert niet op 2026-12-25/,
    ],
  ];
  for (const [what, run, status, code, detail] of bad)
    it(`refuses ${what} with ${String(status)} ${code}, Dutch first and English after`, async () => {
      const before = (await agenda()).version;
      const r = await run();
      expect(r.status).toBe(status);
      expect(r.body['error']).toBe(code);
      expect(String(r.body['message'])).toMatch(detail);
      expect(String(r.body['message']).split(' / ')).toHaveLength(2);
      expect((await agenda()).version).toBe(before);
    });
});
