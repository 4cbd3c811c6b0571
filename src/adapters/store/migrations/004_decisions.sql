-- The decision log (besluitenlijst): each decision as one document (title, proposal, route, the date it reached
-- each level, outcome, what it blocks), so its lead time per level can be measured.
CREATE TABLE IF NOT EXISTS decisions (
  programme_id  text NOT NULL,
  id            text NOT NULL,
  data          jsonb NOT NULL,
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (programme_id, id)
);
