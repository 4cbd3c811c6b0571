// Guest invitation states on both backends: saved per person, first invited/accepted times kept, a return to
// not-invited clears them, another programme's rows stay apart.
import { describe, expect, it } from 'vitest';
import { backends, useStore } from '../../../tests/helpers/db.ts';

describe.each(backends)('guest invitations on $name', (backend) => {
  const store = useStore(backend);

  it('keeps where each invitation stands, with the first invited and accepted times', async () => {
    const t1 = new Date('2026-11-23T08:00:00Z');
    const t2 = new Date('2026-11-24T08:00:00Z');
    const t3 = new Date('2026-11-25T08:00:00Z');
    const guests = store().guests;
    await guests.save('p', [{ personId: 'bram', state: 'not-invited' }], t1);
    await guests.save('p', [{ personId: 'bram', state: 'invited', guestUserId: 'g-1' }], t2);
    await guests.save('p', [{ personId: 'bram', state: 'invited', guestUserId: 'g-1' }], t3);
    expect(await guests.list('p')).toEqual([
      { personId: 'bram', state: 'invited', guestUserId: 'g-1', invitedAt: t2, acceptedAt: null, updatedAt: t2 },
    ]);
    await guests.save('p', [{ personId: 'bram', state: 'accepted', guestUserId: 'g-1' }], t3);
    expect(await guests.list('p')).toMatchObject([{ state: 'accepted', invitedAt: t2, acceptedAt: t3, updatedAt: t3 }]);
    await guests.save('andere', [{ personId: 'bram', state: 'not-invited' }], t3);
    expect((await guests.list('p')).map((g) => g.state)).toEqual(['accepted']);
    await guests.save('p', [{ personId: 'bram', state: 'not-invited' }], t3);
    expect(await guests.list('p')).toMatchObject([{ state: 'not-invited', invitedAt: null, acceptedAt: null }]);
  });
});
