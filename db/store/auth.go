package store

// Users, sessions, API tokens and sign-in attempts. They are not records of the dashboard: their writes bump no
// data version. Times are kept to the second.

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/wenming/wenming/db"
)

const userCols = `id, username, display_name, role, password_hash, disabled, created_at, unit_id, must_change_password`

func scanUser(r Row) (*db.User, error) {
	u := &db.User{}
	var unit sql.NullInt64
	if err := r.Scan(&u.ID, &u.Username, &u.DisplayName, &u.Role, &u.PasswordHash, &u.Disabled, instant{&u.CreatedAt}, &unit,
		&u.MustChangePassword); err != nil {
		return nil, err
	}
	u.UnitID = unit.Int64
	return u, nil
}

// nullUnit binds a user's unit: NULL for every role but the reporter's.
func nullUnit(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return db.Errorf(db.ENOTFOUND, "%s不存在", what)
	}
	return err
}

// second is how an auth table stores an instant: to the second.
func (s *Store) second(t time.Time) any { return s.eng.Instant(t, time.Second) }

// CreateUser adds an account and audits it; a taken username (in any letter case) is ECONFLICT.
func (s *Store) CreateUser(ctx context.Context, u *db.User) error {
	err := s.eng.Tx(ctx, func(tx *Tx) error { return s.insertUser(ctx, tx, u) })
	switch err = s.eng.ConstraintError(err); db.ErrorCode(err) {
	case db.ECONFLICT:
		return db.Errorf(db.ECONFLICT, "用户名 %q 已被使用", u.Username)
	case db.EINVALID:
		return db.FieldErrorf("username", "用户名须为 2–64 个字符")
	}
	return err
}

// insertUser adds an account inside tx, setting its ID and creation time, and audits it without its hash.
func (s *Store) insertUser(ctx context.Context, tx *Tx, u *db.User) error {
	err := tx.QueryRow(ctx, `INSERT INTO users (username, display_name, role, password_hash, disabled, created_at, unit_id,
		must_change_password) VALUES (?,?,?,?,?,?,?,?) RETURNING id, created_at`, u.Username, u.DisplayName, u.Role,
		u.PasswordHash, u.Disabled, s.second(timeNow()), nullUnit(u.UnitID), u.MustChangePassword).Scan(&u.ID, instant{&u.CreatedAt})
	if err != nil {
		return err
	}
	return s.writeAudit(ctx, tx, db.ActionCreate, db.EntityUser, &u.ID, nil, db.AccountSnapshot(u, nil))
}

// UserByUsername finds an account, case-insensitively.
func (s *Store) UserByUsername(ctx context.Context, username string) (*db.User, error) {
	u, err := scanUser(s.eng.Write().QueryRow(ctx, `SELECT `+userCols+` FROM users WHERE `+s.eng.EqualFold("username"), username))
	return u, notFound(err, "用户")
}

// UserByID finds an account by ID.
func (s *Store) UserByID(ctx context.Context, id int64) (*db.User, error) {
	u, err := scanUser(s.eng.Write().QueryRow(ctx, `SELECT `+userCols+` FROM users WHERE id = ?`, id))
	return u, notFound(err, "用户")
}

// Users lists every account.
func (s *Store) Users(ctx context.Context) ([]*db.User, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT `+userCols+` FROM users ORDER BY id`)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) (*db.User, error) { return scanUser(r) })
}

// SetPassword replaces a password hash, ends the user's sessions and revokes their API tokens, in one transaction
// with its audit entry: a change when the signed-in user sets their own, a reset otherwise. The entry says only
// that the password changed.
func (s *Store) SetPassword(ctx context.Context, userID int64, hash string) error {
	now := s.second(timeNow())
	return s.eng.Tx(ctx, func(tx *Tx) error {
		u, err := scanUser(tx.QueryRow(ctx, `SELECT `+userCols+` FROM users WHERE id = ?`, userID))
		if err != nil {
			return notFound(err, "用户")
		}
		if _, err := tx.Exec(ctx, `UPDATE users SET password_hash = ?, must_change_password = FALSE WHERE id = ?`, hash, userID); err != nil {
			return err
		}
		if _, err = tx.Exec(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID); err != nil {
			return err
		}
		if _, err = tx.Exec(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL`, now, userID); err != nil {
			return err
		}
		action, event := db.ActionPasswordReset, "RESET"
		if p := db.PrincipalFrom(ctx); p != nil && p.Via == "session" && p.UserID == userID {
			action, event = db.ActionPasswordChange, "CHANGED"
		}
		return s.writeAudit(ctx, tx, action, db.EntityUser, &userID, db.AccountSnapshot(u, nil),
			db.AccountSnapshot(u, map[string]any{"password": event}))
	})
}

// SetRole changes a user's role or disables them; disabling ends their sessions. The users table is locked against
// other writers first, so that two admins demoting each other through two replicas cannot both pass the last-admin
// check. A role change and a change of the disabled flag are audited as one entry each.
func (s *Store) SetRole(ctx context.Context, userID int64, role db.Role, disabled *bool) error {
	return s.eng.Tx(ctx, func(tx *Tx) error {
		if err := s.eng.LockTable(ctx, tx, "users"); err != nil {
			return err
		}
		old, err := scanUser(tx.QueryRow(ctx, `SELECT `+userCols+` FROM users WHERE id = ?`, userID))
		if err != nil {
			return notFound(err, "用户")
		}
		// A reporter keeps its unit only while it stays a reporter (db.Accounts refuses making one by a role change).
		if _, err := tx.Exec(ctx, `UPDATE users SET role = ?, disabled = coalesce(?, disabled),
			unit_id = CASE WHEN ? = 'REPORTER' THEN unit_id END WHERE id = ?`, role, disabled, role, userID); err != nil {
			return err
		}
		var admins int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM users WHERE role = 'ADMIN' AND disabled = FALSE`).Scan(&admins); err != nil {
			return err
		}
		if admins == 0 {
			return db.Errorf(db.ECONFLICT, "至少要保留一个可用的管理员")
		}
		if disabled != nil && *disabled {
			// A disabled user keeps no way in: sessions end and tokens are revoked, so that enabling them again
			// does not bring their old tokens back.
			if _, err = tx.Exec(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID); err != nil {
				return err
			}
			if _, err = tx.Exec(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL`, s.second(timeNow()), userID); err != nil {
				return err
			}
		}
		next := *old
		if role != old.Role {
			next.Role = role
			if err := s.writeAudit(ctx, tx, db.ActionRoleChange, db.EntityUser, &userID, db.AccountSnapshot(old, nil), db.AccountSnapshot(&next, nil)); err != nil {
				return err
			}
		}
		if disabled != nil && *disabled != old.Disabled {
			before := next
			next.Disabled = *disabled
			action := db.ActionEnable
			if *disabled {
				action = db.ActionDisable
			}
			return s.writeAudit(ctx, tx, action, db.EntityUser, &userID, db.AccountSnapshot(&before, nil), db.AccountSnapshot(&next, nil))
		}
		return nil
	})
}

// HasAdmin reports whether an enabled admin exists, so that first start can create one.
func (s *Store) HasAdmin(ctx context.Context) (bool, error) {
	var n int
	err := s.eng.Write().QueryRow(ctx, `SELECT count(*) FROM users WHERE role = 'ADMIN' AND disabled = FALSE`).Scan(&n)
	return n > 0, err
}

// CreateSession records a browser session by the hash of its cookie value.
func (s *Store) CreateSession(ctx context.Context, userID int64, hash string, expires time.Time) error {
	_, err := s.eng.Write().Exec(ctx, `INSERT INTO sessions (hash, user_id, created_at, expires_at) VALUES (?,?,?,?)`,
		hash, userID, s.second(timeNow()), s.second(expires))
	return err
}

// SessionUser returns the enabled user of a live session.
func (s *Store) SessionUser(ctx context.Context, hash string, now time.Time) (*db.User, error) {
	u, err := scanUser(s.eng.Read().QueryRow(ctx, `SELECT u.id, u.username, u.display_name, u.role, u.password_hash, u.disabled, u.created_at, u.unit_id,
		u.must_change_password FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.hash = ? AND s.expires_at > ? AND u.disabled = FALSE`, hash, s.second(now)))
	return u, notFound(err, "会话")
}

// DeleteSession ends a session (logout).
func (s *Store) DeleteSession(ctx context.Context, hash string) error {
	_, err := s.eng.Write().Exec(ctx, `DELETE FROM sessions WHERE hash = ?`, hash)
	return err
}

const tokenCols = `id, user_id, name, scope, hash, created_at, expires_at, last_used_at, revoked_at`

func scanToken(r Row) (*db.APIToken, error) {
	t := &db.APIToken{}
	if err := r.Scan(&t.ID, &t.UserID, &t.Name, &t.Scope, &t.Hash, instant{&t.CreatedAt}, nullInstant{&t.ExpiresAt},
		nullInstant{&t.LastUsedAt}, nullInstant{&t.RevokedAt}); err != nil {
		return nil, err
	}
	return t, nil
}

// CreateToken stores a new API token by its hash, and audits it without its secret or hash.
func (s *Store) CreateToken(ctx context.Context, t *db.APIToken) error {
	var expires any
	if t.ExpiresAt != nil {
		expires = s.second(*t.ExpiresAt)
	}
	err := s.eng.Tx(ctx, func(tx *Tx) error {
		got, err := scanToken(tx.QueryRow(ctx, `INSERT INTO api_tokens (user_id, name, scope, hash, created_at, expires_at)
			VALUES (?,?,?,?,?,?) RETURNING `+tokenCols, t.UserID, t.Name, t.Scope, t.Hash, s.second(timeNow()), expires))
		if err != nil {
			return err
		}
		owner, err := s.tokenOwner(ctx, tx, got.UserID)
		if err != nil {
			return err
		}
		*t = *got
		return s.writeAudit(ctx, tx, db.ActionCreate, db.EntityAPIToken, &t.ID, nil, db.TokenSnapshot(t, owner))
	})
	return s.eng.ConstraintError(err)
}

// tokenOwner is the username of a token's owner, as its audit entries name it.
func (s *Store) tokenOwner(ctx context.Context, tx *Tx, userID int64) (string, error) {
	var name string
	err := tx.QueryRow(ctx, `SELECT username FROM users WHERE id = ?`, userID).Scan(&name)
	return name, err
}

// TokenByHash returns a live token of an enabled user and records its use.
func (s *Store) TokenByHash(ctx context.Context, hash string, now time.Time) (*db.APIToken, error) {
	ts := s.second(now)
	t, err := scanToken(s.eng.Read().QueryRow(ctx, `SELECT t.id, t.user_id, t.name, t.scope, t.hash, t.created_at, t.expires_at, t.last_used_at, t.revoked_at
		FROM api_tokens t JOIN users u ON u.id = t.user_id
		WHERE t.hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?) AND u.disabled = FALSE`, hash, ts))
	if err != nil {
		return nil, notFound(err, "令牌")
	}
	// Record the use at most once a minute, so that a polling tool does not turn every read into a write.
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) > time.Minute {
		if _, err := s.eng.Write().Exec(ctx, `UPDATE api_tokens SET last_used_at = ? WHERE id = ?`, ts, t.ID); err != nil {
			return nil, err
		}
		t.LastUsedAt = &now
	}
	return t, nil
}

// Tokens lists a user's tokens, or everyone's when userID is 0.
func (s *Store) Tokens(ctx context.Context, userID int64) ([]*db.APIToken, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT `+tokenCols+` FROM api_tokens WHERE (?1 = 0 OR user_id = ?1) ORDER BY id`, userID)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) (*db.APIToken, error) { return scanToken(r) })
}

// RevokeToken revokes a token, and audits it; revoking twice is harmless and audited once.
func (s *Store) RevokeToken(ctx context.Context, id int64, now time.Time) error {
	return s.eng.Tx(ctx, func(tx *Tx) error {
		t, err := scanToken(tx.QueryRow(ctx, `SELECT `+tokenCols+` FROM api_tokens WHERE id = ?`, id))
		if err != nil {
			return notFound(err, "令牌")
		}
		if t.RevokedAt != nil {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE id = ?`, s.second(now), id); err != nil {
			return err
		}
		owner, err := s.tokenOwner(ctx, tx, t.UserID)
		if err != nil {
			return err
		}
		before := db.TokenSnapshot(t, owner)
		at := now.Truncate(time.Second)
		t.RevokedAt = &at
		return s.writeAudit(ctx, tx, db.ActionRevoke, db.EntityAPIToken, &id, before, db.TokenSnapshot(t, owner))
	})
}

// RecordRefusedSignIn audits a refused sign-in to an existing account, under the account's name, with why and from
// where; never with the password tried.
func (s *Store) RecordRefusedSignIn(ctx context.Context, u *db.User, reason db.SignInRefusal, address string) error {
	return s.eng.Tx(ctx, func(tx *Tx) error {
		return s.insertAudit(ctx, tx, nil, u.Username, db.ActionSignInRefused, db.EntityUser, &u.ID, nil,
			db.SignInRefusalSnapshot(u, reason, address))
	})
}

// TokenByID loads one token.
func (s *Store) TokenByID(ctx context.Context, id int64) (*db.APIToken, error) {
	t, err := scanToken(s.eng.Write().QueryRow(ctx, `SELECT `+tokenCols+` FROM api_tokens WHERE id = ?`, id))
	return t, notFound(err, "令牌")
}

// AddLoginAttempt records a sign-in attempt and forgets attempts of the same kind older than keep. The kind is a
// range of keys compared byte by byte, whatever the database's collation.
func (s *Store) AddLoginAttempt(ctx context.Context, key string, at time.Time, keep time.Duration) error {
	lo, hi := db.LoginAttemptKind(key)
	k := s.eng.ByteOrder("key")
	if _, err := s.eng.Write().Exec(ctx, `DELETE FROM login_attempts WHERE `+k+` >= ? AND `+k+` < ? AND at < ?`, lo, hi, at.Add(-keep).UnixMilli()); err != nil {
		return err
	}
	_, err := s.eng.Write().Exec(ctx, `INSERT INTO login_attempts (key, at) VALUES (?, ?)`, key, at.UnixMilli())
	return err
}

// CountLoginAttempts counts the key's attempts since the instant, across every replica.
func (s *Store) CountLoginAttempts(ctx context.Context, key string, since time.Time) (int, error) {
	var n int
	err := s.eng.Write().QueryRow(ctx, `SELECT count(*) FROM login_attempts WHERE key = ? AND at >= ?`, key, since.UnixMilli()).Scan(&n)
	return n, err
}

// ClearLoginAttempts forgets the key's attempts.
func (s *Store) ClearLoginAttempts(ctx context.Context, key string) error {
	_, err := s.eng.Write().Exec(ctx, `DELETE FROM login_attempts WHERE key = ?`, key)
	return err
}
