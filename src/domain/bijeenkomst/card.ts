// A bijeenkomst's announcement (issue 16 §4) with the milestones to celebrate added below the meeting's
// announcement card (src/domain/bot/cards.ts announcementCard): those reached since the previous bijeenkomst and the
// next ones coming, each with its date and phase. Dutch first (the language is the caller's). Adaptive Cards 1.5,
// validated in card.test.ts against src/domain/bot/adaptive-card.schema.json.
import { DateTime } from 'luxon';
import { t, type Lang } from '../i18n.ts';
import { plain, type Card } from '../bot/cards.ts';
import type { Programme } from '../programme/schema.ts';
import { isBijeenkomst, milestonesToCelebrate, type Milestone, type MilestonesToCelebrate } from './milestones.ts';

type Element = Record<string, unknown>;

/** The most milestones listed per list; the rest is counted. */
const MAX_LINES = 10;

const text = (s: string, o: Element = {}): Element => ({ type: 'TextBlock', text: s, wrap: true, ...o });

/** A milestone's local date (YYYY-MM-DD, a calendar date: no time zone applies) as words, e.g. "12 maart 2026". */
const dateWords = (date: string, lang: Lang): string =>
  DateTime.fromISO(date, { zone: 'utc' }).setLocale(lang).toFormat('d LLLL yyyy');

/** One line: "• 12 maart 2026 — **Title** (fase 2)". */
const line = (m: Milestone, lang: Lang): Element =>
  text(
    `• ${dateWords(m.date, lang)} — **${plain(m.title, 200)}**${
      m.phase !== undefined ? ` (${t('bijeenkomst.card.phase', { phase: m.phase }, lang)})` : ''
    }`,
    { spacing: 'Small' },
  );

/** The lines of a list, at most MAX_LINES and the rest counted; `none` when empty. */
const lines = (list: readonly Milestone[], none: string, lang: Lang): Element[] =>
  list.length === 0
    ? [text(none, { isSubtle: true, spacing: 'Small' })]
    : [
        ...list.slice(0, MAX_LINES).map((m) => line(m, lang)),
        ...(list.length > MAX_LINES
          ? [text(t('bijeenkomst.card.more', { count: list.length - MAX_LINES }, lang), { isSubtle: true })]
          : []),
      ];

/**
 * `announcement` with a "Mijlpalen om te vieren" section added below it: the milestones reached since the previous
 * bijeenkomst (`previous`, its local date, named in the heading; without one "Bereikt tot nu toe") and the upcoming
 * ones, each list at most MAX_LINES (10) with the rest counted, an empty list said in words. Returns a new card; the
 * announcement is not changed.
 */
export function withMilestones(announcement: Card, o: MilestonesToCelebrate & { lang: Lang }): Card {
  const { lang } = o;
  const reachedHeading =
    o.previous !== undefined
      ? t('bijeenkomst.card.reached', { previous: dateWords(o.previous, lang) }, lang)
      : t('bijeenkomst.card.reachedFirst', {}, lang);
  const body = [
    ...((announcement['body'] as Element[] | undefined) ?? []),
    text(t('bijeenkomst.card.title', {}, lang), {
      weight: 'Bolder',
      size: 'Medium',
      separator: true,
      spacing: 'Large',
    }),
    text(reachedHeading, { weight: 'Bolder' }),
    ...lines(o.reached, t('bijeenkomst.card.noneReached', {}, lang), lang),
    text(t('bijeenkomst.card.upcoming', {}, lang), { weight: 'Bolder' }),
    ...lines(o.upcoming, t('bijeenkomst.card.noneUpcoming', {}, lang), lang),
  ];
  return { ...announcement, body };
}

/**
 * The announcement of a meeting of `cadenceId` starting at `start`: for a bijeenkomst (isBijeenkomst) with the
 * milestones to celebrate at it (milestonesToCelebrate on the meeting's local date in its cadence's time zone),
 * otherwise (and when the programme has no milestone with `celebrate: true`) `announcement` itself. The bot posts it where every announcement goes: the channels of the cadence's
 * bodies (src/domain/bot/rhythm.ts, `announce`).
 */
export function bijeenkomstAnnouncement(
  announcement: Card,
  o: { programme: Pick<Programme, 'cadences' | 'milestones'>; cadenceId: string; start: Date; lang: Lang },
): Card {
  const cadence = o.programme.cadences.find((c) => c.id === o.cadenceId);
  // A programme that names no milestone to celebrate gets no (empty) section.
  if (!cadence || !isBijeenkomst(cadence) || !o.programme.milestones.some((m) => m.celebrate)) return announcement;
  const date = DateTime.fromJSDate(o.start, { zone: cadence.timeZone }).toISODate() ?? '';
  return withMilestones(announcement, { ...milestonesToCelebrate(o.programme, date), lang: o.lang });
}
