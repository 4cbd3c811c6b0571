// The reminder rhythm as a job: read what the calendar says about the coming meetings (moved or cancelled by
// hand in Outlook, their join links), plan every message the programme's reminder policy asks for, bring the
// delivery ledger in line (new, moved, cancelled), and hand what is due to the queue.
import { DateTime } from 'luxon';
import type { GraphGateway } from '../graph/gateway.ts';
import { events } from '../graph/endpoints/calendar.ts';
import type { JobRunner } from '../queue/jobs.ts';
import type { Store } from '../store/store.ts';
import { toDomainAction } from '../store/action-records.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import type { Clock } from '../../domain/time/clock.ts';
import { isOpenAction } from '../../domain/work/model.ts';
import { applyOverrides, meetingOccurrences, reconcileDeliveries, reminderPlan, type MeetingOccurrence } from '../../domain/bot/rhythm.ts';
import { dispatchDue } from './deliveries.ts';

export interface RhythmSummary {
  planned: number;
  created: number;
  moved: number;
  cancelled: number;
  dispatched: number;
  calendar: 'read' | 'not-synced' | 'unavailable';
}

export interface RhythmOptions {
  store: Store;
  programme: Programme;
  clock: Clock;
  runner: JobRunner;
  /** Absent: the programme's own dates only (no hand-made moves or cancellations known). */
  gateway?: GraphGateway;
  horizonDays?: number;
}

type Json = Record<string, unknown>;

function instant(v: unknown): Date | undefined {
  const t = v as { dateTime?: string; timeZone?: string } | undefined;
  if (!t?.dateTime) return undefined;
  const dt = DateTime.fromISO(t.dateTime, { zone: t.timeZone && t.timeZone !== 'UTC' ? t.timeZone : 'utc' });
  return dt.isValid ? dt.toJSDate() : undefined;
}

/**
 * What the organizer's calendar says about the programme's occurrences in the window: each one found (at its
 * current time, with its join link), and the expected ones of a synced series that are gone (cancelled).
 */
async function calendarOverrides(gateway: GraphGateway, programme: Programme, tenantId: string, expected: MeetingOccurrence[], window: { from: Date; until: Date }) {
  const prefix = `rk-${programme.programme.id}-`;
  const masters = new Map<string, { cadenceId: string; joinUrl?: string }>();
  for await (const e of gateway.pages<Json>(tenantId, events.list(programme.programme.organizer, { select: ['id', 'transactionId', 'onlineMeeting'] }))) {
    const txn = typeof e['transactionId'] === 'string' ? e['transactionId'] : '';
    if (!txn.startsWith(prefix)) continue;
    const cadenceId = programme.cadences.map((c) => c.id).filter((id) => txn.startsWith(`${prefix}${id}-`)).sort((a, b) => b.length - a.length)[0];
    const joinUrl = (e['onlineMeeting'] as { joinUrl?: string } | null | undefined)?.joinUrl;
    if (cadenceId) masters.set(String(e['id']), { cadenceId, ...(joinUrl ? { joinUrl } : {}) });
  }
  if (masters.size === 0) return undefined;
  const tz = programme.programme.timeZone;
  const seen = new Set<string>();
  const overrides: { key: string; start?: Date; end?: Date; cancelled?: boolean; joinUrl?: string }[] = [];
  const view = events.calendarView(programme.programme.organizer, window.from.toISOString(), window.until.toISOString(), { select: ['id', 'seriesMasterId', 'originalStart', 'start', 'end', 'isCancelled', 'onlineMeeting', 'type'] });
  for await (const e of gateway.pages<Json>(tenantId, view)) {
    const master = masters.get(String(e['seriesMasterId'] ?? e['id']));
    if (!master) continue;
    const original = typeof e['originalStart'] === 'string' ? DateTime.fromISO(e['originalStart'], { zone: 'utc' }) : DateTime.fromJSDate(instant(e['start']) ?? new Date(NaN));
    if (!original.isValid) continue;
    const key = `${master.cadenceId}:${original.setZone(tz).toISODate()}`;
    seen.add(key);
    const start = instant(e['start']);
    const end = instant(e['end']);
    const joinUrl = (e['onlineMeeting'] as { joinUrl?: string } | null | undefined)?.joinUrl ?? master.joinUrl;
    overrides.push({ key, ...(start ? { start } : {}), ...(end ? { end } : {}), ...(e['isCancelled'] === true ? { cancelled: true } : {}), ...(joinUrl ? { joinUrl } : {}) });
  }
  // An expected occurrence of a synced series that the calendar no longer has was cancelled by hand.
  const synced = new Set([...masters.values()].map((m) => m.cadenceId));
  for (const o of expected) {
    if (synced.has(o.cadenceId) && !seen.has(o.key) && o.start >= window.from && o.start < window.until) overrides.push({ key: o.key, cancelled: true });
  }
  return overrides;
}

const stable = (v: Record<string, unknown>) => JSON.stringify(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)));

export async function runRhythm(o: RhythmOptions): Promise<RhythmSummary> {
  const pid = o.programme.programme.id;
  const now = o.clock.now();
  // Reminders go out up to 30 days before a meeting: plan that far ahead, and a little behind (due, not yet sent).
  const window = { from: new Date(now.getTime() - 86_400_000), until: new Date(now.getTime() + (o.horizonDays ?? 45) * 86_400_000) };
  let occurrences = meetingOccurrences(o.programme);
  let calendar: RhythmSummary['calendar'] = 'not-synced';
  const host = o.programme.gemeenten.find((g) => g.host)?.tenantId;
  if (o.gateway && host) {
    try {
      const overrides = await calendarOverrides(o.gateway, o.programme, host, occurrences, { from: window.from, until: new Date(window.until.getTime() + 31 * 86_400_000) });
      if (overrides) {
        occurrences = applyOverrides(occurrences, overrides);
        calendar = 'read';
      }
    } catch {
      // The calendar could not be read now: plan from the programme's dates; the next run corrects it.
      calendar = 'unavailable';
    }
  }
  const owners = new Set((await o.store.actions.list(pid)).map(toDomainAction).filter(isOpenAction).flatMap((a) => a.owners));
  const planned = reminderPlan(o.programme, occurrences, window, owners);
  const existing = (await o.store.bot.deliveries(pid, window)).filter((d) => d.kind !== 'test');
  const r = reconcileDeliveries(planned, existing.map((d) => ({ key: d.key, dueAt: d.dueAt, status: d.status === 'sending' ? 'pending' : d.status })), window);
  // Each message carries its meeting as the calendar has it now (time, join link), for the card it becomes.
  const byKey = new Map(occurrences.map((m) => [m.key, m]));
  const meetingOf = (key: string | undefined | null): Record<string, unknown> | undefined => {
    const m = key ? byKey.get(key) : undefined;
    return m ? { start: m.start.toISOString(), end: m.end.toISOString(), ...(m.joinUrl ? { joinUrl: m.joinUrl } : {}) } : undefined;
  };
  const created = await o.store.bot.createDeliveries(pid, r.create.map((d) => ({
    key: d.key, kind: d.kind, occurrenceKey: d.occurrenceKey, recipient: d.recipient, werkgroep: d.werkgroep, dueAt: d.dueAt, payload: meetingOf(d.occurrenceKey),
  })), now);
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
  const dispatched = await dispatchDue(o.store.bot, o.runner, pid, now);
  return { planned: planned.length, created, moved, cancelled, dispatched, calendar };
}
