import { describe, expect, it } from 'vitest';
import { indicatorTrend } from './indicators.ts';

describe('indicatorTrend', () => {
  const points = [
    { on: '2026-07-01', value: 12 },
    { on: '2026-01-01', value: 15 },
    { on: '2026-04-01', value: 14 },
  ];

  it('compares the latest value with the one before, whatever order they come in', () => {
    expect(indicatorTrend(points, 'lower')).toEqual({
      latest: { on: '2026-07-01', value: 12 },
      previous: { on: '2026-04-01', value: 14 },
      change: -2,
      direction: 'beter',
    });
    expect(indicatorTrend(points, 'higher').direction).toBe('slechter');
  });

  it('says "gelijk" for no change, and "onbekend" with fewer than two values', () => {
    expect(
      indicatorTrend(
        [
          { on: '2026-01-01', value: 3 },
          { on: '2026-02-01', value: 3 },
        ],
        'higher',
      ).direction,
    ).toBe('gelijk');
    expect(indicatorTrend([{ on: '2026-01-01', value: 3 }], 'higher')).toEqual({
      latest: { on: '2026-01-01', value: 3 },
      direction: 'onbekend',
    });
    expect(indicatorTrend([], 'lower')).toEqual({ direction: 'onbekend' });
  });
});
