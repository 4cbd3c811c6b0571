// Cross-reference checks that need the whole programme: ids, references, membership, cycles, dates.
// They run on the raw parsed data (not only on a schema-valid programme), so one run reports every problem.
import type { MessageKey, Params } from '../i18n.ts';
import { isRealDate } from './schema.ts';
import { checkCommunication } from './semantics-communication.ts';

export type Path = readonly (string | number)[];
export interface SemanticIssue {
  path: Path;
  key: MessageKey;
  params?: Params;
  /** Path of another place the message refers to (e.g. the first of two duplicate ids). */
  relatedPath?: Path;
}

type Obj = Record<string, unknown>;
/** Reports one issue (see SemanticIssue). */
type Add = (path: Path, key: MessageKey, params?: Params, relatedPath?: Path) => void;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const entries = (root: Obj, key: string): [number, Obj][] =>
  list(root[key]).flatMap((item, i) => (isObj(item) ? [[i, item] as [number, Obj]] : []));

function minutesOf(time: string): number | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** Characters Teams refuses in a channel name. */
const CHANNEL_FORBIDDEN = ['~', '#', '%', '&', '*', '{', '}', '+', '/', '\\', ':', '<', '>', '?', '|', "'", '"'];

export function checkSemantics(data: unknown): SemanticIssue[] {
  if (!isObj(data)) return [];
  const issues: SemanticIssue[] = [];
  const add = (path: Path, key: MessageKey, params?: Params, relatedPath?: Path) =>
    issues.push({ path, key, ...(params ? { params } : {}), ...(relatedPath ? { relatedPath } : {}) });

  // Ids, unique per collection.
  const index = (collection: string, path: (i: number) => Path = (i) => [collection, i]) => {
    const seen = new Map<string, Path>();
    for (const [i, item] of entries(data, collection)) {
      const id = str(item.id);
      if (id === undefined) continue;
      const first = seen.get(id);
      if (first) add([...path(i), 'id'], 'dup.id', { id }, [...first, 'id']);
      else seen.set(id, path(i));
    }
    return seen;
  };
  const gemeenten = index('gemeenten');
  const people = index('people');
  const bodies = index('bodies');
  index('cadences');
  const vakgebieden = index('vakgebieden');
  index('indicators');

  // Homes: a person's gemeente or organisatie (an organisatie with a tenant is a tenant like a gemeente's).
  // A gemeente wins over an organisatie with the same id (that id is refused as a duplicate).
  const homeById = new Map(
    [...entries(data, 'organisaties'), ...entries(data, 'gemeenten')].map(([, g]) => [str(g.id), g]),
  );
  const personById = new Map(entries(data, 'people').map(([, p]) => [str(p.id), p]));
  const bodyById = new Map(entries(data, 'bodies').map(([, b]) => [str(b.id), b]));

  const refPerson = (path: Path, value: unknown) => {
    const id = str(value);
    if (id !== undefined && !people.has(id)) add(path, 'ref.person', { id });
  };
  const refGemeente = (path: Path, value: unknown) => {
    const id = str(value);
    if (id !== undefined && !gemeenten.has(id)) add(path, 'ref.gemeente', { id });
  };

  // Host: exactly one.
  const hosts = entries(data, 'gemeenten').filter(([, g]) => g.host === true);
  if (Array.isArray(data.gemeenten) && data.gemeenten.length > 0) {
    if (hosts.length === 0) add(['gemeenten'], 'host.none');
    if (hosts.length > 1) {
      const ids = hosts.map(([, g]) => str(g.id) ?? '?').join(', ');
      for (const [i] of hosts.slice(1)) add(['gemeenten', i, 'host'], 'host.many', { ids });
    }
  }
  const hostId = hosts.length === 1 ? str(hosts[0]?.[1].id) : undefined;

  // People: their home gemeente must be in the programme.
  for (const [i, p] of entries(data, 'people')) {
    const g = str(p.gemeente);
    if (g !== undefined && !gemeenten.has(g)) add(['people', i, 'gemeente'], 'ref.homeGemeente', { id: g });
  }

  // Team owners: known people, working in the host tenant.
  const programme = isObj(data.programme) ? data.programme : undefined;
  const team = programme && isObj(programme.team) ? programme.team : undefined;
  list(team?.owners).forEach((owner, i) => {
    const path = ['programme', 'team', 'owners', i];
    const id = str(owner);
    if (id === undefined) return;
    const person = personById.get(id);
    if (!people.has(id)) add(path, 'ref.person', { id });
    else if (hostId && person && str(person.gemeente) !== hostId) add(path, 'owner.notHost', { id, host: hostId });
  });

  // Bodies: members, leads, werkgroep links, channels.
  for (const [i, b] of entries(data, 'bodies')) {
    const base: Path = ['bodies', i];
    const members = list(b.members);
    members.forEach((m, j) => refPerson([...base, 'members', j], m));
    for (const key of ['chair', 'lead', 'trekker'] as const) refPerson([...base, key], b[key]);
    if (b.kind === 'werkgroep') {
      const pg = str(b.projectgroep);
      if (pg !== undefined) {
        const parent = bodyById.get(pg);
        if (!bodies.has(pg)) add([...base, 'projectgroep'], 'ref.body', { id: pg });
        else if (parent && parent.kind !== 'projectgroep')
          add([...base, 'projectgroep'], 'ref.projectgroep', { id: pg });
      }
      const vg = str(b.vakgebied);
      if (vg !== undefined && !vakgebieden.has(vg)) add([...base, 'vakgebied'], 'ref.vakgebied', { id: vg });
      refGemeente([...base, 'gastheer'], b.gastheer);
      const trekker = str(b.trekker);
      if (trekker !== undefined && people.has(trekker) && !members.includes(trekker)) {
        add([...base, 'trekker'], 'trekker.notMember', { id: trekker });
      }
    }
    const channel = isObj(b.channel) ? b.channel : undefined;
    if (channel && hostId) {
      const kind = str(channel.kind);
      const access = str(channel.externalAccess) ?? 'direct-connect';
      members.forEach((m, j) => {
        const person = personById.get(str(m));
        const home = str(person?.gemeente) ?? str(person?.organisatie);
        if (!person || home === undefined || home === hostId || !homeById.has(home)) return;
        const path = [...base, 'members', j];
        if (kind === 'shared' && access === 'direct-connect' && str(homeById.get(home)?.tenantId) === undefined) {
          if (person.gemeente === undefined)
            add(path, 'shared.noTenantOrganisatie', { person: str(m), organisatie: home });
          else add(path, 'shared.noTenant', { person: str(m), gemeente: home });
        }
        if ((kind === 'private' || kind === 'standard') && access === 'direct-connect') {
          add(path, 'channel.crossTenant', { person: str(m), gemeente: home, kind });
        }
      });
    }
  }

  checkCadences(data, add, bodies);

  checkReminders(data, add, bodyById);

  checkPhasesAndBacklog(data, add, vakgebieden);

  checkDependencies(data, add, bodyById);

  checkChannelNames(data, add);

  checkSharedGuests(data, add);

  checkCommunication(data, add);

  return issues;
}

/** Cadences: known bodies, dates in order, times within the day. */
function checkCadences(data: Obj, add: Add, bodies: Map<string, Path>): void {
  // Cadences: known bodies, dates in order, times within the day.
  for (const [i, c] of entries(data, 'cadences')) {
    const base: Path = ['cadences', i];
    list(c.bodies).forEach((b, j) => {
      const id = str(b);
      if (id !== undefined && !bodies.has(id)) add([...base, 'bodies', j], 'ref.body', { id });
    });
    const from = str(c.from);
    const until = str(c.until);
    const datesOk = from !== undefined && until !== undefined && isRealDate(from) && isRealDate(until);
    if (datesOk && until < from) add([...base, 'until'], 'cadence.endsBeforeStart', { from, until });
    const start = str(c.start);
    const startMin = start === undefined ? undefined : minutesOf(start);
    const duration = c.durationMinutes;
    if (
      startMin !== undefined &&
      typeof duration === 'number' &&
      duration >= 15 &&
      duration <= 480 &&
      startMin + duration > 24 * 60
    ) {
      add([...base, 'durationMinutes'], 'cadence.pastMidnight', { start, minutes: duration });
    }
    const rule = isObj(c.rule) ? c.rule : undefined;
    if (rule?.type === 'dates' && datesOk && from <= until) {
      list(rule.dates).forEach((d, j) => {
        const date = str(d);
        if (date !== undefined && isRealDate(date) && (date < from || date > until)) {
          add([...base, 'rule', 'dates', j], 'cadence.dateOutside', { date, from, until });
        }
      });
    }
  }
}

/** Reminder policy: ask before nudge before compile; quiet hours meaningful; a body to remind for. */
function checkReminders(data: Obj, add: Add, bodyById: Map<string | undefined, Obj>): void {
  // Reminder policy: ask before nudge before compile; quiet hours meaningful; a body to remind for.
  const reminders = isObj(data.reminders) ? data.reminders : undefined;
  if (reminders) {
    const ask = reminders.askDaysBefore ?? 7;
    const nudge = reminders.nudgeDaysBefore ?? 2;
    const compile = reminders.compileDaysBefore ?? 1;
    if (
      typeof ask === 'number' &&
      typeof nudge === 'number' &&
      typeof compile === 'number' &&
      !(ask > nudge && nudge > compile)
    ) {
      add(['reminders'], 'reminders.order', { ask, nudge, compile });
    }
    const quiet = isObj(reminders.quietHours) ? reminders.quietHours : undefined;
    if (quiet && typeof quiet.from === 'string' && quiet.from === quiet.to)
      add(['reminders', 'quietHours'], 'quiet.same');
    const kind = str(reminders.bodyKind) ?? 'regiegroep';
    if (bodyById.size > 0 && ![...bodyById.values()].some((b) => b.kind === kind)) {
      add(['reminders', ...(reminders.bodyKind === undefined ? [] : ['bodyKind'])], 'reminders.noBody', { kind });
    }
  }
}

/** Phases end after they start; backlog per known vakgebied, topic ids unique per vakgebied. */
function checkPhasesAndBacklog(data: Obj, add: Add, vakgebieden: Map<string, Path>): void {
  // Phases: end after start.
  for (const [i, p] of entries(data, 'phases')) {
    const start = str(p.start);
    const end = str(p.end);
    if (start && end && isRealDate(start) && isRealDate(end) && end < start)
      add(['phases', i, 'end'], 'phase.endsBeforeStart', { start, end });
  }

  // Backlog per known vakgebied; topic ids unique per vakgebied.
  for (const [i, b] of entries(data, 'backlog')) {
    const vg = str(b.vakgebied);
    if (vg !== undefined && !vakgebieden.has(vg)) add(['backlog', i, 'vakgebied'], 'ref.vakgebied', { id: vg });
    const seen = new Map<string, Path>();
    list(b.topics).forEach((topic, j) => {
      const id = isObj(topic) ? str(topic.id) : undefined;
      if (id === undefined) return;
      const first = seen.get(id);
      if (first) add(['backlog', i, 'topics', j, 'id'], 'dup.id', { id }, first);
      else seen.set(id, ['backlog', i, 'topics', j, 'id']);
    });
  }
}

/** Dependencies between werkgroepen: known, not self, no cycle. */
function checkDependencies(data: Obj, add: Add, bodyById: Map<string | undefined, Obj>): void {
  // Dependencies between werkgroepen: known, not self, no cycle.
  const isWerkgroep = (id: string) => bodyById.get(id)?.kind === 'werkgroep';
  const edges = new Map<string, { to: string; path: Path }[]>();
  for (const [i, d] of entries(data, 'dependencies')) {
    const from = str(d.werkgroep);
    if (from !== undefined && !isWerkgroep(from)) add(['dependencies', i, 'werkgroep'], 'ref.werkgroep', { id: from });
    list(d.waitsOn).forEach((w, j) => {
      const to = str(w);
      const path: Path = ['dependencies', i, 'waitsOn', j];
      if (to === undefined) return;
      if (!isWerkgroep(to)) add(path, 'ref.werkgroep', { id: to });
      else if (to === from) add(path, 'dep.self', { id: to });
      else if (from !== undefined && isWerkgroep(from)) edges.set(from, [...(edges.get(from) ?? []), { to, path }]);
    });
  }
  for (const cycle of findCycles(edges)) add(cycle.path, 'dep.cycle', { cycle: cycle.nodes.join(' → ') });
}

/** Channel names as Teams accepts them: no reserved characters, not 'General', unique within the team. */
function checkChannelNames(data: Obj, add: Add): void {
  // Channel names as Teams accepts them: no reserved characters, not 'General', unique within the team.
  const channelNames = new Map<string, Path>();
  for (const [i, b] of entries(data, 'bodies')) {
    const channel = b.channel;
    if (!isObj(channel)) continue;
    const name = str(channel.name) ?? str(b.name);
    if (name === undefined) continue;
    const path: Path = str(channel.name) !== undefined ? ['bodies', i, 'channel', 'name'] : ['bodies', i, 'name'];
    const bad = [...new Set([...name].filter((c) => CHANNEL_FORBIDDEN.includes(c)))];
    if (bad.length > 0 || /^[_.]|\.$/.test(name)) add(path, 'channel.badName', { name, chars: bad.join(' ') || '. _' });
    const lower = name.toLowerCase();
    if (lower === 'general' || lower === 'algemeen') add(path, 'channel.reserved', { name });
    const first = channelNames.get(lower);
    if (first) add(path, 'channel.dupName', { name }, first);
    else channelNames.set(lower, path);
  }
}

/**
 * A shared channel takes people of other tenants by B2B direct connect, never as guests: `kind: shared` with
 * `externalAccess: guest` is refused (docs/platform.md#teams-structure, "Shared channels in Microsoft Teams").
 */
function checkSharedGuests(data: Obj, add: Add): void {
  for (const [i, b] of entries(data, 'bodies')) {
    const channel = isObj(b.channel) ? b.channel : undefined;
    if (channel?.kind === 'shared' && channel.externalAccess === 'guest')
      add(['bodies', i, 'channel', 'externalAccess'], 'channel.sharedGuest', { name: str(b.name) ?? str(b.id) ?? '' });
  }
}

/** Each cycle once, reported at the edge that closes it (depth-first, in file order). */
function findCycles(edges: Map<string, { to: string; path: Path }[]>): { nodes: string[]; path: Path }[] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: { nodes: string[]; path: Path }[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const edge of edges.get(node) ?? []) {
      const s = state.get(edge.to);
      if (s === 'open') found.push({ nodes: [...stack.slice(stack.indexOf(edge.to)), edge.to], path: edge.path });
      else if (s === undefined) visit(edge.to);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return found;
}
