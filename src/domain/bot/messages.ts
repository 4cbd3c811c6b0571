// The bot's words: the `bot.` namespace of the one catalogue (../i18n.ts, messages in ../i18n/bot.ts).
import { t, type Lang, type Params } from '../i18n.ts';
import type { botMessages } from '../i18n/bot.ts';

/** A key of the bot's namespace, without its `bot.` prefix. */
export type BotMessageKey = keyof typeof botMessages;

/** The bot's message `key` in `lang`: t(`bot.${key}`, params, lang). */
export function bt(key: BotMessageKey, params: Params = {}, lang: Lang = 'nl'): string {
  return t(`bot.${key}`, params, lang);
}
