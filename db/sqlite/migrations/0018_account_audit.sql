-- The audit log learns the account events: API tokens revoked, roles changed, users disabled and enabled, passwords
-- changed and reset, and refused sign-ins to existing accounts (their creation is a CREATE of USER or API_TOKEN).
-- SQLite cannot alter a CHECK constraint, so the table is rebuilt under the same name, keeping every row and its id.

CREATE TABLE audit_log_new (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL, -- UTC, 2006-01-02T15:04:05.000Z, so that text order is time order
  user_id   INTEGER,       -- users.id, NULL for system writes (seed, CLI without a user) and refused sign-ins
  username  TEXT NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'RESTORE', 'IMPORT', 'PURGE_DEMO', 'REVOKE',
    'ROLE_CHANGE', 'DISABLE', 'ENABLE', 'PASSWORD_CHANGE', 'PASSWORD_RESET', 'SIGN_IN_REFUSED')),
  entity    TEXT NOT NULL,
  record_id INTEGER,
  before    TEXT CHECK (before IS NULL OR json_valid(before)),
  after     TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;
INSERT INTO audit_log_new SELECT id, at, user_id, username, action, entity, record_id, before, after FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
CREATE INDEX audit_log_user ON audit_log (user_id, id);
CREATE INDEX audit_log_username ON audit_log (username COLLATE NOCASE, id);
CREATE INDEX audit_log_entity ON audit_log (entity, id);
CREATE INDEX audit_log_at ON audit_log (at);
