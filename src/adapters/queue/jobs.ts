// Durable jobs in Postgres with pg-boss 12, on a PostgreSQL server or on embedded PGlite through pg-boss's `db`
// adapter. A periodic job is one pg-boss queue with the `stately` policy: at most one run waiting and one running
// per queue across every instance on the database, so two servers never sync at once; each run enqueues the next
// one with `startAfter`, so the rhythm survives restarts.
// A store made by an earlier release holds a pg-boss 10 schema, which pg-boss 12 cannot migrate: its jobs are
// carried over once on start (see takeOverPgBoss10Schema below).
import { PgBoss, type Db as PgBossDb, type JobInsert, type Queue } from 'pg-boss';
import type { Logger } from '../../platform/logger.ts';
import { LOCK } from '../store/locks.ts';
import type { Db, Store } from '../store/store.ts';

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

/** The schema pg-boss 12 keeps its tables in; a pg-boss 10 schema found there is moved aside to PG_BOSS_10_SCHEMA. */
const SCHEMA = 'pgboss';
const PG_BOSS_10_SCHEMA = 'pgboss_v10';
/** Schema versions pg-boss 10 leaves: 21 (10.0.0) … 24 (10.1.5 and later, up to 10.4.2). pg-boss 12 migrates from 25 on. */
const PG_BOSS_10_VERSIONS = { min: 21, max: 24 } as const;
/**
 * How long a finished run stays readable for history(): 14 days. pg-boss 10 kept finished jobs 7 days in its job
 * table (our archiveCompletedAfterSeconds) and then 7 more in its archive (its deleteAfterDays default); pg-boss 11+
 * has no archive and deletes a finished job deleteAfterSeconds after it ended (default 7 days).
 */
const KEEP_FINISHED_SECONDS = 14 * 86_400;

/**
 * Starts pg-boss on the store (installing or migrating its schema, and carrying a pg-boss 10 store's jobs over)
 * and returns the runner. Throws when the store holds a pg-boss schema older than pg-boss 10 (no release of ours
 * made one) or when pg-boss cannot start.
 */
export async function startJobRunner(store: Store, options: JobRunnerOptions = {}): Promise<JobRunner> {
  const log = options.logger?.child({ component: 'jobs' });
  // pg-boss runs its SQL through the store's own handle (PGlite is one connection in this process; on a server
  // the store's pool). Scripts without parameters may hold several statements.
  const db = pgBossDb(store.db);
  await setAsidePgBoss10Schema(store, log);
  const makeBoss = () => {
    const b = new PgBoss({ db, schema: SCHEMA });
    b.on('error', (err: Error) => log?.error({ error: err.message }, 'job queue error'));
    return b;
  };
  let boss = makeBoss();
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.start();
      break;
    } catch (err) {
      // Two servers starting at once on a fresh database both install pg-boss's schema. pg-boss serialises that with
      // an advisory lock inside its install transaction, but the one that waited still sees the catalog as it was
      // before the lock and fails with a duplicate key (23505) on pg_namespace, not the 'already exists' pg-boss
      // expects. By then the other install has committed: a fresh instance finds the schema and installs nothing.
      // (A failed start leaves a pg-boss instance unusable, so the next attempt gets a new one.)
      if (attempt >= 3 || (err as { code?: string }).code !== '23505') throw err;
      log?.info({ attempt }, 'job queue schema was being installed by another process; starting again');
      boss = makeBoss();
    }
  }
  const intervals = new Map<string, number>();
  const polling = options.pollingIntervalSeconds ?? 2;

  // Two servers starting at once may both create the queue; on a server Postgres then aborts one of them
  // (deadlock or duplicate). That one finds the queue made by the other and goes on. pg-boss 12's createQueue is
  // a no-op for an existing queue and refreshes this instance's cache of it.
  const createQueue = async (name: string, queue: Omit<Queue, 'name'>) => {
    for (let attempt = 1; ; attempt++) {
      try {
        // Retries and the kept history as with pg-boss 10: its default retryLimit came from our constructor (0),
        // pg-boss 12's is 2.
        await boss.createQueue(name, { retryLimit: 0, deleteAfterSeconds: KEEP_FINISHED_SECONDS, ...queue });
        return;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (attempt >= 3 || (code !== '40P01' && code !== '23505' && code !== '42P07')) throw err;
        if (await boss.getQueue(name)) return;
      }
    }
  };
  const ensureQueue = async (name: string, queue: Omit<Queue, 'name'> = { policy: 'stately', retryLimit: 0 }) => {
    if (await boss.getQueue(name)) return;
    await createQueue(name, queue);
  };
  await takeOverPgBoss10Schema(store, boss, createQueue, log);

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
      for (const job of await boss.findJobs(name, { queued: true })) {
        if (job.state === 'created' && job.startAfter.getTime() > Date.now())
          await boss.update(name, undefined, { id: job.id, startAfter: new Date() });
      }
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
        `SELECT id, state, created_on, started_on, completed_on, output FROM ${SCHEMA}.job WHERE name = $1 ORDER BY created_on DESC LIMIT $2`,
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
      await boss.insert(
        name,
        items.map((data) => ({ data, ...queue, ...(startAfter ? { startAfter } : {}) })),
      );
    },
    async stop() {
      // Waits for running handlers (up to 30 s), as pg-boss 10 did with wait: true.
      await boss.stop({ graceful: true, timeout: 30_000 });
    },
  };
}

/** pg-boss's `db` adapter over a store handle (the store's own, or a transaction's). */
function pgBossDb(handle: Db): PgBossDb {
  return {
    executeSql: async (text: string, values?: unknown[]) =>
      values && values.length > 0 ? handle.query(text, values) : handle.execRows(text),
  };
}

/**
 * Step 1 of taking over a store made with pg-boss 10, before pg-boss 12 starts: its schema is renamed to
 * pgboss_v10, so pg-boss 12 installs a fresh one beside it. pg-boss 11 rewrote the schema and neither 11 nor 12
 * migrates a pg-boss 10 one (their oldest migration starts at schema version 25; pg-boss 11.0.0's release notes:
 * move the jobs yourself, by API or INSERT … SELECT). Under an advisory lock, so two servers starting at once
 * rename it once.
 */
async function setAsidePgBoss10Schema(store: Store, log: Logger | undefined): Promise<void> {
  await store.db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${LOCK.jobQueue}, 0)`);
    const installed = (
      await tx.query<{ present: boolean }>(`SELECT to_regclass('${SCHEMA}.version') IS NOT NULL AS present`)
    ).rows[0]?.present;
    if (!installed) return;
    const version = Number(
      (await tx.query<{ version: number }>(`SELECT version FROM ${SCHEMA}.version`)).rows[0]?.version,
    );
    if (version > PG_BOSS_10_VERSIONS.max) return; // pg-boss 11 or later: pg-boss 12 migrates it itself
    if (version < PG_BOSS_10_VERSIONS.min)
      throw new Error(
        `pg-boss schema version ${version} is older than pg-boss 10; no release of Regiekamer made it and pg-boss 12 cannot take it over`,
      );
    const aside = (
      await tx.query<{ present: boolean }>(`SELECT to_regnamespace('${PG_BOSS_10_SCHEMA}') IS NOT NULL AS present`)
    ).rows[0]?.present;
    if (aside)
      throw new Error(`both ${SCHEMA} and ${PG_BOSS_10_SCHEMA} hold a pg-boss 10 schema; move one away by hand`);
    await tx.exec(`ALTER SCHEMA ${SCHEMA} RENAME TO ${PG_BOSS_10_SCHEMA}`);
    log?.info({ from: SCHEMA, to: PG_BOSS_10_SCHEMA, version }, 'pg-boss 10 schema set aside for pg-boss 12');
  });
}

interface PgBoss10Queue {
  name: string;
  policy: string | null;
  retry_limit: number | null;
  retry_delay: number | null;
  retry_backoff: boolean | null;
  expire_seconds: number | null;
  retention_minutes: number | null;
  dead_letter: string | null;
}

interface PgBoss10Job {
  id: string;
  name: string;
  state: 'created' | 'retry' | 'active';
  data: object | null;
  priority: number;
  retry_limit: number;
  retry_count: number;
  retry_delay: number;
  retry_backoff: boolean;
  start_after: Date;
  singleton_key: string | null;
  expire_seconds: number;
}

/**
 * Step 2, once pg-boss 12 runs: the queues of the set-aside pg-boss 10 schema are created with their options, its
 * queued jobs are inserted with their ids, data and remaining retries, and the old schema is dropped — the inserts
 * and the drop in one transaction. A job that was active belonged to a process that is gone: pg-boss 10 would have
 * retried it once it expired, so it is queued again if it had a retry left. Finished jobs (the history) are not
 * carried over. Re-running after a crash is safe: the old schema is still there, and a job whose id was carried
 * already is skipped by pg-boss's insert (ON CONFLICT DO NOTHING).
 */
async function takeOverPgBoss10Schema(
  store: Store,
  boss: PgBoss,
  createQueue: (name: string, queue: Omit<Queue, 'name'>) => Promise<void>,
  log: Logger | undefined,
): Promise<void> {
  const present = async (handle: Db) =>
    (
      await handle.query<{ present: boolean }>(
        `SELECT to_regclass('${PG_BOSS_10_SCHEMA}.queue') IS NOT NULL AS present`,
      )
    ).rows[0]?.present === true;
  if (!(await present(store.db))) return;
  let queues: PgBoss10Queue[];
  try {
    queues = (
      await store.db.query<PgBoss10Queue>(
        `SELECT name, policy, retry_limit, retry_delay, retry_backoff, expire_seconds, retention_minutes, dead_letter
       FROM ${PG_BOSS_10_SCHEMA}.queue ORDER BY dead_letter IS NOT NULL, name`,
      )
    ).rows;
  } catch (err) {
    if ((err as { code?: string }).code === '42P01') return; // another instance has just carried them over
    throw err;
  }
  // Outside the transaction: creating a queue also primes pg-boss's queue cache, so the inserts below run on the
  // transaction's handle only.
  for (const q of queues) {
    await createQueue(q.name, {
      ...(q.policy ? { policy: q.policy } : {}),
      ...(q.retry_limit !== null ? { retryLimit: q.retry_limit } : {}),
      ...(q.retry_delay !== null ? { retryDelay: q.retry_delay } : {}),
      ...(q.retry_backoff !== null ? { retryBackoff: q.retry_backoff } : {}),
      ...(q.expire_seconds !== null ? { expireInSeconds: q.expire_seconds } : {}),
      ...(q.retention_minutes !== null ? { retentionSeconds: q.retention_minutes * 60 } : {}),
      ...(q.dead_letter ? { deadLetter: q.dead_letter } : {}),
    });
  }
  await store.db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${LOCK.jobQueue}, 0)`);
    if (!(await present(tx))) return;
    const rows = (
      await tx.query<PgBoss10Job>(
        `SELECT id, name, state, data, priority, retry_limit, retry_count, retry_delay, retry_backoff, start_after, singleton_key,
              EXTRACT(epoch FROM expire_in)::int AS expire_seconds
       FROM ${PG_BOSS_10_SCHEMA}.job WHERE state IN ('created', 'retry', 'active') ORDER BY created_on, id`,
      )
    ).rows;
    const byQueue = new Map<string, JobInsert[]>();
    let dropped = 0;
    for (const job of rows) {
      const retriesLeft = job.retry_limit - job.retry_count - (job.state === 'active' ? 1 : 0);
      if (retriesLeft < 0) {
        dropped++; // pg-boss 10 would have failed it when it expired
        continue;
      }
      const list = byQueue.get(job.name) ?? [];
      list.push({
        id: String(job.id),
        ...(job.data !== null ? { data: job.data } : {}),
        priority: job.priority,
        retryLimit: retriesLeft,
        retryDelay: job.retry_delay,
        retryBackoff: job.retry_backoff,
        expireInSeconds: job.expire_seconds,
        ...(job.state === 'active' ? {} : { startAfter: new Date(job.start_after) }),
        ...(job.singleton_key ? { singletonKey: job.singleton_key } : {}),
      });
      byQueue.set(job.name, list);
    }
    for (const [name, jobs] of byQueue) await boss.insert(name, jobs, { db: pgBossDb(tx) });
    await tx.exec(`DROP SCHEMA ${PG_BOSS_10_SCHEMA} CASCADE`);
    log?.info(
      { queues: queues.length, jobs: rows.length - dropped, dropped },
      'pg-boss 10 jobs carried over to pg-boss 12',
    );
  });
}
