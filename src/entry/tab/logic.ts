// What the views compute, as pure functions (component tests exercise them through the views and directly).
import type { ActionView, PersonLoadView } from '../../app/contract.ts';
import { tr, type Lang } from './i18n.ts';

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
    .filter((a) => !f.blocked || a.blockedBy.length > 0)
    .filter((a) => !f.k || (a.ks as string[]).includes(f.k))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
        a.title.localeCompare(b.title),
    );
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

/** Heaviest first; overload first of all. */
export function sortCapacity(rows: PersonLoadView[]): PersonLoadView[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.overLimit) - Number(a.overLimit) ||
      (b.ratio ?? Infinity) - (a.ratio ?? Infinity) ||
      a.name.localeCompare(b.name),
  );
}
