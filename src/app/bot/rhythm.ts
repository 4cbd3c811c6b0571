// Use case: the reminder rhythm as a job: read what the calendar says about the coming meetings (moved or
// cancelled by hand in Outlook, their join links), plan every message the programme's reminder policy asks for,
// bring the delivery ledger in line (new, moved, cancelled), and hand what is due to the queue. The calendar and
// the queue are ports (src/adapters/bot/ports.ts implements them over the Graph gateway and the job runner).
import type { Store } from '../../adapters/store/store.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import type { Clock } from '../../domain/time/clock.ts';
import { isOpenAction } from '../../domain/work/model.ts';
import {
  applyOverrides,
  meetingOccurrences,
  reconcileDeliveries,
  reminderPlan,
  type MeetingOccurrence,
} from '../../domain/bot/rhythm.ts';
import { toDomainAction } from '../work/records.ts';
import { reportReminderPlan } from '../../domain/report/reminder.ts';

/**
 * The kinds the rhythm plans, and so brings in line with its plan. Others in the ledger are queued by a use case
 * (a test message, a besluitenlijst, a report's cards): never the rhythm's to cancel as "not planned".
 */
const PLANNED_KINDS: ReadonlySet<string> = new Set([
  'ask',
  'nudge',
  'compile',
  'announce',
  'digest',
  'report-reminder',
]);

export interface RhythmSummary {
  planned: number;
  created: number;
  moved: number;
  cancelled: number;
  dispatched: number;
  calendar: 'read' | 'not-synced' | 'unavailable';
}

/** A change the calendar made to one planned occurrence (its key), as applyOverrides takes it. */
export type CalendarOverride = Parameters<typeof applyOverrides>[1][number];

/**
 * What the organizer's calendar (in the host tenant `tenantId`) says about the programme's occurrences in the
 * window: each one found at its current time with its join link, and the expected ones of a synced series that are
 * gone (cancelled). Undefined when none of the programme's series is in the calendar; throws when it cannot be read.
 */
type CalendarReader = (
  programme: Programme,
  tenantId: string,
  expected: MeetingOccurrence[],
  window: { from: Date; until: Date },
) => Promise<CalendarOverride[] | undefined>;

export interface RhythmOptions {
  store: Store;
  programme: Programme;
  clock: Clock;
  /** Hands the deliveries due at `now` to the queue; returns how many were queued. */
  dispatch(programmeId: string, now: Date): Promise<number>;
  /** Absent: the programme's own dates only (no hand-made moves or cancellations known). */
  calendar?: CalendarReader;
  horizonDays?: number;
}

const stable = (v: Record<string, unknown>) => JSON.stringify(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)));

/** One run of the rhythm: the ledger brought in line with the plan, what is due queued. */
export async function runRhythm(o: RhythmOptions): Promise<RhythmSummary> {
  const pid = o.programme.programme.id;
  const now = o.clock.now();
  // Reminders go out up to 30 days before a meeting: plan that far ahead, and a little behind (due, not yet sent).
  const window = {
    from: new Date(now.getTime() - 86_400_000),
    until: new Date(now.getTime() + (o.horizonDays ?? 45) * 86_400_000),
  };
  let occurrences = meetingOccurrences(o.programme);
  let calendar: RhythmSummary['calendar'] = 'not-synced';
  const host = o.programme.gemeenten.find((g) => g.host)?.tenantId;
  if (o.calendar && host) {
    try {
      const overrides = await o.calendar(o.programme, host, occurrences, {
        from: window.from,
        until: new Date(window.until.getTime() + 31 * 86_400_000),
      });
      if (overrides) {
        occurrences = applyOverrides(occurrences, overrides);
        calendar = 'read';
      }
    } catch {
      // The calendar could not be read now: plan from the programme's dates; the next run corrects it.
      calendar = 'unavailable';
    }
  }
  // Digests go to people of the programme only: an owner erased from it (a pseudonym, docs/privacy.md) gets none.
  const people = new Set(o.programme.people.map((p) => p.id));
  const owners = new Set(
    (await o.store.actions.list(pid))
      .map(toDomainAction)
      .filter(isOpenAction)
      .flatMap((a) => a.owners)
      .filter((id) => people.has(id)),
  );
  // The projectleider's reminder of each month's report due in the window, until some version of it is approved.
  const approved = new Set((await o.store.reports.list(pid)).filter((r) => r.state === 'approved').map((r) => r.month));
  const planned = [
    ...reminderPlan(o.programme, occurrences, window, owners),
    ...reportReminderPlan(o.programme, occurrences, window, approved),
  ];
  const existing = (await o.store.bot.deliveries(pid, window)).filter((d) => PLANNED_KINDS.has(d.kind));
  const r = reconcileDeliveries(
    planned,
    existing.map((d) => ({ key: d.key, dueAt: d.dueAt, status: d.status === 'sending' ? 'pending' : d.status })),
    window,
  );
  // Each message carries its meeting as the calendar has it now (time, join link), for the card it becomes.
  const byKey = new Map(occurrences.map((m) => [m.key, m]));
  const meetingOf = (key: string | undefined | null): Record<string, unknown> | undefined => {
    const m = key ? byKey.get(key) : undefined;
    return m
      ? { start: m.start.toISOString(), end: m.end.toISOString(), ...(m.joinUrl ? { joinUrl: m.joinUrl } : {}) }
      : undefined;
  };
  const created = await o.store.bot.createDeliveries(
    pid,
    r.create.map((d) => ({
      key: d.key,
      kind: d.kind,
      occurrenceKey: d.occurrenceKey,
      recipient: d.recipient,
      werkgroep: d.werkgroep,
      dueAt: d.dueAt,
      payload: meetingOf(d.occurrenceKey),
    })),
    now,
  );
  let moved = 0;
  for (const m of r.move) if (await o.store.bot.moveDelivery(pid, m.key, m.dueAt, now)) moved++;
  const cancelledKeys = new Set(r.cancel);
  for (const d of existing) {
    if (d.status !== 'pending' || cancelledKeys.has(d.key)) continue;
    const payload = meetingOf(d.occurrenceKey);
    if (payload && stable(payload) !== stable(d.payload ?? {})) await o.store.bot.setPayload(pid, d.key, payload, now);
  }
  let cancelled = 0;
  for (const key of r.cancel) if (await o.store.bot.cancelDelivery(pid, key, 'not-planned', now)) cancelled++;
  const dispatched = await o.dispatch(pid, now);
  return { planned: planned.length, created, moved, cancelled, dispatched, calendar };
}
