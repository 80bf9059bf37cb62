package postgres

// Stubs for the methods db/sqlite/article.go implements. Port each body from that file (SQL only: rules
// stay in db), replacing errNotImplemented; keep one file per SQLite file so that porters do not collide.

import (
	"context"

	"github.com/wenming/wenming/db"
)

// PracticeActions is not ported yet; db/sqlite/article.go has it.
func (d *DB) PracticeActions(ctx context.Context) ([]*db.PracticeActionInfo, error) {
	return nil, errNotImplemented
}

// PairingContents is not ported yet; db/sqlite/article.go has it.
func (d *DB) PairingContents(ctx context.Context, ids []int64) (map[int64][]db.PairingContent, error) {
	return nil, errNotImplemented
}

// PairingContentCounts is not ported yet; db/sqlite/article.go has it.
func (d *DB) PairingContentCounts(ctx context.Context) ([]*db.PairingContentCount, error) {
	return nil, errNotImplemented
}

// Wishes is not ported yet; db/sqlite/article.go has it.
func (d *DB) Wishes(ctx context.Context, f db.WishCriteria, page db.Page) (*db.WishConnection, error) {
	return nil, errNotImplemented
}

// WishesByIDs is not ported yet; db/sqlite/article.go has it.
func (d *DB) WishesByIDs(ctx context.Context, ids []int64) (map[int64]*db.Wish, error) {
	return nil, errNotImplemented
}

// WishFunnel is not ported yet; db/sqlite/article.go has it.
func (d *DB) WishFunnel(ctx context.Context) ([]*db.WishStageCount, error) {
	return nil, errNotImplemented
}

// CaseCompilations is not ported yet; db/sqlite/article.go has it.
func (d *DB) CaseCompilations(ctx context.Context) ([]*db.CaseCompilation, error) {
	return nil, errNotImplemented
}

// ExcellentCases is not ported yet; db/sqlite/article.go has it.
func (d *DB) ExcellentCases(ctx context.Context, f db.CaseCriteria, page db.Page) (*db.ExcellentCaseConnection, error) {
	return nil, errNotImplemented
}

// ExcellentCasesByIDs is not ported yet; db/sqlite/article.go has it.
func (d *DB) ExcellentCasesByIDs(ctx context.Context, ids []int64) (map[int64]*db.ExcellentCase, error) {
	return nil, errNotImplemented
}

// TalentMembers is not ported yet; db/sqlite/article.go has it.
func (d *DB) TalentMembers(ctx context.Context, f db.TalentCriteria, page db.Page) (*db.TalentMemberConnection, error) {
	return nil, errNotImplemented
}

// TalentMembersByIDs is not ported yet; db/sqlite/article.go has it.
func (d *DB) TalentMembersByIDs(ctx context.Context, ids []int64) (map[int64]*db.TalentMember, error) {
	return nil, errNotImplemented
}

// TalentRoleCounts is not ported yet; db/sqlite/article.go has it.
func (d *DB) TalentRoleCounts(ctx context.Context) ([]*db.TalentRoleCount, error) {
	return nil, errNotImplemented
}

// CivilisationEvents is not ported yet; db/sqlite/article.go has it.
func (d *DB) CivilisationEvents(ctx context.Context, f db.EventCriteria, page db.Page) (*db.CivilisationEventConnection, error) {
	return nil, errNotImplemented
}

// CivilisationEventsByIDs is not ported yet; db/sqlite/article.go has it.
func (d *DB) CivilisationEventsByIDs(ctx context.Context, ids []int64) (map[int64]*db.CivilisationEvent, error) {
	return nil, errNotImplemented
}

// CreateWish is not ported yet; db/sqlite/article.go has it.
func (d *DB) CreateWish(ctx context.Context, in db.WishFields) (*db.Wish, error) {
	return nil, errNotImplemented
}

// UpdateWish is not ported yet; db/sqlite/article.go has it.
func (d *DB) UpdateWish(ctx context.Context, id int64, expected int, in db.WishFields) (*db.Wish, error) {
	return nil, errNotImplemented
}

// CreateExcellentCase is not ported yet; db/sqlite/article.go has it.
func (d *DB) CreateExcellentCase(ctx context.Context, in db.ExcellentCaseFields) (*db.ExcellentCase, error) {
	return nil, errNotImplemented
}

// UpdateExcellentCase is not ported yet; db/sqlite/article.go has it.
func (d *DB) UpdateExcellentCase(ctx context.Context, id int64, expected int, in db.ExcellentCaseFields) (*db.ExcellentCase, error) {
	return nil, errNotImplemented
}

// CreateTalentMember is not ported yet; db/sqlite/article.go has it.
func (d *DB) CreateTalentMember(ctx context.Context, in db.TalentMemberFields) (*db.TalentMember, error) {
	return nil, errNotImplemented
}

// UpdateTalentMember is not ported yet; db/sqlite/article.go has it.
func (d *DB) UpdateTalentMember(ctx context.Context, id int64, expected int, in db.TalentMemberFields) (*db.TalentMember, error) {
	return nil, errNotImplemented
}

// CreateCivilisationEvent is not ported yet; db/sqlite/article.go has it.
func (d *DB) CreateCivilisationEvent(ctx context.Context, in db.CivilisationEventFields) (*db.CivilisationEvent, error) {
	return nil, errNotImplemented
}

// UpdateCivilisationEvent is not ported yet; db/sqlite/article.go has it.
func (d *DB) UpdateCivilisationEvent(ctx context.Context, id int64, expected int, in db.CivilisationEventFields) (*db.CivilisationEvent, error) {
	return nil, errNotImplemented
}
