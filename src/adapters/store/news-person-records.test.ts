// A person's part in the monthly news messages (AVG): the export lists the messages they last edited or approved,
// the person counts as referenced, and the erasure keeps the messages under the pseudonym, their name in the text
// replaced with the other mentions; another editor's message is left alone.
import { describe, expect, it } from 'vitest';
import { backends, useStore } from '../../../tests/helpers/db.ts';
import { personRecords } from './person-records.ts';

const at = new Date('2026-11-30T09:00:00Z');
const who = { id: 'ca-joost', terms: ['Joost Hendriks', 'joost.hendriks@leusden.example'] };

describe.each(backends)('news in a person’s records on $name', (backend) => {
  const store = useStore(backend);

  it('exports what they edited and approved, and pseudonymises it on erasure', async () => {
    const s = store();
    const nov = await s.news.save(
      'blnp',
      '2026-11',
      0,
      { title: 'November', body: 'Met dank aan Joost Hendriks' },
      {
        who: 'ca-joost',
        at,
      },
    );
    await s.news.approve(
      'blnp',
      '2026-11',
      nov?.version ?? 0,
      { who: 'ca-joost', at },
      {
        key: 'news|2026-11|general',
        kind: 'news',
        recipient: 'general',
        payload: { month: '2026-11' },
      },
    );
    await s.news.save('blnp', '2026-10', 0, { title: 'Oktober', body: 'Tekst' }, { who: 'pl-marieke', at });
    const records = personRecords(s.db);
    expect(await records.referenced('blnp', 'ca-joost')).toBe(true);
    const data = await records.collect('blnp', who);
    expect(data.newsMessages).toEqual([
      {
        month: '2026-11',
        title: 'November',
        editedBySelf: true,
        editedAt: at.toISOString(),
        approvedBySelf: true,
        approvedAt: at.toISOString(),
      },
    ]);
    const counts = await records.erase('blnp', who, 'persoon-1', []);
    expect(counts.pseudonymised.newsMessages).toBe(1);
    expect(await s.news.get('blnp', '2026-11')).toMatchObject({
      editedBy: 'persoon-1',
      approvedBy: 'persoon-1',
      body: 'Met dank aan persoon-1',
    });
    expect((await s.news.get('blnp', '2026-10'))?.editedBy).toBe('pl-marieke');
    expect(await records.referenced('blnp', 'ca-joost')).toBe(false);
    expect((await records.collect('blnp', who)).newsMessages).toEqual([]);
  });
});
