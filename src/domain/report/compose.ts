// The monthly voortgangsrapportage's content (issue 16 §2), composed from the month's data without I/O: phases and
// milestones, per werkgroep its status and latest update in the month, decisions taken in the month with their lead
// times and decisions still waiting, the indicators with their trend, successes, blocked and overdue actions, and
// capacity. The `informed` variant leaves out every figure about a named person (trekkers, action owners, load per
// person). Dates are local dates (YYYY-MM-DD) in the programme's time zone; a month is YYYY-MM.
import { DateTime } from 'luxon';
import type { UpdateRecord, UpdateStatus } from '../bot/update.ts';
import type { BodyKind, Programme } from '../programme/schema.ts';
import { capacity } from '../work/capacity.ts';
import { leadTimes } from '../work/decisions.ts';
import { workFigures } from '../work/figures.ts';
import { indicatorTrend, type Direction, type Point } from '../work/indicators.ts';
import { daysBetween, isDecided, median, type Action, type Decision } from '../work/model.ts';

/** Who the report is for: `informed` carries no figures about named people. */
type ReportAudience = 'regiegroep' | 'informed';

/** Everything the report is made of, as read from the store for one month. */
export interface ReportInput {
  programme: Programme;
  /** YYYY-MM. */
  month: string;
  /** The local date the report is drawn up on (YYYY-MM-DD). */
  today: string;
  variant: ReportAudience;
  /** All stored updates; those submitted in the month (local date of submittedAt) count. */
  updates: readonly UpdateRecord[];
  /** Current actions (deleted ones are ignored). */
  actions: readonly Action[];
  decisions: readonly Decision[];
  measurements: readonly { indicatorId: string; on: string; value: number }[];
}

interface WerkgroepSection {
  id: string;
  name: string;
  /** The trekker's name; absent in the informed variant. */
  trekker?: string;
  status: UpdateStatus | 'none';
  update?: {
    date: string;
    progress: string;
    successes?: string;
    blockers?: string;
    decisionsNeeded?: string;
    nextSteps?: string;
  };
  open: number;
  overdue: number;
  blocked: number;
}

interface TakenDecision {
  id: string;
  title: string;
  werkgroep: string;
  outcome: 'besloten' | 'afgewezen';
  on: string;
  totalDays: number;
  levels: { level: BodyKind; days: number }[];
}

interface WaitingDecision {
  id: string;
  title: string;
  werkgroep: string;
  level: BodyKind;
  since: string;
  daysAtLevel: number;
  totalDays: number;
}

interface IndicatorSection {
  id: string;
  name: string;
  unit: string;
  /** A four-K (kwaliteit, …) or an own criterion's name. */
  group: { kind: 'k' | 'criterion'; id: string; name: string };
  /** The measurements up to the month's end, oldest first (at most the last 8). */
  points: Point[];
  direction: Direction;
  latest?: Point;
  previous?: Point;
}

interface ActionLine {
  id: string;
  title: string;
  werkgroep: string;
  /** Owners' names; empty in the informed variant. */
  owners: string[];
  due?: string;
  days: number;
  /** What it waits on (action or decision titles). */
  waitsOn?: string[];
}

/** The report's content for one month and variant. */
export interface ReportModel {
  programme: { id: string; name: string };
  month: string;
  /** First and last local date of the month. */
  from: string;
  to: string;
  /** The day the month's state is measured on: the month's last day, or today while the month runs. */
  asOf: string;
  today: string;
  variant: ReportAudience;
  phases: { number: number; name: string; start: string; end: string; state: 'done' | 'current' | 'coming' }[];
  milestones: {
    id: string;
    date: string;
    title: string;
    celebrate: boolean;
    state: 'reachedIn' | 'reached' | 'coming';
  }[];
  werkgroepen: WerkgroepSection[];
  decisionsTaken: TakenDecision[];
  /** Median days per level over the decisions taken in the month, route order. */
  leadTimesPerLevel: { level: BodyKind; medianDays: number; count: number }[];
  medianLeadTimeDays: number | null;
  decisionsWaiting: WaitingDecision[];
  indicators: IndicatorSection[];
  successes: { source: string; text: string }[];
  blocked: ActionLine[];
  overdue: ActionLine[];
  capacity: {
    people: number;
    overLimit: number;
    loadHours: number;
    hoursPerWeek: number;
    /** Per person above their hours; empty in the informed variant. */
    persons: { name: string; loadHours: number; hoursPerWeek: number; openActions: number }[];
  };
}

/** Whether `value` is a real month, YYYY-MM (year 2000–2099). */
export function isReportMonth(value: string): boolean {
  return /^20\d\d-(0[1-9]|1[0-2])$/.test(value);
}

/** The first and last day (YYYY-MM-DD) of `month` (YYYY-MM). Throws RangeError for a malformed month. */
function monthBounds(month: string): { from: string; to: string } {
  if (!isReportMonth(month)) throw new RangeError(`not a month: ${month}`);
  const first = DateTime.fromISO(`${month}-01`, { zone: 'utc' });
  return { from: first.toISODate() ?? '', to: first.endOf('month').toISODate() ?? '' };
}

/** The month before the one `today` (YYYY-MM-DD) lies in, as YYYY-MM. */
export function previousMonth(today: string): string {
  return DateTime.fromISO(today, { zone: 'utc' }).startOf('month').minus({ months: 1 }).toFormat('yyyy-MM');
}

/** The local date of an instant in `timeZone`. */
const localDate = (iso: string, timeZone: string): string =>
  DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone).toISODate() ?? iso.slice(0, 10);

/** The decision as it stood at the end of `asOf`: later steps, outcome and withdrawal left out. */
function asItStood(d: Decision, asOf: string): Decision {
  const { outcome, withdrawn, ...rest } = d;
  return {
    ...rest,
    steps: d.steps.filter((s) => s.reachedOn <= asOf),
    ...(outcome && outcome.on <= asOf ? { outcome } : {}),
    ...(withdrawn && withdrawn.on <= asOf ? { withdrawn } : {}),
  };
}

function werkgroepSections(input: ReportInput, asOf: string, from: string, to: string): WerkgroepSection[] {
  const { programme: p } = input;
  const tz = p.programme.timeZone;
  const figures = workFigures(input.actions, input.decisions, asOf);
  const nameOf = (id: string) => p.people.find((x) => x.id === id)?.name ?? id;
  return p.bodies.flatMap((b) => {
    if (b.kind !== 'werkgroep') return [];
    const latest = input.updates
      .filter((u) => u.werkgroep === b.id)
      .map((u) => ({ u, date: localDate(u.submittedAt, tz) }))
      .filter((x) => x.date >= from && x.date <= to)
      .sort((x, y) => y.u.submittedAt.localeCompare(x.u.submittedAt))[0];
    const counts = figures.werkgroep(b.id);
    const u = latest?.u;
    return [
      {
        id: b.id,
        name: b.name,
        ...(input.variant === 'regiegroep' ? { trekker: nameOf(b.trekker) } : {}),
        status: u?.status ?? 'none',
        ...(u && latest
          ? {
              update: {
                date: latest.date,
                progress: u.progress,
                ...(u.successes ? { successes: u.successes } : {}),
                ...(u.blockers ? { blockers: u.blockers } : {}),
                ...(u.decisionsNeeded ? { decisionsNeeded: u.decisionsNeeded } : {}),
                ...(u.nextSteps ? { nextSteps: u.nextSteps } : {}),
              },
            }
          : {}),
        ...counts,
      },
    ];
  });
}

function decisionSections(input: ReportInput, from: string, to: string, asOf: string) {
  const wgName = (id: string) => input.programme.bodies.find((b) => b.id === id)?.name ?? id;
  const taken: TakenDecision[] = [];
  const waiting: WaitingDecision[] = [];
  for (const d of input.decisions) {
    const then = asItStood(d, asOf);
    if (then.steps.length === 0) continue;
    const times = leadTimes(then, asOf);
    if (isDecided(then) && then.outcome && then.outcome.on >= from && then.outcome.on <= to) {
      taken.push({
        id: d.id,
        title: d.title,
        werkgroep: wgName(d.werkgroep),
        outcome: then.outcome.kind as 'besloten' | 'afgewezen',
        on: then.outcome.on,
        totalDays: times.totalDays,
        levels: times.levels.map((l) => ({ level: l.level, days: l.days })),
      });
    }
    const current = times.levels.find((l) => l.current);
    if (current)
      waiting.push({
        id: d.id,
        title: d.title,
        werkgroep: wgName(d.werkgroep),
        level: current.level,
        since: current.from,
        daysAtLevel: current.days,
        totalDays: times.totalDays,
      });
  }
  taken.sort((a, b) => a.on.localeCompare(b.on) || a.id.localeCompare(b.id));
  waiting.sort((a, b) => b.daysAtLevel - a.daysAtLevel || a.id.localeCompare(b.id));
  const route = input.programme.decisionRoute;
  const perLevel = route.flatMap((level) => {
    const days = taken.flatMap((d) => d.levels.filter((l) => l.level === level).map((l) => l.days));
    return days.length > 0 ? [{ level, medianDays: median(days), count: days.length }] : [];
  });
  const medianTotal = taken.length > 0 ? median(taken.map((d) => d.totalDays)) : null;
  return { taken, waiting, perLevel, medianTotal };
}

function indicatorSections(input: ReportInput, asOf: string): IndicatorSection[] {
  const p = input.programme;
  return p.indicators.map((ind) => {
    const points = input.measurements
      .filter((m) => m.indicatorId === ind.id && m.on <= asOf)
      .map((m) => ({ on: m.on, value: m.value }))
      .sort((a, b) => a.on.localeCompare(b.on));
    const trend = indicatorTrend(points, ind.better);
    const own = ind.criterion ? p.criteria.own.find((c) => c.id === ind.criterion) : undefined;
    const group = own
      ? { kind: 'criterion' as const, id: own.id, name: own.name }
      : { kind: 'k' as const, id: ind.k ?? '', name: ind.k ?? '' };
    return {
      id: ind.id,
      name: ind.name,
      unit: ind.unit,
      group,
      points: points.slice(-8),
      direction: trend.direction,
      ...(trend.latest ? { latest: trend.latest } : {}),
      ...(trend.previous ? { previous: trend.previous } : {}),
    };
  });
}

function actionLines(input: ReportInput, asOf: string) {
  const p = input.programme;
  const live = input.actions.filter((a) => !a.deleted && (a.createdOn === undefined || a.createdOn <= asOf));
  const figures = workFigures(live, input.decisions, asOf);
  const wgName = (id: string) => p.bodies.find((b) => b.id === id)?.name ?? id;
  const owners = (a: Action) =>
    input.variant === 'regiegroep' ? a.owners.map((id) => p.people.find((x) => x.id === id)?.name ?? id) : [];
  const titleOf = (ref: { kind: string; id: string }) =>
    (ref.kind === 'decision'
      ? input.decisions.find((d) => d.id === ref.id)?.title
      : input.actions.find((a) => a.id === ref.id)?.title) ?? ref.id;
  const line = (a: Action, days: number, extra: Partial<ActionLine> = {}): ActionLine => ({
    id: a.id,
    title: a.title,
    werkgroep: wgName(a.werkgroep),
    owners: owners(a),
    ...(a.due ? { due: a.due } : {}),
    days,
    ...extra,
  });
  const blocked = figures.open
    .filter((a) => figures.isBlocked(a))
    .map((a) => line(a, figures.waitingDays(a), { waitsOn: figures.blockersOf(a.id).map(titleOf) }))
    .sort((a, b) => b.days - a.days || a.id.localeCompare(b.id));
  const overdue = figures.open
    .filter((a) => figures.isOverdue(a))
    .map((a) => line(a, daysBetween(a.due ?? asOf, asOf)))
    .sort((a, b) => b.days - a.days || a.id.localeCompare(b.id));
  return { blocked, overdue, live };
}

/**
 * The report of `input.month` for `input.variant`. Throws RangeError for a malformed month, and WorkError (from the
 * work domain) for a stored decision that leaves its route.
 */
export function composeReport(input: ReportInput): ReportModel {
  const p = input.programme;
  const { from, to } = monthBounds(input.month);
  const asOf = input.today < to ? input.today : to;
  const { taken, waiting, perLevel, medianTotal } = decisionSections(input, from, to, asOf);
  const { blocked, overdue, live } = actionLines(input, asOf);
  const werkgroepen = werkgroepSections({ ...input, actions: live }, asOf, from, to);
  const milestones = [...p.milestones]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((m) => ({
      id: m.id,
      date: m.date,
      title: m.title,
      celebrate: m.celebrate,
      state: m.date < from ? ('reached' as const) : m.date <= to ? ('reachedIn' as const) : ('coming' as const),
    }));
  const loads = capacity(p, live, asOf);
  const successes = [
    ...werkgroepen.flatMap((w) => (w.update?.successes ? [{ source: w.name, text: w.update.successes }] : [])),
    ...milestones.filter((m) => m.state === 'reachedIn' && m.celebrate).map((m) => ({ source: m.date, text: m.title })),
  ];
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    programme: { id: p.programme.id, name: p.programme.name },
    month: input.month,
    from,
    to,
    asOf,
    today: input.today,
    variant: input.variant,
    phases: p.phases.map((ph) => ({
      number: ph.number,
      name: ph.name,
      start: ph.start,
      end: ph.end,
      state: ph.end < from ? 'done' : ph.start > to ? 'coming' : 'current',
    })),
    milestones,
    werkgroepen,
    decisionsTaken: taken,
    leadTimesPerLevel: perLevel,
    medianLeadTimeDays: medianTotal,
    decisionsWaiting: waiting,
    indicators: indicatorSections(input, asOf),
    successes,
    blocked,
    overdue,
    capacity: {
      people: loads.length,
      overLimit: loads.filter((l) => l.overLimit).length,
      loadHours: round(loads.reduce((s, l) => s + l.loadHours, 0)),
      hoursPerWeek: round(loads.reduce((s, l) => s + l.hoursPerWeek, 0)),
      persons:
        input.variant === 'regiegroep'
          ? loads
              .filter((l) => l.overLimit)
              .map((l) => ({
                name: l.name,
                loadHours: l.loadHours,
                hoursPerWeek: l.hoursPerWeek,
                openActions: l.openActions,
              }))
          : [],
    },
  };
}
