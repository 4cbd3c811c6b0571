import { describe, expect, it } from 'vitest';
import { validateDecision } from '../../domain/work/decisions.ts';
import { loadProgrammeFile } from '../files/programme-file.ts';
import { indicatorTrend } from '../../domain/work/indicators.ts';
import { seedActions, seedDecisions, seedMeasurements, seedUpdates } from './seed.ts';
import { meetingOccurrences } from '../../domain/bot/rhythm.ts';
import { validateUpdate, valuesOf, type ProgressUpdate } from '../../domain/bot/update.ts';

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

describe('seed updates for a local start', () => {
  it('are valid updates for the next regiegroep from half the werkgroepen, one with a decision needed', async () => {
    const loaded = await loadProgrammeFile('programmes/blnp.yaml');
    if (!loaded.ok) throw new Error('blnp.yaml does not load');
    const p = loaded.programme;
    const now = new Date('2026-11-29T12:00:00Z');
    const updates = seedUpdates(p, now);
    const werkgroepen = p.bodies.filter((b) => b.kind === 'werkgroep');
    expect(updates).toHaveLength(Math.floor(werkgroepen.length / 2));
    const next = meetingOccurrences(p).find((m) => m.bodyIds.includes('regiegroep') && m.start > now);
    expect(next).toBeDefined();
    expect(new Set(updates.map((u) => u.period))).toEqual(new Set([next?.key]));
    for (const u of updates) {
      const wg = werkgroepen.find((w) => w.id === u.werkgroep);
      expect(wg?.kind === 'werkgroep' ? wg.trekker : undefined).toBe(u.submittedBy);
      expect(u.submittedAt.getTime()).toBeLessThan(now.getTime());
      // What the bot would have stored: the same update comes back through the card's validation.
      const update = u.data as unknown as ProgressUpdate;
      const v = validateUpdate(valuesOf(update), { programme: p, knownActionIds: new Set() }, 'nl');
      expect(v.ok ? v.update : v.errors).toEqual(update);
    }
    expect(updates.filter((u) => u.data['decisionsNeeded']).length).toBeGreaterThanOrEqual(1);
    expect(seedUpdates(p, now)).toEqual(updates);
  });
});
