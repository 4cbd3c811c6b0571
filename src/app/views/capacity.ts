// Read model of the load per person: open and overdue actions and werkgroepen against the hours each has. A
// person's load is personal data (AVG): each caller gets the people the access module lets them see (load.read).
import { capacity } from '../../domain/work/capacity.ts';
import { may, type Caller } from '../access.ts';
import type { CapacityResponse } from '../contract.ts';
import type { AppDeps } from '../result.ts';
import { currentActions } from '../work/actions.ts';

/**
 * Highest load first; a ratio without available hours (Infinity) is null, as JSON has no Infinity. Only the people
 * whose load `caller` may read: everyone for the projectleider, the regiegroep and the app (`scope: 'all'`), a
 * person's own otherwise (`scope: 'own'`).
 */
export async function capacityOf(d: AppDeps, caller: Caller): Promise<CapacityResponse> {
  const all = capacity(d.programme, await currentActions(d), d.today());
  const everyone = d.programme.people.every((p) => may(d.programme, caller, { do: 'load.read', person: p.id }));
  const people = all.filter((p) => may(d.programme, caller, { do: 'load.read', person: p.personId }));
  return {
    scope: everyone ? 'all' : 'own',
    people: people.map((p) => ({ ...p, ratio: Number.isFinite(p.ratio) ? p.ratio : null })),
  };
}
