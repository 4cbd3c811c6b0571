// An action's status as Planner shows it in two places: the bucket the task sits in (Te doen · Loopt · Wacht ·
// Gereed) and its progress (`percentComplete`: 0 not started, 1–99 in progress, 100 completed — Planner's app
// offers 0, 50 and 100; https://learn.microsoft.com/en-us/graph/api/resources/plannertask). People change either
// one, so the two can disagree; this module decides what status they mean and what to write so they agree. Pure.
//
// The rule (README "Action lists in Planner"):
// 1. Bucket and progress agree (open ↔ 0, loopt ↔ 1–99, wacht ↔ 0–99, gereed ↔ 100): that status.
// 2. They disagree and only one of them moved away from the status both sides last agreed on: the one that moved
//    wins — the side that changed last. Reopening a completed task (100 → 0) in bucket Gereed gives `open`;
//    dragging a completed task from Gereed to Loopt gives `loopt`.
// 3. Both moved, or the task is new from Planner (nothing agreed yet): a progress that says something (50 or 100)
//    wins; progress 0, which every new task has, defers to the bucket.
// 4. A bucket that is not one of the four says nothing about status: progress decides (the agreed status is kept
//    while progress still fits it).
// On write the two are made to agree: the status's bucket, and a progress that fits it (kept if it already does,
// else 0 / 50 / 0 / 100 for open / loopt / wacht / gereed): moving to Gereed sets 100, reopening moves the bucket back.
import type { ActionStatus } from '../vocabulary.ts';

/** Whether a progress (0–100) fits a status. */
const progressFits = (status: ActionStatus, percent: number): boolean => {
  if (status === 'gereed') return percent >= 100;
  if (status === 'open') return percent <= 0;
  if (status === 'loopt') return percent > 0 && percent < 100;
  return percent < 100;
};

/** The status a progress alone says: 100 gereed, 0 open, anything between loopt. */
const statusOfProgress = (percent: number): ActionStatus =>
  percent >= 100 ? 'gereed' : percent <= 0 ? 'open' : 'loopt';

const CANONICAL_PROGRESS: Record<ActionStatus, number> = { open: 0, loopt: 50, wacht: 0, gereed: 100 };

/**
 * The status a Planner task means. `bucket`: the status of the task's bucket (undefined: a bucket that is not one
 * of the four); `percent`: its percentComplete; `agreed`: the status both sides last agreed on (undefined: none yet).
 */
export const statusFromPlanner = (
  bucket: ActionStatus | undefined,
  percent: number,
  agreed: ActionStatus | undefined,
): ActionStatus => {
  if (bucket === undefined)
    return agreed !== undefined && progressFits(agreed, percent) ? agreed : statusOfProgress(percent);
  if (progressFits(bucket, percent)) return bucket;
  const bucketMoved = agreed === undefined || bucket !== agreed;
  const progressMoved = agreed === undefined || !progressFits(agreed, percent);
  if (progressMoved && !bucketMoved) return statusOfProgress(percent);
  if (bucketMoved && !progressMoved) return bucket;
  return percent > 0 ? statusOfProgress(percent) : bucket;
};

/** The progress to write for a status: the current one if it fits, else 0 / 50 / 0 / 100. */
export const progressFor = (status: ActionStatus, current?: number): number =>
  current !== undefined && progressFits(status, current) ? current : CANONICAL_PROGRESS[status];

/** Whether a task's bucket and progress already show `status` (a bucket outside the four is left where it is). */
export const showsStatus = (status: ActionStatus, bucket: ActionStatus | undefined, percent: number): boolean =>
  (bucket === undefined || bucket === status) && progressFits(status, percent);
