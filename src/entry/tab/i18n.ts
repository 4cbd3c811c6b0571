// The tab's words: the `tab.` namespace of the one catalogue (src/domain/i18n.ts, messages in
// src/domain/i18n/tab.ts); the language follows the Teams locale (or ?lang=).
import { both, parseLang, t, type Lang } from '../../domain/i18n.ts';
import type { tabMessages } from '../../domain/i18n/tab.ts';
import type { FourK } from '../../domain/vocabulary.ts';

export { LOCALE_OF, type Lang } from '../../domain/i18n.ts';

/** A key of the tab's namespace, without its `tab.` prefix. */
export type MessageKey = keyof typeof tabMessages;

/** The tab's message `key` in `lang`: t(`tab.${key}`, params, lang). */
export function tr(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return t(`tab.${key}`, params, lang);
}

/** The tab's message `key` in both languages, Dutch first (before the language is known). */
export function trBoth(key: MessageKey, params: Record<string, string | number> = {}): string {
  return both(`tab.${key}`, params);
}

/** The tab's language for a Teams locale ('en-us', 'nl-nl'); Dutch unless it asks for English. */
export function langOf(locale: string | null | undefined): Lang {
  return parseLang(locale, 'nl');
}

/** A K's name in `lang` ("Kansen", "Opportunities"): the one list of K names is the bot's (src/domain/i18n/bot.ts). */
export function kLabel(lang: Lang, k: FourK): string {
  return t(`bot.k.${k}`, {}, lang);
}
