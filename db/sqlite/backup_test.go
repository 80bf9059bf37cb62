package sqlite_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/seed"
	"github.com/wenming/wenming/db/sqlite"
)

// TestBackupKeepsOnlyVerifiedCopies proves that a backup is verified before it is kept: a database whose rollup
// drifted from its records fails Verify, and its backup leaves no file behind. Restore refuses the same copy.
func TestBackupKeepsOnlyVerifiedCopies(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "drifted.db")
	d := MustOpenDBAt(t, path)
	ds, err := seed.Demo()
	if err != nil {
		t.Fatal(err)
	}
	MustLoad(t, d, ds)
	good := filepath.Join(dir, "good.db")
	if _, err := d.Backup(ctx, good); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.ExecContext(ctx, `UPDATE rollup_activity SET sessions = sessions + 1 WHERE activities > 0`); err != nil {
		t.Fatal(err)
	}

	t.Run("VerifyFindsTheDrift", func(t *testing.T) {
		_, err := d.Verify(ctx)
		assertCode(t, err, db.EINVALID)
	})
	t.Run("BackupKeepsNoFile", func(t *testing.T) {
		out := filepath.Join(dir, "drifted-backup.db")
		_, err := d.Backup(ctx, out)
		assertCode(t, err, db.EINVALID)
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Fatalf("a backup that failed its checks was kept: %v", err)
		}
		left, _ := filepath.Glob(filepath.Join(dir, ".drifted-backup.db*"))
		if len(left) > 0 {
			t.Fatalf("the partial copy was left behind: %v", left)
		}
	})
	t.Run("RestoreReplacesAFileWithForce", func(t *testing.T) {
		target := filepath.Join(dir, "target.db")
		if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := sqlite.Restore(ctx, target, good, false)
		assertCode(t, err, db.ECONFLICT)
		v, err := sqlite.Restore(ctx, target, good, true)
		if err != nil {
			t.Fatal(err)
		}
		if v.Records["units"] == 0 {
			t.Fatalf("restored %+v", v)
		}
	})
}
