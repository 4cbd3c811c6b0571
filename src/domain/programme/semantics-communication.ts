// Cross-reference checks of the programme file's issue-16 constructs, on the raw parsed data like semantics.ts:
// organisaties and a person's home (exactly one of gemeente and organisatie), informed bodies (ondernemingsraad,
// klankbordgroep: no decision step, no update requests), milestones' phases, indicators' K or own criterion,
// audiences and the references of cadences and communication, and dependencies on phases. Pure.
import type { MessageKey, Params } from '../i18n.ts';
import { INFORMED_BODY_KINDS, type BodyKind } from './schema.ts';
import type { Path } from './semantics.ts';

type Obj = Record<string, unknown>;
type Add = (path: Path, key: MessageKey, params?: Params, relatedPath?: Path) => void;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const entries = (root: Obj | undefined, key: string): [number, Obj][] =>
  list(root?.[key]).flatMap((item, i) => (isObj(item) ? [[i, item] as [number, Obj]] : []));
const isInformed = (kind: unknown): boolean => INFORMED_BODY_KINDS.includes(kind as BodyKind);

/** Ids of a list, unique within it (dup.id at the second), optionally also unique against an earlier index. */
function index(add: Add, items: [number, Obj][], base: Path, earlier?: Map<string, Path>): Map<string, Path> {
  const seen = new Map<string, Path>();
  for (const [i, item] of items) {
    const id = str(item.id);
    if (id === undefined) continue;
    const first = seen.get(id) ?? earlier?.get(id);
    if (first) add([...base, i, 'id'], 'dup.id', { id }, [...first, 'id']);
    else seen.set(id, [...base, i]);
  }
  return seen;
}

/** The programme's declared phase numbers, and a message listing them. */
function phaseNumbers(data: Obj): { has: (n: unknown) => boolean; known: string } {
  const numbers = entries(data, 'phases').flatMap(([, p]) => (typeof p.number === 'number' ? [p.number] : []));
  return { has: (n) => typeof n === 'number' && numbers.includes(n), known: numbers.join(', ') || '—' };
}

/** Every issue-16 cross-reference problem of a parsed programme file, at the path of the value it is about. */
export function checkCommunication(data: Obj, add: Add): void {
  const gemeenten = new Map(entries(data, 'gemeenten').map(([i, g]) => [str(g.id) ?? '', ['gemeenten', i] as Path]));
  const organisaties = index(add, entries(data, 'organisaties'), ['organisaties'], gemeenten);
  checkHomes(data, add, organisaties);
  checkInformed(data, add);
  checkMilestonesAndIndicators(data, add);
  checkAudiences(data, add);
  const phases = phaseNumbers(data);
  for (const [i, d] of entries(data, 'dependencies')) {
    list(d.waitsOn).forEach((w, j) => {
      if (isObj(w) && 'phase' in w && typeof w.phase === 'number' && !phases.has(w.phase))
        add(['dependencies', i, 'waitsOn', j, 'phase'], 'ref.phase', { number: w.phase, known: phases.known });
    });
  }
}

/** People: exactly one of gemeente and organisatie; a named organisatie exists. */
function checkHomes(data: Obj, add: Add, organisaties: Map<string, Path>): void {
  for (const [i, p] of entries(data, 'people')) {
    const id = str(p.id) ?? String(i);
    const hasGemeente = p.gemeente !== undefined;
    const organisatie = str(p.organisatie);
    if (hasGemeente && p.organisatie !== undefined) add(['people', i, 'organisatie'], 'person.homeBoth', { id });
    else if (!hasGemeente && p.organisatie === undefined) add(['people', i], 'person.homeNone', { id });
    if (organisatie !== undefined && !organisaties.has(organisatie))
      add(['people', i, 'organisatie'], 'ref.organisatie', { id: organisatie });
  }
}

/** Informed bodies take no decision step and get no update requests (reminders ask werkgroepen for a body kind). */
function checkInformed(data: Obj, add: Add): void {
  list(data.decisionRoute).forEach((kind, i) => {
    if (isInformed(kind)) add(['decisionRoute', i], 'informed.route', { kind: String(kind) });
  });
  const reminders = isObj(data.reminders) ? data.reminders : undefined;
  if (isInformed(reminders?.bodyKind))
    add(['reminders', 'bodyKind'], 'informed.reminders', { kind: String(reminders?.bodyKind) });
}

/** Milestones name a declared phase; ids unique. Indicators: exactly one of k and criterion, both known. */
function checkMilestonesAndIndicators(data: Obj, add: Add): void {
  index(add, entries(data, 'milestones'), ['milestones']);
  const phases = phaseNumbers(data);
  for (const [i, m] of entries(data, 'milestones')) {
    if (typeof m.phase === 'number' && !phases.has(m.phase))
      add(['milestones', i, 'phase'], 'ref.phase', { number: m.phase, known: phases.known });
  }
  const criteria = isObj(data.criteria) ? data.criteria : undefined;
  const own = index(add, entries(criteria, 'own'), ['criteria', 'own']);
  const fourKs = criteria?.fourKs !== false;
  for (const [i, ind] of entries(data, 'indicators')) {
    const id = str(ind.id) ?? String(i);
    const base: Path = ['indicators', i];
    const criterion = str(ind.criterion);
    if (ind.k !== undefined && ind.criterion !== undefined) add([...base, 'criterion'], 'indicator.both', { id });
    else if (ind.k === undefined && ind.criterion === undefined) add(base, 'indicator.none', { id });
    else if (ind.k !== undefined && !fourKs) add([...base, 'k'], 'indicator.kOff', { id, k: String(ind.k) });
    if (criterion !== undefined && !own.has(criterion)) add([...base, 'criterion'], 'ref.criterion', { id: criterion });
  }
}

/** Audiences name known bodies; cadences and communication name known audiences and bodies. */
function checkAudiences(data: Obj, add: Add): void {
  const audiences = index(add, entries(data, 'audiences'), ['audiences']);
  const bodyById = new Map(entries(data, 'bodies').map(([, b]) => [str(b.id) ?? '', b]));
  const refBody = (path: Path, value: unknown) => {
    const id = str(value);
    if (id !== undefined && !bodyById.has(id)) add(path, 'ref.body', { id });
  };
  const refAudiences = (base: Path, value: unknown) =>
    list(value).forEach((a, j) => {
      const id = str(a);
      if (id !== undefined && !audiences.has(id)) add([...base, j], 'ref.audience', { id });
    });
  for (const [i, a] of entries(data, 'audiences'))
    list(a.bodies).forEach((b, j) => refBody(['audiences', i, 'bodies', j], b));
  for (const [i, c] of entries(data, 'cadences')) refAudiences(['cadences', i, 'audiences'], c.audiences);
  const communication = isObj(data.communication) ? data.communication : undefined;
  const kinds = new Set([...bodyById.values()].map((b) => b.kind));
  for (const part of ['report', 'news'] as const) {
    const c = isObj(communication?.[part]) ? (communication[part] as Obj) : undefined;
    if (!c) continue;
    const base: Path = ['communication', part];
    refAudiences([...base, 'audiences'], c.audiences);
    const due = isObj(c.due) ? c.due : undefined;
    const kind = str(due?.bodyKind) ?? 'regiegroep';
    if (due?.type === 'days-before' && bodyById.size > 0 && !kinds.has(kind))
      add([...base, 'due', ...(due.bodyKind === undefined ? [] : ['bodyKind'])], 'rhythm.noBody', { kind });
  }
  const report = isObj(communication?.report) ? communication.report : undefined;
  list(report?.to).forEach((b, j) => refBody(['communication', 'report', 'to', j], b));
  const news = isObj(communication?.news) ? communication.news : undefined;
  const channel = str(news?.channel);
  if (channel !== undefined) {
    const body = bodyById.get(channel);
    if (!body) add(['communication', 'news', 'channel'], 'ref.body', { id: channel });
    else if (!isObj(body.channel)) add(['communication', 'news', 'channel'], 'news.channelNone', { id: channel });
  }
}
