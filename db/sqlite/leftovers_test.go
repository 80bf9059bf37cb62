package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/seed"
	"github.com/wenming/wenming/db/sqlite"
)

// The helpers of this file carry a lo prefix so that it stands alone while the store tests move to db/dbtest.

func loOpen(tb testing.TB, path string, ds *db.Dataset) *sqlite.DB {
	tb.Helper()
	d, err := sqlite.Open(context.Background(), path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	tb.Cleanup(func() { d.Close() })
	if ds != nil {
		if err := d.Load(context.Background(), ds); err != nil {
			tb.Fatalf("load: %v", err)
		}
	}
	return d
}

func loEditor() context.Context {
	return db.WithPrincipal(context.Background(), &db.Principal{UserID: 0, Username: "test-editor", Role: db.RoleEditor, Via: "session"})
}

func loRaw(tb testing.TB, path string) *sql.DB {
	tb.Helper()
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)&_pragma=foreign_keys(ON)")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { raw.Close() })
	return raw
}

// loHonorState is what the store says about the honours: every honour, the honour rollup by every dimension, and
// the ranking inputs (honour points per unit) of each year.
func loHonorState(tb testing.TB, d *sqlite.DB) (honors []string, buckets []string, points []string) {
	tb.Helper()
	ctx := context.Background()
	if err := d.EachHonor(ctx, db.HonorCriteria{}, func(h *db.Honor) error {
		honors = append(honors, fmt.Sprint(h.ID, h.CategoryID, h.RecipientKind, h.RecipientName, loDeref(h.UnitID), loDeref(h.PersonID),
			loDeref(h.ProjectID), loDeref(h.WorkID), h.Year, loDeref(h.Date), loDeref(h.Edition), h.Status, loDeref(h.SourceID), h.Demo, h.Version))
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	bs, err := d.HonorStats(ctx, db.AllHonorDimensions, db.HonorCriteria{})
	if err != nil {
		tb.Fatal(err)
	}
	for _, b := range bs {
		buckets = append(buckets, fmt.Sprint(loDeref(b.Year), loDeref(b.Level), loDeref(b.Category), loDeref(b.RecipientKind),
			loDeref(b.Status), loDeref(b.UnitKind), loDeref(b.Edition), b.Count, b.Points))
	}
	for y := 2019; y <= 2025; y++ {
		in, err := d.RankingInputs(ctx, y, "")
		if err != nil {
			tb.Fatal(err)
		}
		for _, r := range in {
			points = append(points, fmt.Sprintf("%d %+v", y, r))
		}
	}
	sort.Strings(buckets)
	sort.Strings(points)
	return honors, buckets, points
}

// TestCommunityHonors covers the COMMUNITY recipient kind of 「四个优秀」 (优秀志愿服务社区): migration 0012 rebuilds
// honors without losing an honour or a rollup, and a community honour is accepted by mutation and import only for
// the categories that accept communities.
func TestCommunityHonors(t *testing.T) {
	ds, err := seed.Demo()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "wenming.db")
	d := loOpen(t, path, ds)
	ctx := loEditor()

	var community *db.Honor
	t.Run("MutationCreatesCommunityHonor", func(t *testing.T) {
		h, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "DIRECT_FOUR_EXCELLENT", RecipientName: "某某社区（演示）", Year: 2023})
		if err != nil {
			t.Fatal(err)
		}
		if h.RecipientKind != db.RecipientCommunity || h.UnitID != nil || h.PersonID != nil || h.ProjectID != nil || h.RecipientName != "某某社区（演示）" {
			t.Fatalf("honour %+v", h)
		}
		community = h
	})
	t.Run("MutationRefusesCommunityElsewhere", func(t *testing.T) {
		_, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "PROVINCIAL_UNIT", RecipientName: "某某社区（演示）", Year: 2023})
		if db.ErrorCode(err) != db.EINVALID {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("MutationRefusesCommunityWithRecord", func(t *testing.T) {
		if community == nil {
			t.Fatal("the previous case made no community honour to build on")
		}
		unit := int64(1)
		// A unit and a name on a 四个优秀 honour make it a unit honour, never a community honour with a unit.
		h, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "DIRECT_FOUR_EXCELLENT", UnitID: &unit, RecipientName: "另一社区", Year: 2022})
		if err == nil && h.RecipientKind == db.RecipientCommunity {
			t.Fatalf("community honour with a unit: %+v", h)
		}
	})
	t.Run("DuplicateCommunityRefused", func(t *testing.T) {
		_, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "DIRECT_FOUR_EXCELLENT", RecipientName: "某某社区（演示）", Year: 2023})
		if err == nil {
			t.Fatal("the same community honoured twice in one year was accepted")
		}
	})

	t.Run("ImportCommunity", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "h.csv")
		body := "荣誉类别,获得者名称,年份,演示数据\n省直“四个优秀”先进典型,幸福里社区（演示）,2022,是\n"
		if err := os.WriteFile(file, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		rep, err := d.Import(ctx, db.ImportRequest{Kind: db.ImportHonors, Path: file})
		if err != nil || !rep.Written || rep.Created != 1 || rep.ErrorCount != 0 {
			t.Fatalf("report %+v err %v", rep, err)
		}
		var got *db.Honor
		_ = d.EachHonor(context.Background(), db.HonorCriteria{RecipientKinds: []db.RecipientKind{db.RecipientCommunity}}, func(h *db.Honor) error {
			if h.RecipientName == "幸福里社区（演示）" {
				got = h
			}
			return nil
		})
		if got == nil || got.UnitID != nil || got.Year != 2022 || !got.Demo {
			t.Fatalf("imported %+v", got)
		}
		rep, err = d.Import(ctx, db.ImportRequest{Kind: db.ImportHonors, Path: file})
		if err != nil || rep.Unchanged != 1 || rep.ErrorCount != 0 {
			t.Fatalf("re-import %+v err %v", rep, err)
		}
	})
	t.Run("ImportRefusesCommunityElsewhere", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "h.csv")
		body := "荣誉类别,获得者名称,年份,演示数据\n河南省文明单位,幸福里社区（演示）,2022,是\n"
		if err := os.WriteFile(file, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		rep, err := d.Import(ctx, db.ImportRequest{Kind: db.ImportHonors, Path: file})
		if err != nil || rep.Written || rep.ErrorCount != 1 {
			t.Fatalf("report %+v err %v", rep, err)
		}
	})

	t.Run("MigrationKeepsHonorsAndRollups", func(t *testing.T) {
		honors, buckets, points := loHonorState(t, d)
		if len(honors) < 1000 || len(buckets) == 0 || len(points) == 0 {
			t.Fatalf("too little to compare: %d honours, %d buckets, %d points", len(honors), len(buckets), len(points))
		}
		d.Close()
		// Run 0012 again over the data, as an older database would.
		raw := loRaw(t, path)
		if _, err := raw.Exec(`DELETE FROM schema_migrations WHERE name = 'migrations/0012_community_honors.sql'`); err != nil {
			t.Fatal(err)
		}
		raw.Close()
		d = loOpen(t, path, nil)
		h2, b2, p2 := loHonorState(t, d)
		if strings.Join(honors, "\n") != strings.Join(h2, "\n") {
			t.Fatalf("honours changed: %d before, %d after", len(honors), len(h2))
		}
		if strings.Join(buckets, "\n") != strings.Join(b2, "\n") || strings.Join(points, "\n") != strings.Join(p2, "\n") {
			t.Fatal("rollups changed")
		}
		// The triggers are back: a new honour moves the rollup.
		if _, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "HENAN_FOUR_EXCELLENT", RecipientName: "新社区", Year: 2021}); err != nil {
			t.Fatal(err)
		}
		bs, err := d.HonorStats(context.Background(), []db.HonorDimension{db.HonorDimRecipientKind}, db.HonorCriteria{Categories: []string{"HENAN_FOUR_EXCELLENT"}, Years: db.YearRange{From: 2021, To: 2021}})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, b := range bs {
			if b.RecipientKind != nil && *b.RecipientKind == db.RecipientCommunity {
				n = b.Count
			}
		}
		if n != 1 {
			t.Fatalf("community honours in the rollup: %d", n)
		}
	})

	t.Run("IndexesAndTriggersAsEarlierMigrations", func(t *testing.T) {
		want := loHonorObjects(t)
		raw := loRaw(t, path)
		rows, err := raw.Query(`SELECT name, sql FROM sqlite_schema WHERE tbl_name = 'honors' AND type IN ('index', 'trigger') AND sql IS NOT NULL`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		got := map[string]string{}
		for rows.Next() {
			var name, q string
			if err := rows.Scan(&name, &q); err != nil {
				t.Fatal(err)
			}
			got[name] = q
		}
		if len(got) != len(want) {
			t.Fatalf("%d indexes and triggers on honors, earlier migrations left %d", len(got), len(want))
		}
		for name, q := range want {
			if got[name] != q {
				t.Errorf("%s:\n got %s\nwant %s", name, got[name], q)
			}
		}
	})
}

// loDeref prints a pointer's value, or nil.
func loDeref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// loHonorObjects reads migrations 0001–0011 for the indexes and triggers they leave on honors.
func loHonorObjects(tb testing.TB) map[string]string {
	tb.Helper()
	files, err := filepath.Glob("migrations/*.sql")
	if err != nil {
		tb.Fatal(err)
	}
	sort.Strings(files)
	create := regexp.MustCompile(`(?s)CREATE (?:UNIQUE )?INDEX (honors_\w+) ON honors .*?;\n|CREATE TRIGGER (honors_\w+) .*?\nEND;`)
	drop := regexp.MustCompile(`DROP INDEX IF EXISTS (honors_\w+);`)
	out := map[string]string{}
	for _, f := range files {
		if filepath.Base(f) >= "0012" {
			break
		}
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, m := range create.FindAllStringSubmatch(string(b), -1) {
			name := m[1] + m[2]
			out[name] = strings.TrimSuffix(strings.TrimSuffix(m[0], "\n"), ";")
		}
		for _, m := range drop.FindAllStringSubmatch(string(b), -1) {
			delete(out, m[1])
		}
	}
	if len(out) < 10 {
		tb.Fatalf("found only %d honors objects in the migrations", len(out))
	}
	return out
}

// TestImportActivityAction checks the 六大行动 column of the activities sheet: the four named actions by name or
// code, the two unnamed ones refused with a Chinese reason, and an empty cell as unfiled.
func TestImportActivityAction(t *testing.T) {
	ds, err := seed.Real()
	if err != nil {
		t.Fatal(err)
	}
	d := loOpen(t, filepath.Join(t.TempDir(), "wenming.db"), ds)
	ctx := loEditor()
	imp := func(t *testing.T, kind db.ImportKind, body string) *db.ImportReport {
		t.Helper()
		file := filepath.Join(t.TempDir(), "x.csv")
		if err := os.WriteFile(file, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		rep, err := d.Import(ctx, db.ImportRequest{Kind: kind, Path: file})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	if rep := imp(t, db.ImportUnits, "单位名称,单位类型\n测试厅,机关\n"); !rep.Written {
		t.Fatalf("units %+v", rep)
	}
	const header = "单位名称,活动日期,活动类型,活动主题,场次,参与人数,六大行动\n"
	actions := func(t *testing.T) map[string]string {
		t.Helper()
		out := map[string]string{}
		if err := d.EachPracticeActivity(context.Background(), db.PracticeActivityCriteria{}, func(a *db.PracticeActivity) error {
			out[a.Theme] = fmt.Sprint(loDeref(a.Action))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	t.Run("NamesAndCodes", func(t *testing.T) {
		rep := imp(t, db.ImportActivities, header+"测试厅,2024-05-18,常态化活动,甲,1,10,服务惠民暖心\n测试厅,2024-05-19,常态化活动,乙,1,10,theory\n测试厅,2024-05-20,常态化活动,丙,1,10,\n")
		if !rep.Written || rep.Created != 3 || rep.ErrorCount != 0 {
			t.Fatalf("report %+v", rep)
		}
		if got := actions(t); got["甲"] != "SERVICE" || got["乙"] != "THEORY" || got["丙"] != "<nil>" {
			t.Fatalf("actions %v", got)
		}
	})
	t.Run("UnnamedRefused", func(t *testing.T) {
		for _, v := range []string{"UNNAMED_5", "unnamed_6", "第五项（未具名）"} {
			rep := imp(t, db.ImportActivities, header+"测试厅,2024-05-21,常态化活动,丁,1,10,"+v+"\n")
			if rep.Written || rep.ErrorCount != 1 || rep.Errors[0].Field != "六大行动" || !strings.Contains(rep.Errors[0].Message, "未具名") {
				t.Fatalf("%s: report %+v", v, rep)
			}
		}
	})
	t.Run("UnknownRefused", func(t *testing.T) {
		rep := imp(t, db.ImportActivities, header+"测试厅,2024-05-21,常态化活动,丁,1,10,第七项\n")
		if rep.Written || rep.ErrorCount != 1 || !strings.Contains(rep.Errors[0].Message, "服务惠民暖心") {
			t.Fatalf("report %+v", rep)
		}
	})
	t.Run("ReimportUnchanged", func(t *testing.T) {
		rep := imp(t, db.ImportActivities, header+"测试厅,2024-05-18,常态化活动,甲,1,10,SERVICE\n")
		if rep.Unchanged != 1 || rep.Updated != 0 {
			t.Fatalf("report %+v", rep)
		}
	})
}
