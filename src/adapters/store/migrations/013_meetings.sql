-- What was recorded in a meeting of a regiegroep or projectgroep (issue 18 §3, §4): the meeting (body + local date),
-- whether it is open or closed, and its records, appended one row each (never overwritten), so two people recording
-- at once lose nothing. Closing a meeting keeps the besluitenlijst as it was sent to the body's channel.
CREATE TABLE IF NOT EXISTS meetings (
  programme_id    text NOT NULL,
  body_id         text NOT NULL,
  date            text NOT NULL,                -- YYYY-MM-DD, the meeting's local date (programme time zone)
  state           text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
  opened_at       timestamptz NOT NULL,
  closed_at       timestamptz,
  closed_by       text,
  besluitenlijst  jsonb,                        -- the besluitenlijst as composed on closing
  PRIMARY KEY (programme_id, body_id, date)
);

CREATE TABLE IF NOT EXISTS meeting_records (
  programme_id  text NOT NULL,
  body_id       text NOT NULL,
  date          text NOT NULL,
  seq           bigserial,
  kind          text NOT NULL CHECK (kind IN ('outcome', 'decision', 'action')),
  item_id       text NOT NULL,                  -- the agenda item: werkgroep:<id>, besluit:<id> or punt:<id>
  decision_id   text,
  action_id     text,
  by_whom       text NOT NULL,
  at            timestamptz NOT NULL,
  data          jsonb NOT NULL,                 -- what the besluitenlijst shows of it (title, outcome, owner, due)
  PRIMARY KEY (programme_id, body_id, date, seq),
  FOREIGN KEY (programme_id, body_id, date) REFERENCES meetings (programme_id, body_id, date)
);
