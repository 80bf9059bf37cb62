package postgres

import (
	"context"
	"time"

	"github.com/wenming/wenming/db"
)

// AddLoginAttempt records a sign-in attempt and forgets attempts of the same kind older than keep; attempts bump
// no data version.
func (d *DB) AddLoginAttempt(ctx context.Context, key string, at time.Time, keep time.Duration) error {
	// starts_with, not a range: a database collation may order ':' and ';' by other rules than bytes.
	kind, _ := db.LoginAttemptKind(key)
	if _, err := d.pool.Exec(ctx, `DELETE FROM login_attempts WHERE at < $1 AND starts_with(key, $2)`, at.Add(-keep).UnixMilli(), kind); err != nil {
		return err
	}
	_, err := d.pool.Exec(ctx, `INSERT INTO login_attempts (key, at) VALUES ($1, $2)`, key, at.UnixMilli())
	return err
}

// CountLoginAttempts counts the key's attempts since the instant, across every replica.
func (d *DB) CountLoginAttempts(ctx context.Context, key string, since time.Time) (int, error) {
	var n int
	err := d.pool.QueryRow(ctx, `SELECT count(*) FROM login_attempts WHERE key = $1 AND at >= $2`, key, since.UnixMilli()).Scan(&n)
	return n, err
}

// ClearLoginAttempts forgets the key's attempts.
func (d *DB) ClearLoginAttempts(ctx context.Context, key string) error {
	_, err := d.pool.Exec(ctx, `DELETE FROM login_attempts WHERE key = $1`, key)
	return err
}
