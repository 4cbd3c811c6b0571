import { describe, expect, it } from 'vitest';
import { validateDecision } from '../../domain/work/decisions.ts';
import { loadProgrammeFile } from '../files/programme-file.ts';
import { seedActions, seedDecisions } from './seed.ts';

describe('seed data for a local start', () => {
  it('is realistic in size, valid, deterministic, and uses only the programme\'s people', async () => {
    const loaded = await loadProgrammeFile('programmes/blnp.yaml');
    if (!loaded.ok) throw new Error('blnp.yaml does not load');
    const p = loaded.programme;
    const actions = seedActions(p, '2026-11-23');
    expect(actions.length).toBeGreaterThanOrEqual(150);
    expect(seedActions(p, '2026-11-23')).toEqual(actions);
    const people = new Set(p.people.map((x) => x.id));
    expect(actions.every((a) => a.fields.owners.every((o) => people.has(o)))).toBe(true);
    expect(new Set(actions.map((a) => a.fields.status))).toEqual(new Set(['open', 'loopt', 'wacht', 'gereed']));
    const decisions = seedDecisions(p, '2026-11-23', actions);
    expect(decisions).toHaveLength(12);
    for (const d of decisions) expect(() => validateDecision(d, '2026-11-23')).not.toThrow();
    expect(decisions.some((d) => d.outcome)).toBe(true);
    expect(decisions.some((d) => !d.outcome && d.blocks.length > 0)).toBe(true);
  });
});
