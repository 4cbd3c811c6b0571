// Use case: apply the retention settings (RETENTION_*_DAYS, src/platform/config.ts; why each default in
// docs/privacy.md) — one run deletes what has outlived its period. The server runs it as a durable job; time comes
// from the injected Clock, so a test moves the clock instead of waiting.
import type { Clock } from '../domain/time/clock.ts';
import type { RetentionCounts, RetentionCutoffs, RetentionRecords } from '../adapters/store/retention-records.ts';

/** Days each kind is kept; 0 keeps it for good. */
export interface RetentionSettings {
  /** Progress updates, from when they were submitted. */
  updatesDays: number;
  /** Conversation references, from when the app was removed from the conversation (active ones stay). */
  conversationsDays: number;
  /** The bot's delivery rows, from when the message was due (pending ones stay). */
  deliveriesDays: number;
  /** The sync journal and runs, merge conflicts, older programme versions and finished jobs. */
  journalDays: number;
}

const DAY_MS = 86_400_000;

/** The cut-offs `settings` give at `now`: `now` minus the period, or none for a period of 0. */
function cutoffsOf(settings: RetentionSettings, now: Date): RetentionCutoffs {
  const before = (days: number) => (days > 0 ? { at: new Date(now.getTime() - days * DAY_MS) } : undefined);
  const out: RetentionCutoffs = {};
  const u = before(settings.updatesDays);
  const c = before(settings.conversationsDays);
  const d = before(settings.deliveriesDays);
  const j = before(settings.journalDays);
  if (u) out.updates = u.at;
  if (c) out.conversations = c.at;
  if (d) out.deliveries = d.at;
  if (j) out.journal = j.at;
  return out;
}

/** One run: deletes what is older than its period at `clock.now()`; returns the rows deleted per kind. */
export async function applyRetention(
  records: RetentionRecords,
  settings: RetentionSettings,
  clock: Clock,
): Promise<RetentionCounts> {
  return records.purge(cutoffsOf(settings, clock.now()));
}
