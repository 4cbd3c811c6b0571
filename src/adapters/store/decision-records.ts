// The decision log: one document per decision (see src/domain/work/model.ts).
import type { Decision } from '../../domain/work/model.ts';
import { decisionChanges, type DecisionChanges } from './decision-history.ts';
import type { Db } from './store.ts';

export interface DecisionRecords extends DecisionChanges {
  save(programmeId: string, d: Decision, at: Date): Promise<void>;
  list(programmeId: string): Promise<Decision[]>;
}

export function decisionRecords(db: Db): DecisionRecords {
  return {
    ...decisionChanges(db),
    async save(programmeId, d, at) {
      await db.query(
        `INSERT INTO decisions (programme_id, id, data, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (programme_id, id) DO UPDATE SET data = EXCLUDED.data, updated_at = EXCLUDED.updated_at`,
        [programmeId, d.id, JSON.stringify(d), at],
      );
    },
    async list(programmeId) {
      const r = await db.query<{ data: unknown }>('SELECT data FROM decisions WHERE programme_id = $1 ORDER BY id', [
        programmeId,
      ]);
      return r.rows.map((row) => (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Decision);
    },
  };
}

export interface BacklogRecords {
  setPriority(programmeId: string, werkgroep: string, topicId: string, priority: number, at: Date): Promise<void>;
  priorities(programmeId: string, werkgroep: string): Promise<Map<string, number>>;
}

export function backlogRecords(db: Db): BacklogRecords {
  return {
    async setPriority(programmeId, werkgroep, topicId, priority, at) {
      await db.query(
        `INSERT INTO backlog_priorities (programme_id, werkgroep, topic_id, priority, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (programme_id, werkgroep, topic_id) DO UPDATE SET priority = EXCLUDED.priority, updated_at = EXCLUDED.updated_at`,
        [programmeId, werkgroep, topicId, priority, at],
      );
    },
    async priorities(programmeId, werkgroep) {
      const r = await db.query<{ topic_id: string; priority: number }>(
        'SELECT topic_id, priority FROM backlog_priorities WHERE programme_id = $1 AND werkgroep = $2',
        [programmeId, werkgroep],
      );
      return new Map(r.rows.map((row) => [row.topic_id, Number(row.priority)]));
    },
  };
}

/** One measured value of an indicator. */
export interface Measurement {
  indicatorId: string;
  /** YYYY-MM-DD. */
  on: string;
  value: number;
  note: string;
  recordedBy: string | null;
}

export interface IndicatorRecords {
  /** Records a value; a value for the same indicator and day replaces the earlier one (a correction). */
  record(programmeId: string, m: Measurement, at: Date): Promise<void>;
  /** All values, oldest first per indicator. */
  list(programmeId: string): Promise<Measurement[]>;
}

export function indicatorRecords(db: Db): IndicatorRecords {
  return {
    async record(programmeId, m, at) {
      await db.query(
        `INSERT INTO indicator_measurements (programme_id, indicator_id, measured_on, value, note, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (programme_id, indicator_id, measured_on) DO UPDATE SET value = EXCLUDED.value, note = EXCLUDED.note, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
        [programmeId, m.indicatorId, m.on, m.value, m.note, m.recordedBy, at],
      );
    },
    async list(programmeId) {
      const r = await db.query<{
        indicator_id: string;
        measured_on: string | Date;
        value: number | string;
        note: string;
        recorded_by: string | null;
      }>(
        "SELECT indicator_id, to_char(measured_on, 'YYYY-MM-DD') AS measured_on, value, note, recorded_by FROM indicator_measurements WHERE programme_id = $1 ORDER BY indicator_id, measured_on",
        [programmeId],
      );
      return r.rows.map((row) => ({
        indicatorId: row.indicator_id,
        on: String(row.measured_on),
        value: Number(row.value),
        note: row.note,
        recordedBy: row.recorded_by,
      }));
    },
  };
}
