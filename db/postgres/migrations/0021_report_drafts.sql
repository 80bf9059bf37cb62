-- What units report (单位填报内容). A unit's draft is one JSON document per assignment (db.ReportContent), kept
-- apart from the records until the office approves it: nothing here moves a figure. Each submit freezes the draft
-- as a numbered submission that never changes; a withdrawal only marks it withdrawn. Review comments attach to a
-- submission's round and, optionally, one field; they are never changed (a trigger refuses updates) and go only
-- with their task. report_applied lists the records an approval wrote (created, or updated by natural key), which
-- the approval locks while its assignment stays approved.
CREATE TABLE report_drafts (
  task_id  bigint NOT NULL,
  unit_id  bigint NOT NULL,
  content  text NOT NULL CHECK (content::jsonb IS NOT NULL),
  saved_by text NOT NULL,
  saved_at timestamptz NOT NULL,
  PRIMARY KEY (task_id, unit_id),
  FOREIGN KEY (task_id, unit_id) REFERENCES report_assignments (task_id, unit_id) ON DELETE CASCADE
);

CREATE TABLE report_submissions (
  task_id      bigint NOT NULL,
  unit_id      bigint NOT NULL,
  round        integer NOT NULL CHECK (round >= 1),
  content      text NOT NULL CHECK (content::jsonb IS NOT NULL),
  submitted_by text NOT NULL,
  submitted_at timestamptz NOT NULL,
  withdrawn    boolean NOT NULL DEFAULT false,
  PRIMARY KEY (task_id, unit_id, round),
  FOREIGN KEY (task_id, unit_id) REFERENCES report_assignments (task_id, unit_id) ON DELETE CASCADE
);

CREATE TABLE report_comments (
  id      bigserial PRIMARY KEY,
  task_id bigint NOT NULL,
  unit_id bigint NOT NULL,
  round   integer NOT NULL,
  field   text NOT NULL DEFAULT '',
  author  text NOT NULL,
  at      timestamptz NOT NULL,
  text    text NOT NULL CHECK (text <> ''),
  FOREIGN KEY (task_id, unit_id) REFERENCES report_assignments (task_id, unit_id) ON DELETE CASCADE
);
CREATE INDEX report_comments_assignment ON report_comments (task_id, unit_id, id);
CREATE FUNCTION report_comments_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'report comments are never changed';
END $$;
CREATE TRIGGER report_comments_frozen BEFORE UPDATE ON report_comments
  FOR EACH ROW EXECUTE FUNCTION report_comments_frozen();

CREATE TABLE report_applied (
  task_id   bigint NOT NULL,
  unit_id   bigint NOT NULL,
  round     integer NOT NULL,
  entity    text NOT NULL,
  record_id bigint NOT NULL,
  created   boolean NOT NULL,
  PRIMARY KEY (entity, record_id),
  FOREIGN KEY (task_id, unit_id) REFERENCES report_assignments (task_id, unit_id) ON DELETE CASCADE
);
CREATE INDEX report_applied_assignment ON report_applied (task_id, unit_id);

-- The demo dataset's task (wenming demo purge removes it with all it holds).
ALTER TABLE report_tasks ADD COLUMN demo boolean NOT NULL DEFAULT false;
-- A demo task's assignments are demo too, so that a purge removes them with the demo units they name.
ALTER TABLE report_assignments ADD COLUMN demo boolean NOT NULL DEFAULT false;
