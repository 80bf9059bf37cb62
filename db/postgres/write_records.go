package postgres

// Stubs for the methods db/sqlite/write_records.go implements. Port each body from that file (SQL only: rules
// stay in db), replacing errNotImplemented; keep one file per SQLite file so that porters do not collide.

import (
	"context"

	"github.com/wenming/wenming/db"
)

// CreateUnit is not ported yet; db/sqlite/write_records.go has it.
func (d *DB) CreateUnit(ctx context.Context, in db.UnitFields) (*db.Unit, error) {
	return nil, errNotImplemented
}

// UpdateUnit is not ported yet; db/sqlite/write_records.go has it.
func (d *DB) UpdateUnit(ctx context.Context, id int64, expected int, in db.UnitFields) (*db.Unit, error) {
	return nil, errNotImplemented
}

// CreatePerson is not ported yet; db/sqlite/write_records.go has it.
func (d *DB) CreatePerson(ctx context.Context, in db.PersonFields) (*db.Person, error) {
	return nil, errNotImplemented
}

// UpdatePerson is not ported yet; db/sqlite/write_records.go has it.
func (d *DB) UpdatePerson(ctx context.Context, id int64, expected int, in db.PersonFields) (*db.Person, error) {
	return nil, errNotImplemented
}

// CreateHonor is not ported yet; db/sqlite/write_records.go has it.
func (d *DB) CreateHonor(ctx context.Context, in db.HonorFields) (*db.Honor, error) {
	return nil, errNotImplemented
}

// UpdateHonor is not ported yet; db/sqlite/write_records.go has it.
func (d *DB) UpdateHonor(ctx context.Context, id int64, expected int, in db.HonorFields) (*db.Honor, error) {
	return nil, errNotImplemented
}

// CreateVolunteerRecord is not ported yet; db/sqlite/write_records.go has it.
func (d *DB) CreateVolunteerRecord(ctx context.Context, in db.VolunteerRecordFields) (*db.VolunteerRecord, error) {
	return nil, errNotImplemented
}

// UpdateVolunteerRecord is not ported yet; db/sqlite/write_records.go has it.
func (d *DB) UpdateVolunteerRecord(ctx context.Context, id int64, expected int, in db.VolunteerRecordFields) (*db.VolunteerRecord, error) {
	return nil, errNotImplemented
}

// CreateCampaign is not ported yet; db/sqlite/write_records.go has it.
func (d *DB) CreateCampaign(ctx context.Context, in db.CampaignFields) (*db.Campaign, error) {
	return nil, errNotImplemented
}

// UpdateCampaign is not ported yet; db/sqlite/write_records.go has it.
func (d *DB) UpdateCampaign(ctx context.Context, id int64, expected int, in db.CampaignFields) (*db.Campaign, error) {
	return nil, errNotImplemented
}

// CreatePracticeLink is not ported yet; db/sqlite/write_records.go has it.
func (d *DB) CreatePracticeLink(ctx context.Context, in db.PracticeLinkFields) (*db.PracticeLink, error) {
	return nil, errNotImplemented
}

// UpdatePracticeLink is not ported yet; db/sqlite/write_records.go has it.
func (d *DB) UpdatePracticeLink(ctx context.Context, id int64, expected int, in db.PracticeLinkFields) (*db.PracticeLink, error) {
	return nil, errNotImplemented
}

// CreatePracticeActivity is not ported yet; db/sqlite/write_records.go has it.
func (d *DB) CreatePracticeActivity(ctx context.Context, in db.PracticeActivityFields) (*db.PracticeActivity, error) {
	return nil, errNotImplemented
}

// UpdatePracticeActivity is not ported yet; db/sqlite/write_records.go has it.
func (d *DB) UpdatePracticeActivity(ctx context.Context, id int64, expected int, in db.PracticeActivityFields) (*db.PracticeActivity, error) {
	return nil, errNotImplemented
}

// CreateAssessment is not ported yet; db/sqlite/write_records.go has it.
func (d *DB) CreateAssessment(ctx context.Context, in db.AssessmentFields) (*db.Assessment, error) {
	return nil, errNotImplemented
}

// UpdateAssessment is not ported yet; db/sqlite/write_records.go has it.
func (d *DB) UpdateAssessment(ctx context.Context, id int64, expected int, in db.AssessmentFields) (*db.Assessment, error) {
	return nil, errNotImplemented
}

// CreateTarget is not ported yet; db/sqlite/write_records.go has it.
func (d *DB) CreateTarget(ctx context.Context, in db.TargetFields) (*db.Target, error) {
	return nil, errNotImplemented
}

// UpdateTarget is not ported yet; db/sqlite/write_records.go has it.
func (d *DB) UpdateTarget(ctx context.Context, id int64, expected int, in db.TargetFields) (*db.Target, error) {
	return nil, errNotImplemented
}

// SetRankingWeights is not ported yet; db/sqlite/write_records.go has it.
func (d *DB) SetRankingWeights(ctx context.Context, fromYear int, in []db.RankingWeightFields) ([]*db.RankingWeight, error) {
	return nil, errNotImplemented
}

// SetHonorCategoryPoints is not ported yet; db/sqlite/write_records.go has it.
func (d *DB) SetHonorCategoryPoints(ctx context.Context, code string, points float64) (*db.HonorCategory, error) {
	return nil, errNotImplemented
}
