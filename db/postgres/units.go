package postgres

// Stubs for the methods db/sqlite/units.go implements. Port each body from that file (SQL only: rules
// stay in db), replacing errNotImplemented; keep one file per SQLite file so that porters do not collide.

import (
	"context"

	"github.com/wenming/wenming/db"
)

// Units is not ported yet; db/sqlite/units.go has it.
func (d *DB) Units(ctx context.Context, f db.UnitCriteria, page db.Page) (*db.UnitPage, error) {
	return nil, errNotImplemented
}

// UnitsByIDs is not ported yet; db/sqlite/units.go has it.
func (d *DB) UnitsByIDs(ctx context.Context, ids []int64) (map[int64]*db.Unit, error) {
	return nil, errNotImplemented
}

// UnitKinds is not ported yet; db/sqlite/units.go has it.
func (d *DB) UnitKinds(ctx context.Context) ([]*db.UnitKindCount, error) {
	return nil, errNotImplemented
}

// RankingInputs is not ported yet; db/sqlite/units.go has it.
func (d *DB) RankingInputs(ctx context.Context, year int, unitKind string) ([]db.RankingInput, error) {
	return nil, errNotImplemented
}

// RankingWeights is not ported yet; db/sqlite/units.go has it.
func (d *DB) RankingWeights(ctx context.Context, year int) ([]*db.RankingWeight, error) {
	return nil, errNotImplemented
}

// AssessmentsByUnits is not ported yet; db/sqlite/units.go has it.
func (d *DB) AssessmentsByUnits(ctx context.Context, ids []int64) (map[int64][]*db.Assessment, error) {
	return nil, errNotImplemented
}

// AssessmentsByIDs is not ported yet; db/sqlite/units.go has it.
func (d *DB) AssessmentsByIDs(ctx context.Context, ids []int64) (map[int64]*db.Assessment, error) {
	return nil, errNotImplemented
}

// IndicatorScoresByAssessments is not ported yet; db/sqlite/units.go has it.
func (d *DB) IndicatorScoresByAssessments(ctx context.Context, ids []int64) (map[int64][]*db.IndicatorScore, error) {
	return nil, errNotImplemented
}

// AssessmentIndicators is not ported yet; db/sqlite/units.go has it.
func (d *DB) AssessmentIndicators(ctx context.Context, year int) ([]*db.AssessmentIndicator, error) {
	return nil, errNotImplemented
}

// AssessmentStageStats is not ported yet; db/sqlite/units.go has it.
func (d *DB) AssessmentStageStats(ctx context.Context, years db.YearRange) ([]*db.AssessmentStageBucket, error) {
	return nil, errNotImplemented
}
