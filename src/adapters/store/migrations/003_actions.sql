-- Action lists kept in Planner: each action, its Planner task and ETags, and the last state both sides agreed on
-- (the base of the three-way merge), plus the conflicts a merge resolved and the plans made per werkgroep.
CREATE TABLE IF NOT EXISTS actions (
  programme_id    text NOT NULL,
  id              text NOT NULL,
  werkgroep       text NOT NULL,
  fields          jsonb NOT NULL,          -- title, due, status, ks, owners, notes (the store's current values)
  base            jsonb,                   -- what store and Planner last agreed on (null: never synced)
  blocked_by      jsonb NOT NULL DEFAULT '[]',
  origin          jsonb,
  created_on      date NOT NULL,
  deleted         boolean NOT NULL DEFAULT false,
  task_id         text,
  task_etag       text,
  details_etag    text,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (programme_id, id)
);
CREATE UNIQUE INDEX IF NOT EXISTS actions_task ON actions (programme_id, task_id) WHERE task_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS action_conflicts (
  id            bigserial PRIMARY KEY,
  programme_id  text NOT NULL,
  action_id     text NOT NULL,
  field         text NOT NULL,
  ours          jsonb,                     -- the edit made through Regiekamer (not kept)
  theirs        jsonb,                     -- the edit made in Planner (kept)
  at            timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS planner_plans (
  programme_id  text NOT NULL,
  werkgroep     text NOT NULL,
  tenant_id     text NOT NULL,
  plan_id       text NOT NULL,
  buckets       jsonb NOT NULL,            -- status → bucket id
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (programme_id, werkgroep)
);
