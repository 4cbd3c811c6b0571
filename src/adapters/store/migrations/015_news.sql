-- The monthly news message (issue 16 §3), one per programme and month (YYYY-MM): the draft as last saved (title,
-- body in the format of src/domain/news/format.ts), who saved it when, and its version (If-Match: a save names the
-- version it was made on and is written only over that one); once approved, who approved it when and the delivery
-- in the bot's ledger (bot_deliveries.key) that posts it to the announcement channel. Kept as a programme record.
CREATE TABLE IF NOT EXISTS news_messages (
  programme_id  text NOT NULL,
  month         text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  title         text NOT NULL,
  body          text NOT NULL,
  version       integer NOT NULL CHECK (version > 0),
  edited_by     text,                           -- a person id; NULL while the text is the composed draft
  edited_at     timestamptz NOT NULL,
  approved_by   text,
  approved_at   timestamptz,
  delivery_key  text,
  PRIMARY KEY (programme_id, month)
);
