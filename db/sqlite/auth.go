package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/wenming/wenming/db"
)

const userCols = `id, username, display_name, role, password_hash, disabled, created_at`

func scanUser(r interface{ Scan(...any) error }) (*db.User, error) {
	u := &db.User{}
	var created string
	if err := r.Scan(&u.ID, &u.Username, &u.DisplayName, &u.Role, &u.PasswordHash, &u.Disabled, &created); err != nil {
		return nil, err
	}
	u.CreatedAt, _ = time.Parse(time.RFC3339, created)
	return u, nil
}

func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return db.Errorf(db.ENOTFOUND, "%s不存在", what)
	}
	return err
}

// CreateUser adds an account; a taken username is ECONFLICT.
func (d *DB) CreateUser(ctx context.Context, u *db.User) error {
	res, err := d.write.ExecContext(ctx, `INSERT INTO users (username, display_name, role, password_hash, disabled) VALUES (?,?,?,?,?)`,
		u.Username, u.DisplayName, u.Role, u.PasswordHash, u.Disabled)
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return db.Errorf(db.ECONFLICT, "用户名 %q 已被使用", u.Username)
		}
		if strings.Contains(err.Error(), "CHECK") {
			return db.FieldErrorf("username", "用户名须为 2–64 个字符")
		}
		return err
	}
	u.ID, _ = res.LastInsertId()
	created, err := d.UserByID(ctx, u.ID)
	if err == nil {
		u.CreatedAt = created.CreatedAt
	}
	return err
}

// UserByUsername finds an account, case-insensitively.
func (d *DB) UserByUsername(ctx context.Context, username string) (*db.User, error) {
	u, err := scanUser(d.write.QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE username = ?`, username))
	return u, notFound(err, "用户")
}

// UserByID finds an account by ID.
func (d *DB) UserByID(ctx context.Context, id int64) (*db.User, error) {
	u, err := scanUser(d.write.QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE id = ?`, id))
	return u, notFound(err, "用户")
}

// Users lists every account.
func (d *DB) Users(ctx context.Context) ([]*db.User, error) {
	rows, err := d.read.QueryContext(ctx, `SELECT `+userCols+` FROM users ORDER BY id`)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r *sql.Rows) (*db.User, error) { return scanUser(r) })
}

// SetPassword replaces a password hash, ends the user's sessions and revokes their API tokens, in one transaction.
func (d *DB) SetPassword(ctx context.Context, userID int64, hash string) error {
	now := timeNow().UTC().Format(timeFormat)
	return d.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = ? WHERE id = ?`, hash, userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return db.Errorf(db.ENOTFOUND, "用户不存在")
		}
		if _, err = tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL`, now, userID)
		return err
	})
}

// SetRole changes a user's role or disables them; disabling ends their sessions.
func (d *DB) SetRole(ctx context.Context, userID int64, role db.Role, disabled *bool) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET role = ?, disabled = coalesce(?, disabled) WHERE id = ?`, role, disabled, userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return db.Errorf(db.ENOTFOUND, "用户不存在")
		}
		var admins int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE role = 'ADMIN' AND disabled = 0`).Scan(&admins); err != nil {
			return err
		}
		if admins == 0 {
			return db.Errorf(db.ECONFLICT, "至少要保留一个可用的管理员")
		}
		if disabled != nil && *disabled {
			// A disabled user keeps no way in: sessions end and tokens are revoked, so that enabling them again
			// does not bring their old tokens back.
			if _, err = tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID); err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL`,
				timeNow().UTC().Format(timeFormat), userID)
		}
		return err
	})
}

// HasAdmin reports whether an enabled admin exists, so that first start can create one.
func (d *DB) HasAdmin(ctx context.Context) (bool, error) {
	var n int
	err := d.write.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE role = 'ADMIN' AND disabled = 0`).Scan(&n)
	return n > 0, err
}

const timeFormat = time.RFC3339

// CreateSession records a browser session by the hash of its cookie value.
func (d *DB) CreateSession(ctx context.Context, userID int64, hash string, expires time.Time) error {
	_, err := d.write.ExecContext(ctx, `INSERT INTO sessions (hash, user_id, expires_at) VALUES (?,?,?)`, hash, userID, expires.UTC().Format(timeFormat))
	return err
}

// SessionUser returns the enabled user of a live session.
func (d *DB) SessionUser(ctx context.Context, hash string, now time.Time) (*db.User, error) {
	u, err := scanUser(d.read.QueryRowContext(ctx, `SELECT u.id, u.username, u.display_name, u.role, u.password_hash, u.disabled, u.created_at
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.hash = ? AND s.expires_at > ? AND u.disabled = 0`, hash, now.UTC().Format(timeFormat)))
	return u, notFound(err, "会话")
}

// DeleteSession ends a session (logout).
func (d *DB) DeleteSession(ctx context.Context, hash string) error {
	_, err := d.write.ExecContext(ctx, `DELETE FROM sessions WHERE hash = ?`, hash)
	return err
}

const tokenCols = `id, user_id, name, scope, hash, created_at, expires_at, last_used_at, revoked_at`

func scanToken(r interface{ Scan(...any) error }) (*db.APIToken, error) {
	t := &db.APIToken{}
	var created string
	var expires, used, revoked *string
	if err := r.Scan(&t.ID, &t.UserID, &t.Name, &t.Scope, &t.Hash, &created, &expires, &used, &revoked); err != nil {
		return nil, err
	}
	t.CreatedAt, _ = time.Parse(timeFormat, created)
	t.ExpiresAt, t.LastUsedAt, t.RevokedAt = parseTime(expires), parseTime(used), parseTime(revoked)
	return t, nil
}

func parseTime(s *string) *time.Time {
	if s == nil {
		return nil
	}
	t, err := time.Parse(timeFormat, *s)
	if err != nil {
		return nil
	}
	return &t
}

func formatTime(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.UTC().Format(timeFormat)
	return &s
}

// CreateToken stores a new API token by its hash.
func (d *DB) CreateToken(ctx context.Context, t *db.APIToken) error {
	res, err := d.write.ExecContext(ctx, `INSERT INTO api_tokens (user_id, name, scope, hash, expires_at) VALUES (?,?,?,?,?)`,
		t.UserID, t.Name, t.Scope, t.Hash, formatTime(t.ExpiresAt))
	if err != nil {
		return err
	}
	t.ID, _ = res.LastInsertId()
	got, err := scanToken(d.write.QueryRowContext(ctx, `SELECT `+tokenCols+` FROM api_tokens WHERE id = ?`, t.ID))
	if err == nil {
		*t = *got
	}
	return err
}

// TokenByHash returns a live token of an enabled user and records its use.
func (d *DB) TokenByHash(ctx context.Context, hash string, now time.Time) (*db.APIToken, error) {
	ts := now.UTC().Format(timeFormat)
	t, err := scanToken(d.read.QueryRowContext(ctx, `SELECT t.id, t.user_id, t.name, t.scope, t.hash, t.created_at, t.expires_at, t.last_used_at, t.revoked_at
		FROM api_tokens t JOIN users u ON u.id = t.user_id
		WHERE t.hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?) AND u.disabled = 0`, hash, ts))
	if err != nil {
		return nil, notFound(err, "令牌")
	}
	// Record the use at most once a minute, so that a polling tool does not turn every read into a write.
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) > time.Minute {
		if _, err := d.write.ExecContext(ctx, `UPDATE api_tokens SET last_used_at = ? WHERE id = ?`, ts, t.ID); err != nil {
			return nil, err
		}
		t.LastUsedAt = &now
	}
	return t, nil
}

// Tokens lists a user's tokens, or everyone's when userID is 0.
func (d *DB) Tokens(ctx context.Context, userID int64) ([]*db.APIToken, error) {
	rows, err := d.read.QueryContext(ctx, `SELECT `+tokenCols+` FROM api_tokens WHERE (?1 = 0 OR user_id = ?1) ORDER BY id`, userID)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r *sql.Rows) (*db.APIToken, error) { return scanToken(r) })
}

// RevokeToken revokes a token; revoking twice is harmless.
func (d *DB) RevokeToken(ctx context.Context, id int64, now time.Time) error {
	res, err := d.write.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?`, now.UTC().Format(timeFormat), id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return db.Errorf(db.ENOTFOUND, "令牌不存在")
	}
	return nil
}

// TokenByID loads one token.
func (d *DB) TokenByID(ctx context.Context, id int64) (*db.APIToken, error) {
	t, err := scanToken(d.write.QueryRowContext(ctx, `SELECT `+tokenCols+` FROM api_tokens WHERE id = ?`, id))
	return t, notFound(err, "令牌")
}

// inTx runs fn in a write transaction and commits when it succeeds.
func (d *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := d.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// AddLoginAttempt records a sign-in attempt and forgets attempts of the same kind older than keep.
func (d *DB) AddLoginAttempt(ctx context.Context, key string, at time.Time, keep time.Duration) error {
	lo, hi := db.LoginAttemptKind(key)
	if _, err := d.write.ExecContext(ctx, `DELETE FROM login_attempts WHERE key >= ? AND key < ? AND at < ?`, lo, hi, at.Add(-keep).UnixMilli()); err != nil {
		return err
	}
	_, err := d.write.ExecContext(ctx, `INSERT INTO login_attempts (key, at) VALUES (?, ?)`, key, at.UnixMilli())
	return err
}

// CountLoginAttempts counts the key's attempts since the instant.
func (d *DB) CountLoginAttempts(ctx context.Context, key string, since time.Time) (int, error) {
	var n int
	err := d.write.QueryRowContext(ctx, `SELECT count(*) FROM login_attempts WHERE key = ? AND at >= ?`, key, since.UnixMilli()).Scan(&n)
	return n, err
}

// ClearLoginAttempts forgets the key's attempts.
func (d *DB) ClearLoginAttempts(ctx context.Context, key string) error {
	_, err := d.write.ExecContext(ctx, `DELETE FROM login_attempts WHERE key = ?`, key)
	return err
}
