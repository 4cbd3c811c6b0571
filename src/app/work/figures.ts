// The figures the tab and the bot both show, read from the store once per answer: every count of open, overdue and
// blocked actions, and every wait, comes from the domain's one function (src/domain/work/figures.ts).
import { workFigures, type WorkFigures } from '../../domain/work/figures.ts';
import type { AppDeps } from '../result.ts';
import { toDomainAction } from './records.ts';

/** The programme's action figures on `today` (YYYY-MM-DD in the programme's time zone): actions not deleted, all decisions. */
export async function figuresOf(d: Pick<AppDeps, 'store' | 'programme'>, today: string): Promise<WorkFigures> {
  const pid = d.programme.programme.id;
  const actions = (await d.store.actions.list(pid)).map(toDomainAction);
  return workFigures(actions, await d.store.decisions.list(pid), today);
}
