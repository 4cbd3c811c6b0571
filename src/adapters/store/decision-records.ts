// The decision log: one document per decision (see src/domain/work/model.ts).
import type { Decision } from '../../domain/work/model.ts';
import type { Db } from './store.ts';

export interface DecisionRecords {
  save(programmeId: string, d: Decision, at: Date): Promise<void>;
  list(programmeId: string): Promise<Decision[]>;
}

export function decisionRecords(db: Db): DecisionRecords {
  return {
    async save(programmeId, d, at) {
      await db.query(
        `INSERT INTO decisions (programme_id, id, data, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (programme_id, id) DO UPDATE SET data = EXCLUDED.data, updated_at = EXCLUDED.updated_at`,
        [programmeId, d.id, JSON.stringify(d), at]);
    },
    async list(programmeId) {
      const r = await db.query<{ data: unknown }>('SELECT data FROM decisions WHERE programme_id = $1 ORDER BY id', [programmeId]);
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
        [programmeId, werkgroep, topicId, priority, at]);
    },
    async priorities(programmeId, werkgroep) {
      const r = await db.query<{ topic_id: string; priority: number }>('SELECT topic_id, priority FROM backlog_priorities WHERE programme_id = $1 AND werkgroep = $2', [programmeId, werkgroep]);
      return new Map(r.rows.map((row) => [row.topic_id, Number(row.priority)]));
    },
  };
}
