-- 001: every loaded programme file is kept as a version, so a later start or sync can say what changed.
CREATE TABLE programme_versions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  programme_id text NOT NULL,
  hash text NOT NULL,
  source_path text NOT NULL,
  content text NOT NULL,
  loaded_at timestamptz NOT NULL
);

-- latest() and list() read one programme's versions in id order.
CREATE INDEX programme_versions_programme_id_id ON programme_versions (programme_id, id);
