-- Sign-in attempts kept in the database, so that every replica sharing it shares one allowance: spreading password
-- guesses over several replicas gains nothing. Keys are "user:ADDRESS|USERNAME" and "ip:ADDRESS"; at is Unix
-- milliseconds, as in SQLite.
CREATE TABLE login_attempts (
  key text NOT NULL,
  at  bigint NOT NULL
);
CREATE INDEX login_attempts_key ON login_attempts (key, at);
CREATE INDEX login_attempts_at ON login_attempts (at);
