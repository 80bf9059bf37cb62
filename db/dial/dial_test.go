package dial_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
)

func TestOpen(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct{ name, dsn string }{
		{"FilePath", filepath.Join(t.TempDir(), "a.db")},
		{"SQLiteScheme", "sqlite:" + filepath.Join(t.TempDir(), "b.db")},
	} {
		t.Run(tc.name, func(t *testing.T) {
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
	t.Run("ErrMemory", func(t *testing.T) {
		if _, err := dial.Open(ctx, ":memory:"); db.ErrorCode(err) != db.EINVALID {
			t.Fatalf("err = %v", err)
		}
	})
}
