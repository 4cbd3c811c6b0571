import { describe, expect, it } from 'vitest';
import { t } from '../i18n.ts';
import { addBlock, blockedChains, liveBlockers } from './dependencies.ts';
import { WorkCycleError, type Decision } from './model.ts';
import { action, workProgramme } from './testing.ts';

const today = '2024-03-01';

function decision(id: string, overrides: Partial<Decision> = {}): Decision {
  return {
    id,
    title: `Besluit ${id}`,
    proposal: 'Voorstel',
    werkgroep: 'financien',
    route: ['werkgroep', 'regiegroep'],
    steps: [],
    blocks: [],
    ...overrides,
  };
}

function cycleOf(fn: () => unknown): WorkCycleError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkCycleError) return error;
    throw error;
  }
  throw new Error('expected a WorkCycleError');
}

describe('blockedChains', () => {
  const actions = [
    action('a1', { createdOn: '2024-01-01', blockedBy: [{ kind: 'action', id: 'a2' }] }),
    action('a2', { createdOn: '2024-02-01', status: 'wacht', blockedBy: [{ kind: 'decision', id: 'd1' }] }),
    action('a3', { createdOn: '2024-01-01', blockedSince: '2024-02-20' }), // blocked through d2.blocks
    action('a4', { createdOn: '2023-06-01', blockedBy: [{ kind: 'decision', id: 'd3' }] }), // d3 is taken
    action('a5', { createdOn: '2023-06-01', status: 'gereed', blockedBy: [{ kind: 'action', id: 'a2' }] }),
    action('a6', { createdOn: '2023-06-01', blockedBy: [{ kind: 'action', id: 'a7' }] }),
    action('a7', { status: 'gereed' }),
    action('a8', { createdOn: '2023-06-01', deleted: true, blockedBy: [{ kind: 'decision', id: 'd1' }] }),
  ];
  const decisions = [
    decision('d1'),
    decision('d2', { blocks: ['a3'] }),
    decision('d3', {
      steps: [{ level: 'werkgroep', reachedOn: '2024-01-01' }],
      outcome: { kind: 'besloten', on: '2024-01-05' },
      blocks: ['a4'],
    }),
  ];

  it('lists open chains oldest wait first, werkgroep dependencies (no start date) last', () => {
    const chains = blockedChains(workProgramme(), actions, decisions, today);
    expect(chains.map((c) => [c.items.map((i) => `${i.kind}:${i.id}`), c.oldestWaitDays])).toEqual([
      [['action:a1', 'action:a2', 'decision:d1'], 60],
      [['action:a3', 'decision:d2'], 10],
      [['werkgroep:financien', 'werkgroep:ict'], undefined],
      [['werkgroep:verrekenmodel', 'werkgroep:besturingsfilosofie'], undefined],
    ]);
    expect(chains[0]!.items.map((i) => i.waitDays)).toEqual([60, 29, undefined]);
  });

  it('says what each open action waits on now, from either side of the link, and nothing for resolved waits', () => {
    const live = liveBlockers(actions, decisions);
    expect(Object.fromEntries(live)).toEqual({
      a1: [{ kind: 'action', id: 'a2' }],
      a2: [{ kind: 'decision', id: 'd1' }],
      a3: [{ kind: 'decision', id: 'd2' }],
    });
    // a4 waits on a decision that was taken, a5 is done, a6 waits on a finished action, a8 is deleted.
    for (const id of ['a4', 'a5', 'a6', 'a7', 'a8']) expect(live.has(id)).toBe(false);
    expect(liveBlockers([action('z', { blockedBy: [{ kind: 'decision', id: 'gone' }] })], []).get('z')).toEqual([
      { kind: 'decision', id: 'gone' },
    ]);
  });

  it('splits a head with two blockers into two chains', () => {
    const chains = blockedChains(
      { dependencies: [] },
      [
        action('x', {
          createdOn: '2024-02-25',
          blockedBy: [
            { kind: 'decision', id: 'd1' },
            { kind: 'action', id: 'y' },
          ],
        }),
        action('y', { createdOn: '2024-02-01', blockedBy: [{ kind: 'decision', id: 'd1' }] }),
      ],
      [decision('d1')],
      today,
    );
    expect(chains.map((c) => c.items.map((i) => i.id))).toEqual([
      ['x', 'y', 'd1'],
      ['x', 'd1'],
    ]);
    expect(chains.map((c) => c.oldestWaitDays)).toEqual([29, 5]);
  });

  it('refuses cyclic werkgroep dependencies, naming the cycle', () => {
    const error = cycleOf(() =>
      blockedChains(
        {
          dependencies: [
            { werkgroep: 'ict', waitsOn: ['financien'] },
            { werkgroep: 'financien', waitsOn: ['ict'] },
          ],
        },
        [],
        [],
        today,
      ),
    );
    expect(error.key).toBe('work.cycle');
    expect(error.cycle).toEqual(['financien', 'ict', 'financien']);
  });
});

describe('addBlock', () => {
  const actions = [
    action('a1', { createdOn: '2024-01-01', blockedBy: [{ kind: 'action', id: 'a2' }] }),
    action('a2', { createdOn: '2024-01-01', blockedBy: [{ kind: 'action', id: 'a3' }] }),
    action('a3', { createdOn: '2024-01-01' }),
  ];

  it('adds a blocker, marks since when, and leaves the input alone', () => {
    const next = addBlock(actions, 'a3', { kind: 'decision', id: 'd1' }, today);
    expect(next.find((a) => a.id === 'a3')).toMatchObject({
      blockedBy: [{ kind: 'decision', id: 'd1' }],
      blockedSince: today,
    });
    expect(actions[2]!.blockedBy).toEqual([]);
  });

  it('refuses a cycle and names it', () => {
    const error = cycleOf(() => addBlock(actions, 'a3', { kind: 'action', id: 'a1' }, today));
    expect(error.cycle).toEqual(['a1', 'a2', 'a3', 'a1']);
    expect(error.message).toBe('dit zou een kringloop van wachten maken: a1 → a2 → a3 → a1');
    expect(t(error.key, error.params, 'en')).toBe('this would make a cycle of waits: a1 → a2 → a3 → a1');
  });

  it('refuses an action waiting on itself, and on a done action that would close a cycle when reopened', () => {
    expect(cycleOf(() => addBlock(actions, 'a3', { kind: 'action', id: 'a3' }, today)).cycle).toEqual(['a3', 'a3']);
    const withDone = actions.map((a) => (a.id === 'a1' ? { ...a, status: 'gereed' as const } : a));
    expect(cycleOf(() => addBlock(withDone, 'a3', { kind: 'action', id: 'a1' }, today)).cycle).toEqual([
      'a1',
      'a2',
      'a3',
      'a1',
    ]);
  });

  it('refuses an unknown action', () => {
    expect(() => addBlock(actions, 'nope', { kind: 'action', id: 'a1' }, today)).toThrow("actie 'nope' bestaat niet");
  });
});
