package sqlite_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/sqlite"
)

// TestDiskFull fills the disk for real under an import (SQLite's max_page_count makes it answer SQLITE_FULL): the
// import fails with db.EFULL, nothing of it is written, reads go on, and once there is room the same import succeeds.
func TestDiskFull(t *testing.T) {
	ctx := context.Background()
	d := mustOpenReal(t)
	var csv bytes.Buffer
	csv.WriteString("单位名称,单位类型\n")
	for i := range 5000 {
		fmt.Fprintf(&csv, "满盘单位%05d（演示）,机关\n", i)
	}
	file := filepath.Join(t.TempDir(), "units.csv")
	if err := os.WriteFile(file, csv.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	count := func() (int, int64) {
		p, err := d.Units(ctx, db.UnitCriteria{}, db.Page{First: 1})
		if err != nil {
			t.Fatalf("read on a full disk: %v", err)
		}
		v, err := d.DataVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return p.TotalCount, v
	}
	units, version := count()
	if err := sqlite.LimitPages(ctx, d, 2); err != nil {
		t.Fatal(err)
	}

	t.Run("Import", func(t *testing.T) {
		_, err := d.Import(editor(), db.ImportRequest{Kind: db.ImportUnits, Path: file})
		if db.ErrorCode(err) != db.EFULL {
			t.Fatalf("import on a full disk: want code %s, got %v", db.EFULL, err)
		}
		if u, v := count(); u != units || v != version {
			t.Errorf("after the failed import: %d units (was %d), version %d (was %d)", u, units, v, version)
		}
	})

	t.Run("RoomAgain", func(t *testing.T) {
		if err := sqlite.LimitPages(ctx, d, -1); err != nil {
			t.Fatal(err)
		}
		rep := mustImport(t, d, db.ImportUnits, file, false)
		if rep.Created != 5000 {
			t.Fatalf("import once there is room: %+v", rep)
		}
		if err := d.CheckRollups(ctx); err != nil {
			t.Fatal(err)
		}
		if err := d.IntegrityCheck(ctx); err != nil {
			t.Fatal(err)
		}
	})
}
