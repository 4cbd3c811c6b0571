// The werkgroep read model names each guest's invitation state (issue 14 §4): null for people of the host
// gemeente and for werkgroepen without guest access; not-invited until the sync stored otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProgrammeFile } from '../../adapters/files/programme-file.ts';
import { openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { werkgroep } from './werkgroep.ts';

describe('werkgroep view: guests', () => {
  let store: Store;
  let programme: Programme;
  beforeAll(async () => {
    const loaded = await loadProgrammeFile(
      new URL('../../../tests/fixtures/programmes/guests.yaml', import.meta.url).pathname,
    );
    if (!loaded.ok) throw new Error('guests.yaml does not load');
    programme = loaded.programme;
    store = await openStore({ dataDir: 'memory://' });
    await store.migrate();
  });
  afterAll(async () => {
    await store.close();
  });

  it('gives each member their guest state', async () => {
    const deps = { store, programme, clock: new FixedClock('2026-11-23T08:00:00Z'), today: () => '2026-11-23' };
    const guestOf = async (id: string) => {
      const r = await werkgroep(deps, id);
      if (!r.ok) throw new Error('not found');
      return Object.fromEntries(r.value.members.map((m) => [m.id, m.guest]));
    };
    expect(await guestOf('wg-communicatie')).toEqual({ bram: 'not-invited', cor: null, gert: 'not-invited' });
    await store.guests.save('gasten', [{ personId: 'bram', state: 'invited', guestUserId: 'g-1' }], new Date());
    await store.guests.save('gasten', [{ personId: 'bea', state: 'accepted', guestUserId: 'g-2' }], new Date());
    expect(await guestOf('wg-communicatie')).toEqual({ bram: 'invited', cor: null, gert: 'not-invited' });
    expect(await guestOf('wg-huisvesting')).toEqual({ cor: null, bea: 'accepted', anna: null });
  });

  it('gives each update in full, with the id a proposal made from it refers to (issue 18 §1)', async () => {
    const deps = { store, programme, clock: new FixedClock('2026-11-23T08:00:00Z'), today: () => '2026-11-23' };
    const data = {
      status: 'aandacht',
      progress: 'Loopt',
      successes: 'Eerste versie klaar',
      nextSteps: 'Testen',
      blockers: 'Wacht op budget',
      decisionsNeeded: 'Budget voor de pilot',
      ks: [{ k: 'kosten', note: 'Binnen budget' }],
    };
    await store.bot.saveUpdate(programme.programme.id, {
      werkgroep: 'wg-communicatie',
      period: 'regiegroep:2026-12-08',
      data,
      submittedBy: 'cor',
      submittedAt: new Date('2026-11-20T09:00:00Z'),
    });
    const r = await werkgroep(deps, 'wg-communicatie');
    if (!r.ok) throw new Error('not found');
    expect(r.value.updates).toHaveLength(1);
    expect(r.value.updates[0]).toMatchObject({ ...data, id: 'wg-communicatie@regiegroep:2026-12-08' });
    expect(r.value.updates[0]?.proposedAs).toBeUndefined();
  });

  it('names per update the decision proposed from it, as the bot does (issue 18 §1)', async () => {
    const deps = { store, programme, clock: new FixedClock('2026-11-23T08:00:00Z'), today: () => '2026-11-23' };
    const ref = 'wg-communicatie@regiegroep:2026-12-08';
    const pid = programme.programme.id;
    const at = '2026-11-23T08:00:00.000Z';
    const decision = (id: string, title: string, origin?: string) => ({
      id,
      title,
      proposal: title,
      werkgroep: 'wg-communicatie',
      route: [...programme.decisionRoute],
      steps: [{ level: 'werkgroep' as const, reachedOn: '2026-11-23' }],
      blocks: [],
      ...(origin ? { origin: { kind: 'update' as const, ref: origin } } : {}),
    });
    for (const x of [decision('B1', 'Los besluit'), decision('B2', 'Budget voor de pilot', ref)])
      await store.decisions.insert(pid, x, { decisionId: x.id, at, by: 'cor', kind: 'proposed', to: 'werkgroep' });
    const r = await werkgroep(deps, 'wg-communicatie');
    if (!r.ok) throw new Error('not found');
    expect(r.value.updates.map((u) => [u.id, u.proposedAs])).toEqual([
      [ref, { id: 'B2', title: 'Budget voor de pilot' }],
    ]);
  });
});
