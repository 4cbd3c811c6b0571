// Use cases: the projectleider composes a meeting's agenda (issue 18 §2) — orders its items, adds an item, removes
// one (it stays listed as removed) and restores it. Only the projectleider (agenda.edit, src/app/access.ts). Every
// change names the version of the edits it was made on (If-Match) and is written only over that version, so two
// people editing at once never lose an edit unseen: the second gets 409 changed with the version now.
import {
  addItem,
  AgendaEditError,
  NO_EDITS,
  removeItem,
  reorder,
  restoreItem,
  type AgendaEdits,
  type ItemSources,
} from '../domain/agenda/items.ts';
import { decide, type Caller } from './access.ts';
import { agendaOf } from './agenda.ts';
import type { AgendaAddedView, AgendaItemInput, AgendaMeetingQuery, AgendaResponse } from './contract.ts';
import { badInput, fail, ok, refused, type AppDeps, type Result } from './result.ts';

/** One edit of the stored edits, given the agenda's data items; may throw AgendaEditError. */
type Edit = (sources: ItemSources, edits: AgendaEdits) => AgendaEdits;

const CODE: Record<AgendaEditError['key'], 'bad_input' | 'not_found' | 'not_possible'> = {
  'agendaItems.orderMismatch': 'bad_input',
  'agendaItems.unknownItem': 'not_found',
  'agendaItems.notRemoved': 'not_possible',
};

/**
 * Applies `edit` to the edits of the meeting `query` names, over version `version` (the If-Match value), and
 * answers the agenda as it is then. Errors: forbidden (agenda.edit), version_required (no version), bad_input (a
 * version that is not a number; an order that does not name every item once), not_found (no such body, meeting or
 * item), not_possible (restoring an item that was not removed), changed (another edit landed first).
 */
async function editAgenda(
  d: AppDeps,
  caller: Caller,
  query: AgendaMeetingQuery,
  version: string | undefined,
  edit: Edit,
): Promise<Result<AgendaResponse>> {
  const what = { do: 'agenda.edit' } as const;
  const no = refused(decide(d.programme, caller, what), what);
  if (no) return no;
  if (version === undefined) return fail('version_required', 'agendaItems.versionRequired');
  const expected = Number(version);
  if (!/^\d+$/.test(version)) return badInput(`If-Match: ${version}`);
  const agenda = await agendaOf(d, caller, query);
  if (!agenda.ok) return agenda;
  const pid = d.programme.programme.id;
  const meeting = { body: agenda.value.body.id, date: agenda.value.meeting.date };
  const changed = (now: number) =>
    fail('changed', 'agendaItems.changed', { body: agenda.value.body.name, date: meeting.date, version: now });
  const stored = await d.store.agendaEdits.get(pid, meeting);
  if (stored.version !== expected) return changed(stored.version);
  let next: AgendaEdits;
  try {
    next = edit(agenda.value, stored.edits ?? NO_EDITS);
  } catch (err) {
    if (!(err instanceof AgendaEditError)) throw err;
    return fail(CODE[err.key], err.key, err.params);
  }
  const who = caller.kind === 'person' ? caller.person.id : 'app';
  const saved = await d.store.agendaEdits.save(pid, meeting, expected, next, { who, at: d.clock.now() });
  if (saved === undefined) return changed((await d.store.agendaEdits.get(pid, meeting)).version);
  return agendaOf(d, caller, meeting);
}

/** The agenda's items in `order` (every item now on it, removed ones included, each once). Errors: as editAgenda. */
export const orderAgenda = (
  d: AppDeps,
  caller: Caller,
  query: AgendaMeetingQuery,
  order: readonly string[],
  version: string | undefined,
) => editAgenda(d, caller, query, version, (s, e) => reorder(s, e, order));

/** Removes item `id` (kept on the agenda, marked removed, to restore). Errors: as editAgenda. */
export const removeAgendaItem = (
  d: AppDeps,
  caller: Caller,
  query: AgendaMeetingQuery,
  id: string,
  version: string | undefined,
) => editAgenda(d, caller, query, version, (s, e) => removeItem(s, e, id));

/** Puts removed item `id` back in its place. Errors: as editAgenda. */
export const restoreAgendaItem = (
  d: AppDeps,
  caller: Caller,
  query: AgendaMeetingQuery,
  id: string,
  version: string | undefined,
) => editAgenda(d, caller, query, version, (s, e) => restoreItem(s, e, id));

/** Adds an item (a title, an optional note) at the end of the agenda; answers its id beside the agenda. */
export async function addAgendaItem(
  d: AppDeps,
  caller: Caller,
  input: AgendaItemInput,
  version: string | undefined,
): Promise<Result<AgendaResponse & AgendaAddedView>> {
  let added = '';
  const { title, note, ...query } = input;
  const r = await editAgenda(d, caller, query, version, (s, e) => {
    const next = addItem(s, e, { title, note });
    added = next.id;
    return next.edits;
  });
  return r.ok ? ok({ ...r.value, added }) : r;
}
