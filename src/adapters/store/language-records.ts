// The language each person writes to the bot in, per conversation (see migrations/010_bot_languages.sql).
import type { Lang } from '../../domain/i18n.ts';
import type { Db } from './store.ts';

/** Where a person talks to the bot: the conversation and their Teams user id in it. */
interface Speaker {
  conversationId: string;
  userId: string;
}

export interface LanguageRecords {
  /** The language last remembered for this person in this conversation; undefined when none yet. */
  get(programmeId: string, who: Speaker): Promise<Lang | undefined>;
  /** Remembers `lang` for this person in this conversation (replaces what was remembered). */
  set(programmeId: string, who: Speaker, lang: Lang, at: Date): Promise<void>;
}

export function languageRecords(db: Db): LanguageRecords {
  return {
    async get(pid, who) {
      const r = await db.query<{ lang: Lang }>(
        'SELECT lang FROM bot_languages WHERE programme_id = $1 AND conversation_id = $2 AND user_id = $3',
        [pid, who.conversationId, who.userId],
      );
      return r.rows[0]?.lang;
    },
    async set(pid, who, lang, at) {
      await db.query(
        `INSERT INTO bot_languages (programme_id, conversation_id, user_id, lang, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (programme_id, conversation_id, user_id) DO UPDATE SET lang = EXCLUDED.lang, updated_at = EXCLUDED.updated_at`,
        [pid, who.conversationId, who.userId, lang, at],
      );
    },
  };
}
