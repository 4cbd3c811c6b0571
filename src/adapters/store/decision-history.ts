// Decisions entered by people (issue 18 §1): a proposal inserted, a change written only over the state it was made
// on, each with its event in the decision's history (migration 011_decision_history), in one transaction.
import type { Decision } from '../../domain/work/model.ts';
import type { DecisionEvent } from '../../domain/work/proposals.ts';
import type { Db } from './store.ts';

export interface DecisionChanges {
  /** One decision, or undefined. */
  get(programmeId: string, id: string): Promise<Decision | undefined>;
  /** Inserts a new decision with its `proposed` event; false (nothing written) when the id exists. */
  insert(programmeId: string, d: Decision, event: DecisionEvent): Promise<boolean>;
  /**
   * Writes `next` only if the stored decision is still `expected` (a change landing in between is refused), with
   * `event`; false when nothing was written.
   */
  update(programmeId: string, expected: Decision, next: Decision, event: DecisionEvent): Promise<boolean>;
  /** A decision's history, oldest first. */
  history(programmeId: string, id: string): Promise<DecisionEvent[]>;
}

interface EventRow {
  decision_id: string;
  at: Date | string;
  by_whom: string;
  kind: DecisionEvent['kind'];
  from_level: DecisionEvent['from'] | null;
  to_level: DecisionEvent['to'] | null;
  outcome: DecisionEvent['outcome'] | null;
  undid: DecisionEvent['undid'] | null;
}

const fromRow = (r: EventRow): DecisionEvent => ({
  decisionId: r.decision_id,
  at: new Date(r.at).toISOString(),
  by: r.by_whom,
  kind: r.kind,
  ...(r.from_level ? { from: r.from_level } : {}),
  ...(r.to_level ? { to: r.to_level } : {}),
  ...(r.outcome ? { outcome: r.outcome } : {}),
  ...(r.undid ? { undid: r.undid } : {}),
});

async function record(db: Db, programmeId: string, e: DecisionEvent): Promise<void> {
  await db.query(
    `INSERT INTO decision_events (programme_id, decision_id, at, by_whom, kind, from_level, to_level, outcome, undid)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [programmeId, e.decisionId, e.at, e.by, e.kind, e.from ?? null, e.to ?? null, e.outcome ?? null, e.undid ?? null],
  );
}

/** The store's queries for proposals, changes and history of decisions. */
export function decisionChanges(db: Db): DecisionChanges {
  return {
    async get(programmeId, id) {
      const r = await db.query<{ data: unknown }>('SELECT data FROM decisions WHERE programme_id = $1 AND id = $2', [
        programmeId,
        id,
      ]);
      const data = r.rows[0]?.data;
      if (data === undefined) return undefined;
      return (typeof data === 'string' ? JSON.parse(data) : data) as Decision;
    },
    insert: (programmeId, d, event) =>
      db.transaction(async (tx) => {
        const r = await tx.query<{ id: string }>(
          `INSERT INTO decisions (programme_id, id, data, updated_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (programme_id, id) DO NOTHING RETURNING id`,
          [programmeId, d.id, JSON.stringify(d), event.at],
        );
        if (r.rows.length !== 1) return false;
        await record(tx, programmeId, event);
        return true;
      }),
    update: (programmeId, expected, next, event) =>
      db.transaction(async (tx) => {
        const r = await tx.query<{ id: string }>(
          `UPDATE decisions SET data = $4, updated_at = $5
           WHERE programme_id = $1 AND id = $2 AND data = $3::jsonb RETURNING id`,
          [programmeId, expected.id, JSON.stringify(expected), JSON.stringify(next), event.at],
        );
        if (r.rows.length !== 1) return false;
        await record(tx, programmeId, event);
        return true;
      }),
    async history(programmeId, id) {
      const r = await db.query<EventRow>(
        'SELECT * FROM decision_events WHERE programme_id = $1 AND decision_id = $2 ORDER BY seq',
        [programmeId, id],
      );
      return r.rows.map(fromRow);
    },
  };
}
