// The besluitenlijst card validates against the Adaptive Cards 1.5 schema (the bot's copy of the contract, as
// src/domain/bot/cards.test.ts), in both languages, empty and over-full, and shows what the list holds.
import { readFile } from 'node:fs/promises';
import AjvModule from 'ajv';
import ajvFormats from 'ajv-formats';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import type { Lang } from '../i18n.ts';
import type { Besluitenlijst } from './besluitenlijst.ts';
import { besluitenlijstCard } from './card.ts';

const schemaText = await readFile(new URL('../bot/adaptive-card.schema.json', import.meta.url), 'utf8');
const Ajv = AjvModule.default;
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(draft6);
ajvFormats.default(ajv);
const { id: _id, ...schema } = JSON.parse(schemaText) as Record<string, unknown>;
const validate = ajv.compile(schema);

const list: Besluitenlijst = {
  body: { id: 'regiegroep', name: 'Regiegroep' },
  date: '2026-12-08',
  decisions: [
    { id: 'B1', title: 'Eén financieel *systeem*', item: 'besluit:B1', outcome: 'besloten', isNew: false },
    { id: 'B9', title: 'Treasurystatuut', item: 'werkgroep:wg-financien', outcome: null, isNew: true },
  ],
  actions: [
    {
      id: 'vg-1',
      title: 'Begroting afstemmen',
      item: 'werkgroep:wg-financien',
      werkgroep: 'wg-financien',
      werkgroepName: 'Werkgroep Financiën',
      owner: 'th-financien',
      ownerName: 'Erik Jansen',
      due: '2027-01-15',
    },
  ],
  carriedOver: [{ id: 'besluit:B2', title: 'Gezamenlijke inkoop' }],
};
const texts = (card: Record<string, unknown>) => (card['body'] as { text?: string }[]).map((b) => b.text ?? '');

describe('besluitenlijstCard', () => {
  it.each<Lang>(['nl', 'en'])('is a valid 1.5 card in %s', (lang) => {
    const card = besluitenlijstCard({
      list,
      lang,
      tabUrl: 'https://regiekamer.example/tab/?view=besluitenlijsten',
    });
    expect(validate(card) ? [] : validate.errors).toEqual([]);
    expect(card['version']).toBe('1.5');
  });

  it('shows the decisions with their outcome, the actions with owner and due date, and what is carried over', () => {
    const lines = texts(besluitenlijstCard({ list, lang: 'nl' }));
    expect(lines[0]).toBe('Besluitenlijst Regiegroep — dinsdag 8 december 2026');
    expect(lines).toContain('• **Eén financieel \\*systeem\\*** — besloten');
    expect(lines).toContain('• **Treasurystatuut** — voorgesteld, nieuw');
    expect(lines).toContain(
      '• **Begroting afstemmen** · Erik Jansen · uiterlijk vrijdag 15 januari 2027 · Werkgroep Financiën',
    );
    expect(lines).toContain('• Gezamenlijke inkoop');
  });

  it('says "none" for an empty section and counts what does not fit', () => {
    const many: Besluitenlijst = {
      ...list,
      decisions: [],
      carriedOver: Array.from({ length: 20 }, (_, i) => ({ id: `punt:${i}`, title: `Punt ${i}` })),
    };
    const card = besluitenlijstCard({ list: many, lang: 'en' });
    expect(validate(card) ? [] : validate.errors).toEqual([]);
    const lines = texts(card);
    expect(lines).toContain('None.');
    expect(lines).toContain('and 5 more');
    expect(lines.filter((l) => l.startsWith('• Punt'))).toHaveLength(15);
  });
});
