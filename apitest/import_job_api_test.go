package apitest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// startImportMutation starts an import as a job, as the dashboard's import page does.
const startImportMutation = `mutation($file: Upload!, $kind: ImportKind!, $dryRun: Boolean) {
  startImport(file: $file, kind: $kind, dryRun: $dryRun) { id state phase startedBy }
}`

// importJobFields are what the tests read of a job.
const importJobFields = `id state phase rowsTotal rowsChecked rowsWritten rowsPerSecond secondsLeft startedBy startedAt finishedAt
  cancelRequested error errorEn report { rows valid created updated unchanged errorCount written }`

// importJob is the ImportJob of the API.
type importJob struct {
	ID              string
	State           string
	Phase           string
	RowsTotal       int
	RowsChecked     int
	RowsWritten     int
	RowsPerSecond   float64
	SecondsLeft     *int
	StartedBy       string
	StartedAt       string
	FinishedAt      *string
	CancelRequested bool
	Error           *string
	ErrorEn         *string
	Report          *ImportReport
}

// startImport uploads a file to startImport and returns the answer.
func startImport(t *testing.T, base string, h http.Header, kind, name string, content []byte) Response {
	t.Helper()
	_, r := UploadOperation(t, base, WithUpload(h), startImportMutation, map[string]any{"kind": kind}, name, content)
	return r
}

// mustStartImport starts an import and returns its job's ID.
func mustStartImport(t *testing.T, base string, h http.Header, kind, name string, content []byte) string {
	t.Helper()
	r := startImport(t, base, h, kind, name, content)
	var out struct{ StartImport importJob }
	if len(r.Errors) > 0 || json.Unmarshal(r.Data, &out) != nil || out.StartImport.ID == "" {
		t.Fatalf("startImport: %s %+v", r.Data, r.Errors)
	}
	if out.StartImport.State != "RUNNING" || out.StartImport.StartedBy != "admin" {
		t.Fatalf("a started job: %+v", out.StartImport)
	}
	return out.StartImport.ID
}

// jobEvents follows a job through the importJob subscription until it ends, and returns every state pushed.
func jobEvents(t *testing.T, s *TestSocket, id string, onEvent func(importJob)) []importJob {
	t.Helper()
	op := s.Start(t, `subscription($id: ID!) { importJob(id: $id) { `+importJobFields+` } }`, map[string]any{"id": id})
	var events []importJob
	deadline := time.Now().Add(2 * time.Minute) // a liveness bound only
	for time.Now().Before(deadline) {
		r, closed := s.Next(t, op)
		if closed {
			t.Fatalf("socket closed after %d events", len(events))
		}
		if len(r.Errors) > 0 {
			t.Fatalf("subscription error %+v", r.Errors)
		}
		var out struct{ ImportJob importJob }
		if err := json.Unmarshal(r.Data, &out); err != nil {
			t.Fatal(err)
		}
		events = append(events, out.ImportJob)
		if onEvent != nil {
			onEvent(out.ImportJob)
		}
		if out.ImportJob.State != "RUNNING" {
			return events
		}
	}
	t.Fatalf("the job did not end: %+v", events)
	return nil
}

// demoUnits writes a units CSV of n demo units named from prefix, and returns their names with it.
func demoUnits(prefix string, n int) ([]string, []byte) {
	var names []string
	var b strings.Builder
	b.WriteString("单位名称,单位类型,所属系统,服务窗口单位\n")
	for i := range n {
		name := fmt.Sprintf("%s%02d（演示）", prefix, i)
		names = append(names, name)
		fmt.Fprintf(&b, "%s,机关,经济系统,否\n", name)
	}
	return names, []byte(b.String())
}

// volunteerRows writes a CSV of n demo volunteer records spread over the units named, with distinct natural keys.
func volunteerRows(units []string, n int, hours string) []byte {
	var b strings.Builder
	b.WriteString("单位名称,服务日期,专项行动,志愿者人数,服务总时长（小时）,记录方式,是否核实,演示数据\n")
	day0 := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		fmt.Fprintf(&b, "%s,%s,,%d,%s,补录,否,是\n", units[i%len(units)], day0.AddDate(0, 0, i/len(units)).Format(time.DateOnly), 1+i%9, hours)
	}
	return []byte(b.String())
}

func countRecords(t *testing.T, base string, h http.Header) int {
	t.Helper()
	var out struct{ VolunteerRecords struct{ TotalCount int } }
	r := As(t, base, h, `{ volunteerRecords { totalCount } }`, nil)
	if len(r.Errors) > 0 || json.Unmarshal(r.Data, &out) != nil {
		t.Fatalf("count: %s %+v", r.Data, r.Errors)
	}
	return out.VolunteerRecords.TotalCount
}

func TestImportJobs(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	// A second client: another editor in another browser.
	if r := As(t, base, admin, `mutation { createUser(username: "clerk", password: "password-123", role: EDITOR) { id } }`, nil); len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	clerk, _ := Login(t, base, "clerk", "password-123")

	units, unitsCSV := demoUnits("导入任务测试单位", 25)
	if rep := MustUpload(t, base, admin, "UNITS", "units.csv", unitsCSV, false); rep.Created != 25 {
		t.Fatalf("units %+v", rep)
	}
	const rows = 50000
	file := volunteerRows(units, rows, "2.5")
	before := countRecords(t, base, admin)

	t.Run("ProgressThenResultSeenByASecondClient", func(t *testing.T) {
		id := mustStartImport(t, base, admin, "VOLUNTEER_RECORDS", "records.csv", file)
		s := OpenSocket(t, base, clerk, nil)
		events := jobEvents(t, s, id, nil)
		var progress int
		for i, e := range events {
			if e.State == "RUNNING" && (e.RowsChecked > 0 || e.RowsWritten > 0) {
				progress++
			}
			if i > 0 {
				p := events[i-1]
				if e.RowsChecked < p.RowsChecked || e.RowsWritten < p.RowsWritten {
					t.Errorf("counts went back from %+v to %+v", p, e)
				}
			}
		}
		t.Logf("%d events, %d with progress; last %+v", len(events), progress, events[len(events)-1])
		if progress < 3 {
			t.Errorf("%d progress events, want at least 3: %+v", progress, events)
		}
		last := events[len(events)-1]
		if last.State != "SUCCEEDED" || last.Phase != "DONE" || last.Report == nil || !last.Report.Written || last.Report.Created != rows ||
			last.FinishedAt == nil {
			t.Fatalf("last event %+v (report %+v)", last, last.Report)
		}
		if n := countRecords(t, base, clerk); n != before+rows {
			t.Errorf("records %d, want %d", n, before+rows)
		}
		// The second client reads the same job, and finds it first in the list.
		var got struct {
			ImportJob  importJob
			ImportJobs []importJob
		}
		r := As(t, base, clerk, `query($id: ID!) { importJob(id: $id) { `+importJobFields+` } importJobs(first: 5) { id state } }`, map[string]any{"id": id})
		if len(r.Errors) > 0 || json.Unmarshal(r.Data, &got) != nil {
			t.Fatalf("%s %+v", r.Data, r.Errors)
		}
		if got.ImportJob.State != "SUCCEEDED" || got.ImportJob.Report == nil || got.ImportJob.Report.Created != rows || got.ImportJob.StartedBy != "admin" {
			t.Errorf("the job as the second client reads it: %+v", got.ImportJob)
		}
		if len(got.ImportJobs) == 0 || got.ImportJobs[0].ID != id {
			t.Errorf("the newest job first: %+v", got.ImportJobs)
		}
	})

	more := volunteerRows(units, rows, "3")
	afterFirst := countRecords(t, base, admin)

	t.Run("SecondImportRefusedWhileOneRuns", func(t *testing.T) {
		id := mustStartImport(t, base, admin, "VOLUNTEER_RECORDS", "records-again.csv", more)
		r := startImport(t, base, clerk, "UNITS", "units.csv", unitsCSV)
		e := WantCode(t, r.Errors, "CONFLICT")
		if !strings.Contains(e.Message, "admin") || !strings.Contains(e.Message, "正在导入") || !strings.Contains(e.Message, "records-again.csv") {
			t.Errorf("the refusal should say who imports what since when: %+v", e)
		}
		if en, _ := e.Extensions["messageEn"].(string); !strings.Contains(en, "admin has been importing since") {
			t.Errorf("messageEn %q", en)
		}
		// The synchronous mutation waits for no slot either.
		res, ur := Upload(t, base, WithUpload(clerk), "UNITS", "units.csv", unitsCSV, true)
		res.Body.Close()
		WantCode(t, ur.Errors, "CONFLICT")
		s := OpenSocket(t, base, admin, nil)
		if last := jobEvents(t, s, id, nil); last[len(last)-1].State != "SUCCEEDED" {
			t.Fatalf("the running import: %+v", last[len(last)-1])
		}
	})

	t.Run("CancelLeavesNothingWritten", func(t *testing.T) {
		n0 := countRecords(t, base, admin)
		if n0 != afterFirst {
			// The previous case updated 50,000 records' hours; it created none.
			t.Fatalf("records %d, want %d", n0, afterFirst)
		}
		id := mustStartImport(t, base, admin, "VOLUNTEER_RECORDS", "records-cancelled.csv", volunteerRows(units, rows, "4"))
		s := OpenSocket(t, base, clerk, nil)
		cancelled := false
		events := jobEvents(t, s, id, func(e importJob) {
			if !cancelled && e.State == "RUNNING" && e.RowsChecked > 0 {
				cancelled = true
				r := As(t, base, clerk, `mutation($id: ID!) { cancelImport(id: $id) { state cancelRequested } }`, map[string]any{"id": id})
				if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"cancelRequested":true`) {
					t.Errorf("cancel: %s %+v", r.Data, r.Errors)
				}
			}
		})
		last := events[len(events)-1]
		if !cancelled || last.State != "CANCELLED" || last.Report != nil {
			t.Fatalf("cancelled=%v, last event %+v", cancelled, last)
		}
		if n := countRecords(t, base, admin); n != n0 {
			t.Errorf("records %d after a cancelled import, want %d", n, n0)
		}
		// Nothing of it was written: the hours are still the last import's.
		r := As(t, base, admin, `{ volunteerRecords(orderBy: {field: ID, direction: DESC}, first: 1) { edges { node { hours } } } }`, nil)
		if !strings.Contains(string(r.Data), `"hours":3}`) {
			t.Errorf("the cancelled import changed records: %s", r.Data)
		}
	})

	t.Run("ViewerCannotSeeJobs", func(t *testing.T) {
		if r := As(t, base, admin, `mutation { createUser(username: "leader", password: "password-123", role: VIEWER) { id } }`, nil); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		viewer, _ := Login(t, base, "leader", "password-123")
		r := As(t, base, viewer, `{ importJobs { id } }`, nil)
		WantCode(t, r.Errors, "FORBIDDEN")
	})
}

// TestImportJobStopsWithTheServer stops a server while its import runs, as SIGTERM does: the import is cancelled
// and rolled back, its job reads CANCELLED to the next server on the same database, and the upload's copy is gone.
func TestImportJobStopsWithTheServer(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	units, unitsCSV := demoUnits("停机导入测试单位", 10)
	MustUpload(t, base, admin, "UNITS", "units.csv", unitsCSV, false)
	before := countRecords(t, base, admin)
	uploads := func() []string {
		names, _ := filepath.Glob(filepath.Join(tmp, "wenming-import-*"))
		return names
	}

	id := mustStartImport(t, base, admin, "VOLUNTEER_RECORDS", "records.csv", volunteerRows(units, 50000, "2"))
	if len(uploads()) != 1 {
		t.Fatalf("the running job's upload copy: %v", uploads())
	}
	if err := m.Close(); err != nil {
		t.Fatalf("close while an import runs: %v", err)
	}
	if left := uploads(); len(left) > 0 {
		t.Errorf("the stopped server left the upload's copy: %v", left)
	}

	next := MustRunMain(t, func(c *MainConfig) { c.DBPath = m.Config.DBPath; c.AnonymousRead = false })
	admin, _ = Login(t, next.URL(), "admin", AdminPassword)
	var got struct{ ImportJob importJob }
	r := As(t, next.URL(), admin, `query($id: ID!) { importJob(id: $id) { `+importJobFields+` } }`, map[string]any{"id": id})
	if len(r.Errors) > 0 || json.Unmarshal(r.Data, &got) != nil {
		t.Fatalf("%s %+v", r.Data, r.Errors)
	}
	if j := got.ImportJob; j.State != "CANCELLED" || j.RowsWritten != 0 || j.FinishedAt == nil {
		t.Errorf("the job of an import the server stopped: %+v", j)
	}
	if n := countRecords(t, next.URL(), admin); n != before {
		t.Errorf("records %d after the stopped import, want %d", n, before)
	}
}
