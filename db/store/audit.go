package store

import (
	"context"
	"time"

	"github.com/wenming/wenming/db"
)

func scanAudit(r Rows) (*db.AuditEntry, error) {
	a := &db.AuditEntry{}
	err := r.Scan(&a.ID, instant{&a.At}, &a.UserID, &a.Username, &a.Action, &a.Entity, &a.RecordID, &a.Before, &a.After)
	return a, err
}

// AuditLog returns one page of the audit log, newest first, as a keyset over the ID: IDs follow the order in which
// writers inserted, so a page boundary stays stable.
func (s *Store) AuditLog(ctx context.Context, f db.AuditCriteria, page db.Page) (*db.AuditEntryConnection, error) {
	w := s.where()
	if f.UserID != 0 {
		w.add("user_id = ?", f.UserID)
	}
	if f.Username != "" {
		w.add(s.eng.EqualFold("username"), f.Username)
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
		w.add("at >= ?", s.eng.Instant(f.From, time.Millisecond))
	}
	if !f.To.IsZero() {
		w.add("at < ?", s.eng.Instant(f.To, time.Millisecond))
	}
	out := &db.AuditEntryConnection{}
	if err := s.eng.Read().QueryRow(ctx, `SELECT count(*) FROM audit_log`+w.sql(), w.args...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	if page.After != "" {
		c, err := db.DecodeCursor(page.After)
		if err != nil {
			return nil, err
		}
		w.add("id < ?", c.ID)
	}
	rows, err := s.eng.Read().Query(ctx, `SELECT id, at, user_id, username, action, entity, record_id,
		CAST(before AS TEXT), CAST(after AS TEXT) FROM audit_log`+w.sql()+` ORDER BY id DESC LIMIT ?`, append(w.args, page.First+1)...)
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
