// Use case: the agenda of one meeting of a regiegroep or projectgroep (issue 18 §2), read-only, composed from the
// stored updates, actions and decisions (src/domain/agenda/compose.ts). The capacity alerts are personal data: a
// caller gets only the loads the access module lets them read (load.read), as with GET /api/capaciteit.
import { agendaBodies, composeAgenda, findMeeting } from '../domain/agenda/compose.ts';
import type { UpdateRecord } from '../domain/bot/update.ts';
import { isRealDate } from '../domain/programme/schema.ts';
import { decide, may, type Caller } from './access.ts';
import type { AgendaQuery, AgendaResponse } from './contract.ts';
import { badInput, fail, ok, refused, type AppDeps, type Result } from './result.ts';
import { currentActions } from './work/actions.ts';

/**
 * The agenda of `query.body` (default: the first regiegroep) on `query.date` (default: its next meeting not yet
 * ended at the clock's now). Errors: forbidden (programme.read), bad_input (a date that is not YYYY-MM-DD),
 * not_found (not a regiegroep or projectgroep; no meeting of it on that date, or no coming one).
 */
export async function agendaOf(d: AppDeps, caller: Caller, query: AgendaQuery): Promise<Result<AgendaResponse>> {
  const what = { do: 'programme.read' } as const;
  const no = refused(decide(d.programme, caller, what), what);
  if (no) return no;
  if (query.date !== undefined && !isRealDate(query.date)) return badInput(`date: ${query.date}`);
  const bodies = agendaBodies(d.programme);
  const id = query.body ?? bodies.find((b) => b.kind === 'regiegroep')?.id ?? '';
  const body = bodies.find((b) => b.id === id);
  if (!body) return fail('not_found', 'agenda.bodyNotFound', { id, bodies: bodies.map((b) => b.id).join(', ') });
  const found = findMeeting(d.programme, body.id, { date: query.date, now: d.clock.now() });
  if (!found)
    return query.date === undefined
      ? fail('not_found', 'agenda.noNextMeeting', { body: body.name })
      : fail('not_found', 'agenda.noMeetingOn', { body: body.name, date: query.date });
  const pid = d.programme.programme.id;
  const updates = (await d.store.bot.updates(pid)).map((u): UpdateRecord => ({
    ...(u.data as unknown as Omit<UpdateRecord, 'submittedBy' | 'submittedAt'>),
    werkgroep: u.werkgroep,
    period: u.period,
    submittedBy: u.submittedBy,
    submittedAt: u.submittedAt.toISOString(),
  }));
  const agenda = composeAgenda({
    programme: d.programme,
    body,
    meeting: found.meeting,
    previous: found.previous,
    updates,
    actions: await currentActions(d),
    decisions: await d.store.decisions.list(pid),
    today: d.today(),
  });
  const mayLoad = (person: string) => may(d.programme, caller, { do: 'load.read', person });
  const everyone = d.programme.people.every((p) => mayLoad(p.id));
  return ok({
    ...agenda,
    capacityScope: everyone ? 'all' : 'own',
    capacityAlerts: agenda.capacityAlerts
      .filter((l) => mayLoad(l.personId))
      .map((l) => ({ ...l, ratio: Number.isFinite(l.ratio) ? l.ratio : null })),
  });
}
