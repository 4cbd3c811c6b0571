// Which language a person wrote in, from the words alone: Dutch, English, or undecided (a command word the two
// share, a name, a greeting used in both). Short chat texts are too short for most detectors; tinyld's light
// profile, asked to choose between Dutch and English only, decides them well enough when one language clearly
// leads, and says nothing otherwise — then the conversation's remembered language or the Teams locale decides.
import { detectAll } from 'tinyld/light';
import { LANGS, parseLang, type Lang } from '../i18n.ts';

/** tinyld's accuracy (0–1) the leading language needs, and how far ahead of the other it must be. */
const MIN_ACCURACY = 0.15;
const MIN_LEAD = 1.5;

/** The language of free text (markup already removed), or undefined when the words do not decide it. */
export function textLang(text: string): Lang | undefined {
  const [first, second] = detectAll(text, { only: [...LANGS] });
  if (!first || first.accuracy < MIN_ACCURACY) return undefined;
  if (second && first.accuracy < MIN_LEAD * second.accuracy) return undefined;
  // Only the two languages were asked for, so parseLang maps the answer onto one of them.
  return parseLang(first.lang);
}

/**
 * The language to answer in: what the person just wrote in when the words decide it; else what they last wrote in
 * in this conversation; else the activity's locale (Teams' client language: nl-* or en-*); else `fallback` (Dutch
 * for this product). `remember` is set when the words decided a language other than the remembered one.
 */
export function answerLang(o: {
  written?: Lang | undefined;
  remembered?: Lang | undefined;
  locale?: string | undefined;
  fallback: Lang;
}): { lang: Lang; remember?: Lang } {
  if (o.written) return { lang: o.written, ...(o.written !== o.remembered ? { remember: o.written } : {}) };
  return { lang: o.remembered ?? parseLang(o.locale, o.fallback) };
}
