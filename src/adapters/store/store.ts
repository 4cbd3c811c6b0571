// The store: PostgreSQL behind one interface, on embedded PGlite (default) or a server (DATABASE_URL).
// Only repositories in this folder write SQL; the rest of the code uses their typed methods.

import type { ActionRecords } from './action-records.ts';
import type { AgendaEditRecords } from './agenda-edits.ts';
import type { BotRecords } from './bot-records.ts';
import type { LanguageRecords } from './language-records.ts';
import type { BacklogRecords, DecisionRecords, IndicatorRecords } from './decision-records.ts';
import type { GuestRecords } from './guest-records.ts';
import type { MeetingRecords } from './meeting-records.ts';
import type { ReportRecords } from './report-records.ts';
import type { NewsRecords } from './news-records.ts';
import type { SyncRecords } from './sync-records.ts';

export interface QueryResult<T> {
  rows: T[];
}

/** A connection-like handle: the same on PGlite and on a server, inside or outside a transaction. */
export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Several statements without parameters (DDL). */
  exec(sql: string): Promise<void>;
  /** Several statements without parameters; the rows of the last one (for libraries that send scripts, e.g. pg-boss). */
  execRows<T = Record<string, unknown>>(sql: string): Promise<QueryResult<T>>;
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
}

export interface ProgrammeVersion {
  id: number;
  programmeId: string;
  hash: string;
  sourcePath: string;
  loadedAt: Date;
  content: string;
}

export interface ProgrammeVersions {
  /** Stores a loaded programme file as a version; the same hash as the latest version is not stored twice. */
  record(input: {
    programmeId: string;
    hash: string;
    sourcePath: string;
    content: string;
    loadedAt: Date;
  }): Promise<{ version: ProgrammeVersion; isNew: boolean; previous?: ProgrammeVersion }>;
  latest(programmeId: string): Promise<ProgrammeVersion | undefined>;
  list(programmeId: string): Promise<ProgrammeVersion[]>;
}

export interface Store {
  readonly backend: 'pglite' | 'postgres';
  /** Where the data lives, for the start-up summary (a directory, or the server URL without password). */
  readonly location: string;
  readonly db: Db;
  readonly programmes: ProgrammeVersions;
  readonly sync: SyncRecords;
  readonly actions: ActionRecords;
  readonly decisions: DecisionRecords;
  readonly backlog: BacklogRecords;
  readonly indicators: IndicatorRecords;
  readonly bot: BotRecords;
  /** Where each guest's invitation stands (issue 14 §4). */
  readonly guests: GuestRecords;
  /** The language each person writes to the bot in, per conversation. */
  readonly botLanguages: LanguageRecords;
  /** What was recorded per meeting, and its besluitenlijst once closed (issue 18 §3, §4). */
  readonly meetings: MeetingRecords;
  /** The projectleider's edits of each meeting's agenda (issue 18 §2). */
  readonly agendaEdits: AgendaEditRecords;
  /** The monthly report's versions and kept documents (issue 16 §2). */
  readonly reports: ReportRecords;
  /** The monthly news messages: draft, approval, delivery (issue 16 §3). */
  readonly news: NewsRecords;
  /** Applies pending migrations in order, each in its own transaction; safe to call concurrently from two processes. */
  migrate(): Promise<{ applied: string[] }>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** postgres://… for a server; absent for embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; 'memory://' for a throwaway in-memory database. */
  dataDir: string;
  /** What opens it (`start`, `plan`, …): shown to a second process that finds the PGlite directory held. */
  command?: string;
}
