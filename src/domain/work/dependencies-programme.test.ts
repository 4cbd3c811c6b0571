import { describe, expect, it } from 'vitest';
import type { Programme } from '../programme/schema.ts';
import { blockedChains, dependencyMet } from './dependencies.ts';
import type { Decision } from './model.ts';

const phases: Programme['phases'] = [
  { number: 1, name: 'Voorbereiding', start: '2026-01-01', end: '2026-03-31', owner: [], involved: [] },
  { number: 2, name: 'Uitwerking', start: '2026-04-01', end: '2026-09-30', owner: [], involved: [] },
];

const decision = (id: string, overrides: Partial<Decision> = {}): Decision => ({
  id,
  title: `Besluit ${id}`,
  proposal: 'Voorstel',
  werkgroep: 'wg-a',
  route: ['werkgroep', 'regiegroep'],
  steps: [{ level: 'werkgroep', reachedOn: '2026-02-01' }],
  blocks: [],
  ...overrides,
});
const taken = decision('b-taken', { outcome: { kind: 'besloten', on: '2026-03-01' } });
const open = decision('b-open');

describe('programme dependencies on phases and besluiten', () => {
  it('a phase dependency is met once the phase has ended, not on its last day', () => {
    expect(dependencyMet({ phase: 1 }, phases, [], '2026-03-31')).toBe(false);
    expect(dependencyMet({ phase: 1 }, phases, [], '2026-04-01')).toBe(true);
    expect(dependencyMet({ phase: 9 }, phases, [], '2030-01-01')).toBe(false);
  });

  it('a besluit dependency is met once the decision is taken; an open or unknown one is not', () => {
    expect(dependencyMet({ besluit: 'b-taken' }, phases, [taken, open], '2026-04-01')).toBe(true);
    expect(dependencyMet({ besluit: 'b-open' }, phases, [taken, open], '2026-04-01')).toBe(false);
    expect(dependencyMet({ besluit: 'b-gone' }, phases, [taken, open], '2026-04-01')).toBe(false);
    expect(dependencyMet('wg-b', phases, [taken, open], '2026-04-01')).toBe(false);
  });

  it('blocked chains show a werkgroep waiting on an open phase or decision, and drop the wait once it is met', () => {
    const programme = {
      phases,
      dependencies: [
        { werkgroep: 'wg-a', waitsOn: [{ phase: 2 }, { besluit: 'b-open' }, { besluit: 'b-taken' }] },
        { werkgroep: 'wg-c', waitsOn: [{ phase: 1 }] },
      ],
    };
    const chains = (today: string) =>
      blockedChains(programme, [], [taken, open], today).map((c) => c.items.map((i) => `${i.kind}:${i.id}`));
    expect(chains('2026-05-01')).toEqual([
      ['werkgroep:wg-a', 'decision:b-open'],
      ['werkgroep:wg-a', 'phase:2'],
    ]);
    expect(chains('2026-10-01')).toEqual([['werkgroep:wg-a', 'decision:b-open']]);
    expect(chains('2026-03-15')).toContainEqual(['werkgroep:wg-c', 'phase:1']);
  });
});
