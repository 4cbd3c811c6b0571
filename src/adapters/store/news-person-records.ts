// One person's data in the news table of issue 16 §3 (migration 015_news; docs/privacy.md): the monthly messages they
// last edited or approved — for the export (AVG art. 15) and the erasure (art. 17). Like the meeting records, the
// messages are the programme's record and stay: the person's id is replaced by the pseudonym. Their name written in
// a message's text is replaced with every other mention (./text-columns.ts finds this table's columns too). Used by
// ./person-records.ts.
import type { Db } from './store.ts';

/** What the news table keeps about one person (part of the export's body). */
export interface NewsPersonData {
  /** The months' messages they last saved (`editedBySelf`) or approved (`approvedBySelf`), with when. */
  newsMessages: {
    month: string;
    title: string;
    editedBySelf: boolean;
    editedAt: string;
    approvedBySelf: boolean;
    approvedAt: string | null;
  }[];
}

/** What they edited or approved, latest month first. */
export async function collectNews(db: Db, pid: string, id: string): Promise<NewsPersonData> {
  const r = await db.query<{
    month: string;
    title: string;
    edited_by: string | null;
    edited_at: Date | string;
    approved_by: string | null;
    approved_at: Date | string | null;
  }>(
    `SELECT month, title, edited_by, edited_at, approved_by, approved_at FROM news_messages
      WHERE programme_id = $1 AND (edited_by = $2 OR approved_by = $2) ORDER BY month DESC`,
    [pid, id],
  );
  return {
    newsMessages: r.rows.map((x) => ({
      month: x.month,
      title: x.title,
      editedBySelf: x.edited_by === id,
      editedAt: new Date(x.edited_at).toISOString(),
      approvedBySelf: x.approved_by === id,
      approvedAt: x.approved_at === null ? null : new Date(x.approved_at).toISOString(),
    })),
  };
}

/** Whether a message of programme `pid` was last edited or approved by person `id`. */
export async function referencedInNews(db: Db, pid: string, id: string): Promise<boolean> {
  const r = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM news_messages WHERE programme_id = $1 AND (edited_by = $2 OR approved_by = $2)',
    [pid, id],
  );
  return Number(r.rows[0]?.n ?? 0) > 0;
}

/** Pseudonymises person `id` as editor and approver of programme `pid`'s messages (in the caller's transaction). */
export async function eraseNews(tx: Db, pid: string, id: string, pseudonym: string): Promise<number> {
  const r = await tx.query(
    `UPDATE news_messages
        SET edited_by = CASE WHEN edited_by = $2 THEN $3 ELSE edited_by END,
            approved_by = CASE WHEN approved_by = $2 THEN $3 ELSE approved_by END
      WHERE programme_id = $1 AND (edited_by = $2 OR approved_by = $2) RETURNING 1 AS one`,
    [pid, id, pseudonym],
  );
  return r.rows.length;
}
