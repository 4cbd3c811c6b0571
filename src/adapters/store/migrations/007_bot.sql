-- The bot: where it is installed (conversation references, the only way it may send proactively), the
-- progress updates werkgroepen send through its card, and the ledger of every scheduled message.
CREATE TABLE IF NOT EXISTS bot_conversations (
  programme_id     text NOT NULL,
  conversation_id  text NOT NULL,
  kind             text NOT NULL,             -- personal | channel | groupChat
  tenant_id        text NOT NULL,
  service_url      text NOT NULL,
  bot_id           text,
  user_aad_id      text,                      -- personal: the user's Entra object id
  person_id        text,                      -- personal: the programme person it resolved to (null: unknown)
  team_id          text,
  channel_id       text,
  body_id          text,                      -- channel: the body whose channel it is (null: not ours)
  installed_at     timestamptz NOT NULL,
  removed_at       timestamptz,
  PRIMARY KEY (programme_id, conversation_id)
);
CREATE INDEX IF NOT EXISTS bot_conversations_person ON bot_conversations (programme_id, person_id) WHERE removed_at IS NULL;
CREATE INDEX IF NOT EXISTS bot_conversations_body ON bot_conversations (programme_id, body_id) WHERE removed_at IS NULL;

CREATE TABLE IF NOT EXISTS progress_updates (
  programme_id   text NOT NULL,
  werkgroep      text NOT NULL,
  period         text NOT NULL,               -- the regiegroep meeting occurrence it is for (cadence:date)
  data           jsonb NOT NULL,              -- the ProgressUpdate as submitted
  submitted_by   text NOT NULL,               -- person id, or the Teams user id when not a programme person
  submitted_at   timestamptz NOT NULL,
  revision       integer NOT NULL DEFAULT 1,  -- edits until the compile moment raise it; the last one counts
  PRIMARY KEY (programme_id, werkgroep, period)
);

-- One row per message the rhythm planned: the unique key (kind|occurrence|recipient) makes it once-only
-- across restarts, re-runs and server instances. A pg-boss job carries the send; this row says what happened.
CREATE TABLE IF NOT EXISTS bot_deliveries (
  programme_id    text NOT NULL,
  key             text NOT NULL,
  kind            text NOT NULL,              -- ask | nudge | compile | announce | digest | test
  occurrence_key  text,
  recipient       text NOT NULL,              -- person id, or channel:<body id>
  werkgroep       text,
  due_at          timestamptz NOT NULL,
  status          text NOT NULL,              -- pending | sending | sent | skipped | failed | cancelled
  attempts        integer NOT NULL DEFAULT 0,
  claimed_by      text,
  claimed_until   timestamptz,
  enqueued_at     timestamptz,
  activity_id     text,
  conversation_id text,
  reason          text,                       -- why skipped, failed or cancelled (no personal data)
  payload         jsonb,                      -- extra input for the message (e.g. a test's text)
  updated_at      timestamptz NOT NULL,
  sent_at         timestamptz,
  PRIMARY KEY (programme_id, key)
);
CREATE INDEX IF NOT EXISTS bot_deliveries_due ON bot_deliveries (programme_id, due_at) WHERE status = 'pending';
