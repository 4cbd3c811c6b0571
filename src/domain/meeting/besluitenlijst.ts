// What a meeting of a regiegroep or projectgroep decided and agreed (issue 18 §3, §4): the records the chair made per
// agenda item, and the besluitenlijst composed from them on closing — the decisions taken, the actions made and the
// agenda items carried over to the next meeting. Pure: records and agenda items in, the list out.
import type { OutcomeKind } from '../vocabulary.ts';

/** What one record says; `title` etc. are kept as they were when recorded (the besluitenlijst shows them). */
export type MeetingRecordData =
  | { kind: 'outcome'; decisionId: string; title: string; outcome: OutcomeKind }
  | { kind: 'decision'; decisionId: string; title: string; outcome?: OutcomeKind | undefined }
  | {
      kind: 'action';
      actionId: string;
      title: string;
      werkgroep: string;
      owner: string;
      /** The owner's name when recorded, for the meeting's own list. */
      ownerName: string;
      due: string;
    };

/**
 * One record of a meeting: appended, never changed. `item` is the agenda item it was recorded at
 * (`werkgroep:<id>`, `besluit:<id>` or `punt:<id>`); `seq` orders the records of a meeting; `by` a person id or
 * 'app'; `at` an ISO instant.
 */
export type MeetingRecord = MeetingRecordData & { seq: number; item: string; by: string; at: string };

/** An item of the meeting's agenda, as the besluitenlijst names it (src/domain/agenda/items.ts AgendaItem has these). */
export interface MeetingItem {
  /** `werkgroep:<id>`, `besluit:<id>` or `punt:<id>` (the agenda's stable item ids). */
  id: string;
  title: string;
}

/** The besluitenlijst of one meeting, as sent to the body's channel and kept with the meeting. */
export interface Besluitenlijst {
  body: { id: string; name: string };
  /** YYYY-MM-DD: the meeting's local date. */
  date: string;
  /** Decisions given an outcome in the meeting, and decisions made there (with their outcome, or proposed). */
  decisions: { id: string; title: string; item: string; outcome: OutcomeKind | null; isNew: boolean }[];
  /** Actions agreed in the meeting: owner is a person id, due YYYY-MM-DD; the names as they were on closing. */
  actions: {
    id: string;
    title: string;
    item: string;
    werkgroep: string;
    werkgroepName: string;
    owner: string;
    ownerName: string;
    due: string;
  }[];
  /** Agenda items that got no outcome: they go to the next meeting. */
  carriedOver: MeetingItem[];
}

/**
 * The agenda items carried over: a waiting decision (`besluit:`) without an outcome recorded, and an item the
 * projectleider added (`punt:`) with nothing recorded at it. A werkgroep's update (`werkgroep:`) is not carried
 * over: the next meeting has the werkgroep's next update. In the order of `items` (the agenda's items, in the
 * projectleider's order), each as its id and title only.
 */
export function carriedOver(items: readonly MeetingItem[], records: readonly MeetingRecord[]): MeetingItem[] {
  const decided = new Set(records.flatMap((r) => (r.kind === 'outcome' ? [r.decisionId] : [])));
  const touched = new Set(records.map((r) => r.item));
  return items
    .filter((i) => {
      if (i.id.startsWith('besluit:')) return !decided.has(i.id.slice('besluit:'.length));
      if (i.id.startsWith('punt:')) return !touched.has(i.id);
      return false;
    })
    .map((i) => ({ id: i.id, title: i.title }));
}

/** The besluitenlijst of a meeting from its agenda items and its records (in record order). */
export function composeBesluitenlijst(input: {
  body: { id: string; name: string };
  date: string;
  items: readonly MeetingItem[];
  records: readonly MeetingRecord[];
  /** A person's or a werkgroep's name by id. */
  nameOf(id: string): string;
}): Besluitenlijst {
  const records = [...input.records].sort((a, b) => a.seq - b.seq);
  const decisions: Besluitenlijst['decisions'] = [];
  const actions: Besluitenlijst['actions'] = [];
  for (const r of records) {
    if (r.kind === 'action') {
      actions.push({
        id: r.actionId,
        title: r.title,
        item: r.item,
        werkgroep: r.werkgroep,
        werkgroepName: input.nameOf(r.werkgroep),
        owner: r.owner,
        ownerName: input.nameOf(r.owner),
        due: r.due,
      });
      continue;
    }
    const entry = {
      id: r.decisionId,
      title: r.title,
      item: r.item,
      outcome: r.outcome ?? null,
      isNew: r.kind === 'decision',
    };
    // A decision given an outcome twice (the second after an undo) is listed once, with its latest outcome.
    const at = decisions.findIndex((x) => x.id === r.decisionId);
    if (at >= 0) decisions[at] = { ...entry, isNew: decisions[at]?.isNew ?? entry.isNew };
    else decisions.push(entry);
  }
  return {
    body: input.body,
    date: input.date,
    decisions,
    actions,
    carriedOver: carriedOver(input.items, records),
  };
}
