// Use case: a measured value of one of the programme's indicators (the four K's), recorded by those who account
// for the programme's results: the projectleider and the regiegroep (indicator.record).
import { decide, type Caller } from '../access.ts';
import type { MeasurementInput, MeasurementResponse } from '../contract.ts';
import { fail, ok, refused, type AppDeps, type Result } from '../result.ts';

/**
 * Records `input` for indicator `id` (one value per day; the same day again corrects it). Errors: forbidden,
 * not_found (no such indicator), bad_input (dated after today).
 */
export async function recordMeasurement(
  d: AppDeps,
  caller: Caller,
  id: string,
  input: MeasurementInput,
): Promise<Result<MeasurementResponse>> {
  const what = { do: 'indicator.record' } as const;
  const no = refused(decide(d.programme, caller, what), what);
  if (no) return no;
  const indicator = d.programme.indicators.find((i) => i.id === id);
  if (!indicator) return fail('not_found', 'api.indicatorNotFound', { id });
  if (input.date > d.today()) return fail('bad_input', 'api.measuredInFuture', { date: input.date });
  const recordedBy = caller.kind === 'person' ? caller.person.id : null;
  await d.store.indicators.record(
    d.programme.programme.id,
    { indicatorId: indicator.id, on: input.date, value: input.value, note: input.note ?? '', recordedBy },
    d.clock.now(),
  );
  return ok({ indicator: indicator.id, date: input.date, value: input.value });
}
