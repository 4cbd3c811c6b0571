// The sync's records: runs, a journal entry per change before and after it is sent, and the Graph ids of
// what the sync made or found (the bot and the tab read them from here).
import type { Db } from './store.ts';

export interface SyncObject {
  key: string;
  tenantId: string;
  graphId: string;
}

export interface SyncRecords {
  startRun(programmeId: string, kind: 'plan' | 'apply' | 'drift', at: Date): Promise<number>;
  finishRun(runId: number, at: Date, summary: unknown): Promise<void>;
  journal(
    runId: number,
    entries: { changeId: string; state: 'sending' | 'done' | 'failed'; detail?: string }[],
    at: Date,
  ): Promise<void>;
  /** Journal entries left in 'sending' by runs that never finished (a crash between send and answer). */
  unfinished(programmeId: string): Promise<{ runId: number; changeId: string }[]>;
  saveObjects(programmeId: string, objects: SyncObject[], at: Date): Promise<void>;
  objects(programmeId: string): Promise<SyncObject[]>;
  lastRun(
    programmeId: string,
    kind: 'apply' | 'drift',
  ): Promise<{ id: number; startedAt: Date; finishedAt: Date | null; summary: unknown } | undefined>;
}

export function syncRecords(db: Db): SyncRecords {
  return {
    async startRun(programmeId, kind, at) {
      const r = await db.query<{ id: string }>(
        'INSERT INTO sync_runs (programme_id, kind, started_at) VALUES ($1, $2, $3) RETURNING id',
        [programmeId, kind, at],
      );
      return Number(r.rows[0]?.id);
    },
    async finishRun(runId, at, summary) {
      await db.query('UPDATE sync_runs SET finished_at = $2, summary = $3 WHERE id = $1', [
        runId,
        at,
        JSON.stringify(summary),
      ]);
    },
    async journal(runId, entries, at) {
      if (entries.length === 0) return;
      await db.transaction(async (tx) => {
        for (const e of entries) {
          await tx.query(
            `INSERT INTO sync_journal (run_id, change_id, state, detail, at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (run_id, change_id) DO UPDATE SET state = EXCLUDED.state, detail = EXCLUDED.detail, at = EXCLUDED.at`,
            [runId, e.changeId, e.state, e.detail ?? null, at],
          );
        }
      });
    },
    async unfinished(programmeId) {
      const r = await db.query<{ run_id: string; change_id: string }>(
        `SELECT j.run_id, j.change_id FROM sync_journal j JOIN sync_runs r ON r.id = j.run_id
         WHERE r.programme_id = $1 AND r.finished_at IS NULL AND j.state = 'sending' ORDER BY j.run_id, j.change_id`,
        [programmeId],
      );
      return r.rows.map((row) => ({ runId: Number(row.run_id), changeId: row.change_id }));
    },
    async saveObjects(programmeId, objects, at) {
      if (objects.length === 0) return;
      await db.transaction(async (tx) => {
        for (const o of objects) {
          await tx.query(
            `INSERT INTO sync_objects (programme_id, key, tenant_id, graph_id, updated_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (programme_id, key) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, graph_id = EXCLUDED.graph_id, updated_at = EXCLUDED.updated_at`,
            [programmeId, o.key, o.tenantId, o.graphId, at],
          );
        }
      });
    },
    async objects(programmeId) {
      const r = await db.query<{ key: string; tenant_id: string; graph_id: string }>(
        'SELECT key, tenant_id, graph_id FROM sync_objects WHERE programme_id = $1 ORDER BY key',
        [programmeId],
      );
      return r.rows.map((row) => ({ key: row.key, tenantId: row.tenant_id, graphId: row.graph_id }));
    },
    async lastRun(programmeId, kind) {
      const r = await db.query<{ id: string; started_at: Date; finished_at: Date | null; summary: unknown }>(
        'SELECT id, started_at, finished_at, summary FROM sync_runs WHERE programme_id = $1 AND kind = $2 ORDER BY id DESC LIMIT 1',
        [programmeId, kind],
      );
      const row = r.rows[0];
      return row
        ? {
            id: Number(row.id),
            startedAt: new Date(row.started_at),
            finishedAt: row.finished_at ? new Date(row.finished_at) : null,
            summary: row.summary,
          }
        : undefined;
    },
  };
}
