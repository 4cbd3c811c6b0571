// What Microsoft Graph refuses, checked before anything is sent: the documented input limits of every property
// Regiekamer writes from the programme file (team, channels, meetings, Planner plans, buckets and task titles,
// time zones). Each limit and its source is a row in docs/platform.md#input-limits; the local tenant
// (packages/local-tenant) refuses the same values the way Graph does. Like semantics.ts this runs on the raw parsed
// data, so one validate run reports every problem with its line and column.
import type { Params } from '../i18n.ts';
import { windowsZone } from '../time/graph-zone.ts';
import type { Path, SemanticIssue } from './semantics.ts';

/**
 * Graph's input limits in characters (UTF-16 code units, as Graph counts string length) or counts, per property
 * Regiekamer writes. Sources and the values chosen where Microsoft documents none: docs/platform.md#input-limits.
 */
export const GRAPH_LIMITS = {
  /** team (group) displayName. */
  teamName: 256,
  /** team description. */
  teamDescription: 1024,
  /** channel displayName. */
  channelName: 50,
  /** channel description. */
  channelDescription: 1024,
  /** event subject: not documented by Graph; Exchange's subject field, 255. */
  eventSubject: 255,
  /** attendees of one event. */
  eventAttendees: 500,
  /** plannerPlan title. */
  planTitle: 255,
  /** plannerBucket name: not documented; chosen 100 (see the table). */
  bucketName: 100,
  /** plannerTask title. */
  taskTitle: 255,
  /** plannerTaskDetails description: not documented; chosen 32,000 (see the table). */
  taskNotes: 32_000,
} as const;

/** What the description of a channel Regiekamer makes adds to the body's name (see ../sync/desired.ts). */
const CHANNEL_DESCRIPTION_SUFFIX = ' — beheerd door Regiekamer';

/**
 * Names Teams refuses as a whole channel name (compared case-insensitively): the device and SharePoint names of
 * "Limits and specifications for Microsoft Teams" (docs/platform.md#input-limits). 'General' and its Dutch
 * 'Algemeen' are refused in semantics.ts (channel.reserved).
 */
const RESERVED_CHANNEL_WORDS = new Set([
  'forms',
  'con',
  'conin$',
  'conout$',
  'prn',
  'aux',
  'nul',
  ...Array.from({ length: 9 }, (_, i) => `com${i + 1}`),
  ...Array.from({ length: 9 }, (_, i) => `lpt${i + 1}`),
  'desktop.ini',
  '_vti_',
]);

/** Control characters (U+0000–U+001F, U+0080–U+009F), which Teams refuses in a channel name. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u0080-\u009f]/;

/** Why a channel name is refused by Teams beyond its characters: too long, a reserved word, control characters. */
const channelNameProblem = (
  name: string,
):
  | { key: 'limit.tooLong'; params: Params }
  | { key: 'limit.channelWord' | 'limit.control'; params: Params }
  | undefined => {
  if (name.length > GRAPH_LIMITS.channelName)
    return {
      key: 'limit.tooLong',
      params: { what: 'channelName', length: name.length, max: GRAPH_LIMITS.channelName },
    };
  if (RESERVED_CHANNEL_WORDS.has(name.trim().toLowerCase())) return { key: 'limit.channelWord', params: { name } };
  if (CONTROL.test(name)) return { key: 'limit.control', params: { what: 'channelName' } };
  return undefined;
};

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const entries = (root: Obj, key: string): [number, Obj][] =>
  list(root[key]).flatMap((item, i) => (isObj(item) ? [[i, item] as [number, Obj]] : []));

/** Every value of the file that Graph would refuse, with the path it comes from. */
export function checkLimits(data: unknown): SemanticIssue[] {
  if (!isObj(data)) return [];
  const issues: SemanticIssue[] = [];
  const tooLong = (path: Path, value: string | undefined, what: keyof typeof GRAPH_LIMITS, extra = 0) => {
    // Graph stores what the schema's trim leaves; count the same.
    const length = value === undefined ? 0 : value.trim().length + extra;
    const max = GRAPH_LIMITS[what];
    if (length > max) issues.push({ path, key: 'limit.tooLong', params: { what, length, max } });
  };

  const programme = isObj(data.programme) ? data.programme : undefined;
  const team = programme && isObj(programme.team) ? programme.team : undefined;
  tooLong(['programme', 'team', 'name'], str(team?.name), 'teamName');
  tooLong(['programme', 'team', 'description'], str(team?.description), 'teamDescription');
  checkZone(['programme', 'timeZone'], programme?.timeZone, issues);

  for (const [i, b] of entries(data, 'bodies')) {
    const name = str(b.name);
    if (b.kind === 'werkgroep') tooLong(['bodies', i, 'name'], name, 'planTitle');
    if (!isObj(b.channel)) continue;
    const own = str(b.channel.name);
    const channelName = own ?? name;
    const path: Path = own !== undefined ? ['bodies', i, 'channel', 'name'] : ['bodies', i, 'name'];
    const problem = channelName === undefined ? undefined : channelNameProblem(channelName.trim());
    if (problem) issues.push({ path, ...problem });
    tooLong(['bodies', i, 'name'], name, 'channelDescription', CHANNEL_DESCRIPTION_SUFFIX.length);
  }

  checkCadences(data, issues, tooLong);

  list(isObj(data.planner) ? data.planner.buckets : undefined).forEach((b, j) =>
    tooLong(['planner', 'buckets', j], str(b), 'bucketName'),
  );
  // A backlog topic becomes an action, and so a Planner task with the topic as its title.
  for (const [i, b] of entries(data, 'backlog'))
    list(b.topics).forEach((t, j) => {
      if (isObj(t)) tooLong(['backlog', i, 'topics', j, 'title'], str(t.title), 'taskTitle');
    });
  return issues;
}

/**
 * Cadences: the subject, the attendees of each meeting, and the time zone as Graph is sent it. Attendees are counted
 * as cadenceInvitation (../schedule/attendance.ts) invites them: people, and per audience its people and each group
 * address once (a group address is one attendee). Over the limit, the path is the field that adds the most: the
 * cadence's `audience` (everyone), its `audiences` when they push it over, else its `bodies`.
 */
function checkCadences(
  data: Obj,
  issues: SemanticIssue[],
  tooLong: (path: Path, value: string | undefined, what: keyof typeof GRAPH_LIMITS) => void,
): void {
  const bodies = new Map(entries(data, 'bodies').map(([, b]) => [str(b.id), b]));
  const membersOf = (ids: unknown): string[] =>
    list(ids).flatMap((id) => list(bodies.get(str(id))?.members).map(String));
  const people = entries(data, 'people');
  const everyone = people.map(([, p]) => String(p.id));
  const personAddresses = new Set(
    people.flatMap(([, p]) => [str(p.upn), str(p.email)]).flatMap((a) => (a ? [a.toLowerCase()] : [])),
  );
  const audiences = new Map(entries(data, 'audiences').map(([, a]) => [str(a.id), a]));
  for (const [i, c] of entries(data, 'cadences')) {
    tooLong(['cadences', i, 'name'], str(c.name), 'eventSubject');
    checkZone(['cadences', i, 'timeZone'], c.timeZone, issues);
    const own = new Set(c.audience === 'everyone' ? everyone : membersOf(c.bodies));
    const all = new Set(own);
    for (const ref of list(c.audiences)) {
      const a = audiences.get(str(ref));
      if (!a) continue;
      for (const id of a.programme === true ? everyone : membersOf(a.bodies)) all.add(id);
      const addresses = [
        ...list(a.bodies).map((id) => str(bodies.get(str(id))?.address)),
        ...list(a.addresses).map(str),
      ];
      for (const address of addresses)
        if (address && !personAddresses.has(address.toLowerCase())) all.add(`address:${address.toLowerCase()}`);
    }
    if (all.size > GRAPH_LIMITS.eventAttendees) {
      const path: Path =
        c.audience === 'everyone' && own.size > GRAPH_LIMITS.eventAttendees
          ? ['cadences', i, 'audience']
          : own.size > GRAPH_LIMITS.eventAttendees
            ? ['cadences', i, 'bodies']
            : ['cadences', i, 'audiences'];
      issues.push({
        path,
        key: 'limit.attendees',
        params: { count: all.size, max: GRAPH_LIMITS.eventAttendees },
      });
    }
  }
}

/** A time zone Graph can be sent: one CLDR maps to a Windows zone name (schema.ts checks it is an IANA zone). */
function checkZone(path: Path, value: unknown, issues: SemanticIssue[]): void {
  const zone = str(value);
  if (zone === undefined) return;
  let known = true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    known = false;
  }
  // An unknown zone is schema.ts's problem (format.timeZone); only a real zone without a Windows name is ours.
  if (known && windowsZone(zone) === undefined) issues.push({ path, key: 'limit.timeZone', params: { zone } });
}
