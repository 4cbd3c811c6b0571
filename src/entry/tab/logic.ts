// What the views compute, as pure functions (component tests exercise them through the views and directly).
import { tr, type Lang } from './i18n.ts';

export interface ActionView {
  id: string;
  werkgroep: string;
  werkgroepNaam: string;
  title: string;
  due: string | null;
  status: 'open' | 'loopt' | 'wacht' | 'gereed';
  ks: string[];
  owners: { id: string; name: string }[];
  overdue: boolean;
  /** What it waits on now (open actions, undecided decisions). */
  blockedBy?: { kind: string; id: string; naam?: string }[];
  /** Recent merge conflicts with Planner: the same field changed on both sides; Planner's value won. */
  conflicten?: { veld: string; hier: unknown; planner: unknown; op: string }[];
  /** The version an edit applies to (sent as If-Match). */
  versie?: string;
}

export interface ActionFilters {
  mine?: string | undefined;
  werkgroep?: string | undefined;
  overdue?: boolean;
  blocked?: boolean;
  k?: string | undefined;
}

export function filterActions(actions: ActionView[], f: ActionFilters): ActionView[] {
  return actions
    .filter((a) => !f.mine || a.owners.some((o) => o.id === f.mine))
    .filter((a) => !f.werkgroep || a.werkgroep === f.werkgroep)
    .filter((a) => !f.overdue || a.overdue)
    .filter((a) => !f.blocked || (a.blockedBy?.length ?? 0) > 0)
    .filter((a) => !f.k || a.ks.includes(f.k))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.title.localeCompare(b.title));
}

export function ageText(days: number, lang: Lang): string {
  return tr(lang, 'age', { n: Math.max(0, days) });
}

/** Position of `date` on a timeline from `start` to `end`, 0–100 %. */
export function timelinePercent(date: string, start: string, end: string): number {
  const s = Date.parse(start);
  const e = Date.parse(end);
  if (!(e > s)) return 0;
  return Math.max(0, Math.min(100, ((Date.parse(date) - s) / (e - s)) * 100));
}

export interface CapacityRow {
  personId: string;
  name: string;
  hoursPerWeek: number;
  openActions: number;
  overdueActions: number;
  werkgroepen: string[];
  loadHours: number;
  /** Load against available hours; null when no hours are available (JSON has no Infinity). */
  ratio: number | null;
  overLimit: boolean;
}

/** Heaviest first; overload first of all. */
export function sortCapacity(rows: CapacityRow[]): CapacityRow[] {
  return [...rows].sort((a, b) => Number(b.overLimit) - Number(a.overLimit) || (b.ratio ?? Infinity) - (a.ratio ?? Infinity) || a.name.localeCompare(b.name));
}
