package dbtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/seed"
)

// editor is the context of a signed-in editor, as the API and the CLI give it.
func editor() context.Context {
	return db.WithPrincipal(context.Background(), &db.Principal{UserID: 0, Username: "test-editor", Role: db.RoleEditor, Via: "session"})
}

// writeFile writes a file in the test's temp directory and returns its path.
func writeFile(tb testing.TB, name, content string) string {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		tb.Fatal(err)
	}
	return p
}

// mustOpenReal opens a database with the real catalogue (categories, campaigns, centres) and no units.
func mustOpenReal(tb testing.TB, open Opener) db.Backend {
	tb.Helper()
	ds, err := seed.Real()
	if err != nil {
		tb.Fatal(err)
	}
	return mustOpenLoaded(tb, open, ds)
}

func mustImport(tb testing.TB, d db.Backend, kind db.ImportKind, path string, dry bool) *db.ImportReport {
	tb.Helper()
	rep, err := d.Import(editor(), db.ImportRequest{Kind: kind, Path: path, DryRun: dry})
	if err != nil {
		tb.Fatalf("import %s: %v", kind, err)
	}
	return rep
}

func count(tb testing.TB, d db.Backend, table string) int {
	tb.Helper()
	n := 0
	var err error
	switch table {
	case "units":
		err = d.EachUnit(context.Background(), db.UnitCriteria{}, func(*db.Unit) error { n++; return nil })
	case "volunteer_records":
		err = d.EachVolunteerRecord(context.Background(), db.VolunteerCriteria{}, func(*db.VolunteerRecord) error { n++; return nil })
	case "honors":
		err = d.EachHonor(context.Background(), db.HonorCriteria{}, func(*db.Honor) error { n++; return nil })
	case "people":
		err = d.EachPerson(context.Background(), db.PersonCriteria{}, func(*db.Person) error { n++; return nil })
	default:
		tb.Fatalf("no counter for %s", table)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

const unitsCSV = "单位名称,单位类型,所属系统,服务窗口单位\n" +
	"测试厅甲（演示）,机关,经济系统,否\n" +
	"测试大学乙（演示）,高校,教育系统,否\n" +
	"测试医院丙（演示）,医院,卫生健康系统,是\n"

func testImport(t *testing.T, open Opener) {
	t.Run("UnitsThenRecords", func(t *testing.T) {
		d := mustOpenReal(t, open)
		units := writeFile(t, "units.csv", unitsCSV)
		rep := mustImport(t, d, db.ImportUnits, units, false)
		if !rep.Written || rep.Rows != 3 || rep.Created != 3 || rep.ErrorCount != 0 {
			t.Fatalf("units report %+v", rep)
		}
		ver1, _ := d.DataVersion(context.Background())

		recs := writeFile(t, "records.csv", "单位名称,服务日期,专项行动,志愿者人数,服务总时长（小时）,记录方式,是否核实\n"+
			"测试厅甲（演示）,2024-03-05,,25,75.5,签到签退,是\n"+
			"测试厅甲（演示）,2024/3/6,常态化,10,20,按班次,否\n"+
			"测试医院丙（演示）,2021年7月22日,FLOOD720,40,320,补录,是\n")
		rep = mustImport(t, d, db.ImportVolunteerRecords, recs, false)
		if !rep.Written || rep.Created != 3 || rep.Updated != 0 || rep.Unchanged != 0 {
			t.Fatalf("records report %+v", rep)
		}
		ver2, _ := d.DataVersion(context.Background())
		if ver2 <= ver1 {
			t.Errorf("data version %d → %d, want a bump", ver1, ver2)
		}

		// The same file again changes nothing and leaves the data version alone.
		rep = mustImport(t, d, db.ImportVolunteerRecords, recs, false)
		if rep.Created != 0 || rep.Updated != 0 || rep.Unchanged != 3 {
			t.Fatalf("re-import report %+v", rep)
		}
		if n := count(t, d, "volunteer_records"); n != 3 {
			t.Errorf("records after re-import = %d, want 3", n)
		}
		if v, _ := d.DataVersion(context.Background()); v != ver2 {
			t.Errorf("unchanged re-import bumped the data version %d → %d", ver2, v)
		}

		// A changed value updates the matching record in place.
		changed := strings.Replace(mustRead(t, recs), ",25,75.5,", ",26,75.5,", 1)
		rep = mustImport(t, d, db.ImportVolunteerRecords, writeFile(t, "changed.csv", changed), false)
		if rep.Created != 0 || rep.Updated != 1 || rep.Unchanged != 2 {
			t.Fatalf("changed report %+v", rep)
		}
		var volunteers, minutes int64
		d.EachVolunteerRecord(context.Background(), db.VolunteerCriteria{}, func(v *db.VolunteerRecord) error {
			volunteers += int64(v.Volunteers)
			minutes += v.Minutes
			if v.Date == "2024-03-05" && v.Version != 2 {
				t.Errorf("updated record version = %d, want 2", v.Version)
			}
			return nil
		})
		if volunteers != 26+10+40 || minutes != 4530+1200+19200 {
			t.Errorf("volunteers %d, minutes %d", volunteers, minutes)
		}
		// The rollups follow, through the triggers.
		st, err := d.VolunteerStats(context.Background(), nil, db.VolunteerCriteria{})
		if err != nil || len(st) != 1 || st[0].Minutes != minutes || st[0].Records != 3 {
			t.Errorf("stats %+v, %v", st, err)
		}
	})

	t.Run("OneBadRowWritesNothing", func(t *testing.T) {
		d := mustOpenReal(t, open)
		mustImport(t, d, db.ImportUnits, writeFile(t, "units.csv", unitsCSV), false)
		var b strings.Builder
		b.WriteString("单位名称,服务日期,专项行动,志愿者人数,服务总时长（小时）,记录方式,是否核实\n")
		for i := 0; i < 10000; i++ {
			date := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%2500).Format(time.DateOnly)
			method := []string{"签到签退", "按班次", "本人申报", "补录"}[i/2500]
			if i == 6789 {
				date = "2024-02-30"
			}
			fmt.Fprintf(&b, "测试厅甲（演示）,%s,,%d,%d,%s,是\n", date, 1+i%50, 2+i%7, method)
		}
		rep := mustImport(t, d, db.ImportVolunteerRecords, writeFile(t, "bad.csv", b.String()), false)
		if rep.Written || rep.ErrorCount != 1 || rep.Rows != 10000 || rep.Valid != 9999 || rep.Created != 0 {
			t.Fatalf("rows %d, valid %d, created %d, written %v, %d errors, first %+v", rep.Rows, rep.Valid, rep.Created, rep.Written, rep.ErrorCount, rep.Errors[0])
		}
		e := rep.Errors[0]
		if e.Row != 6789+2 || e.Column != "B" || e.Field != "服务日期" || !strings.Contains(e.Message, "2024-02-30") {
			t.Errorf("error %+v", e)
		}
		if n := count(t, d, "volunteer_records"); n != 0 {
			t.Errorf("%d records written, want none", n)
		}
	})

	t.Run("ErrorsPerCell", func(t *testing.T) {
		d := mustOpenReal(t, open)
		mustImport(t, d, db.ImportUnits, writeFile(t, "units.csv", unitsCSV), false)
		rep := mustImport(t, d, db.ImportVolunteerRecords, writeFile(t, "bad.csv",
			"服务日期,单位名称,志愿者人数,服务总时长（小时）,记录方式,专项行动\n"+
				"2024-03-05,不存在的单位,-1,abc,飞鸽传书,\n"+
				"2024-03-05,测试厅甲（演示）,3,1,签到签退,\n"+
				"2024-03-05,测试厅甲（演示）,3,1,签到签退,\n"+
				"2019-01-01,测试厅甲（演示）,3,1,签到签退,COVID19\n"+
				"=SUM(A1),测试厅甲（演示）,3,1,签到签退,\n"), false)
		want := map[string]string{"2/B": "未找到单位", "2/C": "不小于", "2/D": "数字", "2/E": "可选", "4/": "与第 3 行重复",
			"5/A": "起止日期", "6/A": "公式"}
		got := map[string]string{}
		for _, e := range rep.Errors {
			got[fmt.Sprintf("%d/%s", e.Row, e.Column)] = e.Message
		}
		for k, sub := range want {
			if !strings.Contains(got[k], sub) {
				t.Errorf("error at %s = %q, want it to mention %q (all: %v)", k, got[k], sub, got)
			}
		}
		if rep.Written {
			t.Error("written")
		}
	})

	t.Run("HeaderErrors", func(t *testing.T) {
		d := mustOpenReal(t, open)
		rep := mustImport(t, d, db.ImportVolunteerRecords, writeFile(t, "units.csv", unitsCSV), false)
		if rep.ErrorCount == 0 || rep.Errors[0].Row != 1 {
			t.Errorf("wrong template: %+v", rep.Errors)
		}
		rep = mustImport(t, d, db.ImportVolunteerRecords, writeFile(t, "partial.csv", "单位名称,服务日期\n甲,2024-01-01\n"), false)
		if rep.ErrorCount != 3 || !strings.Contains(rep.Errors[0].Message, "志愿者人次") {
			t.Errorf("missing columns: %+v", rep.Errors)
		}
	})

	t.Run("MalformedFiles", func(t *testing.T) {
		d := mustOpenReal(t, open)
		for name, content := range map[string]string{
			"empty.csv":    "",
			"fake.xlsx":    "PK\x03\x04garbage that is not a zip archive",
			"old.xls":      "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest",
			"oneline.csv":  strings.Repeat("x", 2<<20),
			"quote.csv":    "单位名称,单位类型\n\"a\"b\"c,机关\n",
			"headonly.csv": "单位名称,单位类型\n",
		} {
			t.Run(name, func(t *testing.T) {
				rep, err := d.Import(editor(), db.ImportRequest{Kind: db.ImportUnits, Path: writeFile(t, name, content)})
				if err == nil && (rep.ErrorCount == 0 || rep.Written) {
					t.Fatalf("no error: %+v", rep)
				}
				if err != nil {
					assertCode(t, err, db.EINVALID)
					if !strings.ContainsFunc(db.ErrorMessage(err), func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
						t.Errorf("message %q is not Chinese", db.ErrorMessage(err))
					}
				}
			})
		}
		if n := count(t, d, "units"); n != 0 {
			t.Errorf("%d units written", n)
		}
	})

	t.Run("GB18030CSV", func(t *testing.T) {
		d := mustOpenReal(t, open)
		enc, err := gb18030(unitsCSV)
		if err != nil {
			t.Fatal(err)
		}
		rep := mustImport(t, d, db.ImportUnits, writeFile(t, "gbk.csv", enc), false)
		if rep.Created != 3 {
			t.Fatalf("report %+v", rep)
		}
		found := false
		d.EachUnit(context.Background(), db.UnitCriteria{}, func(u *db.Unit) error { found = found || u.Name == "测试大学乙（演示）"; return nil })
		if !found {
			t.Error("GB18030 names were not decoded")
		}
	})

	t.Run("DryRun", func(t *testing.T) {
		d := mustOpenReal(t, open)
		rep := mustImport(t, d, db.ImportUnits, writeFile(t, "units.csv", unitsCSV), true)
		if rep.Written || !rep.DryRun || rep.Created != 3 {
			t.Fatalf("report %+v", rep)
		}
		if n := count(t, d, "units"); n != 0 {
			t.Errorf("dry run wrote %d units", n)
		}
	})

	t.Run("RequiresEditor", func(t *testing.T) {
		d := mustOpenReal(t, open)
		path := writeFile(t, "units.csv", unitsCSV)
		_, err := d.Import(context.Background(), db.ImportRequest{Kind: db.ImportUnits, Path: path})
		assertCode(t, err, db.EUNAUTHORIZED)
		viewer := db.WithPrincipal(context.Background(), &db.Principal{Username: "v", Role: db.RoleViewer, Via: "session"})
		_, err = d.Import(viewer, db.ImportRequest{Kind: db.ImportUnits, Path: path})
		assertCode(t, err, db.EFORBIDDEN)
	})

	t.Run("PeopleHonorsAssessmentsActivities", func(t *testing.T) {
		d := mustOpenReal(t, open)
		mustImport(t, d, db.ImportUnits, writeFile(t, "units.csv", unitsCSV), false)
		people := writeFile(t, "people.csv", "姓名,所属单位,事迹简介\n李某（演示）,测试厅甲（演示）,扎根基层\n王某（演示）,,\n")
		if rep := mustImport(t, d, db.ImportPeople, people, false); rep.Created != 2 {
			t.Fatalf("people %+v", rep)
		}
		if rep := mustImport(t, d, db.ImportPeople, people, false); rep.Unchanged != 2 || count(t, d, "people") != 2 {
			t.Fatalf("people again %+v", rep)
		}
		honors := writeFile(t, "honors.csv", "荣誉类别,获得者名称,所属单位,年份,授予日期,届次,状态\n"+
			"全国文明单位,测试厅甲（演示）,,2023,2023-11-20,第七届,\n"+
			"NATIONAL_CIVILISED_CAMPUS,测试大学乙（演示）,,2023,,,\n"+
			"河南好人,李某（演示）,,2022,,,获评\n")
		rep := mustImport(t, d, db.ImportHonors, honors, false)
		if rep.Created != 3 || rep.ErrorCount != 0 {
			t.Fatalf("honors %+v %+v", rep, rep.Errors)
		}
		if rep := mustImport(t, d, db.ImportHonors, honors, false); rep.Unchanged != 3 || count(t, d, "honors") != 3 {
			t.Fatalf("honors again %+v", rep)
		}
		bad := mustImport(t, d, db.ImportHonors, writeFile(t, "bad.csv", "荣誉类别,获得者名称,年份,授予日期\n"+
			"全国文明校园,测试厅甲（演示）,2023,\n全国文明单位,测试厅甲（演示）,2023,2022-01-01\n不存在的类别,甲,2023,\n"), false)
		if bad.ErrorCount != 3 {
			t.Errorf("bad honors %+v", bad.Errors)
		}
		as := writeFile(t, "assess.csv", "单位名称,年份,基础分,加分,一票否决,阶段\n测试厅甲（演示）,2024,92.5,3,否,命名\n测试医院丙（演示）,2024,80,,是,复查\n")
		if rep := mustImport(t, d, db.ImportAssessments, as, false); rep.Created != 2 {
			t.Fatalf("assessments %+v %+v", rep, rep.Errors)
		}
		if rep := mustImport(t, d, db.ImportAssessments, as, false); rep.Unchanged != 2 {
			t.Fatalf("assessments again %+v", rep)
		}
		acts := writeFile(t, "acts.csv", "单位名称,活动日期,活动类型,活动主题,实践中心,场次,参与人数\n测试厅甲（演示）,2024-05-18,常态化活动,文明交通劝导,,2,60\n")
		if rep := mustImport(t, d, db.ImportActivities, acts, false); rep.Created != 1 {
			t.Fatalf("activities %+v %+v", rep, rep.Errors)
		}
		if rep := mustImport(t, d, db.ImportActivities, acts, false); rep.Unchanged != 1 {
			t.Fatalf("activities again %+v", rep)
		}
	})
}

func mustRead(tb testing.TB, path string) string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// gb18030 encodes s as Excel in a Chinese locale saves CSV.
func gb18030(s string) (string, error) {
	out, _, err := transform.String(simplifiedchinese.GB18030.NewEncoder(), s)
	return out, err
}

// testImportSharesTheMutationRules imports what a mutation refuses and expects the mutation's words: the import
// and the mutations apply one rule set (db/rules.go).
func testImportSharesTheMutationRules(t *testing.T, open Opener) {
	d := mustOpenReal(t, open)
	ctx := editor()
	u, err := d.CreateUnit(ctx, db.UnitFields{Name: "某某厅（演示）", Kind: "机关"})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("WindowHonourForANonWindowUnit", func(t *testing.T) {
		_, mutErr := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "DIRECT_DEMO_WINDOW", UnitID: &u.ID, Year: 2023})
		if db.ErrorCode(mutErr) != db.EINVALID {
			t.Fatalf("mutation: %v, want EINVALID", mutErr)
		}
		rep := mustImport(t, d, db.ImportHonors, writeFile(t, "h.csv", "荣誉类别,获得者名称,年份\n省直文明服务示范窗口,某某厅（演示）,2023\n"), true)
		if rep.ErrorCount != 1 {
			t.Fatalf("import errors = %d (%+v), want 1", rep.ErrorCount, rep.Errors)
		}
		if got := rep.Errors[0].Message; !strings.Contains(got, db.ErrorMessage(mutErr)) {
			t.Fatalf("import says %q, the mutation %q", got, db.ErrorMessage(mutErr))
		}
	})
	t.Run("CampusHonourForAUnit", func(t *testing.T) {
		_, mutErr := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "NATIONAL_CIVILISED_CAMPUS", UnitID: &u.ID, Year: 2023})
		if db.ErrorCode(mutErr) != db.EINVALID {
			t.Fatalf("mutation: %v, want EINVALID", mutErr)
		}
		rep := mustImport(t, d, db.ImportHonors, writeFile(t, "c.csv", "荣誉类别,获得者名称,年份\nNATIONAL_CIVILISED_CAMPUS,某某厅（演示）,2023\n"), true)
		if rep.ErrorCount != 1 || !strings.Contains(rep.Errors[0].Message, db.ErrorMessage(mutErr)) {
			t.Fatalf("import errors %+v, want the mutation's %q", rep.Errors, db.ErrorMessage(mutErr))
		}
	})
}
