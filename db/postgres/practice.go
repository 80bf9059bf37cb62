package postgres

// Stubs for the methods db/sqlite/practice.go implements. Port each body from that file (SQL only: rules
// stay in db), replacing errNotImplemented; keep one file per SQLite file so that porters do not collide.

import (
	"context"

	"github.com/wenming/wenming/db"
)

// PracticeCenters is not ported yet; db/sqlite/practice.go has it.
func (d *DB) PracticeCenters(ctx context.Context, prefecture string) ([]*db.PracticeCenter, error) {
	return nil, errNotImplemented
}

// PracticeCentersByIDs is not ported yet; db/sqlite/practice.go has it.
func (d *DB) PracticeCentersByIDs(ctx context.Context, ids []int64) (map[int64]*db.PracticeCenter, error) {
	return nil, errNotImplemented
}

// PracticeLinksByUnits is not ported yet; db/sqlite/practice.go has it.
func (d *DB) PracticeLinksByUnits(ctx context.Context, ids []int64) (map[int64][]*db.PracticeLink, error) {
	return nil, errNotImplemented
}

// PracticeLinksByCenters is not ported yet; db/sqlite/practice.go has it.
func (d *DB) PracticeLinksByCenters(ctx context.Context, ids []int64) (map[int64][]*db.PracticeLink, error) {
	return nil, errNotImplemented
}

// PracticeLinksByIDs is not ported yet; db/sqlite/practice.go has it.
func (d *DB) PracticeLinksByIDs(ctx context.Context, ids []int64) (map[int64]*db.PracticeLink, error) {
	return nil, errNotImplemented
}

// PairingsByUnits is not ported yet; db/sqlite/practice.go has it.
func (d *DB) PairingsByUnits(ctx context.Context, ids []int64) (map[int64][]*db.Pairing, error) {
	return nil, errNotImplemented
}

// PairingsByIDs is not ported yet; db/sqlite/practice.go has it.
func (d *DB) PairingsByIDs(ctx context.Context, ids []int64) (map[int64]*db.Pairing, error) {
	return nil, errNotImplemented
}

// CenterSessions is not ported yet; db/sqlite/practice.go has it.
func (d *DB) CenterSessions(ctx context.Context, ids []int64) (map[int64]int, error) {
	return nil, errNotImplemented
}

// PracticeSummary is not ported yet; db/sqlite/practice.go has it.
func (d *DB) PracticeSummary(ctx context.Context, years db.YearRange) (*db.PracticeSummary, error) {
	return nil, errNotImplemented
}

// PracticeActivityStats is not ported yet; db/sqlite/practice.go has it.
func (d *DB) PracticeActivityStats(ctx context.Context, years db.YearRange) ([]*db.PracticeActivityBucket, error) {
	return nil, errNotImplemented
}

// WorkStats is not ported yet; db/sqlite/practice.go has it.
func (d *DB) WorkStats(ctx context.Context, years db.YearRange) ([]*db.WorkBucket, error) {
	return nil, errNotImplemented
}
