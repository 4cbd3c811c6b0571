// The rhythm's calendar reader (CalendarReader, declared by the use case in src/app/bot/rhythm.ts): the
// organizer's calendar read through the Graph gateway — the programme's series (found by their transactionId
// prefix) and their occurrences in a window, moved, cancelled or with their join links.
import { DateTime } from 'luxon';
import type { CalendarOverride } from '../../app/bot/rhythm.ts';
import type { MeetingOccurrence } from '../../domain/bot/rhythm.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { ianaZone } from '../../domain/time/graph-zone.ts';
import { events } from '../graph/endpoints/calendar.ts';
import type { GraphGateway } from '../graph/gateway.ts';

type Json = Record<string, unknown>;

function instant(v: unknown): Date | undefined {
  const t = v as { dateTime?: string; timeZone?: string } | undefined;
  if (!t?.dateTime) return undefined;
  // Graph answers in the zone the event was written in: a Windows name (W. Europe Standard Time) for ours, so it is
  // mapped to its IANA zone for luxon (docs/platform.md#input-limits); unknown names are not guessed at.
  const zone = t.timeZone && t.timeZone !== 'UTC' ? ianaZone(t.timeZone) : 'utc';
  if (!zone) return undefined;
  const dt = DateTime.fromISO(t.dateTime, { zone });
  return dt.isValid ? dt.toJSDate() : undefined;
}

/**
 * What the organizer's calendar says about the programme's occurrences in the window: each one found (at its
 * current time, with its join link), and the expected ones of a synced series that are gone (cancelled).
 */
export async function calendarOverrides(
  gateway: GraphGateway,
  programme: Programme,
  tenantId: string,
  expected: MeetingOccurrence[],
  window: { from: Date; until: Date },
): Promise<CalendarOverride[] | undefined> {
  const prefix = `rk-${programme.programme.id}-`;
  const masters = new Map<string, { cadenceId: string; joinUrl?: string }>();
  for await (const e of gateway.pages<Json>(
    tenantId,
    events.list(programme.programme.organizer, { select: ['id', 'transactionId', 'onlineMeeting'] }),
  )) {
    const txn = typeof e['transactionId'] === 'string' ? e['transactionId'] : '';
    if (!txn.startsWith(prefix)) continue;
    const cadenceId = programme.cadences
      .map((c) => c.id)
      .filter((id) => txn.startsWith(`${prefix}${id}-`))
      .sort((a, b) => b.length - a.length)[0];
    const joinUrl = (e['onlineMeeting'] as { joinUrl?: string } | null | undefined)?.joinUrl;
    if (cadenceId) masters.set(String(e['id']), { cadenceId, ...(joinUrl ? { joinUrl } : {}) });
  }
  if (masters.size === 0) return undefined;
  const tz = programme.programme.timeZone;
  const seen = new Set<string>();
  const overrides: { key: string; start?: Date; end?: Date; cancelled?: boolean; joinUrl?: string }[] = [];
  const view = events.calendarView(
    programme.programme.organizer,
    window.from.toISOString(),
    window.until.toISOString(),
    { select: ['id', 'seriesMasterId', 'originalStart', 'start', 'end', 'isCancelled', 'onlineMeeting', 'type'] },
  );
  for await (const e of gateway.pages<Json>(tenantId, view)) {
    const master = masters.get(String(e['seriesMasterId'] ?? e['id']));
    if (!master) continue;
    const original =
      typeof e['originalStart'] === 'string'
        ? DateTime.fromISO(e['originalStart'], { zone: 'utc' })
        : DateTime.fromJSDate(instant(e['start']) ?? new Date(NaN));
    if (!original.isValid) continue;
    const key = `${master.cadenceId}:${original.setZone(tz).toISODate()}`;
    seen.add(key);
    const start = instant(e['start']);
    const end = instant(e['end']);
    const joinUrl = (e['onlineMeeting'] as { joinUrl?: string } | null | undefined)?.joinUrl ?? master.joinUrl;
    overrides.push({
      key,
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      ...(e['isCancelled'] === true ? { cancelled: true } : {}),
      ...(joinUrl ? { joinUrl } : {}),
    });
  }
  // An expected occurrence of a synced series that the calendar no longer has was cancelled by hand.
  const synced = new Set([...masters.values()].map((m) => m.cadenceId));
  for (const o of expected) {
    if (synced.has(o.cadenceId) && !seen.has(o.key) && o.start >= window.from && o.start < window.until)
      overrides.push({ key: o.key, cancelled: true });
  }
  return overrides;
}
