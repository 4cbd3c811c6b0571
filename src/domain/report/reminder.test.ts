// The report's due dates and the projectleider's reminder, on BLNP's file with the clock set to the end of November
// 2026 (Europe/Amsterdam): the default rule (last working day), the file's own rules, approval ending the reminder,
// and a sendAt inside the quiet hours.
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import { FixedClock } from '../time/clock.ts';
import { meetingOccurrences } from '../bot/rhythm.ts';
import type { Programme } from '../programme/schema.ts';
import { dueDate, reportPlanOf, type RhythmRule } from './due.ts';
import { reportReminderPlan } from './reminder.ts';

const blnp = await loadProgramme('blnp');
const meetings = meetingOccurrences(blnp);
const local = (d: Date) => DateTime.fromJSDate(d, { zone: 'Europe/Amsterdam' }).toFormat('yyyy-LL-dd HH:mm ccc');
// The rhythm's window (src/app/bot/rhythm.ts): a day behind the clock, 45 days ahead.
const windowAt = (clock: FixedClock) => ({
  from: new Date(clock.now().getTime() - 86_400_000),
  until: new Date(clock.now().getTime() + 45 * 86_400_000),
});
const withReport = (p: Programme, due: RhythmRule): Programme => ({
  ...p,
  communication: { ...p.communication, report: { due, to: ['stuurgroep-plus'], audiences: [] } },
});
const leaders = blnp.people.filter((x) => x.roles.includes('projectleider')).map((x) => x.id);

describe('the monthly report due dates', () => {
  it('defaults to the last working day, to the regiegroep, and says so', () => {
    const plan = reportPlanOf({ ...blnp, communication: {} });
    expect(plan).toEqual({
      due: { type: 'last-day-of-month', day: 'working-day' },
      to: ['regiegroep'],
      defaulted: true,
    });
    // 31 December 2026 is a Thursday; 30 November 2026 a Monday; May 2026 ends on a Sunday.
    expect(dueDate(blnp, plan.due, '2026-11', meetings)).toBe('2026-11-30');
    expect(dueDate(blnp, plan.due, '2026-12', meetings)).toBe('2026-12-31');
    expect(dueDate(blnp, plan.due, '2026-05', meetings)).toBe('2026-05-29');
  });

  it("follows the file's rules: a weekday of a week, the last weekday, days before the next regiegroep", () => {
    const plan = reportPlanOf(withReport(blnp, { type: 'monthly', week: 'last', weekday: 'thursday' }));
    expect(plan.to).toEqual(['regiegroep', 'stuurgroep-plus']);
    expect(dueDate(blnp, plan.due, '2026-11', meetings)).toBe('2026-11-26');
    expect(dueDate(blnp, { type: 'monthly', week: 'second', weekday: 'tuesday' }, '2026-12', meetings)).toBe(
      '2026-12-08',
    );
    // Koningsdag, Tuesday 27 April 2027, is no working day but the last weekday of April 2027 is Friday 30 April.
    expect(dueDate(blnp, { type: 'last-day-of-month', day: 'weekday' }, '2027-04', meetings)).toBe('2027-04-30');
    // The first regiegroep meeting after November is Tuesday 8 December: three days before is Saturday 5 December.
    expect(dueDate(blnp, { type: 'days-before', days: 3, bodyKind: 'regiegroep' }, '2026-11', meetings)).toBe(
      '2026-12-05',
    );
  });
});

describe('the projectleider reminded when the report is due and not approved', () => {
  const clock = new FixedClock('2026-11-29T23:40:00Z');

  it('plans one reminder per month and projectleider at sendAt on the due day, none once approved', () => {
    expect(leaders.length).toBeGreaterThan(0);
    const plan = reportReminderPlan(blnp, meetings, windowAt(clock), new Set());
    expect(plan.map((d) => [d.key, d.recipient, local(d.dueAt)])).toEqual([
      ...leaders.map((id) => [`report-reminder|2026-11|${id}`, id, '2026-11-30 09:00 Mon']),
      ...leaders.map((id) => [`report-reminder|2026-12|${id}`, id, '2026-12-31 09:00 Thu']),
    ]);
    const approved = reportReminderPlan(blnp, meetings, windowAt(clock), new Set(['2026-11']));
    expect(approved.map((d) => d.month)).toEqual(leaders.map(() => '2026-12'));
    // Two weeks later November's due date has left the window (it is not planned again); January's (Friday 29
    // January 2027, 09:00) has come into it.
    clock.set('2026-12-15T12:00:00Z');
    expect(new Set(reportReminderPlan(blnp, meetings, windowAt(clock), new Set()).map((d) => d.month))).toEqual(
      new Set(['2026-12', '2027-01']),
    );
  });

  it('moves a due day at a weekend to the working day before, and out of the quiet hours', () => {
    const p = withReport(
      { ...blnp, reminders: { ...blnp.reminders, sendAt: '07:00' } },
      { type: 'days-before', days: 3, bodyKind: 'regiegroep' },
    );
    const plan = reportReminderPlan(p, meetings, windowAt(new FixedClock('2026-11-29T23:40:00Z')), new Set());
    // Due Saturday 5 December: reminded Friday 4 December, at 08:00 when the quiet hours (18:00–08:00) end.
    expect(plan.filter((d) => d.month === '2026-11').map((d) => local(d.dueAt))).toEqual(
      leaders.map(() => '2026-12-04 08:00 Fri'),
    );
  });
});
