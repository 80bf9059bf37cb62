-- The audit log learns the account events: API tokens revoked, roles changed, users disabled and enabled, passwords
-- changed and reset, and refused sign-ins to existing accounts (their creation is a CREATE of USER or API_TOKEN).
-- PostgreSQL translation of db/sqlite/migrations/0018_account_audit.sql: the CHECK is widened in place.

ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
  CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'RESTORE', 'IMPORT', 'PURGE_DEMO', 'REVOKE', 'ROLE_CHANGE', 'DISABLE', 'ENABLE',
    'PASSWORD_CHANGE', 'PASSWORD_RESET', 'SIGN_IN_REFUSED'));
