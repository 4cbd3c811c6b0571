-- The projectleider's edits of one meeting's agenda (issue 18 §2): the order of its items, the items added and the
-- items removed, per meeting (a regiegroep or projectgroep id and the meeting's local date). `version` counts the
-- edits; a change names the version it was made on and is written only over that one, so nothing is lost unseen.
CREATE TABLE IF NOT EXISTS agenda_edits (
  programme_id  text NOT NULL,
  body_id       text NOT NULL,
  meeting_date  date NOT NULL,
  version       integer NOT NULL CHECK (version > 0),
  edits         jsonb NOT NULL,
  updated_at    timestamptz NOT NULL,
  updated_by    text NOT NULL,
  PRIMARY KEY (programme_id, body_id, meeting_date)
);
