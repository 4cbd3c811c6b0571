// Use case: the reminder rhythm of one meeting sent now, by hand (local mode, development): the projectleider or
// the app itself (rhythm.trigger).
import { decide, type Caller } from './access.ts';
import type { RhythmInput, RhythmResponse } from './contract.ts';
import { fail, ok, refused, type AppDeps, type Result } from './result.ts';

/** Plans and queues the meeting's messages (each still sent once); undefined when the meeting is not in the programme. */
export type RhythmTrigger = (occurrenceKey: string) => Promise<{ planned: number; dispatched: number } | undefined>;

/** Errors: forbidden, not_found (no such meeting). */
export async function triggerRhythm(
  d: Pick<AppDeps, 'programme'>,
  caller: Caller,
  input: RhythmInput,
  trigger: RhythmTrigger,
): Promise<Result<RhythmResponse>> {
  const what = { do: 'rhythm.trigger' } as const;
  const no = refused(decide(d.programme, caller, what), what);
  if (no) return no;
  const r = await trigger(input.meeting);
  if (!r) return fail('not_found', 'api.meetingNotFound', { key: input.meeting });
  return ok({ meeting: input.meeting, planned: r.planned, dispatched: r.dispatched });
}
