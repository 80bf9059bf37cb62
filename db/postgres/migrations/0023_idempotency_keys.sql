-- Idempotency keys of writes (Idempotency-Key): one row per caller and key, inserted in the same transaction as the
-- write it guards, so that a key exists exactly when its write does; the first answer is stored beside it once it
-- was given. Rows older than a day are purged.
CREATE TABLE idempotency_keys (
  caller      text NOT NULL,
  key         text NOT NULL,
  fingerprint text NOT NULL,
  operation   text NOT NULL,
  created_at  timestamptz NOT NULL,
  answer      bytea,
  PRIMARY KEY (caller, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
