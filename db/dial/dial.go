// Package dial opens the backend that --db names, by its scheme: the one place the server and the commands
// learn which database packages exist.
package dial

import (
	"context"
	"fmt"
	"strings"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/postgres"
	"github.com/wenming/wenming/db/sqlite"
)

// Open opens the database that dsn names and applies its pending migrations: a file path or sqlite:PATH is an
// embedded SQLite file; postgres:// or postgresql:// is a PostgreSQL database shared by several replicas.
func Open(ctx context.Context, dsn string) (db.Backend, error) {
	switch scheme, rest, _ := strings.Cut(dsn, ":"); {
	case scheme == "sqlite":
		return sqlite.Open(ctx, strings.TrimPrefix(rest, "//"))
	case scheme == "postgres" || scheme == "postgresql":
		b, err := postgres.Open(ctx, dsn)
		if err != nil {
			if db.ErrorCode(err) != db.EINTERNAL {
				return nil, err
			}
			return nil, fmt.Errorf("打开 PostgreSQL 数据库 %s 失败：%w", Redact(dsn), err)
		}
		return b, nil
	case strings.Contains(dsn, "://"):
		return nil, db.FieldErrorf("db", "不支持的数据库地址：%s（可用：文件路径、sqlite:路径或 postgres://…）。", Redact(dsn))
	default:
		return sqlite.Open(ctx, dsn)
	}
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
