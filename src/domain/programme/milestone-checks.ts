// Warnings about milestones of a schema-valid programme: a milestone outside the span of the programme's phases, or
// outside the phase it names, is accepted but probably not meant. The programme's result is often a moment just after
// its last phase ("new organisation live on 1 January"), so up to one quarter (AFTER_LAST_PHASE_DAYS) after the last
// phase's end is not warned about.
import type { Path } from './semantics.ts';
import type { Programme } from './schema.ts';
import type { ScheduleIssue } from './schedule-checks.ts';

/** Days after the last phase's end in which a milestone without a phase is still expected (one quarter). */
const AFTER_LAST_PHASE_DAYS = 92;

const plusDays = (date: string, days: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

/**
 * Warnings (severity 'warning') for milestones outside the phases' span (a milestone without a phase may lie up to
 * AFTER_LAST_PHASE_DAYS after the last phase) or outside the phase they name. None when there are no phases.
 */
export function milestoneWarnings(p: Pick<Programme, 'phases' | 'milestones'>): ScheduleIssue[] {
  if (p.phases.length === 0) return [];
  const from = p.phases.map((x) => x.start).sort()[0] ?? '';
  const until =
    p.phases
      .map((x) => x.end)
      .sort()
      .at(-1) ?? '';
  const latest = plusDays(until, AFTER_LAST_PHASE_DAYS);
  const issues: ScheduleIssue[] = [];
  p.milestones.forEach((m, i) => {
    const path: Path = ['milestones', i, 'date'];
    const phase = m.phase === undefined ? undefined : p.phases.find((x) => x.number === m.phase);
    if (m.date < from || m.date > (phase ? until : latest))
      issues.push({
        severity: 'warning',
        path,
        key: 'warning.milestoneOutside',
        params: { date: m.date, from, until },
      });
    else if (phase && (m.date < phase.start || m.date > phase.end))
      issues.push({
        severity: 'warning',
        path,
        key: 'warning.milestoneOutsidePhase',
        params: { date: m.date, number: phase.number, from: phase.start, until: phase.end },
      });
  });
  return issues;
}
