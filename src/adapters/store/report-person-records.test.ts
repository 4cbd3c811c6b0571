// A person's part of the monthly reports under the AVG: the export lists the versions they approved or wrote and the
// introductions that name them; the erasure keeps the reports (the programme's record) under the pseudonym and clears
// the documents that print their name, which are rendered again when next downloaded.
import { describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../app/report/port.ts';
import { pgliteBackend, useStore } from '../../../tests/helpers/db.ts';
import { personRecords } from './person-records.ts';

const at = new Date('2026-11-30T10:00:00Z');
const summary: ReportSummary = {
  month: '2026-11',
  werkgroepen: { total: 1, opKoers: 1, aandacht: 0, risico: 0, none: 0 },
  decisionsTaken: 0,
  decisionsWaiting: 0,
  medianLeadTimeDays: null,
  overdueActions: 0,
  blockedActions: 0,
  milestonesReached: [],
};
const doc = (variant: 'regiegroep' | 'informed') => ({
  variant,
  format: 'pdf' as const,
  bytes: new TextEncoder().encode(`${variant}: goedgekeurd door Marieke van Dalen`),
});
const marieke = { id: 'pl-marieke', terms: ['Marieke van Dalen', 'marieke.vandalen@leusden.example'] };

describe('the monthly reports in a person export and erasure', () => {
  const store = useStore(pgliteBackend);

  it('exports what they approved and wrote, and erases them keeping the reports', async () => {
    const r = store().reports;
    for (const [month, by, byName] of [
      ['2026-10', 'pl-marieke', 'Marieke van Dalen'],
      ['2026-11', 'app', 'Regiekamer'],
    ] as const) {
      const saved = await r.saveIntroduction('blnp', month, {
        expected: { version: 1, revision: 0 },
        introduction: month === '2026-11' ? 'Dank aan Marieke van Dalen.' : 'Op koers.',
        by: 'pl-marieke',
        at,
      });
      expect(saved.outcome).toBe('saved');
      const approved = await r.approve('blnp', month, {
        expected: { version: 1, revision: 1 },
        at,
        by,
        byName,
        summary: { ...summary, month },
        documents: [doc('regiegroep'), doc('informed')],
        deliveries: [],
      });
      expect(approved.outcome).toBe('saved');
    }
    const records = personRecords(store().db);
    expect(await records.referenced('blnp', 'pl-marieke')).toBe(true);
    const exported = await records.collect('blnp', marieke);
    expect(exported.reports).toEqual([
      expect.objectContaining({ month: '2026-10', approvedBySelf: true, updatedBySelf: true, introduction: null }),
      expect.objectContaining({
        month: '2026-11',
        approvedBySelf: false,
        updatedBySelf: false,
        introduction: 'Dank aan Marieke van Dalen.',
      }),
    ]);

    const counts = await records.erase('blnp', marieke, 'verwijderd persoon 0a0b0c', []);
    // October's version pseudonymised; its two documents and November's regiegroep one cleared.
    expect([counts.pseudonymised.reports, counts.pseudonymised.reportDocuments]).toEqual([1, 3]);
    const october = (await r.versions('blnp', '2026-10'))[0];
    expect(october?.approved).toMatchObject({ by: 'verwijderd persoon 0a0b0c', byName: 'verwijderd persoon 0a0b0c' });
    expect(october?.documents.map((d) => [d.variant, d.available])).toEqual([
      ['regiegroep', false],
      ['informed', false],
    ]);
    const ref = { month: '2026-11', version: 1, format: 'pdf' as const };
    expect(await r.document('blnp', { ...ref, variant: 'regiegroep' })).toBeNull();
    expect(await r.document('blnp', { ...ref, variant: 'informed' })).not.toBeNull();
    // The name in November's introduction went with the store-wide sweep of their name.
    expect((await r.versions('blnp', '2026-11'))[0]?.introduction).toBe('Dank aan verwijderd persoon 0a0b0c.');
    expect(await records.referenced('blnp', 'pl-marieke')).toBe(false);
    // A cleared document is kept again once rendered anew.
    await r.restoreDocument('blnp', { ...ref, variant: 'regiegroep' }, new TextEncoder().encode('opnieuw'), at);
    expect(new TextDecoder().decode((await r.document('blnp', { ...ref, variant: 'regiegroep' })) ?? undefined)).toBe(
      'opnieuw',
    );
  });
});
