-- Idempotency keys of writes (Idempotency-Key): one row per caller and key, inserted in the same transaction as the
-- write it guards, so that a key exists exactly when its write does; the first answer is stored beside it once it
-- was given. Rows older than a day are purged.
CREATE TABLE idempotency_keys (
  caller      TEXT NOT NULL,
  key         TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  operation   TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  answer      BLOB,
  PRIMARY KEY (caller, key)
) STRICT, WITHOUT ROWID;
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
