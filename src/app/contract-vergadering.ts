// The API contract of the meeting app and the besluitenlijst (issue 18 §3, §4), re-exported by ./contract.ts. A
// meeting is a body id + its local date, as GET /api/agenda?body=&date= addresses it:
//   GET  /api/vergaderingen                                  the closed meetings with their besluitenlijst
//   GET  /api/vergaderingen/:body/:date                      the meeting: state, records, besluitenlijst once closed
//   POST /api/vergaderingen/:body/:date/vastleggingen        record at an agenda item (201): an outcome, a decision, an action
//   POST /api/vergaderingen/:body/:date/sluiten              close it: the besluitenlijst goes to the body's channel
// An outcome carries the decision's version in If-Match, as POST /api/besluiten/:id/uitkomst does. Pure: the tab
// imports it.
import { z } from 'zod';
import type { Besluitenlijst, MeetingRecord } from '../domain/meeting/besluitenlijst.ts';
import { isRealDate } from '../domain/programme/schema.ts';
import { OUTCOME_KINDS } from '../domain/vocabulary.ts';

const DateSchema = z.string().refine(isRealDate, { message: 'expected a date YYYY-MM-DD' });
/** An agenda item id: werkgroep:<id>, besluit:<id> or punt:<id>. */
const ItemId = z
  .string()
  .trim()
  .regex(/^(werkgroep|besluit|punt):\S{1,200}$/, { message: 'expected werkgroep:<id>, besluit:<id> or punt:<id>' });
const Title = z.string().trim().min(1).max(200);

/** What the chair records at an agenda item; the outcome is chosen, there is no default. */
export const MeetingRecordInput = z.discriminatedUnion('kind', [
  /** The outcome of a decision waiting at this body (If-Match: its version). */
  z.strictObject({
    kind: z.literal('outcome'),
    item: ItemId,
    decision: z.string().trim().min(1),
    outcome: z.enum(OUTCOME_KINDS),
  }),
  /** A new decision, proposed at this body's level on behalf of `werkgroep`; with `outcome` it is taken at once. */
  z.strictObject({
    kind: z.literal('decision'),
    item: ItemId,
    title: Title,
    proposal: z.string().trim().min(1).max(4000),
    werkgroep: z.string().trim().min(1),
    outcome: z.enum(OUTCOME_KINDS).optional(),
  }),
  /** A new action of `werkgroep` with one owner (a person id of the programme) and a due date; it goes to Planner. */
  z.strictObject({
    kind: z.literal('action'),
    item: ItemId,
    werkgroep: z.string().trim().min(1),
    title: Title,
    owner: z.string().trim().min(1),
    due: DateSchema,
  }),
]);
export type MeetingRecordInput = z.infer<typeof MeetingRecordInput>;

/** The meeting a route addresses: body id and local date (YYYY-MM-DD). */
export const MeetingRef = z.strictObject({ body: z.string().trim().min(1).max(100), date: DateSchema });
export type MeetingRef = z.infer<typeof MeetingRef>;

/** 200: a meeting; `state` is open until the chair closes it; `besluitenlijst` is kept from then on. */
export interface MeetingResponse {
  body: { id: string; name: string };
  date: string;
  /** The cadence occurrence's key (<cadence>:<date>). */
  key: string;
  state: 'open' | 'closed';
  records: MeetingRecord[];
  /** ISO instant; null while open. */
  closedAt: string | null;
  besluitenlijst: Besluitenlijst | null;
}

/** 201: the record as appended. */
export type MeetingRecordResponse = MeetingRecord;

/** 200: the meeting closed; its besluitenlijst is queued for the body's channel (delivery key `delivery`). */
export interface MeetingCloseResponse {
  besluitenlijst: Besluitenlijst;
  delivery: string;
}

/** 200: the closed meetings, latest first, each with its besluitenlijst. */
export interface BesluitenlijstenResponse {
  meetings: { body: { id: string; name: string }; date: string; closedAt: string; besluitenlijst: Besluitenlijst }[];
}
