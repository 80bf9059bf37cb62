// Package sqlite is the embedded SQLite backend of 文明看板, built on modernc.org/sqlite (pure Go).
//
// It opens the file twice: a read pool for queries, and a single-connection writer for every write and
// transaction, so that writers queue in Go rather than fail with "database is locked". It keeps what is SQLite's own (the
// file and its lock, the two pools, data versions from the WAL-index header, VACUUM INTO backups, migrations);
// every query of the store lives once in db/store, and engine.go adapts database/sql to it.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/store"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// DB is the SQLite store; it implements db.Store.
type DB struct {
	// Store runs every query; engine.go tells it what SQLite does its own way.
	*store.Store
	read  *sql.DB
	write *sql.DB
	path  string
	// file is the database file as opened; Ping compares the path with it, so that a file deleted or replaced under
	// a running server turns /readyz to 503 (the server would otherwise go on with an unlinked file).
	file os.FileInfo
	// wal reads the WAL-index header; seen is the versions last read, with the header they were read at
	// (DataVersions).
	wal  walHeader
	seen atomic.Pointer[seenVersions]
	// exclusive serialises first-start preparation (Exclusive).
	exclusive sync.Mutex
}

var _ db.Store = (*DB)(nil)

// dsn puts the pragmas in the DSN, so that every pooled connection gets them.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(ON)", "cache_size(-8000)", "temp_store(MEMORY)"} {
		q.Add("_pragma", p)
	}
	if readOnly {
		q.Add("_pragma", "query_only(ON)")
	} else {
		q.Set("_txlock", "immediate")
	}
	return "file:" + path + "?" + q.Encode()
}

// Open opens (creating if needed) the database file and applies pending migrations.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" || strings.HasPrefix(path, ":memory:") {
		return nil, db.Errorf(db.EINVALID, "数据库必须是文件路径（:memory: 会让每个连接各有一个空库）")
	}
	if err := CheckFile(path); err != nil {
		return nil, err
	}
	w, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("open writer: %w", err)
	}
	w.SetMaxOpenConns(1)
	d := &DB{write: w, path: path}
	d.Store = store.New(engine{d})
	if err := d.Migrate(ctx); err != nil {
		w.Close()
		return nil, openError(path, err)
	}
	if d.file, err = os.Stat(path); err != nil {
		w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open reader: %w", err)
	}
	n := max(4, runtime.NumCPU()*2)
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	d.read = r
	return d, nil
}

// Close closes both pools, then the WAL-index file (closing it first would drop SQLite's locks on it).
func (d *DB) Close() error {
	defer d.wal.close()
	var errs []string
	if d.read != nil {
		if err := d.read.Close(); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if err := d.write.Close(); err != nil {
		errs = append(errs, err.Error())
	}
	if len(errs) > 0 {
		return fmt.Errorf("close: %s", strings.Join(errs, "; "))
	}
	return nil
}

// Ping checks that the database file is still the one opened, and that the read pool answers, for /readyz.
func (d *DB) Ping(ctx context.Context) error {
	if err := d.sameFile(); err != nil {
		return err
	}
	var one int
	return d.read.QueryRowContext(ctx, `SELECT 1`).Scan(&one)
}

// Migrate applies every embedded migration not yet recorded, each in its own transaction. A database that has them
// all is only read, so that a command opening a served file (a backup) takes no write lock.
func (d *DB) Migrate(ctx context.Context) error {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	applied := map[string]bool{}
	if rows, err := d.write.QueryContext(ctx, `SELECT name FROM schema_migrations`); err == nil {
		done, err := collect(rows, func(r *sql.Rows) (name string, err error) { return name, r.Scan(&name) })
		if err != nil {
			return err
		}
		for _, n := range done {
			applied[n] = true
		}
	} else if _, err := d.write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))) STRICT`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	for _, name := range names {
		if applied[name] {
			continue
		}
		if err := d.migrateFile(ctx, name); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
	}
	return nil
}

// foreignKeysOff is the first line of a migration that rebuilds a table other tables point at: SQLite's way
// (create the new table, copy, drop the old, rename) runs with foreign keys off, or dropping the old table would
// cascade into the tables that point at it; the keys are checked before it commits.
const foreignKeysOff = "-- sqlite: foreign keys off"

func (d *DB) migrateFile(ctx context.Context, name string) error {
	body, err := fs.ReadFile(migrationFS, name)
	if err != nil {
		return err
	}
	conn, err := d.write.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	rebuild := strings.HasPrefix(string(body), foreignKeysOff)
	if rebuild {
		// Outside any transaction, where SQLite honours it.
		if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
			return err
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA foreign_keys = ON`)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE name = ?`, name).Scan(&n); err != nil {
		return err
	} else if n > 0 {
		return nil
	}
	if check := migrationChecks[name]; check != nil {
		if err := check(ctx, tx); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return err
	}
	if rebuild {
		var bad int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM pragma_foreign_key_check`).Scan(&bad); err != nil {
			return err
		}
		if bad > 0 {
			return fmt.Errorf("%d rows point at rows the rebuild lost", bad)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (name) VALUES (?)`, name); err != nil {
		return err
	}
	return tx.Commit()
}

// collect scans every row with fn and closes rows.
func collect[T any](rows *sql.Rows, fn func(*sql.Rows) (T, error)) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := fn(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// DataVersion returns the version every write bumps, the key of the API's caches.
func (d *DB) DataVersion(ctx context.Context) (int64, error) {
	var v int64
	err := d.read.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'data_version'`).Scan(&v)
	return v, err
}

// WatchChanges polls the data version: SQLite has no notifications across processes, and one tiny query a second
// serves the whole server.
func (d *DB) WatchChanges(ctx context.Context, interval time.Duration) <-chan int64 {
	return db.PollChanges(ctx, interval, d.DataVersion)
}

var _ db.Backend = (*DB)(nil)

// Exclusive runs fn while no other process prepares the same file: servers started together on one empty file
// (README, Operations) seed it and create the first admin once. Writes need no more: SQLite's file lock serialises
// them across processes, and the writer connection within one.
func (d *DB) Exclusive(ctx context.Context, fn func(ctx context.Context) error) error {
	d.exclusive.Lock()
	defer d.exclusive.Unlock()
	unlock, err := lockDir(filepath.Dir(d.path))
	if err != nil {
		return fmt.Errorf("lock %s: %w", filepath.Dir(d.path), err)
	}
	defer unlock()
	return fn(ctx)
}
