// Reads what the monthly report is made of from the store (issue 16 §2): the programme's updates, current actions,
// decisions and indicator measurements. The month's selection is the domain's (src/domain/report/compose.ts): it
// needs earlier data too (trends, lead times that began before the month).
import type { Store } from '../../adapters/store/store.ts';
import type { UpdateRecord } from '../../domain/bot/update.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import type { ReportInput } from '../../domain/report/compose.ts';
import { toDomainAction } from '../work/records.ts';

/** The store's records of `programme` that a report reads; throws only on a store failure. */
export async function gatherReportData(
  store: Pick<Store, 'bot' | 'actions' | 'decisions' | 'indicators'>,
  programme: Programme,
): Promise<Pick<ReportInput, 'updates' | 'actions' | 'decisions' | 'measurements'>> {
  const pid = programme.programme.id;
  const [updates, actions, decisions, measurements] = await Promise.all([
    store.bot.updates(pid),
    store.actions.list(pid),
    store.decisions.list(pid),
    store.indicators.list(pid),
  ]);
  return {
    updates: updates.map((u): UpdateRecord => ({
      ...(u.data as unknown as Omit<UpdateRecord, 'submittedBy' | 'submittedAt'>),
      werkgroep: u.werkgroep,
      period: u.period,
      submittedBy: u.submittedBy,
      submittedAt: u.submittedAt.toISOString(),
    })),
    actions: actions.map(toDomainAction),
    decisions,
    measurements: measurements.map((m) => ({ indicatorId: m.indicatorId, on: m.on, value: m.value })),
  };
}
