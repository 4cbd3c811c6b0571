// Three-way merge of an action between the store (edits through Regiekamer) and its Planner task (edits by
// people in Planner), field by field against the state both last agreed on. A field changed on one side takes
// that side; the same field changed on both sides to different values: Planner wins and the conflict is
// returned, so nothing is lost without a record. Pure.
import { FOUR_KS, type ActionStatus, type FourK } from '../vocabulary.ts';

// The lists themselves live in ../vocabulary.ts; the short names stay for the Planner adapter that imports them here.
export { FOUR_KS as KS, type ActionStatus, type FourK as K };

/** The fields of an action that live in Planner too. */
export interface ActionFields {
  title: string;
  /** YYYY-MM-DD or null. */
  due: string | null;
  status: ActionStatus;
  /** Sorted. */
  ks: FourK[];
  /** Person ids, sorted. */
  owners: string[];
  notes: string;
}

const FIELD_NAMES = ['title', 'due', 'status', 'ks', 'owners', 'notes'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

interface FieldConflict {
  field: FieldName;
  ours: unknown;
  theirs: unknown;
}

export interface MergeResult {
  merged: ActionFields;
  /** Fields where the merged value differs from Planner's: to be written to Planner. */
  toPlanner: FieldName[];
  /** Fields where the merged value differs from the store's: to be saved. */
  toStore: FieldName[];
  conflicts: FieldConflict[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function normalise(f: ActionFields): ActionFields {
  return {
    ...f,
    ks: [...new Set(f.ks)].sort(),
    owners: [...new Set(f.owners)].sort(),
    notes: f.notes.replace(/\r\n/g, '\n'),
  };
}

/** base: what both last agreed on (undefined: never synced — then the store's values count as the base's). */
export function mergeAction(base: ActionFields | undefined, store: ActionFields, planner: ActionFields): MergeResult {
  const b = normalise(base ?? store);
  const ours = normalise(store);
  const theirs = normalise(planner);
  const merged = { ...theirs } as Record<FieldName, unknown>;
  const conflicts: FieldConflict[] = [];
  for (const field of FIELD_NAMES) {
    const changedHere = !same(ours[field], b[field]);
    const changedThere = !same(theirs[field], b[field]);
    if (changedHere && !changedThere) merged[field] = ours[field];
    else if (changedHere && changedThere && !same(ours[field], theirs[field]))
      conflicts.push({ field, ours: ours[field], theirs: theirs[field] });
  }
  const result = merged as unknown as ActionFields;
  return {
    merged: result,
    toPlanner: FIELD_NAMES.filter((f) => !same(result[f], theirs[f])),
    toStore: FIELD_NAMES.filter((f) => !same(result[f], ours[f])),
    conflicts,
  };
}
