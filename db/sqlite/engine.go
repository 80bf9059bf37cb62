package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/wenming/wenming/db"
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

// Instant keeps UTC text whose order is time order: RFC 3339 to the second, or to the millisecond.
func (engine) Instant(t time.Time, prec time.Duration) any {
	if prec >= time.Second {
		return t.UTC().Format(time.RFC3339)
	}
	return formatAuditTime(t)
}

// Write is the single writer.
func (e engine) Write() store.Querier { return storeQuerier{e.d.write} }

// Tx runs fn on the single writer, bumping no data version.
func (e engine) Tx(ctx context.Context, fn func(tx *store.Tx) error) error {
	tx, err := e.d.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(store.NewTx(storeQuerier{tx})); err != nil {
		return err
	}
	return tx.Commit()
}

// LockTable does nothing: the single writer already keeps other writers out.
func (engine) LockTable(context.Context, *store.Tx, string) error { return nil }

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

// WriteTx runs fn in one transaction on the single writer, so that SQLite's one write lock is taken in Go's queue,
// bumps the data version of the domains fn changed, and commits; constraint failures come back as coded errors.
func (e engine) WriteTx(ctx context.Context, fn func(tx *store.Tx) error) error {
	tx, err := e.d.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	st := store.NewTx(storeQuerier{tx})
	if err := fn(st); err != nil {
		return constraintError(err)
	}
	if err := bumpVersion(ctx, tx, st.Domains()); err != nil {
		return err
	}
	return constraintError(tx.Commit())
}

// NextID takes the largest live or binned ID plus one: under the single writer nobody else takes it meanwhile,
// and a restored record gets its own ID back.
func (engine) NextID(ctx context.Context, tx *store.Tx, table string, e db.Entity) (int64, error) {
	var id int64
	err := tx.QueryRow(ctx, `SELECT max(coalesce((SELECT max(id) FROM `+table+`), 0),
		coalesce((SELECT max(record_id) FROM deleted_records WHERE entity = ?), 0)) + 1`, e).Scan(&id)
	return id, err
}

// ForUpdate is empty: the single writer already keeps other writers out.
func (engine) ForUpdate() string { return "" }

func (engine) JSONObject(pairs string) string { return "json_object(" + pairs + ")" }

// JSONArray wraps the subquery in json(), so that the array nests as JSON rather than as a string.
func (engine) JSONArray(elem, from, order string) string {
	return "json((SELECT json_group_array(" + elem + " ORDER BY " + order + ") FROM " + from + "))"
}

// Batch runs the statements one after another on the read pool: each is a local call, with no round trip to save.
func (e engine) Batch(ctx context.Context, stmts []store.Statement, scan func(i int, r store.Row) error) error {
	for i, st := range stmts {
		if err := scan(i, e.d.read.QueryRowContext(ctx, st.SQL, st.Args...)); err != nil {
			return err
		}
	}
	return nil
}

func (engine) JSONRow(_ string, cols []string) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = "json_extract(?1, '$." + c + "') AS " + c
	}
	return "(SELECT " + strings.Join(parts, ", ") + ")"
}

// JSONRows uses json_each: bare for text elements, so that it may refer to a table before it in FROM, and under a
// subquery that names the fields of objects.
func (engine) JSONRows(param, key, alias string, cols ...string) string {
	if key != "" {
		param = "coalesce(json_extract(" + param + ", '$." + key + "'), '[]')"
	}
	if len(cols) == 0 {
		return "json_each(" + param + ") AS " + alias
	}
	parts := make([]string, len(cols))
	for i, c := range cols {
		name, _, _ := strings.Cut(c, " ")
		parts[i] = "json_extract(value, '$." + name + "') AS " + name
	}
	return "(SELECT " + strings.Join(parts, ", ") + " FROM json_each(" + param + ")) AS " + alias
}

// ByteOrder is expr itself: SQLite's default collation, BINARY, compares bytes.
func (engine) ByteOrder(expr string) string { return expr }

func (engine) ConstraintError(err error) error { return constraintError(err) }

func (engine) JSONField(expr, key string) string {
	return "json_extract(" + expr + ", '$." + key + "')"
}

// ReadTx runs fn on the read pool, as every read of SQLite's store does.
func (e engine) ReadTx(ctx context.Context, fn func(q store.Querier) error) error {
	return fn(e.Read())
}

// Timeline is 0: one file has one line of history.
func (engine) Timeline() string { return "0" }
