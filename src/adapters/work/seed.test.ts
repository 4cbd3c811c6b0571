import { describe, expect, it } from 'vitest';
import { validateDecision } from '../../domain/work/decisions.ts';
import { loadProgrammeFile } from '../files/programme-file.ts';
import { indicatorTrend } from '../../domain/work/indicators.ts';
import { seedActions, seedDecisions, seedMeasurements } from './seed.ts';

describe('seed data for a local start', () => {
  it("is realistic in size, valid, deterministic, and uses only the programme's people", async () => {
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

    // Four quarterly values per indicator, all in the past, percentages within 0–100, trends both ways.
    const measured = seedMeasurements(p, '2026-11-23');
    expect(measured).toHaveLength(p.indicators.length * 4);
    expect(seedMeasurements(p, '2026-11-23')).toEqual(measured);
    expect(measured.every((m) => m.on < '2026-11-23' && Number.isFinite(m.value))).toBe(true);
    expect(
      measured
        .filter((m) => /procent/.test(p.indicators.find((i) => i.id === m.indicatorId)?.unit ?? ''))
        .every((m) => m.value >= 0 && m.value <= 100),
    ).toBe(true);
    const directions = p.indicators.map(
      (i) =>
        indicatorTrend(
          measured.filter((m) => m.indicatorId === i.id).map((m) => ({ on: m.on, value: m.value })),
          i.better,
        ).direction,
    );
    expect(directions).toContain('beter');
    expect(directions.every((d) => d !== 'onbekend')).toBe(true);
  });
});
