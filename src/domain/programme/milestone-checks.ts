// Warnings about milestones of a schema-valid programme: a milestone outside the span of the programme's phases, or
// outside the phase it names, is accepted (a celebration after the last phase is allowed) but probably not meant.
import type { Path } from './semantics.ts';
import type { Programme } from './schema.ts';
import type { ScheduleIssue } from './schedule-checks.ts';

/** Warnings (severity 'warning') for milestones outside the phases' span or outside their own phase. */
export function milestoneWarnings(p: Pick<Programme, 'phases' | 'milestones'>): ScheduleIssue[] {
  if (p.phases.length === 0) return [];
  const from = p.phases.map((x) => x.start).sort()[0] ?? '';
  const until =
    p.phases
      .map((x) => x.end)
      .sort()
      .at(-1) ?? '';
  const issues: ScheduleIssue[] = [];
  p.milestones.forEach((m, i) => {
    const path: Path = ['milestones', i, 'date'];
    const phase = m.phase === undefined ? undefined : p.phases.find((x) => x.number === m.phase);
    if (m.date < from || m.date > until)
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
