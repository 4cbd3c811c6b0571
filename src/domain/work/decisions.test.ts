import { describe, expect, it } from 'vitest';
import { t } from '../i18n.ts';
import type { BodyKind } from '../programme/schema.ts';
import { changeDecision, leadTimes, medianLeadTimes } from './decisions.ts';
import { WorkError, type Decision } from './model.ts';

const ROUTE: BodyKind[] = ['werkgroep', 'projectgroep', 'regiegroep', 'stuurgroep', 'bestuur'];

function decision(id: string, steps: [BodyKind, string][], outcome?: Decision['outcome']): Decision {
  return {
    id,
    title: `Besluit ${id}`,
    proposal: 'Voorstel',
    werkgroep: 'financien',
    route: ROUTE,
    steps: steps.map(([level, reachedOn]) => ({ level, reachedOn })),
    blocks: [],
    ...(outcome ? { outcome } : {}),
  };
}

function refusal(fn: () => unknown): WorkError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkError) return error;
    throw error;
  }
  throw new Error('expected a WorkError');
}

describe('leadTimes', () => {
  it('counts calendar days per level up to the outcome', () => {
    const d = decision(
      'a',
      [
        ['werkgroep', '2024-01-01'],
        ['projectgroep', '2024-01-15'],
        ['regiegroep', '2024-02-05'],
      ],
      { kind: 'besloten', on: '2024-02-20' },
    );
    const times = leadTimes(d, '2024-06-01');
    expect(times.levels.map((l) => [l.level, l.days, l.current])).toEqual([
      ['werkgroep', 14, false],
      ['projectgroep', 21, false],
      ['regiegroep', 15, false],
    ]);
    expect(times.totalDays).toBe(50);
    expect(times.decided).toBe(true);
  });

  it('measures an open decision to today, across a leap day', () => {
    const d = decision('b', [
      ['werkgroep', '2024-01-10'],
      ['projectgroep', '2024-02-01'],
    ]);
    const times = leadTimes(d, '2024-03-01');
    expect(times.levels).toEqual([
      { level: 'werkgroep', from: '2024-01-10', to: '2024-02-01', days: 22, current: false },
      { level: 'projectgroep', from: '2024-02-01', to: '2024-03-01', days: 29, current: true },
    ]);
    expect(times.totalDays).toBe(51);
    expect(times.decided).toBe(false);
  });

  it('skipped levels are allowed; a postponed decision stops the clock but is not decided', () => {
    const times = leadTimes(
      decision(
        'c',
        [
          ['werkgroep', '2024-01-01'],
          ['regiegroep', '2024-01-03'],
        ],
        { kind: 'aangehouden', on: '2024-01-10' },
      ),
      '2024-05-01',
    );
    expect(times.levels.map((l) => l.days)).toEqual([2, 7]);
    expect(times.decided).toBe(false);
  });

  it('refuses steps against the route order, naming both levels', () => {
    const error = refusal(() =>
      leadTimes(
        decision('x', [
          ['werkgroep', '2024-01-01'],
          ['regiegroep', '2024-01-05'],
          ['projectgroep', '2024-01-09'],
        ]),
        '2024-02-01',
      ),
    );
    expect(error.key).toBe('work.decision.routeOrder');
    expect(error.params).toMatchObject({ id: 'x', level: 'projectgroep', previous: 'regiegroep' });
    expect(t(error.key, error.params, 'en')).toContain("'projectgroep' does not come after 'regiegroep'");
  });

  it('refuses a level that is not on the route', () => {
    const d = { ...decision('y', [['projectteam', '2024-01-01']]) };
    expect(refusal(() => leadTimes(d, '2024-02-01')).key).toBe('work.decision.notOnRoute');
  });

  it('refuses dates that go backwards, also for the outcome', () => {
    const back = refusal(() =>
      leadTimes(
        decision('z', [
          ['werkgroep', '2024-02-01'],
          ['projectgroep', '2024-01-20'],
        ]),
        '2024-03-01',
      ),
    );
    expect(back.key).toBe('work.decision.dateBackwards');
    expect(back.params).toMatchObject({ date: '2024-01-20', previous: '2024-02-01' });
    const outcome = refusal(() =>
      leadTimes(decision('z', [['werkgroep', '2024-02-01']], { kind: 'besloten', on: '2024-01-31' }), '2024-03-01'),
    );
    expect(outcome.key).toBe('work.decision.dateBackwards');
    expect(refusal(() => leadTimes(decision('z', [['werkgroep', '2024-04-01']]), '2024-03-01')).key).toBe(
      'work.decision.afterToday',
    );
    expect(refusal(() => leadTimes(decision('z', [['werkgroep', '2024-02-30']]), '2024-03-01')).key).toBe(
      'work.date.invalid',
    );
  });
});

describe('medianLeadTimes', () => {
  const today = '2024-03-02';
  const decisions = [
    decision(
      'a',
      [
        ['werkgroep', '2024-01-01'],
        ['projectgroep', '2024-01-15'],
        ['regiegroep', '2024-02-05'],
      ],
      { kind: 'besloten', on: '2024-02-20' },
    ), // 14, 21, 15; total 50
    decision(
      'b',
      [
        ['werkgroep', '2024-01-05'],
        ['projectgroep', '2024-01-14'],
      ],
      { kind: 'afgewezen', on: '2024-02-12' },
    ), // 9, 29; total 38
    decision('c', [
      ['werkgroep', '2024-01-10'],
      ['projectgroep', '2024-02-09'],
    ]), // 30, 22 (open, to today)
    decision(
      'd',
      [
        ['werkgroep', '2023-12-01'],
        ['projectgroep', '2024-01-02'],
      ],
      { kind: 'aangehouden', on: '2024-01-07' },
    ), // werkgroep before the period; 5; not decided
    decision('e', [['werkgroep', '2023-10-01']], { kind: 'besloten', on: '2023-11-01' }), // all outside the period
  ];

  it('takes the median per level over the decisions that reached it in the period (odd and even counts)', () => {
    const result = medianLeadTimes(decisions, { from: '2024-01-01', to: '2024-02-29' }, today);
    expect(result.levels).toEqual([
      { level: 'werkgroep', medianDays: 14, count: 3 }, // 9, 14, 30
      { level: 'projectgroep', medianDays: 21.5, count: 4 }, // 5, 21, 22, 29
      { level: 'regiegroep', medianDays: 15, count: 1 },
    ]);
    expect(result.total).toEqual({ medianDays: 44, count: 2 }); // 38, 50
  });

  it('has no total when nothing was decided in the period', () => {
    const result = medianLeadTimes(decisions, { from: '2024-02-21', to: '2024-02-29' }, today);
    expect(result.total).toBeUndefined();
    expect(result.levels).toEqual([]);
  });
});

describe('changeDecision', () => {
  it('moves a decision to the next level of its route, or a named higher one, dated today', () => {
    const d = decision('c', [['werkgroep', '2024-01-01']]);
    expect(changeDecision(d, { kind: 'reach' }, '2024-01-10').steps.at(-1)).toEqual({
      level: 'projectgroep',
      reachedOn: '2024-01-10',
    });
    expect(changeDecision(d, { kind: 'reach', level: 'regiegroep' }, '2024-01-10').steps.map((s) => s.level)).toEqual([
      'werkgroep',
      'regiegroep',
    ]);
    expect(changeDecision(decision('n', []), { kind: 'reach' }, '2024-01-10').steps).toEqual([
      { level: 'werkgroep', reachedOn: '2024-01-10' },
    ]);
    expect(d.steps).toHaveLength(1); // the input is not changed
  });

  it('records the outcome, which ends its time on the route', () => {
    const d = changeDecision(
      decision('o', [
        ['werkgroep', '2024-01-01'],
        ['regiegroep', '2024-01-20'],
      ]),
      { kind: 'outcome', outcome: 'besloten' },
      '2024-02-01',
    );
    expect(d.outcome).toEqual({ kind: 'besloten', on: '2024-02-01' });
    expect(leadTimes(d, '2024-06-01').totalDays).toBe(31);
  });

  it('refuses a closed decision, a step past the top, down or off the route, and a today before the last step', () => {
    const closed = decision('x', [['werkgroep', '2024-01-01']], { kind: 'afgewezen', on: '2024-01-05' });
    expect(refusal(() => changeDecision(closed, { kind: 'reach' }, '2024-01-10')).key).toBe('work.decision.closed');
    expect(refusal(() => changeDecision(closed, { kind: 'outcome', outcome: 'besloten' }, '2024-01-10')).key).toBe(
      'work.decision.closed',
    );
    const top = decision('t', [['bestuur', '2024-01-01']]);
    expect(
      t(refusal(() => changeDecision(top, { kind: 'reach' }, '2024-01-10')).key, { id: 't', level: 'bestuur' }, 'nl'),
    ).toContain('hoogste niveau');
    const mid = decision('m', [['regiegroep', '2024-01-01']]);
    expect(refusal(() => changeDecision(mid, { kind: 'reach', level: 'projectgroep' }, '2024-01-10')).key).toBe(
      'work.decision.routeOrder',
    );
    expect(
      refusal(() => changeDecision(mid, { kind: 'reach', level: 'werkgroepen' as BodyKind }, '2024-01-10')).key,
    ).toBe('work.decision.notOnRoute');
    // A "today" before the last step (a clock set back) is refused rather than recorded out of order.
    expect(refusal(() => changeDecision(mid, { kind: 'reach' }, '2023-12-31')).key).toBe('work.decision.afterToday');
  });
});
