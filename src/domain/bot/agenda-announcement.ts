// The agenda of a regiegroep or projectgroep meeting as part of the meeting's announcement card (issue 18 §2): sent
// in the body's channel the working day before (the rhythm's `announce` delivery, src/domain/bot/rhythm.ts), the
// items in the projectleider's order — per werkgroep its status or "nog geen update", per decision its days waiting,
// the added items with their note — and a link that opens the agenda in the tab. Capacity alerts (personal data)
// and the updates in full stay in the tab. Adaptive Cards 1.5, validated in agenda-card.test.ts.
import { t, type Lang } from '../i18n.ts';
import type { Agenda } from '../agenda/compose.ts';
import type { AgendaItem } from '../agenda/items.ts';
import { plain, type Card } from './cards.ts';
import { bt } from './messages.ts';
import type { UpdateStatus } from './update.ts';

type Element = Record<string, unknown>;

/** The most items listed in the card; the rest is counted, with the link to the tab. */
const MAX_ITEMS = 20;
const STATUS_COLOR: Record<UpdateStatus, string> = { 'op-koers': 'Good', aandacht: 'Warning', risico: 'Attention' };

const text = (s: string, o: Element = {}): Element => ({ type: 'TextBlock', text: s, wrap: true, ...o });

/** The card's lines for one item: its title, then what the data says of it. */
function itemLines(
  n: number,
  item: AgendaItem,
  agenda: Pick<Agenda, 'werkgroepen' | 'decisions'>,
  lang: Lang,
): Element[] {
  const head = `${String(n)}. **${plain(item.title, 200)}**`;
  if (item.kind === 'werkgroep') {
    const update = agenda.werkgroepen.find((w) => `werkgroep:${w.id}` === item.id)?.update;
    return update
      ? [text(`${head} · ${bt(`status.${update.status}`, {}, lang)}`, { color: STATUS_COLOR[update.status] })]
      : [text(`${head} · ${t('agendaItems.card.noUpdate', {}, lang)}`, { color: 'Warning' })];
  }
  if (item.kind === 'besluit') {
    const d = agenda.decisions.find((x) => `besluit:${x.id}` === item.id);
    const waiting = d
      ? ` (${plain(d.werkgroepName, 100)}) · ${t('agendaItems.card.waiting', { days: d.daysWaiting }, lang)}`
      : '';
    return [text(`${String(n)}. ${t('agendaItems.card.decision', {}, lang)}: **${plain(item.title, 200)}**${waiting}`)];
  }
  return [text(head), ...(item.note ? [text(plain(item.note, 500), { isSubtle: true, spacing: 'None' })] : [])];
}

/**
 * The card lines of the agenda's items not removed, in order (per werkgroep its status or "nog geen update", per
 * decision its werkgroep and days waiting, per added item its note), at most MAX_ITEMS and the rest counted; the
 * "no items" line for an empty agenda. Shared by the announcement card and the bot's `agenda` card (agenda-card.ts).
 */
export function agendaItemLines(
  items: readonly AgendaItem[],
  agenda: Pick<Agenda, 'werkgroepen' | 'decisions'>,
  lang: Lang,
): Element[] {
  const live = items.filter((i) => !i.removed);
  if (live.length === 0) return [text(t('agendaItems.card.empty', {}, lang))];
  const lines = live.slice(0, MAX_ITEMS).flatMap((item, i) => itemLines(i + 1, item, agenda, lang));
  const rest = live.length - Math.min(live.length, MAX_ITEMS);
  return [...lines, ...(rest > 0 ? [text(t('agendaItems.card.more', { count: rest }, lang), { isSubtle: true })] : [])];
}

/**
 * `announcement` (an announcementCard of the meeting) with the meeting's agenda added below it: the items not
 * removed, in order, at most MAX_ITEMS (the rest counted), and an "Agenda openen" link to `agendaUrl` (the tab's
 * agenda view of this meeting) when given. Returns a new card; the announcement is not changed.
 */
export function withAgenda(
  announcement: Card,
  o: {
    agenda: Pick<Agenda, 'werkgroepen' | 'decisions'>;
    items: readonly AgendaItem[];
    agendaUrl?: string | undefined;
    lang: Lang;
  },
): Card {
  const { lang } = o;
  const body = [
    ...((announcement['body'] as Element[] | undefined) ?? []),
    text(t('agendaItems.card.title', {}, lang), {
      weight: 'Bolder',
      size: 'Medium',
      separator: true,
      spacing: 'Large',
    }),
    ...agendaItemLines(o.items, o.agenda, lang),
  ];
  const actions = [
    ...((announcement['actions'] as Element[] | undefined) ?? []),
    ...(o.agendaUrl ? [{ type: 'Action.OpenUrl', title: t('agendaItems.card.open', {}, lang), url: o.agendaUrl }] : []),
  ];
  return { ...announcement, body, ...(actions.length > 0 ? { actions } : {}) };
}
