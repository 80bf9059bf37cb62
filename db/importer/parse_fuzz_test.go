package importer_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/importer"
)

// fuzzCatalog is a catalogue with a record of every kind an import resolves names against, so that fuzzed rows
// reach every recipient kind and lookup.
func fuzzCatalog() *db.Catalog {
	end := db.Date("2021-12-31")
	unit, campus, window := int64(1), int64(2), int64(3)
	return &db.Catalog{
		Units: []*db.Unit{{ID: unit, Name: "甲厅", Kind: "机关"}, {ID: campus, Name: "乙大学", Kind: "高校", Campus: true},
			{ID: window, Name: "丙医院", Kind: "医院", ServiceWindow: true}},
		Categories: []*db.HonorCategory{
			{ID: 1, Code: "NATIONAL_CIVILISED_UNIT", NameZh: "全国文明单位", RecipientKind: db.RecipientUnit, RecipientKinds: []db.RecipientKind{db.RecipientUnit}, DefaultStatus: db.StatusAwarded},
			{ID: 2, Code: "NATIONAL_CIVILISED_CAMPUS", NameZh: "全国文明校园", RecipientKind: db.RecipientCampus, RecipientKinds: []db.RecipientKind{db.RecipientCampus}, DefaultStatus: db.StatusAwarded},
			{ID: 3, Code: "DIRECT_GOOD_PERSON", NameZh: "省直好人", RecipientKind: db.RecipientPerson, RecipientKinds: []db.RecipientKind{db.RecipientPerson}, DefaultStatus: db.StatusAwarded},
			{ID: 4, Code: "FOUR_EXCELLENT", NameZh: "四个优秀", RecipientKind: db.RecipientPerson,
				RecipientKinds: []db.RecipientKind{db.RecipientPerson, db.RecipientUnit, db.RecipientProject, db.RecipientCommunity}, DefaultStatus: db.StatusAwarded},
			{ID: 5, Code: "DIRECT_WORK", NameZh: "优秀作品", RecipientKind: db.RecipientWork, RecipientKinds: []db.RecipientKind{db.RecipientWork}, DefaultStatus: db.StatusAwarded},
			{ID: 6, Code: "DIRECT_WINDOW", NameZh: "示范窗口", RecipientKind: db.RecipientWindow, RecipientKinds: []db.RecipientKind{db.RecipientWindow}, DefaultStatus: db.StatusNominated},
		},
		Campaigns: []*db.Campaign{{ID: 3, Code: "FLOOD720", NameZh: "抗洪", StartDate: "2021-07-20", EndDate: &end},
			{ID: 4, Code: "EPIDEMIC", NameZh: "疫情防控", StartDate: "2020-01-25"}},
		People:   []*db.Person{{ID: 1, Name: "张三", UnitID: &unit}, {ID: 2, Name: "张三", UnitID: &campus}, {ID: 3, Name: "李四"}},
		Projects: []*db.VolunteerProject{{ID: 1, Name: "i科普", UnitID: &unit}},
		Works:    []*db.Work{{ID: 1, Title: "好作品", UnitID: &window}},
		Centers:  []*db.PracticeCenter{{ID: 1, Code: "410102", Name: "中原区新时代文明实践中心"}},
	}
}

// fuzzSpec picks an import kind from a fuzzed byte, so that one target covers every kind.
func fuzzSpec(kind uint8) *importer.Spec { return importer.Specs[int(kind)%len(importer.Specs)] }

// checkImport opens a fuzzed file and scans it twice, as an import does, asserting what every import must hold:
// no panic, every refusal coded EINVALID or explained per cell, and every accepted record one that the mutations'
// validation accepts unchanged (an import stores nothing a mutation would refuse).
func checkImport(t *testing.T, path string, spec *importer.Spec) {
	f, err := importer.Open(path, spec)
	if err != nil {
		if code := db.ErrorCode(err); code != db.EINVALID || db.ErrorMessage(err) == "" {
			t.Fatalf("open refused with code %q: %v", code, err)
		}
		return
	}
	cat := fuzzCatalog()
	var recs []any
	res, err := importer.Scan(f, importer.NewParser(f, cat, true), func(row int, rec any) error {
		if row < 2 {
			t.Fatalf("record from row %d", row)
		}
		recs = append(recs, rec)
		return nil
	})
	if err != nil {
		if code := db.ErrorCode(err); code != db.EINVALID || db.ErrorMessage(err) == "" {
			t.Fatalf("scan refused with code %q: %v", code, err)
		}
		return
	}
	if res.ErrorCount < len(res.Errors) || len(res.Errors) > db.MaxImportErrors || res.Valid > res.Rows {
		t.Fatalf("tally rows %d valid %d errors %d/%d", res.Rows, res.Valid, len(res.Errors), res.ErrorCount)
	}
	for _, e := range res.Errors {
		if e.Row < 1 || strings.TrimSpace(e.Message) == "" || (e.Column != "" && e.Field == "") {
			t.Fatalf("import error without a place or a reason: %+v", e)
		}
	}
	if res.ErrorCount > 0 {
		return // an import with any bad row writes nothing
	}
	if len(recs) != res.Valid {
		t.Fatalf("%d records for %d valid rows", len(recs), res.Valid)
	}
	for _, rec := range recs {
		if err := mutationAccepts(rec); err != nil {
			t.Fatalf("the import accepted %+v, which a mutation refuses: %v", rec, err)
		}
	}
	// The writing pass, without the duplicate check, accepts the same rows.
	again, err := importer.Scan(f, importer.NewParser(f, cat, false), nil)
	if err != nil || again.ErrorCount != 0 || again.Valid != res.Valid {
		t.Fatalf("second pass: %+v %v", again, err)
	}
}

// mutationAccepts runs the mutations' validation on an imported record and checks that it changes nothing.
func mutationAccepts(rec any) error {
	unchanged := func(what, before, after string) error {
		if before != after {
			return errors.New(what + " changed from " + strconv.Quote(before) + " to " + strconv.Quote(after))
		}
		return nil
	}
	switch x := rec.(type) {
	case *db.Unit:
		in := db.UnitFields{Name: x.Name, Kind: x.Kind, Sector: x.Sector, ServiceWindow: x.ServiceWindow}
		if err := in.Validate(); err != nil {
			return err
		}
		return errors.Join(unchanged("name", x.Name, in.Name), unchanged("sector", x.Sector, in.Sector))
	case *db.Person:
		in := db.PersonFields{Name: x.Name, UnitID: x.UnitID, Citation: x.Citation}
		if err := in.Validate(); err != nil {
			return err
		}
		return errors.Join(unchanged("name", x.Name, in.Name), unchanged("citation", x.Citation, in.Citation))
	case *db.Honor:
		in := db.HonorFields{CategoryCode: "C", UnitID: x.UnitID, PersonID: x.PersonID, ProjectID: x.ProjectID, WorkID: x.WorkID,
			RecipientName: x.RecipientName, Year: x.Year, Date: x.Date, Edition: x.Edition, Status: &x.Status}
		if err := in.Validate(); err != nil {
			return err
		}
		if x.Edition != nil && (in.Edition == nil || *in.Edition != *x.Edition) {
			return errors.New("edition changed")
		}
		return unchanged("recipient", x.RecipientName, in.RecipientName)
	case *db.VolunteerRecord:
		in := db.VolunteerRecordFields{UnitID: x.UnitID, CampaignID: x.CampaignID, Date: x.Date, Volunteers: x.Volunteers, Minutes: x.Minutes,
			Method: x.Method, Verified: x.Verified}
		return in.Validate()
	case *db.Assessment:
		in := db.AssessmentFields{UnitID: x.UnitID, Year: x.Year, BaseScore: x.BaseScore, Bonus: x.Bonus, Veto: x.Veto, Stage: x.Stage}
		return in.Validate()
	case *db.PracticeActivity:
		in := db.PracticeActivityFields{UnitID: x.UnitID, CenterID: x.CenterID, Date: x.Date, Kind: x.Kind, Theme: x.Theme, Sessions: x.Sessions,
			Participants: x.Participants, Action: x.Action}
		if err := in.Validate(); err != nil {
			return err
		}
		return unchanged("theme", x.Theme, in.Theme)
	}
	return errors.New("unknown record type")
}

// csvSeeds are rows of each kind, good and bad, that start the CSV and XLSX corpora.
var csvSeeds = map[db.ImportKind][]string{
	db.ImportUnits:  {"甲厅（演示）,机关,经济系统,否", "乙,高校,,是", ",机关,,", "丙,外星机构,,也许", "丁\x00厅,机关,,否", "=1+1,机关,,否", "'=1+1,机关,,否"},
	db.ImportPeople: {"张三,甲厅,见义勇为", "王五,不存在,", "赵六,,\"多行\n事迹\"", "孙七,,事迹\x01"},
	db.ImportHonors: {"全国文明单位,甲厅,,2023,2023-11-20,第七届,获评", "全国文明校园,甲厅,,2023,,,", "省直好人,张三,甲厅,2023,,,",
		"省直好人,张三,,2023,,,", "四个优秀,某社区,,2022,,,", "四个优秀,i科普,,2022,,,", "优秀作品,好作品,,2021,,,", "示范窗口,丙医院,,2020,2019-01-01,,",
		"NATIONAL_CIVILISED_UNIT,甲厅,,2023年,45356,,推荐", "全国文明单位,甲厅,,1800,,,", "全国文明单位,甲厅,,2023,2023-02-30,,"},
	db.ImportVolunteerRecords: {"甲厅,2024-03-05,,25,75.5,签到签退,是", "甲厅,2021/7/22,FLOOD720,40,320,补录,是", "甲厅,2019-01-01,抗洪,1,1,SHIFT,否",
		"甲厅,45356,,4611686018427387904,1,补录,", "甲厅,2024-03-05,,1,1e300,补录,", "甲厅,2024-03-05,,1.5,NaN,补录,", "甲厅,2024-03-05,,\"1,000\",-0,补录,",
		"甲厅,99999,,1,1,补录,", "甲厅,2024-03-05,常态化,100000000,100000000,补录,"},
	db.ImportAssessments: {"甲厅,2024,92.5,3,否,命名", "甲厅,2024,101,,是,复查", "甲厅,2024,NaN,Inf,,申报", "甲厅,2024.0,-0,10,,撤销"},
	db.ImportActivities: {"甲厅,2024-05-18,常态化活动,文明交通劝导,,2,60,", "甲厅,2024-05-18,常态化活动,主题,410102,1,0,服务惠民暖心",
		"甲厅,2024-05-18,常态化活动,主题,,0,0,未具名行动五", "甲厅,2024-05-18,常态化活动,主题,,1000001,1,", "甲厅,2024-05-18,常态化活动,主\x00题,,1,1,THEORY"},
}

// FuzzImportCSV parses fuzzed CSV files of every import kind, under the kind's header or as a whole file.
func FuzzImportCSV(f *testing.F) {
	for ki, spec := range importer.Specs {
		for _, row := range csvSeeds[spec.Kind] {
			f.Add(uint8(ki), row+"\n", true)
		}
		f.Add(uint8(ki), "\"unterminated\n", true)
		f.Add(uint8(ki), strings.Join(spec.Headers(), ",")+"\n"+strings.Join(spec.Headers(), ",")+"\n", false)
	}
	f.Add(uint8(0), "\xef\xbb\xbf单位名称*,单位类型 ,单位名称\n甲,机关,乙\n", false)
	f.Add(uint8(1), "\xd0\xd5\xc3\xfb\n\xd5\xc5\xc8\xfd\n", false) // 姓名 / 张三 in GB18030
	f.Add(uint8(2), "", false)
	f.Add(uint8(3), "PK\x03\x04garbage", false)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, kind uint8, body string, withHeader bool) {
		spec := fuzzSpec(kind)
		content := body
		if withHeader {
			content = strings.Join(spec.Headers(), ",") + "\n" + body
		}
		path := filepath.Join(dir, "in.csv")
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		checkImport(t, path, spec)
	})
}

// FuzzImportXLSX parses fuzzed rows of every import kind written as a real XLSX: cells are separated by tabs and
// rows by line breaks; with numbers, cells that read as numbers are stored as numeric cells, as Excel does.
func FuzzImportXLSX(f *testing.F) {
	for ki, spec := range importer.Specs {
		for _, row := range csvSeeds[spec.Kind] {
			f.Add(uint8(ki), strings.ReplaceAll(row, ",", "\t"), true)
			f.Add(uint8(ki), strings.ReplaceAll(row, ",", "\t"), false)
		}
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, kind uint8, rows string, numbers bool) {
		spec := fuzzSpec(kind)
		x := excelize.NewFile()
		defer x.Close()
		x.SetSheetName("Sheet1", "数据")
		header := make([]any, len(spec.Columns))
		for i, h := range spec.Headers() {
			header[i] = h
		}
		if err := x.SetSheetRow("数据", "A1", &header); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(rows, "\n")
		if len(lines) > 50 {
			lines = lines[:50]
		}
		for i, line := range lines {
			var cells []any
			for _, c := range strings.Split(line, "\t") {
				if n, err := strconv.ParseFloat(c, 64); numbers && err == nil {
					cells = append(cells, n)
				} else {
					cells = append(cells, c)
				}
			}
			if len(cells) > 64 {
				cells = cells[:64]
			}
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			if err := x.SetSheetRow("数据", cell, &cells); err != nil {
				return // excelize refuses to write the cell (too long, say): nothing to import
			}
		}
		path := filepath.Join(dir, "in.xlsx")
		if err := x.SaveAs(path); err != nil {
			return
		}
		checkImport(t, path, spec)
	})
}
