// The news message: the draft composed from the month's facts (both languages), its format parsed, rendered as an
// Adaptive Card that validates against the 1.5 schema, and as an HTML page that escapes what a person typed.
import { readFile } from 'node:fs/promises';
import AjvModule from 'ajv';
import ajvFormats from 'ajv-formats';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { composeNews, type NewsFacts } from './compose.ts';
import { newsCard, newsHtml, parseNews } from './format.ts';

const schemaText = await readFile(new URL('../bot/adaptive-card.schema.json', import.meta.url), 'utf8');
const ajv = new AjvModule.default({ strict: false, allErrors: true });
ajv.addMetaSchema(draft6);
ajvFormats.default(ajv);
const { id: _id, ...schema } = JSON.parse(schemaText) as Record<string, unknown>;
const validate = ajv.compile(schema);

const facts: NewsFacts = {
  month: '2026-11',
  programmeName: 'Samenwerking BLNP',
  successes: [
    { werkgroepName: 'Werkgroep Financiën', text: 'Eerste gezamenlijke\nbegroting rond' },
    { werkgroepName: 'Werkgroep ICT', text: '  ' },
  ],
  milestones: [
    { title: 'Start projectgroepen', date: '2026-11-20', celebrate: false },
    { title: 'Gezamenlijk zaaksysteem gekozen', date: '2026-11-05', celebrate: true },
  ],
  decisions: [{ title: 'Eén salarisadministratie', date: '2026-11-10' }],
  bijeenkomst: { name: 'Kwartaalbijeenkomst', date: '2026-12-10', time: '15:00' },
};

describe('composeNews', () => {
  it('makes a Dutch draft with each section, milestones by date and the celebrated one highlighted', () => {
    const { title, body } = composeNews(facts, 'nl');
    expect(title).toBe('Nieuws van Samenwerking BLNP — november 2026');
    const blocks = parseNews(body);
    expect(
      blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text[0]?.text : '')),
    ).toEqual(['Successen', 'Mijlpalen', 'Besluiten', 'Volgende bijeenkomst']);
    expect(body).toContain('- **Werkgroep Financiën**: Eerste gezamenlijke begroting rond');
    expect(body).not.toContain('Werkgroep ICT');
    expect(body.indexOf('Gezamenlijk zaaksysteem gekozen')).toBeLessThan(body.indexOf('Start projectgroepen'));
    expect(body).toContain('**Gezamenlijk zaaksysteem gekozen** (donderdag 5 november) — een mijlpaal om te vieren!');
    expect(body).toContain('- Start projectgroepen (vrijdag 20 november)');
    expect(body).toContain('- Eén salarisadministratie');
    expect(body).toContain('Kwartaalbijeenkomst: donderdag 10 december om 15:00.');
  });

  it('speaks English for an English reader, and says so when a section is empty', () => {
    const { title, body } = composeNews(
      { ...facts, successes: [], milestones: [], decisions: [], bijeenkomst: undefined },
      'en',
    );
    expect(title).toBe('News from Samenwerking BLNP — November 2026');
    expect(body).toContain('No successes were reported this month.');
    expect(body).toContain('No milestone was reached this month.');
    expect(body).toContain('No decisions were taken this month.');
    expect(body).toContain('The next bijeenkomst is still being planned.');
  });
});

describe('the news format', () => {
  it('parses headings, lists, paragraphs and bold; an unpaired marker stays text', () => {
    expect(parseNews('# Kop\n\nEen **vette** regel\nen verder\n- een\n* twee\n\nlos ** sterretje')).toEqual([
      { kind: 'heading', text: [{ text: 'Kop', bold: false }] },
      {
        kind: 'paragraph',
        text: [
          { text: 'Een ', bold: false },
          { text: 'vette', bold: true },
          { text: ' regel en verder', bold: false },
        ],
      },
      { kind: 'list', items: [[{ text: 'een', bold: false }], [{ text: 'twee', bold: false }]] },
      { kind: 'paragraph', text: [{ text: 'los ** sterretje', bold: false }] },
    ]);
  });

  it('renders a card that validates against Adaptive Cards 1.5 and escapes typed Markdown links', () => {
    for (const lang of ['nl', 'en'] as const) {
      const draft = composeNews(facts, lang);
      const card = newsCard({ ...draft, footer: 'Samenwerking BLNP · goedgekeurd door Joost Hendriks' });
      expect(validate(card) ? [] : validate.errors).toEqual([]);
    }
    const card = newsCard({ title: 'T', body: 'Zie [hier](https://evil.example)' });
    expect(JSON.stringify(card)).toContain('Zie \\\\[hier\\\\](https://evil.example)');
  });

  it('renders a standalone HTML page: lang, one h1, h2 headings, lists, everything escaped, no script', () => {
    const html = newsHtml({
      title: 'Nieuws <november>',
      body: '## Kop & meer\n- <script>alert(1)</script>\n- **"vet"**',
      lang: 'nl',
    });
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain('<title>Nieuws &lt;november&gt;</title>');
    expect(html).toContain('>Kop &amp; meer</h2>');
    expect(html).toContain(
      '<ul><li>&lt;script&gt;alert(1)&lt;/script&gt;</li><li><strong>&quot;vet&quot;</strong></li></ul>',
    );
    expect(html).not.toMatch(/<script|<link|src=/i);
  });
});
