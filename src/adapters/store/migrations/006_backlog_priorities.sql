-- The priority a werkgroep gives each backlog topic of its vakgebied (1 = first).
CREATE TABLE IF NOT EXISTS backlog_priorities (
  programme_id  text NOT NULL,
  werkgroep     text NOT NULL,
  topic_id      text NOT NULL,
  priority      integer NOT NULL,
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (programme_id, werkgroep, topic_id)
);
