// What the views compute, as pure functions (component tests exercise them through the views and directly).
import type { ActionView, PersonLoadView } from '../../app/contract.ts';
import { LOCALE_OF, tr, type Lang } from './i18n.ts';

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

/** Columns of Acties a person can sort by. */
export type ActionSortKey = 'title' | 'werkgroep' | 'owners' | 'due' | 'status';
export interface ActionSort {
  key: ActionSortKey;
  direction: 'ascending' | 'descending';
}

const STATUS_ORDER: Record<ActionView['status'], number> = { open: 0, loopt: 1, wacht: 2, gereed: 3 };

/**
 * Actions whose title, werkgroep, owners or notes contain every word of `query` (case- and accent-insensitive, as a
 * person types: "zaak ict" finds "Zaaksysteem" in ICT). An empty query keeps all.
 */
export function searchActions(actions: ActionView[], query: string): ActionView[] {
  const fold = (x: string) => x.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return actions;
  return actions.filter((a) => {
    const hay = fold([a.title, a.werkgroepName, a.notes, ...a.owners.map((o) => o.name)].join(' '));
    return words.every((w) => hay.includes(w));
  });
}

/**
 * `actions` sorted by one column (Dutch collation for text; no due date sorts last either way; status in its
 * workflow order open → loopt → wacht → gereed); ties keep their order (the filter's: overdue first, then due).
 */
export function sortActions(actions: ActionView[], sort: ActionSort | null): ActionView[] {
  if (!sort) return actions;
  const text = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
  const dir = sort.direction === 'ascending' ? 1 : -1;
  const compare = (a: ActionView, b: ActionView): number => {
    switch (sort.key) {
      case 'title':
        return dir * text.compare(a.title, b.title);
      case 'werkgroep':
        return dir * text.compare(a.werkgroepName, b.werkgroepName);
      case 'owners':
        return dir * text.compare(a.owners.map((o) => o.name).join(', '), b.owners.map((o) => o.name).join(', '));
      case 'status':
        return dir * (STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
      case 'due':
        if (a.due === b.due) return 0;
        if (a.due === null) return 1;
        if (b.due === null) return -1;
        return dir * a.due.localeCompare(b.due);
    }
  };
  return actions
    .map((a, i) => ({ a, i }))
    .sort((x, y) => compare(x.a, y.a) || x.i - y.i)
    .map((x) => x.a);
}

/** One page of `items` (pages of `size`, numbered from 1; a page past the end shows the last one). */
export function pageOf<T>(
  items: T[],
  page: number,
  size: number,
): { items: T[]; page: number; pages: number; from: number; to: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, Math.floor(page)), pages);
  const from = (p - 1) * size;
  const slice = items.slice(from, from + size);
  return { items: slice, page: p, pages, from: slice.length === 0 ? 0 : from + 1, to: from + slice.length };
}

/** A local date (YYYY-MM-DD) as people read it: "8 dec. 2026" in Dutch, "8 Dec 2026" in English. */
export function dateText(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Date(Date.UTC(y, m - 1, d, 12)).toLocaleDateString(LOCALE_OF[lang], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
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
