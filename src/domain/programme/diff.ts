// What changed between two versions of a programme, per collection and id — the basis for "since the last sync".
import type { Programme } from './schema.ts';
import { t, type Lang } from '../i18n.ts';

type CollectionName =
  'gemeenten' | 'people' | 'bodies' | 'cadences' | 'phases' | 'dependencies' | 'indicators' | 'backlog';

interface CollectionDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

export type ProgrammeDiff = Record<CollectionName, CollectionDiff> & { settingsChanged: string[] };

const keyed: Record<CollectionName, (p: Programme) => [string, unknown][]> = {
  gemeenten: (p) => p.gemeenten.map((x) => [x.id, x]),
  people: (p) => p.people.map((x) => [x.id, x]),
  bodies: (p) => p.bodies.map((x) => [x.id, x]),
  cadences: (p) => p.cadences.map((x) => [x.id, x]),
  phases: (p) => p.phases.map((x) => [String(x.number), x]),
  dependencies: (p) => p.dependencies.map((x) => [x.werkgroep, x]),
  indicators: (p) => p.indicators.map((x) => [x.id, x]),
  backlog: (p) => p.backlog.map((x) => [x.vakgebied, x]),
};

/** Stable JSON: key order does not count as a change. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function diffProgrammes(before: Programme, after: Programme): ProgrammeDiff {
  const result = { settingsChanged: [] } as unknown as ProgrammeDiff;
  for (const name of Object.keys(keyed) as CollectionName[]) {
    const a = new Map(keyed[name](before));
    const b = new Map(keyed[name](after));
    result[name] = {
      added: [...b.keys()].filter((k) => !a.has(k)),
      removed: [...a.keys()].filter((k) => !b.has(k)),
      changed: [...b.keys()].filter((k) => a.has(k) && canonical(a.get(k)) !== canonical(b.get(k))),
    };
  }
  const settings = [
    'programme',
    'reminders',
    'planner',
    'decisionRoute',
    'vakgebieden',
    'version',
    // Issue 16's sections: a change to them is a change since the last sync, named as a whole.
    'organisaties',
    'milestones',
    'criteria',
    'audiences',
    'communication',
  ] as const;
  for (const setting of settings) {
    if (canonical(before[setting]) !== canonical(after[setting])) result.settingsChanged.push(setting);
  }
  return result;
}

export function isEmptyDiff(diff: ProgrammeDiff): boolean {
  return (
    diff.settingsChanged.length === 0 &&
    (Object.keys(keyed) as CollectionName[]).every(
      (n) => diff[n].added.length + diff[n].removed.length + diff[n].changed.length === 0,
    )
  );
}

/** One line per changed collection, e.g. "personen: +2 −1 ~3 (…)". */
export function describeDiff(diff: ProgrammeDiff, lang: Lang = 'nl'): string[] {
  const lines: string[] = [];
  for (const name of Object.keys(keyed) as CollectionName[]) {
    const d = diff[name];
    if (d.added.length + d.removed.length + d.changed.length === 0) continue;
    const ids = [...d.added.map((i) => `+${i}`), ...d.removed.map((i) => `−${i}`), ...d.changed.map((i) => `~${i}`)];
    const shown = ids.slice(0, 6).join(', ') + (ids.length > 6 ? ', …' : '');
    lines.push(
      `${t(`diff.${name}`, {}, lang)}: +${d.added.length} −${d.removed.length} ~${d.changed.length} (${shown})`,
    );
  }
  if (diff.settingsChanged.length) lines.push(`${t('diff.settings', {}, lang)}: ${diff.settingsChanged.join(', ')}`);
  return lines;
}
