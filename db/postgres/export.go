package postgres

// Stubs for the methods db/sqlite/export.go implements. Port each body from that file (SQL only: rules
// stay in db), replacing errNotImplemented; keep one file per SQLite file so that porters do not collide.

import (
	"context"

	"github.com/wenming/wenming/db"
)

// EachHonor is not ported yet; db/sqlite/export.go has it.
func (d *DB) EachHonor(ctx context.Context, f db.HonorCriteria, fn func(*db.Honor) error) error {
	return errNotImplemented
}

// EachVolunteerRecord is not ported yet; db/sqlite/export.go has it.
func (d *DB) EachVolunteerRecord(ctx context.Context, f db.VolunteerCriteria, fn func(*db.VolunteerRecord) error) error {
	return errNotImplemented
}

// EachUnit is not ported yet; db/sqlite/export.go has it.
func (d *DB) EachUnit(ctx context.Context, f db.UnitCriteria, fn func(*db.Unit) error) error {
	return errNotImplemented
}

// EachPerson is not ported yet; db/sqlite/export.go has it.
func (d *DB) EachPerson(ctx context.Context, f db.PersonCriteria, fn func(*db.Person) error) error {
	return errNotImplemented
}

// EachAssessment is not ported yet; db/sqlite/export.go has it.
func (d *DB) EachAssessment(ctx context.Context, f db.AssessmentCriteria, fn func(*db.Assessment) error) error {
	return errNotImplemented
}

// EachPracticeActivity is not ported yet; db/sqlite/export.go has it.
func (d *DB) EachPracticeActivity(ctx context.Context, f db.PracticeActivityCriteria, fn func(*db.PracticeActivity) error) error {
	return errNotImplemented
}
