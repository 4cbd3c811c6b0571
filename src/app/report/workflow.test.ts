// The monthly report's workflow on BLNP's file with a test double for the report's content (the renderer behind
// ./port.ts): the month's empty draft and its figures, the introduction saved at the version read (a conflict
// refused, nothing overwritten), approval by the projectleider only, rendering both formats of both variants once,
// the cards queued to the regiegroep and the stuurgroep-plus and composed as Adaptive Cards, a correction as the next
// version, downloads per variant, and a renderer that is not available refusing cleanly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import type { DeliveryRow } from '../../adapters/store/bot-records.ts';
import { MEMORY, openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import { both } from '../../domain/i18n.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import type { Caller } from '../access.ts';
import { createBotService } from '../bot/service.ts';
import type { ReportRenderer, ReportRequest, ReportSummary } from './port.ts';
import { approveReport, reportDocument, reportMonth, saveIntroduction, unavailableRenderer } from './workflow.ts';

const clock = new FixedClock('2026-11-30T10:00:00Z');
let store: Store;
const file = await loadProgramme('blnp');
// The file's report rhythm: to the regiegroep and the stuurgroep-plus, on the last working day.
const blnp: Programme = {
  ...file,
  communication: {
    ...file.communication,
    report: { due: { type: 'last-day-of-month', day: 'working-day' }, to: ['stuurgroep-plus'], audiences: [] },
  },
};

const summary: ReportSummary = {
  month: '2026-11',
  werkgroepen: { total: 9, opKoers: 5, aandacht: 2, risico: 1, none: 1 },
  decisionsTaken: 3,
  decisionsWaiting: 2,
  medianLeadTimeDays: 14,
  overdueActions: 4,
  blockedActions: 1,
  milestonesReached: [],
};

/** A renderer double: recognisable bytes per request, the fixed summary, and every call recorded. */
function fakeRenderer() {
  const calls: ReportRequest[] = [];
  const renderer: ReportRenderer = {
    render: (r) => {
      calls.push(r);
      return Promise.resolve(new TextEncoder().encode(`${r.month}|${r.variant}|${r.format}|${r.approved?.byName}`));
    },
    summary: (month) => Promise.resolve({ ...summary, month }),
  };
  return { renderer, calls };
}

const person = (id: string): Caller => {
  const p = blnp.people.find((x) => x.id === id);
  if (!p) throw new Error(id);
  return { kind: 'person', person: p };
};
const errorOf = (r: { ok: boolean; error?: { code: string; key: string } }) => (r.ok ? 'ok' : r.error?.code);

beforeAll(async () => {
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  for (const body of ['regiegroep', 'stuurgroep-plus'])
    await store.bot.saveConversation(blnp.programme.id, {
      tenantId: 'tenant',
      serviceUrl: 'https://smba.example/',
      installedAt: clock.now(),
      conversationId: `19:${body}@thread.tacv2`,
      kind: 'channel',
      teamId: 'team',
      channelId: `19:${body}@thread.tacv2`,
      bodyId: body,
    });
});
afterAll(async () => {
  await store.close();
});

// The store is opened in beforeAll: read it when a use case runs.
const deps = (renderer: ReportRenderer) => ({
  get store() {
    return store;
  },
  programme: blnp,
  clock,
  today: () => '2026-11-30',
  renderer,
});

describe('the monthly report workflow', () => {
  const { renderer, calls } = fakeRenderer();
  const d = deps(renderer);
  const pl = person('pl-marieke');

  it('shows the empty draft with the figures, due date and receivers; only the projectleider may approve', async () => {
    const r = await reportMonth(d, person('th-ict'), '2026-11');
    if (!r.ok) throw new Error(r.error.key);
    expect(r.value).toMatchObject({
      month: '2026-11',
      due: '2026-11-30',
      to: ['Regiegroep', 'Bestuurlijke stuurgroep-plus'],
      latest: { version: 1, etag: '1.0', state: 'draft', introduction: '' },
      summary,
      versions: [],
      mayApprove: { allowed: false, why: both('rapport.notApprover') },
    });
    expect(r.value.defaults).toBeUndefined();
    expect((await reportMonth(d, pl, '2026-11')).ok && (await reportMonth(d, pl, '2026-11'))).toMatchObject({
      value: { mayApprove: { allowed: true } },
    });
    const bad = await reportMonth(d, pl, '2026-13');
    expect(bad.ok ? '' : both(bad.error.key, bad.error.params)).toMatch(/^'2026-13' is geen maand/);
  });

  it('saves the introduction at the version read only; a trekker may not', async () => {
    expect(errorOf(await saveIntroduction(d, person('th-ict'), '2026-11', { introduction: 'x' }, '1.0'))).toBe(
      'forbidden',
    );
    expect(errorOf(await saveIntroduction(d, pl, '2026-11', { introduction: 'x' }, undefined))).toBe(
      'version_required',
    );
    const saved = await saveIntroduction(d, pl, '2026-11', { introduction: 'Een goede maand.\n\nMeer.' }, '1.0');
    expect(saved.ok && saved.value).toMatchObject({ version: 1, etag: '1.1', state: 'draft' });
    const stale = await saveIntroduction(d, pl, '2026-11', { introduction: 'Overschreven?' }, '1.0');
    expect(stale.ok ? '' : both(stale.error.key, stale.error.params)).toMatch(
      /^de rapportage over 2026-11 is intussen gewijzigd \(nu versie 1, concept\)/,
    );
    const now = await reportMonth(d, pl, '2026-11');
    expect(now.ok && now.value.latest.introduction).toBe('Een goede maand.\n\nMeer.');
  });

  it('approves by the projectleider: four documents, kept, cards queued to both channels; twice is once', async () => {
    const refused = await approveReport(d, person('gs-leusden'), '2026-11', '1.1');
    expect(refused.ok ? '' : both(refused.error.key)).toBe(both('rapport.notApprover'));
    expect(errorOf(await approveReport(d, pl, '2026-11', '1.0'))).toBe('changed');
    expect(errorOf(await approveReport(d, pl, '2026-12', '1.0'))).toBe('not_possible');
    expect(calls).toEqual([]);
    const r = await approveReport(d, pl, '2026-11', '1.1');
    if (!r.ok) throw new Error(r.error.key);
    expect(r.value).toMatchObject({ approvedNow: true, version: { version: 1, state: 'approved' } });
    expect(r.value.deliveries).toEqual([
      'report|2026-11|v1|channel:regiegroep',
      'report|2026-11|v1|channel:stuurgroep-plus',
    ]);
    expect(calls.map((c) => `${c.variant}.${c.format}`)).toEqual([
      'regiegroep.docx',
      'regiegroep.pdf',
      'informed.docx',
      'informed.pdf',
    ]);
    expect(calls.every((c) => c.introduction === 'Een goede maand.\n\nMeer.' && c.approved?.by === 'pl-marieke')).toBe(
      true,
    );
    const again = await approveReport(d, pl, '2026-11', '1.1');
    expect(again.ok && again.value).toMatchObject({ approvedNow: false, deliveries: [] });
    expect(calls).toHaveLength(4);
    const queued = await store.bot.deliveries(blnp.programme.id);
    expect(queued.filter((q) => q.kind === 'report').map((q) => [q.recipient, q.payload?.['variant']])).toEqual([
      ['channel:regiegroep', 'regiegroep'],
      ['channel:stuurgroep-plus', 'informed'],
    ]);
  });

  it('composes the summary cards for the channels, the informed one naming its body', async () => {
    const service = createBotService({ store, programme: blnp, clock, lang: 'nl', tabUrl: 'https://rk.example/tab/' });
    const rows = (await store.bot.deliveries(blnp.programme.id)).filter((q) => q.kind === 'report');
    const cards = await Promise.all(rows.map((row: DeliveryRow) => service.compose(row)));
    const [regie, stuur] = cards.map((c) => {
      if ('skip' in c) throw new Error(c.skip);
      return { to: c.to.conversationId, card: JSON.stringify(c.activity) };
    });
    expect(regie?.to).toBe('19:regiegroep@thread.tacv2');
    expect(regie?.card).toContain('Voortgangsrapportage november 2026');
    expect(regie?.card).toContain('Een goede maand.');
    expect(regie?.card).not.toContain('Meer.');
    expect(regie?.card).toContain('https://rk.example/tab/?view=rapportage&maand=2026-11');
    expect(regie?.card).not.toContain('Versie voor');
    expect(stuur?.to).toBe('19:stuurgroep-plus@thread.tacv2');
    expect(stuur?.card).toContain('Versie voor Bestuurlijke stuurgroep-plus');

    // The projectleider's reminder (§5): skipped for the approved November, sent personally for December.
    await store.bot.saveConversation(blnp.programme.id, {
      tenantId: 'tenant',
      serviceUrl: 'https://smba.example/',
      installedAt: clock.now(),
      conversationId: 'a:pl-marieke',
      kind: 'personal',
      personId: 'pl-marieke',
    });
    const reminder = (month: string): DeliveryRow => ({
      ...(rows[0] as DeliveryRow),
      key: `report-reminder|${month}|pl-marieke`,
      kind: 'report-reminder',
      occurrenceKey: null,
      recipient: 'pl-marieke',
      payload: null,
    });
    expect(await service.compose(reminder('2026-11'))).toEqual({ skip: 'report-approved' });
    const december = await service.compose(reminder('2026-12'));
    if ('skip' in december) throw new Error(december.skip);
    expect(december.to.conversationId).toBe('a:pl-marieke');
    expect(JSON.stringify(december.activity)).toContain(
      'De voortgangsrapportage over december 2026 moet vandaag klaar zijn',
    );
    expect(JSON.stringify(december.activity)).toContain('Regiegroep, Bestuurlijke stuurgroep-plus');
  });

  it('downloads per variant as the reader may, and keeps version 1 when a correction is made', async () => {
    const ref = { month: '2026-11', version: 1, format: 'pdf' as const };
    const informed = await reportDocument(d, person('wh-leusden'), { ...ref, variant: 'informed' });
    if (!informed.ok) throw new Error(informed.error.key);
    expect(new TextDecoder().decode(informed.value.bytes)).toBe('2026-11|informed|pdf|Marieke van Dalen');
    expect(informed.value).toMatchObject({
      fileName: 'voortgangsrapportage-blnp-2026-11-v1-informed.pdf',
      contentType: 'application/pdf',
    });
    expect(errorOf(await reportDocument(d, person('wh-leusden'), { ...ref, variant: 'regiegroep' }))).toBe('forbidden');
    expect(errorOf(await reportDocument(d, person('th-ict'), { ...ref, variant: 'regiegroep' }))).toBe('ok');
    expect(errorOf(await reportDocument(d, pl, { ...ref, version: 2, variant: 'informed' }))).toBe('not_found');

    const month = await reportMonth(d, person('wh-leusden'), '2026-11');
    expect(month.ok && month.value.latest.documents.map((x) => x.path)).toEqual([
      '/rapporten/2026-11/1.docx?variant=informed',
      '/rapporten/2026-11/1.pdf?variant=informed',
    ]);
    const etag = month.ok ? month.value.latest.etag : '';
    const correction = await saveIntroduction(d, pl, '2026-11', { introduction: 'Correctie.' }, etag);
    expect(correction.ok && correction.value).toMatchObject({ version: 2, state: 'draft', etag: '2.1' });
    const after = await reportMonth(d, pl, '2026-11');
    expect(after.ok && after.value.versions.map((v) => [v.version, v.state, v.documents.length])).toEqual([
      [2, 'draft', 0],
      [1, 'approved', 4],
    ]);
    // A draft's figures are the month's now; an approved version's, as approved.
    expect(after.ok && after.value.summary).toEqual(summary);
  });

  it('refuses cleanly, storing nothing, while the renderer is not available', async () => {
    const off = deps(unavailableRenderer);
    const r = await approveReport(off, pl, '2026-10', '1.0');
    expect(r.ok ? '' : both(r.error.key)).toBe(both('rapport.rendererUnavailable'));
    expect(await store.reports.versions(blnp.programme.id, '2026-10')).toEqual([]);
    expect(errorOf(await reportMonth(off, pl, '2026-10'))).toBe('not_possible');
  });
});
