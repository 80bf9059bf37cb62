package postgres

// Stubs for the methods db/sqlite/volunteer.go implements. Port each body from that file (SQL only: rules
// stay in db), replacing errNotImplemented; keep one file per SQLite file so that porters do not collide.

import (
	"context"

	"github.com/wenming/wenming/db"
)

// VolunteerRecords is not ported yet; db/sqlite/volunteer.go has it.
func (d *DB) VolunteerRecords(ctx context.Context, f db.VolunteerCriteria, page db.Page) (*db.VolunteerRecordPage, error) {
	return nil, errNotImplemented
}

// VolunteerRecordsByIDs is not ported yet; db/sqlite/volunteer.go has it.
func (d *DB) VolunteerRecordsByIDs(ctx context.Context, ids []int64) (map[int64]*db.VolunteerRecord, error) {
	return nil, errNotImplemented
}

// VolunteerStats is not ported yet; db/sqlite/volunteer.go has it.
func (d *DB) VolunteerStats(ctx context.Context, groupBy []db.VolunteerDimension, f db.VolunteerCriteria) ([]*db.VolunteerBucket, error) {
	return nil, errNotImplemented
}

// VolunteerTotalsByUnits is not ported yet; db/sqlite/volunteer.go has it.
func (d *DB) VolunteerTotalsByUnits(ctx context.Context, ids []int64, years db.YearRange) (map[int64]*db.VolunteerTotals, error) {
	return nil, errNotImplemented
}

// Campaigns is not ported yet; db/sqlite/volunteer.go has it.
func (d *DB) Campaigns(ctx context.Context) ([]*db.Campaign, error) {
	return nil, errNotImplemented
}

// CampaignsByIDs is not ported yet; db/sqlite/volunteer.go has it.
func (d *DB) CampaignsByIDs(ctx context.Context, ids []int64) (map[int64]*db.Campaign, error) {
	return nil, errNotImplemented
}

// DonationsByCampaigns is not ported yet; db/sqlite/volunteer.go has it.
func (d *DB) DonationsByCampaigns(ctx context.Context, ids []int64) (map[int64][]*db.Donation, error) {
	return nil, errNotImplemented
}

// DonationsByIDs is not ported yet; db/sqlite/volunteer.go has it.
func (d *DB) DonationsByIDs(ctx context.Context, ids []int64) (map[int64]*db.Donation, error) {
	return nil, errNotImplemented
}

// VolunteerProjects is not ported yet; db/sqlite/volunteer.go has it.
func (d *DB) VolunteerProjects(ctx context.Context, brandOnly bool) ([]*db.VolunteerProject, error) {
	return nil, errNotImplemented
}

// VolunteerProjectsByIDs is not ported yet; db/sqlite/volunteer.go has it.
func (d *DB) VolunteerProjectsByIDs(ctx context.Context, ids []int64) (map[int64]*db.VolunteerProject, error) {
	return nil, errNotImplemented
}

// Federation is not ported yet; db/sqlite/volunteer.go has it.
func (d *DB) Federation(ctx context.Context) (*db.FederationSummary, error) {
	return nil, errNotImplemented
}
