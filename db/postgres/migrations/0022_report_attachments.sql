-- Evidence a unit attaches to its report (佐证材料): photos, PDFs and spreadsheets, kept in the database so that
-- backups, copies and replicas carry them. Each belongs to one assignment and names the item or indicator it
-- supports (field); its type is sniffed from its bytes, never trusted from its name.
CREATE TABLE report_attachments (
  id           bigserial PRIMARY KEY,
  task_id      bigint NOT NULL,
  unit_id      bigint NOT NULL,
  field        text NOT NULL,
  name         text NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'application/pdf',
                 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')),
  size         integer NOT NULL CHECK (size > 0),
  data         bytea NOT NULL,
  uploaded_by  text NOT NULL,
  uploaded_at  timestamptz NOT NULL,
  FOREIGN KEY (task_id, unit_id) REFERENCES report_assignments (task_id, unit_id) ON DELETE CASCADE
);
CREATE INDEX report_attachments_assignment ON report_attachments (task_id, unit_id, id);
