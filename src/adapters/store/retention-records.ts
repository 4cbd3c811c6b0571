// Retention (docs/privacy.md): what is older than its period is deleted, for every programme in the store. Each kind
// has its own cut-off; an absent cut-off keeps that kind. Only rows nothing still needs are touched: active
// conversation references stay (the bot's only way to send), pending messages stay, unfinished sync runs and the
// newest apply and drift run stay, and the newest version of each programme file stays. Meetings, their records and
// besluitenlijsten, and the agenda edits (migrations 012, 013) have no period, like actions and decisions: they are
// the programme's record of what its bodies decided (docs/privacy.md, "Bewaartermijnen"); a person in them is
// pseudonymised by `persoon wis`. A besluitenlijst card's copy in bot_deliveries goes with the deliveries' period.
import type { Db } from './store.ts';

/** The moment before which each kind is deleted; absent: kept. */
export interface RetentionCutoffs {
  updates?: Date;
  conversations?: Date;
  deliveries?: Date;
  journal?: Date;
}

/** Rows deleted, per kind. */
export interface RetentionCounts {
  updates: number;
  conversations: number;
  botLanguages: number;
  deliveries: number;
  syncRuns: number;
  conflicts: number;
  programmeVersions: number;
  jobs: number;
}

export interface RetentionRecords {
  /** Deletes what is older than its cut-off, in one transaction; returns how many rows of each kind went. */
  purge(cutoffs: RetentionCutoffs): Promise<RetentionCounts>;
}

export function retentionRecords(db: Db): RetentionRecords {
  return {
    purge: (c) =>
      db.transaction(async (tx) => {
        const n = async (sql: string, at: Date | undefined) =>
          at ? (await tx.query(`${sql} RETURNING 1 AS one`, [at])).rows.length : 0;
        const journal = c.journal;
        return {
          updates: await n('DELETE FROM progress_updates WHERE submitted_at < $1', c.updates),
          // A reference the app was removed from is no use for sending; its language rows go with it (and any
          // language row of a conversation the store does not know, once it is old).
          conversations: await n(
            'DELETE FROM bot_conversations WHERE removed_at IS NOT NULL AND removed_at < $1',
            c.conversations,
          ),
          botLanguages: await n(
            `DELETE FROM bot_languages l WHERE l.updated_at < $1 AND NOT EXISTS (
               SELECT 1 FROM bot_conversations c WHERE c.programme_id = l.programme_id
                 AND c.conversation_id = l.conversation_id)`,
            c.conversations,
          ),
          // Past the rhythm's window (it looks one day back), so a deleted row is never planned and sent again.
          deliveries: await n(
            "DELETE FROM bot_deliveries WHERE due_at < $1 AND status NOT IN ('pending', 'sending')",
            c.deliveries,
          ),
          syncRuns: await n(
            `DELETE FROM sync_runs r WHERE r.finished_at IS NOT NULL AND r.started_at < $1 AND r.id NOT IN (
               SELECT max(id) FROM sync_runs WHERE kind IN ('apply', 'drift') GROUP BY programme_id, kind)`,
            journal,
          ),
          conflicts: await n('DELETE FROM action_conflicts WHERE at < $1', journal),
          programmeVersions: await n(
            `DELETE FROM programme_versions v WHERE v.loaded_at < $1 AND v.id NOT IN (
               SELECT max(id) FROM programme_versions GROUP BY programme_id)`,
            journal,
          ),
          jobs: await purgeJobs(tx, journal),
        };
      }),
  };
}

/** Finished pg-boss jobs (their data and output) older than the cut-off; pg-boss itself keeps them 14 days. */
async function purgeJobs(tx: Db, at: Date | undefined): Promise<number> {
  if (!at) return 0;
  const present = (await tx.query<{ present: boolean }>("SELECT to_regclass('pgboss.job') IS NOT NULL AS present"))
    .rows[0]?.present;
  if (!present) return 0;
  const r = await tx.query(
    "DELETE FROM pgboss.job WHERE state IN ('completed', 'failed', 'cancelled') AND completed_on < $1 RETURNING 1 AS one",
    [at],
  );
  return r.rows.length;
}
