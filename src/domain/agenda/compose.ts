// The agenda of one meeting of a regiegroep or projectgroep, composed from the data: per werkgroep its update in full
// or "no update yet", the decisions waiting at this body's level with their days waiting, the blocked chains and the
// overdue actions of the body's werkgroepen, the capacity alerts of its people, and who has not sent an update.
// Pure: the occurrences come from the cadences (src/domain/schedule, holidays applied), the rest from what is given.
import { DateTime } from 'luxon';
import { meetingOccurrences, type MeetingOccurrence } from '../bot/rhythm.ts';
import type { UpdateRecord } from '../bot/update.ts';
import type { Body, Programme, Werkgroep } from '../programme/schema.ts';
import { capacity, type PersonLoad } from '../work/capacity.ts';
import { blockedChains, type BlockedChain } from '../work/dependencies.ts';
import { currentLevel, isOverdue } from '../work/figures.ts';
import { daysBetween, type Action, type Decision } from '../work/model.ts';

/** The kinds of body that get an agenda per meeting. */
const AGENDA_KINDS = ['regiegroep', 'projectgroep'] as const;
type AgendaBody = Extract<Body, { kind: (typeof AGENDA_KINDS)[number] }>;

/** One occurrence of a body's meetings; `date` is its local date (YYYY-MM-DD, programme time zone). */
interface AgendaMeeting {
  key: string;
  cadenceId: string;
  date: string;
  /** ISO 8601 instants. */
  start: string;
  end: string;
}

interface AgendaWerkgroep {
  id: string;
  name: string;
  trekker: { id: string; name: string };
  /** The werkgroep's latest update for this meeting, every field; null: no update yet. */
  update: UpdateRecord | null;
}

interface AgendaDecision {
  id: string;
  title: string;
  proposal: string;
  werkgroep: string;
  werkgroepName: string;
  /** YYYY-MM-DD the decision reached this body's level. */
  since: string;
  /** Calendar days (local dates) from `since` to the agenda's `asOf`. */
  daysWaiting: number;
  /** Action ids that wait on it. */
  blocks: string[];
}

interface AgendaOverdueAction {
  id: string;
  title: string;
  werkgroep: string;
  owners: string[];
  /** YYYY-MM-DD. */
  due: string;
  /** Calendar days from `due` to `asOf`. */
  daysOverdue: number;
}

export interface Agenda {
  body: { id: string; name: string; kind: AgendaBody['kind'] };
  meeting: AgendaMeeting;
  /** YYYY-MM-DD (local): the day the waits, overdue actions and loads are measured — today. */
  asOf: string;
  /** ISO instant after which an update counts for this meeting (the previous meeting's start); null for the first. */
  updatesSince: string | null;
  werkgroepen: AgendaWerkgroep[];
  /** Who has not sent an update for this meeting: the trekker per werkgroep without one. */
  missingUpdates: { werkgroep: string; werkgroepName: string; trekker: string; trekkerName: string }[];
  /** Undecided decisions at this body's level (for a projectgroep: of its werkgroepen), longest waiting first. */
  decisions: AgendaDecision[];
  /** The open chains of waits that touch one of the body's werkgroepen, oldest wait first. */
  blockedChains: BlockedChain[];
  /** Open actions of the body's werkgroepen past their due date, most overdue first. */
  overdueActions: AgendaOverdueAction[];
  /** People of the body and its werkgroepen over their hours (meetings included), highest ratio first. */
  capacityAlerts: PersonLoad[];
}

/** The bodies that get an agenda: the regiegroepen and projectgroepen of the programme, in file order. */
export function agendaBodies(programme: Programme): AgendaBody[] {
  return programme.bodies.filter((b): b is AgendaBody => (AGENDA_KINDS as readonly string[]).includes(b.kind));
}

/** The werkgroepen a body accounts for: all of them for a regiegroep, its own for a projectgroep. */
function werkgroepenOfBody(programme: Programme, body: AgendaBody): Werkgroep[] {
  return programme.bodies.filter(
    (b): b is Werkgroep => b.kind === 'werkgroep' && (body.kind === 'regiegroep' || b.projectgroep === body.id),
  );
}

const localDate = (programme: Programme, at: Date): string =>
  DateTime.fromJSDate(at, { zone: programme.programme.timeZone }).toISODate() ?? '';

/**
 * The body's meeting on local date `date` (YYYY-MM-DD), or without a date the next one that has not ended at `now`;
 * with the meeting before it. Occurrences come from the cadences with holidays applied (skipped ones do not exist,
 * moved ones are on their new date). Undefined when there is none.
 */
export function findMeeting(
  programme: Programme,
  bodyId: string,
  at: { date?: string | undefined; now: Date },
): { meeting: MeetingOccurrence; previous?: MeetingOccurrence } | undefined {
  const mine = meetingOccurrences(programme).filter((m) => m.bodyIds.includes(bodyId) && !m.cancelled);
  const i =
    at.date === undefined
      ? mine.findIndex((m) => m.end > at.now)
      : mine.findIndex((m) => localDate(programme, m.start) === at.date);
  const meeting = mine[i];
  if (!meeting) return undefined;
  const previous = i > 0 ? mine[i - 1] : undefined;
  return previous ? { meeting, previous } : { meeting };
}

/**
 * The update that counts for `meeting`: one filed for this very meeting (its period is the meeting's key, as the
 * bot files them for the reminder body's meetings) wins; an update filed for another meeting of this body never
 * counts; any other (e.g. filed for the regiegroep, read at a projectgroep) counts when submitted after the previous
 * meeting's start and up to this one's start. The latest submitted wins.
 */
function updateFor(
  updates: readonly UpdateRecord[],
  meeting: MeetingOccurrence,
  previous: MeetingOccurrence | undefined,
  ownKeys: ReadonlySet<string>,
): UpdateRecord | null {
  const counts = (u: UpdateRecord) => {
    if (u.period === meeting.key) return true;
    if (ownKeys.has(u.period)) return false;
    const at = new Date(u.submittedAt).getTime();
    return at <= meeting.start.getTime() && (!previous || at > previous.start.getTime());
  };
  const latest = updates
    .filter(counts)
    .sort(
      (a, b) =>
        Number(b.period === meeting.key) - Number(a.period === meeting.key) ||
        b.submittedAt.localeCompare(a.submittedAt),
    );
  return latest[0] ?? null;
}

export interface AgendaInput {
  programme: Programme;
  body: AgendaBody;
  meeting: MeetingOccurrence;
  previous?: MeetingOccurrence | undefined;
  /** Every stored update of the programme (any werkgroep, any period). */
  updates: readonly UpdateRecord[];
  actions: readonly Action[];
  decisions: readonly Decision[];
  /** YYYY-MM-DD, local. */
  today: string;
}

/** Chains with an item of one of `ids` (a werkgroep itself, or an action or decision of it). */
function chainsOf(input: AgendaInput, ids: ReadonlySet<string>): BlockedChain[] {
  const actionWg = new Map(input.actions.map((a) => [a.id, a.werkgroep]));
  const decisionWg = new Map(input.decisions.map((d) => [d.id, d.werkgroep]));
  const touches = (item: BlockedChain['items'][number]) =>
    ids.has(
      item.kind === 'werkgroep'
        ? item.id
        : ((item.kind === 'action' ? actionWg.get(item.id) : decisionWg.get(item.id)) ?? ''),
    );
  return blockedChains(input.programme, input.actions, input.decisions, input.today).filter((c) =>
    c.items.some(touches),
  );
}

/** The decisions at the body's level, with their days waiting up to `today`. */
function waitingDecisions(input: AgendaInput, ids: ReadonlySet<string>, name: (id: string) => string) {
  return input.decisions
    .flatMap((d): AgendaDecision[] => {
      const at = currentLevel(d, input.today);
      if (!at || at.level !== input.body.kind) return [];
      if (input.body.kind === 'projectgroep' && !ids.has(d.werkgroep)) return [];
      const since = d.steps.at(-1)?.reachedOn ?? input.today;
      const { id, title, proposal, werkgroep, blocks } = d;
      return [{ id, title, proposal, werkgroep, werkgroepName: name(werkgroep), since, daysWaiting: at.days, blocks }];
    })
    .sort((a, b) => b.daysWaiting - a.daysWaiting || a.id.localeCompare(b.id));
}

/**
 * The agenda of `meeting` of `body`. Throws WorkError for a malformed `today` or data the work domain refuses
 * (a decision off its route, a cycle of waits), as the decision log and the wait chains do.
 */
export function composeAgenda(input: AgendaInput): Agenda {
  const { programme, body, meeting, previous, today } = input;
  const werkgroepen = werkgroepenOfBody(programme, body);
  const ids = new Set(werkgroepen.map((w) => w.id));
  const personName = (id: string) => programme.people.find((p) => p.id === id)?.name ?? id;
  const wgName = (id: string) => programme.bodies.find((b) => b.id === id)?.name ?? id;
  const ownKeys = new Set(
    meetingOccurrences(programme)
      .filter((m) => m.bodyIds.includes(body.id))
      .map((m) => m.key),
  );
  const rows = werkgroepen.map((w): AgendaWerkgroep => ({
    id: w.id,
    name: w.name,
    trekker: { id: w.trekker, name: personName(w.trekker) },
    update: updateFor(
      input.updates.filter((u) => u.werkgroep === w.id),
      meeting,
      previous,
      ownKeys,
    ),
  }));
  const people = new Set([
    ...body.members,
    ...(body.kind === 'regiegroep' ? (body.chair ? [body.chair] : []) : [body.lead]),
    ...werkgroepen.flatMap((w) => [w.trekker, ...w.members]),
  ]);
  return {
    body: { id: body.id, name: body.name, kind: body.kind },
    meeting: {
      key: meeting.key,
      cadenceId: meeting.cadenceId,
      date: localDate(programme, meeting.start),
      start: meeting.start.toISOString(),
      end: meeting.end.toISOString(),
    },
    asOf: today,
    updatesSince: previous ? previous.start.toISOString() : null,
    werkgroepen: rows,
    missingUpdates: rows
      .filter((r) => r.update === null)
      .map((r) => ({ werkgroep: r.id, werkgroepName: r.name, trekker: r.trekker.id, trekkerName: r.trekker.name })),
    decisions: waitingDecisions(input, ids, wgName),
    blockedChains: chainsOf(input, ids),
    overdueActions: input.actions
      .filter((a) => ids.has(a.werkgroep) && isOverdue(a, today))
      .map((a) => ({
        id: a.id,
        title: a.title,
        werkgroep: a.werkgroep,
        owners: a.owners,
        due: a.due ?? today,
        daysOverdue: daysBetween(a.due ?? today, today),
      }))
      .sort((a, b) => b.daysOverdue - a.daysOverdue || a.id.localeCompare(b.id)),
    capacityAlerts: capacity(programme, input.actions, today).filter((l) => l.overLimit && people.has(l.personId)),
  };
}
