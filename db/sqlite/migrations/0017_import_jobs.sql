-- Import jobs: one row per import, kept after it ends, so that every replica and every tab can follow a running
-- import and see how the last ones ended. running is 1 while the job runs and NULL after: its UNIQUE constraint is
-- the database's one import slot, so that two imports never run at once, whichever processes start them.
-- Instants are UTC text, like the rest.
CREATE TABLE import_jobs (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL,
  file_name        TEXT NOT NULL,
  dry_run          INTEGER NOT NULL DEFAULT 0,
  state            TEXT NOT NULL,
  phase            TEXT NOT NULL,
  running          INTEGER UNIQUE,
  rows_total       INTEGER NOT NULL DEFAULT 0,
  rows_checked     INTEGER NOT NULL DEFAULT 0,
  rows_written     INTEGER NOT NULL DEFAULT 0,
  rows_per_second  REAL NOT NULL DEFAULT 0,
  seconds_left     INTEGER NOT NULL DEFAULT -1,
  user_id          INTEGER,
  username         TEXT NOT NULL,
  owner            TEXT NOT NULL,
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  started_at       TEXT NOT NULL,
  heartbeat_at     TEXT NOT NULL,
  finished_at      TEXT,
  report           TEXT,
  error            TEXT NOT NULL DEFAULT '',
  error_en         TEXT NOT NULL DEFAULT ''
) STRICT;
