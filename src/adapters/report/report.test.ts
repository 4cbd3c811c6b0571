// Issue 16's first done-when: BLNP's November 2026 report, generated from seeded data in a store with the clock in
// December, as .docx and .pdf, read back (the .docx's XML through jszip, the PDF's text through unpdf/pdf.js) finds
// each werkgroep, the decisions taken in November with their lead times, and the indicators; the informed variant
// names no person.
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import { createBotService } from '../../app/bot/service.ts';
import { createReportRenderer } from '../../app/report/render.ts';
import { approveReport, reportDocument, reportMonth } from '../../app/report/workflow.ts';
import type { ReportRenderer, ReportRequest } from '../../app/report/port.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import type { Decision } from '../../domain/work/model.ts';
import { MEMORY, openStore } from '../store/open.ts';
import type { Store } from '../store/store.ts';
import { seedActions, seedDecisions, seedMeasurements, seedUpdates } from '../work/seed.ts';
import { reportWriters } from './writers.ts';

let p: Programme;
let store: Store;
let renderer: ReportRenderer;
const clock = new FixedClock('2026-12-02T09:00:00Z');

/** Decisions with known dates: three taken in November (lead times 35, 61 and 12 days), one in October, one waiting. */
const decision = (
  id: string,
  title: string,
  werkgroep: string,
  steps: [string, string][],
  outcome?: [string, string],
): Decision => ({
  id,
  title,
  proposal: `Voorstel: ${title}.`,
  werkgroep,
  route: ['werkgroep', 'projectgroep', 'regiegroep', 'stuurgroep', 'bestuur'],
  steps: steps.map(([level, reachedOn]) => ({ level: level as Decision['route'][number], reachedOn })),
  blocks: [],
  ...(outcome ? { outcome: { kind: outcome[0] as 'besloten', on: outcome[1] } } : {}),
});

const NOVEMBER = [
  { title: 'Eén telefoonnummer voor de vier gemeenten', days: 35 },
  { title: 'Gezamenlijk inkoopkader vanaf 2027', days: 61 },
  { title: 'Proefperiode thuiswerkafspraken', days: 12 },
];

beforeAll(async () => {
  const blnp = await loadProgramme('blnp');
  p = {
    ...blnp,
    milestones: [
      { id: 'ontwerp-klaar', date: '2026-11-12', title: 'Ontwerp werkorganisatie vastgesteld', celebrate: true },
      { id: 'plaatsing', date: '2027-03-01', title: 'Plaatsing medewerkers afgerond', celebrate: false },
    ],
  };
  const pid = p.programme.id;
  const wg = p.bodies.filter((b) => b.kind === 'werkgroep').map((b) => b.id);
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  for (const a of seedActions(p, '2026-11-20')) await store.actions.save(pid, a, clock.now());
  for (const u of seedUpdates(p, new Date('2026-11-20T10:00:00Z'))) await store.bot.saveUpdate(pid, u);
  // The seed's dozen decisions dated up to September: some decided before November, the others still waiting.
  for (const d of seedDecisions(p, '2026-09-30', await store.actions.list(pid)))
    await store.decisions.save(pid, d, clock.now());
  const mine = [
    decision(
      'nov-1',
      NOVEMBER[0]!.title,
      wg[0]!,
      [
        ['werkgroep', '2026-10-01'],
        ['projectgroep', '2026-10-15'],
        ['regiegroep', '2026-10-29'],
      ],
      ['besloten', '2026-11-05'],
    ),
    decision(
      'nov-2',
      NOVEMBER[1]!.title,
      wg[1]!,
      [
        ['werkgroep', '2026-09-20'],
        ['projectgroep', '2026-10-20'],
      ],
      ['afgewezen', '2026-11-20'],
    ),
    decision('nov-3', NOVEMBER[2]!.title, wg[2]!, [['werkgroep', '2026-11-18']], ['besloten', '2026-11-30']),
    decision(
      'okt-1',
      'Vergaderrooster 2027 van de regiegroep',
      wg[3]!,
      [['werkgroep', '2026-09-01']],
      ['besloten', '2026-10-30'],
    ),
    decision(
      'dec-1',
      'Huisstijl van de werkorganisatie',
      wg[4]!,
      [['werkgroep', '2026-11-02']],
      ['besloten', '2026-12-01'],
    ),
  ];
  for (const d of mine) await store.decisions.save(pid, d, clock.now());
  for (const m of seedMeasurements(p, '2026-11-30')) await store.indicators.record(pid, m, clock.now());
  renderer = createReportRenderer({ store, programme: p, clock, writers: reportWriters });
});

afterAll(async () => {
  await store.close();
});

const request = (r: Partial<ReportRequest>): ReportRequest => ({
  month: '2026-11',
  variant: 'regiegroep',
  format: 'docx',
  introduction: 'Een maand met veel voortgang.\n\nDe werkgroepen liggen op koers.',
  lang: 'nl',
  ...r,
});

/** The text of every paragraph of the .docx's main part, and its table rows as text. */
async function docxText(bytes: Uint8Array): Promise<{ text: string; rows: string[]; images: number }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const plain = (s: string) =>
    s
      .replace(/<\/w:p>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&apos;/g, "'")
      .replace(/\s+/g, ' ');
  const rows = xml.split('</w:tr>').map(plain);
  const images = Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png')).length;
  return { text: plain(xml), rows, images };
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe("BLNP's November 2026 voortgangsrapportage", () => {
  it('as .docx: every werkgroep, the decisions taken in November with their lead times, the indicators', async () => {
    const { text, rows, images } = await docxText(await renderer.render(request({ format: 'docx' })));
    expect(text).toContain('Voortgangsrapportage');
    expect(text).toContain('november 2026');
    for (const w of p.bodies.filter((b) => b.kind === 'werkgroep')) expect(text).toContain(w.name);
    for (const d of NOVEMBER) {
      const row = rows.find((r) => r.includes(d.title));
      expect(row, d.title).toBeDefined();
      expect(row).toContain(`${d.days} dagen`);
    }
    // Taken in October: not this month's decision, nor waiting.
    expect(text).not.toContain('Vergaderrooster 2027 van de regiegroep');
    // Taken on 1 December: on 30 November it still waited at the werkgroep.
    const december = rows.find((r) => r.includes('Huisstijl van de werkorganisatie'));
    expect(december).toContain('2026-11-02');
    expect(december).not.toContain('besloten');
    for (const i of p.indicators) expect(text).toContain(i.name);
    expect(text).toContain('Ontwerp werkorganisatie vastgesteld');
    expect(text).toContain('De werkgroepen liggen op koers.');
    // The seeded updates' texts, under their werkgroep.
    expect(text).toContain('Gesprekken met de teamhoofden gevoerd');
    expect(images).toBeGreaterThanOrEqual(3);
  });

  it('as .pdf: the same content, read back as text', async () => {
    const bytes = await renderer.render(request({ format: 'pdf' }));
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = await pdfText(bytes);
    for (const w of p.bodies.filter((b) => b.kind === 'werkgroep')) expect(text).toContain(w.name);
    for (const d of NOVEMBER) {
      expect(text).toContain(d.title);
      expect(text).toMatch(new RegExp(`${d.title}.{0,120}${d.days} dagen`));
    }
    expect(text).not.toContain('Vergaderrooster 2027 van de regiegroep');
    for (const i of p.indicators) expect(text).toContain(i.name);
  });

  it('the regiegroep version names trekkers and owners; the informed version names no person', async () => {
    const names = p.people.map((x) => x.name);
    const full = await docxText(
      await renderer.render(
        request({ variant: 'regiegroep', approved: { by: 'x', byName: names[0]!, at: '2026-12-01T23:30:00Z' } }),
      ),
    );
    expect(names.filter((n) => full.text.includes(n)).length).toBeGreaterThan(5);
    // Approved at 23:30 UTC on 1 December is 2 December in Amsterdam.
    expect(full.text).toContain(`Goedgekeurd door ${names[0]!} op 2026-12-02`);
    const approved = { by: 'x', byName: names[0]!, at: '2026-12-01T23:30:00Z' };
    const docx = await docxText(await renderer.render(request({ variant: 'informed', approved })));
    const pdf = await pdfText(await renderer.render(request({ variant: 'informed', format: 'pdf', approved })));
    for (const n of names) {
      expect(docx.text, n).not.toContain(n);
      expect(pdf, n).not.toContain(n);
    }
    expect(docx.text).toContain('Goedgekeurd door de projectleider op 2026-12-02');
    for (const w of p.bodies.filter((b) => b.kind === 'werkgroep')) expect(docx.text).toContain(w.name);
  });

  it('in English on request', async () => {
    const { text } = await docxText(await renderer.render(request({ lang: 'en' })));
    expect(text).toContain('Progress report');
    expect(text).toContain('November 2026');
    expect(text).toContain(`${NOVEMBER[0]!.title}`);
    expect(text).toContain('35 days');
  });

  it("the summary card's figures", async () => {
    const s = await renderer.summary('2026-11');
    const werkgroepen = p.bodies.filter((b) => b.kind === 'werkgroep').length;
    expect(s.werkgroepen.total).toBe(werkgroepen);
    expect(s.werkgroepen.opKoers + s.werkgroepen.aandacht + s.werkgroepen.risico).toBe(Math.floor(werkgroepen / 2));
    expect(s.werkgroepen.none).toBe(werkgroepen - Math.floor(werkgroepen / 2));
    expect(s.decisionsTaken).toBe(3);
    expect(s.medianLeadTimeDays).toBe(35);
    expect(s.milestonesReached).toEqual([{ title: 'Ontwerp werkorganisatie vastgesteld', date: '2026-11-12' }]);
    expect(s.decisionsWaiting).toBeGreaterThan(0);
  });
});

describe('approved, the November report reaches the regiegroep channel', () => {
  it('the card in the regiegroep channel links the report, whose kept .docx is the real one', async () => {
    const regiegroep = p.bodies.find((b) => b.kind === 'regiegroep');
    const pl = p.people.find((x) => x.roles.includes('projectleider'));
    if (!regiegroep || !pl) throw new Error('BLNP has a regiegroep and a projectleider');
    await store.bot.saveConversation(p.programme.id, {
      tenantId: 'tenant',
      serviceUrl: 'https://smba.example/',
      installedAt: clock.now(),
      conversationId: `19:${regiegroep.id}@thread.tacv2`,
      kind: 'channel',
      teamId: 'team',
      channelId: `19:${regiegroep.id}@thread.tacv2`,
      bodyId: regiegroep.id,
    });
    const d = { store, programme: p, clock, today: () => '2026-12-02', renderer };
    const caller = { kind: 'person' as const, person: pl };
    const month = await reportMonth(d, caller, '2026-11');
    if (!month.ok) throw new Error(month.error.key);
    const approved = await approveReport(d, caller, '2026-11', month.value.latest.etag);
    if (!approved.ok) throw new Error(approved.error.key);
    expect(approved.value.deliveries).toContain(`report|2026-11|v1|channel:${regiegroep.id}`);

    const service = createBotService({ store, programme: p, clock, lang: 'nl', tabUrl: 'https://rk.example/tab/' });
    const row = (await store.bot.deliveries(p.programme.id)).find(
      (q) => q.kind === 'report' && q.recipient === `channel:${regiegroep.id}`,
    );
    if (!row) throw new Error('no delivery to the regiegroep channel');
    const composed = await service.compose(row);
    if ('skip' in composed) throw new Error(composed.skip);
    expect(composed.to.conversationId).toBe(`19:${regiegroep.id}@thread.tacv2`);
    const card = JSON.stringify(composed.activity);
    expect(card).toContain('Voortgangsrapportage november 2026');
    expect(card).toContain('https://rk.example/tab/?view=rapportage&maand=2026-11');

    // What the link leads to: the kept version's documents, the real report.
    const doc = await reportDocument(d, caller, {
      month: '2026-11',
      version: 1,
      variant: 'regiegroep',
      format: 'docx',
    });
    if (!doc.ok) throw new Error(doc.error.key);
    const { text } = await docxText(doc.value.bytes);
    for (const w of p.bodies.filter((b) => b.kind === 'werkgroep')) expect(text).toContain(w.name);
    expect(text).toContain('Goedgekeurd');
  });
});
