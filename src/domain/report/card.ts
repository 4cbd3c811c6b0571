// The monthly report's cards (issue 16 §2, §5): the summary card that goes with an approved version to the
// regiegroep's channel (and its `informed` version to the stuurgroep's and other receiving bodies' channels), and the
// projectleider's reminder when the report is due. Adaptive Card 1.5 (Teams renders 1.5 at most, docs/platform.md;
// validated in card.test.ts against the 1.5 schema). Pure.
import { DateTime } from 'luxon';
import { plain, type Card } from '../bot/cards.ts';
import { t, type Lang } from '../i18n.ts';

type Element = Record<string, unknown>;
const text = (s: string, o: Element = {}): Element => ({ type: 'TextBlock', text: s, wrap: true, ...o });
const card = (body: Element[], url: string | undefined, lang: Lang): Card => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  ...(url ? { actions: [{ type: 'Action.OpenUrl', title: t('rapport.card.open', {}, lang), url }] } : {}),
});

/** A month (YYYY-MM) as the reader says it: "november 2026". */
const monthLabel = (month: string, lang: Lang): string =>
  DateTime.fromISO(`${month}-01`, { zone: 'utc' }).setLocale(lang).toFormat('LLLL yyyy');

/** The first paragraph of an introduction (paragraphs are separated by blank lines); '' when there is none. */
export const firstParagraph = (introduction: string): string =>
  introduction
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .find((p) => p.length > 0) ?? '';

/**
 * The headline figures a card shows: the shape of the report port's ReportSummary (src/app/report/port.ts), which the
 * domain may not import. Counts only, no personal data.
 */
export interface ReportFigures {
  /** YYYY-MM. */
  month: string;
  werkgroepen: { total: number; opKoers: number; aandacht: number; risico: number; none: number };
  decisionsTaken: number;
  decisionsWaiting: number;
  /** Days; null when no decision was taken in the month. */
  medianLeadTimeDays: number | null;
  overdueActions: number;
  blockedActions: number;
  milestonesReached: { title: string; date: string }[];
}

/** What a summary card shows. */
export interface ReportCardInput {
  summary: ReportFigures;
  version: number;
  introduction: string;
  approved: { byName: string; date: string };
  /** The receiving body's name for an `informed` version; absent for the regiegroep's. */
  forBody?: string | undefined;
  /** Where the report is read and downloaded (the tab's Rapportage view at this month). */
  url?: string | undefined;
  lang: Lang;
}

/** The summary card of an approved version: headline figures, the introduction's first paragraph, a link to it. */
export function reportCard(o: ReportCardInput): Card {
  const { summary: s, lang } = o;
  const intro = firstParagraph(o.introduction);
  const date = DateTime.fromISO(o.approved.date, { zone: 'utc' }).setLocale(lang).toFormat('d LLLL yyyy');
  const lines = [
    t('rapport.card.werkgroepen', { ...s.werkgroepen }, lang),
    t('rapport.card.decisions', { taken: s.decisionsTaken, waiting: s.decisionsWaiting }, lang),
    ...(s.medianLeadTimeDays === null ? [] : [t('rapport.card.leadTime', { days: s.medianLeadTimeDays }, lang)]),
    t('rapport.card.actions', { overdue: s.overdueActions, blocked: s.blockedActions }, lang),
    ...(s.milestonesReached.length > 0
      ? [t('rapport.card.milestones', { list: s.milestonesReached.map((m) => plain(m.title, 100)).join(', ') }, lang)]
      : []),
  ];
  return card(
    [
      text(t('rapport.card.title', { month: monthLabel(s.month, lang) }, lang), {
        size: 'Medium',
        weight: 'Bolder',
        style: 'heading',
      }),
      ...(o.forBody
        ? [text(t('rapport.card.forBody', { body: plain(o.forBody, 100) }, lang), { spacing: 'None' })]
        : []),
      text(t('rapport.card.approved', { version: o.version, name: plain(o.approved.byName, 100), date }, lang), {
        isSubtle: true,
        spacing: 'None',
      }),
      ...(intro ? [text(plain(intro, 1500), { spacing: 'Medium' })] : []),
      ...lines.map((l, i) => text(`• ${l}`, { spacing: i === 0 ? 'Medium' : 'None' })),
    ],
    o.url,
    lang,
  );
}

/** The projectleider's reminder: the month's report is due today and not approved yet. */
export function reportReminderCard(o: { month: string; bodies: string[]; url?: string | undefined; lang: Lang }): Card {
  return card(
    [
      text(t('rapport.reminder.title', { month: monthLabel(o.month, o.lang) }, o.lang), {
        weight: 'Bolder',
        style: 'heading',
      }),
      text(t('rapport.reminder.text', { bodies: o.bodies.map((b) => plain(b, 100)).join(', ') }, o.lang)),
    ],
    o.url,
    o.lang,
  );
}
