// The monthly report's versions on both backends: an introduction saved only at the revision it was read at, approval
// keeping the documents' bytes and queueing its cards once, a correction as a new version with the old one kept.
import { describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../app/report/port.ts';
import { backends, useStore } from '../../../tests/helpers/db.ts';

const at = new Date('2026-11-30T10:00:00Z');
const summary: ReportSummary = {
  month: '2026-11',
  werkgroepen: { total: 3, opKoers: 1, aandacht: 1, risico: 0, none: 1 },
  decisionsTaken: 2,
  decisionsWaiting: 1,
  medianLeadTimeDays: 12,
  overdueActions: 4,
  blockedActions: 1,
  milestonesReached: [],
};
const bytes = (s: string) => new TextEncoder().encode(s);
const documents = [
  { variant: 'regiegroep' as const, format: 'docx' as const, bytes: bytes('RG-DOCX') },
  { variant: 'regiegroep' as const, format: 'pdf' as const, bytes: bytes('RG-PDF') },
  { variant: 'informed' as const, format: 'docx' as const, bytes: bytes('INF-DOCX') },
  { variant: 'informed' as const, format: 'pdf' as const, bytes: bytes('INF-PDF') },
];
const delivery = {
  key: 'report|2026-11|v1|channel:regiegroep',
  kind: 'report',
  recipient: 'channel:regiegroep',
  payload: { month: '2026-11', version: 1, variant: 'regiegroep' },
};

describe.each(backends)('report records on $name', (backend) => {
  const store = useStore(backend);

  it('saves at the read revision only, approves once with documents and deliveries, corrects as a new version', async () => {
    const r = store().reports;
    expect(await r.versions('blnp', '2026-11')).toEqual([]);
    const first = await r.saveIntroduction('blnp', '2026-11', {
      expected: { version: 1, revision: 0 },
      introduction: 'Een goede maand.',
      by: 'pl-marieke',
      at,
    });
    expect(first).toMatchObject({ outcome: 'saved', report: { version: 1, revision: 1, state: 'draft' } });
    // A second editor who read the month before the first save is refused, not overwriting it.
    const stale = await r.saveIntroduction('blnp', '2026-11', {
      expected: { version: 1, revision: 0 },
      introduction: 'Andere tekst.',
      by: 'pl-marieke',
      at,
    });
    expect(stale).toEqual({ outcome: 'changed' });
    expect((await r.versions('blnp', '2026-11'))[0]?.introduction).toBe('Een goede maand.');

    const input = { at, by: 'pl-marieke', byName: 'Marieke Jansen', summary, documents, deliveries: [delivery] };
    expect(await r.approve('blnp', '2026-11', { ...input, expected: { version: 1, revision: 0 } })).toEqual({
      outcome: 'changed',
    });
    const approved = await r.approve('blnp', '2026-11', { ...input, expected: { version: 1, revision: 1 } });
    expect(approved).toMatchObject({
      outcome: 'saved',
      report: { version: 1, state: 'approved', summary, approved: { by: 'pl-marieke', byName: 'Marieke Jansen' } },
    });
    if (approved.outcome !== 'saved') throw new Error('not approved');
    expect(approved.report.documents).toHaveLength(4);
    expect(approved.report.documents.every((d) => d.available)).toBe(true);
    // Approving the same version again changes nothing.
    expect(await r.approve('blnp', '2026-11', { ...input, expected: { version: 1, revision: 2 } })).toEqual({
      outcome: 'changed',
    });
    const doc = await r.document('blnp', { month: '2026-11', version: 1, variant: 'informed', format: 'pdf' });
    expect(new TextDecoder().decode(doc ?? new Uint8Array())).toBe('INF-PDF');
    expect(
      await r.document('blnp', { month: '2026-11', version: 2, variant: 'informed', format: 'pdf' }),
    ).toBeUndefined();
    const queued = await store().bot.deliveries('blnp', {
      from: new Date(at.getTime() - 1000),
      until: new Date(at.getTime() + 1000),
    });
    expect(queued.map((d) => [d.key, d.status])).toEqual([[delivery.key, 'pending']]);

    // A correction after approval: a new draft version, the approved one kept as it was.
    const correction = await r.saveIntroduction('blnp', '2026-11', {
      expected: { version: 1, revision: 2 },
      introduction: 'Correctie: een goede maand.',
      by: 'pl-marieke',
      at,
    });
    expect(correction).toMatchObject({ outcome: 'saved', report: { version: 2, revision: 1, state: 'draft' } });
    const versions = await r.versions('blnp', '2026-11');
    expect(versions.map((v) => [v.version, v.state, v.introduction])).toEqual([
      [2, 'draft', 'Correctie: een goede maand.'],
      [1, 'approved', 'Een goede maand.'],
    ]);
    expect((await r.list('blnp')).map((v) => `${v.month}.${v.version}`)).toEqual(['2026-11.2', '2026-11.1']);
    expect(await r.list('other')).toEqual([]);
  });
});
