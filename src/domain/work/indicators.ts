// The trend of a four-K indicator from its measured values: the latest value, the one before, and whether the
// change is an improvement given which way is better for that indicator.
export interface Point {
  /** YYYY-MM-DD. */
  on: string;
  value: number;
}

export type Direction = 'beter' | 'slechter' | 'gelijk' | 'onbekend';

export interface Trend {
  latest?: Point;
  previous?: Point;
  /** latest − previous. */
  change?: number;
  direction: Direction;
}

/** `points` in any order; `better` says which way is good. Fewer than two points: direction unknown. */
export function indicatorTrend(points: readonly Point[], better: 'higher' | 'lower'): Trend {
  const sorted = [...points].sort((a, b) => a.on.localeCompare(b.on));
  const latest = sorted.at(-1);
  const previous = sorted.at(-2);
  if (!latest) return { direction: 'onbekend' };
  if (!previous) return { latest, direction: 'onbekend' };
  const change = latest.value - previous.value;
  const direction: Direction = change === 0 ? 'gelijk' : change > 0 === (better === 'higher') ? 'beter' : 'slechter';
  return { latest, previous, change, direction };
}
