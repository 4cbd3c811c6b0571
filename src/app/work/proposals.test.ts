// The use cases for decisions entered by people, on a real (in-memory) store with an injected clock: the history
// records who moved what when from → to; the undo window is driven by moving the clock, not by waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMORY, openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import { seedActions } from '../../adapters/work/seed.ts';
import type { Person, Programme, Werkgroep } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { UNDO_WINDOW_MINUTES } from '../../domain/work/proposals.ts';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import type { Caller } from '../access.ts';
import type { AppDeps } from '../result.ts';
import { decisionLog } from './decisions.ts';
import {
  closeProposal,
  decisionHistory,
  editProposalOf,
  moveProposal,
  proposeDecision,
  undoLastChange,
  withdrawProposal,
} from './proposals.ts';

let p: Programme;
let store: Store;
let d: AppDeps;
let wg: Werkgroep;
let member: Caller;
let leider: Caller;
let leiderId: string;
let actionId: string;
const clock = new FixedClock('2026-11-23T10:00:00Z');

const person = (x: Person | undefined): Caller => {
  if (!x) throw new Error('BLNP has this person');
  return { kind: 'person', person: x };
};

beforeAll(async () => {
  p = await loadProgramme('blnp');
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  for (const a of seedActions(p, '2026-11-23')) await store.actions.save(p.programme.id, a, clock.now());
  const first = p.bodies.find((b): b is Werkgroep => b.kind === 'werkgroep');
  if (!first) throw new Error('BLNP has a werkgroep');
  wg = first;
  const leiderPerson = p.people.find((x) => x.roles.includes('projectleider'));
  leiderId = leiderPerson?.id ?? '';
  leider = person(leiderPerson);
  member = person(
    p.people.find((x) => wg.members.includes(x.id) && !x.roles.includes('projectleider') && x.id !== wg.trekker),
  );
  actionId = (await store.actions.list(p.programme.id, { werkgroep: wg.id }))[0]?.id ?? '';
  d = { store, programme: p, clock, today: () => clock.now().toISOString().slice(0, 10) };
});

afterAll(async () => {
  await store.close();
});

const proposeOne = async (title: string) => {
  const r = await proposeDecision(d, member, {
    title,
    proposal: 'Voorstel',
    werkgroep: wg.id,
    level: 'werkgroep',
    blocks: [actionId],
    fromUpdate: 'update-ict-2026-11',
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('decisions entered by people', () => {
  it('a proposal is in the log from today, linked to its update, blocking its action', async () => {
    clock.set('2026-11-23T10:00:00Z');
    const x = await proposeOne('Gezamenlijk zaaksysteem');
    expect(x.id).toMatch(/^B20261123-\d+$/);
    expect(x.origin).toEqual({ kind: 'update', ref: 'update-ict-2026-11' });
    clock.set('2026-11-30T10:00:00Z');
    const logged = (await decisionLog(d)).decisions.find((y) => y.id === x.id);
    expect(logged?.leadTimes.totalDays).toBe(7);
    expect(logged?.blocks).toEqual([actionId]);
  });

  it('records every move; undoes the last one within the window, and not after it', async () => {
    clock.set('2026-11-23T10:00:00Z');
    const x = await proposeOne('Eén telefoonnummer');
    clock.set('2026-11-24T09:00:00Z');
    const moved = await moveProposal(d, leider, x.id, { level: 'projectgroep' }, x.version);
    if (!moved.ok) throw new Error(JSON.stringify(moved.error));
    clock.advance(UNDO_WINDOW_MINUTES * 60_000);
    const back = await undoLastChange(d, leider, x.id, moved.value.version);
    if (!back.ok) throw new Error(JSON.stringify(back.error));
    expect(back.value.steps.map((s) => s.level)).toEqual(['werkgroep']);

    const again = await moveProposal(d, leider, x.id, { level: 'regiegroep' }, back.value.version);
    if (!again.ok) throw new Error(JSON.stringify(again.error));
    clock.advance(UNDO_WINDOW_MINUTES * 60_000 + 1000);
    const late = await undoLastChange(d, leider, x.id, again.value.version);
    expect(late.ok ? 'undone' : late.error.key).toBe('work.decision.nothingToUndo');

    const h = await decisionHistory(d, x.id);
    if (!h.ok) throw new Error('history');
    expect(h.value.events.map((e) => [e.kind, e.from ?? '-', e.to ?? '-', e.by])).toEqual([
      ['proposed', '-', 'werkgroep', member.kind === 'person' ? member.person.id : ''],
      ['moved', 'werkgroep', 'projectgroep', leiderId],
      ['undone', 'projectgroep', 'werkgroep', leiderId],
      ['moved', 'werkgroep', 'regiegroep', leiderId],
    ]);
    expect(h.value.events[1]?.at).toBe('2026-11-24T09:00:00.000Z');
    expect(h.value.undoUntil).toBeUndefined();
    // Who, by name: every person of the history (the tab shows names, not ids).
    const names = (id: string) => p.people.find((x) => x.id === id)?.name;
    expect(Object.entries(h.value.names).sort()).toEqual(
      [...new Set(h.value.events.map((e) => e.by))].map((id) => [id, names(id)]).sort(),
    );
    expect(h.value.names[leiderId]).toBeTruthy();
  });

  it('undoes an outcome within the window; the history says until when', async () => {
    clock.set('2026-11-23T10:00:00Z');
    const x = await proposeOne('Harmonisatie leges');
    const closed = await closeProposal(d, leider, x.id, { outcome: 'besloten' }, x.version);
    if (!closed.ok) throw new Error(JSON.stringify(closed.error));
    const h = await decisionHistory(d, x.id);
    expect(h.ok && h.value.undoUntil).toBe('2026-11-23T10:10:00.000Z');
    const back = await undoLastChange(d, leider, x.id, closed.value.version);
    expect(back.ok && back.value.outcome).toBeUndefined();
    expect(back.ok && back.value.leadTimes.decided).toBe(false);
  });

  it('the decision log carries undoUntil while the window is open, also after a reload, and not once it passed', async () => {
    // The store is shared with the tests above, whose decisions moved on 2026-11-24: the log is read after that.
    clock.set('2026-11-24T23:50:00Z');
    const x = await proposeOne('Gedeelde archiefruimte');
    const inLog = async () => (await decisionLog(d)).decisions.find((y) => y.id === x.id);
    expect((await inLog())?.undoUntil).toBeUndefined(); // a proposal is withdrawn, not undone
    clock.set('2026-11-24T23:58:00Z');
    const moved = await moveProposal(d, leider, x.id, { level: 'projectgroep' }, x.version);
    if (!moved.ok) throw new Error(JSON.stringify(moved.error));
    clock.set('2026-11-25T00:05:00Z'); // the next day: the move is dated yesterday
    const open = await inLog();
    expect(open?.undoUntil).toBe('2026-11-25T00:08:00.000Z');
    expect(open?.version).toBe(moved.value.version);
    clock.set('2026-11-25T00:08:01Z');
    expect((await inLog())?.undoUntil).toBeUndefined();
  });

  it('a werkgroep member may propose, edit and withdraw their own, but not move or close', async () => {
    clock.set('2026-11-23T10:00:00Z');
    const x = await proposeOne('Werkplekbeleid');
    const move = await moveProposal(d, member, x.id, { level: 'projectgroep' }, x.version);
    expect(move.ok ? 'moved' : move.error.code).toBe('forbidden');
    const shut = await closeProposal(d, member, x.id, { outcome: 'afgewezen' }, x.version);
    expect(shut.ok ? 'closed' : shut.error.key).toBe('api.notDecider');
    const edited = await editProposalOf(d, member, x.id, { title: 'Werkplekbeleid 2027' }, x.version);
    if (!edited.ok) throw new Error(JSON.stringify(edited.error));
    const stale = await withdrawProposal(d, member, x.id, x.version);
    expect(stale.ok ? 'withdrawn' : stale.error.code).toBe('changed');
    const gone = await withdrawProposal(d, member, x.id, edited.value.version);
    expect(gone.ok && gone.value.withdrawn).toEqual({ on: '2026-11-23' });
  });

  it('refuses an edit or move without a version, and unknown werkgroepen or actions', async () => {
    const x = await proposeOne('Versie verplicht');
    const noVersion = await moveProposal(d, leider, x.id, { level: 'projectgroep' });
    expect(noVersion.ok ? 'moved' : noVersion.error.code).toBe('version_required');
    const star = await editProposalOf(d, leider, x.id, { title: 'x' }, '*');
    expect(star.ok ? 'edited' : star.error.code).toBe('version_required');
    const wrongWg = await proposeDecision(d, leider, {
      title: 'x',
      proposal: 'y',
      werkgroep: 'geen',
      level: 'werkgroep',
    });
    expect(wrongWg.ok ? 'proposed' : wrongWg.error.key).toBe('api.unknownWerkgroep');
    const wrongAction = await proposeDecision(d, leider, {
      title: 'x',
      proposal: 'y',
      werkgroep: wg.id,
      level: 'werkgroep',
      blocks: ['bestaat-niet'],
    });
    expect(wrongAction.ok ? 'proposed' : wrongAction.error.key).toBe('api.unknownActions');
    const level = await proposeDecision(d, leider, {
      title: 'x',
      proposal: 'y',
      werkgroep: wg.id,
      level: 'projectteam',
    });
    expect(level.ok ? 'proposed' : level.error.key).toBe('work.decision.notOnRoute');
  });
});
