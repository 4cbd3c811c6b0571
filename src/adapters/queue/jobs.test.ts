// Durable periodic jobs with pg-boss, on embedded PGlite and on a PostgreSQL server: runs are recorded, a
// failing run is recorded as failed and the rhythm goes on, and two runners on one database never run the
// handler at the same time — also when two servers start at once on a fresh database.
import { describe, expect, it } from 'vitest';
import { backends, serverBackend, useStore } from '../../../tests/helpers/db.ts';
import { openStore } from '../store/open.ts';
import type { Db, Store } from '../store/store.ts';
import { startJobRunner } from './jobs.ts';

/** A promise with its resolver, to wait for an event instead of a time. */
function signal<T = void>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve: (v: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe.each(backends)('jobs on $name', (backend) => {
  const store = useStore(backend);

  it(
    'runs a periodic job, records it completed, records a failure and keeps its rhythm',
    { timeout: 60_000 },
    async () => {
      const runner = await startJobRunner(store(), { pollingIntervalSeconds: 0.5 });
      try {
        let runs = 0;
        const third = signal();
        await runner.every('proef-ritme', 1, async () => {
          runs++;
          if (runs === 2) throw new Error('tenant onbereikbaar');
          if (runs === 3) third.resolve();
          return { run: runs };
        });
        await third.promise;
        const history = await runner.history('proef-ritme');
        const states = history.map((h) => h.state);
        expect(states).toContain('completed');
        expect(states).toContain('failed');
        const failed = history.find((h) => h.state === 'failed');
        expect(JSON.stringify(failed?.output)).toContain('tenant onbereikbaar');
        expect(history.find((h) => h.state === 'completed')?.output).toMatchObject({ run: expect.any(Number) });
      } finally {
        await runner.stop();
      }
    },
  );

  it('two runners on one database never run the handler at the same time', { timeout: 60_000 }, async () => {
    // Each runner's database handle counts pg-boss's fetches (SELECT … FOR UPDATE SKIP LOCKED), so a run can be held
    // until the other runner has polled twice while it was active: had it been allowed, it would have started.
    // (pg-boss 12 sends its fetch without parameters, so it arrives through execRows; with parameters, query.)
    const fetches = { a: 0, b: 0 };
    const waiters: (() => void)[] = [];
    const counted = (who: 'a' | 'b'): Store => {
      const s = store();
      const count = (sql: string) => {
        if (/SKIP LOCKED/i.test(sql)) {
          fetches[who]++;
          for (const w of waiters.splice(0)) w();
        }
      };
      const db: Db = {
        query: (sql, params) => {
          count(sql);
          return s.db.query(sql, params);
        },
        exec: (sql) => s.db.exec(sql),
        execRows: (sql) => {
          count(sql);
          return s.db.execRows(sql);
        },
        transaction: (fn) => s.db.transaction(fn),
      };
      return { ...s, db } as Store;
    };
    const polled = (who: 'a' | 'b', times: number) =>
      new Promise<void>((resolve) => {
        const target = fetches[who] + times;
        const check = () => (fetches[who] >= target ? resolve() : waiters.push(check));
        check();
      });
    const a = await startJobRunner(counted('a'), { pollingIntervalSeconds: 0.5 });
    const b = await startJobRunner(counted('b'), { pollingIntervalSeconds: 0.5 });
    try {
      let active = 0;
      let maxActive = 0;
      const ranOn = { a: 0, b: 0 };
      const enough = signal();
      const handler = (me: 'a' | 'b') => async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        ranOn[me]++;
        await Promise.all([a.runNow('proef-enkel'), b.runNow('proef-enkel')]);
        await polled(me === 'a' ? 'b' : 'a', 2);
        active--;
        if (ranOn.a + ranOn.b >= 4) enough.resolve();
      };
      await Promise.all([a.every('proef-enkel', 1, handler('a')), b.every('proef-enkel', 1, handler('b'))]);
      await enough.promise;
      expect(ranOn.a + ranOn.b).toBeGreaterThanOrEqual(4);
      expect(maxActive).toBe(1);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});

describe(`jobs on a fresh database (${serverBackend.name})`, () => {
  it(
    "two processes starting at once both start: the queue's schema is installed once",
    { timeout: 60_000 },
    async () => {
      // Each with its own connection pool, as two server processes have; before the fix one of them failed with a
      // duplicate key on pg_namespace (pg-boss installing its schema twice).
      const database = await serverBackend.createDatabase();
      const stores = [await openStore(database.options), await openStore(database.options)];
      try {
        await Promise.all(stores.map((s) => s.migrate()));
        const runners = await Promise.all(stores.map((s) => startJobRunner(s, { pollingIntervalSeconds: 0.5 })));
        expect(runners).toHaveLength(2);
        expect(
          (await (stores[1] as Store).db.query<{ n: string }>('SELECT count(*) AS n FROM pgboss.version')).rows[0]?.n,
        ).toBe('1');
        // Both work one queue: a run asked for through either one happens.
        const ran = signal();
        await (runners[0] as Awaited<ReturnType<typeof startJobRunner>>).every('proef-vers', 3600, async () => {
          ran.resolve();
        });
        await ran.promise;
        await Promise.all(runners.map((r) => r.stop()));
      } finally {
        for (const s of stores) await s.close();
        await database.drop();
      }
    },
  );
});
