package systemtest

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wenming/wenming/apitest"
	"github.com/wenming/wenming/cli"
	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/db/postgres/pgtest"
)

// runCLI runs one wenming command in-process and returns its output and error.
func runCLI(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := cli.App{}.Run(context.Background(), args, &out, &out)
	return out.String(), err
}

// reportedVersion reads the data version that backup or restore printed.
func reportedVersion(t *testing.T, out string) int64 {
	t.Helper()
	m := regexp.MustCompile(`数据版本 (\d+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no data version in %q", out)
	}
	v, _ := strconv.ParseInt(m[1], 10, 64)
	return v
}

// recordWriter creates volunteer records on a unit of its own through a second opening of the database, as another
// process would, until stopped; every record bumps the data version once.
type recordWriter struct {
	b    db.Backend
	unit int64
	done atomic.Int64
	errs atomic.Int64
	stop chan struct{}
	wg   sync.WaitGroup
}

func startRecordWriter(t *testing.T, dsn string, writers int) *recordWriter {
	t.Helper()
	b, err := dial.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	ctx := db.WithPrincipal(context.Background(), &db.Principal{Username: "backup-test", Role: db.RoleEditor, Via: "cli"})
	u, err := b.CreateUnit(ctx, db.UnitFields{Name: "备份测试单位（演示）", Kind: "机关"})
	if err != nil {
		t.Fatal(err)
	}
	w := &recordWriter{b: b, unit: u.ID, stop: make(chan struct{})}
	var next atomic.Int64
	for range writers {
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			for {
				select {
				case <-w.stop:
					return
				default:
				}
				i := next.Add(1)
				day := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(i%1800))
				method := db.AllRecordingMethods[(i/1800)%int64(len(db.AllRecordingMethods))]
				_, err := b.CreateVolunteerRecord(ctx, db.VolunteerRecordFields{UnitID: u.ID, Date: db.Date(day.Format("2006-01-02")),
					Volunteers: 3, Minutes: 120 + i%7, Method: method, Verified: i%2 == 0})
				if err != nil {
					w.errs.Add(1)
					t.Errorf("write %d: %v", i, err)
					return
				}
				w.done.Add(1)
			}
		}()
	}
	return w
}

// waitFor blocks until the writers have made n more records than now.
func (w *recordWriter) waitFor(t *testing.T, n int64) {
	t.Helper()
	want := w.done.Load() + n
	deadline := time.Now().Add(30 * time.Second)
	for w.done.Load() < want {
		if time.Now().After(deadline) || w.errs.Load() > 0 {
			t.Fatalf("writers made %d records, want %d", w.done.Load(), want)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (w *recordWriter) close() {
	close(w.stop)
	w.wg.Wait()
	w.b.Close()
}

// TestBackupRestore backs up a served database while two writers keep adding records, restores the copy into a new
// file, and checks that the copy is one consistent moment: integrity_check passes, every rollup equals the records,
// and the data version moved by exactly the records the copy holds. It also checks that restore refuses a file that
// holds data, or that a running server holds open.
func TestBackupRestore(t *testing.T) {
	if apitest.OnPostgres {
		t.Skip("SQLite's backup; PostgreSQL's is pg_dump (TestBackupRestorePostgres)")
	}
	m := apitest.MustRunMain(t)
	ctx := context.Background()
	dir := t.TempDir()
	backup := filepath.Join(dir, "backup.db")
	v0, err := m.Backend.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	w := startRecordWriter(t, m.Config.DBPath, 2)
	w.waitFor(t, 20)
	start := time.Now()
	out, err := runCLI(t, "backup", "--db", m.Config.DBPath, "--out", backup)
	took := time.Since(start)
	if err != nil {
		t.Fatalf("backup: %v\n%s", err, out)
	}
	w.waitFor(t, 20)
	w.close()
	total := w.done.Load()
	t.Logf("backup under write load took %s: %s", took.Round(time.Millisecond), strings.TrimSpace(out))

	t.Run("CopyIsOneMoment", func(t *testing.T) {
		v := verifyFile(t, backup)
		if got := reportedVersion(t, out); got != v.DataVersion {
			t.Errorf("backup reported data version %d, the copy holds %d", got, v.DataVersion)
		}
		var inCopy int64
		b, err := dial.OpenExisting(ctx, backup)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		recs, err := b.VolunteerRecords(ctx, db.VolunteerCriteria{UnitID: w.unit}, db.Page{First: 1})
		if err != nil {
			t.Fatal(err)
		}
		inCopy = int64(recs.TotalCount)
		// The writers' unit bumped the version once, and each record once.
		if got := v.DataVersion - v0 - 1; got != inCopy {
			t.Errorf("the copy's data version moved by %d but holds %d of the writers' records: not one moment", got, inCopy)
		}
		if inCopy < 20 || inCopy >= total {
			t.Errorf("the copy holds %d of %d records: want a copy taken mid-load (≥ 20, < all)", inCopy, total)
		}
		t.Logf("copy: data version %d, %d of the %d records written under load", v.DataVersion, inCopy, total)
	})

	t.Run("RestoreIntoNewFile", func(t *testing.T) {
		target := filepath.Join(dir, "restored.db")
		out, err := runCLI(t, "restore", "--from", backup, "--db", target)
		if err != nil {
			t.Fatalf("restore: %v\n%s", err, out)
		}
		verifyFile(t, target)
		// The restored file serves: the dashboard's KPI answers from it.
		r := apitest.MustRunMain(t, func(c *apitest.MainConfig) { c.DBPath = target })
		got := apitest.Query[struct {
			Units struct{ TotalCount int } `json:"units"`
		}](t, r.URL(), `{ units(first: 1) { totalCount } }`, nil)
		if got.Units.TotalCount == 0 {
			t.Error("the restored database serves no units")
		}
	})

	t.Run("RefusesFileWithData", func(t *testing.T) {
		target := filepath.Join(dir, "restored.db")
		out, err := runCLI(t, "restore", "--from", backup, "--db", target)
		if err == nil || !strings.Contains(err.Error(), "--force") {
			t.Fatalf("restore over a file with data: want a refusal naming --force, got %v\n%s", err, out)
		}
		if out, err := runCLI(t, "restore", "--from", backup, "--db", target, "--force"); err != nil {
			t.Fatalf("restore --force: %v\n%s", err, out)
		}
	})

	t.Run("RefusesFileAServerHolds", func(t *testing.T) {
		bin := serverBinary(t)
		s := startServe(t, bin, filepath.Join(dir, "held.db"))
		if err := s.waitReady(20 * time.Second); err != nil {
			t.Fatalf("%v\n%s", err, s.logTail())
		}
		out, err := runCLI(t, "restore", "--from", backup, "--db", s.dsn, "--force")
		if err == nil || !strings.Contains(err.Error(), "正被运行中的进程") {
			t.Fatalf("restore --force over a served file: want a refusal, got %v\n%s", err, out)
		}
		t.Logf("the user sees: %v", err)
	})

	t.Run("RefusesDamagedBackup", func(t *testing.T) {
		bad := filepath.Join(dir, "bad.db")
		writeFile(t, bad, bytes.Repeat([]byte("not a database "), 1000))
		_, err := runCLI(t, "restore", "--from", bad, "--db", filepath.Join(dir, "never.db"))
		if err == nil || !strings.Contains(err.Error(), bad) {
			t.Fatalf("restore of a damaged backup: want an error naming it, got %v", err)
		}
	})

	t.Run("BackupRefusesExistingOut", func(t *testing.T) {
		_, err := runCLI(t, "backup", "--db", m.Config.DBPath, "--out", backup)
		if err == nil || !strings.Contains(err.Error(), "已存在") {
			t.Fatalf("backup over an existing file: want a refusal, got %v", err)
		}
	})
}

// TestBackupRestorePostgres backs up a PostgreSQL database with pg_dump while two writers keep adding records,
// restores it into a new empty database with pg_restore, and checks the copy as on SQLite: the rollups equal the
// records, the data version moved by exactly the records the copy holds, and it is the version the backup reported
// (pg_dump dumps the snapshot the backup verified). A restore over a database with tables is refused without --force.
func TestBackupRestorePostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("starts PostgreSQL")
	}
	src := pgtest.NewDatabase(t, "")
	m := apitest.MustRunMain(t, func(c *apitest.MainConfig) { c.DBPath = src })
	ctx := context.Background()
	dump := filepath.Join(t.TempDir(), "wenming.dump")
	v0, err := m.Backend.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	w := startRecordWriter(t, src, 2)
	w.waitFor(t, 20)
	out, err := runCLI(t, "backup", "--db", src, "--out", dump)
	if err != nil {
		t.Fatalf("backup: %v\n%s", err, out)
	}
	w.waitFor(t, 20)
	w.close()
	total := w.done.Load()

	dst := pgtest.NewDatabase(t, "")
	if out, err := runCLI(t, "restore", "--from", dump, "--db", dst); err != nil {
		t.Fatalf("restore: %v\n%s", err, out)
	}
	b, err := dial.Open(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	verified, err := b.Verify(ctx)
	if err != nil {
		t.Fatal(err)
	}
	v := verified.DataVersion
	// The backup verified the snapshot it dumped: the version it reported is the one the dump holds.
	if got := reportedVersion(t, out); got != v {
		t.Errorf("backup reported data version %d, the dump holds %d", got, v)
	}
	recs, err := b.VolunteerRecords(ctx, db.VolunteerCriteria{UnitID: w.unit}, db.Page{First: 1})
	if err != nil {
		t.Fatal(err)
	}
	inCopy := int64(recs.TotalCount)
	if got := v - v0 - 1; got != inCopy {
		t.Errorf("the dump's data version moved by %d but it holds %d of the writers' records: not one moment", got, inCopy)
	}
	if inCopy < 20 || inCopy >= total {
		t.Errorf("the dump holds %d of %d records: want a dump taken mid-load", inCopy, total)
	}
	t.Logf("pg_dump under load: %d of %d records, data version %d; rollups equal the records", inCopy, total, v)

	t.Run("RefusesDatabaseWithTables", func(t *testing.T) {
		_, err := runCLI(t, "restore", "--from", dump, "--db", dst)
		if err == nil || !strings.Contains(err.Error(), "--force") {
			t.Fatalf("restore over a database with tables: want a refusal naming --force, got %v", err)
		}
	})
}
