// One person's data in the monthly report's tables (issue 16 §2; migration 014_reports; docs/privacy.md): the
// versions they approved or last changed and the introductions that name them — for the export (AVG art. 15) and the
// erasure (art. 17). The reports are the programme's record and stay: their person id is replaced by the pseudonym
// (their name, where written, by ./text-columns.ts's sweep like everywhere else). A kept document prints names (the
// approver in its colophon; the regiegroep's version names people per werkgroep and capacity) in bytes no sweep can
// read, so those documents are cleared and rendered again, with the pseudonym, when next downloaded
// (src/app/report/workflow.ts reportDocument). Used by ./person-records.ts.
import type { Db } from './store.ts';

/** What the report tables keep about one person (part of the export's body). */
export interface ReportPersonData {
  /** Versions they approved, or changed last (`updatedBySelf`), or whose introduction names them. */
  reports: {
    month: string;
    version: number;
    state: string;
    approvedBySelf: boolean;
    approvedAt: string | null;
    updatedBySelf: boolean;
    updatedAt: string;
    introduction: string | null;
  }[];
}

/** Rows pseudonymised in the report tables; documents cleared to be rendered again. */
export type ReportErasureCounts = { reports: number; reportDocuments: number };

interface Row {
  month: string;
  version: number | string;
  state: string;
  introduction: string;
  approved_by: string | null;
  approved_at: Date | string | null;
  updated_by: string;
  updated_at: Date | string;
}

/** Everything the report tables keep about person `id` of programme `pid`; `named` tells whether text names them. */
export async function collectReports(
  db: Db,
  pid: string,
  id: string,
  named: (text: string) => boolean,
): Promise<ReportPersonData> {
  const rows = (
    await db.query<Row>(
      `SELECT month, version, state, introduction, approved_by, approved_at, updated_by, updated_at
         FROM report_versions WHERE programme_id = $1 ORDER BY month, version`,
      [pid],
    )
  ).rows.filter((r) => r.approved_by === id || r.updated_by === id || named(r.introduction));
  return {
    reports: rows.map((r) => ({
      month: r.month,
      version: Number(r.version),
      state: r.state,
      approvedBySelf: r.approved_by === id,
      approvedAt: r.approved_at === null ? null : new Date(r.approved_at).toISOString(),
      updatedBySelf: r.updated_by === id,
      updatedAt: new Date(r.updated_at).toISOString(),
      // Only an introduction that names them is theirs to see here; one they merely approved is the programme's.
      introduction: named(r.introduction) ? r.introduction : null,
    })),
  };
}

/** Whether a version of a report refers to person id `id` (who approved or changed it). */
export async function referencedInReports(db: Db, pid: string, id: string): Promise<boolean> {
  const r = await db.query<{ n: number | string }>(
    'SELECT count(*) AS n FROM report_versions WHERE programme_id = $1 AND (approved_by = $2 OR updated_by = $2)',
    [pid, id],
  );
  return Number(r.rows[0]?.n ?? 0) > 0;
}

/**
 * Pseudonymises person `id` in the report tables of programme `pid` (inside the caller's transaction): who approved
 * or changed a version, and the approver's name kept for the colophon; clears the documents that print their name
 * (those of the versions they approved) and every regiegroep version's (it names people per werkgroep).
 */
export async function eraseReports(tx: Db, pid: string, id: string, pseudonym: string): Promise<ReportErasureCounts> {
  const n = async (sql: string) => (await tx.query(`${sql} RETURNING 1 AS one`, [pid, id, pseudonym])).rows.length;
  const reportDocuments = await n(
    `UPDATE report_documents d SET bytes = NULL
      WHERE d.programme_id = $1 AND d.bytes IS NOT NULL AND $3::text IS NOT NULL
        AND (d.variant = 'regiegroep' OR EXISTS (SELECT 1 FROM report_versions r WHERE r.programme_id = d.programme_id
              AND r.month = d.month AND r.version = d.version AND r.approved_by = $2))`,
  );
  const reports = await n(
    `UPDATE report_versions SET
        approved_by = CASE WHEN approved_by = $2 THEN $3 ELSE approved_by END,
        approved_by_name = CASE WHEN approved_by = $2 THEN $3 ELSE approved_by_name END,
        updated_by = CASE WHEN updated_by = $2 THEN $3 ELSE updated_by END
      WHERE programme_id = $1 AND (approved_by = $2 OR updated_by = $2)`,
  );
  return { reports, reportDocuments };
}
