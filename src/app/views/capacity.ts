// Read model of the load per person: open and overdue actions and werkgroepen against the hours each has.
import { capacity } from '../../domain/work/capacity.ts';
import type { CapacityResponse } from '../contract.ts';
import type { AppDeps } from '../result.ts';
import { currentActions } from '../work/actions.ts';

/** Highest load first; a ratio without available hours (Infinity) is null, as JSON has no Infinity. */
export async function capacityOf(d: AppDeps): Promise<CapacityResponse> {
  const people = capacity(d.programme, await currentActions(d), d.today());
  return { people: people.map((p) => ({ ...p, ratio: Number.isFinite(p.ratio) ? p.ratio : null })) };
}
