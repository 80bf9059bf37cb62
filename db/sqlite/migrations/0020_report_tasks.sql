-- Yearly reporting tasks (年度上报任务): the office opens a task for a year; every unit it covers gets an assignment
-- that walks the flow of db/reporting.go; every step is kept as an event (who, when, from, to, the comment), which
-- is the assignment's history and never changes. Dates are days in China's time (YYYY-MM-DD).
CREATE TABLE report_tasks (
  id           INTEGER PRIMARY KEY,
  year         INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  title        TEXT NOT NULL CHECK (title <> ''),
  kinds        TEXT NOT NULL CHECK (kinds <> ''),
  instructions TEXT NOT NULL DEFAULT '',
  opens_on     TEXT NOT NULL CHECK (date(opens_on) IS opens_on),
  due_on       TEXT NOT NULL CHECK (date(due_on) IS due_on),
  closes_on    TEXT NOT NULL CHECK (date(closes_on) IS closes_on),
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  CHECK (opens_on <= due_on AND due_on <= closes_on)
) STRICT;

CREATE TABLE report_assignments (
  task_id       INTEGER NOT NULL REFERENCES report_tasks (id) ON DELETE CASCADE,
  unit_id       INTEGER NOT NULL REFERENCES units (id),
  state         TEXT NOT NULL DEFAULT 'NOT_STARTED'
                CHECK (state IN ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'APPROVED', 'EXEMPT')),
  rounds        INTEGER NOT NULL DEFAULT 0 CHECK (rounds >= 0),
  submitted_at  TEXT,
  late          INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  reviewed_by   TEXT,
  reviewed_at   TEXT,
  extended_to   TEXT CHECK (extended_to IS NULL OR date(extended_to) IS extended_to),
  exempt_reason TEXT,
  version       INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  PRIMARY KEY (task_id, unit_id)
) STRICT;
CREATE INDEX report_assignments_unit ON report_assignments (unit_id, task_id);

CREATE TABLE report_events (
  id         INTEGER PRIMARY KEY,
  task_id    INTEGER NOT NULL,
  unit_id    INTEGER NOT NULL,
  action     TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state   TEXT NOT NULL,
  actor      TEXT NOT NULL,
  at         TEXT NOT NULL,
  comment    TEXT NOT NULL DEFAULT '',
  FOREIGN KEY (task_id, unit_id) REFERENCES report_assignments (task_id, unit_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX report_events_assignment ON report_events (task_id, unit_id, id);
