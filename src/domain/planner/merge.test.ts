import { describe, expect, it } from 'vitest';
import { mergeAction, type ActionFields } from './merge.ts';

const base: ActionFields = {
  title: 'Inventarisatie applicaties',
  due: '2026-12-01',
  status: 'open',
  ks: ['kwetsbaarheid'],
  owners: ['bram'],
  notes: '',
};

describe('mergeAction', () => {
  it('takes each side for the fields only it changed', () => {
    const store = { ...base, due: '2026-12-15' };
    const planner = { ...base, status: 'loopt' as const, ks: ['kwetsbaarheid' as const, 'kosten' as const] };
    const r = mergeAction(base, store, planner);
    expect(r.merged).toEqual({ ...base, due: '2026-12-15', status: 'loopt', ks: ['kosten', 'kwetsbaarheid'] });
    expect(r.toPlanner).toEqual(['due']);
    expect(r.toStore).toEqual(['status', 'ks']);
    expect(r.conflicts).toEqual([]);
  });

  it('the same field changed on both sides: Planner wins and the conflict keeps both values', () => {
    const r = mergeAction(
      base,
      { ...base, title: 'Inventarisatie (Regiekamer)' },
      { ...base, title: 'Inventarisatie (Planner)' },
    );
    expect(r.merged.title).toBe('Inventarisatie (Planner)');
    expect(r.conflicts).toEqual([
      { field: 'title', ours: 'Inventarisatie (Regiekamer)', theirs: 'Inventarisatie (Planner)' },
    ]);
    expect(r.toPlanner).toEqual([]);
  });

  it('both sides making the same change is no conflict; no change is nothing to write', () => {
    const r = mergeAction(base, { ...base, status: 'gereed' }, { ...base, status: 'gereed' });
    expect(r).toMatchObject({ conflicts: [], toPlanner: [], toStore: [] });
    expect(mergeAction(base, base, base)).toMatchObject({ toPlanner: [], toStore: [], conflicts: [] });
  });

  it("never synced: the store is the base, so Planner's differences win only where the store had nothing new", () => {
    const r = mergeAction(undefined, base, { ...base, notes: 'uit Planner' });
    expect(r.merged.notes).toBe('uit Planner');
  });
});
