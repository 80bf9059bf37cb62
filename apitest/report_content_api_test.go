package apitest

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// reportContentFields are what the content tests read of a unit's report.
const reportContentFields = `state rounds version
  draft { content { volunteerRecords { date volunteers hours method } practiceActivities { theme } assessment { baseScore scores { code score note } } } }
  submissions { round withdrawn content { volunteerRecords { hours } } }
  comments { round field author text }`

type reportContent struct {
	State   string
	Rounds  int
	Version int
	Draft   *struct {
		Content struct {
			VolunteerRecords   []struct{ Hours float64 }
			PracticeActivities []struct{ Theme string }
			Assessment         *struct {
				BaseScore float64
				Scores    []struct {
					Code, Note string
					Score      float64
				}
			}
		}
	}
	Submissions []struct {
		Round     int
		Withdrawn bool
	}
	Comments []struct {
		Round               int
		Field, Author, Text string
	}
}

// TestReportContent walks one unit's report from draft to approval and back, through the real handler: drafts and
// submissions move no figure, the approval writes exactly the approved round and locks it, an admin's reopen
// unlocks, a re-approval replaces exactly what the last one wrote, and comments stay through it all.
func TestReportContent(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	unitA := unitIDs(t, base, admin, 3)[2]
	rep := newReporter(t, base, admin, "content-a", unitA)
	if r := As(t, base, admin, `mutation { createUser(username: "content-editor", password: "password-123", role: EDITOR) { id } }`, nil); len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	if r := As(t, base, admin, `mutation { createUser(username: "content-leader", password: "password-123", role: VIEWER) { id } }`, nil); len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	editor, _ := Login(t, base, "content-editor", "password-123")
	leader, _ := Login(t, base, "content-leader", "password-123")

	today := time.Now().In(time.FixedZone("CST", 8*3600))
	day := func(d int) string { return today.AddDate(0, 0, d).Format(time.DateOnly) }
	r := As(t, base, admin, `mutation($i: ReportTaskInput!) { createReportTask(input: $i) { id } }`, map[string]any{"i": map[string]any{
		"year": 2025, "title": "2025年度综合上报", "kinds": []string{"VOLUNTEER_RECORDS", "PRACTICE_ACTIVITIES", "ASSESSMENT_SCORES"},
		"opensOn": day(-1), "dueOn": day(10), "closesOn": day(20), "unitIds": []string{unitA}}})
	var created struct{ CreateReportTask struct{ ID string } }
	if len(r.Errors) > 0 || json.Unmarshal(r.Data, &created) != nil {
		t.Fatalf("createReportTask: %s %+v", r.Data, r.Errors)
	}
	task := created.CreateReportTask.ID
	read := func(h http.Header) reportContent {
		t.Helper()
		var out struct {
			ReportTask *struct{ Assignments []reportContent }
		}
		r := As(t, base, h, `query($id: ID!) { reportTask(id: $id) { assignments { `+reportContentFields+` } } }`, map[string]any{"id": task})
		if len(r.Errors) > 0 || json.Unmarshal(r.Data, &out) != nil || out.ReportTask == nil || len(out.ReportTask.Assignments) != 1 {
			t.Fatalf("reportTask: %s %+v", r.Data, r.Errors)
		}
		return out.ReportTask.Assignments[0]
	}
	save := func(h http.Header, content map[string]any) Response {
		return As(t, base, h, saveDraftMutation, map[string]any{"t": task, "u": unitA, "v": read(admin).Version, "c": content})
	}
	step := func(h http.Header, action, comment string) Response {
		a := read(admin)
		return As(t, base, h, stepMutation, map[string]any{"t": task, "u": unitA, "a": action, "v": a.Version, "c": comment, "r": a.Rounds})
	}
	must := func(r Response, what string) {
		t.Helper()
		if len(r.Errors) > 0 {
			t.Fatalf("%s: %+v", what, r.Errors)
		}
	}
	// The unit's own 2025 volunteer figures, and every aggregate the dashboard shows.
	unitFigures := func() string {
		r := As(t, base, admin, `query($u: ID!) { volunteerStats(groupBy: [YEAR], filter: {unitId: $u, fromYear: 2025, toYear: 2025}) { records volunteers minutes }
		  volunteerRecords(filter: {unitId: $u, fromYear: 2025, toYear: 2025}) { totalCount } }`, map[string]any{"u": unitA})
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		return string(r.Data)
	}
	queries := aggregateQueries(t)
	aggregates := func() map[string]string {
		out := map[string]string{}
		for name, q := range queries {
			vars := map[string]any(nil)
			if strings.HasPrefix(name, "page:") {
				vars = pageVars
			}
			r := As(t, base, admin, q, vars)
			if len(r.Errors) > 0 {
				t.Fatalf("%s: %+v", name, r.Errors)
			}
			out[name] = string(r.Data)
		}
		return out
	}
	sameAggregates := func(before map[string]string, when string) {
		t.Helper()
		for name, v := range aggregates() {
			if before[name] != v {
				t.Errorf("%s changed %s", name, when)
			}
		}
	}
	beforeAll, beforeUnit := aggregates(), unitFigures()
	content := map[string]any{
		"volunteerRecords": []map[string]any{
			{"date": "2025-03-05", "volunteers": 12, "hours": 36, "method": "SIGN_IN"},
			{"date": "2025-04-10", "volunteers": 8, "hours": 1.5, "method": "SHIFT"},
		},
		"practiceActivities": []map[string]any{{"date": "2025-05-01", "kind": "ROUTINE", "theme": "文明实践进社区", "sessions": 2, "participants": 60}},
		"assessment":         map[string]any{"baseScore": 80, "bonus": 1, "scores": []map[string]any{}},
	}

	t.Run("DraftsAreCheckedLikeRecords", func(t *testing.T) {
		for _, c := range []struct {
			name, field string
			content     map[string]any
		}{
			{"DateOutsideTheYear", "volunteerRecords[0].date", map[string]any{"volunteerRecords": []map[string]any{{"date": "2024-12-31", "volunteers": 1, "hours": 1, "method": "SIGN_IN"}}}},
			{"HoursNotWholeMinutes", "volunteerRecords[0].hours", map[string]any{"volunteerRecords": []map[string]any{{"date": "2025-01-02", "volunteers": 1, "hours": 1.01, "method": "SIGN_IN"}}}},
			{"KindNotAsked", "titleApplications", map[string]any{"titleApplications": []map[string]any{{"categoryCode": "PROVINCIAL_UNIT"}}}},
			{"NoteTooLong", "assessment.scores[0].note", map[string]any{"assessment": map[string]any{"baseScore": 80, "bonus": 0,
				"scores": []map[string]any{{"code": "X", "score": 1, "note": strings.Repeat("说", 501)}}}}},
		} {
			t.Run(c.name, func(t *testing.T) {
				e := WantCode(t, save(rep, c.content).Errors, "BAD_USER_INPUT")
				if e.Extensions["field"] != c.field || e.Extensions["messageEn"] == "" {
					t.Errorf("refusal %+v, want field %s", e, c.field)
				}
			})
		}
		if a := read(admin); a.State != "NOT_STARTED" || a.Draft != nil {
			t.Errorf("a refused draft was kept: %+v", a)
		}
	})

	t.Run("DraftAndSubmissionMoveNoFigure", func(t *testing.T) {
		must(save(rep, content), "save")
		if a := read(rep); a.State != "IN_PROGRESS" || a.Draft == nil || len(a.Draft.Content.VolunteerRecords) != 2 || a.Draft.Content.VolunteerRecords[1].Hours != 1.5 {
			t.Fatalf("the reporter's draft: %+v", a)
		}
		if a := read(leader); a.State != "IN_PROGRESS" || a.Draft != nil || len(a.Submissions) != 0 {
			t.Errorf("a leader reads the draft's contents: %+v", a)
		}
		must(step(rep, "SUBMIT", ""), "submit")
		sameAggregates(beforeAll, "after a draft and a submit")
		if unitFigures() != beforeUnit {
			t.Error("the unit's figures moved before approval")
		}
	})

	t.Run("ReturnWithFieldCommentsThenResubmit", func(t *testing.T) {
		must(As(t, base, editor, `mutation($t: ID!, $u: ID!) { commentReport(taskId: $t, unitId: $u, field: "volunteerRecords[1].hours", text: "请核实时长") { round } }`,
			map[string]any{"t": task, "u": unitA}), "comment")
		WantCode(t, As(t, base, rep, `mutation($t: ID!, $u: ID!) { commentReport(taskId: $t, unitId: $u, text: "自己批准") { round } }`,
			map[string]any{"t": task, "u": unitA}).Errors, "FORBIDDEN")
		must(step(editor, "RETURN", "请补充第二季度"), "return")
		a := read(rep)
		if a.State != "RETURNED" || len(a.Comments) != 2 || a.Comments[0].Field != "volunteerRecords[1].hours" || a.Comments[1].Field != "" ||
			a.Comments[0].Round != 1 || a.Comments[0].Author != "content-editor" {
			t.Fatalf("the reporter reads the review: %+v", a.Comments)
		}
		fixed := map[string]any{"volunteerRecords": []map[string]any{
			{"date": "2025-03-05", "volunteers": 12, "hours": 36, "method": "SIGN_IN"},
			{"date": "2025-04-10", "volunteers": 8, "hours": 2, "method": "SHIFT"},
			{"date": "2025-06-01", "volunteers": 3, "hours": 6, "method": "SELF_REPORT"},
		}, "assessment": content["assessment"]}
		must(save(rep, fixed), "save the fix")
		must(step(rep, "SUBMIT", ""), "resubmit")
		if a := read(editor); a.Rounds != 2 || len(a.Submissions) != 2 || a.Submissions[0].Round != 2 {
			t.Errorf("the versions: %+v", a.Submissions)
		}
		sameAggregates(beforeAll, "after a return and a resubmit")
	})

	t.Run("ApprovalNamesItsRoundAndWritesExactlyIt", func(t *testing.T) {
		a := read(admin)
		stale := As(t, base, editor, stepMutation, map[string]any{"t": task, "u": unitA, "a": "APPROVE", "v": a.Version, "r": 1})
		if e := WantCode(t, stale.Errors, "CONFLICT"); e.Extensions["reason"] != "OUTDATED" {
			t.Errorf("approving an old round: %+v", e)
		}
		must(step(editor, "APPROVE", ""), "approve")
		want := `{"volunteerStats":[{"records":3,"volunteers":23,"minutes":2640}],"volunteerRecords":{"totalCount":3}}`
		if got := unitFigures(); got != want {
			t.Errorf("after approval the unit's figures are %s, want %s", got, want)
		}
	})

	var recordID string
	var recordVersion int
	t.Run("ApprovalLocksTheRecords", func(t *testing.T) {
		var list struct {
			VolunteerRecords struct {
				Edges []struct {
					Node struct {
						ID      string
						Version int
					}
				}
			}
		}
		r := As(t, base, editor, `query($u: ID!) { volunteerRecords(filter: {unitId: $u, fromYear: 2025, toYear: 2025}) { edges { node { id version } } } }`,
			map[string]any{"u": unitA})
		if json.Unmarshal(r.Data, &list) != nil || len(list.VolunteerRecords.Edges) != 3 {
			t.Fatalf("records: %s", r.Data)
		}
		recordID, recordVersion = list.VolunteerRecords.Edges[0].Node.ID, list.VolunteerRecords.Edges[0].Node.Version
		upd := As(t, base, editor, `mutation($id: ID!, $v: Int!, $u: ID!) { updateVolunteerRecord(id: $id, expectedVersion: $v,
		  input: {unitId: $u, date: "2025-03-05", volunteers: 99, hours: 1, method: SIGN_IN}) { id } }`, map[string]any{"id": recordID, "v": recordVersion, "u": unitA})
		if e := WantCode(t, upd.Errors, "CONFLICT"); e.Extensions["reason"] != "LOCKED" {
			t.Errorf("an update of a locked record: %+v", e)
		}
		del := As(t, base, editor, `mutation($id: ID!) { deleteVolunteerRecord(id: $id) { id } }`, map[string]any{"id": recordID})
		if e := WantCode(t, del.Errors, "CONFLICT"); e.Extensions["reason"] != "LOCKED" {
			t.Errorf("a delete of a locked record: %+v", e)
		}
	})

	t.Run("ReopenUnlocksAndReapprovalReplaces", func(t *testing.T) {
		WantCode(t, step(editor, "REOPEN", "发现重复").Errors, "FORBIDDEN")
		must(step(admin, "REOPEN", "发现重复记录"), "reopen")
		must(save(rep, map[string]any{"volunteerRecords": []map[string]any{{"date": "2025-03-05", "volunteers": 12, "hours": 36, "method": "SIGN_IN"}}}), "save")
		must(step(rep, "SUBMIT", ""), "submit")
		must(step(editor, "APPROVE", ""), "re-approve")
		want := `{"volunteerStats":[{"records":1,"volunteers":12,"minutes":2160}],"volunteerRecords":{"totalCount":1}}`
		if got := unitFigures(); got != want {
			t.Errorf("after re-approval the unit's figures are %s, want %s", got, want)
		}
		a := read(rep)
		if a.State != "APPROVED" || a.Rounds != 3 || len(a.Comments) != 2 {
			t.Errorf("after re-approval: %+v", a)
		}
	})

	t.Run("ReportingToolsReadProgressAndPages", func(t *testing.T) {
		r := As(t, base, leader, `query($t: ID!) { taskProgress(taskId: $t) { units approved submitted overdue late }
		  reportAssignments(taskId: $t, states: [APPROVED], first: 1) { totalCount edges { node { state } } pageInfo { hasNextPage } }
		  none: reportAssignments(taskId: $t, states: [RETURNED]) { totalCount } }`, map[string]any{"t": task})
		want := `{"taskProgress":{"units":1,"approved":1,"submitted":0,"overdue":0,"late":0},` +
			`"reportAssignments":{"totalCount":1,"edges":[{"node":{"state":"APPROVED"}}],"pageInfo":{"hasNextPage":false}},"none":{"totalCount":0}}`
		if len(r.Errors) > 0 || string(r.Data) != want {
			t.Errorf("a leader's progress: %s %+v", r.Data, r.Errors)
		}
		missing := As(t, base, leader, `{ taskProgress(taskId: "UmVwb3J0VGFzazo5OTk5") { units } }`, nil)
		if len(missing.Errors) > 0 || string(missing.Data) != `{"taskProgress":null}` {
			t.Errorf("a missing task's progress: %s %+v", missing.Data, missing.Errors)
		}
	})
}

// TestDemoReportingTask checks the demo dataset's reporting task: one open task, flagged demo, over fictional units
// in every state, whose approved units' records are demo too; a demo purge removes the task, its submissions and
// comments and the records its approvals wrote, locks notwithstanding.
func TestDemoReportingTask(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	type demoTask struct {
		Title       string
		Demo        bool
		Progress    struct{ Units, NotStarted, InProgress, Submitted, Returned, Approved, Exempt int }
		Assignments []struct {
			State    string
			Unit     struct{ Name string }
			Comments []struct{ Field string }
		}
	}
	read := func() []demoTask {
		var out struct{ ReportTasks []demoTask }
		r := As(t, base, admin, `{ reportTasks { title demo progress { units notStarted inProgress submitted returned approved exempt }
		  assignments { state unit { name } comments { field } } } }`, nil)
		if len(r.Errors) > 0 || json.Unmarshal(r.Data, &out) != nil {
			t.Fatalf("reportTasks: %s %+v", r.Data, r.Errors)
		}
		return out.ReportTasks
	}
	tasks := read()
	if len(tasks) != 1 || !tasks[0].Demo || !strings.Contains(tasks[0].Title, "演示") {
		t.Fatalf("the demo dataset's tasks: %+v", tasks)
	}
	p := tasks[0].Progress
	if p.Units != 12 || p.NotStarted != 2 || p.InProgress != 2 || p.Submitted != 2 || p.Returned != 2 || p.Approved != 2 || p.Exempt != 2 {
		t.Errorf("not every state holds two units: %+v", p)
	}
	for _, a := range tasks[0].Assignments {
		if !strings.Contains(a.Unit.Name, "演示") {
			t.Errorf("the demo task covers a unit that is not fictional: %s", a.Unit.Name)
		}
		if a.State == "RETURNED" && (len(a.Comments) != 2 || a.Comments[0].Field == "") {
			t.Errorf("a returned unit's comments: %+v", a.Comments)
		}
	}
	lastYear := time.Now().In(time.FixedZone("CST", 8*3600)).Year() - 1
	applied := func() string {
		r := As(t, base, admin, `query($y: Int!) { volunteerRecords(filter: {fromYear: $y, toYear: $y, demo: true}) { totalCount }
		  real: volunteerRecords(filter: {fromYear: $y, toYear: $y, demo: false}) { totalCount } }`, map[string]any{"y": lastYear})
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		return string(r.Data)
	}
	if got := applied(); got != `{"volunteerRecords":{"totalCount":4},"real":{"totalCount":0}}` {
		t.Errorf("the approved demo reports wrote %s", got)
	}
	r := As(t, base, admin, `mutation { purgeDemoData { purged blockerCount } }`, nil)
	if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"purged":true`) {
		t.Fatalf("purge: %s %+v", r.Data, r.Errors)
	}
	if tasks := read(); len(tasks) != 0 {
		t.Errorf("the demo task outlived the purge: %+v", tasks)
	}
	if got := applied(); got != `{"volunteerRecords":{"totalCount":0},"real":{"totalCount":0}}` {
		t.Errorf("after the purge the applied records are %s", got)
	}
}

// TestTitleApplications approves a unit's own application and a person's nomination: both become nominations (提名)
// of the task's year, the nominee a person of the unit, and the nominee's story and phone stay in the submission,
// which leaders and the public never read.
func TestTitleApplications(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	unit := unitIDs(t, base, admin, 4)[3]
	rep := newReporter(t, base, admin, "titles-a", unit)
	if r := As(t, base, admin, `mutation { createUser(username: "titles-leader", password: "password-123", role: VIEWER) { id } }`, nil); len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	leader, _ := Login(t, base, "titles-leader", "password-123")
	today := time.Now().In(time.FixedZone("CST", 8*3600))
	r := As(t, base, admin, `mutation($i: ReportTaskInput!) { createReportTask(input: $i) { id } }`, map[string]any{"i": map[string]any{
		"year": 2025, "title": "2025年度称号申报", "kinds": []string{"TITLE_APPLICATIONS"}, "unitIds": []string{unit},
		"opensOn": today.AddDate(0, 0, -1).Format(time.DateOnly), "dueOn": today.AddDate(0, 0, 5).Format(time.DateOnly),
		"closesOn": today.AddDate(0, 0, 9).Format(time.DateOnly)}})
	var created struct{ CreateReportTask struct{ ID string } }
	if len(r.Errors) > 0 || json.Unmarshal(r.Data, &created) != nil {
		t.Fatalf("createReportTask: %s %+v", r.Data, r.Errors)
	}
	task := created.CreateReportTask.ID
	const story, phone = "STORY-only-the-office-reads-5c1d", "138 0000 5121"
	content := map[string]any{"titleApplications": []map[string]any{
		{"categoryCode": "PROVINCIAL_UNIT"},
		{"categoryCode": "DIRECT_GOOD_PERSON", "nominee": "申报测试人（演示）", "citation": story, "phone": phone},
	}}
	bad := map[string]any{"titleApplications": []map[string]any{{"categoryCode": "DIRECT_GOOD_PERSON", "nominee": "申报测试人（演示）", "phone": "call me"}}}
	if e := WantCode(t, As(t, base, rep, saveDraftMutation, map[string]any{"t": task, "u": unit, "v": 1, "c": bad}).Errors, "BAD_USER_INPUT"); e.Extensions["field"] != "titleApplications[0].phone" {
		t.Errorf("a bad phone: %+v", e)
	}
	steps := []struct {
		h      http.Header
		action string
	}{{rep, "SAVE"}, {rep, "SUBMIT"}, {admin, "APPROVE"}}
	for _, s := range steps {
		var res Response
		var a struct {
			ReportTask struct {
				Assignments []struct{ Version, Rounds int }
			}
		}
		json.Unmarshal(As(t, base, admin, `query($id: ID!) { reportTask(id: $id) { assignments { version rounds } } }`, map[string]any{"id": task}).Data, &a)
		v := a.ReportTask.Assignments[0]
		if s.action == "SAVE" {
			res = As(t, base, s.h, saveDraftMutation, map[string]any{"t": task, "u": unit, "v": v.Version, "c": content})
		} else {
			res = As(t, base, s.h, stepMutation, map[string]any{"t": task, "u": unit, "a": s.action, "v": v.Version, "r": v.Rounds})
		}
		if len(res.Errors) > 0 {
			t.Fatalf("%s: %+v", s.action, res.Errors)
		}
	}
	var honours struct {
		Unit struct {
			Honors []struct {
				Year     int
				Status   string
				Category struct{ Code string }
				Person   *struct{ Name, Citation string }
			}
		}
	}
	r = As(t, base, admin, `query($u: ID!) { unit(id: $u) { honors { year status category { code } person { name citation } } } }`, map[string]any{"u": unit})
	if json.Unmarshal(r.Data, &honours) != nil {
		t.Fatalf("honours: %s %+v", r.Data, r.Errors)
	}
	found := map[string]bool{}
	for _, h := range honours.Unit.Honors {
		if h.Year == 2025 && h.Status == "NOMINATED" {
			found[h.Category.Code] = true
			if h.Person != nil && (h.Person.Name != "申报测试人（演示）" || h.Person.Citation != "") {
				t.Errorf("the nominee's record: %+v", h.Person)
			}
		}
	}
	if !found["PROVINCIAL_UNIT"] || !found["DIRECT_GOOD_PERSON"] {
		t.Errorf("the approved applications became %v", found)
	}
	// The office reads the story in the submission; a leader reads no contents.
	q := `query($id: ID!) { reportTask(id: $id) { assignments { submissions { content { titleApplications { nominee citation phone } } } } } }`
	if r := As(t, base, admin, q, map[string]any{"id": task}); !strings.Contains(string(r.Data), story) || !strings.Contains(string(r.Data), phone) {
		t.Errorf("the office does not read the submission: %s", r.Data)
	}
	if r := As(t, base, leader, q, map[string]any{"id": task}); strings.Contains(string(r.Data), story) || strings.Contains(string(r.Data), phone) {
		t.Errorf("a leader reads the nominee's personal data: %s", r.Data)
	}
}
