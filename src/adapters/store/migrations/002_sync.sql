-- Sync: runs, the journal of every change (written before and after it is sent), and the Graph ids the sync
-- made or found, so the bot and the tab can read them and a crashed run can be resumed.
CREATE TABLE IF NOT EXISTS sync_runs (
  id           bigserial PRIMARY KEY,
  programme_id text NOT NULL,
  kind         text NOT NULL,            -- plan | apply | drift
  started_at   timestamptz NOT NULL,
  finished_at  timestamptz,
  summary      jsonb
);

CREATE TABLE IF NOT EXISTS sync_journal (
  run_id     bigint NOT NULL REFERENCES sync_runs(id) ON DELETE CASCADE,
  change_id  text NOT NULL,
  state      text NOT NULL,              -- sending | done | failed
  detail     text,
  at         timestamptz NOT NULL,
  PRIMARY KEY (run_id, change_id)
);

CREATE TABLE IF NOT EXISTS sync_objects (
  programme_id text NOT NULL,
  key          text NOT NULL,            -- team | channel:<body> | series:<cadence> | event:<cadence>:<date>
  tenant_id    text NOT NULL,
  graph_id     text NOT NULL,
  updated_at   timestamptz NOT NULL,
  PRIMARY KEY (programme_id, key)
);
