// The overview API's milestones (issue 16 §1): BLNP's milestones by date, each reached once the programme's own
// date (Europe/Amsterdam, not UTC) has come — at 00:30 in Amsterdam on 15 December the regiegroep's GR milestone of
// that day is reached although UTC still says 14 December.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMORY, openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import { today } from '../sync.ts';
import { overview } from './overview.ts';

let p: Programme;
let store: Store;

beforeAll(async () => {
  p = await loadProgramme('blnp');
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
});
afterAll(async () => {
  await store.close();
});

const at = async (iso: string) => {
  const clock = new FixedClock(iso);
  return overview({ store, programme: p, clock, today: () => today(p, clock) });
};

describe('milestones in the overview', () => {
  it("sends BLNP's milestones by date with their phase and whether they are celebrated", async () => {
    const o = await at('2026-11-23T10:00:00Z');
    const milestones = o.milestones ?? [];
    expect(milestones.map((m) => m.date)).toEqual([...milestones.map((m) => m.date)].sort());
    expect(milestones.find((m) => m.id === 'besluit-gr')).toEqual({
      id: 'besluit-gr',
      date: '2026-12-15',
      title: 'Colleges en raden besluiten over de gemeenschappelijke regeling',
      phase: 3,
      celebrate: true,
      reached: false,
    });
    expect(milestones.find((m) => m.id === 'nieuwe-organisatie-live')).toMatchObject({ phase: null, celebrate: true });
    expect(milestones.filter((m) => m.reached).map((m) => m.id)).toEqual([
      'principebesluit',
      'veranderorganisatie-ingericht',
      'uitwerking-gereed',
    ]);
  });

  it("counts a milestone reached from the programme's own date, not UTC's", async () => {
    const before = await at('2026-12-14T22:30:00Z'); // 23:30 in Amsterdam, 14 December
    expect(before.milestones?.find((m) => m.id === 'besluit-gr')?.reached).toBe(false);
    const after = await at('2026-12-14T23:30:00Z'); // 00:30 in Amsterdam, 15 December; UTC: still the 14th
    expect(after.today).toBe('2026-12-15');
    expect(after.milestones?.find((m) => m.id === 'besluit-gr')?.reached).toBe(true);
  });
});

describe('the next meetings in the overview', () => {
  it('lists each body’s next meeting soonest first, with the programme’s time zone to show them in', async () => {
    const o = await at('2026-11-23T10:00:00Z');
    expect(o.meetings.length).toBeGreaterThan(3);
    expect(o.meetings.map((m) => m.start)).toEqual([...o.meetings.map((m) => m.start)].sort());
    expect(new Set(o.meetings.map((m) => m.body)).size).toBe(o.meetings.length);
    expect(o.timeZone).toBe('Europe/Amsterdam');
  });
});
