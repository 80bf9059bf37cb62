package sqlite_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wenming/wenming/db/seed"
	"github.com/wenming/wenming/db/sqlite"
)

func TestCopySource(t *testing.T) {
	ctx := context.Background()
	d, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "wenming.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ds, err := seed.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Load(ctx, ds); err != nil {
		t.Fatal(err)
	}
	tables, err := d.CopyTables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("ParentsFirstDerivedLeftOut", func(t *testing.T) {
		pos := func(name string) int { return slices.Index(tables, name) }
		for _, pair := range [][2]string{{"units", "honors"}, {"honor_categories", "honors"}, {"people", "honors"}, {"users", "api_tokens"},
			{"assessments", "indicator_scores"}, {"source_documents", "published_figures"}} {
			if pos(pair[0]) < 0 || pos(pair[1]) < 0 || pos(pair[0]) > pos(pair[1]) {
				t.Errorf("%s must come before %s: %v", pair[0], pair[1], tables)
			}
		}
		for _, tb := range tables {
			if strings.HasPrefix(tb, "rollup_") || tb == "schema_migrations" || tb == "login_attempts" {
				t.Errorf("derived or transient table %s is copied", tb)
			}
		}
		for _, want := range []string{"audit_log", "users", "api_tokens", "sessions", "deleted_records", "meta", "wishes"} {
			if pos(want) < 0 {
				t.Errorf("%s is not copied", want)
			}
		}
	})
	t.Run("DumpStreamsEveryRow", func(t *testing.T) {
		n := int64(0)
		if err := d.DumpTable(ctx, "honors", []string{"id", "recipient_name", "demo"}, func(row []any) error {
			if len(row) != 3 || row[0] == nil {
				t.Fatalf("row %v", row)
			}
			n++
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		want, err := d.CountRows(ctx, "honors")
		if err != nil || n != want || n != int64(len(ds.Honors)) {
			t.Fatalf("dumped %d, counted %d (%v), loaded %d", n, want, err, len(ds.Honors))
		}
	})
	t.Run("ErrDerivedTable", func(t *testing.T) {
		if err := d.DumpTable(ctx, "rollup_honor", []string{"year"}, func([]any) error { return nil }); err == nil {
			t.Fatal("a rollup table was dumped")
		}
	})
}
