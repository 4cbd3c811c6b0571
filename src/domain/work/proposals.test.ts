import { describe, expect, it } from 'vitest';
import type { BodyKind } from '../programme/schema.ts';
import { liveBlockers } from './dependencies.ts';
import { leadTimes } from './decisions.ts';
import { WorkError, type Action, type Decision } from './model.ts';
import {
  close,
  editProposal,
  levelOf,
  moveTo,
  propose,
  undo,
  undoable,
  UNDO_WINDOW_MINUTES,
  withdraw,
  type DecisionEvent,
} from './proposals.ts';

const ROUTE: BodyKind[] = ['werkgroep', 'projectgroep', 'regiegroep', 'stuurgroep', 'bestuur'];
const INPUT = {
  title: 'Eén zaaksysteem',
  proposal: 'Alle vier gemeenten gaan over op één zaaksysteem.',
  werkgroep: 'ict',
  level: 'projectgroep' as const,
  blocks: ['a1', 'a1', 'a2'],
};

function refusal(fn: () => unknown): WorkError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkError) return error;
    throw error;
  }
  throw new Error('expected a WorkError');
}

const proposed = (): Decision => propose('B1', INPUT, ROUTE, 'p-trekker', '2026-11-02');

describe('propose', () => {
  it('starts the decision at the chosen level today, so its lead time starts at the proposal', () => {
    const d = proposed();
    expect(d.steps).toEqual([{ level: 'projectgroep', reachedOn: '2026-11-02' }]);
    expect(d.proposedBy).toBe('p-trekker');
    expect(d.blocks).toEqual(['a1', 'a2']);
    expect(d.origin).toBeUndefined();
    expect(leadTimes(d, '2026-11-09')).toMatchObject({ totalDays: 7, decided: false });
  });

  it('links the update it came from', () => {
    const d = propose('B2', { ...INPUT, fromUpdate: 'upd-ict-2026-11' }, ROUTE, 'p', '2026-11-02');
    expect(d.origin).toEqual({ kind: 'update', ref: 'upd-ict-2026-11' });
  });

  it('refuses a level that is not on the route', () => {
    expect(refusal(() => propose('B3', { ...INPUT, level: 'projectteam' }, ROUTE, 'p', '2026-11-02')).key).toBe(
      'work.decision.notOnRoute',
    );
  });
});

describe('moveTo and close', () => {
  it('moves up the route, dated today', () => {
    const d = moveTo(proposed(), 'regiegroep', '2026-11-10');
    expect(levelOf(d)).toBe('regiegroep');
    expect(leadTimes(d, '2026-11-12').levels.map((l) => [l.level, l.days])).toEqual([
      ['projectgroep', 8],
      ['regiegroep', 2],
    ]);
  });

  it('refuses the level it is at, a lower level, and a move after the outcome or withdrawal', () => {
    expect(refusal(() => moveTo(proposed(), 'projectgroep', '2026-11-10')).key).toBe('work.decision.sameLevel');
    expect(refusal(() => moveTo(proposed(), 'werkgroep', '2026-11-10')).key).toBe('work.decision.routeOrder');
    const closed = close(proposed(), 'besloten', '2026-11-10');
    expect(refusal(() => moveTo(closed, 'regiegroep', '2026-11-11')).key).toBe('work.decision.closed');
    const gone = withdraw(proposed(), '2026-11-10');
    expect(refusal(() => moveTo(gone, 'regiegroep', '2026-11-11')).key).toBe('work.decision.withdrawn');
    expect(refusal(() => close(gone, 'besloten', '2026-11-11')).key).toBe('work.decision.withdrawn');
  });

  it('closes with the outcome chosen and stops the lead time', () => {
    const d = close(proposed(), 'afgewezen', '2026-11-05');
    expect(d.outcome).toEqual({ kind: 'afgewezen', on: '2026-11-05' });
    expect(leadTimes(d, '2026-12-01')).toMatchObject({ totalDays: 3, decided: true });
  });
});

describe('editProposal and withdraw', () => {
  it('edits only the fields given, and refuses an edit naming none', () => {
    const d = editProposal(proposed(), { title: 'Eén zaaksysteem per 2028' });
    expect(d.title).toBe('Eén zaaksysteem per 2028');
    expect(d.proposal).toBe(INPUT.proposal);
    expect(refusal(() => editProposal(proposed(), {})).key).toBe('work.decision.emptyEdit');
  });

  it('withdraws: not decided, lead time stops, it blocks nothing any more', () => {
    const d = withdraw(proposed(), '2026-11-04');
    expect(leadTimes(d, '2026-12-01')).toMatchObject({ totalDays: 2, decided: false });
    expect(leadTimes(d, '2026-12-01').levels[0]?.current).toBe(false);
    const action: Action = {
      id: 'a1',
      werkgroep: 'ict',
      title: 'A',
      owners: [],
      status: 'open',
      ks: [],
      blockedBy: [],
    };
    expect(liveBlockers([action], [proposed()]).get('a1')).toEqual([{ kind: 'decision', id: 'B1' }]);
    expect(liveBlockers([action], [d]).has('a1')).toBe(false);
    expect(refusal(() => withdraw(d, '2026-11-05')).key).toBe('work.decision.withdrawn');
  });
});

describe('undo', () => {
  const at = '2026-11-10T09:00:00.000Z';
  const moved: DecisionEvent = { decisionId: 'B1', at, by: 'p', kind: 'moved', from: 'projectgroep', to: 'regiegroep' };
  const closed: DecisionEvent = { decisionId: 'B1', at, by: 'p', kind: 'closed', outcome: 'besloten' };

  it('may undo the latest move or outcome within the window, not after it, not an edit', () => {
    const start = Date.parse(at);
    expect(undoable(moved, true, new Date(start + UNDO_WINDOW_MINUTES * 60_000))).toBe(true);
    expect(undoable(moved, true, new Date(start + UNDO_WINDOW_MINUTES * 60_000 + 1))).toBe(false);
    expect(undoable(closed, false, new Date(start))).toBe(false);
    expect(undoable({ ...moved, kind: 'edited' }, true, new Date(start))).toBe(false);
  });

  it('takes the move or the outcome back', () => {
    const before = proposed();
    expect(undo(moveTo(before, 'regiegroep', '2026-11-10'), moved)).toEqual(before);
    expect(undo(close(before, 'besloten', '2026-11-10'), closed)).toEqual(before);
  });

  it('refuses when the decision no longer shows that move', () => {
    expect(refusal(() => undo(proposed(), moved)).key).toBe('work.decision.nothingToUndo');
  });
});
