-- Import jobs: one row per import, kept after it ends, so that every replica and every tab can follow a running
-- import and see how the last ones ended. running is 1 while the job runs and NULL after: its UNIQUE constraint is
-- the database's one import slot, so that two imports never run at once, whichever replicas start them.
CREATE TABLE import_jobs (
  id               bigserial PRIMARY KEY,
  kind             text NOT NULL,
  file_name        text NOT NULL,
  dry_run          boolean NOT NULL DEFAULT false,
  state            text NOT NULL,
  phase            text NOT NULL,
  running          integer UNIQUE,
  rows_total       bigint NOT NULL DEFAULT 0,
  rows_checked     bigint NOT NULL DEFAULT 0,
  rows_written     bigint NOT NULL DEFAULT 0,
  rows_per_second  double precision NOT NULL DEFAULT 0,
  seconds_left     bigint NOT NULL DEFAULT -1,
  user_id          bigint,
  username         text NOT NULL,
  owner            text NOT NULL,
  cancel_requested boolean NOT NULL DEFAULT false,
  started_at       timestamptz NOT NULL,
  heartbeat_at     timestamptz NOT NULL,
  finished_at      timestamptz,
  report           text,
  error            text NOT NULL DEFAULT '',
  error_en         text NOT NULL DEFAULT ''
);
