// The besluitenlijst composed from a meeting's records: decisions with their (latest) outcome, new ones marked, the
// actions agreed, and exactly the agenda items without an outcome carried over.
import { describe, expect, it } from 'vitest';
import { agendaItems } from '../agenda/items.ts';
import { carriedOver, composeBesluitenlijst, type MeetingItem, type MeetingRecord } from './besluitenlijst.ts';

const at = '2026-12-08T14:30:00.000Z';
const items: MeetingItem[] = [
  { id: 'werkgroep:wg-financien', title: 'Werkgroep Financiën' },
  { id: 'werkgroep:wg-ict', title: 'Werkgroep ICT' },
  { id: 'besluit:B1', title: 'Eén financieel systeem' },
  { id: 'besluit:B2', title: 'Gezamenlijke inkoop' },
  { id: 'punt:p1', title: 'Rondvraag huisvesting' },
  { id: 'punt:p2', title: 'Communicatieplan' },
];
const records: MeetingRecord[] = [
  {
    seq: 4,
    item: 'werkgroep:wg-ict',
    by: 'pl-marieke',
    at,
    kind: 'action',
    actionId: 'vg-1',
    title: 'Licenties',
    werkgroep: 'wg-ict',
    owner: 'th-ict',
    ownerName: 'Fictief ICT',
    due: '2027-01-15',
  },
  {
    seq: 1,
    item: 'besluit:B1',
    by: 'gs-leusden',
    at,
    kind: 'outcome',
    decisionId: 'B1',
    title: 'Eén financieel systeem',
    outcome: 'aangehouden',
  },
  {
    seq: 7,
    item: 'besluit:B1',
    by: 'gs-leusden',
    at,
    kind: 'outcome',
    decisionId: 'B1',
    title: 'Eén financieel systeem',
    outcome: 'besloten',
  },
  {
    seq: 5,
    item: 'punt:p1',
    by: 'gs-leusden',
    at,
    kind: 'decision',
    decisionId: 'B9',
    title: 'Huisvesting in Leusden',
  },
];

describe('carriedOver', () => {
  it('carries over waiting decisions without an outcome and added items with nothing recorded, never an update', () => {
    expect(carriedOver(items, records).map((i) => i.id)).toEqual(['besluit:B2', 'punt:p2']);
  });
  it('carries over every decision and added item of a meeting where nothing was recorded', () => {
    expect(carriedOver(items, []).map((i) => i.id)).toEqual(['besluit:B1', 'besluit:B2', 'punt:p1', 'punt:p2']);
  });
  it('takes the agenda’s items in the projectleider’s order, added items included, as id and title', () => {
    const agenda = agendaItems(
      {
        werkgroepen: [{ id: 'wg-ict', name: 'Werkgroep ICT' }],
        decisions: [
          { id: 'B1', title: 'Eén financieel systeem' },
          { id: 'B2', title: 'Gezamenlijke inkoop' },
        ],
      },
      {
        order: ['punt:1', 'besluit:B2', 'werkgroep:wg-ict', 'besluit:B1'],
        added: [{ id: 'punt:1', title: 'Rondvraag', note: 'Kort' }],
        removed: [],
      },
    );
    expect(carriedOver(agenda, [])).toEqual([
      { id: 'punt:1', title: 'Rondvraag' },
      { id: 'besluit:B2', title: 'Gezamenlijke inkoop' },
      { id: 'besluit:B1', title: 'Eén financieel systeem' },
    ]);
    const atPunt: MeetingRecord = { ...(records[3] as MeetingRecord), item: 'punt:1' };
    expect(carriedOver(agenda, [atPunt]).map((i) => i.id)).toEqual(['besluit:B2', 'besluit:B1']);
  });
});

describe('composeBesluitenlijst', () => {
  it('lists decisions once with their latest outcome, new ones marked, actions in record order', () => {
    const list = composeBesluitenlijst({
      body: { id: 'regiegroep', name: 'Regiegroep' },
      date: '2026-12-08',
      items,
      records,
      nameOf: (id) => `naam van ${id}`,
    });
    expect(list.decisions).toEqual([
      { id: 'B1', title: 'Eén financieel systeem', item: 'besluit:B1', outcome: 'besloten', isNew: false },
      { id: 'B9', title: 'Huisvesting in Leusden', item: 'punt:p1', outcome: null, isNew: true },
    ]);
    expect(list.actions).toEqual([
      {
        id: 'vg-1',
        title: 'Licenties',
        item: 'werkgroep:wg-ict',
        werkgroep: 'wg-ict',
        werkgroepName: 'naam van wg-ict',
        owner: 'th-ict',
        ownerName: 'naam van th-ict',
        due: '2027-01-15',
      },
    ]);
    expect(list.carriedOver.map((i) => i.title)).toEqual(['Gezamenlijke inkoop', 'Communicatieplan']);
    expect(list).toMatchObject({ body: { id: 'regiegroep' }, date: '2026-12-08' });
  });
});
