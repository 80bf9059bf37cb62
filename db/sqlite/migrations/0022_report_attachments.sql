-- Evidence a unit attaches to its report (佐证材料): photos, PDFs and spreadsheets, kept in the database so that
-- backups, copies and replicas carry them. Each belongs to one assignment and names the item or indicator it
-- supports (field); its type is sniffed from its bytes, never trusted from its name.
CREATE TABLE report_attachments (
  id           INTEGER PRIMARY KEY,
  task_id      INTEGER NOT NULL,
  unit_id      INTEGER NOT NULL,
  field        TEXT NOT NULL,
  name         TEXT NOT NULL,
  content_type TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'application/pdf',
                 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')),
  size         INTEGER NOT NULL CHECK (size > 0),
  data         BLOB NOT NULL,
  uploaded_by  TEXT NOT NULL,
  uploaded_at  TEXT NOT NULL,
  FOREIGN KEY (task_id, unit_id) REFERENCES report_assignments (task_id, unit_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX report_attachments_assignment ON report_attachments (task_id, unit_id, id);
