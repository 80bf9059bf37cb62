package sqlite

import (
	"context"
	"database/sql"
	"time"

	"github.com/wenming/wenming/db/store"
)

// engine is SQLite's side of the shared store: database/sql over the read pool and the single writer.
type engine struct{ d *DB }

var _ store.Engine = engine{}

func (e engine) Read() store.Querier { return storeQuerier{e.d.read} }

// ListParam is false: SQLite has no array parameters, so a list binds one placeholder a value.
func (engine) ListParam() bool { return false }

func (engine) Contains(col string) string { return "instr(" + col + ", ?) > 0" }

// EqualFold uses NOCASE, the collation of SQLite's indexes on names.
func (engine) EqualFold(col string) string { return col + " = ? COLLATE NOCASE" }

func (engine) Instant(t time.Time) any { return formatAuditTime(t) }

// sqlRunner is what both *sql.DB and *sql.Tx offer.
type sqlRunner interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// storeQuerier runs the store's SQL over database/sql as written: SQLite takes ? placeholders.
type storeQuerier struct{ r sqlRunner }

func (q storeQuerier) Query(ctx context.Context, query string, args ...any) (store.Rows, error) {
	rows, err := q.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return sqlRows{rows}, nil
}

func (q storeQuerier) QueryRow(ctx context.Context, query string, args ...any) store.Row {
	return q.r.QueryRowContext(ctx, query, args...)
}

func (q storeQuerier) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	res, err := q.r.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// sqlRows closes without an error, as store.Rows does: the error of a read is Err's.
type sqlRows struct{ *sql.Rows }

func (r sqlRows) Close() { r.Rows.Close() }
