package dial_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/db/postgres/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func TestOpen(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct{ name, dsn string }{
		{"FilePath", filepath.Join(t.TempDir(), "a.db")},
		{"SQLiteScheme", "sqlite:" + filepath.Join(t.TempDir(), "b.db")},
		{"PostgresScheme", "postgres://"},
		{"PostgresqlScheme", "postgresql://"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if strings.HasSuffix(tc.dsn, "://") {
				tc.dsn = tc.dsn + strings.TrimPrefix(pgtest.NewDatabase(t, ""), "postgres://")
			}
			b, err := dial.Open(ctx, tc.dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			if err := b.Ping(ctx); err != nil {
				t.Fatal(err)
			}
			if names, err := b.AppliedMigrations(ctx); err != nil || len(names) == 0 {
				t.Fatalf("migrations %v %v", names, err)
			}
		})
	}
	t.Run("ErrUnknownSchemeHidesThePassword", func(t *testing.T) {
		_, err := dial.Open(ctx, "mysql://u:secret@host/db")
		if db.ErrorCode(err) != db.EINVALID || strings.Contains(err.Error(), "secret") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("ErrUnreachablePostgresHidesThePassword", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		_, err := dial.Open(ctx, "postgres://u:secret@127.0.0.1:1/db?connect_timeout=2")
		if err == nil || strings.Contains(err.Error(), "secret") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("ErrMemory", func(t *testing.T) {
		if _, err := dial.Open(ctx, ":memory:"); db.ErrorCode(err) != db.EINVALID {
			t.Fatalf("err = %v", err)
		}
	})
}

// TestOpenExisting proves that a command reading a database never creates one from a mistyped path.
func TestOpenExisting(t *testing.T) {
	ctx := context.Background()
	t.Run("ErrMissingFile", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "typo.db")
		_, err := dial.OpenExisting(ctx, "sqlite:"+path)
		if db.ErrorCode(err) != db.EINVALID || !strings.Contains(err.Error(), path) {
			t.Fatalf("err = %v", err)
		}
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Fatalf("the missing file was created: %v", err)
		}
	})
	t.Run("ExistingFile", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "a.db")
		b, err := dial.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		b.Close()
		if b, err = dial.OpenExisting(ctx, path); err != nil {
			t.Fatal(err)
		}
		b.Close()
	})
	t.Run("ErrRestoreUnknownScheme", func(t *testing.T) {
		_, err := dial.Restore(ctx, "mysql://u:secret@host/db", "backup", false)
		if db.ErrorCode(err) != db.EINVALID || strings.Contains(err.Error(), "secret") {
			t.Fatalf("err = %v", err)
		}
	})
}
