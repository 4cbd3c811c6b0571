// Single dates against the local tenant: each date is its own Teams meeting; adding a date adds one meeting, moving
// a date moves that meeting (same event, so its chat stays), and a second plan finds nothing — also for a meeting
// just after midnight, whose UTC date is the day before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayFixture, testProgramme, type GatewayFixture } from '../../tests/support/local-tenant.ts';
import { events } from '../adapters/graph/endpoints/calendar.ts';
import { openStore } from '../adapters/store/open.ts';
import type { Store } from '../adapters/store/store.ts';
import { graphSync } from '../adapters/sync/graph.ts';
import { ProgrammeSchema, type Programme } from '../domain/programme/schema.ts';
import { FixedClock } from '../domain/time/clock.ts';
import { runSync } from './sync.ts';

const clock = new FixedClock('2026-03-02T08:00:00Z');
// 2026-04-27 is Koningsdag (a Monday): the meeting moves to Tuesday 28 April.
const dates = ['2026-04-27', '2026-05-12', '2026-06-09', '2026-07-07'];

function withDates(list: string[]): Programme {
  const base = testProgramme();
  return ProgrammeSchema.parse({
    ...base,
    cadences: [
      {
        id: 'nacht',
        name: 'Regiegroep nachtoverleg',
        bodies: ['regiegroep'],
        rule: { type: 'dates', dates: list },
        start: '00:30',
        durationMinutes: 60,
        holidays: 'next-working-day',
        from: '2026-01-01',
        until: '2026-12-31',
      },
    ],
  });
}

let f: GatewayFixture;
let store: Store;
beforeAll(async () => {
  f = await startGatewayFixture({ programme: withDates(dates) });
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

describe('single dates in the local tenant', () => {
  it('adds one meeting for a new date and moves one meeting for a moved date', { timeout: 120_000 }, async () => {
    const first = await runSync(deps(withDates(dates)), 'apply');
    expect(first.outcomes.filter((o) => o.status === 'failed').map((o) => o.change.id)).toEqual([]);
    expect(first.changes.filter((c) => c.kind === 'meeting').map((c) => c.target)).toEqual([
      'Regiegroep nachtoverleg (2026-04-28)',
      'Regiegroep nachtoverleg (2026-05-12)',
      'Regiegroep nachtoverleg (2026-06-09)',
      'Regiegroep nachtoverleg (2026-07-07)',
    ]);
    expect(await meetingChanges(withDates(dates))).toEqual([]);

    const added = [...dates, '2026-06-23'];
    const adding = await meetingChanges(withDates(added));
    expect(adding.map((c) => [c.action, c.target])).toEqual([['create', 'Regiegroep nachtoverleg (2026-06-23)']]);
    await runSync(deps(withDates(added)), 'apply');

    const moved = added.map((x) => (x === '2026-05-12' ? '2026-05-19' : x));
    const moving = await meetingChanges(withDates(moved));
    expect(moving.map((c) => [c.action, c.reason.params])).toEqual([
      ['move', { from: '2026-05-12', to: '2026-05-19' }],
    ]);
    const eventId = moving[0]?.apply.op === 'updateMeeting' ? moving[0].apply.eventId : '';
    const applied = await runSync(deps(withDates(moved)), 'apply');
    expect(applied.outcomes.filter((o) => o.status === 'failed')).toEqual([]);
    const event = await f.graph.gateway.request<{ start: { dateTime: string } }>(programmeHost(), {
      ...events.get('regiekamer@alfa.example', eventId, { select: ['start'] }),
      headers: { Prefer: 'outlook.timezone="Europe/Amsterdam"' },
    });
    expect(event.body.start.dateTime.slice(0, 16)).toBe('2026-05-19T00:30');
    expect(await meetingChanges(withDates(moved))).toEqual([]);
  });
});

function programmeHost(): string {
  return testProgramme().gemeenten.find((g) => g.host)?.tenantId ?? '';
}
