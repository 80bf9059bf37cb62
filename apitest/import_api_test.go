package apitest

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/wenming/wenming/app"
	"github.com/wenming/wenming/cli"
)

// fillTemplate downloads the template of a kind and fills its data sheet with rows, as a member of staff would.
func fillTemplate(t *testing.T, base string, h http.Header, slug string, rows [][]any) []byte {
	t.Helper()
	res := Do(t, http.MethodGet, base+"/templates/"+slug+".xlsx", nil, h, "")
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("template status %d: %s", res.StatusCode, raw)
	}
	x, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	sheets := x.GetSheetList()
	if len(sheets) != 2 || sheets[1] != "说明" {
		t.Fatalf("template sheets %v", sheets)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := x.SetSheetRow(sheets[0], cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if _, err := x.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestImportAPI(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	units := []byte("单位名称,单位类型,所属系统,服务窗口单位\n导入测试厅（演示）,机关,经济系统,否\n导入测试医院（演示）,医院,卫生健康系统,是\n")

	t.Run("UploadNeedsCustomHeader", func(t *testing.T) {
		res, r := Upload(t, base, admin, "UNITS", "units.csv", units, false)
		if res.StatusCode != http.StatusBadRequest || len(r.Errors) == 0 || !HasCJK(r.Errors[0].Message) {
			t.Errorf("status %d, errors %+v", res.StatusCode, r.Errors)
		}
	})

	t.Run("NeedsSignIn", func(t *testing.T) {
		res, _ := Upload(t, base, WithUpload(nil), "UNITS", "units.csv", units, false)
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("status %d, want 401", res.StatusCode)
		}
	})

	t.Run("ViewerIsForbidden", func(t *testing.T) {
		r := As(t, base, admin, `mutation { createUser(username: "viewer1", password: "viewer-pass-123", role: VIEWER) { id } }`, nil)
		if len(r.Errors) > 0 {
			t.Fatalf("create viewer: %+v", r.Errors)
		}
		viewer, _ := Login(t, base, "viewer1", "viewer-pass-123")
		_, out := Upload(t, base, WithUpload(viewer), "UNITS", "units.csv", units, false)
		WantCode(t, out.Errors, "FORBIDDEN")
	})

	t.Run("DryRunThenImportThenAgain", func(t *testing.T) {
		rep := MustUpload(t, base, admin, "UNITS", "units.csv", units, true)
		if !rep.DryRun || rep.Written || rep.Created != 2 {
			t.Fatalf("dry run %+v", rep)
		}
		rep = MustUpload(t, base, admin, "UNITS", "units.csv", units, false)
		if !rep.Written || rep.Created != 2 || rep.Rows != 2 {
			t.Fatalf("import %+v", rep)
		}
		rep = MustUpload(t, base, admin, "UNITS", "units.csv", units, false)
		if rep.Created != 0 || rep.Unchanged != 2 {
			t.Fatalf("again %+v", rep)
		}
		r := As(t, base, admin, `{ units(filter: {nameContains: "导入测试"}) { totalCount } }`, nil)
		if !strings.Contains(string(r.Data), `"totalCount":2`) {
			t.Errorf("units %s %+v", r.Data, r.Errors)
		}
	})

	t.Run("TemplateXLSXRoundTrip", func(t *testing.T) {
		file := fillTemplate(t, base, admin, "volunteer-records", [][]any{
			{"导入测试厅（演示）", "2024-03-05", "", 25, 75.5, "签到签退", "是"},
			{"导入测试医院（演示）", "2021-07-22", "郑州“7·20”特大暴雨灾害应急志愿服务", 40, 320, "补录", "否"},
		})
		rep := MustUpload(t, base, admin, "VOLUNTEER_RECORDS", "records.xlsx", file, false)
		if rep.Created != 2 || !rep.Written {
			t.Fatalf("import %+v", rep)
		}
		rep = MustUpload(t, base, admin, "VOLUNTEER_RECORDS", "records.xlsx", file, false)
		if rep.Unchanged != 2 || rep.Created != 0 {
			t.Fatalf("again %+v", rep)
		}
	})

	t.Run("BadRowReportedNothingWritten", func(t *testing.T) {
		file := fillTemplate(t, base, admin, "volunteer-records", [][]any{
			{"导入测试厅（演示）", "2024-04-01", "", 5, 10, "签到签退", "是"},
			{"导入测试厅（演示）", "2024-04-02", "", 5, -3, "签到签退", "是"},
		})
		rep := MustUpload(t, base, admin, "VOLUNTEER_RECORDS", "bad.xlsx", file, false)
		if rep.Written || rep.ErrorCount != 1 || rep.Errors[0].Row != 3 || rep.Errors[0].Column != "E" || rep.Errors[0].Field != "服务时长（小时）" {
			t.Fatalf("report %+v", rep)
		}
		r := As(t, base, admin, `{ volunteerRecords(filter: {fromYear: 2024, toYear: 2024, demo: false}) { totalCount } }`, nil)
		if !strings.Contains(string(r.Data), `"totalCount":1`) {
			t.Errorf("records after a rejected file: %s %+v", r.Data, r.Errors)
		}
	})

	t.Run("NotASpreadsheet", func(t *testing.T) {
		_, r := Upload(t, base, WithUpload(admin), "UNITS", "x.xlsx", []byte("PK\x03\x04 not really"), false)
		e := WantCode(t, r.Errors, "BAD_USER_INPUT")
		if e.Extensions["field"] != "file" {
			t.Errorf("field %v", e.Extensions["field"])
		}
	})

	t.Run("AuditLogged", func(t *testing.T) {
		r := As(t, base, admin, `{ auditLog(filter: {action: IMPORT}, first: 50) { totalCount } }`, nil)
		if len(r.Errors) > 0 {
			t.Fatalf("audit log: %+v", r.Errors)
		}
		if strings.Contains(string(r.Data), `"totalCount":0`) {
			t.Errorf("no IMPORT entries: %s", r.Data)
		}
	})
}

func TestExportAPI(t *testing.T) {
	m := MustRunMain(t) // anonymous reading on: exports need only a viewer
	base := m.URL()

	get := func(t *testing.T, path string) (*http.Response, []byte) {
		t.Helper()
		res := Do(t, http.MethodGet, base+path, nil, nil, "")
		raw, _ := io.ReadAll(res.Body)
		res.Body.Close()
		return res, raw
	}

	t.Run("HonorsCSVWithFilters", func(t *testing.T) {
		res, raw := get(t, "/export/honors.csv?fromYear=2021&levels=NATIONAL,PROVINCIAL")
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") ||
			!strings.Contains(res.Header.Get("Content-Disposition"), "filename*=UTF-8''") {
			t.Fatalf("status %d, headers %v", res.StatusCode, res.Header)
		}
		if !bytes.HasPrefix(raw, []byte("\ufeff")) {
			t.Error("CSV has no UTF-8 BOM")
		}
		recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\ufeff")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if recs[0][0] != "荣誉类别" || recs[0][3] != "年份" {
			t.Errorf("header %v", recs[0])
		}
		want := Query[struct{ Honors struct{ TotalCount int } }](t, base,
			`{ honors(filter: {fromYear: 2021, levels: [NATIONAL, PROVINCIAL]}) { totalCount } }`, nil).Honors.TotalCount
		if len(recs)-1 != want || want == 0 {
			t.Errorf("exported %d rows, the API counts %d", len(recs)-1, want)
		}
		level := slices.Index(recs[0], "级别")
		if level < 0 {
			t.Fatalf("no 级别 column: %v", recs[0])
		}
		for _, r := range recs[1:] {
			if r[3] < "2021" || (r[level] != "全国" && r[level] != "河南省") {
				t.Fatalf("row outside the filter: %v", r)
			}
		}
	})

	t.Run("VolunteerXLSX", func(t *testing.T) {
		res, raw := get(t, "/export/volunteer-records.xlsx?campaigns=FLOOD720&verified=true")
		if res.StatusCode != 200 {
			t.Fatalf("status %d: %s", res.StatusCode, raw)
		}
		x, err := excelize.OpenReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		rows, _ := x.GetRows("志愿服务记录")
		want := Query[struct{ VolunteerRecords struct{ TotalCount int } }](t, base,
			`{ volunteerRecords(filter: {campaigns: ["FLOOD720"], verified: true}) { totalCount } }`, nil).VolunteerRecords.TotalCount
		if len(rows)-1 != want || want == 0 {
			t.Errorf("exported %d rows, the API counts %d", len(rows)-1, want)
		}
		if rows[0][1] != "服务日期" || !strings.HasPrefix(rows[1][1], "2021-") || rows[1][6] != "是" {
			t.Errorf("rows %v / %v", rows[0], rows[1])
		}
		notes, _ := x.GetRows("说明")
		if !strings.Contains(fmt.Sprint(notes), "筛选条件 campaigns=FLOOD720&verified=true") {
			t.Errorf("说明 sheet %v does not print the filters", notes)
		}
	})

	t.Run("FiguresAndRankings", func(t *testing.T) {
		for _, p := range []string{"/export/figures.xlsx", "/export/rankings.csv?year=2024&metric=CREATION_INDEX", "/export/units.csv?kind=高校", "/export/people.xlsx"} {
			res, raw := get(t, p)
			if res.StatusCode != 200 || len(raw) < 100 {
				t.Errorf("%s: status %d, %d bytes", p, res.StatusCode, len(raw))
			}
		}
	})

	t.Run("BadRequests", func(t *testing.T) {
		for path, status := range map[string]int{
			"/export/honors.csv?fromYear=abc":           400,
			"/export/honors.csv?colour=red":             400,
			"/export/honors.csv?categories=NOPE":        400,
			"/export/honors.pdf":                        400,
			"/export/secrets.csv":                       404,
			"/export/units.csv?kind=%E5%A4%96%E6%98%9F": 400,
		} {
			res, raw := get(t, path)
			var r Response
			json.Unmarshal(raw, &r)
			if res.StatusCode != status || len(r.Errors) == 0 || !HasCJK(r.Errors[0].Message) {
				t.Errorf("%s: status %d, body %s", path, res.StatusCode, raw)
			}
		}
	})

	t.Run("NeedsSignIn", func(t *testing.T) {
		m := SignedOut(t)
		res := Do(t, http.MethodGet, m.URL()+"/export/honors.csv", nil, nil, "")
		res.Body.Close()
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("status %d, want 401", res.StatusCode)
		}
		res = Do(t, http.MethodGet, m.URL()+"/templates/units.xlsx", nil, nil, "")
		res.Body.Close()
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("template status %d, want 401", res.StatusCode)
		}
	})
}

// The CLI imports, exports and writes templates on a database file, as docs/data.md shows.
func TestImportExportCLI(t *testing.T) {
	dir := t.TempDir()
	path := testDB(t)
	m := app.New()
	m.Config.DBPath, m.Config.Demo = path, false
	m.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := m.Open(t.Context()); err != nil {
		t.Fatal(err)
	}
	m.Close()
	run := func(args ...string) (string, error) {
		var out, errs bytes.Buffer
		err := cli.App{}.Run(t.Context(), args, &out, &errs)
		return out.String() + errs.String(), err
	}
	units := filepath.Join(dir, "units.csv")
	os.WriteFile(units, []byte("单位名称,单位类型\n命令行厅（演示）,机关\n命令行大学（演示）,高校\n"), 0o600)

	out, err := run("import", units, "--kind", "units", "--db", path)
	if err != nil || !strings.Contains(out, "新增 2") {
		t.Fatalf("import: %v\n%s", err, out)
	}
	out, err = run("import", "--kind", "units", "--db", path, units)
	if err != nil || !strings.Contains(out, "不变 2") {
		t.Fatalf("re-import: %v\n%s", err, out)
	}
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("单位名称,单位类型\n命令行局（演示）,外星机构\n"), 0o600)
	out, err = run("import", bad, "--kind", "units", "--db", path)
	if err == nil || !strings.Contains(out, "第 2 行 B 列（单位类型）") {
		t.Fatalf("bad import: %v\n%s", err, out)
	}

	xlsx := filepath.Join(dir, "units.xlsx")
	if out, err = run("export", "--view", "units", "--format", "xlsx", "--out", xlsx, "--db", path); err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	// An export is a valid import file: re-importing it changes nothing.
	out, err = run("import", xlsx, "--kind", "units", "--db", path, "--dry-run")
	if err != nil || !strings.Contains(out, "不变 2") || !strings.Contains(out, "新增 0") {
		t.Fatalf("export → import: %v\n%s", err, out)
	}
	out, err = run("export", "--view", "honors", "--format", "csv", "--out", "-", "--filter", "fromYear=2030", "--db", path)
	if err != nil || !strings.HasPrefix(out, "\ufeff荣誉类别,获得者,") {
		t.Fatalf("export to stdout: %v\n%q", err, out)
	}
	if _, err = run("export", "--view", "honors", "--filter", "levels=GALACTIC", "--db", path); err == nil {
		t.Error("a bad filter was accepted")
	}

	tpl := filepath.Join(dir, "tpl.xlsx")
	if out, err = run("template", "--kind", "honors", "--out", tpl); err != nil {
		t.Fatalf("template: %v\n%s", err, out)
	}
	x, err := excelize.OpenFile(tpl)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	head, _ := x.GetRows("荣誉")
	notes, _ := x.GetRows("说明")
	if len(head) == 0 || head[0][0] != "荣誉类别" || !strings.Contains(fmt.Sprint(notes), "全国文明单位") {
		t.Errorf("template header %v, notes %v", head, notes)
	}
}
