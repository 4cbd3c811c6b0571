// The domain's view of what the store keeps of an action: a use case reads stored actions (adapter types, imported
// as types only) and works on domain actions.
import type { StoredAction } from '../../adapters/store/action-records.ts';
import type { Action } from '../../domain/work/model.ts';

/** The domain's view of a stored action (current values, without the Planner bookkeeping). */
export function toDomainAction(a: StoredAction): Action {
  return {
    id: a.id,
    werkgroep: a.werkgroep,
    title: a.fields.title,
    owners: a.fields.owners,
    status: a.fields.status,
    ks: a.fields.ks,
    blockedBy: a.blockedBy,
    createdOn: a.createdOn,
    ...(a.fields.due ? { due: a.fields.due } : {}),
    ...(a.blockedSince ? { blockedSince: a.blockedSince } : {}),
    ...(a.fields.notes ? { notes: a.fields.notes } : {}),
    ...(a.deleted ? { deleted: true } : {}),
  };
}
