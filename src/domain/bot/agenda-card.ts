// The agenda of one meeting as a compact Adaptive Card 1.5 (issue 18 §2 and §5): per werkgroep its status or "no
// update yet", the decisions waiting at the body's level with their days waiting, and who has not sent an update.
// Pure: it takes the composed agenda (src/domain/agenda/compose.ts, as GET /api/agenda answers it), so the bot's
// `agenda` command and the card posted in the body's channel are the same card.
import { DateTime } from 'luxon';
import type { Agenda } from '../agenda/compose.ts';
import { t, type Lang } from '../i18n.ts';
import { plain, type Card } from './cards.ts';

type Element = Record<string, unknown>;

/** The parts of a composed agenda the card shows (GET /api/agenda's answer has them too). */
export type AgendaCardInput = Pick<Agenda, 'body' | 'meeting' | 'werkgroepen' | 'decisions' | 'missingUpdates'>;

/** At most this many decisions and missing updates are listed; the rest is counted ("+3 meer"). */
const MAX_ITEMS = 15;

const text = (s: string, o: Element = {}): Element => ({ type: 'TextBlock', text: s, wrap: true, ...o });

function listed(items: Element[], total: number, lang: Lang): Element[] {
  return total > items.length
    ? [...items, text(t('bot.more', { n: total - items.length }, lang), { isSubtle: true })]
    : items;
}

/**
 * The agenda card of `o.agenda`: title with the body and the meeting's date and hours (in `o.timeZone`, an IANA
 * zone), a FactSet of the werkgroepen with their update's status or "nog geen update", the decisions waiting with
 * their days waiting (longest first, as composed), and the werkgroepen without an update with their trekker. With
 * `o.tabUrl` an Action.OpenUrl into the tab.
 */
export function agendaCard(o: { agenda: AgendaCardInput; timeZone: string; tabUrl?: string; lang: Lang }): Card {
  const { agenda: a, lang } = o;
  const start = DateTime.fromISO(a.meeting.start, { zone: o.timeZone }).setLocale(lang);
  const end = DateTime.fromISO(a.meeting.end, { zone: o.timeZone }).setLocale(lang);
  const date = start.toFormat('cccc d LLLL yyyy');
  const status = a.werkgroepen.map((w) => ({
    title: plain(w.name, 100),
    value: w.update ? t(`bot.status.${w.update.status}`, {}, lang) : t('botloop.agenda.noUpdate', {}, lang),
  }));
  const decisions = a.decisions
    .slice(0, MAX_ITEMS)
    .map((d) =>
      text(
        `• ${t(
          'botloop.agenda.decision',
          { title: plain(d.title, 200), werkgroep: plain(d.werkgroepName, 100), days: d.daysWaiting },
          lang,
        )}`,
        { spacing: 'None' },
      ),
    );
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
    section('botloop.agenda.updates'),
    status.length > 0 ? { type: 'FactSet', facts: status } : text(t('botloop.agenda.noWerkgroepen', {}, lang)),
    section('botloop.agenda.decisions'),
    ...(a.decisions.length === 0
      ? [text(t('botloop.agenda.noDecisions', {}, lang))]
      : listed(decisions, a.decisions.length, lang)),
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
