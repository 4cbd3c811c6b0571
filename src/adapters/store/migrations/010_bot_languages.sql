-- The language a person writes to the bot in, per conversation: once someone has written Dutch, the bot answers
-- in Dutch in that conversation, also after a restart and on another server instance.
CREATE TABLE IF NOT EXISTS bot_languages (
  programme_id     text NOT NULL,
  conversation_id  text NOT NULL,
  user_id          text NOT NULL,             -- the Teams user id (activity.from.id) in that conversation
  lang             text NOT NULL CHECK (lang IN ('nl', 'en')),
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (programme_id, conversation_id, user_id)
);
