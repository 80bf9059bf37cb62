package postgres

// Stubs for the methods db/sqlite/demo.go implements. Port each body from that file (SQL only: rules
// stay in db), replacing errNotImplemented; keep one file per SQLite file so that porters do not collide.

import (
	"context"

	"github.com/wenming/wenming/db"
)

// PurgeDemo is not ported yet; db/sqlite/demo.go has it.
func (d *DB) PurgeDemo(ctx context.Context, dryRun bool) (*db.DemoPurgeReport, error) {
	return nil, errNotImplemented
}
