// One person's data in the meeting tables of issue 18 (migrations 012_agenda_edits and 013_meetings; docs/privacy.md):
// what they recorded in a meeting, the actions agreed there with them as owner, the meetings they closed, the
// besluitenlijsten that name them and the agendas they edited — for the export (AVG art. 15) and the erasure
// (art. 17). Like the decisions, these rows are the programme's record and stay: the person's id is replaced by the
// pseudonym, and so is a name copied next to it (an action's `ownerName` in a record or a besluitenlijst), whatever
// the name was then. Used by ./person-records.ts.
import type { Db } from './store.ts';

/** What the meeting tables keep about one person (part of the export's body). */
export interface MeetingPersonData {
  /**
   * What they recorded in meetings (`by_whom`): an outcome, a decision or an action, at which agenda item. Of an
   * action only whether they own it (`ownedBySelf`): another owner is another person.
   */
  meetingRecords: {
    body: string;
    date: string;
    seq: number;
    kind: string;
    item: string;
    at: string;
    title: string;
    decisionId: string | null;
    actionId: string | null;
    outcome: string | null;
    ownedBySelf: boolean | null;
  }[];
  /** Actions agreed in a meeting with them as owner; whether they recorded it themselves. */
  meetingActions: {
    body: string;
    date: string;
    actionId: string;
    title: string;
    werkgroep: string;
    due: string;
    recordedAt: string;
    recordedBySelf: boolean;
  }[];
  /** The meetings they closed (which sent the besluitenlijst). */
  meetingsClosed: { body: string; date: string; closedAt: string | null }[];
  /**
   * Besluitenlijsten of closed meetings that name them: the entries that do (an action they own, or a title with
   * their name, UPN or e-mail); of an action someone else owns, the owner is left out.
   */
  besluitenlijsten: {
    body: string;
    date: string;
    closedAt: string | null;
    actions: { id: string; title: string; item: string; werkgroep: string; due: string; ownedBySelf: boolean }[];
    decisions: { id: string; title: string; item: string; outcome: string | null }[];
    carriedOver: { id: string; title: string }[];
  }[];
  /**
   * Meetings whose agenda they edited (the store keeps the latest editor per meeting, `updated_by`), or whose edits
   * (an added item's title or note) name them; `editedBySelf` says which.
   */
  agendaEdits: {
    body: string;
    date: string;
    version: number;
    updatedAt: string;
    editedBySelf: boolean;
    edits: unknown;
  }[];
}

/** Rows pseudonymised in the meeting tables, per table (bot_deliveries: a kept card's payload naming them). */
export type MeetingErasureCounts = {
  meetingRecords: number;
  meetings: number;
  agendaEdits: number;
  deliveryPayloads: number;
};

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());
const json = (v: unknown): unknown => (typeof v === 'string' && /^[[{]/.test(v) ? JSON.parse(v) : v);
const day = (v: Date | string): string => (typeof v === 'string' ? v.slice(0, 10) : (iso(v) ?? '').slice(0, 10));

/** A LIKE pattern matching their id as a JSON string of its own (`"<id>"`) in a json/jsonb column's text. */
const tokenMatch = (id: string) => `%${JSON.stringify(id).replace(/[\\%_]/g, '\\$&')}%`;

/**
 * `value` with every JSON string equal to `id` replaced by `alias`, and beside such a field `<key>` a field
 * `<key>Name` (the name copied when it was written: `owner`/`ownerName`) replaced by `alias` too.
 */
function pseudonymiseJson(value: unknown, id: string, alias: string): unknown {
  if (value === id) return alias;
  if (Array.isArray(value)) return value.map((x) => pseudonymiseJson(x, id, alias));
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(source)) out[k] = pseudonymiseJson(x, id, alias);
  for (const [k, x] of Object.entries(source)) if (x === id && `${k}Name` in source) out[`${k}Name`] = alias;
  return out;
}

interface RecordRow {
  body_id: string;
  date: string;
  seq: string | number;
  kind: string;
  item_id: string;
  by_whom: string;
  at: Date | string;
  data: unknown;
}

type RecordData = {
  title?: string;
  decisionId?: string;
  actionId?: string;
  outcome?: string;
  owner?: string;
  werkgroep?: string;
  due?: string;
};

interface ListData {
  actions?: { id: string; title: string; item: string; werkgroep: string; owner: string; due: string }[];
  decisions?: { id: string; title: string; item: string; outcome: string | null }[];
  carriedOver?: { id: string; title: string }[];
}

/** Everything the meeting tables keep about person `id` of programme `pid`; `named` tells whether text names them. */
export async function collectMeetings(
  db: Db,
  pid: string,
  id: string,
  named: (text: string) => boolean,
): Promise<MeetingPersonData> {
  const records = (
    await db.query<RecordRow>(
      `SELECT body_id, date, seq, kind, item_id, by_whom, at, data FROM meeting_records
        WHERE programme_id = $1 AND (by_whom = $2 OR data->>'owner' = $2) ORDER BY date, body_id, seq`,
      [pid, id],
    )
  ).rows.map((r) => ({ ...r, data: json(r.data) as RecordData }));
  const meetings = (
    await db.query<{
      body_id: string;
      date: string;
      closed_at: Date | string | null;
      closed_by: string | null;
      besluitenlijst: unknown;
    }>(
      `SELECT body_id, date, closed_at, closed_by, besluitenlijst FROM meetings
        WHERE programme_id = $1 AND state = 'closed' ORDER BY date, body_id`,
      [pid],
    )
  ).rows;
  const edits = (
    await db.query<{
      body_id: string;
      meeting_date: Date | string;
      version: number;
      updated_at: Date | string;
      updated_by: string;
      edits: unknown;
    }>(
      'SELECT body_id, meeting_date, version, updated_at, updated_by, edits FROM agenda_edits WHERE programme_id = $1 ORDER BY meeting_date, body_id',
      [pid],
    )
  ).rows.filter((r) => r.updated_by === id || named(JSON.stringify(json(r.edits))));
  return {
    meetingRecords: records
      .filter((r) => r.by_whom === id)
      .map((r) => ({
        body: r.body_id,
        date: r.date,
        seq: Number(r.seq),
        kind: r.kind,
        item: r.item_id,
        at: iso(r.at) ?? '',
        title: r.data.title ?? '',
        decisionId: r.data.decisionId ?? null,
        actionId: r.data.actionId ?? null,
        outcome: r.data.outcome ?? null,
        ownedBySelf: r.kind === 'action' ? r.data.owner === id : null,
      })),
    meetingActions: records
      .filter((r) => r.kind === 'action' && r.data.owner === id)
      .map((r) => ({
        body: r.body_id,
        date: r.date,
        actionId: r.data.actionId ?? '',
        title: r.data.title ?? '',
        werkgroep: r.data.werkgroep ?? '',
        due: r.data.due ?? '',
        recordedAt: iso(r.at) ?? '',
        recordedBySelf: r.by_whom === id,
      })),
    meetingsClosed: meetings
      .filter((m) => m.closed_by === id)
      .map((m) => ({ body: m.body_id, date: m.date, closedAt: iso(m.closed_at) })),
    besluitenlijsten: meetings.flatMap((m) => {
      const list = (json(m.besluitenlijst) ?? {}) as ListData;
      const actions = (list.actions ?? [])
        .filter((a) => a.owner === id || named(a.title))
        .map((a) => ({
          id: a.id,
          title: a.title,
          item: a.item,
          werkgroep: a.werkgroep,
          due: a.due,
          ownedBySelf: a.owner === id,
        }));
      const decisions = (list.decisions ?? [])
        .filter((x) => named(x.title))
        .map((x) => ({ id: x.id, title: x.title, item: x.item, outcome: x.outcome }));
      const carriedOver = (list.carriedOver ?? [])
        .filter((x) => named(x.title))
        .map((x) => ({ id: x.id, title: x.title }));
      return actions.length + decisions.length + carriedOver.length === 0
        ? []
        : [{ body: m.body_id, date: m.date, closedAt: iso(m.closed_at), actions, decisions, carriedOver }];
    }),
    agendaEdits: edits.map((r) => ({
      body: r.body_id,
      date: day(r.meeting_date),
      version: Number(r.version),
      updatedAt: iso(r.updated_at) ?? '',
      editedBySelf: r.updated_by === id,
      edits: json(r.edits),
    })),
  };
}

/** Whether a row of the meeting tables refers to person id `id` (who recorded, closed or edited; an owner). */
export async function referencedInMeetings(db: Db, pid: string, id: string): Promise<boolean> {
  const r = await db.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM meeting_records WHERE programme_id = $1 AND (by_whom = $2 OR data::text LIKE $3))
          + (SELECT count(*) FROM meetings WHERE programme_id = $1 AND (closed_by = $2 OR besluitenlijst::text LIKE $3))
          + (SELECT count(*) FROM agenda_edits WHERE programme_id = $1 AND (updated_by = $2 OR edits::text LIKE $3)) AS n`,
    [pid, id, tokenMatch(id)],
  );
  return Number(r.rows[0]?.n ?? 0) > 0;
}

/**
 * Pseudonymises person `id` in the meeting tables of programme `pid` (inside the caller's transaction): who recorded,
 * closed or edited, and in their JSON (a record's data, the besluitenlijst, the agenda's edits, a queued or sent
 * card's payload in bot_deliveries) their id and the name copied beside it. The rows stay: the programme's record.
 */
export async function eraseMeetings(tx: Db, pid: string, id: string, pseudonym: string): Promise<MeetingErasureCounts> {
  const like = tokenMatch(id);
  const alias = (v: unknown) => JSON.stringify(pseudonymiseJson(json(v), id, pseudonym));
  const rowsOf = async <T>(sql: string) => (await tx.query<T>(sql, [pid, id, like])).rows;
  const n = async (sql: string, params: unknown[]) => (await tx.query(`${sql} RETURNING 1 AS one`, params)).rows.length;
  const counts: MeetingErasureCounts = { meetingRecords: 0, meetings: 0, agendaEdits: 0, deliveryPayloads: 0 };
  for (const r of await rowsOf<{ body_id: string; date: string; seq: string; by_whom: string; data: unknown }>(
    `SELECT body_id, date, seq::text AS seq, by_whom, data FROM meeting_records
      WHERE programme_id = $1 AND (by_whom = $2 OR data::text LIKE $3)`,
  ))
    counts.meetingRecords += await n(
      `UPDATE meeting_records SET by_whom = $5, data = $6::jsonb
        WHERE programme_id = $1 AND body_id = $2 AND date = $3 AND seq = $4::bigint`,
      [pid, r.body_id, r.date, r.seq, r.by_whom === id ? pseudonym : r.by_whom, alias(r.data)],
    );
  for (const r of await rowsOf<{ body_id: string; date: string; closed_by: string | null; besluitenlijst: unknown }>(
    `SELECT body_id, date, closed_by, besluitenlijst FROM meetings
      WHERE programme_id = $1 AND (closed_by = $2 OR besluitenlijst::text LIKE $3)`,
  ))
    counts.meetings += await n(
      'UPDATE meetings SET closed_by = $4, besluitenlijst = $5::jsonb WHERE programme_id = $1 AND body_id = $2 AND date = $3',
      [
        pid,
        r.body_id,
        r.date,
        r.closed_by === id ? pseudonym : r.closed_by,
        r.besluitenlijst === null ? null : alias(r.besluitenlijst),
      ],
    );
  for (const r of await rowsOf<{ body_id: string; meeting_date: string; updated_by: string; edits: unknown }>(
    `SELECT body_id, meeting_date::text AS meeting_date, updated_by, edits FROM agenda_edits
      WHERE programme_id = $1 AND (updated_by = $2 OR edits::text LIKE $3)`,
  ))
    counts.agendaEdits += await n(
      `UPDATE agenda_edits SET updated_by = $4, edits = $5::jsonb
        WHERE programme_id = $1 AND body_id = $2 AND meeting_date = $3::date`,
      [pid, r.body_id, r.meeting_date, r.updated_by === id ? pseudonym : r.updated_by, alias(r.edits)],
    );
  // Their own messages are deleted before this; what is left naming them is a card to others (the besluitenlijst).
  for (const r of await rowsOf<{ key: string; payload: unknown }>(
    'SELECT key, payload FROM bot_deliveries WHERE programme_id = $1 AND recipient <> $2 AND payload::text LIKE $3',
  ))
    counts.deliveryPayloads += await n(
      'UPDATE bot_deliveries SET payload = $3::jsonb WHERE programme_id = $1 AND key = $2',
      [pid, r.key, alias(r.payload)],
    );
  return counts;
}
