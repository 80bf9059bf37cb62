package apitest

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// reportTaskFields are what the reporting tests read of a task.
const reportTaskFields = `id title assignments { unit { id } state rounds late version exemptReason reviewedBy
  history { action from to actor comment } } progress { units notStarted inProgress submitted returned approved exempt overdue late }`

type reportAssignment struct {
	Unit         struct{ ID string }
	State        string
	Rounds       int
	Late         bool
	Version      int
	ExemptReason *string
	ReviewedBy   *string
	History      []struct{ Action, From, To, Actor, Comment string }
}

type reportTask struct {
	ID          string
	Title       string
	Assignments []reportAssignment
	Progress    struct{ Units, NotStarted, InProgress, Submitted, Returned, Approved, Exempt, Overdue, Late int }
}

const stepMutation = `mutation($t: ID!, $u: ID!, $a: ReportAction!, $v: Int!, $c: String, $e: Date, $r: Int) {
  stepReport(taskId: $t, unitId: $u, action: $a, expectedVersion: $v, comment: $c, extendTo: $e, round: $r) { state rounds version } }`

const saveDraftMutation = `mutation($t: ID!, $u: ID!, $v: Int!, $c: ReportContentInput!) {
  saveReportDraft(taskId: $t, unitId: $u, expectedVersion: $v, content: $c) { state version } }`

// unitIDs reads the global IDs of the first n units.
func unitIDs(t *testing.T, base string, admin http.Header, n int) []string {
	t.Helper()
	var units struct {
		Units struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}
	r := As(t, base, admin, `query($n: Int!) { units(first: $n) { edges { node { id } } } }`, map[string]any{"n": n})
	if json.Unmarshal(r.Data, &units) != nil || len(units.Units.Edges) != n {
		t.Fatalf("units: %s", r.Data)
	}
	out := make([]string, n)
	for i, e := range units.Units.Edges {
		out[i] = e.Node.ID
	}
	return out
}

// newReporter creates a unit's reporter with a known password and signs it in.
func newReporter(t *testing.T, base string, admin http.Header, name, unit string) http.Header {
	t.Helper()
	r := As(t, base, admin, `mutation($u: String!, $unit: ID!) { createReporter(username: $u, unitId: $unit, password: "reporter-pass-2026") { user { id } } }`,
		map[string]any{"u": name, "unit": unit})
	if len(r.Errors) > 0 {
		t.Fatalf("createReporter: %+v", r.Errors)
	}
	h, _ := Login(t, base, name, "reporter-pass-2026")
	return h
}

func TestReporting(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	ids := unitIDs(t, base, admin, 2)
	unitA, unitB := ids[0], ids[1]
	reporter := func(name, unit string) http.Header { return newReporter(t, base, admin, name, unit) }
	repA, repB := reporter("reporter-a", unitA), reporter("reporter-b", unitB)

	// A task open today, due in ten days, covering the two units.
	today := time.Now().In(time.FixedZone("CST", 8*3600))
	day := func(d int) string { return today.AddDate(0, 0, d).Format(time.DateOnly) }
	r := As(t, base, admin, `mutation($i: ReportTaskInput!) { createReportTask(input: $i) { id } }`, map[string]any{"i": map[string]any{
		"year": 2025, "title": "2025年度志愿服务上报", "kinds": []string{"VOLUNTEER_RECORDS"}, "opensOn": day(-1), "dueOn": day(10), "closesOn": day(20),
		"unitIds": []string{unitA, unitB}}})
	var created struct{ CreateReportTask struct{ ID string } }
	if len(r.Errors) > 0 || json.Unmarshal(r.Data, &created) != nil {
		t.Fatalf("createReportTask: %s %+v", r.Data, r.Errors)
	}
	task := created.CreateReportTask.ID
	read := func(h http.Header) reportTask {
		t.Helper()
		var out struct{ ReportTask *reportTask }
		r := As(t, base, h, `query($id: ID!) { reportTask(id: $id) { `+reportTaskFields+` } }`, map[string]any{"id": task})
		if len(r.Errors) > 0 || json.Unmarshal(r.Data, &out) != nil || out.ReportTask == nil {
			t.Fatalf("reportTask: %s %+v", r.Data, r.Errors)
		}
		return *out.ReportTask
	}
	version := func(h http.Header, unit string) int {
		for _, a := range read(admin).Assignments {
			if a.Unit.ID == unit {
				return a.Version
			}
		}
		t.Fatalf("no assignment of %s", unit)
		return 0
	}
	rounds := func(unit string) int {
		for _, a := range read(admin).Assignments {
			if a.Unit.ID == unit {
				return a.Rounds
			}
		}
		return 0
	}
	step := func(h http.Header, unit, action string, v int, comment string) Response {
		return As(t, base, h, stepMutation, map[string]any{"t": task, "u": unit, "a": action, "v": v, "c": comment, "r": rounds(unit)})
	}
	const canary = "CANARY-7f3e9b-unit-B-only"

	t.Run("ReporterSeesItsOwnUnitOnly", func(t *testing.T) {
		a := read(repA)
		if len(a.Assignments) != 1 || a.Assignments[0].Unit.ID != unitA || a.Progress.Units != 1 {
			t.Errorf("reporter A reads %+v", a)
		}
		if all := read(admin); len(all.Assignments) != 2 || all.Progress.NotStarted != 2 {
			t.Errorf("the office reads %+v", all)
		}
	})

	t.Run("AnotherUnitsReportAnswersAsMissing", func(t *testing.T) {
		r := step(repA, unitB, "SUBMIT", 1, "")
		missing := As(t, base, repA, stepMutation, map[string]any{"t": task, "u": "VW5pdDo5OTk5OTk", "a": "SUBMIT", "v": 1})
		e1, e2 := WantCode(t, r.Errors, "NOT_FOUND"), WantCode(t, missing.Errors, "NOT_FOUND")
		if e1.Message != e2.Message {
			t.Errorf("another unit's report %q, a missing one %q", e1.Message, e2.Message)
		}
		if v := version(admin, unitB); v != 1 {
			t.Errorf("B's report changed: version %d", v)
		}
	})

	t.Run("FlowWithReasons", func(t *testing.T) {
		if e := WantCode(t, step(repA, unitA, "SUBMIT", 1, "").Errors, "CONFLICT"); e.Extensions["reason"] != "EMPTY" {
			t.Errorf("an empty submit: %+v", e)
		}
		draft := map[string]any{"volunteerRecords": []map[string]any{{"date": "2025-03-05", "volunteers": 12, "hours": 36, "method": "SIGN_IN"}}}
		if r := As(t, base, repA, saveDraftMutation, map[string]any{"t": task, "u": unitA, "v": 1, "c": draft}); len(r.Errors) > 0 {
			t.Fatalf("save draft: %+v", r.Errors)
		}
		if r := step(repA, unitA, "SUBMIT", 2, ""); len(r.Errors) > 0 {
			t.Fatalf("submit: %+v", r.Errors)
		}
		if e := WantCode(t, As(t, base, repA, saveDraftMutation, map[string]any{"t": task, "u": unitA, "v": 3, "c": draft}).Errors, "CONFLICT"); e.Extensions["reason"] != "SUBMITTED" {
			t.Errorf("a draft after submitting: %+v", e)
		}
		if e := WantCode(t, step(repA, unitA, "WITHDRAW", 1, "").Errors, "CONFLICT"); e.Extensions["reason"] != "OUTDATED" {
			t.Errorf("a stale version: %+v", e)
		}
		if e := WantCode(t, step(repA, unitA, "APPROVE", 3, "").Errors, "FORBIDDEN"); e.Message == "" {
			t.Error("a reporter approved")
		}
		for _, s := range []struct {
			h      http.Header
			action string
			want   string
			note   string
		}{
			{repA, "WITHDRAW", "IN_PROGRESS", ""},
			{repA, "SUBMIT", "SUBMITTED", ""},
			{admin, "RETURN", "RETURNED", "请补充第三季度的记录"},
			{repA, "SUBMIT", "SUBMITTED", ""},
			{admin, "APPROVE", "APPROVED", ""},
		} {
			r := step(s.h, unitA, s.action, version(admin, unitA), s.note)
			if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"state":"`+s.want+`"`) {
				t.Fatalf("%s: %s %+v", s.action, r.Data, r.Errors)
			}
		}
		if e := WantCode(t, As(t, base, repA, saveDraftMutation, map[string]any{"t": task, "u": unitA, "v": version(admin, unitA), "c": draft}).Errors,
			"CONFLICT"); e.Extensions["reason"] != "LOCKED" {
			t.Errorf("a draft after approval: %+v", e)
		}
		WantCode(t, step(admin, unitA, "REOPEN", version(admin, unitA), "").Errors, "BAD_USER_INPUT")
		if r := step(admin, unitA, "REOPEN", version(admin, unitA), "审核后发现重复记录"); len(r.Errors) > 0 {
			t.Fatalf("reopen: %+v", r.Errors)
		}
		a := read(repA).Assignments[0]
		var actions []string
		for _, h := range a.History {
			actions = append(actions, h.Action+":"+h.To)
		}
		want := "SAVE_DRAFT:IN_PROGRESS SUBMIT:SUBMITTED WITHDRAW:IN_PROGRESS SUBMIT:SUBMITTED RETURN:RETURNED SUBMIT:SUBMITTED APPROVE:APPROVED REOPEN:RETURNED"
		if strings.Join(actions, " ") != want || a.Rounds != 3 || a.State != "RETURNED" {
			t.Errorf("history %v (rounds %d, state %s)", actions, a.Rounds, a.State)
		}
		if a.History[4].Comment != "请补充第三季度的记录" || a.History[4].Actor != "admin" {
			t.Errorf("the return's comment: %+v", a.History[4])
		}
	})

	t.Run("NoCanaryReachesAnotherUnit", func(t *testing.T) {
		if r := step(admin, unitB, "EXEMPT", version(admin, unitB), canary); len(r.Errors) > 0 {
			t.Fatalf("exempt B: %+v", r.Errors)
		}
		if b := read(repB); b.Assignments[0].ExemptReason == nil || *b.Assignments[0].ExemptReason != canary {
			t.Errorf("B reads its own reason: %+v", b.Assignments[0])
		}
		for _, q := range []string{
			`{ reportTasks { ` + reportTaskFields + ` } }`,
			`query($id: ID!) { reportTask(id: $id) { ` + reportTaskFields + ` } }`,
			`{ viewer { user { unit { id name } } } }`,
		} {
			raw := As(t, base, repA, q, map[string]any{"id": task})
			if b, _ := json.Marshal(raw); strings.Contains(string(b), canary) {
				t.Errorf("unit B's canary in reporter A's answer to %s", q)
			}
		}
		p := read(admin).Progress
		if p.Units != 2 || p.Returned != 1 || p.Exempt != 1 || p.Overdue != 0 {
			t.Errorf("progress %+v", p)
		}
	})

	t.Run("LeadersSeeProgressAnonymousNothing", func(t *testing.T) {
		if r := As(t, base, admin, `mutation { createUser(username: "leader", password: "password-123", role: VIEWER) { id } }`, nil); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		leader, _ := Login(t, base, "leader", "password-123")
		if p := read(leader).Progress; p.Units != 2 {
			t.Errorf("a leader's progress %+v", p)
		}
		WantCode(t, step(leader, unitA, "SUBMIT", version(admin, unitA), "").Errors, "FORBIDDEN")
		open := MustRunMain(t)
		r := As(t, open.URL(), nil, `{ reportTasks { id } }`, nil)
		if len(r.Errors) > 0 || string(r.Data) != `{"reportTasks":[]}` {
			t.Errorf("anonymous reads %s %+v", r.Data, r.Errors)
		}
	})
}
