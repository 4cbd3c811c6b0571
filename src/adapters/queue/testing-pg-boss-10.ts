// TEST FIXTURE, not used by the product: Regiekamer's queue adapter exactly as it was on pg-boss 10.4.2 (the
// commit before the move to pg-boss 12), with only its import pointed at the `pg-boss-10` alias (a devDependency:
// "npm:pg-boss@10.4.2"). pg-boss 11 and 12 cannot migrate a pg-boss 10 schema themselves (their oldest migration
// starts at schema version 25; pg-boss 10 leaves 24), so migration.test.ts uses this to make a store the way the
// previous release did and checks that today's adapter carries its queued jobs over.
import PgBoss from 'pg-boss-10';
import type { Logger } from '../../platform/logger.ts';
import type { Store } from '../store/store.ts';

interface JobRun {
  id: string;
  state: string;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  /** What the handler returned (completed) or the error message (failed). */
  output: unknown;
}

export interface JobRunner {
  /** Runs `handler` now and then every `intervalSeconds`, durably; one run at a time across instances. */
  every(name: string, intervalSeconds: number, handler: () => Promise<object | void>): Promise<void>;
  /** Asks for a run as soon as possible; null when one is already waiting. */
  runNow(name: string): Promise<string | null>;
  history(name: string, limit?: number): Promise<JobRun[]>;
  /**
   * Works a queue of one-off jobs with `workers` fetch loops of `batchSize` each (pg-boss fetches with SKIP LOCKED:
   * no two loops or instances get the same job). `handle` must not throw for one job's failure (it records it);
   * a job whose process died is retried by pg-boss after `expireInSeconds`.
   */
  work<T extends object>(
    name: string,
    options: { workers: number; batchSize: number; expireInSeconds: number; retryLimit: number },
    handle: (data: T) => Promise<void>,
  ): Promise<void>;
  /** Adds jobs to a queue in one insert. */
  enqueue<T extends object>(
    name: string,
    items: T[],
    options?: { retryLimit?: number; expireInSeconds?: number; startAfterSeconds?: number },
  ): Promise<void>;
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  logger?: Logger;
  /** How often an idle worker looks for due jobs (pg-boss minimum 0.5 s). */
  pollingIntervalSeconds?: number;
}

/** Starts the pg-boss 10 job runner on `store`, as the previous release's startJobRunner did. */
export async function startJobRunnerV10(store: Store, options: JobRunnerOptions = {}): Promise<JobRunner> {
  const log = options.logger?.child({ component: 'jobs' });
  // pg-boss runs its SQL through the store's own handle (PGlite is one connection in this process; on a server
  // the store's pool). Scripts without parameters may hold several statements.
  const db = {
    executeSql: async (text: string, values?: unknown[]) =>
      values && values.length > 0 ? store.db.query(text, values) : store.db.execRows(text),
  };
  const boss = new PgBoss({ db, schema: 'pgboss', retryLimit: 0, archiveCompletedAfterSeconds: 7 * 86_400 });
  boss.on('error', (err: Error) => log?.error({ error: err.message }, 'job queue error'));
  await boss.start();
  const intervals = new Map<string, number>();
  const polling = options.pollingIntervalSeconds ?? 2;

  // Two servers starting at once may both create the queue; on a server Postgres then aborts one of them
  // (deadlock or duplicate). That one finds the queue made by the other and goes on.
  const ensureQueue = async (name: string, queue: Partial<PgBoss.Queue> = { policy: 'stately', retryLimit: 0 }) => {
    for (let attempt = 1; ; attempt++) {
      if (await boss.getQueue(name)) return;
      try {
        await boss.createQueue(name, { ...queue, name });
        return;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (attempt >= 3 || (code !== '40P01' && code !== '23505' && code !== '42P07')) throw err;
      }
    }
  };

  return {
    async every(name, intervalSeconds, handler) {
      await ensureQueue(name);
      intervals.set(name, intervalSeconds);
      await boss.work(name, { pollingIntervalSeconds: polling }, async () => {
        try {
          return await handler();
        } finally {
          // The next run is queued before this one ends; `stately` keeps it to one waiting run.
          await boss
            .send(name, {}, { startAfter: intervalSeconds })
            .catch((err: unknown) =>
              log?.error({ error: err instanceof Error ? err.message : String(err) }, 'could not queue the next run'),
            );
        }
      });
      // A run queued for later by a previous process starts now instead: a (re)started server syncs at once.
      // pg-boss has no call to move a queued job, so its table is updated directly (pg-boss 10 schema).
      await store.db.query(
        `UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND state = 'created' AND start_after > now()`,
        [name],
      );
      await boss.send(name, {});
    },
    async runNow(name) {
      await ensureQueue(name);
      return boss.send(name, {});
    },
    async history(name, limit = 20) {
      const r = await store.db.query<{
        id: string;
        state: string;
        created_on: Date;
        started_on: Date | null;
        completed_on: Date | null;
        output: unknown;
      }>(
        `SELECT id, state, created_on, started_on, completed_on, output FROM pgboss.job WHERE name = $1
         UNION ALL SELECT id, state, created_on, started_on, completed_on, output FROM pgboss.archive WHERE name = $1
         ORDER BY created_on DESC LIMIT $2`,
        [name, limit],
      );
      return r.rows.map((row) => ({
        id: String(row.id),
        state: row.state,
        createdOn: new Date(row.created_on),
        startedOn: row.started_on ? new Date(row.started_on) : null,
        completedOn: row.completed_on ? new Date(row.completed_on) : null,
        output: row.output,
      }));
    },
    async work(name, o, handle) {
      await ensureQueue(name, { policy: 'standard', retryLimit: o.retryLimit, expireInSeconds: o.expireInSeconds });
      for (let i = 0; i < o.workers; i++) {
        await boss.work<object>(
          name,
          { batchSize: o.batchSize, pollingIntervalSeconds: Math.max(0.5, polling / 4) },
          async (jobs) => {
            await Promise.all(
              jobs.map(async (job) => {
                try {
                  await handle(job.data as never);
                } catch (err) {
                  // Recorded by the handler where it can; never fails the batch (pg-boss fails a batch as a whole).
                  log?.error({ queue: name, error: err instanceof Error ? err.message : String(err) }, 'job failed');
                }
              }),
            );
          },
        );
      }
    },
    async enqueue(name, items, o = {}) {
      if (items.length === 0) return;
      const { startAfterSeconds, ...queue } = o;
      await ensureQueue(name, { policy: 'standard', ...queue });
      const startAfter = startAfterSeconds ? new Date(Date.now() + startAfterSeconds * 1000) : undefined;
      await boss.insert(items.map((data) => ({ name, data, ...queue, ...(startAfter ? { startAfter } : {}) })));
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
