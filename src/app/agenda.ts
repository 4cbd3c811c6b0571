// Use case: the agenda of one meeting of a regiegroep or projectgroep (issue 18 §2), read-only, composed from the
// stored updates, actions and decisions (src/domain/agenda/compose.ts). The capacity alerts are personal data: a
// caller gets only the loads the access module lets them read (load.read), as with GET /api/capaciteit.
import { agendaBodies, composeAgenda, findMeeting } from '../domain/agenda/compose.ts';
import { agendaItems, NO_EDITS } from '../domain/agenda/items.ts';
import { DateTime } from 'luxon';
import { meetingOccurrences } from '../domain/bot/rhythm.ts';
import type { UpdateRecord } from '../domain/bot/update.ts';
import type { Programme } from '../domain/programme/schema.ts';
import { isRealDate } from '../domain/programme/schema.ts';
import { decide, may, type Caller } from './access.ts';
import type { AgendaQuery, AgendaResponse, NudgeInput, NudgeResponse } from './contract.ts';
import { badInput, fail, ok, refused, type AppDeps, type Result } from './result.ts';
import { currentActions } from './work/actions.ts';

/** The local dates of `bodyId`'s meetings (holidays applied), from 3 before `date` to 6 after it. */
function meetingDatesAround(programme: Programme, bodyId: string, date: string): string[] {
  const tz = programme.programme.timeZone;
  const dates = meetingOccurrences(programme)
    .filter((m) => m.bodyIds.includes(bodyId) && !m.cancelled)
    .map((m) => DateTime.fromJSDate(m.start, { zone: tz }).toISODate() ?? '');
  const i = dates.indexOf(date);
  return dates.slice(Math.max(0, i - 3), i + 7);
}

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
  // The projectleider's order, added and removed items (src/domain/agenda/items.ts), stored per meeting.
  const edited = await d.store.agendaEdits.get(pid, { body: body.id, date: agenda.meeting.date });
  return ok({
    ...agenda,
    items: agendaItems(agenda, edited.edits ?? NO_EDITS),
    version: edited.version,
    mayEdit: may(d.programme, caller, { do: 'agenda.edit' }),
    bodies: bodies.map((b) => ({ id: b.id, name: b.name, kind: b.kind })),
    meetingDates: meetingDatesAround(d.programme, body.id, agenda.meeting.date),
    capacityScope: everyone ? 'all' : 'own',
    capacityAlerts: agenda.capacityAlerts
      .filter((l) => mayLoad(l.personId))
      .map((l) => ({ ...l, ratio: Number.isFinite(l.ratio) ? l.ratio : null })),
  });
}

/**
 * Queues the bot's nudge (kind `nudge`, the update card) to each werkgroep's trekker for the meeting `occurrenceKey`
 * now, each as a new delivery of its own; returns how many messages were handed to the queue.
 */
export type Nudger = (occurrenceKey: string, werkgroepen: { werkgroep: string; trekker: string }[]) => Promise<number>;

/**
 * The one-click nudge of the agenda's "no update yet" list: the projectleider (or the app; rhythm.trigger, the
 * reminders by hand) sends the bot's reminder now to the trekkers of the werkgroepen without an update, or of
 * `input.werkgroep` only. Errors: forbidden, as agendaOf, and not_possible for a werkgroep that has sent its update
 * or is not on the agenda.
 */
export async function nudgeMissing(
  d: AppDeps,
  caller: Caller,
  input: NudgeInput,
  nudge: Nudger,
): Promise<Result<NudgeResponse>> {
  const what = { do: 'rhythm.trigger' } as const;
  const no = refused(decide(d.programme, caller, what), what);
  if (no) return no;
  const agenda = await agendaOf(d, caller, { body: input.body, date: input.date });
  if (!agenda.ok) return agenda;
  const missing = agenda.value.missingUpdates.filter((m) => !input.werkgroep || m.werkgroep === input.werkgroep);
  if (input.werkgroep && missing.length === 0)
    return fail('not_possible', 'agenda.nudgeNotMissing', {
      werkgroep: input.werkgroep,
      body: agenda.value.body.name,
      date: agenda.value.meeting.date,
    });
  const nudged = missing.map((m) => ({ werkgroep: m.werkgroep, trekker: m.trekker }));
  const dispatched = nudged.length > 0 ? await nudge(agenda.value.meeting.key, nudged) : 0;
  return ok({ meeting: agenda.value.meeting.key, nudged, dispatched });
}
