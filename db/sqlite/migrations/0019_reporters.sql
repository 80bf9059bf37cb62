-- sqlite: foreign keys off
-- Unit reporters (单位填报员): a REPORTER account is bound to exactly one unit, and only a reporter is. SQLite cannot
-- alter a CHECK, so users is rebuilt (create, copy, drop, rename) with foreign keys off, so that dropping the old
-- table does not cascade into sessions and api_tokens, which point at users by name and keep pointing at it after
-- the rename. Each unit gets a contact (name and phone) for the office's calls.
CREATE TABLE users_new (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) BETWEEN 2 AND 64),
  display_name  TEXT NOT NULL DEFAULT '',
  role          TEXT NOT NULL CHECK (role IN ('VIEWER', 'EDITOR', 'ADMIN', 'REPORTER')),
  password_hash TEXT NOT NULL CHECK (password_hash <> ''),
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  unit_id       INTEGER REFERENCES units (id),
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  CHECK ((role = 'REPORTER') = (unit_id IS NOT NULL))
) STRICT;
INSERT INTO users_new (id, username, display_name, role, password_hash, disabled, created_at)
  SELECT id, username, display_name, role, password_hash, disabled, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
CREATE INDEX users_unit ON users (unit_id) WHERE unit_id IS NOT NULL;

ALTER TABLE units ADD COLUMN contact_name TEXT NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN contact_phone TEXT NOT NULL DEFAULT '';
