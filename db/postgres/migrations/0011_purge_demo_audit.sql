-- The audit log learns one more action: PURGE_DEMO, the removal of every demo record at once.
-- PostgreSQL translation of db/sqlite/migrations/0011_purge_demo_audit.sql: the CHECK is widened in place.

ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
  CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'RESTORE', 'IMPORT', 'PURGE_DEMO'));
