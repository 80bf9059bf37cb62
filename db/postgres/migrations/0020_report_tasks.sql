-- Yearly reporting tasks (年度上报任务): the office opens a task for a year; every unit it covers gets an assignment
-- that walks the flow of db/reporting.go; every step is kept as an event (who, when, from, to, the comment), which
-- is the assignment's history and never changes. Dates are days in China's time.
CREATE TABLE report_tasks (
  id           bigserial PRIMARY KEY,
  year         integer NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  title        text NOT NULL CHECK (title <> ''),
  kinds        text NOT NULL CHECK (kinds <> ''),
  instructions text NOT NULL DEFAULT '',
  opens_on     date NOT NULL,
  due_on       date NOT NULL,
  closes_on    date NOT NULL,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL,
  CHECK (opens_on <= due_on AND due_on <= closes_on)
);

CREATE TABLE report_assignments (
  task_id       bigint NOT NULL REFERENCES report_tasks (id) ON DELETE CASCADE,
  unit_id       bigint NOT NULL REFERENCES units (id),
  state         text NOT NULL DEFAULT 'NOT_STARTED'
                CHECK (state IN ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'APPROVED', 'EXEMPT')),
  rounds        integer NOT NULL DEFAULT 0 CHECK (rounds >= 0),
  submitted_at  timestamptz,
  late          boolean NOT NULL DEFAULT false,
  reviewed_by   text,
  reviewed_at   timestamptz,
  extended_to   date,
  exempt_reason text,
  version       integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  PRIMARY KEY (task_id, unit_id)
);
CREATE INDEX report_assignments_unit ON report_assignments (unit_id, task_id);

CREATE TABLE report_events (
  id         bigserial PRIMARY KEY,
  task_id    bigint NOT NULL,
  unit_id    bigint NOT NULL,
  action     text NOT NULL,
  from_state text NOT NULL,
  to_state   text NOT NULL,
  actor      text NOT NULL,
  at         timestamptz NOT NULL,
  comment    text NOT NULL DEFAULT '',
  FOREIGN KEY (task_id, unit_id) REFERENCES report_assignments (task_id, unit_id) ON DELETE CASCADE
);
CREATE INDEX report_events_assignment ON report_events (task_id, unit_id, id);
