import { describe, expect, it } from 'vitest';
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
