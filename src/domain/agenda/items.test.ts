// The agenda's items (issue 18 §2): default order from the data, the projectleider's order, added, removed and
// restored items, and the edits refused — all pure.
import { describe, expect, it } from 'vitest';
import {
  AgendaEditError,
  addItem,
  agendaItems,
  NO_EDITS,
  removeItem,
  reorder,
  restoreItem,
  type ItemSources,
} from './items.ts';

const sources: ItemSources = {
  werkgroepen: [
    { id: 'wg-ict', name: 'ICT' },
    { id: 'wg-hr', name: 'HR' },
  ],
  decisions: [{ id: 'B1', title: 'Keuze zaaksysteem' }],
};
const ids = (s: ItemSources, e = NO_EDITS) => agendaItems(s, e).map((i) => (i.removed ? `(${i.id})` : i.id));

const refusal = (f: () => unknown): AgendaEditError => {
  try {
    f();
  } catch (err) {
    if (err instanceof AgendaEditError) return err;
    throw err;
  }
  throw new Error('no AgendaEditError thrown');
};

describe('agendaItems', () => {
  it('without edits: the werkgroepen in programme order, then the waiting decisions', () => {
    expect(agendaItems(sources, NO_EDITS)).toEqual([
      { id: 'werkgroep:wg-ict', kind: 'werkgroep', title: 'ICT', removed: false },
      { id: 'werkgroep:wg-hr', kind: 'werkgroep', title: 'HR', removed: false },
      { id: 'besluit:B1', kind: 'besluit', title: 'Keuze zaaksysteem', removed: false },
    ]);
  });

  it("applies the projectleider's order; an item that reached the agenda later comes last", () => {
    const edits = reorder(sources, NO_EDITS, ['besluit:B1', 'werkgroep:wg-hr', 'werkgroep:wg-ict']);
    const later: ItemSources = { ...sources, decisions: [...sources.decisions, { id: 'B2', title: 'Budget' }] };
    expect(ids(later, edits)).toEqual(['besluit:B1', 'werkgroep:wg-hr', 'werkgroep:wg-ict', 'besluit:B2']);
  });

  it('drops an ordered item that left the agenda (a decision taken) without losing the others', () => {
    const edits = reorder(sources, NO_EDITS, ['besluit:B1', 'werkgroep:wg-hr', 'werkgroep:wg-ict']);
    expect(ids({ ...sources, decisions: [] }, edits)).toEqual(['werkgroep:wg-hr', 'werkgroep:wg-ict']);
  });
});

describe('edits', () => {
  it('adds an item at the end with its title and note, and never reuses an id', () => {
    const first = addItem(sources, NO_EDITS, { title: 'Rondvraag', note: 'kort' });
    expect(first.id).toBe('punt:1');
    expect(agendaItems(sources, first.edits).at(-1)).toEqual({
      id: 'punt:1',
      kind: 'punt',
      title: 'Rondvraag',
      note: 'kort',
      removed: false,
    });
    const removed = removeItem(sources, first.edits, 'punt:1');
    const second = addItem(sources, removed, { title: 'Evaluatie' });
    expect(second.id).toBe('punt:2');
    expect(ids(sources, second.edits)).toEqual([
      'werkgroep:wg-ict',
      'werkgroep:wg-hr',
      'besluit:B1',
      '(punt:1)',
      'punt:2',
    ]);
  });

  it('keeps a removed data item in its place, marked removed, and restores it there', () => {
    const ordered = reorder(sources, NO_EDITS, ['werkgroep:wg-hr', 'besluit:B1', 'werkgroep:wg-ict']);
    const removed = removeItem(sources, ordered, 'besluit:B1');
    expect(ids(sources, removed)).toEqual(['werkgroep:wg-hr', '(besluit:B1)', 'werkgroep:wg-ict']);
    expect(removeItem(sources, removed, 'besluit:B1')).toBe(removed);
    expect(ids(sources, restoreItem(sources, removed, 'besluit:B1'))).toEqual([
      'werkgroep:wg-hr',
      'besluit:B1',
      'werkgroep:wg-ict',
    ]);
  });

  it('refuses an order that leaves out, repeats or invents an item, naming them', () => {
    const e = refusal(() => reorder(sources, NO_EDITS, ['werkgroep:wg-hr', 'punt:9', 'besluit:B1']));
    expect([e.key, e.params]).toEqual([
      'agendaItems.orderMismatch',
      { missing: 'werkgroep:wg-ict', unknown: 'punt:9' },
    ]);
    const twice = refusal(() =>
      reorder(sources, NO_EDITS, ['werkgroep:wg-hr', 'werkgroep:wg-hr', 'werkgroep:wg-ict', 'besluit:B1']),
    );
    expect(twice.key).toBe('agendaItems.orderMismatch');
  });

  it('refuses removing an unknown item and restoring one that was not removed', () => {
    expect(refusal(() => removeItem(sources, NO_EDITS, 'besluit:B9')).params).toEqual({ id: 'besluit:B9' });
    expect(refusal(() => restoreItem(sources, NO_EDITS, 'werkgroep:wg-ict')).key).toBe('agendaItems.notRemoved');
  });
});
