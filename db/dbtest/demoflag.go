package dbtest

import (
	"context"
	"strings"
	"testing"

	"github.com/wenming/wenming/db"
)

// demoFlags maps unit names to their demo flags.
func demoFlags(tb testing.TB, d db.Backend) map[string]bool {
	tb.Helper()
	out := map[string]bool{}
	if err := d.EachUnit(context.Background(), db.UnitCriteria{}, func(u *db.Unit) error { out[u.Name] = u.Demo; return nil }); err != nil {
		tb.Fatal(err)
	}
	return out
}

// testImportDemoFlag checks that an import never changes a record's demo flag: 演示数据=是 creates and keeps demo
// records, and a row whose flag differs from its record's is refused, with its row, column and a Chinese reason.
func testImportDemoFlag(t *testing.T, open Opener) {
	d := mustOpenReal(t, open)
	const header = "单位名称,单位类型,演示数据\n"
	rep := mustImport(t, d, db.ImportUnits, writeFile(t, "u.csv", header+"演示厅,机关,是\n真实厅,机关,否\n"), false)
	if !rep.Written || rep.Created != 2 {
		t.Fatalf("report %+v", rep)
	}

	t.Run("DemoRowCreatesDemoRecord", func(t *testing.T) {
		if f := demoFlags(t, d); !f["演示厅"] || f["真实厅"] {
			t.Fatalf("demo flags %v", f)
		}
	})
	t.Run("DemoRowStaysDemo", func(t *testing.T) {
		rep := mustImport(t, d, db.ImportUnits, writeFile(t, "u.csv", header+"演示厅,机关,是\n真实厅,机关,\n"), false)
		if rep.ErrorCount != 0 || rep.Unchanged != 2 || rep.Updated != 0 {
			t.Fatalf("report %+v", rep)
		}
	})
	refused := func(t *testing.T, kind db.ImportKind, content string, row int, column, want string) {
		t.Helper()
		for _, dry := range []bool{true, false} {
			rep := mustImport(t, d, kind, writeFile(t, "x.csv", content), dry)
			if rep.Written || rep.ErrorCount != 1 || rep.Created+rep.Updated != 0 {
				t.Fatalf("dry %v: report %+v", dry, rep)
			}
			e := rep.Errors[0]
			if e.Row != row || e.Column != column || e.Field != "演示数据" || !strings.Contains(e.Message, want) {
				t.Fatalf("dry %v: error %+v", dry, e)
			}
		}
	}
	t.Run("RealRowOverDemoRecordRefused", func(t *testing.T) {
		refused(t, db.ImportUnits, header+"新厅,机关,否\n演示厅,事业单位,否\n", 3, "C", "是演示数据")
		// A file without the column is real data too, and is refused the same way.
		refused(t, db.ImportUnits, "单位名称,单位类型\n演示厅,机关\n", 2, "", "是演示数据")
		if f := demoFlags(t, d); !f["演示厅"] || len(f) != 2 {
			t.Fatalf("a refused file wrote: %v", f)
		}
	})
	t.Run("DemoRowOverRealRecordRefused", func(t *testing.T) {
		refused(t, db.ImportUnits, "演示数据,单位类型,单位名称\n是,机关,真实厅\n", 2, "A", "是真实记录")
	})
	t.Run("RecordsAsWellAsUnits", func(t *testing.T) {
		const h = "单位名称,服务日期,志愿者人数,服务总时长（小时）,记录方式,演示数据\n"
		rep := mustImport(t, d, db.ImportVolunteerRecords, writeFile(t, "r.csv", h+"真实厅,2024-03-05,5,10,签到签退,是\n"), false)
		if !rep.Written || rep.Created != 1 {
			t.Fatalf("report %+v", rep)
		}
		var demo bool
		d.EachVolunteerRecord(context.Background(), db.VolunteerCriteria{}, func(v *db.VolunteerRecord) error { demo = v.Demo; return nil })
		if !demo {
			t.Fatal("a row marked 演示数据=是 created a real record")
		}
		refused(t, db.ImportVolunteerRecords, h+"真实厅,2024-03-05,5,10,签到签退,否\n", 2, "F", "是演示数据")
	})
}
