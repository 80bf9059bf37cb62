// Package dial opens the backend that --db names, by its scheme: the one place the server and the commands
// learn which database packages exist.
package dial

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/postgres"
	"github.com/wenming/wenming/db/sqlite"
)

// Open opens the database that dsn names and applies its pending migrations: a file path or sqlite:PATH is an
// embedded SQLite file; postgres:// or postgresql:// is a PostgreSQL database shared by several replicas.
func Open(ctx context.Context, dsn string) (db.Backend, error) { return OpenWith(ctx, dsn, Options{}) }

// Options tune how a server waits for its database; zero values take the engine's defaults.
type Options struct {
	// StatementTimeout is each statement's deadline on PostgreSQL (SQLite, on the same machine, has its busy wait).
	StatementTimeout time.Duration
}

// OpenWith is Open with the server's options.
func OpenWith(ctx context.Context, dsn string, opts Options) (db.Backend, error) {
	switch scheme, _, _ := strings.Cut(dsn, ":"); {
	case scheme == "sqlite":
		return sqlite.Open(ctx, filePath(dsn))
	case scheme == "postgres" || scheme == "postgresql":
		b, err := postgres.OpenWith(ctx, dsn, postgres.Options{StatementTimeout: opts.StatementTimeout})
		if err != nil {
			if db.ErrorCode(err) != db.EINTERNAL {
				return nil, err
			}
			return nil, fmt.Errorf("打开 PostgreSQL 数据库 %s 失败：%w", Redact(dsn), err)
		}
		return b, nil
	case !isFile(dsn):
		return nil, unsupported(dsn)
	default:
		return sqlite.Open(ctx, dsn)
	}
}

func unsupported(dsn string) error {
	return db.FieldErrorf("db", "不支持的数据库地址：%s（可用：文件路径、sqlite:路径或 postgres://…）。", Redact(dsn))
}

// OpenExisting opens the database that dsn names as Open does, but refuses a SQLite file that does not exist
// rather than creating an empty one: a command that reads a database (a backup) must not mistake a typo for it.
func OpenExisting(ctx context.Context, dsn string) (db.Backend, error) {
	if isFile(dsn) {
		if _, err := os.Stat(filePath(dsn)); err != nil {
			return nil, db.Errorf(db.EINVALID, "数据库文件 %s 不存在：%v", filePath(dsn), err)
		}
	}
	return Open(ctx, dsn)
}

// Restore replaces the database that dsn names with a backup that Backend.Backup wrote, refusing one that holds
// data unless force, and verifies the result: a SQLite file is copied into place whole (never while a server holds
// it open); PostgreSQL runs pg_restore in one transaction.
func Restore(ctx context.Context, dsn, from string, force bool) (*db.Verification, error) {
	if isFile(dsn) {
		return sqlite.Restore(ctx, filePath(dsn), from, force)
	} else if IsShared(dsn) {
		return postgres.Restore(ctx, dsn, from, force)
	}
	return nil, unsupported(dsn)
}

// isFile reports whether dsn names a SQLite file: a path, or sqlite:PATH.
func isFile(dsn string) bool {
	return strings.HasPrefix(dsn, "sqlite:") || !strings.Contains(dsn, "://")
}

// filePath is the SQLite file that dsn names, without the optional sqlite: scheme.
func filePath(dsn string) string {
	if rest, ok := strings.CutPrefix(dsn, "sqlite:"); ok {
		return strings.TrimPrefix(rest, "//")
	}
	return dsn
}

// IsShared reports whether dsn names a database that several servers share (PostgreSQL), rather than an office's
// embedded file: shared databases start without demo records unless asked.
func IsShared(dsn string) bool {
	scheme, _, _ := strings.Cut(dsn, "://")
	return scheme == "postgres" || scheme == "postgresql"
}

// Redact hides the password of a database URL, for logs and messages.
func Redact(dsn string) string {
	scheme, rest, ok := strings.Cut(dsn, "://")
	if !ok {
		return dsn
	}
	at := strings.LastIndex(rest, "@")
	if at < 0 {
		return dsn
	}
	user, _, _ := strings.Cut(rest[:at], ":")
	return scheme + "://" + user + ":***" + rest[at:]
}
