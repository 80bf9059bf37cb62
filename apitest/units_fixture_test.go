package apitest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/wenming/wenming/app"
	"github.com/wenming/wenming/db"
)

// twoUnits is a server with two units' people on it: the office (admin), a leader (VIEWER), reporter A of unit A
// with a READ and a WRITE token, and reporter B of unit B; a reporting task covering both units; and the IDs of
// unit B's rows, for the tests that check that nothing of B reaches A.
type twoUnits struct {
	m                    *app.Server
	base                 string
	admin, viewer        http.Header
	repA, repB           http.Header
	readA, writeA        http.Header
	unitA, unitB         string
	nameA, nameB         string
	task                 string
	activityA, activityB string
	// idsB holds one global ID of each of unit B's row types, by type name; nodesB every one found, up to 50.
	idsB   map[string]string
	nodesB []string
	// filesB are the addresses of unit B's evidence files.
	filesB []string
}

// unlimitedQueries lifts the query limits for tests that select every field to a depth: the limits are other
// tests' business.
func unlimitedQueries(c *MainConfig) {
	c.MaxComplexity, c.MaxDepth, c.MaxFields, c.MaxTokens, c.MaxBodyBytes = 1<<30, 64, 1<<20, 1<<20, 16<<20
}

// newTwoUnits boots a server (anonymous reading as asked, and opts) and sets the two units' people up on it.
func newTwoUnits(t *testing.T, anonymousRead bool, opts ...func(*MainConfig)) *twoUnits {
	t.Helper()
	t.Setenv("WENMING_ADMIN_PASSWORD", AdminPassword)
	m := MustRunMain(t, append([]func(*MainConfig){func(c *MainConfig) { c.AnonymousRead = anonymousRead }}, opts...)...)
	f := &twoUnits{m: m, base: m.URL(), idsB: map[string]string{}}
	f.admin, _ = Login(t, f.base, "admin", AdminPassword)
	var units struct {
		Units struct {
			Edges []struct{ Node struct{ ID, Name string } }
		}
	}
	if r := As(t, f.base, f.admin, `{ units(first: 2) { edges { node { id name } } } }`, nil); json.Unmarshal(r.Data, &units) != nil || len(units.Units.Edges) != 2 {
		t.Fatalf("units: %s %+v", r.Data, r.Errors)
	}
	f.unitA, f.nameA = units.Units.Edges[0].Node.ID, units.Units.Edges[0].Node.Name
	f.unitB, f.nameB = units.Units.Edges[1].Node.ID, units.Units.Edges[1].Node.Name
	account := func(q string, vars map[string]any, user string) http.Header {
		if r := As(t, f.base, f.admin, q, vars); len(r.Errors) > 0 {
			t.Fatalf("account %s: %+v", user, r.Errors)
		}
		h, res := Login(t, f.base, user, "isolation-pass-2026")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("sign-in of %s: %d", user, res.StatusCode)
		}
		return h
	}
	const newReporter = `mutation($u: String!, $unit: ID!) { createReporter(username: $u, unitId: $unit, password: "isolation-pass-2026") { user { id } } }`
	f.repA = account(newReporter, map[string]any{"u": "reporter-a", "unit": f.unitA}, "reporter-a")
	f.repB = account(newReporter, map[string]any{"u": "reporter-b", "unit": f.unitB}, "reporter-b")
	f.viewer = account(`mutation { createUser(username: "leader", password: "isolation-pass-2026", role: VIEWER) { id } }`, nil, "leader")
	// Reporters make no tokens through the API yet: give reporter A a READ and a WRITE token as the store would.
	u, err := m.Backend.UserByUsername(context.Background(), "reporter-a")
	if err != nil {
		t.Fatal(err)
	}
	for _, tok := range []struct {
		scope db.TokenScope
		into  *http.Header
	}{{db.ScopeRead, &f.readA}, {db.ScopeWrite, &f.writeA}} {
		secret := "wm_isolation-" + string(tok.scope) + "-" + u.Username
		if err := m.Backend.CreateToken(context.Background(), &db.APIToken{UserID: u.ID, Name: "isolation " + string(tok.scope), Scope: tok.scope,
			Hash: db.HashSecret(secret)}); err != nil {
			t.Fatal(err)
		}
		*tok.into = Bearer(secret)
	}
	today := time.Now().In(time.FixedZone("CST", 8*3600))
	day := func(d int) string { return today.AddDate(0, 0, d).Format(time.DateOnly) }
	var task struct{ CreateReportTask struct{ ID string } }
	r := As(t, f.base, f.admin, `mutation($i: ReportTaskInput!) { createReportTask(input: $i) { id } }`, map[string]any{"i": map[string]any{
		"year": 2025, "title": "2025年度上报（隔离测试）", "kinds": []string{"VOLUNTEER_RECORDS", "PRACTICE_ACTIVITIES"}, "opensOn": day(-1),
		"dueOn": day(10), "closesOn": day(20), "unitIds": []string{f.unitA, f.unitB}}})
	if len(r.Errors) > 0 || json.Unmarshal(r.Data, &task) != nil {
		t.Fatalf("createReportTask: %s %+v", r.Data, r.Errors)
	}
	f.task = task.CreateReportTask.ID
	f.activityA = f.createActivity(t, f.unitA, "单位A的活动")
	f.activityB = f.createActivity(t, f.unitB, "单位B的活动")
	f.collectB(t)
	return f
}

// createActivity records a practice activity of the unit as the office and returns its ID.
func (f *twoUnits) createActivity(t *testing.T, unit, theme string) string {
	t.Helper()
	var out struct{ CreatePracticeActivity struct{ ID string } }
	r := As(t, f.base, f.admin, `mutation($u: ID!, $th: String!) { createPracticeActivity(input: {unitId: $u, date: "2024-05-18", kind: ROUTINE,
		theme: $th, sessions: 1, participants: 10}) { id } }`, map[string]any{"u": unit, "th": theme})
	if len(r.Errors) > 0 || json.Unmarshal(r.Data, &out) != nil {
		t.Fatalf("createPracticeActivity: %s %+v", r.Data, r.Errors)
	}
	return out.CreatePracticeActivity.ID
}

// collectB finds unit B's rows of every type a unit owns, as the office reads them.
func (f *twoUnits) collectB(t *testing.T) {
	t.Helper()
	var out struct {
		Unit struct {
			ID            string
			Honors        []struct{ ID string }
			Assessments   []struct{ ID string }
			PracticeLinks []struct{ ID string }
			Pairings      []struct{ ID string }
		}
		VolunteerRecords struct {
			Edges []struct{ Node struct{ ID string } }
		}
		PracticeActivities struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}
	r := As(t, f.base, f.admin, `query($u: ID!) { unit(id: $u) { id honors { id } assessments { id } practiceLinks { id } pairings { id } }
		volunteerRecords(filter: {unitId: $u}, first: 10) { edges { node { id } } }
		practiceActivities(filter: {unitId: $u}, first: 10) { edges { node { id } } } }`, map[string]any{"u": f.unitB})
	if len(r.Errors) > 0 || json.Unmarshal(r.Data, &out) != nil {
		t.Fatalf("unit B's rows: %s %+v", r.Data, r.Errors)
	}
	add := func(typ, id string) {
		if f.idsB[typ] == "" {
			f.idsB[typ] = id
		}
		if len(f.nodesB) < 50 {
			f.nodesB = append(f.nodesB, id)
		}
	}
	add("Unit", out.Unit.ID)
	add("PracticeActivity", f.activityB)
	for _, x := range out.Unit.Honors {
		add("Honor", x.ID)
	}
	for _, x := range out.Unit.Assessments {
		add("Assessment", x.ID)
	}
	for _, x := range out.Unit.PracticeLinks {
		add("PracticeLink", x.ID)
	}
	for _, x := range out.Unit.Pairings {
		add("Pairing", x.ID)
	}
	for _, e := range out.VolunteerRecords.Edges {
		add("VolunteerRecord", e.Node.ID)
	}
	for _, e := range out.PracticeActivities.Edges {
		add("PracticeActivity", e.Node.ID)
	}
	add("ReportTask", f.task)
}

// stepB takes one action on unit B's report of the task, reading its version first.
func (f *twoUnits) stepB(t *testing.T, h http.Header, action, comment string) {
	t.Helper()
	r := As(t, f.base, h, stepMutation, map[string]any{"t": f.task, "u": f.unitB, "a": action, "v": f.versionB(t), "c": comment})
	if len(r.Errors) > 0 {
		t.Fatalf("%s on B: %+v", action, r.Errors)
	}
}

// versionB reads the version of unit B's report, as the office sees it.
func (f *twoUnits) versionB(t *testing.T) int {
	t.Helper()
	var out struct {
		ReportTask struct {
			Assignments []struct {
				Unit    struct{ ID string }
				Version int
			}
		}
	}
	As(t, f.base, f.admin, `query($id: ID!) { reportTask(id: $id) { assignments { unit { id } version } } }`, map[string]any{"id": f.task}).decode(t, &out)
	for _, a := range out.ReportTask.Assignments {
		if a.Unit.ID == f.unitB {
			return a.Version
		}
	}
	t.Fatal("no assignment of unit B")
	return 0
}

// saveDraftB saves unit B's draft as reporter B: one practice activity of the task's year with the theme.
func (f *twoUnits) saveDraftB(t *testing.T, theme string) {
	t.Helper()
	r := As(t, f.base, f.repB, saveDraftMutation, map[string]any{"t": f.task, "u": f.unitB, "v": f.versionB(t), "c": map[string]any{
		"practiceActivities": []map[string]any{{"date": "2025-05-18", "kind": "ROUTINE", "theme": theme, "sessions": 1, "participants": 10}}}})
	if len(r.Errors) > 0 {
		t.Fatalf("B's draft: %+v", r.Errors)
	}
}

// attachB attaches to B's report a picture whose name and bytes hold text, and returns its address.
func (f *twoUnits) attachB(t *testing.T, text string) string {
	t.Helper()
	_, r := UploadOperation(t, f.base, WithUpload(f.repB), `mutation($t: ID!, $u: ID!, $file: Upload!) {
	  attachReportFile(taskId: $t, unitId: $u, file: $file) { url } }`, map[string]any{"t": f.task, "u": f.unitB}, text+".png",
		append(append([]byte{}, pngBytes...), text...))
	var out struct{ AttachReportFile struct{ URL string } }
	r.decode(t, &out)
	return out.AttachReportFile.URL
}

// decode unmarshals the answer's data, failing the test on errors.
func (r Response) decode(t *testing.T, v any) {
	t.Helper()
	if len(r.Errors) > 0 || json.Unmarshal(r.Data, v) != nil {
		t.Fatalf("answer %s %+v", r.Data, r.Errors)
	}
}

// canaryText is a string no seed, name or message holds, to plant where only its owner may read it.
func canaryText(what string) string {
	b := make([]byte, 6)
	rand.Read(b)
	return "CANARY-" + what + "-" + hex.EncodeToString(b)
}
