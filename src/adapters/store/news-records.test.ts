// The monthly news messages on both backends: the first save and each later one only over the version it was made
// on, approval once with its delivery in the bot's ledger (and nothing in the ledger before), no save after it.
import { describe, expect, it } from 'vitest';
import { backends, useStore } from '../../../tests/helpers/db.ts';

const at = new Date('2026-11-30T09:00:00Z');
const later = new Date('2026-11-30T10:00:00Z');
const delivery = (key: string) => ({ key, kind: 'news', recipient: 'general', payload: { month: '2026-11' } });

describe.each(backends)('news records on $name', (backend) => {
  const store = useStore(backend);

  it('saves over the expected version only, approves once with its delivery, and takes no save after', async () => {
    const n = store().news;
    expect(await n.get('blnp', '2026-11')).toBeUndefined();
    const first = await n.save('blnp', '2026-11', 0, { title: 'T', body: 'B' }, { who: null, at });
    expect(first).toMatchObject({ month: '2026-11', version: 1, editedBy: null, approvedBy: null });
    // A second composition racing the first: nothing written.
    expect(await n.save('blnp', '2026-11', 0, { title: 'T2', body: 'B2' }, { who: null, at })).toBeUndefined();
    const edited = await n.save('blnp', '2026-11', 1, { title: 'T', body: 'Bewerkt' }, { who: 'ca-joost', at: later });
    expect(edited).toMatchObject({ version: 2, body: 'Bewerkt', editedBy: 'ca-joost', editedAt: later });
    // A stale save (made on version 1) is not written over the edit.
    expect(await n.save('blnp', '2026-11', 1, { title: 'X', body: 'X' }, { who: 'pl-marieke', at })).toBeUndefined();
    expect((await n.get('blnp', '2026-11'))?.body).toBe('Bewerkt');

    expect(await store().bot.deliveries('blnp')).toEqual([]);
    expect(await n.approve('blnp', '2026-11', 1, { who: 'ca-joost', at: later }, delivery('news|2026-11'))).toBe(
      undefined,
    );
    expect(await store().bot.deliveries('blnp')).toEqual([]);
    const approved = await n.approve('blnp', '2026-11', 2, { who: 'ca-joost', at: later }, delivery('news|2026-11'));
    expect(approved).toMatchObject({ approvedBy: 'ca-joost', approvedAt: later, deliveryKey: 'news|2026-11' });
    const ledger = await store().bot.deliveries('blnp');
    expect(ledger.map((d) => [d.key, d.kind, d.recipient, d.status])).toEqual([
      ['news|2026-11', 'news', 'general', 'pending'],
    ]);
    expect(await n.approve('blnp', '2026-11', 2, { who: 'pl-marieke', at }, delivery('news|2026-11b'))).toBe(undefined);
    expect(await n.save('blnp', '2026-11', 2, { title: 'Y', body: 'Y' }, { who: 'ca-joost', at })).toBeUndefined();
    expect((await store().bot.deliveries('blnp')).length).toBe(1);
    expect((await n.list('blnp')).map((m) => m.month)).toEqual(['2026-11']);
  });
});
