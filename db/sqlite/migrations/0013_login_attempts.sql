-- Sign-in attempts kept in the database, so that every server sharing it shares one allowance: spreading password
-- guesses over several replicas gains nothing. Keys are "user:ADDRESS|USERNAME" and "ip:ADDRESS"; at is Unix
-- milliseconds.
CREATE TABLE login_attempts (
  key TEXT NOT NULL,
  at  INTEGER NOT NULL
) STRICT;
CREATE INDEX login_attempts_key ON login_attempts (key, at);
CREATE INDEX login_attempts_at ON login_attempts (at);
