// The agenda of one meeting as a compact Adaptive Card 1.5 (issue 18 §2 and §5): its items in the projectleider's
// order as the announcement card lists them (src/domain/bot/agenda-announcement.ts agendaItemLines: per werkgroep its
// status or "no update yet", per decision its days waiting, per added item its note), and who has not sent an update.
// Pure: it takes the agenda as GET /api/agenda answers it (the composed agenda with its items).
import { DateTime } from 'luxon';
import type { Agenda } from '../agenda/compose.ts';
import type { AgendaItem } from '../agenda/items.ts';
import { t, type Lang } from '../i18n.ts';
import { agendaItemLines } from './agenda-announcement.ts';
import { plain, type Card } from './cards.ts';

type Element = Record<string, unknown>;

/** The parts of the agenda the card shows: a composed agenda's, and its items in order (as GET /api/agenda answers). */
export type AgendaCardInput = Pick<Agenda, 'body' | 'meeting' | 'werkgroepen' | 'decisions' | 'missingUpdates'> & {
  items: readonly AgendaItem[];
};

/** At most this many missing updates are listed; the rest is counted ("+3 meer"). */
const MAX_ITEMS = 15;

const text = (s: string, o: Element = {}): Element => ({ type: 'TextBlock', text: s, wrap: true, ...o });

function listed(items: Element[], total: number, lang: Lang): Element[] {
  return total > items.length
    ? [...items, text(t('bot.more', { n: total - items.length }, lang), { isSubtle: true })]
    : items;
}

/**
 * The agenda card of `o.agenda`: title with the body and the meeting's date and hours (in `o.timeZone`, an IANA
 * zone), the items not removed in the agenda's order (agendaItemLines, at most its maximum, the rest counted), and
 * the werkgroepen without an update with their trekker. With `o.tabUrl` an Action.OpenUrl into the tab.
 */
export function agendaCard(o: { agenda: AgendaCardInput; timeZone: string; tabUrl?: string; lang: Lang }): Card {
  const { agenda: a, lang } = o;
  const start = DateTime.fromISO(a.meeting.start, { zone: o.timeZone }).setLocale(lang);
  const end = DateTime.fromISO(a.meeting.end, { zone: o.timeZone }).setLocale(lang);
  const date = start.toFormat('cccc d LLLL yyyy');
  const missing = a.missingUpdates
    .slice(0, MAX_ITEMS)
    .map((m) =>
      text(
        `• ${t('botloop.agenda.missingItem', { werkgroep: plain(m.werkgroepName, 100), trekker: plain(m.trekkerName, 100) }, lang)}`,
        { spacing: 'None' },
      ),
    );
  const section = (key: Parameters<typeof t>[0]) => text(t(key, {}, lang), { weight: 'Bolder', spacing: 'Medium' });
  const body: Element[] = [
    text(t('botloop.agenda.title', { body: plain(a.body.name, 200), date }, lang), {
      size: 'Medium',
      weight: 'Bolder',
      style: 'heading',
    }),
    text(t('botloop.agenda.when', { date, from: start.toFormat('HH:mm'), to: end.toFormat('HH:mm') }, lang), {
      isSubtle: true,
      spacing: 'None',
    }),
    ...agendaItemLines(a.items, a, lang).map((e, i) => (i === 0 ? { ...e, spacing: 'Medium' } : e)),
    section('botloop.agenda.missing'),
    ...(a.missingUpdates.length === 0
      ? [text(t('botloop.agenda.allSent', {}, lang), { color: 'Good' })]
      : listed(missing, a.missingUpdates.length, lang)),
  ];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(o.tabUrl ? { actions: [{ type: 'Action.OpenUrl', title: t('bot.open.tab', {}, lang), url: o.tabUrl }] } : {}),
  };
}
