// The agenda per meeting (issue 18 §2) on BLNP with an injected clock: the December 2026 regiegroep (Tuesday
// 8 December, the second Tuesday) lists exactly the werkgroepen without an update as such; an update filed for
// November's meeting does not count for December; decisions at the body's level show their days waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMORY, openStore } from '../adapters/store/open.ts';
import type { Store } from '../adapters/store/store.ts';
import type { Programme, Werkgroep } from '../domain/programme/schema.ts';
import { FixedClock } from '../domain/time/clock.ts';
import type { Decision } from '../domain/work/model.ts';
import { loadProgramme } from '../../tests/helpers/programmes.ts';
import type { Caller } from './access.ts';
import { agendaOf, nudgeMissing } from './agenda.ts';
import type { AgendaResponse } from './contract.ts';
import type { AppDeps, Result } from './result.ts';

const DECEMBER = 'regiegroep:2026-12-08';
let p: Programme;
let store: Store;
let clock: FixedClock;
let deps: AppDeps;
let projectleider: Caller;
const pid = () => p.programme.id;

const update = (werkgroep: string, period: string, submittedAt: string, extra: Record<string, unknown> = {}) =>
  store.bot.saveUpdate(pid(), {
    werkgroep,
    period,
    data: {
      werkgroep,
      period,
      status: 'op-koers',
      progress: `Voortgang ${werkgroep}`,
      ks: [],
      actionIds: [],
      ...extra,
    },
    submittedBy: p.bodies.find((b): b is Werkgroep => b.id === werkgroep && b.kind === 'werkgroep')?.trekker ?? '',
    submittedAt: new Date(submittedAt),
  });

const decision = (id: string, werkgroep: string, steps: Decision['steps']): Promise<void> =>
  store.decisions.save(
    pid(),
    { id, title: `Besluit ${id}`, proposal: 'Voorstel', werkgroep, route: [...p.decisionRoute], steps, blocks: [] },
    clock.now(),
  );

function value(r: Result<AgendaResponse>): AgendaResponse {
  if (!r.ok) throw new Error(`refused: ${r.error.key}`);
  return r.value;
}

beforeAll(async () => {
  p = await loadProgramme('blnp');
  clock = new FixedClock('2026-11-23T10:00:00Z');
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  deps = {
    store,
    programme: p,
    clock,
    today: () => clock.now().toISOString().slice(0, 10),
  };
  const pl = p.people.find((x) => x.roles.includes('projectleider'));
  if (!pl) throw new Error('BLNP has a projectleider');
  projectleider = { kind: 'person', person: pl };
  // For December, in full: Financiën (every field) and ICT, both filed for the December meeting.
  await update('wg-financien', DECEMBER, '2026-11-20T09:00:00Z', {
    status: 'aandacht',
    successes: 'Begroting 2027 vastgesteld',
    nextSteps: 'Kostenverdeelsleutel uitwerken',
    blockers: 'Wacht op de jaarcijfers van Putten',
    decisionsNeeded: 'Kiezen tussen twee verdeelsleutels',
    ks: [{ k: 'kosten', note: 'Frictiekosten hoger dan begroot' }],
  });
  await update('wg-ict', DECEMBER, '2026-11-21T09:00:00Z');
  // Filed for the November meeting: does not count for December.
  await update('wg-hrm', 'regiegroep:2026-11-10', '2026-11-05T09:00:00Z');
  // Filed for another meeting (a projectgroep's), after November's regiegroep: the latest before December's counts.
  await update('wg-verrekenmodel', 'pg-inrichting-gr:2026-11-19', '2026-11-18T09:00:00Z');
  // At the regiegroep since 13 November (10 days on the 23rd); one at the projectgroep level (not the regiegroep's).
  await decision('b-regie', 'wg-hrm', [
    { level: 'werkgroep', reachedOn: '2026-10-01' },
    { level: 'projectgroep', reachedOn: '2026-10-20' },
    { level: 'regiegroep', reachedOn: '2026-11-13' },
  ]);
  await decision('b-pg', 'wg-financien', [
    { level: 'werkgroep', reachedOn: '2026-11-02' },
    { level: 'projectgroep', reachedOn: '2026-11-16' },
  ]);
});

afterAll(async () => {
  await store.close();
});

describe('the agenda of the December regiegroep of BLNP', () => {
  it('lists exactly the werkgroepen without an update as such', async () => {
    const a = value(await agendaOf(deps, projectleider, { body: 'regiegroep', date: '2026-12-08' }));
    expect(a.meeting.key).toBe(DECEMBER);
    expect(a.meeting.date).toBe('2026-12-08');
    expect(a.updatesSince).toBe(new Date('2026-11-10T14:00:00Z').toISOString()); // 15:00 Amsterdam, 10 November
    const all = p.bodies.filter((b) => b.kind === 'werkgroep').map((b) => b.id);
    const withUpdate = ['wg-financien', 'wg-ict', 'wg-verrekenmodel'];
    const without = all.filter((id) => !withUpdate.includes(id));
    expect(without).toHaveLength(6);
    expect(a.werkgroepen.map((w) => w.id)).toEqual(all);
    expect(a.werkgroepen.filter((w) => w.update === null).map((w) => w.id)).toEqual(without);
    expect(a.missingUpdates.map((m) => m.werkgroep)).toEqual(without);
    // Named with their trekker, who is the one to nudge.
    const hrm = a.missingUpdates.find((m) => m.werkgroep === 'wg-hrm');
    expect(hrm).toMatchObject({ trekker: 'th-hrm', werkgroepName: expect.any(String) });
    expect(hrm?.trekkerName).toBe(p.people.find((x) => x.id === 'th-hrm')?.name);
  });

  it('shows each update in full', async () => {
    const a = value(await agendaOf(deps, projectleider, { body: 'regiegroep', date: '2026-12-08' }));
    expect(a.werkgroepen.find((w) => w.id === 'wg-financien')?.update).toMatchObject({
      period: DECEMBER,
      status: 'aandacht',
      progress: 'Voortgang wg-financien',
      successes: 'Begroting 2027 vastgesteld',
      nextSteps: 'Kostenverdeelsleutel uitwerken',
      blockers: 'Wacht op de jaarcijfers van Putten',
      decisionsNeeded: 'Kiezen tussen twee verdeelsleutels',
      ks: [{ k: 'kosten', note: 'Frictiekosten hoger dan begroot' }],
      submittedBy: 'th-financien',
      submittedAt: '2026-11-20T09:00:00.000Z',
    });
    expect(a.werkgroepen.find((w) => w.id === 'wg-verrekenmodel')?.update?.period).toBe('pg-inrichting-gr:2026-11-19');
  });

  it('lists the decisions waiting at the regiegroep with their days waiting (local dates)', async () => {
    const a = value(await agendaOf(deps, projectleider, { body: 'regiegroep', date: '2026-12-08' }));
    expect(a.asOf).toBe('2026-11-23');
    expect(a.decisions.map((x) => [x.id, x.since, x.daysWaiting])).toEqual([['b-regie', '2026-11-13', 10]]);
    clock.advance(3 * 86_400_000);
    const later = value(await agendaOf(deps, projectleider, { body: 'regiegroep', date: '2026-12-08' }));
    expect(later.decisions.map((x) => x.daysWaiting)).toEqual([13]);
    clock.set('2026-11-23T10:00:00Z');
  });

  it('without a date is the next meeting by the clock; once December has passed, January has no updates yet', async () => {
    expect(value(await agendaOf(deps, projectleider, {})).meeting.key).toBe(DECEMBER);
    clock.set('2026-12-08T16:31:00Z'); // 17:31 in Amsterdam: December's meeting (15:00–16:30) has ended
    const january = value(await agendaOf(deps, projectleider, { body: 'regiegroep' }));
    expect(january.meeting.key).toBe('regiegroep:2027-01-12');
    expect(january.missingUpdates).toHaveLength(9);
    clock.set('2026-11-23T10:00:00Z');
  });

  it("a projectgroep's agenda: its own werkgroepen and the decisions at its level", async () => {
    // Projectgroep Harmonisatie meets every other Monday from 5 January 2026: 23 November is one of them.
    const a = value(await agendaOf(deps, projectleider, { body: 'pg-harmonisatie', date: '2026-11-23' }));
    expect(a.werkgroepen.map((w) => w.id)).toEqual(['wg-financien', 'wg-ict', 'wg-hrm', 'wg-jz']);
    expect(a.decisions.map((x) => [x.id, x.daysWaiting])).toEqual([['b-pg', 7]]);
  });

  it('refuses an unknown body, a date without a meeting and a malformed date, in Dutch and English', async () => {
    const refusal = async (q: Parameters<typeof agendaOf>[2]) => {
      const r = await agendaOf(deps, projectleider, q);
      if (r.ok) throw new Error('expected a refusal');
      return [r.error.code, r.error.key];
    };
    expect(await refusal({ body: 'wg-ict' })).toEqual(['not_found', 'agenda.bodyNotFound']);
    expect(await refusal({ body: 'regiegroep', date: '2026-12-09' })).toEqual(['not_found', 'agenda.noMeetingOn']);
    expect(await refusal({ body: 'regiegroep', date: '2026-02-30' })).toEqual(['bad_input', 'api.badInput']);
    expect(await refusal({ body: 'regiegroep', date: '2029-01-09' })).toEqual(['not_found', 'agenda.noMeetingOn']);
  });
});

describe('the one-click nudge of the werkgroepen without an update', () => {
  it('sends the reminder to the trekker of each werkgroep without one, or of one named', async () => {
    const sent: { key: string; to: { werkgroep: string; trekker: string }[] }[] = [];
    const nudge = async (key: string, to: { werkgroep: string; trekker: string }[]) => {
      sent.push({ key, to });
      return to.length;
    };
    const all = value(await agendaOf(deps, projectleider, { body: 'regiegroep', date: '2026-12-08' }));
    const r = await nudgeMissing(deps, projectleider, { date: '2026-12-08' }, nudge);
    if (!r.ok) throw new Error(r.error.key);
    expect(r.value.nudged).toEqual(all.missingUpdates.map((m) => ({ werkgroep: m.werkgroep, trekker: m.trekker })));
    expect(r.value.dispatched).toBe(6);
    expect(sent).toEqual([{ key: DECEMBER, to: r.value.nudged }]);
    const one = await nudgeMissing(deps, projectleider, { werkgroep: 'wg-hrm' }, nudge);
    expect(one.ok && one.value.nudged).toEqual([{ werkgroep: 'wg-hrm', trekker: 'th-hrm' }]);
    // A werkgroep that has sent its update is not nudged; a trekker may not nudge (rhythm.trigger).
    const sentBefore = sent.length;
    const done = await nudgeMissing(deps, projectleider, { werkgroep: 'wg-ict' }, nudge);
    expect(!done.ok && [done.error.code, done.error.key]).toEqual(['not_possible', 'agenda.nudgeNotMissing']);
    const trekker = p.people.find((x) => x.id === 'th-ict');
    if (!trekker) throw new Error('BLNP has th-ict');
    const refused = await nudgeMissing(deps, { kind: 'person', person: trekker }, {}, nudge);
    expect(!refused.ok && refused.error.code).toBe('forbidden');
    expect(sent).toHaveLength(sentBefore);
  });
});
