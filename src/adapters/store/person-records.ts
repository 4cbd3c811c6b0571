// One person's data in the store (issue 15 §5, docs/privacy.md): everything that names them, for an export (AVG
// art. 15) and for erasure (art. 17). Rows that are only theirs are deleted; rows the programme's history needs keep
// a pseudonym in place of their person id; their name, UPN, e-mail address and Entra object ids are replaced
// wherever they were written (every text-like column, see ./text-columns.ts).
import type { Db } from './store.ts';
import {
  collectMeetings,
  eraseMeetings,
  referencedInMeetings,
  type MeetingErasureCounts,
  type MeetingPersonData,
} from './meeting-person-records.ts';
import {
  collectReports,
  eraseReports,
  referencedInReports,
  type ReportErasureCounts,
  type ReportPersonData,
} from './report-person-records.ts';
import { collectNews, eraseNews, referencedInNews, type NewsPersonData } from './news-person-records.ts';
import { countMentions, replaceMentions } from './text-columns.ts';

/** Who: the programme file's person id, and the strings that name them in text (name, UPN, e-mail). */
export interface PersonRef {
  id: string;
  terms: string[];
}

/**
 * What the store keeps about one person of one programme, row by row (the export's body); the meeting tables' part
 * (records, meeting actions, besluitenlijsten, agenda edits) is described in ./meeting-person-records.ts.
 */
export interface StoredPersonData extends MeetingPersonData, ReportPersonData, NewsPersonData {
  /** Actions they carry (owner), also deleted ones; co-owners only counted (they are other people). */
  actions: {
    id: string;
    werkgroep: string;
    title: string;
    status: string;
    due: string | null;
    ks: unknown;
    notes: string;
    createdOn: string;
    deleted: boolean;
    otherOwners: number;
  }[];
  /** Decisions they proposed, that block an action they carry, or whose text names them. */
  decisions: { id: string; title: string; werkgroep: string; data: unknown }[];
  /** What they did to decisions (proposed, moved, closed, edited, withdrew, undid): the decision history's lines. */
  decisionEvents: { decisionId: string; at: string; kind: string; from: string | null; to: string | null }[];
  updates: { werkgroep: string; period: string; submittedAt: string; revision: number; data: unknown }[];
  measurements: { indicatorId: string; on: string; value: number; note: string; recordedAt: string }[];
  conversations: {
    conversationId: string;
    kind: string;
    tenantId: string;
    userAadId: string | null;
    installedAt: string;
    removedAt: string | null;
  }[];
  botLanguages: { conversationId: string; userId: string; lang: string; updatedAt: string }[];
  deliveries: {
    key: string;
    kind: string;
    werkgroep: string | null;
    dueAt: string;
    status: string;
    sentAt: string | null;
    reason: string | null;
  }[];
  guest: { state: string; guestUserId: string | null; invitedAt: string | null; acceptedAt: string | null } | null;
  /** Sync journal lines whose change is about them (their person id or Entra object id in the change id). */
  journal: { runId: number; changeId: string; state: string; at: string }[];
  /** Queued and finished jobs (pg-boss) that carry one of their messages. */
  jobs: { queue: string; id: string; state: string; createdOn: string }[];
  /** Other columns that mention their name, UPN, e-mail or Entra object id: table, column, how many rows. */
  mentions: { table: string; column: string; rows: number }[];
}

/** How many rows an erasure deleted and pseudonymised, per kind. */
export interface ErasureCounts {
  deleted: { conversations: number; botLanguages: number; deliveries: number; jobs: number; guest: number };
  pseudonymised: MeetingErasureCounts &
    ReportErasureCounts & {
      actions: number;
      conflicts: number;
      updates: number;
      measurements: number;
      journal: number;
      decisions: number;
      decisionEvents: number;
      programmeVersions: number;
      mentions: number;
      /** The monthly news messages they last edited or approved (issue 16 §3). */
      newsMessages: number;
    };
}

export interface PersonRecords {
  /** Everything the store keeps about `who` in programme `programmeId` (reads only). */
  collect(programmeId: string, who: PersonRef): Promise<StoredPersonData>;
  /** Whether any row of the programme refers to the person id (an action, an update, a message, a merge conflict, a line of the sync journal, …). */
  referenced(programmeId: string, personId: string): Promise<boolean>;
  /**
   * Erases `who` in one transaction: their own rows deleted, their person id replaced by `pseudonym` where the
   * programme's history keeps the row, `versions` (the stored programme files naming them, already rewritten by the
   * caller) written back, and every remaining mention of their terms and Entra ids replaced by `pseudonym`.
   */
  erase(
    programmeId: string,
    who: PersonRef,
    pseudonym: string,
    versions: { id: number; content: string }[],
  ): Promise<ErasureCounts>;
}

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());
const json = (v: unknown): unknown => (typeof v === 'string' && /^[[{]/.test(v) ? JSON.parse(v) : v);
const day = (v: Date | string) => (typeof v === 'string' ? v.slice(0, 10) : iso(v)!.slice(0, 10));
const exists = async (db: Db, relation: string) =>
  (await db.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [relation])).rows[0]
    ?.present === true;

/** The ids that link a person to rows without their person id: Entra object ids, conversations, Teams user ids. */
async function linksOf(db: Db, pid: string, personId: string) {
  const conv = await db.query<{ conversation_id: string; user_aad_id: string | null }>(
    'SELECT conversation_id, user_aad_id FROM bot_conversations WHERE programme_id = $1 AND person_id = $2',
    [pid, personId],
  );
  const guest = await db.query<{ guest_user_id: string | null }>(
    'SELECT guest_user_id FROM guest_invitations WHERE programme_id = $1 AND person_id = $2',
    [pid, personId],
  );
  const conversationIds = conv.rows.map((r) => r.conversation_id);
  const aadIds = [
    ...new Set(
      [...conv.rows.map((r) => r.user_aad_id), ...guest.rows.map((r) => r.guest_user_id)].filter(
        (x): x is string => typeof x === 'string' && x.length > 0,
      ),
    ),
  ];
  // Their Teams user id (activity.from.id) is known from what they wrote in their own (personal) conversations.
  const users = await db.query<{ user_id: string }>(
    'SELECT DISTINCT user_id FROM bot_languages WHERE programme_id = $1 AND conversation_id = ANY($2)',
    [pid, conversationIds],
  );
  const teamsUserIds = users.rows.map((r) => r.user_id);
  const keys = (
    await db.query<{ key: string }>('SELECT key FROM bot_deliveries WHERE programme_id = $1 AND recipient = $2', [
      pid,
      personId,
    ])
  ).rows.map((r) => r.key);
  return { conversationIds, aadIds, teamsUserIds, deliveryKeys: keys };
}

/** Change ids of the sync journal name a person between colons: `team-member:<id>:add`, `<channel>:member:<id>:add`. */
const journalMatch = (ids: readonly string[]) => ids.map((id) => `%:${id.replace(/[\\%_]/g, '\\$&')}:%`);

export function personRecords(db: Db): PersonRecords {
  return {
    collect: (pid, who) => collect(db, pid, who),
    async referenced(pid, personId) {
      const r = await db.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM actions WHERE programme_id = $1 AND fields->'owners' @> jsonb_build_array($2::text))
              + (SELECT count(*) FROM progress_updates WHERE programme_id = $1 AND submitted_by = $2)
              + (SELECT count(*) FROM indicator_measurements WHERE programme_id = $1 AND recorded_by = $2)
              + (SELECT count(*) FROM bot_conversations WHERE programme_id = $1 AND person_id = $2)
              + (SELECT count(*) FROM bot_deliveries WHERE programme_id = $1 AND recipient = $2)
              + (SELECT count(*) FROM guest_invitations WHERE programme_id = $1 AND person_id = $2)
              + (SELECT count(*) FROM action_conflicts WHERE programme_id = $1
                   AND (ours::text LIKE '%' || $3 || '%' OR theirs::text LIKE '%' || $3 || '%'))
              + (SELECT count(*) FROM decisions WHERE programme_id = $1 AND data->>'proposedBy' = $2)
              + (SELECT count(*) FROM decision_events WHERE programme_id = $1 AND by_whom = $2)
              + (SELECT count(*) FROM sync_journal j JOIN sync_runs r ON r.id = j.run_id
                  WHERE r.programme_id = $1 AND j.change_id LIKE $4) AS n`,
        [pid, personId, JSON.stringify(personId), journalMatch([personId])[0]],
      );
      return (
        Number(r.rows[0]?.n ?? 0) > 0 ||
        (await referencedInMeetings(db, pid, personId)) ||
        (await referencedInReports(db, pid, personId)) ||
        (await referencedInNews(db, pid, personId))
      );
    },
    erase: (pid, who, pseudonym, versions) => db.transaction((tx) => erase(tx, pid, who, pseudonym, versions)),
  };
}

async function collect(db: Db, pid: string, who: PersonRef): Promise<StoredPersonData> {
  const links = await linksOf(db, pid, who.id);
  const actions = (
    await db.query<{
      id: string;
      werkgroep: string;
      fields: unknown;
      created_on: string | Date;
      deleted: boolean;
    }>(
      `SELECT id, werkgroep, fields, created_on, deleted FROM actions
        WHERE programme_id = $1 AND fields->'owners' @> jsonb_build_array($2::text) ORDER BY werkgroep, id`,
      [pid, who.id],
    )
  ).rows.map((r) => {
    const f = json(r.fields) as { title: string; status: string; due?: string | null; ks: unknown; notes?: string };
    const owners = (json(r.fields) as { owners: string[] }).owners;
    return {
      id: r.id,
      werkgroep: r.werkgroep,
      title: f.title,
      status: f.status,
      due: f.due ?? null,
      ks: f.ks,
      notes: f.notes ?? '',
      createdOn: day(r.created_on),
      deleted: r.deleted,
      otherOwners: owners.filter((o) => o !== who.id).length,
    };
  });
  const mine = new Set(actions.map((a) => a.id));
  const named = (text: string) => who.terms.some((term) => term && text.toLowerCase().includes(term.toLowerCase()));
  const decisions = (
    await db.query<{ id: string; data: unknown }>(
      'SELECT id, data FROM decisions WHERE programme_id = $1 ORDER BY id',
      [pid],
    )
  ).rows
    .map((r) => ({
      id: r.id,
      data: json(r.data) as { title: string; werkgroep: string; blocks?: string[]; proposedBy?: string },
    }))
    .filter(
      (d) =>
        d.data.proposedBy === who.id || (d.data.blocks ?? []).some((a) => mine.has(a)) || named(JSON.stringify(d.data)),
    )
    .map((d) => ({ id: d.id, title: d.data.title, werkgroep: d.data.werkgroep, data: d.data }));
  const decisionEvents = (
    await db.query<{
      decision_id: string;
      at: Date | string;
      kind: string;
      from_level: string | null;
      to_level: string | null;
    }>(
      `SELECT decision_id, at, kind, from_level, to_level FROM decision_events
        WHERE programme_id = $1 AND by_whom = $2 ORDER BY at, seq`,
      [pid, who.id],
    )
  ).rows.map((r) => ({ decisionId: r.decision_id, at: iso(r.at)!, kind: r.kind, from: r.from_level, to: r.to_level }));
  return {
    actions,
    decisions,
    decisionEvents,
    ...(await collectMeetings(db, pid, who.id, named)),
    ...(await collectReports(db, pid, who.id, named)),
    ...(await collectNews(db, pid, who.id)),
    ...(await ownRows(db, pid, who.id, links)),
    journal: await journalOf(db, pid, [who.id, ...links.aadIds]),
    jobs: await jobsOf(db, links.deliveryKeys),
    mentions: await countMentions(db, [...who.terms, ...links.aadIds]),
  };
}

/** The rows that are the person's own: updates, measurements, conversations, languages, messages, guest record. */
async function ownRows(
  db: Db,
  pid: string,
  personId: string,
  links: Awaited<ReturnType<typeof linksOf>>,
): Promise<
  Pick<StoredPersonData, 'updates' | 'measurements' | 'conversations' | 'botLanguages' | 'deliveries' | 'guest'>
> {
  const q = <T>(sql: string, params: unknown[] = [pid, personId]) => db.query<T>(sql, params).then((r) => r.rows);
  const updates = await q<{ werkgroep: string; period: string; submitted_at: Date; revision: number; data: unknown }>(
    'SELECT werkgroep, period, submitted_at, revision, data FROM progress_updates WHERE programme_id = $1 AND submitted_by = $2 ORDER BY submitted_at',
  );
  const measurements = await q<{
    indicator_id: string;
    measured_on: string;
    value: number;
    note: string;
    recorded_at: Date;
  }>(
    "SELECT indicator_id, to_char(measured_on, 'YYYY-MM-DD') AS measured_on, value, note, recorded_at FROM indicator_measurements WHERE programme_id = $1 AND recorded_by = $2 ORDER BY indicator_id, measured_on",
  );
  const conversations = await q<{
    conversation_id: string;
    kind: string;
    tenant_id: string;
    user_aad_id: string | null;
    installed_at: Date;
    removed_at: Date | null;
  }>(
    'SELECT conversation_id, kind, tenant_id, user_aad_id, installed_at, removed_at FROM bot_conversations WHERE programme_id = $1 AND person_id = $2 ORDER BY installed_at',
  );
  const languages = await q<{ conversation_id: string; user_id: string; lang: string; updated_at: Date }>(
    'SELECT conversation_id, user_id, lang, updated_at FROM bot_languages WHERE programme_id = $1 AND (conversation_id = ANY($2) OR user_id = ANY($3)) ORDER BY conversation_id, user_id',
    [pid, links.conversationIds, links.teamsUserIds],
  );
  const deliveries = await q<{
    key: string;
    kind: string;
    werkgroep: string | null;
    due_at: Date;
    status: string;
    sent_at: Date | null;
    reason: string | null;
  }>(
    'SELECT key, kind, werkgroep, due_at, status, sent_at, reason FROM bot_deliveries WHERE programme_id = $1 AND recipient = $2 ORDER BY due_at, key',
  );
  const [guest] = await q<{
    state: string;
    guest_user_id: string | null;
    invited_at: Date | null;
    accepted_at: Date | null;
  }>(
    'SELECT state, guest_user_id, invited_at, accepted_at FROM guest_invitations WHERE programme_id = $1 AND person_id = $2',
  );
  return {
    updates: updates.map((r) => ({
      werkgroep: r.werkgroep,
      period: r.period,
      submittedAt: iso(r.submitted_at)!,
      revision: Number(r.revision),
      data: json(r.data),
    })),
    measurements: measurements.map((r) => ({
      indicatorId: r.indicator_id,
      on: String(r.measured_on),
      value: Number(r.value),
      note: r.note,
      recordedAt: iso(r.recorded_at)!,
    })),
    conversations: conversations.map((r) => ({
      conversationId: r.conversation_id,
      kind: r.kind,
      tenantId: r.tenant_id,
      userAadId: r.user_aad_id,
      installedAt: iso(r.installed_at)!,
      removedAt: iso(r.removed_at),
    })),
    botLanguages: languages.map((r) => ({
      conversationId: r.conversation_id,
      userId: r.user_id,
      lang: r.lang,
      updatedAt: iso(r.updated_at)!,
    })),
    deliveries: deliveries.map((r) => ({
      key: r.key,
      kind: r.kind,
      werkgroep: r.werkgroep,
      dueAt: iso(r.due_at)!,
      status: r.status,
      sentAt: iso(r.sent_at),
      reason: r.reason,
    })),
    guest: guest
      ? {
          state: guest.state,
          guestUserId: guest.guest_user_id,
          invitedAt: iso(guest.invited_at),
          acceptedAt: iso(guest.accepted_at),
        }
      : null,
  };
}

async function journalOf(db: Db, pid: string, ids: string[]): Promise<StoredPersonData['journal']> {
  const r = await db.query<{ run_id: string; change_id: string; state: string; at: Date }>(
    `SELECT j.run_id, j.change_id, j.state, j.at FROM sync_journal j JOIN sync_runs r ON r.id = j.run_id
      WHERE r.programme_id = $1 AND j.change_id LIKE ANY($2) ORDER BY j.run_id, j.change_id`,
    [pid, journalMatch(ids)],
  );
  return r.rows.map((row) => ({
    runId: Number(row.run_id),
    changeId: row.change_id,
    state: row.state,
    at: iso(row.at)!,
  }));
}

async function jobsOf(db: Db, keys: string[]): Promise<StoredPersonData['jobs']> {
  if (keys.length === 0 || !(await exists(db, 'pgboss.job'))) return [];
  const r = await db.query<{ name: string; id: string; state: string; created_on: Date }>(
    "SELECT name, id::text AS id, state::text AS state, created_on FROM pgboss.job WHERE data->>'key' = ANY($1) ORDER BY created_on",
    [keys],
  );
  return r.rows.map((row) => ({ queue: row.name, id: row.id, state: row.state, createdOn: iso(row.created_on)! }));
}

async function erase(
  tx: Db,
  pid: string,
  who: PersonRef,
  pseudonym: string,
  versions: { id: number; content: string }[],
): Promise<ErasureCounts> {
  const links = await linksOf(tx, pid, who.id);
  const n = async (sql: string, params: unknown[]) => (await tx.query(`${sql} RETURNING 1 AS one`, params)).rows.length;
  const jobs =
    links.deliveryKeys.length > 0 && (await exists(tx, 'pgboss.job'))
      ? await n("DELETE FROM pgboss.job WHERE data->>'key' = ANY($1)", [links.deliveryKeys])
      : 0;
  const deleted = {
    botLanguages: await n(
      'DELETE FROM bot_languages WHERE programme_id = $1 AND (conversation_id = ANY($2) OR user_id = ANY($3))',
      [pid, links.conversationIds, links.teamsUserIds],
    ),
    conversations: await n('DELETE FROM bot_conversations WHERE programme_id = $1 AND person_id = $2', [pid, who.id]),
    deliveries: await n('DELETE FROM bot_deliveries WHERE programme_id = $1 AND recipient = $2', [pid, who.id]),
    jobs,
    guest: await n('DELETE FROM guest_invitations WHERE programme_id = $1 AND person_id = $2', [pid, who.id]),
  };
  // In the documents, their id is a JSON string of its own ("<id>" as an owner): replaced as a whole token only.
  const token = JSON.stringify(who.id);
  const alias = JSON.stringify(pseudonym);
  const pseudonymised = {
    actions: await n(
      `UPDATE actions SET fields = replace(fields::text, $2, $3)::jsonb,
              base = CASE WHEN base IS NULL THEN NULL ELSE replace(base::text, $2, $3)::jsonb END
        WHERE programme_id = $1 AND (fields->'owners' @> jsonb_build_array($4::text) OR base->'owners' @> jsonb_build_array($4::text))`,
      [pid, token, alias, who.id],
    ),
    conflicts: await n(
      `UPDATE action_conflicts SET ours = replace(ours::text, $2, $3)::jsonb, theirs = replace(theirs::text, $2, $3)::jsonb
        WHERE programme_id = $1 AND (ours::text LIKE '%' || $2 || '%' OR theirs::text LIKE '%' || $2 || '%')`,
      [pid, token, alias],
    ),
    updates: await n('UPDATE progress_updates SET submitted_by = $3 WHERE programme_id = $1 AND submitted_by = $2', [
      pid,
      who.id,
      pseudonym,
    ]),
    measurements: await n(
      'UPDATE indicator_measurements SET recorded_by = $3 WHERE programme_id = $1 AND recorded_by = $2',
      [pid, who.id, pseudonym],
    ),
    journal: await eraseJournal(tx, pid, [who.id, ...links.aadIds], pseudonym),
    // The decisions they proposed and what they did to decisions stay (lead times, the history), under the pseudonym.
    decisions: await n(
      `UPDATE decisions SET data = jsonb_set(data, '{proposedBy}', to_jsonb($3::text))
        WHERE programme_id = $1 AND data->>'proposedBy' = $2`,
      [pid, who.id, pseudonym],
    ),
    decisionEvents: await n('UPDATE decision_events SET by_whom = $3 WHERE programme_id = $1 AND by_whom = $2', [
      pid,
      who.id,
      pseudonym,
    ]),
    // What they recorded, closed, edited or own in meetings stays (the programme's record), under the pseudonym.
    ...(await eraseMeetings(tx, pid, who.id, pseudonym)),
    // The monthly reports they approved or wrote stay (the programme's record), under the pseudonym.
    ...(await eraseReports(tx, pid, who.id, pseudonym)),
    // The news messages they edited or approved stay (the programme's record), under the pseudonym.
    newsMessages: await eraseNews(tx, pid, who.id, pseudonym),
    programmeVersions: 0,
    mentions: 0,
  };
  for (const v of versions)
    pseudonymised.programmeVersions += await n(
      'UPDATE programme_versions SET content = $3 WHERE programme_id = $1 AND id = $2',
      [pid, v.id, v.content],
    );
  pseudonymised.mentions = await replaceMentions(tx, [...who.terms, ...links.aadIds, ...links.teamsUserIds], pseudonym);
  return { deleted, pseudonymised };
}

/** The journal's change ids that name the person between colons get the pseudonym there instead. */
async function eraseJournal(tx: Db, pid: string, ids: string[], pseudonym: string): Promise<number> {
  let changed = 0;
  for (const id of ids) {
    const r = await tx.query(
      `UPDATE sync_journal j SET change_id = replace(j.change_id, ':' || $2 || ':', ':' || $3 || ':')
         FROM sync_runs r WHERE r.id = j.run_id AND r.programme_id = $1 AND j.change_id LIKE $4 RETURNING 1 AS one`,
      [pid, id, pseudonym, journalMatch([id])[0]],
    );
    changed += r.rows.length;
  }
  return changed;
}
