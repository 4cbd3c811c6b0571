// Meetings and their records on both backends: records appended in order, a closing refused when a record landed
// after the besluitenlijst was composed, closing once with its delivery in the bot's ledger, nothing after that.
import { describe, expect, it } from 'vitest';
import type { Besluitenlijst } from '../../domain/meeting/besluitenlijst.ts';
import { backends, useStore } from '../../../tests/helpers/db.ts';

const at = new Date('2026-12-08T14:30:00Z');
const list: Besluitenlijst = {
  body: { id: 'regiegroep', name: 'Regiegroep' },
  date: '2026-12-08',
  decisions: [],
  actions: [],
  carriedOver: [],
};
const delivery = {
  key: 'besluitenlijst|regiegroep:2026-12-08|channel:regiegroep',
  kind: 'besluitenlijst',
  occurrenceKey: 'regiegroep:2026-12-08',
  recipient: 'channel:regiegroep',
  payload: { besluitenlijst: list },
};
const outcome = { kind: 'outcome' as const, decisionId: 'B1', title: 'Eén loket', outcome: 'besloten' as const };

describe.each(backends)('meeting records on $name', (backend) => {
  const store = useStore(backend);

  it('appends, refuses a stale closing, closes once with its delivery, and takes nothing after', async () => {
    const m = store().meetings;
    expect(await m.get('blnp', 'regiegroep', '2026-12-08')).toBeUndefined();
    const first = await m.append('blnp', 'regiegroep', '2026-12-08', {
      ...outcome,
      item: 'besluit:B1',
      by: 'gs-leusden',
      at,
    });
    const second = await m.append('blnp', 'regiegroep', '2026-12-08', {
      ...outcome,
      item: 'besluit:B1',
      by: 'pl-marieke',
      at,
    });
    if (!first || !second) throw new Error('both appended');
    expect(second.seq).toBeGreaterThan(first.seq);
    expect((await m.records('blnp', 'regiegroep', '2026-12-08')).map((r) => r.by)).toEqual([
      'gs-leusden',
      'pl-marieke',
    ]);
    const close = (lastSeq: number) =>
      m.close('blnp', 'regiegroep', '2026-12-08', { lastSeq, at, by: 'gs-leusden', besluitenlijst: list, delivery });
    expect(await close(first.seq)).toBe('records-changed');
    expect((await m.get('blnp', 'regiegroep', '2026-12-08'))?.state).toBe('open');
    expect(await close(second.seq)).toBe('closed');
    expect(await close(second.seq)).toBe('already-closed');
    expect(await m.append('blnp', 'regiegroep', '2026-12-08', { ...outcome, item: 'besluit:B1', by: 'x', at })).toBe(
      false,
    );
    expect(await m.get('blnp', 'regiegroep', '2026-12-08')).toMatchObject({
      state: 'closed',
      closedBy: 'gs-leusden',
      besluitenlijst: list,
    });
    expect((await m.closed('blnp')).map((x) => x.date)).toEqual(['2026-12-08']);
    const rows = await store().bot.deliveries('blnp');
    expect(rows).toMatchObject([
      { key: delivery.key, kind: 'besluitenlijst', status: 'pending', recipient: 'channel:regiegroep' },
    ]);
  });
});
