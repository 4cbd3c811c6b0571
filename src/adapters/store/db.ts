// The two Db backends behind one interface: embedded PGlite and a PostgreSQL server reached through a pg.Pool.
// Transactions: commit when fn resolves, roll back when it throws; a transaction inside a transaction reuses the outer one.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';
import type { Db, QueryResult } from './store.ts';

/** The outer handle was used inside its own transaction callback, where only the tx handle works. */
export class OuterHandleInTransactionError extends Error {
  constructor() {
    super(
      'Use the transaction handle (tx) inside transaction(); the outer handle waits for the transaction to end and would hang.',
    );
    this.name = 'OuterHandleInTransactionError';
  }
}

/**
 * PGlite is one connection. Its own mutex already serialises query(), exec() and transaction() calls, so two
 * concurrent transactions run one after the other and never interleave. The flip side: the outer handle used inside
 * a transaction callback would wait for that same transaction forever — that mistake is reported instead.
 */
export class PgliteDb implements Db {
  private readonly pglite: PGlite;

  private readonly inTransaction = new AsyncLocalStorage<true>();

  constructor(pglite: PGlite) {
    this.pglite = pglite;
  }

  async query<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
    this.refuseInsideOwnTransaction();
    const result = await this.pglite.query<T>(sql, [...params]);
    return { rows: result.rows };
  }

  async execRows<T = Record<string, unknown>>(sql: string): Promise<QueryResult<T>> {
    this.refuseInsideOwnTransaction();
    const results = await this.pglite.exec(sql);
    return { rows: (results.at(-1)?.rows ?? []) as T[] };
  }

  async exec(sql: string): Promise<void> {
    this.refuseInsideOwnTransaction();
    await this.pglite.exec(sql);
  }

  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    this.refuseInsideOwnTransaction();
    return this.pglite.transaction((tx) => this.inTransaction.run(true, () => fn(new PgliteTxDb(tx))));
  }

  private refuseInsideOwnTransaction(): void {
    if (this.inTransaction.getStore()) throw new OuterHandleInTransactionError();
  }
}

class PgliteTxDb implements Db {
  private readonly tx: Transaction;

  constructor(tx: Transaction) {
    this.tx = tx;
  }

  async query<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
    const result = await this.tx.query<T>(sql, [...params]);
    return { rows: result.rows };
  }

  async execRows<T = Record<string, unknown>>(sql: string): Promise<QueryResult<T>> {
    const results = await this.tx.exec(sql);
    return { rows: (results.at(-1)?.rows ?? []) as T[] };
  }

  async exec(sql: string): Promise<void> {
    await this.tx.exec(sql);
  }

  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return fn(this);
  }
}

/** A server: plain queries take any pooled connection; a transaction holds one connection from BEGIN to COMMIT. */
export class PgPoolDb implements Db {
  private readonly pool: Pool;

  constructor(pool: Pool) {
    this.pool = pool;
  }

  async query<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
    const result = await this.pool.query(sql, [...params]);
    return { rows: result.rows as T[] };
  }

  async execRows<T = Record<string, unknown>>(sql: string): Promise<QueryResult<T>> {
    const result = (await this.pool.query(sql)) as unknown as { rows: unknown[] } | { rows: unknown[] }[];
    const last = Array.isArray(result) ? result.at(-1) : result;
    return { rows: (last?.rows ?? []) as T[] };
  }

  async exec(sql: string): Promise<void> {
    // Without parameters pg uses the simple query protocol, which accepts several statements.
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
    } catch (err) {
      client.release(asError(err));
      throw err;
    }
    // A connection that could not roll back is destroyed instead of going back to the pool.
    let broken: Error | undefined;
    try {
      const result = await fn(new PgClientDb(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      // The caller's error is the one to report; a failed ROLLBACK only marks the connection as broken.
      await client.query('ROLLBACK').catch((rollbackErr: unknown) => {
        broken = asError(rollbackErr);
      });
      throw err;
    } finally {
      client.release(broken);
    }
  }
}

class PgClientDb implements Db {
  private readonly client: PoolClient;

  constructor(client: PoolClient) {
    this.client = client;
  }

  async query<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
    const result = await this.client.query(sql, [...params]);
    return { rows: result.rows as T[] };
  }

  async execRows<T = Record<string, unknown>>(sql: string): Promise<QueryResult<T>> {
    const result = (await this.client.query(sql)) as unknown as { rows: unknown[] } | { rows: unknown[] }[];
    const last = Array.isArray(result) ? result.at(-1) : result;
    return { rows: (last?.rows ?? []) as T[] };
  }

  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return fn(this);
  }
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
