package postgres

// Stubs for the methods db/sqlite/honors.go implements. Port each body from that file (SQL only: rules
// stay in db), replacing errNotImplemented; keep one file per SQLite file so that porters do not collide.

import (
	"context"

	"github.com/wenming/wenming/db"
)

// HonorCategories is not ported yet; db/sqlite/honors.go has it.
func (d *DB) HonorCategories(ctx context.Context) ([]*db.HonorCategory, error) {
	return nil, errNotImplemented
}

// Honors is not ported yet; db/sqlite/honors.go has it.
func (d *DB) Honors(ctx context.Context, f db.HonorCriteria, order db.HonorOrder, page db.Page) (*db.HonorPage, error) {
	return nil, errNotImplemented
}

// HonorsByIDs is not ported yet; db/sqlite/honors.go has it.
func (d *DB) HonorsByIDs(ctx context.Context, ids []int64) (map[int64]*db.Honor, error) {
	return nil, errNotImplemented
}

// HonorsByUnits is not ported yet; db/sqlite/honors.go has it.
func (d *DB) HonorsByUnits(ctx context.Context, ids []int64) (map[int64][]*db.Honor, error) {
	return nil, errNotImplemented
}

// HonorsByPeople is not ported yet; db/sqlite/honors.go has it.
func (d *DB) HonorsByPeople(ctx context.Context, ids []int64) (map[int64][]*db.Honor, error) {
	return nil, errNotImplemented
}

// HonorsByProjects is not ported yet; db/sqlite/honors.go has it.
func (d *DB) HonorsByProjects(ctx context.Context, ids []int64) (map[int64][]*db.Honor, error) {
	return nil, errNotImplemented
}

// HonorStats is not ported yet; db/sqlite/honors.go has it.
func (d *DB) HonorStats(ctx context.Context, groupBy []db.HonorDimension, f db.HonorCriteria) ([]*db.HonorBucket, error) {
	return nil, errNotImplemented
}

// People is not ported yet; db/sqlite/honors.go has it.
func (d *DB) People(ctx context.Context, f db.PersonCriteria, page db.Page) (*db.PersonPage, error) {
	return nil, errNotImplemented
}

// PeopleByIDs is not ported yet; db/sqlite/honors.go has it.
func (d *DB) PeopleByIDs(ctx context.Context, ids []int64) (map[int64]*db.Person, error) {
	return nil, errNotImplemented
}
