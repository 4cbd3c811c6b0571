// The API contract for composing a meeting's agenda (issue 18 §2), re-exported by ./contract.ts: the projectleider
// orders (PUT /api/agenda/punten), adds (POST /api/agenda/punten), removes (DELETE /api/agenda/punten/:id) and
// restores (POST /api/agenda/punten/:id/herstellen) items. The meeting is `body` + `date` as GET /api/agenda (the
// body's next meeting without a date). Every change carries the agenda's `version` (GET /api/agenda) in If-Match:
// 428 version_required without it, 409 changed when another edit landed first. Pure: the tab imports it.
import { z } from 'zod';
import type { AgendaItem } from '../domain/agenda/items.ts';
import { isRealDate } from '../domain/programme/schema.ts';

const DateSchema = z.string().refine(isRealDate, { message: 'expected a date YYYY-MM-DD' });
/** An agenda item id: werkgroep:<id>, besluit:<id> or punt:<n>. */
const ItemId = z
  .string()
  .regex(/^(werkgroep|besluit|punt):\S+$/, { message: 'expected werkgroep:…, besluit:… or punt:…' });

/** Which meeting: as GET /api/agenda's query. */
export const AgendaMeetingQuery = z.strictObject({
  body: z.string().min(1).optional(),
  date: DateSchema.optional(),
});
export type AgendaMeetingQuery = z.infer<typeof AgendaMeetingQuery>;

/** The agenda's items in a new order: every item now on it (removed ones included), each once. */
export const AgendaOrderInput = AgendaMeetingQuery.extend({ order: z.array(ItemId).max(200) });
export type AgendaOrderInput = z.infer<typeof AgendaOrderInput>;

/** 201: an item added at the end of the agenda, as `punt:<n>`. */
export const AgendaItemInput = AgendaMeetingQuery.extend({
  title: z.string().trim().min(1).max(200),
  note: z.string().trim().max(2000).optional(),
});
export type AgendaItemInput = z.infer<typeof AgendaItemInput>;

/** What GET /api/agenda adds to the composed agenda: the items in order, the version of the edits, may I edit. */
export interface AgendaItemsView {
  /** In the order they are discussed; removed items stay, marked `removed`. */
  items: AgendaItem[];
  /** The version of the projectleider's edits of this meeting (0: none yet); send it as If-Match to change them. */
  version: number;
  /** Whether the caller may order, add and remove items (the projectleider). */
  mayEdit: boolean;
  /** The bodies that have an agenda (the regiegroepen and projectgroepen), for choosing another. */
  bodies: { id: string; name: string; kind: 'regiegroep' | 'projectgroep' }[];
  /** Local dates (YYYY-MM-DD) of this body's meetings around this one (a few before, more after), for choosing. */
  meetingDates: string[];
}

/** The id of an item just added (POST /api/agenda/punten), beside the agenda as it is now. */
export interface AgendaAddedView {
  added: string;
}
