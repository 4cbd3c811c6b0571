// Checks of a schema-valid programme that need its schedule: no body meets twice on one day (after holiday moves),
// no date listed twice; and warnings for what is accepted but probably not meant (a single date at a weekend, a
// sendAt inside the quiet hours, a person whose address is the organizer mailbox). Pure.
import { DateTime } from 'luxon';
import { inQuietHours } from '../bot/rhythm.ts';
import type { MessageKey, Params } from '../i18n.ts';
import { placeOccurrences } from '../schedule/collisions.ts';
import { holidayOn } from '../schedule/holidays.ts';
import { milestoneWarnings } from './milestone-checks.ts';
import type { Programme } from './schema.ts';
import type { Path, SemanticIssue } from './semantics.ts';

/** A problem found in the schedule: an error refuses the file, a warning is shown and the file stays valid. */
export interface ScheduleIssue extends SemanticIssue {
  severity: 'error' | 'warning';
}

/** Weekday 6 (Saturday) or 7 (Sunday) of a local date, else undefined. */
function weekendDay(date: string): 'saturday' | 'sunday' | undefined {
  const day = DateTime.fromISO(date, { zone: 'UTC' }).weekday;
  return day === 6 ? 'saturday' : day === 7 ? 'sunday' : undefined;
}

/** Every schedule problem of a schema-valid programme, with the path of the value it is about. */
export function checkSchedule(p: Programme): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  const add = (severity: ScheduleIssue['severity'], path: Path, key: MessageKey, params: Params, related?: Path) =>
    issues.push({ severity, path, key, params, ...(related ? { relatedPath: related } : {}) });
  const index = new Map(p.cadences.map((c, i) => [c.id, i]));
  const bodyName = new Map(p.bodies.map((b) => [b.id, b.name]));

  // One meeting a day per body.
  for (const c of placeOccurrences(p.cadences).collisions) {
    const i = index.get(c.cadenceId) ?? 0;
    const cadence = p.cadences[i];
    const rule = cadence?.rule;
    const j = rule?.type === 'dates' ? rule.dates.indexOf(c.originalDate) : -1;
    const path: Path = j >= 0 ? ['cadences', i, 'rule', 'dates', j] : ['cadences', i, c.moved ? 'holidays' : 'rule'];
    const other = p.cadences[index.get(c.other.cadenceId) ?? 0];
    add('error', path, 'cadence.collision', {
      moved: c.moved ? 'yes' : 'no',
      date: c.originalDate,
      holiday: holidayOn(c.originalDate) ?? '',
      to: c.date,
      body: bodyName.get(c.bodyId) ?? c.bodyId,
      other: other?.name ?? c.other.cadenceId,
      otherDate: c.other.originalDate,
    });
  }

  p.cadences.forEach((cadence, i) => {
    if (cadence.rule.type !== 'dates') return;
    const first = new Map<string, number>();
    cadence.rule.dates.forEach((date, j) => {
      const path: Path = ['cadences', i, 'rule', 'dates', j];
      const seen = first.get(date);
      if (seen !== undefined) add('error', path, 'cadence.dateTwice', { date }, ['cadences', i, 'rule', 'dates', seen]);
      else first.set(date, j);
      const day = weekendDay(date);
      // A weekend holiday is moved or skipped by the policy; a plain weekend date is planned as written.
      if (day && holidayOn(date) === undefined && date >= cadence.from && date <= cadence.until && seen === undefined)
        add('warning', path, 'warning.weekendDate', { date, day });
    });
  });

  const { sendAt, quietHours } = p.reminders;
  const at = DateTime.fromISO(`2000-01-03T${sendAt}`, { zone: 'UTC' });
  if (quietHours.from !== quietHours.to && inQuietHours(at, quietHours))
    add('warning', ['reminders', 'sendAt'], 'warning.sendAtQuiet', { sendAt, ...quietHours });

  const organizer = p.programme.organizer.toLowerCase();
  p.people.forEach((person, i) => {
    const address = person.email ?? person.upn;
    if (address.toLowerCase() === organizer)
      add('warning', ['people', i, person.email !== undefined ? 'email' : 'upn'], 'warning.organizerEmail', {
        person: person.name,
        address,
      });
  });
  issues.push(...milestoneWarnings(p));
  return issues;
}
