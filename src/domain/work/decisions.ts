// Lead times of decisions on their route (werkgroep → … → bestuur): how many calendar days each level held a
// decision, so the regiegroep can see where decisions wait and whether they get faster.
import type { BodyKind } from '../programme/schema.ts';
import { assertDate, daysBetween, isDecided, median, WorkError, type Decision, type OutcomeKind } from './model.ts';

interface LevelTime {
  level: BodyKind;
  /** YYYY-MM-DD the decision reached this level. */
  from: string;
  /** YYYY-MM-DD it left: the next step, the outcome, or today while still there. */
  to: string;
  days: number;
  /** True while the decision is still at this level (measured to today). */
  current: boolean;
}

export interface LeadTimes {
  decisionId: string;
  levels: LevelTime[];
  /** From the first step to the outcome, or to today while open; 0 without steps. */
  totalDays: number;
  /** True when the outcome is besloten or afgewezen. */
  decided: boolean;
}

/**
 * Refuses a decision whose steps leave the route, go down or sideways on it, or whose dates go backwards
 * (an outcome before the last step included), or that lie after today.
 */
export function validateDecision(decision: Decision, today: string): void {
  assertDate(today, 'today');
  const route = decision.route.join(' → ');
  let previousIndex = -1;
  let previousDate: string | undefined;
  let previousLevel: BodyKind | undefined;
  const checkDate = (date: string, what: string) => {
    assertDate(date, what);
    if (previousDate !== undefined && date < previousDate) {
      throw new WorkError('work.decision.dateBackwards', { id: decision.id, date, what, previous: previousDate });
    }
    if (date > today) throw new WorkError('work.decision.afterToday', { id: decision.id, date, today });
    previousDate = date;
  };
  for (const step of decision.steps) {
    const index = decision.route.indexOf(step.level);
    if (index < 0) throw new WorkError('work.decision.notOnRoute', { id: decision.id, level: step.level, route });
    if (index <= previousIndex) {
      throw new WorkError('work.decision.routeOrder', {
        id: decision.id,
        level: step.level,
        previous: previousLevel,
        route,
      });
    }
    checkDate(step.reachedOn, step.level);
    previousIndex = index;
    previousLevel = step.level;
  }
  if (decision.outcome) checkDate(decision.outcome.on, decision.outcome.kind);
  if (decision.withdrawn) checkDate(decision.withdrawn.on, 'withdrawn');
}

/** A change to a decision: it reaches a level on its route (the next one unless named), or gets its outcome. */
export type DecisionChange =
  { kind: 'reach'; level?: BodyKind | undefined } | { kind: 'outcome'; outcome: OutcomeKind };

/**
 * The decision after `change`, dated `today`. Refused (WorkError): a decision that already has an outcome, a
 * level beyond the top of the route, a level not on the route or not above the current one.
 */
export function changeDecision(decision: Decision, change: DecisionChange, today: string): Decision {
  if (decision.outcome)
    throw new WorkError('work.decision.closed', { id: decision.id, outcome: decision.outcome.kind });
  if (decision.withdrawn) throw new WorkError('work.decision.withdrawn', { id: decision.id });
  let next: Decision;
  if (change.kind === 'reach') {
    const last = decision.steps.at(-1);
    const level = change.level ?? decision.route[last ? decision.route.indexOf(last.level) + 1 : 0];
    if (!level) throw new WorkError('work.decision.atTop', { id: decision.id, level: last?.level ?? '' });
    next = { ...decision, steps: [...decision.steps, { level, reachedOn: today }] };
  } else {
    next = { ...decision, outcome: { kind: change.outcome, on: today } };
  }
  validateDecision(next, today);
  return next;
}

/** Days at each level and in total. `today` (YYYY-MM-DD) ends the measurement of a decision without outcome. */
export function leadTimes(decision: Decision, today: string): LeadTimes {
  validateDecision(decision, today);
  const end = decision.outcome?.on ?? decision.withdrawn?.on ?? today;
  const levels = decision.steps.map((step, i): LevelTime => {
    const next = decision.steps[i + 1]?.reachedOn;
    const to = next ?? end;
    return {
      level: step.level,
      from: step.reachedOn,
      to,
      days: daysBetween(step.reachedOn, to),
      current: next === undefined && !decision.outcome && !decision.withdrawn,
    };
  });
  const first = decision.steps[0]?.reachedOn;
  return {
    decisionId: decision.id,
    levels,
    totalDays: first === undefined ? 0 : daysBetween(first, end),
    decided: isDecided(decision),
  };
}

export interface Period {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive. */
  to: string;
}

interface LevelMedian {
  level: BodyKind;
  medianDays: number;
  /** How many decisions reached this level in the period. */
  count: number;
}

export interface MedianLeadTimes {
  /** Levels in route order (first seen across the decisions' routes); levels nobody reached are left out. */
  levels: LevelMedian[];
  /** Median total of the decisions decided (besloten/afgewezen) in the period; undefined when there are none. */
  total?: { medianDays: number; count: number };
}

/**
 * Median days per level over the decisions that reached that level within `period` (open ones measured to
 * `today`), plus the median total over decisions decided within the period.
 */
export function medianLeadTimes(decisions: readonly Decision[], period: Period, today: string): MedianLeadTimes {
  assertDate(period.from, 'from');
  assertDate(period.to, 'to');
  const inPeriod = (date: string) => date >= period.from && date <= period.to;
  const perLevel = new Map<BodyKind, number[]>();
  const totals: number[] = [];
  for (const decision of decisions) {
    for (const level of decision.route) if (!perLevel.has(level)) perLevel.set(level, []);
    const times = leadTimes(decision, today);
    for (const level of times.levels) {
      if (inPeriod(level.from)) perLevel.get(level.level)?.push(level.days);
    }
    if (times.decided && decision.outcome && inPeriod(decision.outcome.on)) totals.push(times.totalDays);
  }
  const levels = [...perLevel]
    .filter(([, days]) => days.length > 0)
    .map(([level, days]): LevelMedian => ({ level, medianDays: median(days), count: days.length }));
  return totals.length > 0 ? { levels, total: { medianDays: median(totals), count: totals.length } } : { levels };
}
