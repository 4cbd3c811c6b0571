// Isolated stores for tests, on both backends: embedded PGlite in memory, and the server from tests/setup/postgres.ts.
// Usage:
//   describe.each(backends)('… on $name', (backend) => {
//     const store = useStore(backend);             // one fresh, migrated store for this describe block
//     it('…', async () => { await store().programmes.record(…) });
//   });
// On a real server every database is a fresh `CREATE DATABASE rk_test_…`, dropped afterwards. When only PGlite over the
// wire protocol is available, every database is a private PGlite server: one PGlite is a single session, so test files
// sharing one would see each other's transactions, locks and search_path.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import pg from 'pg';
import { MEMORY, openStore } from '../../src/adapters/store/open.ts';
import type { Store, StoreOptions } from '../../src/adapters/store/store.ts';
import { servePglite } from './pglite-server.ts';

export interface TestDatabase {
  /** Pass to openStore; on PGlite every openStore() of memory:// is another, empty database. */
  options: StoreOptions;
  /** Removes the database; close the stores on it first. */
  drop(): Promise<void>;
}

export interface TestBackend {
  /** For test titles (`$name` in describe.each). */
  name: string;
  backend: Store['backend'];
  /** A fresh, empty database; each call gives another one. */
  createDatabase(): Promise<TestDatabase>;
}

export const pgliteBackend: TestBackend = {
  name: 'PGlite (memory://)',
  backend: 'pglite',
  createDatabase: async () => ({ options: { dataDir: MEMORY }, drop: async () => undefined }),
};

export const serverBackend: TestBackend = {
  name: inject('databaseKind') === 'postgres' ? 'PostgreSQL server' : 'PGlite over the wire (pg)',
  backend: 'postgres',
  createDatabase: () =>
    inject('databaseKind') === 'postgres' ? createServerDatabase(inject('databaseUrl')) : createServedPglite(),
};

export const backends: readonly TestBackend[] = [pgliteBackend, serverBackend];

/**
 * One fresh store for the enclosing describe block (opened in beforeAll, closed and dropped in afterAll).
 * Returns a getter, because the store exists only once beforeAll has run.
 */
export function useStore(backend: TestBackend, { migrate = true }: { migrate?: boolean } = {}): () => Store {
  let database: TestDatabase | undefined;
  let store: Store | undefined;
  beforeAll(async () => {
    database = await backend.createDatabase();
    store = await openStore(database.options);
    if (migrate) await store.migrate();
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });
  return () => {
    if (!store) throw new Error('useStore(): the store is opened in beforeAll; use it inside a test or hook');
    return store;
  };
}

async function createServerDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `rk_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    options: { databaseUrl: url.toString(), dataDir: MEMORY },
    // FORCE: a connection a failed test left open must not keep the database alive.
    drop: () =>
      withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function createServedPglite(): Promise<TestDatabase> {
  const served = await servePglite();
  return { options: { databaseUrl: served.url, dataDir: MEMORY }, drop: () => served.stop() };
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
