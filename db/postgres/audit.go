package postgres

// Stubs for the methods db/sqlite/audit.go implements. Port each body from that file (SQL only: rules
// stay in db), replacing errNotImplemented; keep one file per SQLite file so that porters do not collide.

import (
	"context"

	"github.com/wenming/wenming/db"
)

// AuditLog is not ported yet; db/sqlite/audit.go has it.
func (d *DB) AuditLog(ctx context.Context, f db.AuditCriteria, page db.Page) (*db.AuditEntryConnection, error) {
	return nil, errNotImplemented
}
