// Use cases of the meeting app and the besluitenlijst (issue 18 §3, §4). In a meeting of a regiegroep or projectgroep
// (body id + local date, as its agenda) the chair records per agenda item: the outcome of a waiting decision, a new
// decision, a new action with an owner and a due date (which goes to Planner like any action). Records are appended,
// never overwritten, so two people recording at once lose nothing. Closing the meeting composes the besluitenlijst
// (src/domain/meeting/besluitenlijst.ts), keeps it with the meeting and queues its card to the body's channel in the
// bot's delivery ledger in the same transaction (a durable job, not fire-and-forget); a closed meeting takes no
// more records and does not close twice.
import { randomUUID } from 'node:crypto';
import type { StoredAction } from '../adapters/store/action-records.ts';
import { composeBesluitenlijst, type MeetingRecord, type MeetingRecordData } from '../domain/meeting/besluitenlijst.ts';
import { normalise } from '../domain/planner/merge.ts';
import { decide, type Caller, type Permission } from './access.ts';
import { agendaOf } from './agenda.ts';
import type {
  AgendaResponse,
  BesluitenlijstenResponse,
  MeetingCloseResponse,
  MeetingRecordInput,
  MeetingRecordResponse,
  MeetingRef,
  MeetingResponse,
} from './contract.ts';
import { fail, ok, refused, type AppDeps, type Result } from './result.ts';
import type { WorkDeps } from './work/actions.ts';
import { closeProposal, proposeDecision } from './work/proposals.ts';

/** The delivery kind of the besluitenlijst card in the bot's ledger (composed by src/app/bot/delivery.ts). */
const BESLUITENLIJST_KIND = 'besluitenlijst';

const byOf = (caller: Caller): string => (caller.kind === 'person' ? caller.person.id : 'app');

/** The meeting `ref` addresses, from its agenda; errors as agendaOf (forbidden, bad_input, not_found). */
const agendaFor = (d: AppDeps, caller: Caller, ref: MeetingRef) => agendaOf(d, caller, ref);

const paramsOf = (agenda: AgendaResponse) => ({ body: agenda.body.name, date: agenda.meeting.date });

/**
 * The day a decision taken in the meeting is dated: the meeting's date once it has come (its lead time ends on the
 * day the body decided, also when the minutes are typed the day after), else today (never a date to come).
 */
const decidedOn = (d: AppDeps, date: string): string => (date <= d.today() ? date : d.today());

/** The meeting: its state and records, and its besluitenlijst once closed. Errors: as agendaOf. */
export async function meetingView(d: AppDeps, caller: Caller, ref: MeetingRef): Promise<Result<MeetingResponse>> {
  const agenda = await agendaFor(d, caller, ref);
  if (!agenda.ok) return agenda;
  const pid = d.programme.programme.id;
  const { body, meeting } = agenda.value;
  const stored = await d.store.meetings.get(pid, body.id, meeting.date);
  return ok({
    body: { id: body.id, name: body.name },
    date: meeting.date,
    key: meeting.key,
    state: stored?.state ?? 'open',
    records: stored ? await d.store.meetings.records(pid, body.id, meeting.date) : [],
    closedAt: stored?.closedAt?.toISOString() ?? null,
    besluitenlijst: stored?.besluitenlijst ?? null,
  });
}

/** What recording one kind did before its record is appended: the record's data, or a refusal. */
type Effect = Result<MeetingRecordData>;

/** The outcome of a decision waiting at this body, through the same use case as POST /api/besluiten/:id/uitkomst. */
async function recordOutcome(
  d: WorkDeps,
  caller: Caller,
  agenda: AgendaResponse,
  input: Extract<MeetingRecordInput, { kind: 'outcome' }>,
  version: string | undefined,
  records: readonly MeetingRecord[],
): Promise<Effect> {
  if (input.item !== `besluit:${input.decision}`)
    return fail('bad_input', 'vergadering.itemNotDecision', { id: input.decision, item: input.item });
  // Not waiting here (any more): refused, unless it was given its outcome in this meeting — then the decision's own
  // rules answer (a stale version is 409 changed, an outcome twice is refused), as POST /api/besluiten/:id/uitkomst.
  const recordedHere = records.some((r) => r.kind === 'outcome' && r.decisionId === input.decision);
  if (!recordedHere && !agenda.decisions.some((x) => x.id === input.decision))
    return fail('not_possible', 'vergadering.notOnAgenda', { item: input.item, ...paramsOf(agenda) });
  // Never before it reached this body (a meeting's minutes typed in later, for a decision put to it since).
  const since = agenda.decisions.find((x) => x.id === input.decision)?.since ?? '';
  const meetingDay = decidedOn(d, agenda.meeting.date);
  const on = since > meetingDay ? since : meetingDay;
  const closed = await closeProposal({ ...d, today: () => on }, caller, input.decision, input, version);
  if (!closed.ok) return closed;
  return ok({ kind: 'outcome', decisionId: closed.value.id, title: closed.value.title, outcome: input.outcome });
}

/** A new decision at this body's level, taken at once when an outcome is given (then its lead time is 0 days). */
async function recordDecision(
  d: WorkDeps,
  caller: Caller,
  agenda: AgendaResponse,
  input: Extract<MeetingRecordInput, { kind: 'decision' }>,
): Promise<Effect> {
  const on = decidedOn(d, agenda.meeting.date);
  const dOn = { ...d, today: () => on };
  const proposed = await proposeDecision(dOn, caller, {
    title: input.title,
    proposal: input.proposal,
    werkgroep: input.werkgroep,
    level: agenda.body.kind,
  });
  if (!proposed.ok) return proposed;
  const x = proposed.value;
  if (input.outcome) {
    const closed = await closeProposal(dOn, caller, x.id, { outcome: input.outcome }, x.version);
    if (!closed.ok) return closed;
  }
  return ok({
    kind: 'decision',
    decisionId: x.id,
    title: x.title,
    ...(input.outcome ? { outcome: input.outcome } : {}),
  });
}

/**
 * A new action of a werkgroep with one owner and a due date, made in the meeting (origin: the meeting): stored like
 * any action without a Planner task, so the next Planner sync (asked for at once through `changed`) creates its task.
 */
async function recordAction(
  d: WorkDeps,
  agenda: AgendaResponse,
  input: Extract<MeetingRecordInput, { kind: 'action' }>,
): Promise<Effect> {
  const wg = d.programme.bodies.find((b) => b.kind === 'werkgroep' && b.id === input.werkgroep);
  if (!wg) return fail('bad_input', 'api.unknownWerkgroep', { id: input.werkgroep });
  const owner = d.programme.people.find((p) => p.id === input.owner);
  if (!owner) return fail('bad_input', 'vergadering.unknownOwner', { owner: input.owner });
  const action: StoredAction = {
    // A random id: two actions made at once can never take each other's id (the store's save overwrites by id).
    id: `vg-${randomUUID().slice(0, 8)}`,
    werkgroep: wg.id,
    fields: normalise({ title: input.title, due: input.due, status: 'open', ks: [], owners: [input.owner], notes: '' }),
    base: null,
    blockedBy: [],
    origin: { kind: 'meeting', ref: `${agenda.body.id}:${agenda.meeting.date}` },
    createdOn: d.today(),
    deleted: false,
    taskId: null,
    taskEtag: null,
    detailsEtag: null,
  };
  await d.store.actions.save(d.programme.programme.id, action, d.clock.now());
  d.changed();
  return ok({
    kind: 'action',
    actionId: action.id,
    title: input.title,
    werkgroep: wg.id,
    owner: owner.id,
    ownerName: owner.name,
    due: input.due,
  });
}

/**
 * The items the meeting works through: the agenda's items (src/domain/agenda/items.ts) in the projectleider's order,
 * without the ones the projectleider removed (they are not discussed, so nothing is recorded or carried over there).
 */
const meetingItems = (agenda: AgendaResponse) => agenda.items.filter((i) => !i.removed);

/** Whether `item` can be recorded at: on the agenda (not removed), or already recorded at in this meeting. */
const knownItem = (agenda: AgendaResponse, records: readonly MeetingRecord[], item: string): boolean =>
  meetingItems(agenda).some((i) => i.id === item) || records.some((r) => r.item === item);

/**
 * Records at an agenda item of the meeting `ref` (201): an outcome (`version`: the decision's, If-Match), a new
 * decision or a new action. Errors: forbidden (meeting.record of the body; for decisions also the decision rules),
 * not_found (no such meeting), bad_input (unknown item, werkgroep or owner), not_possible (the meeting is closed; the
 * decision does not wait here), version_required / changed (the decision's version), as the decision use cases.
 */
export async function recordInMeeting(
  d: WorkDeps,
  caller: Caller,
  ref: MeetingRef,
  input: MeetingRecordInput,
  version?: string,
): Promise<Result<MeetingRecordResponse>> {
  const agendaResult = await agendaFor(d, caller, ref);
  if (!agendaResult.ok) return agendaResult;
  const agenda = agendaResult.value;
  const what: Permission = { do: 'meeting.record', body: agenda.body.id };
  const no = refused(decide(d.programme, caller, what), what);
  if (no) return no;
  const pid = d.programme.programme.id;
  const { id: bodyId } = agenda.body;
  const date = agenda.meeting.date;
  if ((await d.store.meetings.get(pid, bodyId, date))?.state === 'closed')
    return fail('not_possible', 'vergadering.closed', paramsOf(agenda));
  const records = await d.store.meetings.records(pid, bodyId, date);
  if (!knownItem(agenda, records, input.item))
    return fail('bad_input', 'vergadering.notOnAgenda', { item: input.item, ...paramsOf(agenda) });
  const effect =
    input.kind === 'outcome'
      ? await recordOutcome(d, caller, agenda, input, version, records)
      : input.kind === 'decision'
        ? await recordDecision(d, caller, agenda, input)
        : await recordAction(d, agenda, input);
  if (!effect.ok) return effect;
  const appended = await d.store.meetings.append(pid, bodyId, date, {
    ...effect.value,
    item: input.item,
    by: byOf(caller),
    at: d.clock.now(),
  });
  // Closed between the check and now: what was done stays done (the decision, the action), but is not on the list.
  if (!appended)
    return fail('not_possible', 'vergadering.closedWhileRecording', { ...paramsOf(agenda), title: effect.value.title });
  return ok(appended);
}

/** Queues the deliveries that are due now (the besluitenlijst's card) to the bot's delivery jobs. */
export type DeliverNow = () => Promise<unknown>;

/**
 * Closes the meeting `ref`: composes its besluitenlijst from the agenda and the records, keeps it, and queues its card
 * to the body's channel (kind BESLUITENLIJST_KIND, due now) in one transaction; then hands it to the delivery jobs at
 * once (`deliverNow`; else the bot's rhythm dispatches it on its next run). Errors: forbidden (meeting.close of the
 * body), not_found (no such meeting), not_possible (already closed; records kept arriving while composing).
 */
export async function closeMeeting(
  d: AppDeps,
  caller: Caller,
  ref: MeetingRef,
  deliverNow?: DeliverNow,
): Promise<Result<MeetingCloseResponse>> {
  const agendaResult = await agendaFor(d, caller, ref);
  if (!agendaResult.ok) return agendaResult;
  const agenda = agendaResult.value;
  const what: Permission = { do: 'meeting.close', body: agenda.body.id };
  const no = refused(decide(d.programme, caller, what), what);
  if (no) return no;
  const pid = d.programme.programme.id;
  const body = { id: agenda.body.id, name: agenda.body.name };
  const date = agenda.meeting.date;
  const nameOf = (id: string) =>
    d.programme.people.find((x) => x.id === id)?.name ?? d.programme.bodies.find((b) => b.id === id)?.name ?? id;
  const delivery = `${BESLUITENLIJST_KIND}|${agenda.meeting.key}|channel:${body.id}`;
  for (let attempt = 0; attempt < 3; attempt++) {
    const records = await d.store.meetings.records(pid, body.id, date);
    const list = composeBesluitenlijst({ body, date, items: meetingItems(agenda), records, nameOf });
    const outcome = await d.store.meetings.close(pid, body.id, date, {
      lastSeq: records.at(-1)?.seq ?? 0,
      at: d.clock.now(),
      by: byOf(caller),
      besluitenlijst: list,
      delivery: {
        key: delivery,
        kind: BESLUITENLIJST_KIND,
        occurrenceKey: agenda.meeting.key,
        recipient: `channel:${body.id}`,
        payload: { besluitenlijst: list },
      },
    });
    if (outcome === 'already-closed') return fail('not_possible', 'vergadering.alreadyClosed', paramsOf(agenda));
    if (outcome === 'closed') {
      await deliverNow?.();
      return ok({ besluitenlijst: list, delivery });
    }
  }
  return fail('not_possible', 'vergadering.busy', paramsOf(agenda));
}

/** The closed meetings of the programme with their besluitenlijst, latest first (programme.read, by the route). */
export async function besluitenlijsten(d: AppDeps): Promise<BesluitenlijstenResponse> {
  const closed = await d.store.meetings.closed(d.programme.programme.id);
  return {
    meetings: closed.flatMap((m) =>
      m.besluitenlijst && m.closedAt
        ? [
            {
              body: m.besluitenlijst.body,
              date: m.date,
              closedAt: m.closedAt.toISOString(),
              besluitenlijst: m.besluitenlijst,
            },
          ]
        : [],
    ),
  };
}
