package postgres

// Users, sessions and API tokens, ported from db/sqlite/auth.go. They live in the database, so that a session or a
// token made through one replica works on every other. They are not records of the dashboard: their writes bump no
// data version. Times are kept to the second, as SQLite keeps them.

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/wenming/wenming/db"
)

const userCols = `id, username, display_name, role, password_hash, disabled, created_at`

func scanUser(r interface{ Scan(...any) error }) (*db.User, error) {
	u := &db.User{}
	if err := r.Scan(&u.ID, &u.Username, &u.DisplayName, &u.Role, &u.PasswordHash, &u.Disabled, &u.CreatedAt); err != nil {
		return nil, err
	}
	u.CreatedAt = u.CreatedAt.UTC()
	return u, nil
}

func notFound(err error, what string) error {
	if isNoRows(err) {
		return db.Errorf(db.ENOTFOUND, "%s不存在", what)
	}
	return err
}

// authTime is how an auth table stores a time: UTC, to the second.
func authTime(t time.Time) time.Time { return t.UTC().Truncate(time.Second) }

func authTimePtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	v := authTime(*t)
	return &v
}

// CreateUser adds an account; a taken username (in any letter case) is ECONFLICT.
func (d *DB) CreateUser(ctx context.Context, u *db.User) error {
	err := d.pool.QueryRow(ctx, `INSERT INTO users (username, display_name, role, password_hash, disabled, created_at)
		VALUES ($1,$2,$3,$4,$5,$6) RETURNING id, created_at`,
		u.Username, u.DisplayName, u.Role, u.PasswordHash, u.Disabled, authTime(timeNow())).Scan(&u.ID, &u.CreatedAt)
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505":
			return db.Errorf(db.ECONFLICT, "用户名 %q 已被使用", u.Username)
		case "23514":
			return db.FieldErrorf("username", "用户名须为 2–64 个字符")
		}
	}
	if err != nil {
		return err
	}
	u.CreatedAt = u.CreatedAt.UTC()
	return nil
}

// UserByUsername finds an account, case-insensitively.
func (d *DB) UserByUsername(ctx context.Context, username string) (*db.User, error) {
	u, err := scanUser(d.pool.QueryRow(ctx, `SELECT `+userCols+` FROM users WHERE lower(username) = lower($1)`, username))
	return u, notFound(err, "用户")
}

// UserByID finds an account by ID.
func (d *DB) UserByID(ctx context.Context, id int64) (*db.User, error) {
	u, err := scanUser(d.pool.QueryRow(ctx, `SELECT `+userCols+` FROM users WHERE id = $1`, id))
	return u, notFound(err, "用户")
}

// Users lists every account.
func (d *DB) Users(ctx context.Context) ([]*db.User, error) {
	rows, err := d.pool.Query(ctx, `SELECT `+userCols+` FROM users ORDER BY id`)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r pgx.Rows) (*db.User, error) { return scanUser(r) })
}

// SetPassword replaces a password hash, ends the user's sessions and revokes their API tokens, in one transaction.
func (d *DB) SetPassword(ctx context.Context, userID int64, hash string) error {
	now := authTime(timeNow())
	return pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE users SET password_hash = $1 WHERE id = $2`, hash, userID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return db.Errorf(db.ENOTFOUND, "用户不存在")
		}
		if _, err = tx.Exec(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL`, now, userID)
		return err
	})
}

// SetRole changes a user's role or disables them; disabling ends their sessions. The users table is locked against
// other writers first, so that two admins demoting each other on two replicas cannot both pass the last-admin check.
func (d *DB) SetRole(ctx context.Context, userID int64, role db.Role, disabled *bool) error {
	return pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`); err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `UPDATE users SET role = $1, disabled = coalesce($2, disabled) WHERE id = $3`, role, disabled, userID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return db.Errorf(db.ENOTFOUND, "用户不存在")
		}
		var admins int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM users WHERE role = 'ADMIN' AND NOT disabled`).Scan(&admins); err != nil {
			return err
		}
		if admins == 0 {
			return db.Errorf(db.ECONFLICT, "至少要保留一个可用的管理员")
		}
		if disabled != nil && *disabled {
			// A disabled user keeps no way in: sessions end and tokens are revoked, so that enabling them again
			// does not bring their old tokens back.
			if _, err = tx.Exec(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID); err != nil {
				return err
			}
			_, err = tx.Exec(ctx, `UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL`, authTime(timeNow()), userID)
		}
		return err
	})
}

// HasAdmin reports whether an enabled admin exists, so that first start can create one.
func (d *DB) HasAdmin(ctx context.Context) (bool, error) {
	var ok bool
	err := d.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM users WHERE role = 'ADMIN' AND NOT disabled)`).Scan(&ok)
	return ok, err
}

// CreateSession records a browser session by the hash of its cookie value.
func (d *DB) CreateSession(ctx context.Context, userID int64, hash string, expires time.Time) error {
	_, err := d.pool.Exec(ctx, `INSERT INTO sessions (hash, user_id, created_at, expires_at) VALUES ($1,$2,$3,$4)`,
		hash, userID, authTime(timeNow()), authTime(expires))
	return err
}

// SessionUser returns the enabled user of a live session.
func (d *DB) SessionUser(ctx context.Context, hash string, now time.Time) (*db.User, error) {
	u, err := scanUser(d.pool.QueryRow(ctx, `SELECT u.id, u.username, u.display_name, u.role, u.password_hash, u.disabled, u.created_at
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.hash = $1 AND s.expires_at > $2 AND NOT u.disabled`, hash, authTime(now)))
	return u, notFound(err, "会话")
}

// DeleteSession ends a session (logout).
func (d *DB) DeleteSession(ctx context.Context, hash string) error {
	_, err := d.pool.Exec(ctx, `DELETE FROM sessions WHERE hash = $1`, hash)
	return err
}

const tokenCols = `id, user_id, name, scope, hash, created_at, expires_at, last_used_at, revoked_at`

func scanToken(r interface{ Scan(...any) error }) (*db.APIToken, error) {
	t := &db.APIToken{}
	if err := r.Scan(&t.ID, &t.UserID, &t.Name, &t.Scope, &t.Hash, &t.CreatedAt, &t.ExpiresAt, &t.LastUsedAt, &t.RevokedAt); err != nil {
		return nil, err
	}
	t.CreatedAt = t.CreatedAt.UTC()
	t.ExpiresAt, t.LastUsedAt, t.RevokedAt = utcPtr(t.ExpiresAt), utcPtr(t.LastUsedAt), utcPtr(t.RevokedAt)
	return t, nil
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	v := t.UTC()
	return &v
}

// CreateToken stores a new API token by its hash.
func (d *DB) CreateToken(ctx context.Context, t *db.APIToken) error {
	got, err := scanToken(d.pool.QueryRow(ctx, `INSERT INTO api_tokens (user_id, name, scope, hash, created_at, expires_at) VALUES ($1,$2,$3,$4,$5,$6)
		RETURNING `+tokenCols, t.UserID, t.Name, t.Scope, t.Hash, authTime(timeNow()), authTimePtr(t.ExpiresAt)))
	if err != nil {
		return constraintError(err)
	}
	*t = *got
	return nil
}

// TokenByHash returns a live token of an enabled user and records its use.
func (d *DB) TokenByHash(ctx context.Context, hash string, now time.Time) (*db.APIToken, error) {
	ts := authTime(now)
	t, err := scanToken(d.pool.QueryRow(ctx, `SELECT t.id, t.user_id, t.name, t.scope, t.hash, t.created_at, t.expires_at, t.last_used_at, t.revoked_at
		FROM api_tokens t JOIN users u ON u.id = t.user_id
		WHERE t.hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2) AND NOT u.disabled`, hash, ts))
	if err != nil {
		return nil, notFound(err, "令牌")
	}
	// Record the use at most once a minute, so that a polling tool does not turn every read into a write.
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) > time.Minute {
		if _, err := d.pool.Exec(ctx, `UPDATE api_tokens SET last_used_at = $1 WHERE id = $2`, ts, t.ID); err != nil {
			return nil, err
		}
		t.LastUsedAt = &now
	}
	return t, nil
}

// Tokens lists a user's tokens, or everyone's when userID is 0.
func (d *DB) Tokens(ctx context.Context, userID int64) ([]*db.APIToken, error) {
	rows, err := d.pool.Query(ctx, `SELECT `+tokenCols+` FROM api_tokens WHERE ($1 = 0 OR user_id = $1) ORDER BY id`, userID)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r pgx.Rows) (*db.APIToken, error) { return scanToken(r) })
}

// RevokeToken revokes a token; revoking twice is harmless.
func (d *DB) RevokeToken(ctx context.Context, id int64, now time.Time) error {
	tag, err := d.pool.Exec(ctx, `UPDATE api_tokens SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2`, authTime(now), id)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return db.Errorf(db.ENOTFOUND, "令牌不存在")
	}
	return nil
}

// TokenByID loads one token.
func (d *DB) TokenByID(ctx context.Context, id int64) (*db.APIToken, error) {
	t, err := scanToken(d.pool.QueryRow(ctx, `SELECT `+tokenCols+` FROM api_tokens WHERE id = $1`, id))
	return t, notFound(err, "令牌")
}
