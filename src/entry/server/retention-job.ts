// The retention job (docs/privacy.md): a durable pg-boss job like the sync and the bot's rhythm, so one server at a
// time runs it; it runs at start and then every hour, and deletes what has outlived its RETENTION_*_DAYS.
import type { JobRunner } from '../../adapters/queue/jobs.ts';
import type { Store } from '../../adapters/store/store.ts';
import type { Clock } from '../../domain/time/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { Logger } from '../../platform/logger.ts';

/** Seconds between runs: the periods are whole days, so an hour late is never more than a day's 1/24. */
const RETENTION_INTERVAL_SECONDS = 3600;

/** Schedules the retention job on `runner`; each run's counts are logged (numbers only) and kept as its output. */
export async function scheduleRetention(
  config: Config,
  runner: JobRunner,
  d: { store: Store; clock: Clock; logger: Logger; signal: AbortSignal },
): Promise<void> {
  const { retentionRecords } = await import('../../adapters/store/retention-records.ts');
  const { applyRetention } = await import('../../app/retention.ts');
  const records = retentionRecords(d.store.db);
  await runner.every('retention', RETENTION_INTERVAL_SECONDS, async () => {
    if (d.signal.aborted) return { skipped: 'stopping' };
    const deleted = await applyRetention(records, config.retention, d.clock);
    d.logger.info({ component: 'retention', deleted }, 'retention applied');
    return deleted;
  });
}
