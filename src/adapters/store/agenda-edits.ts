// The projectleider's edits of one meeting's agenda (migration 012_agenda_edits.sql): read, and written only over
// the version they were made on (optimistic concurrency), so two edits at once never overwrite each other unseen.
import type { AgendaEdits } from '../../domain/agenda/items.ts';
import type { Db } from './store.ts';

/** One meeting: a regiegroep or projectgroep id and the meeting's local date (YYYY-MM-DD). */
interface MeetingRef {
  body: string;
  date: string;
}

export interface AgendaEditRecords {
  /** The meeting's edits and their version; version 0 and no edits when nobody edited it yet. */
  get(programmeId: string, meeting: MeetingRef): Promise<{ version: number; edits: AgendaEdits | undefined }>;
  /**
   * Stores `edits` as version `expected + 1` only if the stored version is still `expected` (0: none stored yet);
   * the new version, or undefined (nothing written) when another edit landed in between.
   */
  save(
    programmeId: string,
    meeting: MeetingRef,
    expected: number,
    edits: AgendaEdits,
    by: { who: string; at: Date },
  ): Promise<number | undefined>;
}

export function agendaEditRecords(db: Db): AgendaEditRecords {
  return {
    async get(pid, m) {
      const r = await db.query<{ version: number; edits: unknown }>(
        'SELECT version, edits FROM agenda_edits WHERE programme_id = $1 AND body_id = $2 AND meeting_date = $3',
        [pid, m.body, m.date],
      );
      const row = r.rows[0];
      if (!row) return { version: 0, edits: undefined };
      const edits = (typeof row.edits === 'string' ? JSON.parse(row.edits) : row.edits) as AgendaEdits;
      return { version: Number(row.version), edits };
    },
    async save(pid, m, expected, edits, by) {
      const next = expected + 1;
      const r =
        expected === 0
          ? await db.query<{ version: number }>(
              `INSERT INTO agenda_edits (programme_id, body_id, meeting_date, version, edits, updated_at, updated_by)
               VALUES ($1, $2, $3, 1, $4, $5, $6) ON CONFLICT (programme_id, body_id, meeting_date) DO NOTHING
               RETURNING version`,
              [pid, m.body, m.date, JSON.stringify(edits), by.at, by.who],
            )
          : await db.query<{ version: number }>(
              `UPDATE agenda_edits SET version = $4, edits = $5, updated_at = $6, updated_by = $7
               WHERE programme_id = $1 AND body_id = $2 AND meeting_date = $3 AND version = $8 RETURNING version`,
              [pid, m.body, m.date, next, JSON.stringify(edits), by.at, by.who, expected],
            );
      return r.rows.length === 1 ? next : undefined;
    },
  };
}
