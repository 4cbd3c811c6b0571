// The JSON API's one contract (`/api/…`), shared by the server (src/entry/server/api.ts), the tab (browser code:
// it imports the types only) and the CLI: per route the input schema (zod, the shape only — whether a person,
// werkgroep or topic exists is the use case's question) and the response type. Keys are English; values that are
// the domain's own terms (status 'gereed', K 'kosten', outcome 'besloten', body kinds) stay as they are.
// Pure: zod and domain types, no node: imports, so the tab may import it.
import { z } from 'zod';
import { GRAPH_LIMITS } from '../domain/programme/limits.ts';
import type { ProgressUpdate } from '../domain/bot/update.ts';
import type { Agenda } from '../domain/agenda/compose.ts';
import type { AgendaItemsView } from './contract-agenda.ts';
import { BODY_KINDS, isRealDate, type BodyKind } from '../domain/programme/schema.ts';
import type { LeadTimes, MedianLeadTimes } from '../domain/work/decisions.ts';
import type { BlockedChain } from '../domain/work/dependencies.ts';
import type { Trend } from '../domain/work/indicators.ts';
import type { BlockRef, Decision } from '../domain/work/model.ts';
import { ACTION_STATUSES, FOUR_KS, OUTCOME_KINDS, type ActionStatus, type FourK } from '../domain/vocabulary.ts';

// ---- Shared pieces ---------------------------------------------------------------------------------------------

/** A calendar day, YYYY-MM-DD, that exists (no 2026-02-30). */
const DateSchema = z.string().refine(isRealDate, { message: 'expected a date YYYY-MM-DD' });

/**
 * The `error` of every 4xx/5xx answer; `message` says it in Dutch and English ("nl / en").
 * 400 bad_input, cycle · 401 unauthorized · 403 forbidden · 404 not_found · 409 changed, not_possible, exists ·
 * 413 too_large (a body over 64 kB) · 415 unsupported_media_type (a charset other than UTF-8) ·
 * 428 version_required (an edit without If-Match) · 500 internal.
 */
export type ErrorCode =
  | 'bad_input'
  | 'cycle'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'changed'
  | 'not_possible'
  | 'exists'
  | 'version_required'
  | 'internal'
  | 'too_large'
  | 'unsupported_media_type';

export interface ErrorResponse {
  error: ErrorCode;
  /** Dutch / English. */
  message: string;
  /** 401 only: why the token was refused (src/adapters/auth/validate.ts TokenRefusal). */
  reason?: string;
  /** 409 changed only: the action as it is now, so the person sees what changed. */
  action?: ActionView;
}

interface Named {
  id: string;
  name: string;
}

// ---- GET /api/ik ------------------------------------------------------------------------------------------------

/** Who is signed in. The tab shows buttons from these flags; the server decides again on every change. */
export interface MeResponse {
  /** null for the app itself and for a valid token whose holder is not in the programme. */
  person: { id: string; name: string; gemeente: string; roles: string[] } | null;
  /** The product's own token (CLI, jobs). */
  app: boolean;
  /** May move decisions on and record indicator values (the projectleider and the regiegroep). */
  mayDecide: boolean;
  /** Ids of the werkgroepen the person is trekker or member of, trekker first. */
  werkgroepen: string[];
  programme: Named;
}

// ---- GET /api/overzicht ----------------------------------------------------------------------------------------

export interface OverviewResponse {
  programme: Named;
  /** YYYY-MM-DD in the programme's time zone. */
  today: string;
  phases: { number: number; name: string; start: string; end: string }[];
  /**
   * The programme's milestones by date (YYYY-MM-DD, local): `reached` once the date is today or past; `phase` the
   * phase it belongs to (null: none named). Always sent by this server; optional for readers of older answers.
   */
  milestones?: MilestoneView[];
  /** The next meeting per body (bodies without one are left out), soonest first; start/end ISO 8601. */
  meetings: { body: string; name: string; occurrence: string; start: string; end: string }[];
  werkgroepen: WerkgroepTile[];
  /** The programme's IANA time zone: meeting times are shown in it. Optional for readers of older answers. */
  timeZone?: string;
}

export interface MilestoneView {
  id: string;
  date: string;
  title: string;
  phase: number | null;
  celebrate: boolean;
  reached: boolean;
}

export interface WerkgroepTile {
  id: string;
  name: string;
  trekker: Named | null;
  /** Open actions; of those overdue and blocked (waiting on an open action or undecided decision). */
  open: number;
  overdue: number;
  blocked: number;
  latestUpdate: { status: string | null; progress: string; submittedAt: string; ageDays: number } | null;
}

// ---- GET /api/werkgroepen/:id ----------------------------------------------------------------------------------

interface PersonInWerkgroep {
  id: string;
  name: string;
  /** The person's home gemeente (its name). */
  gemeente: string;
  /**
   * A person of another gemeente in a werkgroep whose channel has guest access: where their guest invitation to
   * the host tenant stands (as the last sync read it); null for everyone else.
   */
  guest: 'not-invited' | 'invited' | 'accepted' | null;
}

export interface WerkgroepResponse {
  id: string;
  name: string;
  trekker: PersonInWerkgroep;
  members: PersonInWerkgroep[];
  /**
   * Newest first; the update's own fields (status, progress, …) as the bot's card submitted them; `id` is what a
   * proposal made from it sends as `fromUpdate` (updateRef); `proposedAs`: the decision already proposed from it
   * (its origin.ref is this id, withdrawn or not, as the bot's "Al voorgesteld als besluit X"), absent when none.
   */
  updates: (Partial<ProgressUpdate> & {
    id: string;
    period: string;
    submittedAt: string;
    by: string;
    proposedAs?: { id: string; title: string };
  })[];
  /**
   * Programme dependencies: what this werkgroep waits on (a werkgroep, a phase — id its number — or a besluit, with
   * `met`: the phase has ended or the decision is taken), and the werkgroepen that wait on it.
   */
  waitsOn: (Named & { reason: string | null; kind?: 'werkgroep' | 'phase' | 'besluit'; met?: boolean })[];
  waitedOnBy: (Named & { reason: string | null })[];
}

// ---- GET /api/vierks -------------------------------------------------------------------------------------------

export interface IndicatorView {
  id: string;
  name: string;
  unit: string;
  better: 'higher' | 'lower';
  /** Oldest first. */
  measurements: { date: string; value: number; note: string }[];
  trend: Trend;
}

export interface VierKsResponse {
  ks: {
    k: FourK;
    /** How many actions (open or done) serve this K. */
    actions: number;
    indicators: IndicatorView[];
    /** What werkgroepen reported for this K in their updates. */
    successes: { werkgroepName: string; text: string; submittedAt: string }[];
  }[];
}

// ---- Actions: GET /api/acties, PATCH /api/acties/:id, POST /api/acties/:id/blokkades ------------------------------

export interface ActionView {
  id: string;
  werkgroep: string;
  werkgroepName: string;
  title: string;
  due: string | null;
  status: ActionStatus;
  ks: FourK[];
  owners: Named[];
  notes: string;
  /** Due before today and not gereed. */
  overdue: boolean;
  inPlanner: boolean;
  /** What it waits on now (open actions, undecided decisions), with their titles. */
  blockedBy: (BlockRef & { name: string })[];
  /** Merge conflicts with Planner of the last 30 days: both sides changed the field; Planner's value won. */
  conflicts: { field: string; here: unknown; planner: unknown; at: string }[];
  /** The version an edit applies to (sent back as If-Match). */
  version: string;
}

export const ActionsQuery = z.strictObject({
  werkgroep: z.string().optional(),
  /** A person id: only actions they own. */
  mine: z.string().optional(),
  overdue: z.enum(['1', 'true']).optional(),
});
export type ActionsQuery = z.infer<typeof ActionsQuery>;

export interface ActionsResponse {
  actions: ActionView[];
}

/** PATCH /api/acties/:id (header If-Match: the version it applies to; without it, to whatever is current). */
export const ActionPatch = z.strictObject({
  // Planner's task title and notes limits (docs/platform.md#input-limits): refused here with a 400, not by Planner.
  title: z.string().trim().min(1).max(GRAPH_LIMITS.taskTitle).optional(),
  due: DateSchema.nullable().optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  ks: z.array(z.enum(FOUR_KS)).max(4).optional(),
  /** Person ids of the programme. */
  owners: z.array(z.string()).max(20).optional(),
  notes: z.string().max(GRAPH_LIMITS.taskNotes).optional(),
});
export type ActionPatch = z.infer<typeof ActionPatch>;
/** 200: the action as saved. */
export type ActionPatchResponse = ActionView;

export const BlockerInput = z.strictObject({ kind: z.enum(['action', 'decision']), id: z.string().min(1) });
export type BlockerInput = z.infer<typeof BlockerInput>;
/** 201: everything the action now waits on. */
export interface BlockerResponse {
  id: string;
  blockedBy: BlockRef[];
}

// ---- GET /api/wachtrij, GET /api/capaciteit ----------------------------------------------------------------------

export interface WaitsResponse {
  /** Oldest wait first. */
  chains: BlockedChain[];
}

export interface PersonLoadView {
  personId: string;
  name: string;
  openActions: number;
  overdueActions: number;
  werkgroepen: string[];
  /** Hours per week in the programme's meetings (part of loadHours). */
  meetingHours: number;
  loadHours: number;
  hoursPerWeek: number;
  /** loadHours / hoursPerWeek; null when someone with no hours has load (JSON has no Infinity). */
  ratio: number | null;
  overLimit: boolean;
}

export interface CapacityResponse {
  /**
   * `all`: everyone's load (projectleider, regiegroep, the app); `own`: only the caller's, as a person's workload is
   * personal data (AVG; src/app/access.ts load.read).
   */
  scope: 'all' | 'own';
  /** Highest load first. */
  people: PersonLoadView[];
}

// ---- Decisions: GET /api/besluiten, POST /api/besluiten/:id -----------------------------------------------------

/** `version`: what an edit sends in If-Match (src/app/work/proposals.ts). */
export type DecisionView = Decision & {
  werkgroepName: string;
  leadTimes: LeadTimes;
  version: string;
  /**
   * GET /api/besluiten only: ISO 8601, until when the decision's latest move or outcome can be undone (POST
   * /api/besluiten/:id/ongedaan, decision.change); absent when there is nothing to undo.
   */
  undoUntil?: string;
};

export interface DecisionsResponse {
  decisions: DecisionView[];
  /** The programme's decision route, bottom to top: the levels a new proposal may start at (issue 18 §1). */
  route: BodyKind[];
  /** Over `period`: the past year up to today. */
  medians: MedianLeadTimes;
  period: { from: string; to: string };
  /** The last four calendar quarters, oldest first (label 2026-K3). */
  perQuarter: (MedianLeadTimes & { quarter: string })[];
}

/** The next level of its route (or a named higher one), or its outcome; dated today. */
export const DecisionChange = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('next'), level: z.enum(BODY_KINDS).optional() }),
  z.strictObject({ action: z.literal('outcome'), outcome: z.enum(OUTCOME_KINDS) }),
]);
export type DecisionChange = z.infer<typeof DecisionChange>;
/** 200: the decision as saved. */
export type DecisionChangeResponse = DecisionView;

// ---- POST /api/indicatoren/:id/metingen --------------------------------------------------------------------------

/** One value per indicator and day; the same day again corrects it. Not in the future. */
export const MeasurementInput = z.strictObject({
  date: DateSchema,
  value: z.number().finite(),
  note: z.string().trim().max(500).optional(),
});
export type MeasurementInput = z.infer<typeof MeasurementInput>;
/** 201. */
export interface MeasurementResponse {
  indicator: string;
  date: string;
  value: number;
}

// ---- Backlog: GET /api/backlog, PUT /api/backlog/:topic/prioriteit, POST /api/backlog/:topic/actie ----------------

export const BacklogQuery = z.object({ werkgroep: z.string().min(1) });
export type BacklogQuery = z.infer<typeof BacklogQuery>;

export interface BacklogResponse {
  werkgroep: string;
  /** By priority (1 first), unprioritised last; `action`: the id of the action made from it, if any. */
  topics: { id: string; title: string; priority: number | null; action: string | null }[];
}

export const PriorityInput = z.strictObject({ werkgroep: z.string(), priority: z.number().int().min(1).max(99) });
export type PriorityInput = z.infer<typeof PriorityInput>;
export interface PriorityResponse {
  werkgroep: string;
  topic: string;
  priority: number;
}

/** Owners default to the werkgroep's trekker. 201: the new action; 409 exists when the topic has one already. */
export const TopicActionInput = z.strictObject({
  werkgroep: z.string(),
  owners: z.array(z.string()).max(20).optional(),
  due: DateSchema.optional(),
});
export type TopicActionInput = z.infer<typeof TopicActionInput>;
export type TopicActionResponse = ActionView;

// ---- POST /api/bot/ritme (local mode) ----------------------------------------------------------------------------

/** `meeting`: an occurrence key, <cadence id>:<YYYY-MM-DD>. */
export const RhythmInput = z.strictObject({ meeting: z.string().regex(/^[a-z0-9-]+:\d{4}-\d{2}-\d{2}$/) });
export type RhythmInput = z.infer<typeof RhythmInput>;
/** 202: how many messages were planned, and how many of them were queued for sending now. */
export interface RhythmResponse {
  meeting: string;
  planned: number;
  dispatched: number;
}

// ---- GET /api/agenda ----------------------------------------------------------------------------------------------

/**
 * `body`: a regiegroep or projectgroep id (default: the programme's first regiegroep); `date`: the meeting's local
 * date, YYYY-MM-DD (default: the body's next meeting that has not ended). A date without a meeting of that body is 404.
 */
export const AgendaQuery = z.strictObject({
  body: z.string().min(1).optional(),
  date: DateSchema.optional(),
});
export type AgendaQuery = z.infer<typeof AgendaQuery>;

/**
 * The agenda of one meeting (src/domain/agenda/compose.ts). `capacityAlerts` are personal data: like
 * GET /api/capaciteit, only the loads the caller may read (`scope`), with ratio null for Infinity.
 */
export type AgendaResponse = Omit<Agenda, 'capacityAlerts'> & {
  capacityScope: 'all' | 'own';
  capacityAlerts: PersonLoadView[];
} & AgendaItemsView;

// ---- POST /api/agenda/herinneringen -------------------------------------------------------------------------------

/**
 * The one-click nudge: the bot's reminder (the update card, as the rhythm's nudge) sent now to the trekker of every
 * werkgroep without an update for the meeting (`body`, `date` as GET /api/agenda), or of `werkgroep` only.
 */
export const NudgeInput = z.strictObject({
  body: z.string().min(1).optional(),
  date: DateSchema.optional(),
  werkgroep: z.string().min(1).optional(),
});
export type NudgeInput = z.infer<typeof NudgeInput>;
/** 202: whom the reminder went to (queued for sending now), and how many messages were queued. */
export interface NudgeResponse {
  meeting: string;
  nudged: { werkgroep: string; trekker: string }[];
  dispatched: number;
}

// ---- Decisions entered by people (issue 18 §1) -------------------------------------------------------------------

export * from './contract-besluiten.ts';
export * from './contract-vergadering.ts';

// ---- The agenda's items (issue 18 §2) -------------------------------------------------------------------------

export * from './contract-agenda.ts';
export * from './contract-rapport.ts';
export * from './contract-berichten.ts';
