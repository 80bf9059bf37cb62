// Package postgres is the PostgreSQL engine of 文明看板, for deployments that run several stateless replicas over
// one database. It keeps what is PostgreSQL's own: pgx and its pool, COPY for seeding and import staging,
// LISTEN/NOTIFY for data versions, advisory locks, the retry of serialization failures and deadlocks, and its
// migrations and statement triggers. Every query of the store lives once in db/store; engine.go adapts pgx to it.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/store"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Advisory lock keys, fixed so that every replica of every version takes the same lock.
const (
	// migrateLockKey serialises migrations: three replicas starting at once migrate once.
	migrateLockKey int64 = 0x77656e6d_00000001 // "wenm" 1
	// exclusiveLockKey serialises first-start preparation (seed and first admin), db.Bootstrap's Exclusive.
	exclusiveLockKey int64 = 0x77656e6d_00000002 // "wenm" 2
)

// DB is the PostgreSQL store; it implements db.Backend.
type DB struct {
	// Store runs every query; engine.go tells it what PostgreSQL does its own way.
	*store.Store
	pool *pgxpool.Pool
	// dsn is the address the database was opened with, for the client programs of Backup.
	dsn string
	// closed ends the goroutines of WatchChanges when the DB closes before their context ends.
	closed chan struct{}
	// ver is the data version this replica last read, for the caches (version.go).
	ver versionTracker
	// opts are the statement deadlines (failover.go).
	opts Options
	// health is what the engine saw of its node: pool drops and failovers (failover.go).
	health nodeHealth
}

var _ db.Backend = (*DB)(nil)

// Open connects to the database that dsn names (postgres://user:pass@host:port/name?…) with the default deadlines
// and applies pending migrations under an advisory lock.
func Open(ctx context.Context, dsn string) (*DB, error) { return OpenWith(ctx, dsn, Options{}) }

// OpenWith is Open with the statement deadlines of opts.
func OpenWith(ctx context.Context, dsn string, opts Options) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, db.FieldErrorf("db", "无法解析 PostgreSQL 连接地址：%v", err)
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = DefaultConnectTimeout
	}
	// A connection idle for a second is pinged before use, and dropped if the ping takes longer than this.
	cfg.PingTimeout = livenessTimeout
	if cfg.ConnConfig.RuntimeParams == nil {
		cfg.ConnConfig.RuntimeParams = map[string]string{}
	}
	// ISO dates, so that a date read as text is YYYY-MM-DD whatever the server's default.
	cfg.ConnConfig.RuntimeParams["DateStyle"] = "ISO, YMD"
	cfg.ConnConfig.RuntimeParams["TimeZone"] = "UTC"
	cfg.AfterConnect = func(_ context.Context, c *pgx.Conn) error {
		registerTypes(c.TypeMap())
		return nil
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open PostgreSQL: %w", err)
	}
	d := &DB{pool: pool, dsn: dsn, closed: make(chan struct{}), opts: opts.withDefaults()}
	d.Store = store.New(engine{d})
	if err := d.Migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return d, nil
}

// textDateCodec reads dates as text (YYYY-MM-DD), so that they scan into db.Date and string as SQLite's TEXT dates
// did; pgx's binary date only scans into time.Time and pgtype.Date.
type textDateCodec struct{ pgtype.DateCodec }

func (textDateCodec) PreferredFormat() int16 { return pgtype.TextFormatCode }

func registerTypes(m *pgtype.Map) {
	m.RegisterType(&pgtype.Type{Name: "date", OID: pgtype.DateOID, Codec: textDateCodec{}})
}

// Close ends the listeners started by WatchChanges and closes the pool.
func (d *DB) Close() error {
	select {
	case <-d.closed:
	default:
		close(d.closed)
	}
	d.pool.Close()
	return nil
}

// Ping checks that the node behind the address takes writes, for /readyz: a standby, a demoted primary or a database
// set read-only answers SELECT 1 but fails every write, so it is not ready.
func (d *DB) Ping(ctx context.Context) error {
	ctx, cancel := deadline(ctx, d.opts.StatementTimeout)
	defer cancel()
	var recovery, readOnly bool
	if err := d.pool.QueryRow(ctx, `SELECT pg_is_in_recovery(), current_setting('transaction_read_only')::bool`).Scan(&recovery, &readOnly); err != nil {
		return d.check(err)
	}
	if recovery || readOnly {
		d.check(&pgconn.PgError{Code: "25006"})
		return errors.New("the database is read-only (a standby, or read-only by setting): no writable primary behind the address")
	}
	return nil
}

// Migrate applies every embedded migration not yet recorded, each in its own transaction, all under a
// session-level advisory lock on one connection, so that replicas starting together migrate once: the others wait
// and then find every migration recorded.
func (d *DB) Migrate(ctx context.Context) error {
	conn, err := d.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, migrateLockKey); err != nil {
		return fmt.Errorf("migrate: lock: %w", err)
	}
	defer unlock(conn, migrateLockKey)
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		if err := migrateFile(ctx, conn.Conn(), name); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
	}
	return nil
}

// unlock releases a session-level advisory lock; when that fails, the connection is closed so that the pool does
// not hand out a connection still holding it.
func unlock(conn *pgxpool.Conn, key int64) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_unlock($1)`, key); err != nil {
		conn.Conn().Close(ctx)
	}
}

func migrateFile(ctx context.Context, conn *pgx.Conn, name string) error {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.Background())
	var done bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE name = $1)`, name).Scan(&done); err != nil {
		return err
	} else if done {
		return nil
	}
	body, err := fs.ReadFile(migrationFS, name)
	if err != nil {
		return err
	}
	// Without arguments pgx uses the simple protocol, which runs a file of several statements.
	if _, err := tx.Exec(ctx, string(body)); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (name) VALUES ($1)`, name); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// isNoRows reports whether err is pgx's "no rows in result set", for lookups that turn it into ENOTFOUND.
func isNoRows(err error) bool { return errors.Is(err, pgx.ErrNoRows) }
