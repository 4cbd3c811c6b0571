// The bot's records: conversation references (from installs), progress updates, and the delivery ledger
// that makes every scheduled message once-only (see migrations/007_bot.sql).
import type { Db } from './store.ts';

type ConversationKind = 'personal' | 'channel' | 'groupChat';

interface ConversationRef {
  conversationId: string;
  kind: ConversationKind;
  tenantId: string;
  serviceUrl: string;
  botId?: string;
  userAadId?: string;
  personId?: string;
  teamId?: string;
  channelId?: string;
  bodyId?: string;
  installedAt: Date;
}

export interface StoredUpdate {
  werkgroep: string;
  period: string;
  data: Record<string, unknown>;
  submittedBy: string;
  submittedAt: Date;
  revision: number;
}

type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'skipped' | 'failed' | 'cancelled';

export interface DeliveryRow {
  key: string;
  kind: string;
  occurrenceKey: string | null;
  recipient: string;
  werkgroep: string | null;
  dueAt: Date;
  status: DeliveryStatus;
  attempts: number;
  activityId: string | null;
  conversationId: string | null;
  reason: string | null;
  payload: Record<string, unknown> | null;
  sentAt: Date | null;
}

interface NewDelivery {
  key: string;
  kind: string;
  occurrenceKey?: string | undefined;
  recipient: string;
  werkgroep?: string | undefined;
  dueAt: Date;
  payload?: Record<string, unknown> | undefined;
}

export interface BotRecords {
  saveConversation(programmeId: string, ref: ConversationRef): Promise<void>;
  /** The app was removed from this conversation: it is forgotten for sending (kept for the record). */
  removeConversation(programmeId: string, conversationId: string, at: Date): Promise<number>;
  /** The app was removed from a team: every conversation of that team is forgotten. */
  removeTeam(programmeId: string, teamId: string, at: Date): Promise<number>;
  conversation(programmeId: string, conversationId: string): Promise<ConversationRef | undefined>;
  conversations(programmeId: string): Promise<ConversationRef[]>;
  personal(programmeId: string, personId: string): Promise<ConversationRef | undefined>;
  channel(programmeId: string, bodyId: string): Promise<ConversationRef | undefined>;

  /** Saves an update (a later one for the same werkgroep and period replaces it and raises the revision). */
  saveUpdate(programmeId: string, u: Omit<StoredUpdate, 'revision'>): Promise<StoredUpdate>;
  update(programmeId: string, werkgroep: string, period: string): Promise<StoredUpdate | undefined>;
  /** Updates, newest first; optionally of one werkgroep. */
  updates(programmeId: string, werkgroep?: string): Promise<StoredUpdate[]>;

  deliveries(programmeId: string, window?: { from: Date; until: Date }): Promise<DeliveryRow[]>;
  /** Inserts new deliveries (an existing key is left alone unless it was cancelled: then it is pending again). */
  createDeliveries(programmeId: string, rows: NewDelivery[], at: Date): Promise<number>;
  moveDelivery(programmeId: string, key: string, dueAt: Date, at: Date): Promise<boolean>;
  cancelDelivery(programmeId: string, key: string, reason: string, at: Date): Promise<boolean>;
  /** Pending deliveries due by `now` not yet handed to the queue; marks them handed over (atomically). */
  takeDue(programmeId: string, now: Date, limit: number): Promise<DeliveryRow[]>;
  /**
   * Claims a delivery for sending: only a pending one (or one whose previous claim lapsed) with the due time the
   * job was made for. Two workers never both get it.
   */
  claim(
    programmeId: string,
    key: string,
    dueAt: Date,
    worker: string,
    now: Date,
    leaseMs: number,
  ): Promise<DeliveryRow | undefined>;
  finish(
    programmeId: string,
    key: string,
    outcome:
      { status: 'sent'; activityId: string; conversationId: string } | { status: 'skipped' | 'failed'; reason: string },
    at: Date,
  ): Promise<void>;
  /** A transient failure: back to pending, to be tried again by the job's retry. */
  release(programmeId: string, key: string, reason: string, at: Date): Promise<void>;
  /** Replaces a pending delivery's payload (e.g. its meeting's current time and join link). */
  setPayload(programmeId: string, key: string, payload: Record<string, unknown>, at: Date): Promise<boolean>;
  /** A pending delivery whose job ended without sending: the next dispatch hands it to the queue again. */
  requeue(programmeId: string, key: string): Promise<void>;
  counts(programmeId: string): Promise<Record<DeliveryStatus, number>>;
}

interface ConversationRow {
  conversation_id: string;
  kind: ConversationKind;
  tenant_id: string;
  service_url: string;
  bot_id: string | null;
  user_aad_id: string | null;
  person_id: string | null;
  team_id: string | null;
  channel_id: string | null;
  body_id: string | null;
  installed_at: Date | string;
}

function refOf(row: ConversationRow): ConversationRef {
  return {
    conversationId: row.conversation_id,
    kind: row.kind,
    tenantId: row.tenant_id,
    serviceUrl: row.service_url,
    installedAt: new Date(row.installed_at),
    ...(row.bot_id ? { botId: row.bot_id } : {}),
    ...(row.user_aad_id ? { userAadId: row.user_aad_id } : {}),
    ...(row.person_id ? { personId: row.person_id } : {}),
    ...(row.team_id ? { teamId: row.team_id } : {}),
    ...(row.channel_id ? { channelId: row.channel_id } : {}),
    ...(row.body_id ? { bodyId: row.body_id } : {}),
  };
}

interface RawDelivery {
  key: string;
  kind: string;
  occurrence_key: string | null;
  recipient: string;
  werkgroep: string | null;
  due_at: Date | string;
  status: DeliveryStatus;
  attempts: number;
  activity_id: string | null;
  conversation_id: string | null;
  reason: string | null;
  payload: unknown;
  sent_at: Date | string | null;
}

const json = (v: unknown): Record<string, unknown> | null =>
  v === null || v === undefined ? null : ((typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>);

function deliveryOf(r: RawDelivery): DeliveryRow {
  return {
    key: r.key,
    kind: r.kind,
    occurrenceKey: r.occurrence_key,
    recipient: r.recipient,
    werkgroep: r.werkgroep,
    dueAt: new Date(r.due_at),
    status: r.status,
    attempts: Number(r.attempts),
    activityId: r.activity_id,
    conversationId: r.conversation_id,
    reason: r.reason,
    payload: json(r.payload),
    sentAt: r.sent_at ? new Date(r.sent_at) : null,
  };
}

const DELIVERY_COLUMNS =
  'key, kind, occurrence_key, recipient, werkgroep, due_at, status, attempts, activity_id, conversation_id, reason, payload, sent_at';
const CONVERSATION_COLUMNS =
  'conversation_id, kind, tenant_id, service_url, bot_id, user_aad_id, person_id, team_id, channel_id, body_id, installed_at';

export function botRecords(db: Db): BotRecords {
  const one = async (sql: string, params: unknown[]) => {
    const r = await db.query<ConversationRow>(sql, params);
    return r.rows[0] ? refOf(r.rows[0]) : undefined;
  };
  return {
    async saveConversation(pid, ref) {
      await db.query(
        `INSERT INTO bot_conversations (programme_id, ${CONVERSATION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (programme_id, conversation_id) DO UPDATE SET kind = EXCLUDED.kind, tenant_id = EXCLUDED.tenant_id,
           service_url = EXCLUDED.service_url, bot_id = EXCLUDED.bot_id, user_aad_id = EXCLUDED.user_aad_id, person_id = EXCLUDED.person_id,
           team_id = EXCLUDED.team_id, channel_id = EXCLUDED.channel_id, body_id = EXCLUDED.body_id,
           installed_at = CASE WHEN bot_conversations.removed_at IS NULL THEN bot_conversations.installed_at ELSE EXCLUDED.installed_at END,
           removed_at = NULL`,
        [
          pid,
          ref.conversationId,
          ref.kind,
          ref.tenantId,
          ref.serviceUrl,
          ref.botId ?? null,
          ref.userAadId ?? null,
          ref.personId ?? null,
          ref.teamId ?? null,
          ref.channelId ?? null,
          ref.bodyId ?? null,
          ref.installedAt,
        ],
      );
    },
    async removeConversation(pid, conversationId, at) {
      const r = await db.query(
        'UPDATE bot_conversations SET removed_at = $3 WHERE programme_id = $1 AND conversation_id = $2 AND removed_at IS NULL RETURNING conversation_id',
        [pid, conversationId, at],
      );
      return r.rows.length;
    },
    async removeTeam(pid, teamId, at) {
      const r = await db.query(
        'UPDATE bot_conversations SET removed_at = $3 WHERE programme_id = $1 AND team_id = $2 AND removed_at IS NULL RETURNING conversation_id',
        [pid, teamId, at],
      );
      return r.rows.length;
    },
    conversation: (pid, id) =>
      one(
        `SELECT ${CONVERSATION_COLUMNS} FROM bot_conversations WHERE programme_id = $1 AND conversation_id = $2 AND removed_at IS NULL`,
        [pid, id],
      ),
    async conversations(pid) {
      const r = await db.query<ConversationRow>(
        `SELECT ${CONVERSATION_COLUMNS} FROM bot_conversations WHERE programme_id = $1 AND removed_at IS NULL ORDER BY conversation_id`,
        [pid],
      );
      return r.rows.map(refOf);
    },
    personal: (pid, personId) =>
      one(
        `SELECT ${CONVERSATION_COLUMNS} FROM bot_conversations WHERE programme_id = $1 AND person_id = $2 AND kind = 'personal' AND removed_at IS NULL ORDER BY installed_at DESC LIMIT 1`,
        [pid, personId],
      ),
    channel: (pid, bodyId) =>
      one(
        `SELECT ${CONVERSATION_COLUMNS} FROM bot_conversations WHERE programme_id = $1 AND body_id = $2 AND kind = 'channel' AND removed_at IS NULL ORDER BY installed_at DESC LIMIT 1`,
        [pid, bodyId],
      ),

    ...updateRecords(db),
    ...deliveryRecords(db),
  };
}

/** The progress updates' part of the bot records. */
function updateRecords(db: Db): Pick<BotRecords, 'saveUpdate' | 'update' | 'updates'> {
  return {
    async saveUpdate(pid, u) {
      const r = await db.query<{ revision: number }>(
        `INSERT INTO progress_updates (programme_id, werkgroep, period, data, submitted_by, submitted_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (programme_id, werkgroep, period) DO UPDATE SET data = EXCLUDED.data, submitted_by = EXCLUDED.submitted_by,
           submitted_at = EXCLUDED.submitted_at, revision = progress_updates.revision + 1
         RETURNING revision`,
        [pid, u.werkgroep, u.period, JSON.stringify(u.data), u.submittedBy, u.submittedAt],
      );
      return { ...u, revision: Number(r.rows[0]?.revision ?? 1) };
    },
    async update(pid, werkgroep, period) {
      const r = await db.query<{
        werkgroep: string;
        period: string;
        data: unknown;
        submitted_by: string;
        submitted_at: Date | string;
        revision: number;
      }>(
        'SELECT werkgroep, period, data, submitted_by, submitted_at, revision FROM progress_updates WHERE programme_id = $1 AND werkgroep = $2 AND period = $3',
        [pid, werkgroep, period],
      );
      const row = r.rows[0];
      return row
        ? {
            werkgroep: row.werkgroep,
            period: row.period,
            data: json(row.data) ?? {},
            submittedBy: row.submitted_by,
            submittedAt: new Date(row.submitted_at),
            revision: Number(row.revision),
          }
        : undefined;
    },
    async updates(pid, werkgroep) {
      const r = await db.query<{
        werkgroep: string;
        period: string;
        data: unknown;
        submitted_by: string;
        submitted_at: Date | string;
        revision: number;
      }>(
        `SELECT werkgroep, period, data, submitted_by, submitted_at, revision FROM progress_updates WHERE programme_id = $1 ${werkgroep ? 'AND werkgroep = $2' : ''} ORDER BY submitted_at DESC`,
        werkgroep ? [pid, werkgroep] : [pid],
      );
      return r.rows.map((row) => ({
        werkgroep: row.werkgroep,
        period: row.period,
        data: json(row.data) ?? {},
        submittedBy: row.submitted_by,
        submittedAt: new Date(row.submitted_at),
        revision: Number(row.revision),
      }));
    },
  };
}

type DeliveryMethod =
  | 'deliveries'
  | 'createDeliveries'
  | 'moveDelivery'
  | 'cancelDelivery'
  | 'takeDue'
  | 'claim'
  | 'finish'
  | 'release'
  | 'setPayload'
  | 'requeue'
  | 'counts';

/** Inserts new deliveries; a cancelled one with the same key is pending again. Returns how many were made. */
async function insertDeliveries(db: Db, pid: string, rows: NewDelivery[], at: Date): Promise<number> {
  let made = 0;
  // In chunks: one statement per 200 rows keeps parameter counts small on both backends.
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const params: unknown[] = [pid, at];
    const values = chunk.map((d) => {
      params.push(
        d.key,
        d.kind,
        d.occurrenceKey ?? null,
        d.recipient,
        d.werkgroep ?? null,
        d.dueAt,
        d.payload ? JSON.stringify(d.payload) : null,
      );
      const n = params.length;
      return `($1, $${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, 'pending', $${n}, $2)`;
    });
    const r = await db.query(
      `INSERT INTO bot_deliveries (programme_id, key, kind, occurrence_key, recipient, werkgroep, due_at, status, payload, updated_at)
       VALUES ${values.join(', ')}
       ON CONFLICT (programme_id, key) DO UPDATE SET status = 'pending', due_at = EXCLUDED.due_at, reason = NULL, enqueued_at = NULL, updated_at = EXCLUDED.updated_at
         WHERE bot_deliveries.status = 'cancelled'
       RETURNING key`,
      params,
    );
    made += r.rows.length;
  }
  return made;
}

/** The delivery ledger's part of the bot records. */
function deliveryRecords(db: Db): Pick<BotRecords, DeliveryMethod> {
  return {
    async deliveries(pid, window) {
      const r = await db.query<RawDelivery>(
        `SELECT ${DELIVERY_COLUMNS} FROM bot_deliveries WHERE programme_id = $1 ${window ? 'AND due_at >= $2 AND due_at < $3' : ''} ORDER BY due_at, key`,
        window ? [pid, window.from, window.until] : [pid],
      );
      return r.rows.map(deliveryOf);
    },
    createDeliveries: (pid, rows, at) => insertDeliveries(db, pid, rows, at),
    async moveDelivery(pid, key, dueAt, at) {
      // A job already handed to the queue keeps its old due time and will find it changed; a new hand-over follows.
      const r = await db.query(
        `UPDATE bot_deliveries SET due_at = $3, enqueued_at = NULL, updated_at = $4 WHERE programme_id = $1 AND key = $2 AND status = 'pending' RETURNING key`,
        [pid, key, dueAt, at],
      );
      return r.rows.length > 0;
    },
    async cancelDelivery(pid, key, reason, at) {
      const r = await db.query(
        `UPDATE bot_deliveries SET status = 'cancelled', reason = $3, updated_at = $4 WHERE programme_id = $1 AND key = $2 AND status = 'pending' RETURNING key`,
        [pid, key, reason, at],
      );
      return r.rows.length > 0;
    },
    async takeDue(pid, now, limit) {
      const r = await db.query<RawDelivery>(
        `UPDATE bot_deliveries SET enqueued_at = $2 WHERE programme_id = $1 AND key IN (
           SELECT key FROM bot_deliveries WHERE programme_id = $1 AND status = 'pending' AND enqueued_at IS NULL AND due_at <= $2
           ORDER BY due_at, key LIMIT $3 FOR UPDATE SKIP LOCKED)
         RETURNING ${DELIVERY_COLUMNS}`,
        [pid, now, limit],
      );
      return r.rows.map(deliveryOf);
    },
    async claim(pid, key, dueAt, worker, now, leaseMs) {
      const r = await db.query<RawDelivery>(
        `UPDATE bot_deliveries SET status = 'sending', attempts = attempts + 1, claimed_by = $4, claimed_until = $6, updated_at = $5
         WHERE programme_id = $1 AND key = $2 AND due_at = $3
           AND (status = 'pending' OR (status = 'sending' AND claimed_until < $5))
         RETURNING ${DELIVERY_COLUMNS}`,
        [pid, key, dueAt, worker, now, new Date(now.getTime() + leaseMs)],
      );
      return r.rows[0] ? deliveryOf(r.rows[0]) : undefined;
    },
    async finish(pid, key, outcome, at) {
      if (outcome.status === 'sent') {
        await db.query(
          `UPDATE bot_deliveries SET status = 'sent', activity_id = $3, conversation_id = $4, sent_at = $5, updated_at = $5, claimed_until = NULL, reason = NULL WHERE programme_id = $1 AND key = $2`,
          [pid, key, outcome.activityId, outcome.conversationId, at],
        );
      } else {
        await db.query(
          `UPDATE bot_deliveries SET status = $3, reason = $4, updated_at = $5, claimed_until = NULL WHERE programme_id = $1 AND key = $2`,
          [pid, key, outcome.status, outcome.reason, at],
        );
      }
    },
    async release(pid, key, reason, at) {
      await db.query(
        `UPDATE bot_deliveries SET status = 'pending', reason = $3, updated_at = $4, claimed_until = NULL WHERE programme_id = $1 AND key = $2 AND status = 'sending'`,
        [pid, key, reason, at],
      );
    },
    async setPayload(pid, key, payload, at) {
      const r = await db.query(
        `UPDATE bot_deliveries SET payload = $3, updated_at = $4 WHERE programme_id = $1 AND key = $2 AND status = 'pending' RETURNING key`,
        [pid, key, JSON.stringify(payload), at],
      );
      return r.rows.length > 0;
    },
    async requeue(pid, key) {
      await db.query(
        `UPDATE bot_deliveries SET enqueued_at = NULL WHERE programme_id = $1 AND key = $2 AND status = 'pending'`,
        [pid, key],
      );
    },
    async counts(pid) {
      const r = await db.query<{ status: DeliveryStatus; n: number }>(
        'SELECT status, count(*)::int AS n FROM bot_deliveries WHERE programme_id = $1 GROUP BY status',
        [pid],
      );
      const out: Record<DeliveryStatus, number> = {
        pending: 0,
        sending: 0,
        sent: 0,
        skipped: 0,
        failed: 0,
        cancelled: 0,
      };
      for (const row of r.rows) out[row.status] = Number(row.n);
      return out;
    },
  };
}
