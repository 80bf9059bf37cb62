package postgres

// The audit log's reader, ported from db/sqlite/audit.go; writeAudit (write.go) appends inside each write.

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/wenming/wenming/db"
)

func scanAudit(r pgx.Rows) (*db.AuditEntry, error) {
	a := &db.AuditEntry{}
	err := r.Scan(&a.ID, &a.At, &a.UserID, &a.Username, &a.Action, &a.Entity, &a.RecordID, &a.Before, &a.After)
	a.At = a.At.UTC()
	return a, err
}

// AuditLog returns one page of the audit log, newest first, as a keyset over the ID. Identity IDs follow the order
// in which writers inserted, not quite commit order, but a page boundary stays stable either way.
func (d *DB) AuditLog(ctx context.Context, f db.AuditCriteria, page db.Page) (*db.AuditEntryConnection, error) {
	w := &where{}
	if f.UserID != 0 {
		w.add("user_id = ?", f.UserID)
	}
	if f.Username != "" {
		w.add("lower(username) = lower(?)", f.Username)
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
		w.add("at >= ?", f.From.UTC().Truncate(time.Millisecond))
	}
	if !f.To.IsZero() {
		w.add("at < ?", f.To.UTC().Truncate(time.Millisecond))
	}
	out := &db.AuditEntryConnection{}
	if err := d.pool.QueryRow(ctx, `SELECT count(*) FROM audit_log`+w.sql(), w.args...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	if page.After != "" {
		c, err := db.DecodeCursor(page.After)
		if err != nil {
			return nil, err
		}
		w.add("id < ?", c.ID)
	}
	rows, err := d.pool.Query(ctx, `SELECT id, at, user_id, username, action, entity, record_id, before::text, after::text FROM audit_log`+w.sql()+
		` ORDER BY id DESC LIMIT `+w.arg(page.First+1), w.args...)
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
