package apitest

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestReportingDates moves the server's clock (injected, no sleeps) through a task's window, read in China's time:
// before it opens a unit cannot save, after the due day a submit is late and an idle unit overdue, after the close a
// unit needs an extension, and one unit's extension lets only that unit in.
func TestReportingDates(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	var clock atomic.Pointer[time.Time]
	set := func(s string) {
		at, err := time.ParseInLocation("2006-01-02 15:04", s, cst)
		if err != nil {
			t.Fatal(err)
		}
		clock.Store(&at)
	}
	set("2026-03-01 10:00")
	t.Setenv("WENMING_ADMIN_PASSWORD", AdminPassword)
	m := MustRunMain(t, func(c *MainConfig) { c.AnonymousRead = false; c.Now = func() time.Time { return *clock.Load() } })
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	ids := unitIDs(t, base, admin, 2)
	unitA, unitB := ids[0], ids[1]
	repA, repB := newReporter(t, base, admin, "dates-a", unitA), newReporter(t, base, admin, "dates-b", unitB)
	r := As(t, base, admin, `mutation($i: ReportTaskInput!) { createReportTask(input: $i) { id } }`, map[string]any{"i": map[string]any{
		"year": 2025, "title": "2025年度志愿服务上报", "kinds": []string{"VOLUNTEER_RECORDS"}, "opensOn": "2026-03-10", "dueOn": "2026-03-31",
		"closesOn": "2026-04-15", "unitIds": []string{unitA, unitB}}})
	var created struct{ CreateReportTask struct{ ID string } }
	if len(r.Errors) > 0 || json.Unmarshal(r.Data, &created) != nil {
		t.Fatalf("createReportTask: %s %+v", r.Data, r.Errors)
	}
	task := created.CreateReportTask.ID
	type assignment struct {
		Unit          struct{ ID string }
		State         string
		Late, Overdue bool
		Version       int
	}
	read := func(unit string) assignment {
		t.Helper()
		var out struct {
			ReportTask struct{ Assignments []assignment }
		}
		r := As(t, base, admin, `query($id: ID!) { reportTask(id: $id) { assignments { unit { id } state late overdue version } } }`, map[string]any{"id": task})
		if json.Unmarshal(r.Data, &out) != nil {
			t.Fatalf("reportTask: %s %+v", r.Data, r.Errors)
		}
		for _, a := range out.ReportTask.Assignments {
			if a.Unit.ID == unit {
				return a
			}
		}
		t.Fatalf("no assignment of %s", unit)
		return assignment{}
	}
	draft := map[string]any{"volunteerRecords": []map[string]any{{"date": "2025-03-05", "volunteers": 2, "hours": 4, "method": "SIGN_IN"}}}
	save := func(h http.Header, unit string) Response {
		return As(t, base, h, saveDraftMutation, map[string]any{"t": task, "u": unit, "v": read(unit).Version, "c": draft})
	}
	step := func(h http.Header, unit, action string, extra map[string]any) Response {
		vars := map[string]any{"t": task, "u": unit, "a": action, "v": read(unit).Version}
		for k, v := range extra {
			vars[k] = v
		}
		return As(t, base, h, stepMutation, vars)
	}
	reason := func(r Response) any {
		t.Helper()
		return WantCode(t, r.Errors, "CONFLICT").Extensions["reason"]
	}

	t.Run("BeforeOpening", func(t *testing.T) {
		set("2026-03-09 23:59")
		if got := reason(save(repA, unitA)); got != "TASK_NOT_OPEN" {
			t.Errorf("a save the minute before the task opens: %v", got)
		}
		set("2026-03-10 00:00")
		if r := save(repA, unitA); len(r.Errors) > 0 {
			t.Errorf("a save as the task opens: %+v", r.Errors)
		}
	})
	t.Run("AfterTheDueDayLateAndOverdue", func(t *testing.T) {
		set("2026-03-31 23:59")
		if a := read(unitB); a.Overdue {
			t.Errorf("B is overdue on its due day: %+v", a)
		}
		set("2026-04-01 00:00")
		if r := step(repA, unitA, "SUBMIT", nil); len(r.Errors) > 0 {
			t.Fatalf("a submit after the due day: %+v", r.Errors)
		}
		if a, b := read(unitA), read(unitB); !a.Late || a.Overdue || !b.Overdue || b.Late {
			t.Errorf("A %+v, B %+v", a, b)
		}
	})
	t.Run("RemindersOncePerDayToUnitsThatOwe", func(t *testing.T) {
		remind := func(h http.Header) (map[string]string, Response) {
			r := As(t, base, h, `mutation($t: ID!) { remindReports(taskId: $t) { unit { id } reminded skipped } }`, map[string]any{"t": task})
			var out struct {
				RemindReports []struct {
					Unit     struct{ ID string }
					Reminded bool
					Skipped  *string
				}
			}
			json.Unmarshal(r.Data, &out)
			got := map[string]string{}
			for _, x := range out.RemindReports {
				got[x.Unit.ID] = "REMINDED"
				if !x.Reminded && x.Skipped != nil {
					got[x.Unit.ID] = *x.Skipped
				}
			}
			return got, r
		}
		WantCode(t, func() Response { _, r := remind(repB); return r }().Errors, "FORBIDDEN")
		for _, c := range []struct {
			at   string
			a, b string
		}{
			{"2026-04-01 09:00", "NOT_DUE", "REMINDED"},
			{"2026-04-02 08:59", "NOT_DUE", "REMINDED_RECENTLY"},
			{"2026-04-02 09:00", "NOT_DUE", "REMINDED"},
		} {
			set(c.at)
			got, r := remind(admin)
			if len(r.Errors) > 0 || got[unitA] != c.a || got[unitB] != c.b {
				t.Errorf("at %s: %v %+v, want A %s, B %s", c.at, got, r.Errors, c.a, c.b)
			}
		}
		var out struct {
			ReportTask struct {
				Progress    struct{ Reminded int }
				Assignments []struct {
					Unit           struct{ ID string }
					Reminders      int
					LastRemindedAt *string
					State          string
				}
			}
		}
		r := As(t, base, repB, `query($id: ID!) { reportTask(id: $id) { progress { reminded } assignments { unit { id } reminders lastRemindedAt state } } }`,
			map[string]any{"id": task})
		if json.Unmarshal(r.Data, &out) != nil || len(out.ReportTask.Assignments) != 1 {
			t.Fatalf("B reads %s %+v", r.Data, r.Errors)
		}
		b := out.ReportTask.Assignments[0]
		if b.Reminders != 2 || b.LastRemindedAt == nil || *b.LastRemindedAt != "2026-04-02T01:00:00.000Z" || b.State != "NOT_STARTED" || out.ReportTask.Progress.Reminded != 1 {
			t.Errorf("B after two reminders: %s", r.Data)
		}
	})
	t.Run("AfterTheCloseOnlyAnExtendedUnit", func(t *testing.T) {
		set("2026-04-16 00:00")
		if got := reason(save(repB, unitB)); got != "TASK_CLOSED" {
			t.Errorf("B's save after the close: %v", got)
		}
		if r := step(admin, unitB, "EXTEND", map[string]any{"e": "2026-04-30"}); len(r.Errors) > 0 {
			t.Fatalf("extend B: %+v", r.Errors)
		}
		if r := save(repB, unitB); len(r.Errors) > 0 {
			t.Errorf("B's save after its extension: %+v", r.Errors)
		}
		if got := reason(step(repA, unitA, "WITHDRAW", nil)); got != "TASK_CLOSED" {
			t.Errorf("A, not extended, withdrew after the close: %v", got)
		}
		set("2026-05-01 00:00")
		if got := reason(save(repB, unitB)); got != "TASK_CLOSED" {
			t.Errorf("B's save after its extension ended: %v", got)
		}
	})
}

// TestReportMissingExport checks the export of the units that have not reported: the demo task's board and the
// export name the same units, with their contacts; a reporter and an anonymous reader get 404, as for a missing view.
func TestReportMissingExport(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	var out struct {
		ReportTasks []struct {
			ID          string
			Assignments []struct {
				State string
				Unit  struct{ ID, Name string }
			}
		}
	}
	if r := As(t, base, admin, `{ reportTasks { id assignments { state unit { id name } } } }`, nil); json.Unmarshal(r.Data, &out) != nil || len(out.ReportTasks) != 1 {
		t.Fatalf("the demo task: %s %+v", r.Data, r.Errors)
	}
	task := out.ReportTasks[0]
	var owing []string
	for _, a := range task.Assignments {
		if a.State == "NOT_STARTED" || a.State == "IN_PROGRESS" || a.State == "RETURNED" {
			owing = append(owing, a.Unit.Name)
		}
	}
	res := Do(t, http.MethodGet, base+"/export/report-missing.csv?taskId="+task.ID, nil, admin, "")
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	body := string(raw)
	if res.StatusCode != 200 {
		t.Fatalf("export: %d %s", res.StatusCode, body)
	}
	lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(body, "\ufeff")), "\n")
	if len(lines) != len(owing)+1 || !strings.HasPrefix(lines[0], "单位名称,状态,截止日期,是否逾期,催报次数,最近催报,联系人,联系电话,填报员") {
		t.Fatalf("export rows %d, board %d owing: %s", len(lines)-1, len(owing), body)
	}
	for i, name := range owing {
		if !strings.HasPrefix(lines[i+1], name+",") {
			t.Errorf("row %d is %q, the board says %s", i+1, lines[i+1], name)
		}
	}
	rep := newReporter(t, base, admin, "missing-a", task.Assignments[0].Unit.ID)
	if res := Do(t, http.MethodGet, base+"/export/report-missing.csv?taskId="+task.ID, nil, rep, ""); res.StatusCode != 404 {
		t.Errorf("a reporter's export: %d", res.StatusCode)
	}
}
