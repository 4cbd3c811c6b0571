-- Decisions entered by people (issue 18 §1): every proposal, move, outcome, edit, withdrawal and undo of a decision,
-- who did it and when, from which level to which; the undo window reads the latest event of a decision.
CREATE TABLE IF NOT EXISTS decision_events (
  programme_id  text NOT NULL,
  decision_id   text NOT NULL,
  seq           bigserial,
  at            timestamptz NOT NULL,
  by_whom       text NOT NULL,
  kind          text NOT NULL,
  from_level    text,
  to_level      text,
  outcome       text,
  undid         text,
  PRIMARY KEY (programme_id, decision_id, seq)
);
