package postgres

// Stubs for the methods db/sqlite/write_bin.go implements. Port each body from that file (SQL only: rules
// stay in db), replacing errNotImplemented; keep one file per SQLite file so that porters do not collide.

import (
	"context"

	"github.com/wenming/wenming/db"
)

// DeleteRecord is not ported yet; db/sqlite/write_bin.go has it.
func (d *DB) DeleteRecord(ctx context.Context, e db.Entity, id int64, expected int) (*db.DeletedRecord, error) {
	return nil, errNotImplemented
}

// RestoreRecord is not ported yet; db/sqlite/write_bin.go has it.
func (d *DB) RestoreRecord(ctx context.Context, binID int64) (*db.DeletedRecord, error) {
	return nil, errNotImplemented
}

// DeletedRecords is not ported yet; db/sqlite/write_bin.go has it.
func (d *DB) DeletedRecords(ctx context.Context, f db.DeletedCriteria, page db.Page) (*db.DeletedRecordConnection, error) {
	return nil, errNotImplemented
}

// DeletedRecordsByIDs is not ported yet; db/sqlite/write_bin.go has it.
func (d *DB) DeletedRecordsByIDs(ctx context.Context, ids []int64) (map[int64]*db.DeletedRecord, error) {
	return nil, errNotImplemented
}
