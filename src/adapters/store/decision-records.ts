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
