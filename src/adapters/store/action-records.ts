// Actions and their Planner tasks: the store's values, the merge base, task ids and ETags, merge conflicts,
// and the plan made per werkgroep.
import type { ActionFields } from '../../domain/planner/merge.ts';
import type { Db } from './store.ts';

export interface StoredAction {
  id: string;
  werkgroep: string;
  fields: ActionFields;
  base: ActionFields | null;
  blockedBy: { kind: 'action' | 'decision'; id: string }[];
  origin: { kind: 'meeting' | 'update' | 'backlog'; ref: string } | null;
  createdOn: string;
  /** The day it started waiting on its first blocker. */
  blockedSince?: string;
  deleted: boolean;
  taskId: string | null;
  taskEtag: string | null;
  detailsEtag: string | null;
}

export interface StoredPlan {
  werkgroep: string;
  tenantId: string;
  planId: string;
  buckets: Record<string, string>;
}

export interface ActionConflict {
  actionId: string;
  field: string;
  ours: unknown;
  theirs: unknown;
  at: Date;
}

export interface ActionRecords {
  save(programmeId: string, a: StoredAction, at: Date): Promise<void>;
  /**
   * Sets an action's fields only if they are still `expected` (one statement: no other writer can come between
   * the check and the write); false when they were changed meanwhile or the action is gone. Nothing else changes.
   */
  updateFields(programmeId: string, id: string, expected: ActionFields, next: ActionFields, at: Date): Promise<boolean>;
  list(programmeId: string, filter?: { werkgroep?: string; includeDeleted?: boolean }): Promise<StoredAction[]>;
  get(programmeId: string, id: string): Promise<StoredAction | undefined>;
  recordConflicts(programmeId: string, conflicts: Omit<ActionConflict, 'at'>[], at: Date): Promise<void>;
  conflicts(programmeId: string, actionId?: string): Promise<ActionConflict[]>;
  savePlan(programmeId: string, p: StoredPlan, at: Date): Promise<void>;
  plans(programmeId: string): Promise<StoredPlan[]>;
}

interface Row {
  id: string;
  werkgroep: string;
  fields: ActionFields;
  base: ActionFields | null;
  blocked_by: StoredAction['blockedBy'];
  origin: StoredAction['origin'];
  created_on: string | Date;
  blocked_since?: string | Date | null;
  deleted: boolean;
  task_id: string | null;
  task_etag: string | null;
  details_etag: string | null;
}

// Both drivers return jsonb parsed; objects written as text by an older driver would arrive as strings.
const json = (v: unknown) => (typeof v === 'string' && /^[[{]/.test(v) ? (JSON.parse(v) as unknown) : v);
const day = (v: string | Date) =>
  typeof v === 'string'
    ? v.slice(0, 10)
    : `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;

function fromRow(r: Row): StoredAction {
  return {
    id: r.id,
    werkgroep: r.werkgroep,
    fields: json(r.fields) as ActionFields,
    base: json(r.base) as ActionFields | null,
    blockedBy: (json(r.blocked_by) ?? []) as StoredAction['blockedBy'],
    origin: json(r.origin) as StoredAction['origin'],
    createdOn: day(r.created_on),
    ...(r.blocked_since ? { blockedSince: day(r.blocked_since) } : {}),
    deleted: r.deleted,
    taskId: r.task_id,
    taskEtag: r.task_etag,
    detailsEtag: r.details_etag,
  };
}

export function actionRecords(db: Db): ActionRecords {
  return {
    async save(programmeId, a, at) {
      await db.query(
        `INSERT INTO actions (programme_id, id, werkgroep, fields, base, blocked_by, origin, created_on, deleted, task_id, task_etag, details_etag, updated_at, blocked_since)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (programme_id, id) DO UPDATE SET werkgroep = EXCLUDED.werkgroep, fields = EXCLUDED.fields, base = EXCLUDED.base,
           blocked_by = EXCLUDED.blocked_by, origin = EXCLUDED.origin, deleted = EXCLUDED.deleted, task_id = EXCLUDED.task_id,
           task_etag = EXCLUDED.task_etag, details_etag = EXCLUDED.details_etag, updated_at = EXCLUDED.updated_at, blocked_since = EXCLUDED.blocked_since`,
        [
          programmeId,
          a.id,
          a.werkgroep,
          JSON.stringify(a.fields),
          a.base ? JSON.stringify(a.base) : null,
          JSON.stringify(a.blockedBy),
          a.origin ? JSON.stringify(a.origin) : null,
          a.createdOn,
          a.deleted,
          a.taskId,
          a.taskEtag,
          a.detailsEtag,
          at,
          a.blockedSince ?? null,
        ],
      );
    },
    async updateFields(programmeId, id, expected, next, at) {
      const r = await db.query<{ id: string }>(
        'UPDATE actions SET fields = $4, updated_at = $5 WHERE programme_id = $1 AND id = $2 AND NOT deleted AND fields = $3::jsonb RETURNING id',
        [programmeId, id, JSON.stringify(expected), JSON.stringify(next), at],
      );
      return r.rows.length === 1;
    },
    async list(programmeId, filter = {}) {
      const r = await db.query<Row>(
        `SELECT * FROM actions WHERE programme_id = $1 AND ($2::text IS NULL OR werkgroep = $2) AND ($3 OR NOT deleted) ORDER BY werkgroep, id`,
        [programmeId, filter.werkgroep ?? null, filter.includeDeleted === true],
      );
      return r.rows.map(fromRow);
    },
    async get(programmeId, id) {
      const r = await db.query<Row>('SELECT * FROM actions WHERE programme_id = $1 AND id = $2', [programmeId, id]);
      return r.rows[0] ? fromRow(r.rows[0]) : undefined;
    },
    async recordConflicts(programmeId, conflicts, at) {
      for (const c of conflicts) {
        await db.query(
          'INSERT INTO action_conflicts (programme_id, action_id, field, ours, theirs, at) VALUES ($1, $2, $3, $4, $5, $6)',
          [programmeId, c.actionId, c.field, JSON.stringify(c.ours), JSON.stringify(c.theirs), at],
        );
      }
    },
    async conflicts(programmeId, actionId) {
      const r = await db.query<{ action_id: string; field: string; ours: unknown; theirs: unknown; at: Date }>(
        'SELECT action_id, field, ours, theirs, at FROM action_conflicts WHERE programme_id = $1 AND ($2::text IS NULL OR action_id = $2) ORDER BY id',
        [programmeId, actionId ?? null],
      );
      return r.rows.map((row) => ({
        actionId: row.action_id,
        field: row.field,
        ours: row.ours,
        theirs: row.theirs,
        at: new Date(row.at),
      }));
    },
    async savePlan(programmeId, p, at) {
      await db.query(
        `INSERT INTO planner_plans (programme_id, werkgroep, tenant_id, plan_id, buckets, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (programme_id, werkgroep) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, plan_id = EXCLUDED.plan_id, buckets = EXCLUDED.buckets, updated_at = EXCLUDED.updated_at`,
        [programmeId, p.werkgroep, p.tenantId, p.planId, JSON.stringify(p.buckets), at],
      );
    },
    async plans(programmeId) {
      const r = await db.query<{ werkgroep: string; tenant_id: string; plan_id: string; buckets: unknown }>(
        'SELECT werkgroep, tenant_id, plan_id, buckets FROM planner_plans WHERE programme_id = $1 ORDER BY werkgroep',
        [programmeId],
      );
      return r.rows.map((row) => ({
        werkgroep: row.werkgroep,
        tenantId: row.tenant_id,
        planId: row.plan_id,
        buckets: json(row.buckets) as Record<string, string>,
      }));
    },
  };
}
