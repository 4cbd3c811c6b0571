// What was recorded per meeting (issue 18 §3, §4; migration 013_meetings): records appended one row each, never
// overwritten, and the meeting closed once, in one transaction with the besluitenlijst's delivery in the bot's ledger
// (so the card is sent by the durable delivery jobs, never lost between closing and sending).
import type { Besluitenlijst, MeetingRecord, MeetingRecordData } from '../../domain/meeting/besluitenlijst.ts';
import type { Db } from './store.ts';

/** A meeting as stored: open until closed; closed ones keep their besluitenlijst. */
interface StoredMeeting {
  bodyId: string;
  /** YYYY-MM-DD. */
  date: string;
  state: 'open' | 'closed';
  closedAt: Date | null;
  closedBy: string | null;
  besluitenlijst: Besluitenlijst | null;
}

/** The delivery a closing hands to the bot's ledger (bot_deliveries), due at once. */
interface MeetingDelivery {
  key: string;
  kind: string;
  occurrenceKey: string;
  recipient: string;
  payload: Record<string, unknown>;
}

type CloseOutcome = 'closed' | 'already-closed' | 'records-changed';

export interface MeetingRecords {
  /** The meeting, or undefined when nothing was recorded in it yet. */
  get(programmeId: string, bodyId: string, date: string): Promise<StoredMeeting | undefined>;
  /** The meetings of the programme that were closed, latest date first. */
  closed(programmeId: string): Promise<StoredMeeting[]>;
  /** The meeting's records, oldest first. */
  records(programmeId: string, bodyId: string, date: string): Promise<MeetingRecord[]>;
  /**
   * Appends a record to the meeting (opening it first if needed); false — nothing written — when it is closed. The
   * meeting's row is locked while appending, so a closing cannot pass a record unseen.
   */
  append(
    programmeId: string,
    bodyId: string,
    date: string,
    record: MeetingRecordData & { item: string; by: string; at: Date },
  ): Promise<MeetingRecord | false>;
  /**
   * Closes the meeting with its besluitenlijst and queues `delivery`, all or nothing: 'already-closed' when it was,
   * 'records-changed' when its last record is no longer `lastSeq` (a record landed after the list was composed).
   */
  close(
    programmeId: string,
    bodyId: string,
    date: string,
    input: { lastSeq: number; at: Date; by: string; besluitenlijst: Besluitenlijst; delivery: MeetingDelivery },
  ): Promise<CloseOutcome>;
}

interface MeetingRow {
  body_id: string;
  date: string;
  state: 'open' | 'closed';
  closed_at: Date | string | null;
  closed_by: string | null;
  besluitenlijst: unknown;
}

interface RecordRow {
  seq: string | number;
  item_id: string;
  by_whom: string;
  at: Date | string;
  data: unknown;
}

const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

const meetingOf = (r: MeetingRow): StoredMeeting => ({
  bodyId: r.body_id,
  date: r.date,
  state: r.state,
  closedAt: r.closed_at === null ? null : new Date(r.closed_at),
  closedBy: r.closed_by,
  besluitenlijst: (parsed(r.besluitenlijst) ?? null) as Besluitenlijst | null,
});

const recordOf = (r: RecordRow): MeetingRecord => ({
  ...(parsed(r.data) as MeetingRecordData),
  seq: Number(r.seq),
  item: r.item_id,
  by: r.by_whom,
  at: new Date(r.at).toISOString(),
});

const MEETING_COLUMNS = 'body_id, date, state, closed_at, closed_by, besluitenlijst';

/** Opens the meeting if it has no row yet, and locks its row for the rest of the transaction; its state. */
async function lockMeeting(tx: Db, pid: string, bodyId: string, date: string, at: Date): Promise<string | undefined> {
  await tx.query(
    `INSERT INTO meetings (programme_id, body_id, date, state, opened_at) VALUES ($1, $2, $3, 'open', $4)
     ON CONFLICT (programme_id, body_id, date) DO NOTHING`,
    [pid, bodyId, date, at],
  );
  const r = await tx.query<{ state: string }>(
    'SELECT state FROM meetings WHERE programme_id = $1 AND body_id = $2 AND date = $3 FOR UPDATE',
    [pid, bodyId, date],
  );
  return r.rows[0]?.state;
}

/** The store's queries for meetings and their records. */
export function meetingRecords(db: Db): MeetingRecords {
  return {
    async get(pid, bodyId, date) {
      const r = await db.query<MeetingRow>(
        `SELECT ${MEETING_COLUMNS} FROM meetings WHERE programme_id = $1 AND body_id = $2 AND date = $3`,
        [pid, bodyId, date],
      );
      const row = r.rows[0];
      return row ? meetingOf(row) : undefined;
    },
    async closed(pid) {
      const r = await db.query<MeetingRow>(
        `SELECT ${MEETING_COLUMNS} FROM meetings WHERE programme_id = $1 AND state = 'closed' ORDER BY date DESC, body_id`,
        [pid],
      );
      return r.rows.map(meetingOf);
    },
    async records(pid, bodyId, date) {
      const r = await db.query<RecordRow>(
        `SELECT seq, item_id, by_whom, at, data FROM meeting_records
         WHERE programme_id = $1 AND body_id = $2 AND date = $3 ORDER BY seq`,
        [pid, bodyId, date],
      );
      return r.rows.map(recordOf);
    },
    append: (pid, bodyId, date, record) =>
      db.transaction(async (tx) => {
        if ((await lockMeeting(tx, pid, bodyId, date, record.at)) !== 'open') return false;
        const { item, by, at, ...data } = record;
        const r = await tx.query<RecordRow>(
          `INSERT INTO meeting_records (programme_id, body_id, date, kind, item_id, decision_id, action_id, by_whom, at, data)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           RETURNING seq, item_id, by_whom, at, data`,
          [
            pid,
            bodyId,
            date,
            data.kind,
            item,
            'decisionId' in data ? data.decisionId : null,
            'actionId' in data ? data.actionId : null,
            by,
            at,
            JSON.stringify(data),
          ],
        );
        const row = r.rows[0];
        if (!row) throw new Error('meeting record not written');
        return recordOf(row);
      }),
    close: (pid, bodyId, date, input) =>
      db.transaction(async (tx): Promise<CloseOutcome> => {
        if ((await lockMeeting(tx, pid, bodyId, date, input.at)) !== 'open') return 'already-closed';
        const last = await tx.query<{ seq: string | number | null }>(
          'SELECT max(seq) AS seq FROM meeting_records WHERE programme_id = $1 AND body_id = $2 AND date = $3',
          [pid, bodyId, date],
        );
        if (Number(last.rows[0]?.seq ?? 0) !== input.lastSeq) return 'records-changed';
        await tx.query(
          `UPDATE meetings SET state = 'closed', closed_at = $4, closed_by = $5, besluitenlijst = $6
           WHERE programme_id = $1 AND body_id = $2 AND date = $3`,
          [pid, bodyId, date, input.at, input.by, JSON.stringify(input.besluitenlijst)],
        );
        const d = input.delivery;
        await tx.query(
          `INSERT INTO bot_deliveries (programme_id, key, kind, occurrence_key, recipient, due_at, status, payload, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $6)`,
          [pid, d.key, d.kind, d.occurrenceKey, d.recipient, input.at, JSON.stringify(d.payload)],
        );
        return 'closed';
      }),
  };
}
