// The besluitenlijst card (issue 18 §4): sent to the body's channel when the chair closes the meeting. Adaptive Card
// 1.5 (Teams renders 1.5 at most; validated in card.test.ts against the 1.5 schema). Pure.
import { DateTime } from 'luxon';
import { plain, type Card } from '../bot/cards.ts';
import { t, type Lang } from '../i18n.ts';
import type { Besluitenlijst } from './besluitenlijst.ts';

/** At most this many lines per section; the rest is counted ("and 3 more") and is in the tab. */
const MAX_LINES = 15;

type Element = Record<string, unknown>;
const text = (s: string, o: Element = {}): Element => ({ type: 'TextBlock', text: s, wrap: true, ...o });

/** A local date (YYYY-MM-DD) as the reader says it: "dinsdag 8 december 2026". */
const dayLabel = (date: string, lang: Lang) =>
  DateTime.fromISO(date, { zone: 'utc' }).setLocale(lang).toFormat('cccc d LLLL yyyy');

function section(title: string, lines: string[], lang: Lang): Element[] {
  const shown = lines.slice(0, MAX_LINES).map((l) => text(`• ${l}`, { spacing: 'None' }));
  const rest = lines.length - shown.length;
  return [
    text(title, { weight: 'Bolder', spacing: 'Medium' }),
    ...(lines.length === 0 ? [text(t('vergadering.card.none', {}, lang), { isSubtle: true })] : shown),
    ...(rest > 0 ? [text(t('vergadering.card.more', { count: rest }, lang), { isSubtle: true })] : []),
  ];
}

/**
 * The besluitenlijst as a card: decisions with their outcome (a new one marked), actions with owner and due date,
 * the items carried over; `tabUrl` adds a button to the tab.
 */
export function besluitenlijstCard(o: { list: Besluitenlijst; lang: Lang; tabUrl?: string | undefined }): Card {
  const { list, lang } = o;
  const decisions = list.decisions.map((x) => {
    const outcome = x.outcome
      ? t(`vergadering.outcome.${x.outcome}`, {}, lang)
      : t('vergadering.card.proposed', {}, lang);
    const marks = [outcome, ...(x.isNew ? [t('vergadering.card.new', {}, lang)] : [])].join(', ');
    return `**${plain(x.title, 200)}** — ${marks}`;
  });
  const actions = list.actions.map(
    (a) =>
      `**${plain(a.title, 200)}** · ${plain(a.ownerName, 100)} · ${t('vergadering.card.due', { due: dayLabel(a.due, lang) }, lang)} · ${plain(a.werkgroepName, 100)}`,
  );
  const carried = list.carriedOver.map((i) => plain(i.title, 200));
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      text(t('vergadering.card.title', { body: plain(list.body.name, 100), date: dayLabel(list.date, lang) }, lang), {
        size: 'Medium',
        weight: 'Bolder',
        style: 'heading',
      }),
      ...section(t('vergadering.card.decisions', {}, lang), decisions, lang),
      ...section(t('vergadering.card.actions', {}, lang), actions, lang),
      ...section(t('vergadering.card.carriedOver', {}, lang), carried, lang),
    ],
    ...(o.tabUrl
      ? { actions: [{ type: 'Action.OpenUrl', title: t('vergadering.card.open', {}, lang), url: o.tabUrl }] }
      : {}),
  };
}
