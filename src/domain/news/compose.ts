// The draft of the monthly news message (issue 16 §3), composed from the month's data: successes from the werkgroepen'
// updates ("results to celebrate"), milestones reached (the ones to celebrate highlighted), decisions taken (titles
// only, never the proposal's internal text) and the next bijeenkomst. The text is in the format of ./format.ts, in
// the reader's language; the communicatieadviseur edits it before anything is sent. Pure.
import { DateTime } from 'luxon';
import { t, type Lang } from '../i18n.ts';

/** A month, YYYY-MM. */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** What the month brought, gathered by the use case (src/app/news/draft.ts). Dates are local YYYY-MM-DD. */
export interface NewsFacts {
  /** YYYY-MM. */
  month: string;
  programmeName: string;
  /** One werkgroep's successes as it wrote them in its update(s) of the month; empty texts are left out. */
  successes: { werkgroepName: string; text: string }[];
  milestones: { title: string; date: string; celebrate: boolean }[];
  decisions: { title: string; date: string }[];
  /** The next bijeenkomst after the month's end (or after today), local date and time HH:MM. */
  bijeenkomst?: { name: string; date: string; time: string } | undefined;
}

const monthLabel = (month: string, lang: Lang) =>
  DateTime.fromISO(`${month}-01`, { zone: 'utc' }).setLocale(lang).toFormat('LLLL yyyy');
const dayLabel = (date: string, lang: Lang) =>
  DateTime.fromISO(date, { zone: 'utc' }).setLocale(lang).toFormat('cccc d LLLL');

/** Text a person wrote, as one line of the format (line breaks become spaces; a leading marker is not a marker). */
const line = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^([-*#]+)\s/, '$1\u00a0');

/** The draft: a title and a body in the format of ./format.ts, in `lang`. */
export const composeNews = (f: NewsFacts, lang: Lang): { title: string; body: string } => {
  const month = monthLabel(f.month, lang);
  const section = (heading: string, items: string[], none: string): string[] => [
    `## ${heading}`,
    items.length ? items.map((i) => `- ${i}`).join('\n') : none,
  ];
  const byDate = <T extends { date: string }>(xs: T[]) => [...xs].sort((a, b) => a.date.localeCompare(b.date));
  const successes = f.successes
    .filter((s) => s.text.trim() !== '')
    .map((s) => `**${line(s.werkgroepName)}**: ${line(s.text)}`);
  const milestones = byDate(f.milestones).map((m) =>
    m.celebrate
      ? t('news.compose.milestoneCelebrate', { title: line(m.title), date: dayLabel(m.date, lang) }, lang)
      : t('news.compose.milestone', { title: line(m.title), date: dayLabel(m.date, lang) }, lang),
  );
  const decisions = byDate(f.decisions).map((d) => line(d.title));
  const b = f.bijeenkomst;
  const parts = [
    t('news.compose.intro', { programme: line(f.programmeName), month }, lang),
    ...section(t('news.compose.successes', {}, lang), successes, t('news.compose.noSuccesses', {}, lang)),
    ...section(t('news.compose.milestones', {}, lang), milestones, t('news.compose.noMilestones', {}, lang)),
    ...section(t('news.compose.decisions', {}, lang), decisions, t('news.compose.noDecisions', {}, lang)),
    `## ${t('news.compose.bijeenkomst', {}, lang)}`,
    b
      ? t('news.compose.bijeenkomstAt', { name: line(b.name), date: dayLabel(b.date, lang), time: b.time }, lang)
      : t('news.compose.noBijeenkomst', {}, lang),
  ];
  return {
    title: t('news.compose.title', { programme: line(f.programmeName), month }, lang),
    body: parts.join('\n\n'),
  };
};
