package postgres

// Stubs for the methods db/sqlite/records.go implements. Port each body from that file (SQL only: rules
// stay in db), replacing errNotImplemented; keep one file per SQLite file so that porters do not collide.

import (
	"context"

	"github.com/wenming/wenming/db"
)

// PracticeActivities is not ported yet; db/sqlite/records.go has it.
func (d *DB) PracticeActivities(ctx context.Context, f db.PracticeActivityCriteria, page db.Page) (*db.PracticeActivityConnection, error) {
	return nil, errNotImplemented
}

// PracticeActivitiesByIDs is not ported yet; db/sqlite/records.go has it.
func (d *DB) PracticeActivitiesByIDs(ctx context.Context, ids []int64) (map[int64]*db.PracticeActivity, error) {
	return nil, errNotImplemented
}

// Assessments is not ported yet; db/sqlite/records.go has it.
func (d *DB) Assessments(ctx context.Context, f db.AssessmentCriteria, page db.Page) (*db.AssessmentConnection, error) {
	return nil, errNotImplemented
}

// VolunteerRecordsInOrder is not ported yet; db/sqlite/records.go has it.
func (d *DB) VolunteerRecordsInOrder(ctx context.Context, f db.VolunteerCriteria, order db.VolunteerRecordOrder, page db.Page) (*db.VolunteerRecordPage, error) {
	return nil, errNotImplemented
}
