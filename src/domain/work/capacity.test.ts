import { describe, expect, it } from 'vitest';
import type { Cadence } from '../programme/schema.ts';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import { capacity } from './capacity.ts';
import { action, workProgramme } from './testing.ts';

const today = '2024-03-01';
const actions = [
  action('b1', { owners: ['bram'], due: '2024-02-28' }), // overdue
  action('b2', { owners: ['bram'], status: 'gereed', due: '2024-01-01' }), // done: neither open nor overdue
  action('c1', { owners: ['cor', 'bram'], due: today }), // due today is not overdue
  action('c2', { owners: ['cor'], status: 'wacht', due: '2024-02-01' }), // overdue
  action('c3', { owners: ['cor'], deleted: true }),
];

describe('capacity', () => {
  it('counts open and overdue actions and memberships, flags who is over, highest ratio first', () => {
    const loads = capacity(workProgramme(), actions, today);
    expect(
      loads.map((l) => [
        l.personId,
        l.openActions,
        l.overdueActions,
        l.werkgroepen,
        l.loadHours,
        l.hoursPerWeek,
        l.overLimit,
      ]),
    ).toEqual([
      ['bram', 2, 1, ['financien', 'ict'], 6, 4, true], // 2×1 + 2×2 = 6 > 4
      ['cor', 2, 1, ['financien', 'ict'], 6, 8, false],
      ['dora', 0, 0, ['besturingsfilosofie'], 2, 8, false],
      ['anna', 0, 0, ['verrekenmodel'], 2, 24, false],
    ]);
    expect(loads[0]!.ratio).toBe(1.5);
  });

  it('uses the configured hours per action and per membership', () => {
    const loads = capacity(workProgramme(), actions, today, { hoursPerAction: 2, hoursPerMembership: 1 });
    const cor = loads.find((l) => l.personId === 'cor')!;
    expect(cor.loadHours).toBe(6); // 2×2 + 2×1
    expect(
      capacity(workProgramme(), actions, today, { hoursPerAction: 3 }).find((l) => l.personId === 'cor')!.overLimit,
    ).toBe(true); // 10 > 8
  });
});

describe('capacity counts the meetings people attend', () => {
  // Weekly on Monday, an hour, for the projectgroep Harmonisatie (anna, bram, cor). In the 13 weeks from 2024-03-01
  // there are 13 Mondays; Tweede Paasdag (2024-04-01) and Tweede Pinksterdag (2024-05-20) are skipped: 11 hours
  // over 13 weeks.
  const weekly: Cadence = {
    id: 'pg-harmonisatie',
    name: 'Projectgroep Harmonisatie',
    bodies: ['harmonisatie'],
    audience: 'members',
    audiences: [],
    rule: { type: 'weekly', interval: 1, weekday: 'monday' },
    start: '10:00',
    durationMinutes: 60,
    timeZone: 'Europe/Amsterdam',
    holidays: 'skip',
    from: '2024-01-01',
    until: '2024-12-31',
  };
  // Everyone, once, two hours, on 2024-04-10: 2 h over 13 weeks = 0.15 → 0.2 h a week.
  const gathering: Cadence = {
    ...weekly,
    id: 'bijeenkomst',
    name: 'Bijeenkomst',
    bodies: ['inrichting'],
    audience: 'everyone',
    rule: { type: 'dates', dates: ['2024-04-10', '2025-01-15'] },
    durationMinutes: 120,
  };

  it("adds each person's meeting hours per week to the load (the projectleider's too)", () => {
    const programme = { ...workProgramme(), cadences: [weekly, gathering] };
    const without = capacity(workProgramme(), actions, today);
    const loads = capacity(programme, actions, today);
    const row = (id: string) => loads.find((l) => l.personId === id)!;
    const before = (id: string) => without.find((l) => l.personId === id)!;
    expect(row('anna').meetingHours).toBe(1); // 11/13 + 2/13 = 13/13
    expect(row('anna').loadHours).toBe(before('anna').loadHours + 1);
    expect(row('bram').meetingHours).toBe(1);
    expect(row('dora').meetingHours).toBe(0.2); // the gathering only
    expect(row('dora').loadHours).toBe(2.2);
    expect(before('anna').meetingHours).toBe(0);
  });

  it("includes BLNP's meetings in the projectleider's load", async () => {
    const p = await loadProgramme('blnp');
    const day = '2026-11-23';
    const pl = p.people.find((x) => x.roles.includes('projectleider'))!;
    const load = capacity(p, [], day).find((l) => l.personId === pl.id)!;
    // Regiegroep (monthly, 90 min), both projectgroepen (fortnightly, 90 min), their joint meeting (every six
    // weeks, 120 min), the stuurgroep-plus (quarterly) and the projectteam's gathering for everyone: well over an
    // hour and a half a week on top of the memberships alone.
    expect(load.meetingHours).toBeGreaterThan(1.5);
    expect(load.loadHours).toBeCloseTo(load.werkgroepen.length * 2 + load.meetingHours, 5);
    const noMeetings = capacity({ ...p, cadences: [] }, [], day).find((l) => l.personId === pl.id)!;
    expect(noMeetings.meetingHours).toBe(0);
    expect(load.loadHours).toBeGreaterThan(noMeetings.loadHours);
  });
});
