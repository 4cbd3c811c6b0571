// The domain's fixed word lists, each written once: an action's status, the four K's, a decision's outcomes. The
// values are the programme's own Dutch terms (they appear in Planner, the programme file and the API as they are).
// No imports, so the tab's browser bundle can read them without pulling in anything else.

/** An action's status, in the order of its flow (Planner's buckets Te doen · Loopt · Wacht op besluit · Gereed). */
export const ACTION_STATUSES = ['open', 'loopt', 'wacht', 'gereed'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The four K's a programme's results are measured by (Planner categories 1–4, in this order). */
export const FOUR_KS = ['kwaliteit', 'kwetsbaarheid', 'kosten', 'kansen'] as const;
export type FourK = (typeof FOUR_KS)[number];

/** How a decision's route can end; only besloten and afgewezen count as decided (see domain/work/model.ts). */
export const OUTCOME_KINDS = ['besloten', 'afgewezen', 'aangehouden', 'teruggestuurd'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
