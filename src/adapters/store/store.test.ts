// The store on both backends: migrations, transactions, programme versions; plus what only one backend can show.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  backends,
  pgliteBackend,
  serverBackend,
  useStore,
  type TestBackend,
  type TestDatabase,
} from '../../../tests/helpers/db.ts';
import { OuterHandleInTransactionError } from './db.ts';
import { loadMigrations } from './migrate.ts';
import { openStore, redactUrl, StoreUnavailableError } from './open.ts';
import type { Store } from './store.ts';

const T1 = new Date('2026-03-02T09:00:00.000Z');
const T2 = new Date('2026-03-09T09:30:00.000Z');
const T3 = new Date('2026-03-16T10:15:00.000Z');

const file = (hash: string, content: string, loadedAt: Date) => ({
  programmeId: 'blnp',
  hash,
  sourcePath: 'programmes/blnp.yaml',
  content,
  loadedAt,
});

/** Opens stores on fresh databases and closes and drops them after each test. */
function tracked() {
  const stores: Store[] = [];
  const databases: TestDatabase[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    for (const d of databases.splice(0)) await d.drop();
  });
  return {
    database: async (backend: TestBackend) => {
      const database = await backend.createDatabase();
      databases.push(database);
      return database;
    },
    open: async (options: TestDatabase['options']) => {
      const store = await openStore(options);
      stores.push(store);
      return store;
    },
  };
}

describe.each(backends)('store on $name', (backend) => {
  describe('migrations', () => {
    const t = tracked();

    it('applies every migration once, in order, records it, and applies nothing the second time', async () => {
      const all = (await loadMigrations()).map((m) => m.id);
      expect(all.slice(0, 6)).toEqual([
        '001_programme_versions',
        '002_sync',
        '003_actions',
        '004_decisions',
        '005_action_blocked_since',
        '006_backlog_priorities',
      ]);
      expect(all).toEqual([...all].sort());

      const store = await t.open((await t.database(backend)).options);
      expect(store.backend).toBe(backend.backend);
      expect(await store.migrate()).toEqual({ applied: all });

      const { rows } = await store.db.query<{ id: string; applied_at: Date }>(
        'SELECT id, applied_at FROM schema_migrations ORDER BY id',
      );
      expect(rows.map((r) => r.id)).toEqual(all);
      expect(rows.every((r) => r.applied_at instanceof Date)).toBe(true);
      const table = await store.db.query<{ t: string | null }>("SELECT to_regclass('programme_versions')::text AS t");
      expect(table.rows[0]?.t).toBe('programme_versions');

      expect(await store.migrate()).toEqual({ applied: [] });
      const again = await store.db.query('SELECT id FROM schema_migrations');
      expect(again.rows).toHaveLength(all.length);
    });
  });

  describe('transactions', () => {
    const store = useStore(backend);
    beforeAll(async () => {
      await store().db.exec('CREATE TABLE tx_probe (n integer NOT NULL); CREATE TABLE tx_other (n integer NOT NULL)');
    });
    const count = async () =>
      Number((await store().db.query<{ c: string }>('SELECT count(*)::text AS c FROM tx_probe')).rows[0]?.c);

    it('commits when the function resolves and hands back its result', async () => {
      const result = await store().db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe (n) VALUES ($1), ($2)', [1, 2]);
        return 'klaar';
      });
      expect(result).toBe('klaar');
      expect(await count()).toBe(2);
    });

    it('rolls back everything when the function throws, and rethrows that error', async () => {
      const before = await count();
      const boom = new Error('boom');
      await expect(
        store().db.transaction(async (tx) => {
          await tx.query('INSERT INTO tx_probe (n) VALUES ($1)', [3]);
          await tx.exec('INSERT INTO tx_other (n) VALUES (1); INSERT INTO tx_other (n) VALUES (2)');
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect(await count()).toBe(before);
      expect((await store().db.query('SELECT n FROM tx_other')).rows).toEqual([]);
    });

    it('rolls back on a failing statement and the handle keeps working afterwards', async () => {
      const before = await count();
      await expect(
        store().db.transaction(async (tx) => {
          await tx.query('INSERT INTO tx_probe (n) VALUES ($1)', [4]);
          await tx.query('INSERT INTO tx_probe (n) VALUES ($1)', [null]);
        }),
      ).rejects.toThrow(/null value/);
      expect(await count()).toBe(before);
      await store().db.query('INSERT INTO tx_probe (n) VALUES ($1)', [5]);
      expect(await count()).toBe(before + 1);
    });

    it('a transaction inside a transaction joins it: the outer rollback undoes the inner work', async () => {
      const before = await count();
      await expect(
        store().db.transaction(async (tx) => {
          await tx.transaction(async (inner) => {
            expect(inner).toBe(tx);
            await inner.query('INSERT INTO tx_probe (n) VALUES ($1)', [6]);
          });
          expect(Number((await tx.query<{ c: string }>('SELECT count(*)::text AS c FROM tx_probe')).rows[0]?.c)).toBe(
            before + 1,
          );
          throw new Error('outer fails');
        }),
      ).rejects.toThrow('outer fails');
      expect(await count()).toBe(before);
    });
  });

  describe('programme versions', () => {
    const store = useStore(backend);

    it('stores the first load as a new version with the injected time', async () => {
      expect(await store().programmes.latest('blnp')).toBeUndefined();
      const first = await store().programmes.record(file('hash-a', 'versie: a', T1));
      expect(first.isNew).toBe(true);
      expect(first.previous).toBeUndefined();
      expect(first.version).toMatchObject({
        programmeId: 'blnp',
        hash: 'hash-a',
        sourcePath: 'programmes/blnp.yaml',
        content: 'versie: a',
      });
      expect(first.version.loadedAt.toISOString()).toBe(T1.toISOString());
      expect(Number.isInteger(first.version.id)).toBe(true);
    });

    it('does not store the same hash twice and returns the existing version', async () => {
      const latest = await store().programmes.latest('blnp');
      const again = await store().programmes.record(file('hash-a', 'versie: a', T2));
      expect(again.isNew).toBe(false);
      expect(again.version).toEqual(latest);
      expect(again.version.loadedAt.toISOString()).toBe(T1.toISOString());
      expect(await store().programmes.list('blnp')).toHaveLength(1);
    });

    it('stores a changed file as a new version and returns the previous one with it', async () => {
      const first = await store().programmes.latest('blnp');
      const changed = await store().programmes.record(file('hash-b', 'versie: b', T3));
      expect(changed.isNew).toBe(true);
      expect(changed.previous).toEqual(first);
      expect(changed.version.id).toBeGreaterThan(first?.id ?? Infinity);
      expect(changed.version.hash).toBe('hash-b');
      expect(await store().programmes.latest('blnp')).toEqual(changed.version);
      expect((await store().programmes.list('blnp')).map((v) => v.hash)).toEqual(['hash-a', 'hash-b']);
    });

    it('compares with the latest version only: going back to an older file is a change again', async () => {
      const back = await store().programmes.record(file('hash-a', 'versie: a', T3));
      expect(back.isNew).toBe(true);
      expect(back.previous?.hash).toBe('hash-b');
      expect((await store().programmes.list('blnp')).map((v) => v.hash)).toEqual(['hash-a', 'hash-b', 'hash-a']);
    });

    it('keeps programmes apart', async () => {
      const other = await store().programmes.record({ ...file('hash-a', 'versie: a', T1), programmeId: 'bel' });
      expect(other.isNew).toBe(true);
      expect(other.previous).toBeUndefined();
      expect(await store().programmes.list('bel')).toHaveLength(1);
      expect(await store().programmes.list('blnp')).toHaveLength(3);
      expect(await store().programmes.list('onbekend')).toEqual([]);
    });

    it('answers ping', async () => {
      await expect(store().ping()).resolves.toBeUndefined();
    });
  });
});

describe(`server only (${serverBackend.name})`, () => {
  const t = tracked();

  it('two concurrent migrate() calls (two pools, as two processes) both succeed and apply each migration once', async () => {
    const all = (await loadMigrations()).map((m) => m.id);
    const database = await t.database(serverBackend);
    const [a, b] = [await t.open(database.options), await t.open(database.options)];
    const results = await Promise.all([a.migrate(), b.migrate()]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(all);
    const { rows } = await a.db.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(all);
  });

  it('two processes recording the same new file at once store one version', async () => {
    const database = await t.database(serverBackend);
    const a = await t.open(database.options);
    const b = await t.open(database.options);
    await a.migrate();
    const results = await Promise.all([
      a.programmes.record(file('hash-x', 'x', T1)),
      b.programmes.record(file('hash-x', 'x', T1)),
    ]);
    expect(results.map((r) => r.isNew).sort()).toEqual([false, true]);
    expect(await a.programmes.list('blnp')).toHaveLength(1);
  });

  it('shows its location without the password', async () => {
    const database = await t.database(serverBackend);
    const url = new URL(database.options.databaseUrl ?? '');
    url.password = 'geheim-wachtwoord';
    const store = await t.open({ ...database.options, databaseUrl: url.toString() });
    expect(store.location).not.toContain('geheim');
    expect(store.location).toContain(url.host);
  });
});

describe('opening', () => {
  it('names an unreachable server without its password', async () => {
    const attempt = openStore({ databaseUrl: 'postgres://rk:geheim-wachtwoord@127.0.0.1:1/rk', dataDir: 'memory://' });
    await expect(attempt).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(attempt).rejects.toThrow('postgres://rk@127.0.0.1:1/rk');
    await expect(attempt).rejects.not.toThrow(/geheim/);
  });

  it('redacts a password in the user part and in the query string', () => {
    expect(redactUrl('postgres://rk:s3cret@db.example:5432/rk?sslmode=require&password=s3cret')).toBe(
      'postgres://rk@db.example:5432/rk?sslmode=require',
    );
    expect(redactUrl('niet een url')).not.toContain('niet');
  });
});

describe('PGlite only', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'rk-store-test-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('creates the data directory and keeps the data after closing and reopening it', async () => {
    const dataDir = path.join(tmp, 'nog', 'niet', 'aanwezig');
    const first = await openStore({ dataDir });
    expect(first.location).toBe(dataDir);
    await first.migrate();
    const recorded = await first.programmes.record(file('hash-a', 'versie: a', T1));
    await first.close();

    const second = await openStore({ dataDir });
    try {
      expect(await second.migrate()).toEqual({ applied: [] });
      expect(await second.programmes.latest('blnp')).toEqual(recorded.version);
      expect((await second.programmes.record(file('hash-a', 'versie: a', T2))).isNew).toBe(false);
    } finally {
      await second.close();
    }
  });

  describe('on one connection', () => {
    const store = useStore(pgliteBackend);

    it('runs concurrent transactions one after the other, never interleaved', async () => {
      await store().db.exec('CREATE TABLE steps (id integer GENERATED ALWAYS AS IDENTITY, who text NOT NULL)');
      const work = (who: string) =>
        store().db.transaction(async (tx) => {
          for (let i = 0; i < 3; i += 1) await tx.query('INSERT INTO steps (who) VALUES ($1)', [who]);
        });
      await Promise.all([work('a'), work('b'), work('c')]);
      const { rows } = await store().db.query<{ who: string }>('SELECT who FROM steps ORDER BY id');
      expect(rows.map((r) => r.who).join('')).toBe('aaabbbccc');
    });

    it('refuses the outer handle inside its own transaction instead of hanging', async () => {
      const db = store().db;
      await expect(db.transaction(async () => db.query('SELECT 1'))).rejects.toBeInstanceOf(
        OuterHandleInTransactionError,
      );
      await expect(db.query<{ one: number }>('SELECT 1 AS one')).resolves.toEqual({ rows: [{ one: 1 }] });
    });
  });
});
