-- What units report (单位填报内容). A unit's draft is one JSON document per assignment (db.ReportContent), kept
-- apart from the records until the office approves it: nothing here moves a figure. Each submit freezes the draft
-- as a numbered submission that never changes; a withdrawal only marks it withdrawn. Review comments attach to a
-- submission's round and, optionally, one field; they are never changed (a trigger refuses updates) and go only
-- with their task. report_applied lists the records an approval wrote (created, or updated by natural key), which
-- the approval locks while its assignment stays approved.
CREATE TABLE report_drafts (
  task_id  INTEGER NOT NULL,
  unit_id  INTEGER NOT NULL,
  content  TEXT NOT NULL CHECK (json_valid(content)),
  saved_by TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  PRIMARY KEY (task_id, unit_id),
  FOREIGN KEY (task_id, unit_id) REFERENCES report_assignments (task_id, unit_id) ON DELETE CASCADE
) STRICT;

CREATE TABLE report_submissions (
  task_id      INTEGER NOT NULL,
  unit_id      INTEGER NOT NULL,
  round        INTEGER NOT NULL CHECK (round >= 1),
  content      TEXT NOT NULL CHECK (json_valid(content)),
  submitted_by TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  withdrawn    INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
  PRIMARY KEY (task_id, unit_id, round),
  FOREIGN KEY (task_id, unit_id) REFERENCES report_assignments (task_id, unit_id) ON DELETE CASCADE
) STRICT;

CREATE TABLE report_comments (
  id      INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL,
  unit_id INTEGER NOT NULL,
  round   INTEGER NOT NULL,
  field   TEXT NOT NULL DEFAULT '',
  author  TEXT NOT NULL,
  at      TEXT NOT NULL,
  text    TEXT NOT NULL CHECK (text <> ''),
  FOREIGN KEY (task_id, unit_id) REFERENCES report_assignments (task_id, unit_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX report_comments_assignment ON report_comments (task_id, unit_id, id);
CREATE TRIGGER report_comments_frozen BEFORE UPDATE ON report_comments
BEGIN
  SELECT RAISE(ABORT, 'report comments are never changed');
END;

CREATE TABLE report_applied (
  task_id   INTEGER NOT NULL,
  unit_id   INTEGER NOT NULL,
  round     INTEGER NOT NULL,
  entity    TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  created   INTEGER NOT NULL CHECK (created IN (0, 1)),
  PRIMARY KEY (entity, record_id),
  FOREIGN KEY (task_id, unit_id) REFERENCES report_assignments (task_id, unit_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX report_applied_assignment ON report_applied (task_id, unit_id);

-- The demo dataset's task (wenming demo purge removes it with all it holds).
ALTER TABLE report_tasks ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));
-- A demo task's assignments are demo too, so that a purge removes them with the demo units they name.
ALTER TABLE report_assignments ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));
