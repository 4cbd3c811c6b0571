// The monthly report's versions and documents (issue 16 §2; migration 014_reports). A version's introduction is
// changed only at the revision it was read at (the ETag `<version>.<revision>`), so two people editing at once never
// overwrite each other unseen; approving stores the summary, the four documents and the cards' deliveries in the
// bot's ledger in one transaction (the cards are sent by the durable delivery jobs, never lost between approving and
// sending). An approved version never changes: a correction is the next version.
import { Buffer } from 'node:buffer';
import type { ReportFormat, ReportSummary, ReportVariant } from '../../app/report/port.ts';
import type { Db } from './store.ts';

/** One version of a month's report as stored (without the documents' bytes). */
export interface StoredReport {
  /** YYYY-MM. */
  month: string;
  version: number;
  state: 'draft' | 'approved';
  introduction: string;
  /** Bumped on every change of the version; `<version>.<revision>` is its ETag. */
  revision: number;
  /** The headline figures as approved; null for a draft. */
  summary: ReportSummary | null;
  createdAt: Date;
  updatedAt: Date;
  /** Person id (or 'app') of the last change. */
  updatedBy: string;
  approved: { at: Date; by: string; byName: string } | null;
  /** The documents kept with an approved version; `available` false once erased names need a new rendering. */
  documents: { variant: ReportVariant; format: ReportFormat; available: boolean }[];
}

/** Which version and revision a change applies to: what the person read (version 1, revision 0 when none exists). */
interface ReportPrecondition {
  version: number;
  revision: number;
}

/** A delivery approving hands to the bot's ledger (bot_deliveries), due at once. */
interface ReportDelivery {
  key: string;
  kind: string;
  recipient: string;
  payload: Record<string, unknown>;
}

type ReportChange = { outcome: 'saved'; report: StoredReport } | { outcome: 'changed' };

export interface ReportRecords {
  /** Every version of every month, latest month and version first. */
  list(programmeId: string): Promise<StoredReport[]>;
  /** The month's versions, latest first (empty when nothing was saved for it). */
  versions(programmeId: string, month: string): Promise<StoredReport[]>;
  /**
   * Saves the introduction at `expected`: the latest version's revision (a draft is changed, an approved version gets
   * a new draft version after it: a correction). 'changed' — nothing written — when `expected` is not the latest.
   */
  saveIntroduction(
    programmeId: string,
    month: string,
    input: { expected: ReportPrecondition; introduction: string; by: string; at: Date },
  ): Promise<ReportChange>;
  /**
   * Approves the draft at `expected` (creating version 1 when nothing was saved) with its summary, documents and
   * deliveries, all or nothing; 'changed' when `expected` is not the latest draft.
   */
  approve(
    programmeId: string,
    month: string,
    input: {
      expected: ReportPrecondition;
      at: Date;
      by: string;
      byName: string;
      summary: ReportSummary;
      documents: { variant: ReportVariant; format: ReportFormat; bytes: Uint8Array }[];
      deliveries: ReportDelivery[];
    },
  ): Promise<ReportChange>;
  /** A kept document's bytes; null when it must be rendered again (after an erasure); undefined when there is none. */
  document(
    programmeId: string,
    ref: { month: string; version: number; variant: ReportVariant; format: ReportFormat },
  ): Promise<Uint8Array | null | undefined>;
  /** Keeps a document rendered again (after an erasure cleared it). */
  restoreDocument(
    programmeId: string,
    ref: { month: string; version: number; variant: ReportVariant; format: ReportFormat },
    bytes: Uint8Array,
    at: Date,
  ): Promise<void>;
}

interface ReportRow {
  month: string;
  version: number | string;
  state: 'draft' | 'approved';
  introduction: string;
  revision: number | string;
  summary: unknown;
  created_at: Date | string;
  updated_at: Date | string;
  updated_by: string;
  approved_at: Date | string | null;
  approved_by: string | null;
  approved_by_name: string | null;
  documents: unknown;
}

const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

const COLUMNS = `r.month, r.version, r.state, r.introduction, r.revision, r.summary, r.created_at, r.updated_at,
  r.updated_by, r.approved_at, r.approved_by, r.approved_by_name,
  COALESCE((SELECT json_agg(json_build_object('variant', d.variant, 'format', d.format, 'available', d.bytes IS NOT NULL)
              ORDER BY d.variant DESC, d.format)
              FROM report_documents d
             WHERE d.programme_id = r.programme_id AND d.month = r.month AND d.version = r.version), '[]') AS documents`;

const reportOf = (r: ReportRow): StoredReport => ({
  month: r.month,
  version: Number(r.version),
  state: r.state,
  introduction: r.introduction,
  revision: Number(r.revision),
  summary: (parsed(r.summary) ?? null) as ReportSummary | null,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  updatedBy: r.updated_by,
  approved:
    r.approved_at && r.approved_by
      ? { at: new Date(r.approved_at), by: r.approved_by, byName: r.approved_by_name ?? '' }
      : null,
  documents: parsed(r.documents) as StoredReport['documents'],
});

/** The month's latest version, its row locked for the rest of the transaction. */
async function lockLatest(tx: Db, pid: string, month: string) {
  const r = await tx.query<{ version: number | string; revision: number | string; state: string }>(
    `SELECT version, revision, state FROM report_versions WHERE programme_id = $1 AND month = $2
      ORDER BY version DESC LIMIT 1 FOR UPDATE`,
    [pid, month],
  );
  const row = r.rows[0];
  return row ? { version: Number(row.version), revision: Number(row.revision), state: row.state } : undefined;
}

async function readOne(db: Db, pid: string, month: string, version: number): Promise<StoredReport> {
  const r = await db.query<ReportRow>(
    `SELECT ${COLUMNS} FROM report_versions r WHERE r.programme_id = $1 AND r.month = $2 AND r.version = $3`,
    [pid, month, version],
  );
  const row = r.rows[0];
  if (!row) throw new Error('report version not written');
  return reportOf(row);
}

/** Inserts a new draft version; false when another one took its number first. */
async function insertDraft(tx: Db, pid: string, month: string, version: number, intro: string, by: string, at: Date) {
  const r = await tx.query(
    `INSERT INTO report_versions (programme_id, month, version, state, introduction, revision, created_at, updated_at, updated_by)
     VALUES ($1, $2, $3, 'draft', $4, 1, $5, $5, $6) ON CONFLICT DO NOTHING RETURNING 1 AS one`,
    [pid, month, version, intro, at, by],
  );
  return r.rows.length === 1;
}

/** The store's queries for the monthly reports. */
export function reportRecords(db: Db): ReportRecords {
  return {
    async list(pid) {
      const r = await db.query<ReportRow>(
        `SELECT ${COLUMNS} FROM report_versions r WHERE r.programme_id = $1 ORDER BY r.month DESC, r.version DESC`,
        [pid],
      );
      return r.rows.map(reportOf);
    },
    async versions(pid, month) {
      const r = await db.query<ReportRow>(
        `SELECT ${COLUMNS} FROM report_versions r WHERE r.programme_id = $1 AND r.month = $2 ORDER BY r.version DESC`,
        [pid, month],
      );
      return r.rows.map(reportOf);
    },
    saveIntroduction: (pid, month, input) =>
      db.transaction(async (tx): Promise<ReportChange> => {
        const latest = await lockLatest(tx, pid, month);
        const { expected, introduction, by, at } = input;
        if (!latest) {
          if (expected.version !== 1 || expected.revision !== 0) return { outcome: 'changed' };
          if (!(await insertDraft(tx, pid, month, 1, introduction, by, at))) return { outcome: 'changed' };
          return { outcome: 'saved', report: await readOne(tx, pid, month, 1) };
        }
        if (latest.version !== expected.version || latest.revision !== expected.revision) return { outcome: 'changed' };
        if (latest.state === 'approved') {
          if (!(await insertDraft(tx, pid, month, latest.version + 1, introduction, by, at)))
            return { outcome: 'changed' };
          return { outcome: 'saved', report: await readOne(tx, pid, month, latest.version + 1) };
        }
        await tx.query(
          `UPDATE report_versions SET introduction = $4, revision = revision + 1, updated_at = $5, updated_by = $6
            WHERE programme_id = $1 AND month = $2 AND version = $3`,
          [pid, month, latest.version, introduction, at, by],
        );
        return { outcome: 'saved', report: await readOne(tx, pid, month, latest.version) };
      }),
    approve: (pid, month, input) =>
      db.transaction(async (tx): Promise<ReportChange> => {
        const { expected, at, by } = input;
        let latest = await lockLatest(tx, pid, month);
        if (!latest && expected.version === 1 && expected.revision === 0) {
          if (!(await insertDraft(tx, pid, month, 1, '', by, at))) return { outcome: 'changed' };
          latest = { version: 1, revision: 1, state: 'draft' };
        } else if (
          !latest ||
          latest.state !== 'draft' ||
          latest.version !== expected.version ||
          latest.revision !== expected.revision
        )
          return { outcome: 'changed' };
        const version = latest.version;
        await tx.query(
          `UPDATE report_versions SET state = 'approved', revision = revision + 1, summary = $4, updated_at = $5,
                  updated_by = $6, approved_at = $5, approved_by = $6, approved_by_name = $7
            WHERE programme_id = $1 AND month = $2 AND version = $3`,
          [pid, month, version, JSON.stringify(input.summary), at, by, input.byName],
        );
        for (const d of input.documents)
          await tx.query(
            `INSERT INTO report_documents (programme_id, month, version, variant, format, bytes, rendered_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [pid, month, version, d.variant, d.format, Buffer.from(d.bytes), at],
          );
        for (const d of input.deliveries)
          await tx.query(
            `INSERT INTO bot_deliveries (programme_id, key, kind, occurrence_key, recipient, due_at, status, payload, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $6) ON CONFLICT (programme_id, key) DO NOTHING`,
            [pid, d.key, d.kind, `report:${month}`, d.recipient, at, JSON.stringify(d.payload)],
          );
        return { outcome: 'saved', report: await readOne(tx, pid, month, version) };
      }),
    async document(pid, ref) {
      const r = await db.query<{ bytes: Uint8Array | null }>(
        `SELECT bytes FROM report_documents
          WHERE programme_id = $1 AND month = $2 AND version = $3 AND variant = $4 AND format = $5`,
        [pid, ref.month, ref.version, ref.variant, ref.format],
      );
      const row = r.rows[0];
      if (!row) return undefined;
      return row.bytes === null ? null : new Uint8Array(row.bytes);
    },
    async restoreDocument(pid, ref, bytes, at) {
      await db.query(
        `UPDATE report_documents SET bytes = $6, rendered_at = $7
          WHERE programme_id = $1 AND month = $2 AND version = $3 AND variant = $4 AND format = $5 AND bytes IS NULL`,
        [pid, ref.month, ref.version, ref.variant, ref.format, Buffer.from(bytes), at],
      );
    },
  };
}
