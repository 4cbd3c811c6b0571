// Versioned migrations: the .sql files in ./migrations, applied in order, each once, each in its own transaction.
// An advisory lock makes concurrent migrate() calls (two processes on one server) take turns.
import { readdir, readFile } from 'node:fs/promises';
import type { Logger } from '../../platform/logger.ts';
import { LOCK } from './locks.ts';
import type { Db } from './store.ts';

export interface Migration {
  /** The file name without .sql, e.g. 001_programme_versions; recorded in schema_migrations. */
  id: string;
  sql: string;
}

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const FILE_NAME = /^(\d{3})_[a-z0-9_]+\.sql$/;

/** Reads the migrations shipped with the code, ordered by their number; a malformed or duplicate name is an error. */
export async function loadMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  const seen = new Map<string, string>();
  const migrations: Migration[] = [];
  for (const name of names) {
    const number = FILE_NAME.exec(name)?.[1];
    if (!number) throw new Error(`migration file name must look like 001_some_name.sql: ${name}`);
    const other = seen.get(number);
    if (other) throw new Error(`two migrations share number ${number}: ${other} and ${name}`);
    seen.set(number, name);
    migrations.push({ id: name.slice(0, -'.sql'.length), sql: await readFile(new URL(name, dir), 'utf8') });
  }
  return migrations;
}

// Statements that cannot run inside a transaction (CREATE INDEX CONCURRENTLY, …) do not belong in a migration file.
export async function migrate(
  db: Db,
  migrations: readonly Migration[],
  logger?: Logger,
): Promise<{ applied: string[] }> {
  const done = await db.transaction(async (tx) => {
    await lock(tx);
    // Created under the lock: CREATE TABLE IF NOT EXISTS alone is not safe against a concurrent twin.
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM schema_migrations');
    return new Set(rows.map((r) => r.id));
  });

  const known = new Set(migrations.map((m) => m.id));
  const unknown = [...done].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    logger?.warn(
      { unknown },
      'the database has migrations this version of the code does not know (a newer version ran here?)',
    );
  }

  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.id)) continue;
    const didApply = await db.transaction(async (tx) => {
      await lock(tx);
      // Another process may have applied it while this one waited for the lock.
      const { rows } = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [migration.id]);
      if (rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
      return true;
    });
    if (didApply) {
      applied.push(migration.id);
      logger?.info({ migration: migration.id }, 'migration applied');
    }
  }
  return { applied };
}

async function lock(tx: Db): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(${LOCK.migrations}, 0)`);
}
