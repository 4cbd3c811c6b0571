// The agenda in the announcement card (issue 18 §2): valid Adaptive Cards 1.5 (the schema cards.test.ts uses), the
// items in the projectleider's order without the removed ones, per werkgroep its status or "nog geen update", per
// decision its days waiting, an added item with its note, the link to the tab, and a long agenda cut with a count.
import { readFile } from 'node:fs/promises';
import AjvModule from 'ajv';
import ajvFormats from 'ajv-formats';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../agenda/items.ts';
import type { Agenda } from '../agenda/compose.ts';
import type { UpdateRecord } from './update.ts';
import { announcementCard, type Card } from './cards.ts';
import { withAgenda } from './agenda-announcement.ts';

const schemaText = await readFile(new URL('./adaptive-card.schema.json', import.meta.url), 'utf8');
const ajv = new AjvModule.default({ strict: false, allErrors: true });
ajv.addMetaSchema(draft6);
ajvFormats.default(ajv);
const { id: _id, ...schema } = JSON.parse(schemaText) as Record<string, unknown>;
const validate = ajv.compile(schema);
const expectValid = (card: Card) => {
  const ok = validate(card);
  expect(ok ? [] : validate.errors?.slice(0, 5)).toEqual([]);
};

const update: UpdateRecord = {
  werkgroep: 'wg-ict',
  period: 'regiegroep:2026-12-08',
  status: 'aandacht',
  progress: 'Koppelingen getest',
  submittedBy: 'th-ict',
  submittedAt: '2026-12-02T09:00:00Z',
} as UpdateRecord;
const agenda: Pick<Agenda, 'werkgroepen' | 'decisions'> = {
  werkgroepen: [
    { id: 'wg-ict', name: 'ICT', trekker: { id: 'th-ict', name: 'Tom' }, update },
    { id: 'wg-hr', name: 'HR', trekker: { id: 'th-hr', name: 'Hanna' }, update: null },
  ],
  decisions: [
    {
      id: 'B1',
      title: 'Keuze zaaksysteem',
      proposal: 'Kies X',
      werkgroep: 'wg-ict',
      werkgroepName: 'ICT',
      since: '2026-11-01',
      daysWaiting: 37,
      blocks: [],
    },
  ],
};
const items: AgendaItem[] = [
  { id: 'besluit:B1', kind: 'besluit', title: 'Keuze zaaksysteem', removed: false },
  { id: 'werkgroep:wg-hr', kind: 'werkgroep', title: 'HR', removed: false },
  { id: 'punt:1', kind: 'punt', title: 'Rondvraag', note: 'Vijf *minuten*', removed: false },
  { id: 'werkgroep:wg-ict', kind: 'werkgroep', title: 'ICT', removed: true },
];
const announcement = announcementCard({
  bodyName: 'Regiegroep',
  start: new Date('2026-12-08T14:00:00Z'),
  end: new Date('2026-12-08T15:30:00Z'),
  timeZone: 'Europe/Amsterdam',
  openActions: [],
  lang: 'nl',
});
const texts = (c: Card) =>
  (c['body'] as { type: string; text?: string }[]).filter((e) => e.type === 'TextBlock').map((e) => e.text);

describe('the agenda in the announcement card', () => {
  it("lists the items in the projectleider's order, without the removed ones, below the announcement", () => {
    const url = 'https://tab.example/tab/?view=agenda&body=regiegroep&date=2026-12-08';
    const c = withAgenda(announcement, { agenda, items, agendaUrl: url, lang: 'nl' });
    expectValid(c);
    const lines = texts(c);
    expect(lines.slice(0, texts(announcement).length)).toEqual(texts(announcement));
    expect(lines.slice(texts(announcement).length)).toEqual([
      'Agenda',
      '1. besluit: **Keuze zaaksysteem** (ICT) · wacht 37 dagen',
      '2. **HR** · nog geen update',
      '3. **Rondvraag**',
      'Vijf \\*minuten\\*',
    ]);
    expect(c['actions']).toEqual([{ type: 'Action.OpenUrl', title: 'Agenda openen in Regiekamer', url }]);
  });

  it('shows a werkgroep with an update by its status, in English too', () => {
    const c = withAgenda(announcement, {
      agenda,
      items: [{ id: 'werkgroep:wg-ict', kind: 'werkgroep', title: 'ICT', removed: false }],
      lang: 'en',
    });
    expectValid(c);
    expect(texts(c).slice(-2)).toEqual(['Agenda', '1. **ICT** · needs attention']);
    expect(c['actions']).toBeUndefined();
  });

  it('cuts a long agenda after 20 items and counts the rest; says so when nothing is on it', () => {
    const many = Array.from({ length: 23 }, (_, i): AgendaItem => ({
      id: `punt:${String(i + 1)}`,
      kind: 'punt',
      title: `Punt ${String(i + 1)}`,
      removed: false,
    }));
    const c = withAgenda(announcement, { agenda, items: many, lang: 'nl' });
    expectValid(c);
    expect(texts(c).at(-2)).toBe('20. **Punt 20**');
    expect(texts(c).at(-1)).toBe('… en nog 3 punten in de tab');
    const empty = withAgenda(announcement, { agenda, items: [items[3] as AgendaItem], lang: 'nl' });
    expectValid(empty);
    expect(texts(empty).at(-1)).toBe('Er staan geen punten op de agenda.');
  });
});
