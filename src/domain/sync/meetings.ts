// The meetings part of plan(): series and single meetings, their holiday exceptions, and the programme's
// meetings the file no longer has. Pure: no I/O, time is a parameter.
import type { DesiredMeeting, DesiredPerson, DesiredState } from './desired.ts';
import type { ActualMeeting, ActualState, PlanOptions, Push, Reason } from './plan.ts';
import { windowsZone } from '../time/graph-zone.ts';
import { meetingIdentity, planSingleMeetings } from './single-meetings.ts';

const lower = (s: string) => s.toLowerCase();
/** The zone name Graph takes for the file's IANA zone (validate refuses a zone without one; kept as is then). */
const graphZone = (iana: string): string => windowsZone(iana) ?? iana;

/** The Graph event of a desired meeting (a series starting at `fromDate` when given). */
export function meetingEvent(d: DesiredState, m: DesiredMeeting, fromDate?: string): Record<string, unknown> {
  const start = fromDate ? `${fromDate}${m.start.slice(10)}` : m.start;
  const end = fromDate ? `${fromDate}${m.end.slice(10)}` : m.end;
  // Graph is sent the Windows zone name (docs/platform.md#input-limits); the file and DesiredMeeting keep IANA.
  const timeZone = graphZone(m.timeZone);
  const range = m.recurrence?.['range'] as Record<string, unknown> | undefined;
  const recurrence = m.recurrence
    ? {
        ...m.recurrence,
        range: { ...range, ...(fromDate ? { startDate: fromDate } : {}), recurrenceTimeZone: timeZone },
      }
    : undefined;
  return {
    subject: m.subject,
    body: { contentType: 'html', content: m.bodyHtml },
    start: { dateTime: start, timeZone },
    end: { dateTime: end, timeZone },
    ...(recurrence ? { recurrence } : {}),
    attendees: [
      ...m.attendees
        .map((id) => d.people[id])
        .filter((p): p is DesiredPerson => p !== undefined)
        .map((p) => ({ emailAddress: { address: p.email, name: p.name }, type: 'required' })),
      // An audience's group is invited by its address, as optional: it informs, it does not make a quorum.
      ...m.addresses.map((a) => ({ emailAddress: { address: a.address, name: a.name }, type: 'optional' })),
    ],
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    allowNewTimeProposals: false,
    transactionId: m.transactionId,
  };
}

/**
 * Why a meeting is created: a recurring or a single Teams meeting from `from` (YYYY-MM-DD); for one that invites groups
 * by address (a cadence's audiences, issue 16 §4) the addresses are named, so the plan shows who else gets it.
 */
export function createReason(m: DesiredMeeting, from: string): Reason {
  const kind = m.recurrence ? 'series' : 'single';
  return m.addresses.length === 0
    ? { key: `sync.reason.${kind}`, params: { from } }
    : { key: `bijeenkomst.reason.${kind}`, params: { from, addresses: m.addresses.map((a) => a.address).join(', ') } };
}

/**
 * Whether the attendee addresses read back from the calendar (`actual`, any case) are exactly those of the desired
 * meeting: its people's addresses and its audiences' addresses, compared case-insensitively as a set.
 */
export function sameAttendees(d: DesiredState, m: DesiredMeeting, actual: readonly string[]): boolean {
  const want = [...m.attendees.map((id) => d.people[id]?.email ?? ''), ...m.addresses.map((a) => a.address)];
  const norm = (xs: readonly string[]) => JSON.stringify([...new Set(xs.map(lower))].sort());
  return norm(actual) === norm(want);
}

/** Meetings: series and single ones, their holiday exceptions, and the programme's meetings the file no longer has. */
export function planMeetings(d: DesiredState, a: ActualState, options: PlanOptions, push: Push): void {
  // --- Meetings --------------------------------------------------------------------------------------------
  const byTxn = new Map(a.meetings.map((m) => [m.transactionId, m]));
  const wantedTxns = new Set(d.meetings.map((m) => m.transactionId));
  for (const m of d.meetings) {
    // Single meetings are matched by their day, not by the cadence's timing (see single-meetings.ts).
    if (!m.recurrence) continue;
    const actual = byTxn.get(m.transactionId);
    if (!planMeeting(d, a, m, actual, wantedTxns, options, push)) continue;
    // Holiday exceptions of a series, future ones only.
    if (m.recurrence) planExceptions(m, actual, options, push);
  }
  planStaleMeetings(d, a, wantedTxns, options, push);
  planSingleMeetings(d, a, options, push);
}

/** One desired meeting created or updated; false when it is passed over (and so are its exceptions). */
function planMeeting(
  d: DesiredState,
  a: ActualState,
  m: DesiredMeeting,
  actual: ActualMeeting | undefined,
  wantedTxns: Set<string>,
  options: PlanOptions,
  push: Push,
): boolean {
  const group = m.cadenceId;
  const when = m.start.slice(0, 10);
  if (!actual) {
    // A single meeting in the past is history: not made afterwards.
    if (!m.recurrence && when <= options.today) return false;
    // A changed series starts anew after today; the old one is ended below (past occurrences stay as they were).
    const replacing = a.meetings.find(
      (x) =>
        x.transactionId.startsWith(`rk-${d.programmeId}-${m.cadenceId}-`) &&
        !wantedTxns.has(x.transactionId) &&
        m.recurrence,
    );
    const from =
      replacing && m.recurrence && m.start.slice(0, 10) <= options.today ? nextRuleDate(m, options.today) : undefined;
    if (m.recurrence && replacing && m.start.slice(0, 10) <= options.today && !from) return false;
    push({
      id: `${m.key}:create`,
      kind: 'meeting',
      action: 'create',
      group,
      target: `${m.subject}${m.recurrence ? '' : ` (${when})`}`,
      reason: createReason(m, from ?? when),
      apply: { op: 'createMeeting', meetingKey: m.key, event: meetingEvent(d, m, from) },
    });
  } else {
    const patch: Record<string, unknown> = {};
    if (actual.subject !== m.subject) patch['subject'] = m.subject;
    if (actual.bodyHtml !== m.bodyHtml) patch['body'] = { contentType: 'html', content: m.bodyHtml };
    if (!sameAttendees(d, m, actual.attendees)) patch['attendees'] = meetingEvent(d, m)['attendees'];
    if (Object.keys(patch).length > 0) {
      push({
        id: `${m.key}:update`,
        kind: 'meeting',
        action: 'update',
        group,
        target: m.subject,
        reason: { key: 'sync.reason.differs', params: { what: Object.keys(patch).join(', ') } },
        apply: { op: 'updateMeeting', eventId: actual.id, patch },
      });
    }
  }
  return true;
}

/** A series' holiday exceptions after today: occurrences to cancel or move. */
function planExceptions(m: DesiredMeeting, actual: ActualMeeting | undefined, options: PlanOptions, push: Push): void {
  const group = m.cadenceId;
  const live = new Map((actual?.instances ?? []).map((i) => [i.originalDate, i]));
  for (const x of m.exceptions) {
    if (x.originalDate <= options.today) continue;
    if (actual && actual.instances.length > 0 && x.originalDate > (actual.endDate ?? '9999')) continue;
    const inst = live.get(x.originalDate);
    if (x.action === 'cancel') {
      if (actual && !inst) continue;
      push({
        id: `${m.key}:${x.originalDate}:cancel`,
        kind: 'occurrence',
        action: 'cancel',
        group,
        target: `${m.subject} ${x.originalDate}`,
        reason: x.collidesWith
          ? { key: 'sync.reason.collides', params: { date: x.collidesWith } }
          : { key: 'sync.reason.holidaySkip', params: { holiday: x.holiday } },
        apply: {
          op: 'cancelOccurrence',
          meetingKey: m.key,
          originalDate: x.originalDate,
          comment: x.collidesWith ? `Vervalt: er is al een vergadering op ${x.collidesWith}` : `Vervalt: ${x.holiday}`,
        },
      });
    } else {
      if (actual && (!inst || inst.start === x.start)) continue;
      push({
        id: `${m.key}:${x.originalDate}:move`,
        kind: 'occurrence',
        action: 'move',
        group,
        target: `${m.subject} ${x.originalDate}`,
        reason: {
          key: 'sync.reason.holidayMove',
          params: { holiday: x.holiday, to: (x.start ?? '').slice(0, 10) },
        },
        apply: {
          op: 'moveOccurrence',
          meetingKey: m.key,
          originalDate: x.originalDate,
          start: x.start ?? '',
          end: x.end ?? '',
          timeZone: graphZone(m.timeZone),
        },
      });
    }
  }
}

/**
 * Meetings of this programme the file no longer has (or whose timing changed): end a series after today,
 * keep the past. A changed rhythm is an update the file asks for; a meeting the file no longer has is drift,
 * ended or removed only with --prune.
 */
function planStaleMeetings(
  d: DesiredState,
  a: ActualState,
  wantedTxns: Set<string>,
  options: PlanOptions,
  push: Push,
): void {
  for (const x of a.meetings) {
    if (wantedTxns.has(x.transactionId) || meetingIdentity(d.programmeId, x.transactionId)?.date) continue;
    const cadenceId = x.transactionId
      .slice(`rk-${d.programmeId}-`.length)
      .replace(/-[0-9a-f]{12}$/, '')
      .replace(/-\d{4}-\d{2}-\d{2}$/, '');
    const stillWanted = d.meetings.some((m) => m.cadenceId === cadenceId);
    if (x.endDate !== undefined) {
      if (x.endDate <= options.today) continue;
      const hasPast = x.instances.some((i) => i.originalDate <= options.today);
      if (hasPast) {
        push({
          id: `meeting:${x.id}:end`,
          kind: 'meeting',
          action: 'end',
          group: cadenceId,
          target: x.subject,
          destructive: !stillWanted,
          drift: !stillWanted,
          reason: {
            key: stillWanted ? 'sync.reason.timingChanged' : 'sync.reason.notInFile',
            params: { until: options.today },
          },
          apply: {
            op: 'endSeries',
            eventId: x.id,
            recurrence: {
              ...x.recurrence,
              range: { ...(x.recurrence?.['range'] as Record<string, unknown> | undefined), endDate: options.today },
            },
          },
        });
        continue;
      }
    } else if ((x.instances[0]?.originalDate ?? '9999') <= options.today) {
      continue;
    }
    push({
      id: `meeting:${x.id}:remove`,
      kind: 'meeting',
      action: 'remove',
      group: cadenceId,
      target: x.subject,
      destructive: !stillWanted,
      drift: !stillWanted,
      reason: {
        key: stillWanted ? 'sync.reason.timingChanged' : 'sync.reason.notInFile',
        params: { until: options.today },
      },
      apply: { op: 'removeMeeting', eventId: x.id },
    });
  }
}

/** The first rule date of a series after `today` (the new series of a changed cadence starts there). */
function nextRuleDate(m: DesiredMeeting, today: string): string | undefined {
  return m.ruleDates.find((d) => d > today);
}
