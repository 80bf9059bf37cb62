package sqlite_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dbtest"
	"github.com/wenming/wenming/db/sqlite"
)

// TestConformance runs the backend conformance suite, which every backend passes unchanged, over SQLite temp files.
func TestConformance(t *testing.T) {
	dbtest.Run(t, func(tb testing.TB) db.Backend { return MustOpenDB(tb) })
}

// MustOpenDB opens a fresh database file in a temp directory and closes it when the test ends.
func MustOpenDB(tb testing.TB) *sqlite.DB {
	tb.Helper()
	return MustOpenDBAt(tb, filepath.Join(tb.TempDir(), "wenming.db"))
}

// MustOpenDBAt opens (or reopens) the database file at path and closes it when the test ends.
func MustOpenDBAt(tb testing.TB, path string) *sqlite.DB {
	tb.Helper()
	d, err := sqlite.Open(context.Background(), path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	tb.Cleanup(func() { d.Close() })
	return d
}

// MustLoad loads ds into d or fails the test.
func MustLoad(tb testing.TB, d *sqlite.DB, ds *db.Dataset) {
	tb.Helper()
	if err := d.Load(context.Background(), ds); err != nil {
		tb.Fatalf("load: %v", err)
	}
}

func assertCode(tb testing.TB, err error, want string) {
	tb.Helper()
	if got := db.ErrorCode(err); got != want {
		tb.Fatalf("error code = %q, want %q (err: %v)", got, want, err)
	}
}

func assertEqual[T any](tb testing.TB, what string, got, want T) {
	tb.Helper()
	if !reflect.DeepEqual(got, want) {
		tb.Fatalf("%s = %+v, want %+v", what, got, want)
	}
}

// TestOpen covers what only a file database has: reopening the file, and refusing an in-memory one.
func TestOpen(t *testing.T) {
	ctx := context.Background()

	t.Run("ReopenKeepsData", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "wenming.db")
		d := MustOpenDBAt(t, path)
		ds := &db.Dataset{
			Sources: []*db.SourceDocument{{ID: 1, Title: "省直文明单位创建五年工作总结", Publisher: "省直文明办", PublishedOn: "2024-06-01"}},
			Units:   []*db.Unit{{ID: 1, Name: "省交通运输厅", Kind: "机关", Sector: "交通"}, {ID: 2, Name: "郑州大学", Kind: "高校", Sector: "教育"}},
		}
		MustLoad(t, d, ds)
		if err := d.Close(); err != nil {
			t.Fatalf("close: %v", err)
		}

		d = MustOpenDBAt(t, path)
		if empty, err := d.IsEmpty(ctx); err != nil {
			t.Fatal(err)
		} else if empty {
			t.Fatal("reopened database is empty")
		}
		page, err := d.Units(ctx, db.UnitCriteria{}, db.Page{First: 100})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "unit count", page.TotalCount, len(ds.Units))
		applied, err := d.AppliedMigrations(ctx)
		if err != nil {
			t.Fatal(err)
		}
		files, _ := filepath.Glob("migrations/*.sql")
		assertEqual(t, "applied migrations", len(applied), len(files))
		if applied[0] != "migrations/0001_init.sql" {
			t.Fatalf("applied migrations = %v, want 0001_init.sql first", applied)
		}
	})

	t.Run("ErrMemoryRejected", func(t *testing.T) {
		for _, path := range []string{":memory:", ":memory:?cache=shared", ""} {
			d, err := sqlite.Open(ctx, path)
			if d != nil {
				d.Close()
			}
			assertCode(t, err, db.EINVALID)
		}
	})
}
