package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/wenming/wenming/db"
)

// Pool exposes the pool to the black-box tests, for checks that need raw SQL.
func (d *DB) Pool() *pgxpool.Pool { return d.pool }

// WriteSQL runs statements through writeTx, so that tests exercise its retries, version bump and error mapping.
func (d *DB) WriteSQL(ctx context.Context, stmts ...string) error {
	return d.writeTx(ctx, func(tx pgx.Tx) (db.DomainSet, error) {
		for _, s := range stmts {
			if _, err := tx.Exec(ctx, s); err != nil {
				return 0, err
			}
		}
		return db.AllDomains, nil
	})
}
