package postgres

// Stubs for the methods db/sqlite/auth.go implements. Port each body from that file (SQL only: rules
// stay in db), replacing errNotImplemented; keep one file per SQLite file so that porters do not collide.

import (
	"context"
	"time"

	"github.com/wenming/wenming/db"
)

// CreateUser is not ported yet; db/sqlite/auth.go has it.
func (d *DB) CreateUser(ctx context.Context, u *db.User) error {
	return errNotImplemented
}

// UserByUsername is not ported yet; db/sqlite/auth.go has it.
func (d *DB) UserByUsername(ctx context.Context, username string) (*db.User, error) {
	return nil, errNotImplemented
}

// UserByID is not ported yet; db/sqlite/auth.go has it.
func (d *DB) UserByID(ctx context.Context, id int64) (*db.User, error) {
	return nil, errNotImplemented
}

// Users is not ported yet; db/sqlite/auth.go has it.
func (d *DB) Users(ctx context.Context) ([]*db.User, error) {
	return nil, errNotImplemented
}

// SetPassword is not ported yet; db/sqlite/auth.go has it.
func (d *DB) SetPassword(ctx context.Context, userID int64, hash string) error {
	return errNotImplemented
}

// SetRole is not ported yet; db/sqlite/auth.go has it.
func (d *DB) SetRole(ctx context.Context, userID int64, role db.Role, disabled *bool) error {
	return errNotImplemented
}

// HasAdmin is not ported yet; db/sqlite/auth.go has it.
func (d *DB) HasAdmin(ctx context.Context) (bool, error) {
	return false, errNotImplemented
}

// CreateSession is not ported yet; db/sqlite/auth.go has it.
func (d *DB) CreateSession(ctx context.Context, userID int64, hash string, expires time.Time) error {
	return errNotImplemented
}

// SessionUser is not ported yet; db/sqlite/auth.go has it.
func (d *DB) SessionUser(ctx context.Context, hash string, now time.Time) (*db.User, error) {
	return nil, errNotImplemented
}

// DeleteSession is not ported yet; db/sqlite/auth.go has it.
func (d *DB) DeleteSession(ctx context.Context, hash string) error {
	return errNotImplemented
}

// CreateToken is not ported yet; db/sqlite/auth.go has it.
func (d *DB) CreateToken(ctx context.Context, t *db.APIToken) error {
	return errNotImplemented
}

// TokenByHash is not ported yet; db/sqlite/auth.go has it.
func (d *DB) TokenByHash(ctx context.Context, hash string, now time.Time) (*db.APIToken, error) {
	return nil, errNotImplemented
}

// Tokens is not ported yet; db/sqlite/auth.go has it.
func (d *DB) Tokens(ctx context.Context, userID int64) ([]*db.APIToken, error) {
	return nil, errNotImplemented
}

// RevokeToken is not ported yet; db/sqlite/auth.go has it.
func (d *DB) RevokeToken(ctx context.Context, id int64, now time.Time) error {
	return errNotImplemented
}

// TokenByID is not ported yet; db/sqlite/auth.go has it.
func (d *DB) TokenByID(ctx context.Context, id int64) (*db.APIToken, error) {
	return nil, errNotImplemented
}
