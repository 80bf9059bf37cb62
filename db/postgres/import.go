package postgres

// Stubs for the methods db/sqlite/import.go implements. Port each body from that file (SQL only: rules
// stay in db), replacing errNotImplemented; keep one file per SQLite file so that porters do not collide.

import (
	"context"

	"github.com/wenming/wenming/db"
)

// Import is not ported yet; db/sqlite/import.go has it.
func (d *DB) Import(ctx context.Context, req db.ImportRequest) (*db.ImportReport, error) {
	return nil, errNotImplemented
}

// ImportCatalog is not ported yet; db/sqlite/import.go has it.
func (d *DB) ImportCatalog(ctx context.Context) (*db.Catalog, error) {
	return nil, errNotImplemented
}
