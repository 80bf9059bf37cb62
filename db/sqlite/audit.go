package sqlite

import (
	"context"
	"database/sql"

	"github.com/wenming/wenming/db"
)

func scanAudit(r *sql.Rows) (*db.AuditEntry, error) {
	a := &db.AuditEntry{}
	var at string
	err := r.Scan(&a.ID, &at, &a.UserID, &a.Username, &a.Action, &a.Entity, &a.RecordID, &a.Before, &a.After)
	a.At = parseAuditTime(at)
	return a, err
}

// AuditLog returns one page of the audit log, newest first. IDs grow with time (one writer), so the page is a
// keyset over the ID.
func (d *DB) AuditLog(ctx context.Context, f db.AuditCriteria, page db.Page) (*db.AuditEntryConnection, error) {
	w := &where{}
	if f.UserID != 0 {
		w.add("user_id = ?", f.UserID)
	}
	if f.Username != "" {
		w.add("username = ? COLLATE NOCASE", f.Username)
	}
	if f.Entity != "" {
		w.add("entity = ?", f.Entity)
	}
	if f.Action != "" {
		w.add("action = ?", f.Action)
	}
	if f.RecordID != 0 {
		w.add("record_id = ?", f.RecordID)
	}
	if !f.From.IsZero() {
		w.add("at >= ?", formatAuditTime(f.From))
	}
	if !f.To.IsZero() {
		w.add("at < ?", formatAuditTime(f.To))
	}
	out := &db.AuditEntryConnection{}
	if err := d.read.QueryRowContext(ctx, `SELECT count(*) FROM audit_log`+w.sql(), w.args...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	if page.After != "" {
		c, err := db.DecodeCursor(page.After)
		if err != nil {
			return nil, err
		}
		w.add("id < ?", c.ID)
	}
	rows, err := d.read.QueryContext(ctx, `SELECT id, at, user_id, username, action, entity, record_id, before, after FROM audit_log`+w.sql()+
		` ORDER BY id DESC LIMIT ?`, append(w.args, page.First+1)...)
	if err != nil {
		return nil, err
	}
	as, err := collect(rows, scanAudit)
	if err != nil {
		return nil, err
	}
	out.Edges, out.PageInfo = db.Paged(as, page, func(a *db.AuditEntry) string { return db.EncodeCursor("", nil, a.ID) },
		func(c string, a *db.AuditEntry) *db.AuditEntryEdge { return &db.AuditEntryEdge{Cursor: c, Node: a} })
	return out, nil
}
