package apitest

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/wenming/wenming/db"
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
	// The rollups the aggregates read must equal what the records add up to after every write of an approval.
	rollupsAgree := func(when string) {
		t.Helper()
		if _, err := m.Backend.Verify(context.Background()); err != nil {
			t.Errorf("rollups %s: %v", when, err)
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
			{"TheSameRecordTwice", "volunteerRecords[1].date", map[string]any{"volunteerRecords": []map[string]any{{"date": "2025-01-02", "volunteers": 1, "hours": 1, "method": "SIGN_IN"},
				{"date": "2025-01-02", "volunteers": 3, "hours": 2, "method": "SIGN_IN"}}}},
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
		comment := `mutation($t: ID!, $u: ID!, $v: Int!, $f: String, $x: String!) { commentReport(taskId: $t, unitId: $u, expectedVersion: $v, field: $f, text: $x) { round } }`
		v := read(admin).Version
		must(As(t, base, editor, comment, map[string]any{"t": task, "u": unitA, "v": v, "f": "volunteerRecords[1].hours", "x": "请核实时长"}), "comment")
		WantCode(t, As(t, base, rep, comment, map[string]any{"t": task, "u": unitA, "v": v, "x": "自己批准"}).Errors, "FORBIDDEN")
		if e := WantCode(t, As(t, base, editor, comment, map[string]any{"t": task, "u": unitA, "v": v - 1, "x": "旧版本"}).Errors, "CONFLICT"); e.Extensions["reason"] != "OUTDATED" {
			t.Errorf("a comment on a version since moved: %+v", e)
		}
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
		// The reviewer reads what changed since round 1: one record's hours, one record added, the activity removed.
		r := As(t, base, editor, `query($id: ID!) { reportTask(id: $id) { assignments { submissions { round changes { kind item field before after } } } } }`,
			map[string]any{"id": task})
		for _, want := range []string{`{"kind":"CHANGED","item":"志愿服务记录 2025-04-10  SHIFT","field":"hours","before":"1.5","after":"2"}`,
			`{"kind":"ADDED","item":"志愿服务记录 2025-06-01  SELF_REPORT","field":"","before":"","after":""}`, `"kind":"REMOVED","item":"文明实践活动 2025-05-01 文明实践进社区"`,
			`{"round":1,"changes":[]}`} {
			if !strings.Contains(string(r.Data), want) {
				t.Errorf("the changes lack %s: %s", want, r.Data)
			}
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
		rollupsAgree("after approval")
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
						ID           string
						Version      int
						ReportSource *struct {
							TaskTitle string
							Round     int
							Locked    bool
						}
					}
				}
			}
		}
		r := As(t, base, editor, `query($u: ID!) { volunteerRecords(filter: {unitId: $u, fromYear: 2025, toYear: 2025}) {
		  edges { node { id version reportSource { taskTitle round locked } } } } }`, map[string]any{"u": unitA})
		if json.Unmarshal(r.Data, &list) != nil || len(list.VolunteerRecords.Edges) != 3 {
			t.Fatalf("records: %s", r.Data)
		}
		for _, e := range list.VolunteerRecords.Edges {
			if src := e.Node.ReportSource; src == nil || src.TaskTitle != "2025年度综合上报" || src.Round != 2 || !src.Locked {
				t.Errorf("record %s carries source %+v", e.Node.ID, src)
			}
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
		var u struct{ Unit struct{ Name string } }
		json.Unmarshal(As(t, base, admin, `query($u: ID!) { unit(id: $u) { name } }`, map[string]any{"u": unitA}).Data, &u)
		file := "单位名称,服务日期,专项行动,志愿者人数,服务总时长（小时）,记录方式,是否核实,演示数据\n" + u.Unit.Name + ",2025-03-05,,99,36,签到,否,否\n"
		_, imp := Upload(t, base, WithUpload(editor), "VOLUNTEER_RECORDS", "locked.csv", []byte(file), false)
		if e := WantCode(t, imp.Errors, "CONFLICT"); e.Extensions["reason"] != "LOCKED" || !strings.Contains(e.Message, "第 2 行") {
			t.Errorf("an import that changes a locked record: %+v", e)
		}
		if got := unitFigures(); got != `{"volunteerStats":[{"records":3,"volunteers":23,"minutes":2640}],"volunteerRecords":{"totalCount":3}}` {
			t.Errorf("a refused import changed the unit's figures: %s", got)
		}
	})

	t.Run("ReopenUnlocksAndReapprovalReplaces", func(t *testing.T) {
		WantCode(t, step(editor, "REOPEN", "发现重复").Errors, "FORBIDDEN")
		must(step(admin, "REOPEN", "发现重复记录"), "reopen")
		rollupsAgree("after reopening")
		must(save(rep, map[string]any{"volunteerRecords": []map[string]any{{"date": "2025-03-05", "volunteers": 12, "hours": 36, "method": "SIGN_IN"}}}), "save")
		must(step(rep, "SUBMIT", ""), "submit")
		// Against the records the last approval wrote, this round keeps one record and leaves two and the assessment
		// out; round 2, which wrote them, matches them exactly.
		r := As(t, base, editor, `query($id: ID!) { reportTask(id: $id) { assignments { submissions { round againstRecords { kind item } } } } }`,
			map[string]any{"id": task})
		for _, want := range []string{`{"round":3,"againstRecords":[{"kind":"REMOVED","item":"志愿服务记录 2025-04-10  SHIFT"},` +
			`{"kind":"REMOVED","item":"志愿服务记录 2025-06-01  SELF_REPORT"},{"kind":"REMOVED","item":"测评自评"}]}`, `{"round":2,"againstRecords":[]}`} {
			if !strings.Contains(string(r.Data), want) {
				t.Errorf("against the records: %s", r.Data)
			}
		}
		must(step(editor, "APPROVE", ""), "re-approve")
		rollupsAgree("after re-approval")
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
		r := As(t, base, leader, `query($t: ID!, $u: ID!) { taskProgress(taskId: $t) { units approved submitted overdue late }
		  reportAssignments(taskId: $t, states: [APPROVED], first: 1) { totalCount edges { node { state } } pageInfo { hasNextPage } }
		  none: reportAssignments(taskId: $t, states: [RETURNED]) { totalCount }
		  one: reportAssignments(taskId: $t, unitId: $u) { totalCount } }`, map[string]any{"t": task, "u": unitA})
		want := `{"taskProgress":{"units":1,"approved":1,"submitted":0,"overdue":0,"late":0},` +
			`"reportAssignments":{"totalCount":1,"edges":[{"node":{"state":"APPROVED"}}],"pageInfo":{"hasNextPage":false}},"none":{"totalCount":0},"one":{"totalCount":1}}`
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
	lastYear := db.LastYear + 1
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
	task := openTask(t, base, admin, "2025年度称号申报", []string{"TITLE_APPLICATIONS"}, []string{unit})
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
	r := As(t, base, admin, `query($u: ID!) { unit(id: $u) { honors { year status category { code } person { name citation } } } }`, map[string]any{"u": unit})
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

// TestReportDraftImport fills a unit's draft from the office's import template: a row naming another unit is refused
// by its row number and nothing is saved; a clean file replaces the draft's items of its kind and keeps the others;
// another unit's report answers as a missing one before the file is read.
func TestReportDraftImport(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	var units struct {
		Units struct {
			Edges []struct{ Node struct{ ID, Name string } }
		}
	}
	if r := As(t, base, admin, `{ units(first: 6) { edges { node { id name } } } }`, nil); json.Unmarshal(r.Data, &units) != nil || len(units.Units.Edges) != 6 {
		t.Fatalf("units: %s", r.Data)
	}
	a, b := units.Units.Edges[4].Node, units.Units.Edges[5].Node
	rep := newReporter(t, base, admin, "draft-import-a", a.ID)
	task := openTask(t, base, admin, "2025年度导入上报", []string{"VOLUNTEER_RECORDS", "PRACTICE_ACTIVITIES"}, []string{a.ID, b.ID})
	const upload = `mutation($t: ID!, $u: ID!, $v: Int!, $file: Upload!) { importReportDraft(taskId: $t, unitId: $u, expectedVersion: $v, kind: VOLUNTEER_RECORDS, file: $file) {
	  report { rows valid errorCount written errors { row message } } assignment { state version draft { content { volunteerRecords { hours } practiceActivities { theme } } } } } }`
	version := func() int {
		var out struct {
			ReportTask struct{ Assignments []struct{ Version int } }
		}
		json.Unmarshal(As(t, base, rep, `query($id: ID!) { reportTask(id: $id) { assignments { version } } }`, map[string]any{"id": task}).Data, &out)
		return out.ReportTask.Assignments[0].Version
	}
	csv := func(rows ...string) []byte {
		return []byte("单位名称,服务日期,专项行动,志愿者人数,服务总时长（小时）,记录方式,是否核实,演示数据\n" + strings.Join(rows, "\n") + "\n")
	}
	type result struct {
		ImportReportDraft struct {
			Report struct {
				Rows, Valid, ErrorCount int
				Written                 bool
				Errors                  []struct {
					Row     int
					Message string
				}
			}
			Assignment *struct {
				State string
				Draft struct {
					Content struct {
						VolunteerRecords   []struct{ Hours float64 }
						PracticeActivities []struct{ Theme string }
					}
				}
			}
		}
	}
	send := func(unit string, file []byte) (result, Response) {
		_, r := UploadOperation(t, base, WithUpload(rep), upload, map[string]any{"t": task, "u": unit, "v": version()}, "draft.csv", file)
		var out result
		json.Unmarshal(r.Data, &out)
		return out, r
	}

	t.Run("ARowOfAnotherUnitSavesNothing", func(t *testing.T) {
		out, r := send(a.ID, csv(a.Name+",2025-03-05,,5,10,签到,否,否", b.Name+",2025-03-06,,5,10,签到,否,否"))
		rp := out.ImportReportDraft.Report
		if len(r.Errors) > 0 || rp.ErrorCount != 1 || len(rp.Errors) != 1 || rp.Errors[0].Row != 3 || rp.Written || out.ImportReportDraft.Assignment != nil {
			t.Fatalf("%s %+v", r.Data, r.Errors)
		}
	})
	t.Run("AReporterUploadsToNoOfficeImport", func(t *testing.T) {
		_, r := Upload(t, base, WithUpload(rep), "VOLUNTEER_RECORDS", "records.csv", csv(a.Name+",2025-03-05,,5,10,签到,否,否"), false)
		WantCode(t, r.Errors, "FORBIDDEN")
	})
	t.Run("AnotherUnitsReportIsMissing", func(t *testing.T) {
		_, r := send(b.ID, csv(b.Name+",2025-03-06,,5,10,签到,否,否"))
		WantCode(t, r.Errors, "NOT_FOUND")
	})
	t.Run("ACleanFileReplacesItsKindOnly", func(t *testing.T) {
		keep := map[string]any{"volunteerRecords": []map[string]any{{"date": "2025-01-02", "volunteers": 1, "hours": 1, "method": "SIGN_IN"}},
			"practiceActivities": []map[string]any{{"date": "2025-05-01", "kind": "ROUTINE", "theme": "保留的活动", "sessions": 1, "participants": 9}}}
		if r := As(t, base, rep, saveDraftMutation, map[string]any{"t": task, "u": a.ID, "v": version(), "c": keep}); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		out, r := send(a.ID, csv(a.Name+",2025-03-05,,5,10,签到,否,否", a.Name+",2025-03-06,,3,2.5,排班,否,否"))
		got := out.ImportReportDraft
		if len(r.Errors) > 0 || !got.Report.Written || got.Assignment == nil {
			t.Fatalf("%s %+v", r.Data, r.Errors)
		}
		c := got.Assignment.Draft.Content
		if len(c.VolunteerRecords) != 2 || c.VolunteerRecords[1].Hours != 2.5 || len(c.PracticeActivities) != 1 || c.PracticeActivities[0].Theme != "保留的活动" {
			t.Errorf("the draft after the import: %+v", c)
		}
	})
}

// openTask opens a 2025 task that opened yesterday and is due in five days (China's calendar), and returns its ID.
func openTask(t *testing.T, base string, admin http.Header, title string, kinds, units []string) string {
	t.Helper()
	today := time.Now().In(time.FixedZone("CST", 8*3600))
	day := func(d int) string { return today.AddDate(0, 0, d).Format(time.DateOnly) }
	r := As(t, base, admin, `mutation($i: ReportTaskInput!) { createReportTask(input: $i) { id } }`, map[string]any{"i": map[string]any{
		"year": 2025, "title": title, "kinds": kinds, "unitIds": units, "opensOn": day(-1), "dueOn": day(5), "closesOn": day(9)}})
	var created struct{ CreateReportTask struct{ ID string } }
	if len(r.Errors) > 0 || json.Unmarshal(r.Data, &created) != nil {
		t.Fatalf("createReportTask: %s %+v", r.Data, r.Errors)
	}
	return created.CreateReportTask.ID
}

// TestPlausibilityWarnings checks the warnings through the handler: a draft shows them, a submit is refused until
// each is explained, and the reviewer reads warning and explanation side by side in the submitted version.
func TestPlausibilityWarnings(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	unit := unitIDs(t, base, admin, 7)[6]
	rep := newReporter(t, base, admin, "warnings-a", unit)
	task := openTask(t, base, admin, "2025年度志愿服务上报", []string{"VOLUNTEER_RECORDS"}, []string{unit})
	version := func() int {
		var out struct {
			ReportTask struct{ Assignments []struct{ Version int } }
		}
		json.Unmarshal(As(t, base, admin, `query($id: ID!) { reportTask(id: $id) { assignments { version } } }`, map[string]any{"id": task}).Data, &out)
		return out.ReportTask.Assignments[0].Version
	}
	records := []map[string]any{{"date": "2025-03-05", "volunteers": 2, "hours": 26, "method": "SIGN_IN"}}
	const draftWarnings = `query($id: ID!) { reportTask(id: $id) { assignments { draft { warnings { rule field message messageEn explanation } }
	  submissions { warnings { rule field explanation } } } } }`
	if r := As(t, base, rep, saveDraftMutation, map[string]any{"t": task, "u": unit, "v": version(), "c": map[string]any{"volunteerRecords": records}}); len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	if r := As(t, base, rep, draftWarnings, map[string]any{"id": task}); !strings.Contains(string(r.Data), `"rule":"HOURS_PER_VOLUNTEER","field":"volunteerRecords[0].hours"`) {
		t.Fatalf("the draft's warnings: %s %+v", r.Data, r.Errors)
	}
	submit := func() Response {
		return As(t, base, rep, stepMutation, map[string]any{"t": task, "u": unit, "a": "SUBMIT", "v": version()})
	}
	if e := WantCode(t, submit().Errors, "CONFLICT"); e.Extensions["reason"] != "EXPLANATION_REQUIRED" || e.Extensions["messageEn"] == "" {
		t.Errorf("an unexplained warning let the submit through: %+v", e)
	}
	explained := map[string]any{"volunteerRecords": records, "explanations": []map[string]any{{"field": "volunteerRecords[0].hours", "text": "两名志愿者连续值守两天，合并记录。"}}}
	if r := As(t, base, rep, saveDraftMutation, map[string]any{"t": task, "u": unit, "v": version(), "c": explained}); len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	if r := submit(); len(r.Errors) > 0 {
		t.Fatalf("an explained submit: %+v", r.Errors)
	}
	if r := As(t, base, admin, draftWarnings, map[string]any{"id": task}); !strings.Contains(string(r.Data),
		`"submissions":[{"warnings":[{"rule":"HOURS_PER_VOLUNTEER","field":"volunteerRecords[0].hours","explanation":"两名志愿者连续值守两天，合并记录。"}]}]`) {
		t.Errorf("the reviewer reads %s", r.Data)
	}
}

// TestPlausibilityAgainstHistory checks the rules that read the unit's year before from the store, on whichever
// engine runs: a unit whose 2024 records hold some service and an assessment reports ten times the hours and a
// self-score eleven points higher, and its draft warns of both.
func TestPlausibilityAgainstHistory(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	unit := unitIDs(t, base, admin, 12)[11]
	var last struct {
		Unit struct {
			VolunteerTotals struct{ Minutes, Records int }
			Assessments     []struct {
				Year             int
				BaseScore, Bonus float64
			}
		}
	}
	r := As(t, base, admin, `query($u: ID!) { unit(id: $u) { volunteerTotals(fromYear: 2024, toYear: 2024) { minutes records } assessments { year baseScore bonus } } }`,
		map[string]any{"u": unit})
	if json.Unmarshal(r.Data, &last) != nil || last.Unit.VolunteerTotals.Minutes == 0 {
		t.Fatalf("the unit's 2024: %s %+v", r.Data, r.Errors)
	}
	score := -1.0
	for _, a := range last.Unit.Assessments {
		if a.Year == 2024 {
			score = a.BaseScore + a.Bonus
		}
	}
	// A self-score more than ten points up, within the ranges (base ≤ 100, bonus ≤ 10).
	baseScore, bonus := min(100, score+11), max(0, score+11-100)
	if score < 0 || bonus > 10 {
		t.Fatalf("the unit's 2024 assessment: %+v", last.Unit.Assessments)
	}
	rep := newReporter(t, base, admin, "history-a", unit)
	task := openTask(t, base, admin, "2025年度综合上报", []string{"VOLUNTEER_RECORDS", "ASSESSMENT_SCORES"}, []string{unit})
	// Ten times last year's hours, spread so that no day's service is implausible on its own.
	hours := float64(last.Unit.VolunteerTotals.Minutes) / 60 * 10
	content := map[string]any{
		"volunteerRecords": []map[string]any{{"date": "2025-03-05", "volunteers": int(hours/8) + 1, "hours": float64(int(hours)), "method": "SHIFT"}},
		"assessment":       map[string]any{"baseScore": baseScore, "bonus": bonus},
	}
	if r := As(t, base, rep, saveDraftMutation, map[string]any{"t": task, "u": unit, "v": 1, "c": content}); len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	r = As(t, base, rep, `query($id: ID!) { reportTask(id: $id) { assignments { draft { warnings { rule field } } } } }`, map[string]any{"id": task})
	for _, want := range []string{`{"rule":"YEAR_ON_YEAR","field":"volunteerRecords"}`, `{"rule":"SELF_SCORE","field":"assessment.baseScore"}`} {
		if !strings.Contains(string(r.Data), want) {
			t.Errorf("no %s in %s", want, r.Data)
		}
	}
	if strings.Contains(string(r.Data), "HOURS_PER_VOLUNTEER") {
		t.Errorf("a day's service warned on its own: %s", r.Data)
	}
}
