package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/wenming/wenming/db"
)

// The evidence units attach to their reports. A file is added or removed only while the unit may still save its
// draft (the same step of the flow decides), and read only through the contents scope: the office's editors and
// the owning unit.

const reportAttachmentCols = `f.id, f.task_id, f.unit_id, f.field, f.name, f.content_type, f.size, f.uploaded_by, f.uploaded_at`

func scanReportAttachment(r Row, extra ...any) (*db.ReportAttachment, error) {
	f := &db.ReportAttachment{}
	return f, r.Scan(append([]any{&f.ID, &f.TaskID, &f.UnitID, &f.Field, &f.Name, &f.ContentType, &f.Size, &f.UploadedBy, instant{&f.UploadedAt}}, extra...)...)
}

// mayEditDraft checks, for the caller, that the unit's draft may still change at now: the flow's SAVE_DRAFT step
// decides (state, window, actor), without taking it.
func mayEditDraft(ctx context.Context, a *db.ReportAssignment, now time.Time) error {
	who := db.ReportActorOf(db.PrincipalFrom(ctx))
	if who == "" {
		return db.Errorf(db.EFORBIDDEN, "无权进行此上报操作")
	}
	_, err := db.NextReportState(a.State, db.ActionSaveDraft, who, a.Window, now)
	return err
}

// AttachReportFile adds a file to a unit's report, its type sniffed from its bytes, within the limits of one file
// and of the report's files together.
func (s *Store) AttachReportFile(ctx context.Context, step db.ReportStep, field, name string, data []byte) (*db.ReportAttachment, error) {
	ct, err := db.SniffAttachment(data)
	if err != nil {
		return nil, err
	}
	if len(field) > 200 {
		return nil, db.FieldErrorf("field", "字段路径过长")
	}
	_, who := actor(ctx)
	f := &db.ReportAttachment{TaskID: step.TaskID, UnitID: step.UnitID, Field: field, Name: db.CleanAttachmentName(name), ContentType: ct,
		Size: len(data), UploadedBy: who, UploadedAt: step.Now}
	err = s.eng.Tx(ctx, func(tx *Tx) error {
		a, err := s.lockAssignment(ctx, tx, step.TaskID, step.UnitID)
		if err != nil {
			return err
		}
		if err := mayEditDraft(ctx, a, step.Now); err != nil {
			return err
		}
		var used int64
		if err := tx.QueryRow(ctx, `SELECT coalesce(sum(size), 0) FROM report_attachments WHERE task_id = ? AND unit_id = ?`, a.TaskID, a.UnitID).Scan(&used); err != nil {
			return err
		}
		if used+int64(len(data)) > db.MaxSubmissionAttachmentBytes {
			return db.FieldErrorf("file", "本单位上报的附件合计不能超过 %d MB", db.MaxSubmissionAttachmentBytes>>20)
		}
		return tx.QueryRow(ctx, `INSERT INTO report_attachments (task_id, unit_id, field, name, content_type, size, data, uploaded_by, uploaded_at)
			VALUES (?,?,?,?,?,?,?,?,?) RETURNING id`, a.TaskID, a.UnitID, f.Field, f.Name, f.ContentType, f.Size, data, f.UploadedBy,
			s.milli(f.UploadedAt)).Scan(&f.ID)
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

var errNoAttachment = db.Errorf(db.ENOTFOUND, "附件不存在")

// DetachReportFile removes a file from a unit's report while the unit may still save its draft.
func (s *Store) DetachReportFile(ctx context.Context, id int64, now time.Time) error {
	return s.eng.Tx(ctx, func(tx *Tx) error {
		var taskID, unitID int64
		err := tx.QueryRow(ctx, `SELECT task_id, unit_id FROM report_attachments WHERE id = ?`, id).Scan(&taskID, &unitID)
		if errors.Is(err, sql.ErrNoRows) {
			return errNoAttachment
		} else if err != nil {
			return err
		}
		a, err := s.lockAssignment(ctx, tx, taskID, unitID)
		if db.ErrorCode(err) == db.ENOTFOUND {
			return errNoAttachment
		} else if err != nil {
			return err
		}
		if err := mayEditDraft(ctx, a, now); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `DELETE FROM report_attachments WHERE id = ?`, id)
		return err
	})
}

// ReportAttachments lists a unit's attachments in the caller's contents scope, oldest first.
func (s *Store) ReportAttachments(ctx context.Context, taskID, unitID int64) ([]*db.ReportAttachment, error) {
	w := &where{}
	if !contentScope(ctx, w) {
		return nil, nil
	}
	w.add("a.task_id = ?", taskID)
	w.add("a.unit_id = ?", unitID)
	rows, err := s.eng.Read().Query(ctx, `SELECT `+reportAttachmentCols+` FROM report_attachments f
		JOIN report_assignments a ON a.task_id = f.task_id AND a.unit_id = f.unit_id`+w.sql()+` ORDER BY f.id`, w.args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) (*db.ReportAttachment, error) { return scanReportAttachment(r) })
}

// ReportAttachmentData reads one attachment with its bytes in the caller's contents scope; another unit's is
// ENOTFOUND, like a missing one.
func (s *Store) ReportAttachmentData(ctx context.Context, id int64) (*db.ReportAttachment, []byte, error) {
	w := &where{}
	if !contentScope(ctx, w) {
		return nil, nil, errNoAttachment
	}
	w.add("f.id = ?", id)
	var data []byte
	f, err := scanReportAttachment(s.eng.Read().QueryRow(ctx, `SELECT `+reportAttachmentCols+`, f.data FROM report_attachments f
		JOIN report_assignments a ON a.task_id = f.task_id AND a.unit_id = f.unit_id`+w.sql(), w.args...), &data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, errNoAttachment
	}
	return f, data, err
}
