// Read model of the four K's: per K the programme's indicators with their measured values and trend, the successes
// werkgroepen reported for it in their updates, and how many actions serve it.
import { indicatorTrend } from '../../domain/work/indicators.ts';
import { FOUR_KS } from '../../domain/vocabulary.ts';
import type { VierKsResponse } from '../contract.ts';
import type { AppDeps } from '../result.ts';
import { werkgroepName } from '../work/actions.ts';

export async function vierKs(d: AppDeps): Promise<VierKsResponse> {
  const pid = d.programme.programme.id;
  const updates = await d.store.bot.updates(pid);
  const measured = await d.store.indicators.list(pid);
  const actions = await d.store.actions.list(pid);
  return {
    ks: FOUR_KS.map((k) => ({
      k,
      actions: actions.filter((a) => a.fields.ks.includes(k)).length,
      indicators: d.programme.indicators
        .filter((i) => i.k === k)
        .map((i) => {
          const points = measured.filter((m) => m.indicatorId === i.id);
          return {
            id: i.id,
            name: i.name,
            unit: i.unit,
            better: i.better,
            measurements: points.map((m) => ({ date: m.on, value: m.value, note: m.note })),
            trend: indicatorTrend(
              points.map((m) => ({ on: m.on, value: m.value })),
              i.better,
            ),
          };
        }),
      successes: updates.flatMap((u) =>
        ((u.data['ks'] ?? []) as { k: string; note: string }[])
          .filter((x) => x.k === k)
          .map((x) => ({
            werkgroepName: werkgroepName(d, u.werkgroep),
            text: x.note,
            submittedAt: u.submittedAt.toISOString(),
          })),
      ),
    })),
  };
}
