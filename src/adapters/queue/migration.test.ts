// Upgrading a store from pg-boss 10 to pg-boss 12 loses no queued job. pg-boss 11 and 12 cannot migrate a pg-boss 10
// schema themselves (their oldest migration starts at schema version 25; pg-boss 10.4.2 leaves 24), so our queue
// adapter takes it over on start. To test that against a store as the previous release left it, the store is made
// with that release's own queue adapter on pg-boss 10.4.2 — the `pg-boss-10` devDependency ("npm:pg-boss@10.4.2")
// behind src/adapters/queue/testing-pg-boss-10.ts — with jobs queued the way our code queues them (the periodic sync
// and Planner poll, bot deliveries, one delivery a dead process had taken). Then the server "restarts" on today's
// adapter and pg-boss 12 on the same database: the schema is pg-boss 12's, every queued job is there, and our
// handlers work them. On a PostgreSQL server and on embedded PGlite (kept in a directory across the restart).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import PgBoss10 from 'pg-boss-10';
import { serverBackend, type TestDatabase } from '../../../tests/helpers/db.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { openStore } from '../store/open.ts';
import type { Store, StoreOptions } from '../store/store.ts';
import { DELIVER_QUEUE, dispatchDue, startDeliveryWorkers, type Composer } from '../bot/deliveries.ts';
import type { BotSender } from '../bot/connector.ts';
import type { BotRecords } from '../store/bot-records.ts';
import { startJobRunner, type JobRunner } from './jobs.ts';
import { startJobRunnerV10 } from './testing-pg-boss-10.ts';

const PID = 'proef';
const DELIVERIES = 40;

interface Case {
  name: string;
  /** A database that outlives the store opened on it (the "restart" closes the store and opens it again). */
  create(): Promise<TestDatabase>;
}

const cases: Case[] = [
  { name: serverBackend.name, create: () => serverBackend.createDatabase() },
  {
    name: 'PGlite (data directory)',
    create: async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'rk-pgboss-migration-'));
      return { options: { dataDir: dir }, drop: () => rm(dir, { recursive: true, force: true }) };
    },
  },
];

/** A promise with its resolver, to wait for an event instead of a time. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

async function opened(options: StoreOptions): Promise<Store> {
  const store = await openStore(options);
  await store.migrate();
  return store;
}

interface QueuedJob {
  id: string;
  name: string;
  state: string;
  data: Record<string, unknown> | null;
  start_after: Date;
  retry_limit: number;
}

async function queuedJobs(store: Store): Promise<QueuedJob[]> {
  return (
    await store.db.query<QueuedJob>(
      `SELECT id::text AS id, name, state::text AS state, data, start_after, retry_limit FROM pgboss.job
     WHERE state IN ('created', 'retry', 'active') ORDER BY name, id`,
    )
  ).rows;
}

describe.each(cases)('pg-boss 10 → 12 on $name', (c) => {
  let db: TestDatabase | undefined;
  const stores: Store[] = [];
  const runners: JobRunner[] = [];
  afterAll(async () => {
    for (const r of runners) await r.stop();
    for (const s of stores) await s.close();
    await db?.drop();
  });

  it('carries every queued job over to pg-boss 12, and our handlers work them', { timeout: 180_000 }, async () => {
    db = await c.create();
    const clock = new FixedClock('2026-12-01T08:00:00Z');
    const due = clock.now();

    // ── The previous release: pg-boss 10.4.2 through that release's own adapter. ──
    const before = await opened(db.options);
    const v10 = await startJobRunnerV10(before, { pollingIntervalSeconds: 0.5 });
    // The periodic sync ran once at start and queued its next run an hour later (stately queue, as in stack.ts).
    const synced = signal();
    await v10.every('sync', 3600, async () => {
      synced.resolve();
      return { ok: true };
    });
    await synced.promise;
    // A Planner poll was asked for (runNow, as after a sync) and not yet run.
    expect(await v10.runNow('planner')).toEqual(expect.any(String));
    // The bot's due deliveries went to the queue through the real dispatch (retryLimit 5, expireInSeconds 300) …
    const keys = Array.from({ length: DELIVERIES }, (_, i) => `test|m${String(i).padStart(2, '0')}|c${i % 5}`);
    await before.bot.createDeliveries(
      PID,
      keys.map((key, i) => ({
        key,
        kind: 'test',
        recipient: `c${i % 5}`,
        dueAt: due,
        payload: { conversationId: `19:c${i % 5}@thread.tacv2` },
      })),
      due,
    );
    expect(await dispatchDue(before.bot, v10, PID, clock.now())).toBe(DELIVERIES);
    // … one of them as a retry queued for a little later (startDeliveryWorkers' path after a failed send) …
    const retried = keys[DELIVERIES - 1] as string;
    await v10.enqueue(DELIVER_QUEUE, [{ programmeId: PID, key: retried, dueAt: due.toISOString() }], {
      retryLimit: 5,
      expireInSeconds: 300,
      startAfterSeconds: 1,
    });
    // … and one taken by a process that died before finishing it: active, never completed.
    const dying = new PgBoss10({
      db: {
        executeSql: (text: string, values?: unknown[]) =>
          values && values.length > 0 ? before.db.query(text, values) : before.db.execRows(text),
      },
      schema: 'pgboss',
    });
    await dying.start();
    const [taken] = await dying.fetch<{ key: string }>(DELIVER_QUEUE);
    expect(taken).toBeDefined();
    await dying.stop({ graceful: false, wait: true });
    await v10.stop();

    const version10 = Number(
      (await before.db.query<{ version: number }>('SELECT version FROM pgboss.version')).rows[0]?.version,
    );
    expect(version10).toBe(24);
    const left = await queuedJobs(before);
    expect(left.filter((j) => j.name === 'sync').map((j) => j.state)).toEqual(['created']);
    expect(left.filter((j) => j.name === 'planner').map((j) => j.state)).toEqual(['created']);
    expect(left.filter((j) => j.name === DELIVER_QUEUE)).toHaveLength(DELIVERIES + 1);
    expect(left.find((j) => j.id === taken?.id)?.state).toBe('active');
    const syncNext = left.find((j) => j.name === 'sync') as QueuedJob;
    expect(new Date(syncNext.start_after).getTime()).toBeGreaterThan(Date.now() + 3000_000);
    await before.close();

    // ── Today's release restarts on the same database: pg-boss 12 through our adapter. ──
    const after = await opened(db.options);
    stores.push(after);
    const runner = await startJobRunner(after, { pollingIntervalSeconds: 0.5 });
    runners.push(runner);

    // The schema is pg-boss 12's (pg-boss 10's archive table is gone with the old schema) …
    const version12 = Number(
      (await after.db.query<{ version: number }>('SELECT version FROM pgboss.version')).rows[0]?.version,
    );
    expect(version12).toBeGreaterThanOrEqual(25);
    const leftovers = (
      await after.db.query<{ aside: string | null; archive: string | null }>(
        `SELECT to_regnamespace('pgboss_v10')::text AS aside, to_regclass('pgboss.archive')::text AS archive`,
      )
    ).rows[0];
    expect(leftovers).toEqual({ aside: null, archive: null });
    // … its queues keep their policies and options …
    const queues = new Map(
      (
        await after.db.query<{ name: string; policy: string; retry_limit: number; expire_seconds: number }>(
          'SELECT name, policy, retry_limit, expire_seconds FROM pgboss.queue',
        )
      ).rows.map((q) => [q.name, q]),
    );
    expect(queues.get('sync')).toMatchObject({ policy: 'stately', retry_limit: 0 });
    expect(queues.get('planner')).toMatchObject({ policy: 'stately', retry_limit: 0 });
    expect(queues.get(DELIVER_QUEUE)).toMatchObject({ policy: 'standard', retry_limit: 5, expire_seconds: 300 });
    // … and every queued job is there, with its id, data and time; the dead process's job is queued again with
    // the retries it had left.
    const carried = new Map((await queuedJobs(after)).map((j) => [j.id, j]));
    expect([...carried.keys()].sort()).toEqual(left.map((j) => j.id).sort());
    for (const old of left) {
      const now = carried.get(old.id) as QueuedJob;
      expect(now).toMatchObject({ name: old.name, state: 'created', data: old.data });
      if (old.state === 'active') expect(now.retry_limit).toBe(old.retry_limit - 1);
      else {
        expect(now.retry_limit).toBe(old.retry_limit);
        expect(new Date(now.start_after).getTime()).toBe(new Date(old.start_after).getTime());
      }
    }

    // Our delivery workers send each delivery once, the one the dead process had taken included (its ledger row was
    // never claimed, so only its carried job can send it; the deferred retry of another key finds that row sent).
    const sent: string[] = [];
    const allSent = signal();
    const sender: BotSender = {
      send: async (_to, activity) => {
        sent.push(String(activity['text']));
        return { ok: true, activityId: `a${sent.length}`, attempts: 1 };
      },
      update: async () => ({ ok: true, activityId: 'unused', attempts: 1 }),
      metrics: () => ({ sent: sent.length, attempts: sent.length, throttled: 0, retries: 0, final: 0, waitedMs: 0 }),
    };
    let finished = 0;
    const records: BotRecords = {
      ...after.bot,
      finish: async (pid, key, outcome, at) => {
        await after.bot.finish(pid, key, outcome, at);
        if (++finished === DELIVERIES) allSent.resolve();
      },
    };
    const compose: Composer = async (row) => ({
      to: {
        serviceUrl: 'https://smba.example/emea/',
        conversationId: String(row.payload?.['conversationId']),
        tenantId: 'tenant',
      },
      activity: { type: 'message', text: row.key },
    });
    // The periodic jobs run through our handlers too: the carried sync run is pulled forward, the Planner poll runs.
    const syncRan = signal();
    const plannerRan = signal();
    await startDeliveryWorkers({ records, runner, sender, compose, clock, worker: 'after-upgrade' });
    await runner.every('sync', 3600, async () => {
      syncRan.resolve();
      return { ok: true };
    });
    await runner.every('planner', 3600, async () => {
      plannerRan.resolve();
      return { polled: true };
    });
    await Promise.all([allSent.promise, syncRan.promise, plannerRan.promise]);
    await runner.stop();
    runners.length = 0;

    expect(sent.sort()).toEqual([...keys].sort());
    expect((await after.bot.deliveries(PID)).map((r) => r.status)).toEqual(Array(DELIVERIES).fill('sent'));
    // The carried job of every queue is among the jobs that completed: nothing was left behind.
    const states = new Map(
      (
        await after.db.query<{ id: string; state: string }>(
          'SELECT id::text AS id, state::text AS state FROM pgboss.job',
        )
      ).rows.map((j) => [j.id, j.state]),
    );
    expect(states.get(syncNext.id)).toBe('completed');
    expect(states.get(left.find((j) => j.name === 'planner')?.id as string)).toBe('completed');
    expect(states.get(taken?.id as string)).toBe('completed');
  });
});
