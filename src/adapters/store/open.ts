// Opens the store: a PostgreSQL server when a databaseUrl is given, otherwise embedded PGlite in dataDir.
// Either way the rest of the code sees the same Store; the location shown to people never contains a password.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Logger } from '../../platform/logger.ts';
import { both } from '../../domain/i18n.ts';
import { DependencyUnavailableError } from '../../platform/unavailable.ts';
import { networkCode } from '../http/unreachable.ts';
import { PgliteDb, PgPoolDb } from './db.ts';
import { DataDirInUseError, lockDataDir, type DirLock } from './dir-lock.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { actionRecords } from './action-records.ts';
import { agendaEditRecords } from './agenda-edits.ts';
import { backlogRecords, decisionRecords, indicatorRecords } from './decision-records.ts';
import { botRecords } from './bot-records.ts';
import { guestRecords } from './guest-records.ts';
import { languageRecords } from './language-records.ts';
import { meetingRecords } from './meeting-records.ts';
import { reportRecords } from './report-records.ts';
import { newsRecords } from './news-records.ts';
import { syncRecords } from './sync-records.ts';
import { programmeVersions } from './programme-versions.ts';
import type { Db, Store, StoreOptions } from './store.ts';

export const MEMORY = 'memory://';

/** The database could not be opened or reached; the message names where, never a password. */
export class StoreUnavailableError extends DependencyUnavailableError {
  readonly location: string;

  constructor(
    location: string,
    cause: unknown,
    /** What to do, in words (both languages). */
    hint?: string,
  ) {
    const reason = cause instanceof Error ? cause.message || (networkCode(cause) ?? cause.name) : String(cause);
    super('database', `${both('server.store.unreachable')} (${location}): ${reason}${hint ? `. ${hint}` : ''}`, {
      cause,
    });
    this.location = location;
    this.name = 'StoreUnavailableError';
  }
}

/** The PGlite data directory is held by another live process (src/adapters/store/dir-lock.ts); says what to do. */
class StoreInUseError extends DependencyUnavailableError {
  readonly held: DataDirInUseError;

  constructor(held: DataDirInUseError) {
    const o = held.owner;
    super(
      'datadir',
      both('server.store.inUse', { dir: held.dir, pid: o.pid, command: o.command, since: o.since, file: held.file }),
      { cause: held },
    );
    this.held = held;
    this.name = 'StoreInUseError';
  }
}

/**
 * Opens the store of `options`. Throws StoreUnavailableError when the database cannot be opened or reached, and
 * StoreInUseError when another live process holds the PGlite directory (one process per directory: dir-lock.ts).
 */
export async function openStore(options: StoreOptions, logger?: Logger): Promise<Store> {
  const store = options.databaseUrl
    ? await openServer(options.databaseUrl, logger)
    : await openPglite(options.dataDir, options.command ?? 'regiekamer', logger);
  logger?.info({ backend: store.backend, location: store.location }, 'store opened');
  return store;
}

async function openPglite(dataDir: string, command: string, logger?: Logger): Promise<Store> {
  const inMemory = dataDir.startsWith(MEMORY);
  const location = inMemory ? dataDir : path.resolve(dataDir);
  let pglite: PGlite;
  let lock: DirLock | undefined;
  try {
    if (!inMemory) {
      await mkdir(path.dirname(location), { recursive: true });
      lock = await lockDataDir(location, command);
      await mkdir(location, { recursive: true });
    }
    pglite = await PGlite.create({ dataDir: location });
  } catch (err) {
    await lock?.release();
    if (err instanceof DataDirInUseError) throw new StoreInUseError(err);
    throw new StoreUnavailableError(location, err);
  }
  let closed = false;
  return makeStore('pglite', location, new PgliteDb(pglite), logger, async () => {
    if (closed) return;
    closed = true;
    try {
      await pglite.close();
    } finally {
      await lock?.release();
    }
  });
}

async function openServer(databaseUrl: string, logger?: Logger): Promise<Store> {
  const location = redactUrl(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl });
  // An idle connection dropped by the server must not crash the process; the next query gets a fresh one.
  pool.on('error', (err) => logger?.warn({ err: err.message, location }, 'idle database connection lost'));
  const db = new PgPoolDb(pool);
  try {
    await db.query('SELECT 1');
  } catch (err) {
    await pool.end();
    throw new StoreUnavailableError(location, err, both('dependency.database'));
  }
  let closed = false;
  return makeStore('postgres', location, db, logger, async () => {
    if (closed) return;
    closed = true;
    await pool.end();
  });
}

function makeStore(
  backend: Store['backend'],
  location: string,
  db: Db,
  logger: Logger | undefined,
  close: () => Promise<void>,
): Store {
  return {
    backend,
    location,
    db,
    programmes: programmeVersions(db),
    sync: syncRecords(db),
    actions: actionRecords(db),
    decisions: decisionRecords(db),
    backlog: backlogRecords(db),
    indicators: indicatorRecords(db),
    bot: botRecords(db),
    guests: guestRecords(db),
    botLanguages: languageRecords(db),
    meetings: meetingRecords(db),
    agendaEdits: agendaEditRecords(db),
    reports: reportRecords(db),
    news: newsRecords(db),
    migrate: async () => migrate(db, await loadMigrations(), logger),
    ping: async () => {
      await db.query('SELECT 1');
    },
    close,
  };
}

/** postgres://user:secret@host/db?password=x → postgres://user@host/db (no password, wherever it was written). */
export function redactUrl(databaseUrl: string): string {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return `postgres://(${both('server.store.invalidUrl')})`;
  }
  url.password = '';
  url.searchParams.delete('password');
  return url.toString();
}
