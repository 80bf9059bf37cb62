package postgres_test

// Tests of the PostgreSQL-only parts of the write path that the conformance suite cannot see: the import's COPY
// staging at volume, and the demo purge reading tables and foreign keys from the catalogs.

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/postgres"
	"github.com/wenming/wenming/db/seed"
)

func editorCtx() context.Context {
	return db.WithPrincipal(context.Background(), &db.Principal{UserID: 7, Username: "editor1", Role: db.RoleEditor, Via: "session"})
}

func adminCtx() context.Context {
	return db.WithPrincipal(context.Background(), &db.Principal{UserID: 1, Username: "admin", Role: db.RoleAdmin, Via: "session"})
}

func mustImport(tb testing.TB, d *postgres.DB, kind db.ImportKind, path string) *db.ImportReport {
	tb.Helper()
	rep, err := d.Import(editorCtx(), db.ImportRequest{Kind: kind, Path: path})
	if err != nil {
		tb.Fatalf("import %s: %v", kind, err)
	}
	if rep.ErrorCount > 0 {
		tb.Fatalf("import %s: %d errors, first %+v", kind, rep.ErrorCount, rep.Errors[0])
	}
	return rep
}

// TestImportVolume imports more rows than one staging batch holds, twice: the first run creates them all in one
// transaction with exact rollups, the second finds every row by its natural key and writes nothing new.
func TestImportVolume(t *testing.T) {
	const n = 12000 // more than two COPY batches
	d := open(t, seeded(t))
	dir := t.TempDir()
	var units strings.Builder
	units.WriteString("单位名称,单位类型\n")
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&units, "基准单位%03d（演示）,机关\n", i)
	}
	up := filepath.Join(dir, "units.csv")
	if err := os.WriteFile(up, []byte(units.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	if rep := mustImport(t, d, db.ImportUnits, up); rep.Created != 100 {
		t.Fatalf("units created = %d, want 100", rep.Created)
	}

	path := filepath.Join(dir, "records.csv")
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(fh)
	w.WriteString("单位名称,服务日期,专项行动,志愿者人数,服务总时长（小时）,记录方式,是否核实\n")
	methods := []string{"签到签退", "按班次", "本人申报", "补录"}
	start := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		day := start.AddDate(0, 0, i/400)
		fmt.Fprintf(w, "基准单位%03d（演示）,%s,,%d,%d.5,%s,是\n", i%100, day.Format(time.DateOnly), 1+i%40, 1+i%30, methods[i/100%4])
	}
	w.Flush()
	fh.Close()

	v0 := version(t, d)
	t0 := time.Now()
	rep := mustImport(t, d, db.ImportVolunteerRecords, path)
	first := time.Since(t0)
	if rep.Created != n || rep.Updated != 0 || !rep.Written {
		t.Fatalf("first import = %+v, want %d created", rep, n)
	}
	v1 := version(t, d)
	if v1 <= v0 {
		t.Fatalf("version %d → %d, want a bump", v0, v1)
	}
	checkRollups(t, d)

	t0 = time.Now()
	rep = mustImport(t, d, db.ImportVolunteerRecords, path)
	second := time.Since(t0)
	if rep.Created != 0 || rep.Updated != 0 || rep.Unchanged != n {
		t.Fatalf("second import = %+v, want %d unchanged", rep, n)
	}
	if v2 := version(t, d); v2 != v1 {
		t.Fatalf("an unchanged import bumped the version %d → %d", v1, v2)
	}
	var count int
	if err := d.Pool().QueryRow(context.Background(), `SELECT count(*) FROM volunteer_records`).Scan(&count); err != nil || count != n {
		t.Fatalf("volunteer records = %d (%v), want %d", count, err, n)
	}
	t.Logf("%d volunteer records: created in %s (%.0f rows/s), matched unchanged in %s (%.0f rows/s)",
		n, first.Round(time.Millisecond), float64(n)/first.Seconds(), second.Round(time.Millisecond), float64(n)/second.Seconds())
}

// TestPurgeDemoReadsTheCatalogs adds a table after the migrations, as a later migration would, and checks that the
// purge both refuses while a real row of it points at a demo unit and purges its demo rows, with no list to update.
func TestPurgeDemoReadsTheCatalogs(t *testing.T) {
	d := open(t, migrated(t))
	ds, err := seed.Demo()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := d.Load(ctx, ds); err != nil {
		t.Fatal(err)
	}
	var demoUnit int64
	if err := d.Pool().QueryRow(ctx, `SELECT min(id) FROM units WHERE demo`).Scan(&demoUnit); err != nil || demoUnit == 0 {
		t.Fatalf("no demo unit: %v", err)
	}
	if err := d.WriteSQL(ctx,
		`CREATE TABLE later_notes (id bigint PRIMARY KEY, unit_id bigint NOT NULL REFERENCES units (id), demo boolean NOT NULL DEFAULT false)`,
		// A table without a demo flag whose rows go with their unit is no blocker.
		`CREATE TABLE later_tags (unit_id bigint NOT NULL REFERENCES units (id) ON DELETE CASCADE, tag text NOT NULL)`,
		fmt.Sprintf(`INSERT INTO later_notes VALUES (41, %d, false), (42, %d, true)`, demoUnit, demoUnit),
		fmt.Sprintf(`INSERT INTO later_tags VALUES (%d, 'x')`, demoUnit),
	); err != nil {
		t.Fatal(err)
	}

	t.Run("RefusesAndNamesTheBlocker", func(t *testing.T) {
		rep, err := d.PurgeDemo(adminCtx(), false)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Purged || rep.BlockerCount != 1 || len(rep.Blockers) != 1 {
			t.Fatalf("purge = %+v, want refused with one blocker", rep)
		}
		b := rep.Blockers[0]
		if b.Table != "later_notes" || b.ID != 41 || b.Column != "unit_id" || b.RefTable != "units" || b.RefID != demoUnit {
			t.Fatalf("blocker = %+v, want later_notes 41 → units %d", b, demoUnit)
		}
	})

	t.Run("PurgesTheLaterTable", func(t *testing.T) {
		if err := d.WriteSQL(ctx, `DELETE FROM later_notes WHERE id = 41`); err != nil {
			t.Fatal(err)
		}
		v0 := version(t, d)
		rep, err := d.PurgeDemo(adminCtx(), false)
		if err != nil {
			t.Fatal(err)
		}
		if !rep.Purged {
			t.Fatalf("purge = %+v, want purged", rep)
		}
		found := false
		for _, c := range rep.Tables {
			found = found || c.Table == "later_notes" && c.Count == 1
		}
		if !found {
			t.Fatalf("report tables %+v do not count later_notes", rep.Tables)
		}
		var notes, tags, demo int
		err = d.Pool().QueryRow(ctx, `SELECT (SELECT count(*) FROM later_notes), (SELECT count(*) FROM later_tags),
			(SELECT count(*) FROM units WHERE demo)`).Scan(&notes, &tags, &demo)
		if err != nil || notes != 0 || tags != 0 || demo != 0 {
			t.Fatalf("after purge: notes %d, tags %d, demo units %d (%v), want none", notes, tags, demo, err)
		}
		if v := version(t, d); v <= v0 {
			t.Fatalf("version %d → %d, want a bump", v0, v)
		}
		checkRollups(t, d)
	})
}

// TestCommunityHonors checks migration 0012 at the level of the table: a COMMUNITY honour carries a name and no
// record, a record on it is refused by the widened CHECK, and two honours of one community in one category and year
// collide on the natural key's fallback to the name. (The conformance suite's FourExcellentRecipientKinds covers
// the same through CreateHonor.)
func TestCommunityHonors(t *testing.T) {
	d := open(t, seeded(t))
	ctx := context.Background()
	insert := func(name string) error {
		return d.WriteSQL(ctx, `INSERT INTO honors (category_id, recipient_kind, recipient_name, year, status)
			SELECT id, 'COMMUNITY', '`+name+`', 2023, 'AWARDED' FROM honor_categories WHERE code = 'HENAN_FOUR_EXCELLENT'`)
	}
	if err := insert("金水区某社区（演示）"); err != nil {
		t.Fatalf("a COMMUNITY honour with no record: %v", err)
	}
	if err := insert("金水区某社区（演示）"); db.ErrorCode(err) != db.ECONFLICT || !strings.Contains(db.ErrorMessage(err), "已有同一类别的荣誉") {
		t.Fatalf("second honour of the same community: %v, want the natural key's ECONFLICT", err)
	}
	if err := insert("二七区某社区（演示）"); err != nil {
		t.Fatalf("another community: %v", err)
	}
	err := d.WriteSQL(ctx, `INSERT INTO units (name, kind, sector) VALUES ('某社区服务中心（演示）', '机关', '')`,
		`UPDATE honors SET unit_id = (SELECT max(id) FROM units) WHERE recipient_kind = 'COMMUNITY'`)
	if db.ErrorCode(err) != db.EINVALID || !strings.Contains(db.ErrorMessage(err), "honors_recipient_check") {
		t.Fatalf("a unit on a COMMUNITY honour: %v, want the CHECK's EINVALID", err)
	}
	var kinds string
	if err := d.Pool().QueryRow(ctx, `SELECT recipient_kinds FROM honor_categories WHERE code = 'DIRECT_FOUR_EXCELLENT'`).Scan(&kinds); err != nil ||
		!strings.Contains(kinds, "COMMUNITY") {
		t.Fatalf("DIRECT_FOUR_EXCELLENT recipient kinds = %q (%v), want COMMUNITY among them", kinds, err)
	}
	checkRollups(t, d)
}
