package postgres

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/store"
)

// engine is PostgreSQL's side of the shared store: pgx over the pool or a transaction, with ? rebound to $n.
type engine struct{ d *DB }

var _ store.Engine = engine{}

func (e engine) Read() store.Querier { return e.d.querier(e.d.pool) }

// ListParam is true: a list binds as one array, so that a statement's text does not grow with the list.
func (engine) ListParam() bool { return true }

func (engine) Contains(col string) string { return "strpos(" + col + ", ?) > 0" }

func (engine) EqualFold(col string) string { return "lower(" + col + ") = lower(?)" }

// Instant binds a timestamptz truncated to the precision SQLite's text keeps.
func (engine) Instant(t time.Time, prec time.Duration) any { return t.UTC().Truncate(prec) }

// Write is the pool: every connection writes.
func (e engine) Write() store.Querier { return e.d.querier(e.d.pool) }

// Tx runs fn in one read-committed transaction, bumping no data version.
func (e engine) Tx(ctx context.Context, fn func(tx *store.Tx) error) error {
	tx, err := e.d.begin(ctx, pgx.TxOptions{})
	if err != nil {
		return err
	}
	defer tx.Rollback(context.Background())
	if err := fn(store.NewTx(e.d.querier(tx))); err != nil {
		return err
	}
	return e.d.commit(ctx, tx)
}

// LockTable takes a lock that conflicts with every other writer of the table, and with itself; readers go on.
func (engine) LockTable(ctx context.Context, tx *store.Tx, table string) error {
	_, err := tx.Exec(ctx, `LOCK TABLE `+table+` IN SHARE ROW EXCLUSIVE MODE`)
	return err
}

// storeQuerier runs the store's SQL over pgx (the pool or a transaction), numbering its placeholders for PostgreSQL,
// each statement under its deadline, and drops the pool when an error says that the node is lost (failover.go).
type storeQuerier struct {
	q querier
	d *DB
	// limit is each statement's deadline; 0 sets none.
	limit time.Duration
}

// querier is q with the request's statement deadline.
func (d *DB) querier(q querier) storeQuerier {
	return storeQuerier{q: q, d: d, limit: d.opts.StatementTimeout}
}

func (q storeQuerier) Query(ctx context.Context, query string, args ...any) (store.Rows, error) {
	ctx, cancel := deadline(ctx, q.limit)
	rows, err := q.q.Query(ctx, rebind(query), args...)
	if err != nil {
		cancel()
		return nil, q.d.check(err)
	}
	return &timedRows{Rows: rows, cancel: cancel, d: q.d}, nil
}

func (q storeQuerier) QueryRow(ctx context.Context, query string, args ...any) store.Row {
	ctx, cancel := deadline(ctx, q.limit)
	return row{Row: q.q.QueryRow(ctx, rebind(query), args...), cancel: cancel, d: q.d}
}

func (q storeQuerier) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	ctx, cancel := deadline(ctx, q.limit)
	defer cancel()
	tag, err := q.q.Exec(ctx, rebind(query), args...)
	return tag.RowsAffected(), q.d.check(err)
}

// timedRows ends the statement's deadline when the rows close.
type timedRows struct {
	pgx.Rows
	cancel context.CancelFunc
	d      *DB
}

func (r *timedRows) Close() {
	r.Rows.Close()
	r.cancel()
}

func (r *timedRows) Err() error { return r.d.check(r.Rows.Err()) }

// row reports a missing row as sql.ErrNoRows, as the store expects of every engine, and ends the statement's
// deadline once scanned.
type row struct {
	pgx.Row
	cancel context.CancelFunc
	d      *DB
}

func (r row) Scan(dest ...any) error {
	err := r.Row.Scan(dest...)
	if r.cancel != nil {
		r.cancel()
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return sql.ErrNoRows
	}
	if r.d != nil {
		return r.d.check(err)
	}
	return err
}

// rebound caches the rewritten text of each query: the store's queries are few, and each runs often. It keeps
// at most reboundMax texts, so that queries built with values in their text cannot grow it without bound.
var (
	rebound      sync.Map
	reboundCount atomic.Int64
)

const reboundMax = 4096

// rebind turns the ? placeholders of the store's SQL into $1, $2, …, leaving quoted text alone; a numbered
// placeholder (?1) becomes $1, and numbers follow SQLite's rule, so that one text means the same on both engines.
func rebind(query string) string {
	if v, ok := rebound.Load(query); ok {
		return v.(string)
	}
	var b strings.Builder
	n := 0
	var quote byte
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
			b.WriteByte(c)
		case c == '\'' || c == '"':
			quote = c
			b.WriteByte(c)
		case c == '?':
			j := i + 1
			for j < len(query) && query[j] >= '0' && query[j] <= '9' {
				j++
			}
			if j > i+1 {
				if k, err := strconv.Atoi(query[i+1 : j]); err == nil {
					n = max(n, k)
				}
				b.WriteString("$" + query[i+1:j])
				i = j - 1
				continue
			}
			n++ // as in SQLite: a plain ? takes the number after the largest so far
			b.WriteString("$" + strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	out := b.String()
	if reboundCount.Add(1) <= reboundMax {
		rebound.Store(query, out)
	}
	return out
}

// WriteTx runs fn in writeTx: read committed, retried after a serialization failure or a deadlock.
func (e engine) WriteTx(ctx context.Context, fn func(tx *store.Tx) error) error {
	return e.d.writeTx(ctx, func(tx pgx.Tx) (db.DomainSet, error) {
		st := store.NewTx(e.d.querier(tx))
		err := fn(st)
		return st.Domains(), err
	})
}

// NextID draws from the table's identity: concurrent writers would collide on the largest ID plus one, and the
// identity never goes back, so a binned record's ID is never given to another and a restore gets its own back,
// provided every write of explicit IDs (a load, a copy) ends with endBulkLoad.
func (engine) NextID(ctx context.Context, tx *store.Tx, table string, _ db.Entity) (int64, error) {
	var id int64
	err := tx.QueryRow(ctx, `SELECT nextval(pg_get_serial_sequence(?, 'id'))`, table).Scan(&id)
	return id, err
}

// ForUpdate locks the record, so that two writers cannot both pass a version check.
func (engine) ForUpdate() string { return " FOR UPDATE" }

func (engine) JSONObject(pairs string) string { return "json_build_object(" + pairs + ")" }

func (engine) JSONArray(elem, from, order string) string {
	return "(SELECT coalesce(json_agg(" + elem + " ORDER BY " + order + "), '[]'::json) FROM " + from + ")"
}

// Batch sends the statements as one pgx batch inside one repeatable-read snapshot: one round trip, and every
// answer counts the same records.
func (e engine) Batch(ctx context.Context, stmts []store.Statement, scan func(i int, r store.Row) error) error {
	var batch pgx.Batch
	for _, st := range stmts {
		batch.Queue(rebind(st.SQL), st.Args...)
	}
	return e.d.readTx(ctx, func(tx pgx.Tx) error {
		ctx, cancel := deadline(ctx, e.d.opts.StatementTimeout) // one round trip: one statement's deadline
		defer cancel()
		br := tx.SendBatch(ctx, &batch)
		defer br.Close()
		for i := range stmts {
			if err := scan(i, row{Row: br.QueryRow(), d: e.d}); err != nil {
				return err
			}
		}
		return br.Close()
	})
}

// JSONRow reads the snapshot with jsonb_populate_record, so that each column comes back with the table's own type
// (flags, dates, numbers).
func (engine) JSONRow(table string, _ []string) string {
	return "jsonb_populate_record(NULL::" + table + ", ?1::text::jsonb)"
}

func (engine) JSONRows(param, key, alias string, cols ...string) string {
	arr := param + "::text::jsonb"
	if key != "" {
		arr = "coalesce(" + arr + " -> '" + key + "', '[]'::jsonb)"
	}
	if len(cols) == 0 {
		return "jsonb_array_elements_text(" + arr + ") AS " + alias + "(value)"
	}
	return "jsonb_to_recordset(" + arr + ") AS " + alias + "(" + strings.Join(cols, ", ") + ")"
}

func (engine) ConstraintError(err error) error { return constraintError(err) }

// ByteOrder compares in the "C" collation, so that text sorts the same as in SQLite whatever the database's own.
func (engine) ByteOrder(expr string) string { return expr + ` COLLATE "C"` }

func (engine) JSONField(expr, key string) string { return expr + " ->> '" + key + "'" }

// ReadTx runs fn in readTx: read only, repeatable read, one snapshot.
func (e engine) ReadTx(ctx context.Context, fn func(q store.Querier) error) error {
	return e.d.readTx(ctx, func(tx pgx.Tx) error { return fn(e.d.querier(tx)) })
}

// Timeline is the timeline the primary writes WAL on: the first eight hex digits of the current WAL file's name,
// which a promotion moves on at once (pg_control_checkpoint's waits for the next checkpoint). On a standby it fails,
// which is right: versions are read from the primary only.
func (engine) Timeline() string {
	return "('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::bigint"
}
