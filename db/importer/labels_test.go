package importer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/importer"
)

// TestHeadersAreTheFieldLabels checks that every template and export header is the label-table label of its field,
// the label the dashboard's forms and table columns show (frontend/test/field-labels.test.ts checks those).
func TestHeadersAreTheFieldLabels(t *testing.T) {
	for _, spec := range importer.Specs {
		t.Run(spec.Slug(), func(t *testing.T) {
			for _, c := range spec.Columns {
				l, ok := db.LookupFieldLabel(spec.Entity, c.Field)
				if !ok {
					t.Errorf("column %s: %s.%s is not in the label table", c.Key, spec.Entity, c.Field)
				} else if c.Header != l.Zh {
					t.Errorf("column %s: header %q, label %q", c.Key, c.Header, l.Zh)
				}
			}
		})
	}
}

// previousHeaders are the headers templates carried before they took the label table's, as files in the field
// still have them.
var previousHeaders = map[db.ImportKind]string{
	db.ImportUnits:            "单位名称,单位类型,所属系统,服务窗口单位,演示数据",
	db.ImportPeople:           "姓名,所属单位,事迹简介,演示数据",
	db.ImportHonors:           "荣誉类别,获得者名称,所属单位,年份,授予日期,届次,状态,演示数据",
	db.ImportVolunteerRecords: "单位名称,服务日期,专项行动,志愿者人数,服务总时长（小时）,记录方式,是否核实,演示数据",
	db.ImportAssessments:      "单位名称,年份,基础分,加分,一票否决,阶段,演示数据",
	db.ImportActivities:       "单位名称,活动日期,活动类型,活动主题,实践中心,场次,参与人数,六大行动,演示数据",
}

// TestPreviousHeadersStillRead checks that a file written from an older template (or exported before the headers
// changed) still maps every column.
func TestPreviousHeadersStillRead(t *testing.T) {
	for _, spec := range importer.Specs {
		t.Run(spec.Slug(), func(t *testing.T) {
			head, ok := previousHeaders[spec.Kind]
			if !ok {
				t.Fatalf("no previous headers for %s", spec.Kind)
			}
			path := filepath.Join(t.TempDir(), "old.csv")
			if err := os.WriteFile(path, []byte(head+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			f, err := importer.Open(path, spec)
			if err != nil || len(f.HeaderErrors) > 0 {
				t.Fatalf("open: %v %+v", err, f.HeaderErrors)
			}
			for i, c := range spec.Columns {
				if f.Column(i) == "" {
					t.Errorf("column %s (%s) not found among %s", c.Key, c.Header, head)
				}
			}
			if got := strings.Count(head, ",") + 1; got != len(spec.Columns) {
				t.Errorf("%d previous headers for %d columns", got, len(spec.Columns))
			}
		})
	}
}
