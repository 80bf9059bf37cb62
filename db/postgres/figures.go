package postgres

// Stubs for the methods db/sqlite/figures.go implements. Port each body from that file (SQL only: rules
// stay in db), replacing errNotImplemented; keep one file per SQLite file so that porters do not collide.

import (
	"context"

	"github.com/wenming/wenming/db"
)

// SourceDocuments is not ported yet; db/sqlite/figures.go has it.
func (d *DB) SourceDocuments(ctx context.Context) ([]*db.SourceDocument, error) {
	return nil, errNotImplemented
}

// SourceDocumentsByIDs is not ported yet; db/sqlite/figures.go has it.
func (d *DB) SourceDocumentsByIDs(ctx context.Context, ids []int64) (map[int64]*db.SourceDocument, error) {
	return nil, errNotImplemented
}

// PublishedFigures is not ported yet; db/sqlite/figures.go has it.
func (d *DB) PublishedFigures(ctx context.Context, section string) ([]*db.PublishedFigure, error) {
	return nil, errNotImplemented
}

// PublishedFiguresByIDs is not ported yet; db/sqlite/figures.go has it.
func (d *DB) PublishedFiguresByIDs(ctx context.Context, ids []int64) (map[int64]*db.PublishedFigure, error) {
	return nil, errNotImplemented
}

// Measure is not ported yet; db/sqlite/figures.go has it.
func (d *DB) Measure(ctx context.Context, metrics []db.Metric, years db.YearRange) (map[db.Metric]float64, error) {
	return nil, errNotImplemented
}

// Progress is not ported yet; db/sqlite/figures.go has it.
func (d *DB) Progress(ctx context.Context, metric db.ProgressMetric, years db.YearRange) ([]db.YearValue, error) {
	return nil, errNotImplemented
}

// Targets is not ported yet; db/sqlite/figures.go has it.
func (d *DB) Targets(ctx context.Context, metric db.ProgressMetric) ([]*db.Target, error) {
	return nil, errNotImplemented
}

// TargetsByIDs is not ported yet; db/sqlite/figures.go has it.
func (d *DB) TargetsByIDs(ctx context.Context, ids []int64) (map[int64]*db.Target, error) {
	return nil, errNotImplemented
}

// Milestones is not ported yet; db/sqlite/figures.go has it.
func (d *DB) Milestones(ctx context.Context) ([]*db.Milestone, error) {
	return nil, errNotImplemented
}

// MilestonesByIDs is not ported yet; db/sqlite/figures.go has it.
func (d *DB) MilestonesByIDs(ctx context.Context, ids []int64) (map[int64]*db.Milestone, error) {
	return nil, errNotImplemented
}
