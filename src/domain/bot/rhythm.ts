// The bot's rhythm as a pure function of the programme, its meeting occurrences and a time window: who gets
// which message when. Around each meeting of the reminder body (default the regiegroep) the trekkers are asked
// for an update, nudged, and the overview is compiled; every meeting is announced in its bodies' channels the
// working day before; owners of actions get a weekly digest. Nothing is due in quiet hours, at weekends or on
// Dutch public holidays. Keys are stable per (kind, occurrence, recipient): a moved meeting moves its
// messages, a cancelled one cancels them, and nothing is ever planned twice.
import { DateTime } from 'luxon';
import type { Programme } from '../programme/schema.ts';
import { expandCadence } from '../schedule/cadence.ts';
import { isWorkingDay } from '../schedule/holidays.ts';

export interface MeetingOccurrence {
  /** Stable identity: `${cadenceId}:${originalDate}` (the date the rule gives, before holidays or hand moves). */
  key: string;
  cadenceId: string;
  bodyIds: string[];
  start: Date;
  end: Date;
  cancelled: boolean;
  joinUrl?: string;
}

/** `report-reminder`: the projectleider's reminder of the monthly report (../report/reminder.ts). */
type DeliveryKind = 'ask' | 'nudge' | 'compile' | 'announce' | 'digest' | 'report-reminder';

export interface PlannedDelivery {
  key: string;
  kind: DeliveryKind;
  occurrenceKey?: string;
  /** ISO week of a digest, e.g. 2026-W49. */
  week?: string;
  /** The report month (YYYY-MM) of a report-reminder. */
  month?: string;
  /** A person id, or `channel:<bodyId>`. */
  recipient: string;
  werkgroep?: string;
  dueAt: Date;
}

export interface Window {
  from: Date;
  until: Date;
}

/** The programme's meetings as occurrences: holiday-skipped ones left out, holiday-moved ones at their new date. */
export function meetingOccurrences(programme: Programme): MeetingOccurrence[] {
  const out: MeetingOccurrence[] = [];
  for (const cadence of programme.cadences) {
    for (const o of expandCadence(cadence)) {
      if (o.status === 'skipped' || !o.start || !o.end) continue;
      out.push({
        key: `${cadence.id}:${o.originalDate}`,
        cadenceId: cadence.id,
        bodyIds: [...cadence.bodies],
        start: o.start,
        end: o.end,
        cancelled: false,
      });
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime() || a.key.localeCompare(b.key));
}

/** Meetings moved, cancelled or given a join link in the calendar itself. */
export function applyOverrides(
  occurrences: MeetingOccurrence[],
  overrides: { key: string; start?: Date; end?: Date; cancelled?: boolean; joinUrl?: string }[],
): MeetingOccurrence[] {
  const byKey = new Map(overrides.map((o) => [o.key, o]));
  return occurrences.map((occ) => {
    const o = byKey.get(occ.key);
    if (!o) return occ;
    return {
      ...occ,
      ...(o.start ? { start: o.start } : {}),
      ...(o.end ? { end: o.end } : {}),
      ...(o.cancelled !== undefined ? { cancelled: o.cancelled } : {}),
      ...(o.joinUrl ? { joinUrl: o.joinUrl } : {}),
    };
  });
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Inside quiet hours (from–to, possibly over midnight)? */
export function inQuietHours(local: DateTime, quiet: { from: string; to: string }): boolean {
  const t = local.hour * 60 + local.minute;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  return from <= to ? t >= from && t < to : t >= from || t < to;
}

/**
 * The send moment on `date` at `sendAt`, shifted off weekends, public holidays and quiet hours: earlier for
 * messages that must arrive before a meeting, later for digests.
 */
export function sendMoment(
  date: DateTime,
  sendAt: string,
  quiet: { from: string; to: string },
  direction: -1 | 1,
): DateTime {
  let day = date.startOf('day');
  for (let i = 0; i < 30 && !isWorkingDay(day.toISODate() ?? ''); i++) day = day.plus({ days: direction });
  let at = day.set({ hour: Math.floor(minutesOf(sendAt) / 60), minute: minutesOf(sendAt) % 60 });
  // A sendAt inside quiet hours (a misconfiguration) becomes the end of the quiet hours on that day.
  if (inQuietHours(at, quiet))
    at = day.set({ hour: Math.floor(minutesOf(quiet.to) / 60), minute: minutesOf(quiet.to) % 60 });
  return at;
}

export function reminderPlan(
  programme: Programme,
  occurrences: MeetingOccurrence[],
  window: Window,
  owners: ReadonlySet<string>,
): PlannedDelivery[] {
  const tz = programme.programme.timeZone;
  const policy = programme.reminders;
  const bodies = new Map(programme.bodies.map((b) => [b.id, b]));
  const werkgroepen = programme.bodies.filter((b) => b.kind === 'werkgroep');
  const out: PlannedDelivery[] = [];
  const add = (d: PlannedDelivery) => {
    if (d.dueAt >= window.from && d.dueAt < window.until) out.push(d);
  };
  for (const occ of occurrences) {
    if (occ.cancelled) continue;
    const day = DateTime.fromJSDate(occ.start, { zone: tz });
    const before = (days: number) => sendMoment(day.minus({ days }), policy.sendAt, policy.quietHours, -1).toJSDate();
    const reminderBody = occ.bodyIds.map((id) => bodies.get(id)).find((b) => b?.kind === policy.bodyKind);
    if (reminderBody) {
      for (const wg of werkgroepen) {
        if (wg.kind !== 'werkgroep') continue;
        add({
          key: `ask|${occ.key}|${wg.trekker}|${wg.id}`,
          kind: 'ask',
          occurrenceKey: occ.key,
          recipient: wg.trekker,
          werkgroep: wg.id,
          dueAt: before(policy.askDaysBefore),
        });
        add({
          key: `nudge|${occ.key}|${wg.trekker}|${wg.id}`,
          kind: 'nudge',
          occurrenceKey: occ.key,
          recipient: wg.trekker,
          werkgroep: wg.id,
          dueAt: before(policy.nudgeDaysBefore),
        });
      }
      add({
        key: `compile|${occ.key}|channel:${reminderBody.id}`,
        kind: 'compile',
        occurrenceKey: occ.key,
        recipient: `channel:${reminderBody.id}`,
        dueAt: before(policy.compileDaysBefore),
      });
    }
    for (const id of occ.bodyIds) {
      if (!bodies.get(id)?.channel) continue;
      add({
        key: `announce|${occ.key}|channel:${id}`,
        kind: 'announce',
        occurrenceKey: occ.key,
        recipient: `channel:${id}`,
        dueAt: before(1),
      });
    }
  }
  // Weekly digests: every Monday in the window (moved to the next working day when it is a holiday).
  let monday = DateTime.fromJSDate(window.from, { zone: tz }).startOf('week');
  const end = DateTime.fromJSDate(window.until, { zone: tz });
  for (; monday < end; monday = monday.plus({ weeks: 1 })) {
    const week = `${monday.weekYear}-W${String(monday.weekNumber).padStart(2, '0')}`;
    const dueAt = sendMoment(monday, policy.sendAt, policy.quietHours, 1).toJSDate();
    for (const person of [...owners].sort())
      add({ key: `digest|${week}|${person}`, kind: 'digest', week, recipient: person, dueAt });
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.key.localeCompare(b.key));
}

export type LedgerStatus = 'pending' | 'sent' | 'skipped' | 'failed' | 'cancelled';

/** What to change in the ledger so it matches the plan; sent, skipped and failed rows are history and stay. */
export function reconcileDeliveries(
  planned: PlannedDelivery[],
  existing: { key: string; dueAt: Date; status: LedgerStatus }[],
  window: Window,
): { create: PlannedDelivery[]; move: { key: string; dueAt: Date }[]; cancel: string[] } {
  const have = new Map(existing.map((e) => [e.key, e]));
  const want = new Set(planned.map((p) => p.key));
  const create: PlannedDelivery[] = [];
  const move: { key: string; dueAt: Date }[] = [];
  for (const p of planned) {
    const e = have.get(p.key);
    if (!e || e.status === 'cancelled') create.push(p);
    else if (e.status === 'pending' && e.dueAt.getTime() !== p.dueAt.getTime())
      move.push({ key: p.key, dueAt: p.dueAt });
  }
  const cancel = existing
    .filter((e) => e.status === 'pending' && !want.has(e.key) && e.dueAt >= window.from && e.dueAt < window.until)
    .map((e) => e.key);
  return { create, move, cancel };
}
