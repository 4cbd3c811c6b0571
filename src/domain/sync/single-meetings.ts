// The single meetings of `dates` cadences: each date is its own Teams meeting, known by its cadence and the day it
// takes place (not by the cadence's other dates). Adding, removing or moving one date touches that one meeting
// only; the others keep their invitations and their chat. Pure: no I/O, time is a parameter.
import { createHash } from 'node:crypto';
import type { DesiredMeeting, DesiredState } from './desired.ts';
import { createReason, meetingEvent, sameAttendees } from './meetings.ts';
import type { ActualMeeting, ActualState, PlanOptions, Push } from './plan.ts';

/**
 * What a Regiekamer transactionId names: `rk-{programme}-{cadence}-{fingerprint}` for a series,
 * `rk-{programme}-{cadence}-{YYYY-MM-DD}-{fingerprint}` for a single meeting (then `date` is the file's date).
 * Undefined for an event that is not this programme's.
 */
export function meetingIdentity(programmeId: string, txn: string): { cadenceId: string; date?: string } | undefined {
  const prefix = `rk-${programmeId}-`;
  if (!txn.startsWith(prefix)) return undefined;
  const rest = txn.slice(prefix.length).replace(/-[0-9a-f]{12}$/, '');
  const m = /^(.+)-(\d{4}-\d{2}-\d{2})$/.exec(rest);
  return m?.[1] && m[2] ? { cadenceId: m[1], date: m[2] } : { cadenceId: rest };
}

/** The local day a single meeting takes place (YYYY-MM-DD). */
const dayOf = (x: ActualMeeting): string => (x.instances[0]?.start || x.instances[0]?.originalDate || '').slice(0, 10);

/**
 * Plans every single meeting: matched by cadence and day; a meeting whose date the file moved is moved (one
 * update), a new date is one new meeting, a date no longer in the file is one removal. Existing meetings made
 * before this matching (their transactionId fingerprinted every date of the cadence) are matched the same way,
 * so they are kept as they are. The past is never touched.
 */
export function planSingleMeetings(d: DesiredState, a: ActualState, options: PlanOptions, push: Push): void {
  const wanted = new Map<string, DesiredMeeting[]>();
  for (const m of d.meetings) if (!m.recurrence) wanted.set(m.cadenceId, [...(wanted.get(m.cadenceId) ?? []), m]);
  const present = new Map<string, ActualMeeting[]>();
  for (const x of a.meetings) {
    const id = meetingIdentity(d.programmeId, x.transactionId);
    if (id?.date) present.set(id.cadenceId, [...(present.get(id.cadenceId) ?? []), x]);
  }
  const cadences = new Set(d.cadenceIds);
  for (const cadenceId of new Set([...wanted.keys(), ...present.keys()])) {
    planCadence(d, wanted.get(cadenceId) ?? [], present.get(cadenceId) ?? [], cadences.has(cadenceId), options, push);
  }
}

/** One cadence's single meetings: match by day, then moves, new dates and dates no longer in the file. */
function planCadence(
  d: DesiredState,
  wanted: DesiredMeeting[],
  present: ActualMeeting[],
  cadenceInFile: boolean,
  options: PlanOptions,
  push: Push,
): void {
  const future = (day: string) => day > options.today;
  const used = new Set<ActualMeeting>();
  const unmatched: DesiredMeeting[] = [];
  for (const m of [...wanted].sort((p, q) => p.start.localeCompare(q.start))) {
    const day = m.start.slice(0, 10);
    const onDay = present.filter((x) => !used.has(x) && dayOf(x) === day);
    // Two on one day (made before collisions were refused): keep the one the file names for that day.
    const match =
      onDay.find((x) => x.transactionId === m.transactionId) ??
      onDay.find((x) => meetingIdentity(d.programmeId, x.transactionId)?.date === day) ??
      onDay[0];
    if (!match) {
      unmatched.push(m);
      continue;
    }
    used.add(match);
    if (future(day)) planUpdate(d, m, match, push);
  }
  const matchedDays = new Set([...used].map(dayOf));
  const gone = present.filter((x) => !used.has(x) && future(dayOf(x)) && !matchedDays.has(dayOf(x)));
  const added = unmatched.filter((m) => future(m.start.slice(0, 10)));
  // A date changed in the file: the meeting moves (attendees get an update, the chat stays).
  const moves = Math.min(gone.length, added.length);
  for (let i = 0; i < moves; i++) planMove(d, added[i] as DesiredMeeting, gone[i] as ActualMeeting, push);
  for (const m of added.slice(moves)) {
    const when = m.start.slice(0, 10);
    const transactionId = freeTransactionId(m.transactionId, present);
    push({
      id: `${m.key}:create`,
      kind: 'meeting',
      action: 'create',
      group: m.cadenceId,
      target: `${m.subject} (${when})`,
      reason: createReason(m, when),
      apply: { op: 'createMeeting', meetingKey: m.key, event: meetingEvent(d, { ...m, transactionId }) },
    });
  }
  const duplicates = present.filter((x) => !used.has(x) && future(dayOf(x)) && matchedDays.has(dayOf(x)));
  for (const x of [...gone.slice(moves), ...duplicates]) {
    const day = dayOf(x);
    const duplicate = matchedDays.has(day);
    push({
      id: `meeting:${x.id}:remove`,
      kind: 'meeting',
      action: 'remove',
      group: meetingIdentity(d.programmeId, x.transactionId)?.cadenceId ?? '',
      target: `${x.subject} (${day})`,
      destructive: !cadenceInFile,
      drift: !cadenceInFile,
      reason: !cadenceInFile
        ? { key: 'sync.reason.notInFile', params: {} }
        : { key: duplicate ? 'sync.reason.singleTwice' : 'sync.reason.singleRemoved', params: { date: day } },
      apply: { op: 'removeMeeting', eventId: x.id },
    });
  }
}

/**
 * A transactionId no meeting of the cadence has: a moved meeting keeps the one it was made with (it can't be changed
 * after the create, and the service uses it to answer a repeated create with the event it already made:
 * https://learn.microsoft.com/en-us/graph/api/resources/event, property transactionId), so a new meeting on that old
 * date gets another fingerprint. Deterministic, so a retried create is still recognised.
 */
function freeTransactionId(txn: string, present: ActualMeeting[]): string {
  const taken = new Set(present.map((x) => x.transactionId));
  let free = txn;
  for (let n = 1; taken.has(free); n++)
    free = txn.replace(/[0-9a-f]{12}$/, createHash('sha256').update(`${txn}#${n}`).digest('hex').slice(0, 12));
  return free;
}

/** What differs between a single meeting in the file and the one in the calendar (subject, body, attendees, time). */
function differences(d: DesiredState, m: DesiredMeeting, x: ActualMeeting): Record<string, unknown> {
  const event = meetingEvent(d, m);
  const patch: Record<string, unknown> = {};
  if (x.subject !== m.subject) patch['subject'] = m.subject;
  if (x.bodyHtml !== m.bodyHtml) patch['body'] = event['body'];
  if (!sameAttendees(d, m, x.attendees)) patch['attendees'] = event['attendees'];
  const start = x.instances[0]?.start;
  if ((start !== undefined && start !== m.start) || (x.end !== undefined && x.end !== m.end)) {
    patch['start'] = event['start'];
    patch['end'] = event['end'];
  }
  return patch;
}

function planUpdate(d: DesiredState, m: DesiredMeeting, x: ActualMeeting, push: Push): void {
  const patch = differences(d, m, x);
  if (Object.keys(patch).length === 0) return;
  push({
    id: `${m.key}:update`,
    kind: 'meeting',
    action: 'update',
    group: m.cadenceId,
    target: `${m.subject} (${m.start.slice(0, 10)})`,
    reason: { key: 'sync.reason.differs', params: { what: Object.keys(patch).join(', ') } },
    apply: { op: 'updateMeeting', eventId: x.id, patch },
  });
}

function planMove(d: DesiredState, m: DesiredMeeting, x: ActualMeeting, push: Push): void {
  const event = meetingEvent(d, m);
  const patch = { ...differences(d, m, x), start: event['start'], end: event['end'] };
  const from = dayOf(x);
  const to = m.start.slice(0, 10);
  push({
    id: `${m.key}:move`,
    kind: 'meeting',
    action: 'move',
    group: m.cadenceId,
    target: `${m.subject} (${from})`,
    reason: { key: 'sync.reason.singleMoved', params: { from, to } },
    apply: { op: 'updateMeeting', eventId: x.id, patch },
  });
}
