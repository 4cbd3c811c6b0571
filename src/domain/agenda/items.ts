// The ordered items of one meeting's agenda (issue 18 §2): the default order composed from the data (each werkgroep's
// update, then the decisions waiting at the body's level) with the projectleider's edits applied — their order, the
// items they added (a title and an optional note), the items they removed. A removed item stays in the list, marked
// removed, so the projectleider sees it and can restore it; nothing the data puts on the agenda is silently lost.
// Item ids are stable strings shared with the meeting's recording: `werkgroep:<id>`, `besluit:<id>`, `punt:<id>`.
// Pure: the edits are stored per meeting by the store (migration 012_agenda_edits.sql) and applied here.

/** What the projectleider changed on one meeting's agenda; the empty edits leave the default order. */
export interface AgendaEdits {
  /** Item ids in the projectleider's order; ids no longer on the agenda are ignored, new ones come after. */
  order: string[];
  /** Items the projectleider added, by id (`punt:<n>`). */
  added: AddedItem[];
  /** Ids of removed items (data items and added ones alike); they stay listed as removed until restored. */
  removed: string[];
}

interface AddedItem {
  /** `punt:<n>`. */
  id: string;
  title: string;
  note?: string;
}

type AgendaItemKind = 'werkgroep' | 'besluit' | 'punt';

/** One item of the agenda, in the order it is discussed. */
export interface AgendaItem {
  id: string;
  kind: AgendaItemKind;
  /** The werkgroep's name, the decision's title, or the added item's title. */
  title: string;
  /** An added item's note. */
  note?: string;
  /** Removed by the projectleider: shown as such (to restore), not discussed. */
  removed: boolean;
}

/** The edits of a meeting nobody has edited. */
export const NO_EDITS: AgendaEdits = { order: [], added: [], removed: [] };

/** An edit that cannot be made; `key`/`params` name a message of the catalogue (src/domain/i18n/agenda-items.ts). */
export class AgendaEditError extends Error {
  readonly key: 'agendaItems.unknownItem' | 'agendaItems.orderMismatch' | 'agendaItems.notRemoved';
  readonly params: Record<string, string>;
  constructor(key: AgendaEditError['key'], params: Record<string, string>) {
    super(key);
    this.key = key;
    this.params = params;
    this.name = 'AgendaEditError';
  }
}

/** The composed agenda's parts the items are made of (src/domain/agenda/compose.ts Agenda). */
export interface ItemSources {
  werkgroepen: readonly { id: string; name: string }[];
  decisions: readonly { id: string; title: string }[];
}

/** The items the data puts on the agenda, in the default order: the werkgroepen's updates, then the decisions. */
function dataItems(sources: ItemSources): Omit<AgendaItem, 'removed'>[] {
  return [
    ...sources.werkgroepen.map((w) => ({ id: `werkgroep:${w.id}`, kind: 'werkgroep' as const, title: w.name })),
    ...sources.decisions.map((d) => ({ id: `besluit:${d.id}`, kind: 'besluit' as const, title: d.title })),
  ];
}

/**
 * The agenda's items with `edits` applied: the ids of `edits.order` that are on the agenda in that order, then every
 * other item in the default order (werkgroepen, decisions, added items) — so an item that reached the agenda after
 * the projectleider ordered it comes last, never lost. Items in `edits.removed` are kept, marked removed.
 */
export function agendaItems(sources: ItemSources, edits: AgendaEdits): AgendaItem[] {
  const removed = new Set(edits.removed);
  const all = [
    ...dataItems(sources),
    ...edits.added.map((a) => ({
      id: a.id,
      kind: 'punt' as const,
      title: a.title,
      ...(a.note ? { note: a.note } : {}),
    })),
  ].map((i): AgendaItem => ({ ...i, removed: removed.has(i.id) }));
  const byId = new Map(all.map((i) => [i.id, i]));
  const ordered = [...new Set(edits.order)].flatMap((id) => byId.get(id) ?? []);
  const placed = new Set(ordered.map((i) => i.id));
  return [...ordered, ...all.filter((i) => !placed.has(i.id))];
}

/**
 * The edits with the items in `order`: it must name every item now on the agenda (removed ones included) exactly
 * once. Throws AgendaEditError `agendaItems.orderMismatch` (with the ids missing and unknown) otherwise.
 */
export function reorder(sources: ItemSources, edits: AgendaEdits, order: readonly string[]): AgendaEdits {
  const current = agendaItems(sources, edits).map((i) => i.id);
  const have = new Set(current);
  const unknown = order.filter((id) => !have.has(id));
  const missing = current.filter((id) => !order.includes(id));
  if (unknown.length > 0 || missing.length > 0 || new Set(order).size !== order.length)
    throw new AgendaEditError('agendaItems.orderMismatch', {
      missing: missing.join(', ') || '-',
      unknown: unknown.join(', ') || '-',
    });
  return { ...edits, order: [...order] };
}

/**
 * The edits with a new item `punt:<n>` (n one more than the highest added so far, removed ones included, so an id is
 * never reused) at the end of the agenda; the title and note as given (trimmed by the caller's schema).
 */
export function addItem(
  sources: ItemSources,
  edits: AgendaEdits,
  item: { title: string; note?: string | undefined },
): { edits: AgendaEdits; id: string } {
  const n = Math.max(0, ...edits.added.map((a) => Number(a.id.slice('punt:'.length)) || 0)) + 1;
  const id = `punt:${n}`;
  const order = agendaItems(sources, edits).map((i) => i.id);
  const added: AddedItem = { id, title: item.title, ...(item.note ? { note: item.note } : {}) };
  return { id, edits: { ...edits, added: [...edits.added, added], order: [...order, id] } };
}

/** Throws `agendaItems.unknownItem` unless `id` is an item of the agenda now. */
function known(sources: ItemSources, edits: AgendaEdits, id: string): void {
  if (!agendaItems(sources, edits).some((i) => i.id === id))
    throw new AgendaEditError('agendaItems.unknownItem', { id });
}

/** The edits with item `id` removed (kept, marked removed); removing a removed item changes nothing. */
export function removeItem(sources: ItemSources, edits: AgendaEdits, id: string): AgendaEdits {
  known(sources, edits, id);
  return edits.removed.includes(id) ? edits : { ...edits, removed: [...edits.removed, id] };
}

/** The edits with removed item `id` back on the agenda, in its place. Throws `agendaItems.notRemoved` otherwise. */
export function restoreItem(sources: ItemSources, edits: AgendaEdits, id: string): AgendaEdits {
  known(sources, edits, id);
  if (!edits.removed.includes(id)) throw new AgendaEditError('agendaItems.notRemoved', { id });
  return { ...edits, removed: edits.removed.filter((r) => r !== id) };
}
