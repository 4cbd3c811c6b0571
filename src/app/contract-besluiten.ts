// The API contract for decisions entered by people (issue 18 §1), re-exported by ./contract.ts: POST /api/besluiten
// (propose), PATCH /api/besluiten/:id (edit), POST /api/besluiten/:id/{verplaatsen,uitkomst,intrekken,ongedaan} and
// GET /api/besluiten/:id/geschiedenis. Every change but the proposal carries the decision's version in If-Match
// (428 version_required without it, 409 changed when it is not the current one). Pure: the tab imports it.
import { z } from 'zod';
import { BODY_KINDS } from '../domain/programme/schema.ts';
import type { DecisionEvent } from '../domain/work/proposals.ts';
import { OUTCOME_KINDS } from '../domain/vocabulary.ts';

/** A decision's title: what the besluitenlijst shows in one line. */
const Title = z.string().trim().min(1).max(200);
/** The proposal text (what is to be decided and why). */
const ProposalText = z.string().trim().min(1).max(4000);
/** Action ids the decision blocks. */
const ActionIds = z.array(z.string().trim().min(1)).max(50);

/** 201: the decision proposed, waiting at `level` since today (its lead time starts now). */
export const ProposalInput = z.strictObject({
  title: Title,
  proposal: ProposalText,
  /** The werkgroep it arises from (a werkgroep id of the programme). */
  werkgroep: z.string().trim().min(1),
  /** The body at which it waits: a level of the programme's decision route. */
  level: z.enum(BODY_KINDS),
  blocks: ActionIds.optional(),
  /** The update (id, see updateRef) whose "decisions needed from the regiegroep" it came from. */
  fromUpdate: z.string().trim().min(1).max(200).optional(),
});
export type ProposalInput = z.infer<typeof ProposalInput>;

/** The fields of an open decision that may be edited; at least one. */
export const ProposalPatch = z.strictObject({
  title: Title.optional(),
  proposal: ProposalText.optional(),
  blocks: ActionIds.optional(),
});
export type ProposalPatch = z.infer<typeof ProposalPatch>;

/** Moves the decision to a higher level of its route. */
export const DecisionMove = z.strictObject({ level: z.enum(BODY_KINDS) });
export type DecisionMove = z.infer<typeof DecisionMove>;

/** Closes the decision with an outcome; the outcome must be chosen, there is no default. */
export const DecisionOutcome = z.strictObject({ outcome: z.enum(OUTCOME_KINDS) });
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

/** 200: who changed the decision when, oldest first; whether its latest change can be undone and until when. */
export interface DecisionHistoryResponse {
  id: string;
  events: DecisionEvent[];
  /** The display name of each person id in `events[].by` that is a person of the programme ('app' is not). */
  names: Record<string, string>;
  /** ISO 8601: until when the latest move or outcome can be undone; absent when there is nothing to undo. */
  undoUntil?: string;
}

/** The id of a werkgroep's update for a period, and what a proposal's `fromUpdate` names (src/domain/bot/proposal-card.ts). */
export { updateRef } from '../domain/bot/proposal-card.ts';
