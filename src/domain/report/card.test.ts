// The report's cards validate against the Adaptive Cards 1.5 schema (the bot's copy, as src/domain/bot/cards.test.ts)
// in both languages, and show the summary's figures, the introduction's first paragraph and the link.
import { readFile } from 'node:fs/promises';
import AjvModule from 'ajv';
import ajvFormats from 'ajv-formats';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { firstParagraph, reportCard, reportReminderCard, type ReportFigures } from './card.ts';

const schemaText = await readFile(new URL('../bot/adaptive-card.schema.json', import.meta.url), 'utf8');
const ajv = new AjvModule.default({ strict: false, allErrors: true });
ajv.addMetaSchema(draft6);
ajvFormats.default(ajv);
const { id: _id, ...schema } = JSON.parse(schemaText) as Record<string, unknown>;
const validate = ajv.compile(schema);

const summary: ReportFigures = {
  month: '2026-11',
  werkgroepen: { total: 9, opKoers: 5, aandacht: 2, risico: 1, none: 1 },
  decisionsTaken: 3,
  decisionsWaiting: 2,
  medianLeadTimeDays: 14,
  overdueActions: 4,
  blockedActions: 1,
  milestonesReached: [{ title: 'Besturingsfilosofie vastgesteld', date: '2026-11-17' }],
};
const introduction = '\n\nDe GR-inrichting ligt op koers.\nDe begroting volgt.\n\nTweede alinea, niet op de kaart.';

describe('the report cards', () => {
  it.each(['nl', 'en'] as const)('validate as Adaptive Card 1.5 and show the figures (%s)', (lang) => {
    const c = reportCard({
      summary,
      version: 2,
      introduction,
      approved: { byName: 'Marieke van Dalen', date: '2026-11-30' },
      forBody: 'Bestuurlijke stuurgroep-plus',
      url: 'https://regiekamer.example/tab/?view=rapportage&maand=2026-11',
      lang,
    });
    expect(validate(c), JSON.stringify(validate.errors)).toBe(true);
    const text = JSON.stringify(c);
    expect(text).toContain(lang === 'nl' ? 'Voortgangsrapportage november 2026' : 'Progress report November 2026');
    expect(text).toContain('5 ');
    expect(text).toContain(lang === 'nl' ? '14 dagen' : '14 days');
    expect(text).toContain('De GR-inrichting ligt op koers.\\nDe begroting volgt.');
    expect(text).not.toContain('Tweede alinea');
    expect(text).toContain('Bestuurlijke stuurgroep-plus');
    expect(text).toContain('Besturingsfilosofie vastgesteld');
    expect(c['actions']).toEqual([
      expect.objectContaining({
        type: 'Action.OpenUrl',
        url: 'https://regiekamer.example/tab/?view=rapportage&maand=2026-11',
      }),
    ]);
    const reminder = reportReminderCard({ month: '2026-11', bodies: ['Regiegroep'], lang });
    expect(validate(reminder), JSON.stringify(validate.errors)).toBe(true);
    expect(JSON.stringify(reminder)).toContain(lang === 'nl' ? 'november 2026' : 'November 2026');
  });

  it('leaves out a lead time when nothing was decided, and takes the first non-empty paragraph', () => {
    const c = reportCard({
      summary: { ...summary, medianLeadTimeDays: null, milestonesReached: [] },
      version: 1,
      introduction: '',
      approved: { byName: 'Marieke van Dalen', date: '2026-11-30' },
      lang: 'nl',
    });
    expect(validate(c)).toBe(true);
    expect(JSON.stringify(c)).not.toContain('doorlooptijd');
    expect(c['actions']).toBeUndefined();
    expect(firstParagraph(introduction)).toBe('De GR-inrichting ligt op koers.\nDe begroting volgt.');
  });
});
