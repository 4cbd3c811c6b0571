// The quarterly bijeenkomst against the local tenant (issue 16 §4): a cadence's audiences invite groups by address
// besides programme people. The plan names the addresses, apply creates the meetings with them (the local tenant
// accepts an address that is no user, as Exchange does a distribution group), and a second plan finds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayFixture, testProgramme, type GatewayFixture } from '../../tests/support/local-tenant.ts';
import { events } from '../adapters/graph/endpoints/calendar.ts';
import { openStore } from '../adapters/store/open.ts';
import type { Store } from '../adapters/store/store.ts';
import { graphSync } from '../adapters/sync/graph.ts';
import { t, type MessageKey } from '../domain/i18n.ts';
import { ProgrammeSchema, type Programme } from '../domain/programme/schema.ts';
import { FixedClock } from '../domain/time/clock.ts';
import { runSync } from './sync.ts';

const clock = new FixedClock('2026-03-02T08:00:00Z');
const ORGANIZER = 'regiekamer@alfa.example';

/** testProgramme() with an OR-platform (informed, by address), two audiences and two bijeenkomst cadences. */
function withBijeenkomst(addresses: string[]): Programme {
  const base = testProgramme();
  return ProgrammeSchema.parse({
    ...base,
    bodies: [
      ...base.bodies,
      { id: 'or', kind: 'ondernemingsraad', name: 'OR-platform', members: ['dora'], address: 'or@alfa.example' },
    ],
    audiences: [
      // Bram's own address is in the list too: he is invited once, as a programme person.
      { id: 'medewerkers', name: 'Medewerkers Alfa en Beta', addresses: [...addresses, 'B.Beta@beta.example'] },
      { id: 'or-platform', name: 'OR-platform', bodies: ['or'] },
    ],
    cadences: [
      {
        id: 'bijeenkomst',
        name: 'Bijeenkomst voor alle betrokkenen',
        bodies: ['regiegroep'],
        audiences: ['medewerkers', 'or-platform'],
        rule: { type: 'monthly', interval: 3, week: 'third', weekday: 'thursday' },
        start: '15:30',
        durationMinutes: 150,
        holidays: 'skip',
        from: '2026-01-05',
        until: '2026-12-31',
      },
      {
        id: 'viering',
        name: 'Viering fase 1',
        bodies: ['regiegroep'],
        audiences: ['medewerkers'],
        rule: { type: 'dates', dates: ['2026-06-25'] },
        start: '16:00',
        durationMinutes: 90,
        holidays: 'skip',
        from: '2026-01-01',
        until: '2026-12-31',
      },
    ],
  });
}

const GROUPS = ['alle-medewerkers@alfa.example', 'iedereen@beta.example'];

let f: GatewayFixture;
let store: Store;
beforeAll(async () => {
  f = await startGatewayFixture({ programme: withBijeenkomst(GROUPS) });
  store = await openStore({ dataDir: 'memory://' });
  await store.migrate();
});
afterAll(async () => {
  await f?.close();
  await store?.close();
});

const deps = (programme: Programme) => ({
  graph: graphSync(f.graph.gateway, { pollDelayMs: 50 }),
  store,
  programme,
  clock,
});
const meetingChanges = async (programme: Programme) =>
  (await runSync(deps(programme), 'plan')).changes.filter((c) => c.kind === 'meeting' || c.kind === 'occurrence');
const addressesOf = (event: unknown): [string, string][] =>
  (
    ((event as Record<string, unknown>)['attendees'] ?? []) as {
      emailAddress: { address: string };
      type: string;
    }[]
  ).map((a) => [a.emailAddress.address, a.type]);

describe('a bijeenkomst with audiences in the local tenant', () => {
  it(
    'plans, creates and then leaves alone the meetings with the groups as attendees',
    { timeout: 120_000 },
    async () => {
      const programme = withBijeenkomst(GROUPS);
      const planned = await meetingChanges(programme);
      const creates = planned.filter((c) => c.action === 'create');
      expect(creates.map((c) => c.target)).toEqual([
        'Bijeenkomst voor alle betrokkenen',
        'Viering fase 1 (2026-06-25)',
      ]);
      // The plan names the groups invited by address, in words.
      expect(creates.map((c) => t(c.reason.key as MessageKey, c.reason.params, 'nl'))).toEqual([
        'terugkerende Teams-vergadering vanaf 2026-01-15; ook uitgenodigd op adres: alle-medewerkers@alfa.example, iedereen@beta.example, or@alfa.example',
        'Teams-vergadering op 2026-06-25; ook uitgenodigd op adres: alle-medewerkers@alfa.example, iedereen@beta.example',
      ]);
      const series = creates[0]?.apply.op === 'createMeeting' ? creates[0].apply.event : {};
      expect(addressesOf(series)).toEqual([
        ['anna@alfa.example', 'required'],
        ['b.beta@beta.example', 'required'],
        ['dora@delta.example', 'required'],
        ['alle-medewerkers@alfa.example', 'optional'],
        ['iedereen@beta.example', 'optional'],
        ['or@alfa.example', 'optional'],
      ]);

      const applied = await runSync(deps(programme), 'apply');
      expect(applied.outcomes.filter((o) => o.status === 'failed').map((o) => o.change.id)).toEqual([]);
      const listed = await f.graph.gateway.request<{ value: { subject: string; attendees: unknown[] }[] }>(
        programme.gemeenten.find((g) => g.host)?.tenantId ?? '',
        events.list(ORGANIZER, { select: ['subject', 'attendees'] }),
      );
      const bySubject = new Map(listed.body.value.map((e) => [e.subject, e]));
      expect(addressesOf(bySubject.get('Bijeenkomst voor alle betrokkenen')).map(([a]) => a)).toContain(
        'iedereen@beta.example',
      );
      expect(addressesOf(bySubject.get('Viering fase 1')).map(([a]) => a)).toEqual([
        'anna@alfa.example',
        'b.beta@beta.example',
        'alle-medewerkers@alfa.example',
        'iedereen@beta.example',
      ]);
      expect(await meetingChanges(programme)).toEqual([]);

      // A group taken out of the audience is taken out of both meetings' attendees, and then nothing is left to do.
      const fewer = withBijeenkomst(GROUPS.slice(0, 1));
      const changed = await meetingChanges(fewer);
      expect(changed.map((c) => [c.action, c.target])).toEqual([
        ['update', 'Bijeenkomst voor alle betrokkenen'],
        ['update', 'Viering fase 1 (2026-06-25)'],
      ]);
      await runSync(deps(fewer), 'apply');
      expect(await meetingChanges(fewer)).toEqual([]);
    },
  );
});
