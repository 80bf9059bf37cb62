package importer_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/importer"
)

func catalog() *db.Catalog {
	end := db.Date("2021-12-31")
	return &db.Catalog{
		Units:      []*db.Unit{{ID: 1, Name: "甲厅", Kind: "机关"}, {ID: 2, Name: "乙大学", Kind: "高校", Campus: true}},
		Categories: []*db.HonorCategory{{ID: 7, Code: "NATIONAL_CIVILISED_UNIT", NameZh: "全国文明单位", RecipientKind: db.RecipientUnit, DefaultStatus: db.StatusAwarded}},
		Campaigns:  []*db.Campaign{{ID: 3, Code: "FLOOD720", NameZh: "抗洪", StartDate: "2021-07-20", EndDate: &end}},
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]db.Date{
		"2024-03-05": "2024-03-05", "2024/3/5": "2024-03-05", "2024.3.5": "2024-03-05", "2024年3月5日": "2024-03-05",
		"20240305": "2024-03-05", "45356": "2024-03-05", "45356.5": "2024-03-05", "2024-03-05 08:30:00": "2024-03-05",
	} {
		if got, ok := importer.ParseDate(in); !ok || got != want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"2024-02-30", "明天", "3/5/2024", "12"} {
		if got, ok := importer.ParseDate(in); ok {
			t.Errorf("ParseDate(%q) = %q, want failure", in, got)
		}
	}
}

// An XLSX as Excel writes it: real date cells, numbers, a formula with its cached value, a huge cell.
func TestReadXLSX(t *testing.T) {
	spec, _ := importer.SpecFor(db.ImportVolunteerRecords)
	x := excelize.NewFile()
	x.SetSheetName("Sheet1", "数据")
	x.NewSheet("说明")
	// Columns in another order than the template, plus an unknown column.
	x.SetSheetRow("数据", "A1", &[]any{"服务日期", "单位名称*", "备注", "志愿者人数", "服务总时长(小时)", "记录方式", "是否核实", "专项行动"})
	dateStyle, _ := x.NewStyle(&excelize.Style{NumFmt: 14})
	x.SetSheetRow("数据", "A2", &[]any{time.Date(2021, 7, 22, 0, 0, 0, 0, time.UTC), "甲厅", "x", 3, 4.25, "签到签退", true, "抗洪"})
	x.SetCellStyle("数据", "A2", "A2", dateStyle)
	x.SetSheetRow("数据", "A4", &[]any{"2024-01-02", "甲厅", "", 1, 1, "SHIFT", "否", ""}) // row 3 blank: skipped
	x.SetSheetRow("数据", "A5", &[]any{"2024-01-03", strings.Repeat("长", 300), "", 1, 1, "补录", "", ""})
	x.SetSheetRow("数据", "A6", &[]any{"2022-01-03", "甲厅", "", 1, 1, "补录", "", "FLOOD720"})
	path := filepath.Join(t.TempDir(), "r.xlsx")
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f, err := importer.Open(path, spec)
	if err != nil || len(f.HeaderErrors) > 0 || f.Format != importer.XLSX {
		t.Fatalf("open: %v %+v", err, f.HeaderErrors)
	}
	var recs []*db.VolunteerRecord
	res, err := importer.Scan(f, importer.NewParser(f, catalog(), true), func(row int, rec any) error {
		recs = append(recs, rec.(*db.VolunteerRecord))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != 4 || res.Valid != 2 || len(recs) != 2 {
		t.Fatalf("rows %d valid %d errors %+v", res.Rows, res.Valid, res.Errors)
	}
	r := recs[0]
	if r.Date != "2021-07-22" || r.UnitID != 1 || r.Volunteers != 3 || r.Minutes != 255 || !r.Verified || r.CampaignID == nil || *r.CampaignID != 3 {
		t.Errorf("record %+v", r)
	}
	if recs[1].Method != db.MethodShift || recs[1].Verified {
		t.Errorf("record %+v", recs[1])
	}
	got := map[string]string{}
	for _, e := range res.Errors {
		got[e.Column+"/"+e.Field] = e.Message
	}
	if !strings.Contains(got["B/组织单位"], "过长") || !strings.Contains(got["A/服务日期"], "起止日期") {
		t.Errorf("errors %v", got)
	}
}

func TestTemplate(t *testing.T) {
	for _, spec := range importer.Specs {
		t.Run(string(spec.Kind), func(t *testing.T) {
			var buf bytes.Buffer
			if err := importer.WriteTemplate(&buf, spec, catalog()); err != nil {
				t.Fatal(err)
			}
			x, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			defer x.Close()
			if got := x.GetSheetList(); len(got) != 2 || got[0] != spec.Sheet || got[1] != "说明" {
				t.Fatalf("sheets %v", got)
			}
			rows, _ := x.GetRows(spec.Sheet)
			if len(rows) != 1 || strings.Join(rows[0], ",") != strings.Join(spec.Headers(), ",") {
				t.Errorf("header %v", rows)
			}
			notes, _ := x.GetRows("说明")
			if !strings.Contains(flat(notes), spec.KeyZh) {
				t.Error("说明 does not explain the natural key")
			}
			// The blank template itself imports as "no data rows", not as an error of its header.
			path := filepath.Join(t.TempDir(), "t.xlsx")
			x.SaveAs(path)
			f, err := importer.Open(path, spec)
			if err != nil || len(f.HeaderErrors) > 0 {
				t.Fatalf("open own template: %v %+v", err, f.HeaderErrors)
			}
			res, _ := importer.Scan(f, importer.NewParser(f, catalog(), true), nil)
			if res.ErrorCount != 1 || !strings.Contains(res.Errors[0].Message, "没有数据行") {
				t.Errorf("blank template: %+v", res.Errors)
			}
		})
	}
}

func flat(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, " "))
		b.WriteByte('\n')
	}
	return b.String()
}

func TestSheetWriterCSVInjection(t *testing.T) {
	var buf bytes.Buffer
	w, err := importer.NewSheetWriter(&buf, importer.CSV, "x", []string{"名称", "数"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	w.Row("=HYPERLINK(\"http://evil\")", -3)
	w.Row("+1", 2.5)
	w.Close()
	want := "\ufeff名称,数\r\n\"'=HYPERLINK(\"\"http://evil\"\")\",-3\r\n'+1,2.5\r\n"
	if buf.String() != want {
		t.Errorf("csv = %q, want %q", buf.String(), want)
	}
}

func TestSpecByName(t *testing.T) {
	for _, n := range []string{"volunteer-records", "VOLUNTEER_RECORDS", "志愿服务记录"} {
		if s, err := importer.SpecByName(n); err != nil || s.Kind != db.ImportVolunteerRecords {
			t.Errorf("%s: %v", n, err)
		}
	}
	if _, err := importer.SpecByName("nope"); db.ErrorCode(err) != db.EINVALID {
		t.Errorf("err %v", err)
	}
}

// TestHoursRoundTrip checks every whole number of minutes up to a year of service: written as hours to two
// decimals (as exports write them, through CSV's shortest float text) and read back, it gives the same minutes.
func TestHoursRoundTrip(t *testing.T) {
	for m := int64(0); m <= 60*24*366; m++ {
		h, err := strconv.ParseFloat(strconv.FormatFloat(importer.HoursOfMinutes(m), 'f', -1, 64), 64)
		if err != nil {
			t.Fatal(err)
		}
		if got := importer.MinutesOfHours(h); got != m {
			t.Fatalf("%d minutes → %v hours → %d minutes", m, h, got)
		}
	}
	for _, m := range []int64{1<<40 + 1, 59_999_999_999} {
		if got := importer.MinutesOfHours(importer.HoursOfMinutes(m)); got != m {
			t.Errorf("%d minutes → %d minutes", m, got)
		}
	}
}

// TestTemplateDemoColumn checks that every template ends with the optional 演示数据 column and that the 说明 sheet
// says an import never changes a record's demo flag.
func TestTemplateDemoColumn(t *testing.T) {
	for _, spec := range importer.Specs {
		t.Run(spec.Slug(), func(t *testing.T) {
			last := spec.Columns[len(spec.Columns)-1]
			if last.Header != importer.DemoHeader || last.Required {
				t.Fatalf("last column %+v", last)
			}
			var b bytes.Buffer
			if err := importer.WriteTemplate(&b, spec, nil); err != nil {
				t.Fatal(err)
			}
			x, err := excelize.OpenReader(&b)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := x.GetRows("说明")
			if err != nil {
				t.Fatal(err)
			}
			var text strings.Builder
			for _, r := range rows {
				text.WriteString(strings.Join(r, " "))
			}
			if !strings.Contains(text.String(), "不会改变已有记录的演示标记") {
				t.Fatalf("说明 does not explain the demo flag:\n%s", text.String())
			}
		})
	}
}

// TestCSVEscapeRoundTrip checks that text a CSV export escaped with ' (because a spreadsheet would run it as a
// formula) imports back as it was, while an unescaped formula is still refused.
func TestCSVEscapeRoundTrip(t *testing.T) {
	spec, _ := importer.SpecFor(db.ImportUnits)
	path := filepath.Join(t.TempDir(), "u.csv")
	content := "单位名称,单位类型,所属系统\n'-甲厅,机关,'=SUM(1)\n'乙厅,机关,\n丙厅,机关,=SUM(1)\n"
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := importer.Open(path, spec)
	if err != nil {
		t.Fatal(err)
	}
	var units []*db.Unit
	res, err := importer.Scan(f, importer.NewParser(f, nil, true), func(_ int, rec any) error { units = append(units, rec.(*db.Unit)); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(units) != 2 || units[0].Name != "-甲厅" || units[0].Sector != "=SUM(1)" || units[1].Name != "'乙厅" {
		t.Fatalf("units %+v", units)
	}
	if res.ErrorCount != 1 || res.Errors[0].Row != 4 || res.Errors[0].Field != "所属系统" {
		t.Fatalf("errors %+v", res.Errors)
	}
}
