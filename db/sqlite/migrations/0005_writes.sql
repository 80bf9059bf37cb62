-- Writing records: a version on every mutable record (optimistic concurrency), a recycle bin for soft deletes,
-- and the audit log that every write appends to in its own transaction.

ALTER TABLE units ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE people ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE honors ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE volunteer_records ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE campaigns ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE practice_links ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE practice_activities ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE assessments ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE targets ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

-- A deleted record leaves its table (so that reads and rollups need no filter) and waits here, as a JSON snapshot
-- of its stored columns, until an admin restores it under its old ID.
CREATE TABLE deleted_records (
  id          INTEGER PRIMARY KEY,
  entity      TEXT NOT NULL,
  record_id   INTEGER NOT NULL,
  data        TEXT NOT NULL CHECK (json_valid(data)),
  deleted_by  INTEGER, -- users.id; no foreign key, so that the bin outlives a removed account
  deleted_by_name TEXT NOT NULL DEFAULT '',
  deleted_at  TEXT NOT NULL,
  restored_at TEXT
) STRICT;
CREATE INDEX deleted_records_entity ON deleted_records (entity, record_id);
CREATE INDEX deleted_records_pending ON deleted_records (entity, id) WHERE restored_at IS NULL;

-- Who changed what, when, with the record before and after (JSON); appended in the transaction of the write.
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL, -- UTC, 2006-01-02T15:04:05.000Z, so that text order is time order
  user_id   INTEGER,       -- users.id, NULL for system writes (seed, CLI without a user)
  username  TEXT NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'RESTORE', 'IMPORT')),
  entity    TEXT NOT NULL,
  record_id INTEGER,
  before    TEXT CHECK (before IS NULL OR json_valid(before)),
  after     TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;
CREATE INDEX audit_log_user ON audit_log (user_id, id);
CREATE INDEX audit_log_username ON audit_log (username COLLATE NOCASE, id);
CREATE INDEX audit_log_entity ON audit_log (entity, id);
CREATE INDEX audit_log_at ON audit_log (at);
