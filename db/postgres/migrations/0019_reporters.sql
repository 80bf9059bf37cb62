-- Unit reporters (单位填报员): a REPORTER account is bound to exactly one unit, and only a reporter is; a new
-- account may be asked to change its one-time password at first sign-in. Each unit gets a contact (name and phone)
-- for the office's calls.
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('VIEWER', 'EDITOR', 'ADMIN', 'REPORTER'));
ALTER TABLE users ADD COLUMN unit_id bigint REFERENCES units (id);
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD CONSTRAINT users_reporter_unit CHECK ((role = 'REPORTER') = (unit_id IS NOT NULL));
CREATE INDEX users_unit ON users (unit_id) WHERE unit_id IS NOT NULL;

ALTER TABLE units ADD COLUMN contact_name text NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN contact_phone text NOT NULL DEFAULT '';
