// The monthly news messages (issue 16 §3; migration 015_news.sql): the draft saved only over the version it was
// made on (optimistic concurrency, so two editors never overwrite each other unseen), and approved once, in one
// transaction with its delivery in the bot's ledger (so the message is posted by the durable delivery jobs, never
// lost between approving and sending, and never sent before approval).
import type { Db } from './store.ts';

/** A month's message as stored. */
export interface StoredNews {
  /** YYYY-MM. */
  month: string;
  title: string;
  /** The body, in the format of src/domain/news/format.ts. */
  body: string;
  /** 1 for the first saved text; raised by each save. */
  version: number;
  /** The person id who last saved it; null while it is the composed draft nobody edited. */
  editedBy: string | null;
  editedAt: Date;
  approvedBy: string | null;
  approvedAt: Date | null;
  /** The key of its delivery in bot_deliveries, once approved. */
  deliveryKey: string | null;
}

/** The delivery an approval hands to the bot's ledger (bot_deliveries), due at once. */
interface NewsDelivery {
  key: string;
  kind: string;
  recipient: string;
  payload: Record<string, unknown>;
}

export interface NewsRecords {
  /** The month's message, or undefined when none was saved yet. */
  get(programmeId: string, month: string): Promise<StoredNews | undefined>;
  /** Every saved message of the programme, latest month first. */
  list(programmeId: string): Promise<StoredNews[]>;
  /**
   * Saves the text as version `expected + 1` if the stored version is still `expected` (0: none stored yet) and it is
   * not approved; the stored message, or undefined (nothing written) when another save or an approval came first.
   */
  save(
    programmeId: string,
    month: string,
    expected: number,
    text: { title: string; body: string },
    by: { who: string | null; at: Date },
  ): Promise<StoredNews | undefined>;
  /**
   * Approves version `expected` and queues `delivery`, all or nothing; undefined (nothing written) when the version is
   * no longer `expected` or it was already approved.
   */
  approve(
    programmeId: string,
    month: string,
    expected: number,
    by: { who: string; at: Date },
    delivery: NewsDelivery,
  ): Promise<StoredNews | undefined>;
}

interface Row {
  month: string;
  title: string;
  body: string;
  version: number;
  edited_by: string | null;
  edited_at: Date | string;
  approved_by: string | null;
  approved_at: Date | string | null;
  delivery_key: string | null;
}

const COLUMNS = 'month, title, body, version, edited_by, edited_at, approved_by, approved_at, delivery_key';

const newsOf = (r: Row): StoredNews => ({
  month: r.month,
  title: r.title,
  body: r.body,
  version: Number(r.version),
  editedBy: r.edited_by,
  editedAt: new Date(r.edited_at),
  approvedBy: r.approved_by,
  approvedAt: r.approved_at === null ? null : new Date(r.approved_at),
  deliveryKey: r.delivery_key,
});

export function newsRecords(db: Db): NewsRecords {
  return {
    async get(pid, month) {
      const r = await db.query<Row>(`SELECT ${COLUMNS} FROM news_messages WHERE programme_id = $1 AND month = $2`, [
        pid,
        month,
      ]);
      return r.rows[0] ? newsOf(r.rows[0]) : undefined;
    },
    async list(pid) {
      const r = await db.query<Row>(
        `SELECT ${COLUMNS} FROM news_messages WHERE programme_id = $1 ORDER BY month DESC`,
        [pid],
      );
      return r.rows.map(newsOf);
    },
    async save(pid, month, expected, text, by) {
      const r =
        expected === 0
          ? await db.query<Row>(
              `INSERT INTO news_messages (programme_id, month, title, body, version, edited_by, edited_at)
               VALUES ($1, $2, $3, $4, 1, $5, $6) ON CONFLICT (programme_id, month) DO NOTHING
               RETURNING ${COLUMNS}`,
              [pid, month, text.title, text.body, by.who, by.at],
            )
          : await db.query<Row>(
              `UPDATE news_messages SET title = $3, body = $4, version = version + 1, edited_by = $5, edited_at = $6
               WHERE programme_id = $1 AND month = $2 AND version = $7 AND approved_at IS NULL
               RETURNING ${COLUMNS}`,
              [pid, month, text.title, text.body, by.who, by.at, expected],
            );
      return r.rows[0] ? newsOf(r.rows[0]) : undefined;
    },
    approve: (pid, month, expected, by, d) =>
      db.transaction(async (tx) => {
        const r = await tx.query<Row>(
          `UPDATE news_messages SET approved_by = $3, approved_at = $4, delivery_key = $5
           WHERE programme_id = $1 AND month = $2 AND version = $6 AND approved_at IS NULL
           RETURNING ${COLUMNS}`,
          [pid, month, by.who, by.at, d.key, expected],
        );
        const row = r.rows[0];
        if (!row) return undefined;
        await tx.query(
          `INSERT INTO bot_deliveries (programme_id, key, kind, occurrence_key, recipient, due_at, status, payload, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $6)`,
          [pid, d.key, d.kind, month, d.recipient, by.at, JSON.stringify(d.payload)],
        );
        return newsOf(row);
      }),
  };
}
