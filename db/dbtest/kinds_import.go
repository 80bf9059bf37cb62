package dbtest

import (
	"context"
	"testing"

	"github.com/wenming/wenming/db"
)

// testImportFourExcellentKinds checks that an import gives a 「四个优秀」 honour to whichever accepted recipient kind
// the row names: a person, an organisation (unit) or a project.
func testImportFourExcellentKinds(t *testing.T, open Opener) {
	d := mustOpenReal(t, open)
	mustImport(t, d, db.ImportUnits, writeFile(t, "units.csv", unitsCSV), false)
	mustImport(t, d, db.ImportPeople, writeFile(t, "people.csv", "姓名,所属单位,事迹简介\n李某（演示）,测试厅甲（演示）,扎根基层\n"), false)
	honors := writeFile(t, "honors.csv", "荣誉类别,获得者名称,所属单位,年份,授予日期,届次,状态\n"+
		"省直“四个优秀”先进典型,李某（演示）,,2023,,,\n"+
		"省直“四个优秀”先进典型,测试厅甲（演示）,,2023,,,\n"+
		"省直“四个优秀”先进典型,i科普,,2023,,,\n")
	rep := mustImport(t, d, db.ImportHonors, honors, false)
	if rep.Created != 3 || rep.ErrorCount != 0 {
		t.Fatalf("honors %+v %+v", rep, rep.Errors)
	}
	kinds := map[string]db.RecipientKind{}
	if err := d.EachHonor(context.Background(), db.HonorCriteria{}, func(h *db.Honor) error {
		kinds[h.RecipientName] = h.RecipientKind
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	want := map[string]db.RecipientKind{"李某（演示）": db.RecipientPerson, "测试厅甲（演示）": db.RecipientUnit, "i科普": db.RecipientProject}
	for name, k := range want {
		if kinds[name] != k {
			t.Errorf("%s imported as %s, want %s", name, kinds[name], k)
		}
	}
}
