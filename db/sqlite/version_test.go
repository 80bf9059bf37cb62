package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/wenming/wenming/db"
)

// TestDataVersionsSeeOtherWriters: versions answered from memory while the WAL index is unchanged must still see
// every commit of another opening of the file (another process, the CLI) at once.
func TestDataVersionsSeeOtherWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "wenming.db")
	reader, writer := MustOpenDBAt(t, path), MustOpenDBAt(t, path)
	editor := db.WithPrincipal(ctx, &db.Principal{Username: "t", Role: db.RoleEditor, Via: "cli"})
	for i := 0; i < 200; i++ {
		before, err := reader.DataVersions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := reader.DataVersions(ctx)
		if again != before {
			t.Fatalf("round %d: versions moved without a write: %+v → %+v", i, before, again)
		}
		if _, err := writer.CreateUnit(editor, db.UnitFields{Name: fmt.Sprintf("版本测试单位%d", i), Kind: "机关"}); err != nil {
			t.Fatal(err)
		}
		after, err := reader.DataVersions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := writer.DataVersions(ctx)
		if after != want || after.Global != before.Global+1 {
			t.Fatalf("round %d: reader sees %+v after another opening committed %+v (before %+v)", i, after, want, before)
		}
	}
}

// BenchmarkDataVersions is what every API request pays to learn the versions.
func BenchmarkDataVersions(b *testing.B) {
	d := MustOpenDB(b)
	ctx := context.Background()
	d.DataVersions(ctx)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := d.DataVersions(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
