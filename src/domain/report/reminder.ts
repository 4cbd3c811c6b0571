// The reminder rhythm's part of the monthly report (issue 16 §5): on the day a month's report is due (the programme's
// communication.report.due rule; by default the last working day of the month) and while it is not approved, each
// projectleider is reminded in their personal chat, once per month — at the reminder policy's sendAt, moved off
// weekends, public holidays and quiet hours to the working day before, like the reminders before a meeting. Pure.
import { DateTime } from 'luxon';
import type { Programme } from '../programme/schema.ts';
import { sendMoment, type PlannedDelivery, type Window } from '../bot/rhythm.ts';
import { dueDate, reportPlanOf, type MeetingStart } from './due.ts';

/** The delivery kind of the reminder in the bot's ledger. */
const REPORT_REMINDER_KIND = 'report-reminder';

/**
 * The reminders due in `window` for the months whose report is not in `approved` (months, YYYY-MM). Keys are
 * `report-reminder|<month>|<person>`: one per month and projectleider, moved when the rule or the meetings move the
 * due date, and dropped from the plan once the month is approved (the ledger then cancels a pending one).
 */
export function reportReminderPlan(
  p: Programme,
  meetings: readonly MeetingStart[],
  window: Window,
  approved: ReadonlySet<string>,
): PlannedDelivery[] {
  const tz = p.programme.timeZone;
  const policy = p.reminders;
  const plan = reportPlanOf(p);
  const leaders = p.people.filter((x) => x.roles.includes('projectleider')).map((x) => x.id);
  const out: PlannedDelivery[] = [];
  // A month's due date lies in the month itself or (days before a meeting early next month) just before it, so every
  // month from the one before the window up to the window's last one is looked at.
  let month = DateTime.fromJSDate(window.from, { zone: tz }).startOf('month').minus({ months: 1 });
  const end = DateTime.fromJSDate(window.until, { zone: tz }).startOf('month').plus({ months: 1 });
  for (; month <= end; month = month.plus({ months: 1 })) {
    const m = month.toFormat('yyyy-MM');
    if (approved.has(m)) continue;
    const due = DateTime.fromISO(dueDate(p, plan.due, m, meetings), { zone: tz });
    const dueAt = sendMoment(due, policy.sendAt, policy.quietHours, -1).toJSDate();
    if (dueAt < window.from || dueAt >= window.until) continue;
    for (const person of leaders)
      out.push({
        key: `${REPORT_REMINDER_KIND}|${m}|${person}`,
        kind: 'report-reminder',
        month: m,
        recipient: person,
        dueAt,
      });
  }
  return out;
}
