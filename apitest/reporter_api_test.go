package apitest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// loadSchema reads the schema the server serves, from graph/*.graphqls, so that a field added later is covered
// by the tests that walk it without editing them.
func loadSchema(t *testing.T) *ast.Schema {
	t.Helper()
	files, err := filepath.Glob("../graph/*.graphqls")
	if err != nil || len(files) == 0 {
		t.Fatalf("schema files: %v %v", files, err)
	}
	var srcs []*ast.Source
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, &ast.Source{Name: f, Input: string(b)})
	}
	s, gerr := gqlparser.LoadSchema(srcs...)
	if gerr != nil {
		t.Fatal(gerr)
	}
	return s
}

// sampleValue is a valid literal of a type, with every required input field, so that an operation passes
// validation and reaches the server's checks.
func sampleValue(s *ast.Schema, t *ast.Type, depth int) string {
	return opBuilder{s: s, id: "VW5pdDox"}.value(t, depth)
}

// rootOperation is an operation selecting one root field with sample arguments and __typename below it.
func rootOperation(s *ast.Schema, op string, f *ast.FieldDefinition) string {
	var args []string
	for _, a := range f.Arguments {
		if a.Type.NonNull && a.DefaultValue == nil {
			args = append(args, a.Name+": "+sampleValue(s, a.Type, 0))
		}
	}
	sel := f.Name
	if len(args) > 0 {
		sel += "(" + strings.Join(args, ", ") + ")"
	}
	if def := s.Types[f.Type.Name()]; def != nil && (def.Kind == ast.Object || def.Kind == ast.Interface || def.Kind == ast.Union) {
		sel += " { __typename }"
	}
	if strings.Contains(sel, "$file") {
		return op + "($file: Upload!) { " + sel + " }"
	}
	return op + " { " + sel + " }"
}

// createReporter makes a reporter of the unit through the API and returns its ID and one-time password.
func createReporter(t *testing.T, base string, admin http.Header, username, unitID string) (string, string) {
	t.Helper()
	r := As(t, base, admin, `mutation($u: String!, $unit: ID!) { createReporter(username: $u, unitId: $unit, displayName: "填报员（测试）") {
		user { id role mustChangePassword unit { id } } oneTimePassword } }`, map[string]any{"u": username, "unit": unitID})
	var out struct {
		CreateReporter struct {
			User struct {
				ID, Role           string
				MustChangePassword bool
				Unit               struct{ ID string }
			}
			OneTimePassword string
		}
	}
	if len(r.Errors) > 0 || json.Unmarshal(r.Data, &out) != nil {
		t.Fatalf("createReporter: %s %+v", r.Data, r.Errors)
	}
	u := out.CreateReporter
	if u.User.Role != "REPORTER" || !u.User.MustChangePassword || u.User.Unit.ID != unitID || len(u.OneTimePassword) < 12 {
		t.Fatalf("a new reporter: %+v", u)
	}
	return u.User.ID, u.OneTimePassword
}

// firstUnit returns the ID of a unit of the seeded dataset.
func firstUnit(t *testing.T, base string, h http.Header) string {
	t.Helper()
	var out struct {
		Units struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}
	r := As(t, base, h, `{ units(first: 1) { edges { node { id } } } }`, nil)
	if len(r.Errors) > 0 || json.Unmarshal(r.Data, &out) != nil || len(out.Units.Edges) == 0 {
		t.Fatalf("units: %s %+v", r.Data, r.Errors)
	}
	return out.Units.Edges[0].Node.ID
}

func TestReporterRole(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	unit := firstUnit(t, base, admin)
	id, oneTime := createReporter(t, base, admin, "reporter-a", unit)
	schema := loadSchema(t)

	t.Run("RefusedForOtherRoles", func(t *testing.T) {
		r := As(t, base, admin, `mutation { createUser(username: "x-reporter", password: "password-123", role: REPORTER) { id } }`, nil)
		if e := WantCode(t, r.Errors, "BAD_USER_INPUT"); e.Extensions["field"] != "role" {
			t.Errorf("createUser with REPORTER: %+v", e)
		}
		r = As(t, base, admin, `mutation { createUser(username: "clerk2", password: "password-123", role: EDITOR) { id } }`, nil)
		var out struct{ CreateUser struct{ ID string } }
		json.Unmarshal(r.Data, &out)
		r = As(t, base, admin, `mutation($id: ID!) { setUserRole(id: $id, role: REPORTER) { id } }`, map[string]any{"id": out.CreateUser.ID})
		WantCode(t, r.Errors, "BAD_USER_INPUT")
	})

	reporter, res := Login(t, base, "reporter-a", oneTime)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("sign-in with the one-time password: %d", res.StatusCode)
	}

	t.Run("OneTimePasswordMustBeChangedFirst", func(t *testing.T) {
		r := As(t, base, reporter, `{ viewer { role user { username mustChangePassword unit { id } } } }`, nil)
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"mustChangePassword":true`) || !strings.Contains(string(r.Data), unit) {
			t.Fatalf("viewer: %s %+v", r.Data, r.Errors)
		}
		r = As(t, base, reporter, `{ dataset { hasDemo } }`, nil)
		if e := WantCode(t, r.Errors, "FORBIDDEN"); !strings.Contains(e.Message, "初始密码") {
			t.Errorf("before the change: %+v", e)
		}
		r = As(t, base, reporter, `mutation($id: ID!, $p: String!, $c: String) { setPassword(id: $id, password: $p, currentPassword: $c) }`,
			map[string]any{"id": id, "p": "reporter-pass-2026", "c": oneTime})
		if len(r.Errors) > 0 {
			t.Fatalf("setPassword: %+v", r.Errors)
		}
	})
	reporter, res = Login(t, base, "reporter-a", "reporter-pass-2026")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("sign-in with the new password: %d", res.StatusCode)
	}

	// Every root field not marked @reporter refuses a reporter, whatever it is and whenever it was added.
	t.Run("EveryUnmarkedRootFieldRefused", func(t *testing.T) {
		var allowed, refused []string
		for _, root := range []struct {
			op  string
			def *ast.Definition
		}{{"query", schema.Query}, {"mutation", schema.Mutation}} {
			for _, f := range root.def.Fields {
				if strings.HasPrefix(f.Name, "__") {
					continue
				}
				if f.Directives.ForName("reporter") != nil {
					allowed = append(allowed, f.Name)
					continue
				}
				q := rootOperation(schema, root.op, f)
				var r Response
				if strings.Contains(q, "$file") {
					_, r = UploadOperation(t, base, WithUpload(reporter), q, nil, "units.csv", []byte("单位名称\n"))
				} else {
					r = As(t, base, reporter, q, nil)
				}
				if len(r.Errors) == 0 || r.Errors[0].Code() != "FORBIDDEN" {
					t.Errorf("%s.%s answered a reporter: %s %+v", root.op, f.Name, r.Data, r.Errors)
					continue
				}
				if d := string(r.Data); d != "" && d != "null" && !strings.Contains(d, `"`+f.Name+`":null`) {
					t.Errorf("%s.%s gave a reporter data: %s", root.op, f.Name, d)
				}
				refused = append(refused, f.Name)
			}
		}
		// Subscriptions too, over the WebSocket.
		sock := OpenSocket(t, base, reporter, nil)
		for _, f := range schema.Subscription.Fields {
			if f.Directives.ForName("reporter") != nil {
				allowed = append(allowed, f.Name)
				continue
			}
			r, closed := sock.Next(t, sock.Start(t, rootOperation(schema, "subscription", f), nil))
			if closed || len(r.Errors) == 0 || r.Errors[0].Code() != "FORBIDDEN" {
				t.Errorf("subscription.%s answered a reporter: closed=%v %s %+v", f.Name, closed, r.Data, r.Errors)
			}
			refused = append(refused, f.Name)
		}
		sort.Strings(allowed)
		if !slices.Equal(allowed, []string{"assessmentIndicators", "assessments", "attachReportFile", "detachReportFile", "honorCategories", "honors", "importReportDraft", "node", "practiceActivities",
			"reportAssignments", "reportTask", "reportTasks", "saveReportDraft", "setPassword", "stepReport", "taskProgress", "unit", "units",
			"viewer", "volunteerRecords"}) {
			t.Errorf("root fields open to reporters: %v", allowed)
		}
		t.Logf("%d root fields refused a reporter; open: %v", len(refused), allowed)
		// The reporter reads who it is.
		r := As(t, base, reporter, `{ viewer { role user { username mustChangePassword unit { id } } } }`, nil)
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"role":"REPORTER"`) || !strings.Contains(string(r.Data), `"mustChangePassword":false`) {
			t.Errorf("viewer: %s %+v", r.Data, r.Errors)
		}
	})

	// A reporter exports its unit's rows (isolation_api_test.go checks whose); a view not of a unit's rows is missing
	// to it, and templates stay the office's.
	t.Run("ExportsScopedOthersMissing", func(t *testing.T) {
		for _, c := range []struct {
			path string
			want int
		}{
			{"/export/honors.csv", http.StatusOK}, {"/export/volunteer-records.xlsx", http.StatusOK}, {"/export/units.csv", http.StatusOK},
			{"/export/people.csv", http.StatusNotFound}, {"/export/rankings.xlsx", http.StatusNotFound}, {"/export/figures.csv", http.StatusNotFound},
			{"/export/no-such-view.csv", http.StatusNotFound}, {"/templates/units.xlsx", http.StatusForbidden},
		} {
			res := Do(t, http.MethodGet, base+c.path, nil, reporter, "")
			res.Body.Close()
			if res.StatusCode != c.want {
				t.Errorf("GET %s as a reporter: %d, want %d", c.path, res.StatusCode, c.want)
			}
		}
	})

	t.Run("AnsweredAsAnonymousWhereAnonymousReads", func(t *testing.T) {
		open := MustRunMain(t)
		oadmin, _ := Login(t, open.URL(), "admin", AdminPassword)
		_, pw := createReporter(t, open.URL(), oadmin, "reporter-b", firstUnit(t, open.URL(), oadmin))
		rb, _ := Login(t, open.URL(), "reporter-b", pw)
		As(t, open.URL(), rb, `mutation($p: String!, $c: String) { setPassword(id: "`+idOf(t, open.URL(), rb)+`", password: $p, currentPassword: $c) }`,
			map[string]any{"p": "reporter-pass-2026", "c": pw})
		rb, _ = Login(t, open.URL(), "reporter-b", "reporter-pass-2026")
		const q = `{ dataset { hasDemo demoRecords } units(first: 3) { totalCount edges { node { name } } } }`
		anon := As(t, open.URL(), nil, q, nil)
		got := As(t, open.URL(), rb, q, nil)
		if len(got.Errors) > 0 || string(got.Data) != string(anon.Data) {
			t.Errorf("a reporter's answer %s %+v, anonymous %s", got.Data, got.Errors, anon.Data)
		}
		for _, path := range []string{"/export/people.csv", "/export/rankings.xlsx", "/templates/units.xlsx"} {
			res := Do(t, http.MethodGet, open.URL()+path, nil, rb, "")
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				t.Errorf("GET %s as a reporter where anyone reads: %d", path, res.StatusCode)
			}
		}
		// What anonymous callers may not do, a reporter may not either.
		r := As(t, open.URL(), rb, `{ users { id } }`, nil)
		if len(r.Errors) == 0 {
			t.Errorf("users answered a reporter on an anonymous-read server: %s", r.Data)
		}
		r = As(t, open.URL(), rb, fmt.Sprintf(`mutation { createUnit(input: {name: "填报员建的单位（演示）", kind: "机关"}) { id } }`), nil)
		WantCode(t, r.Errors, "FORBIDDEN")
	})
}

// idOf is the caller's own user ID.
func idOf(t *testing.T, base string, h http.Header) string {
	t.Helper()
	var out struct {
		Viewer struct{ User struct{ ID string } }
	}
	r := As(t, base, h, `{ viewer { user { id } } }`, nil)
	if len(r.Errors) > 0 || json.Unmarshal(r.Data, &out) != nil {
		t.Fatalf("viewer: %s %+v", r.Data, r.Errors)
	}
	return out.Viewer.User.ID
}

// TestOneTimePasswordNotServedFromCache: a reporter who has not yet replaced a one-time password is refused even a
// query that another reporter of the same unit had answered and cached (the answer caches key on the scope, and
// the must-change flag is part of it).
func TestOneTimePasswordNotServedFromCache(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	unit := firstUnit(t, base, admin)
	idA, oneA := createReporter(t, base, admin, "reporter-cached-a", unit)
	_, oneB := createReporter(t, base, admin, "reporter-cached-b", unit)
	a, _ := Login(t, base, "reporter-cached-a", oneA)
	if r := As(t, base, a, `mutation($id: ID!, $p: String!, $c: String) { setPassword(id: $id, password: $p, currentPassword: $c) }`,
		map[string]any{"id": idA, "p": "reporter-pass-2026", "c": oneA}); len(r.Errors) > 0 {
		t.Fatalf("setPassword: %+v", r.Errors)
	}
	a, _ = Login(t, base, "reporter-cached-a", "reporter-pass-2026")
	const q = `{ units(first: 1) { totalCount } }`
	for i := 0; i < 2; i++ { // the second is answered from the fast path
		if r := As(t, base, a, q, nil); len(r.Errors) > 0 {
			t.Fatalf("reporter a: %+v", r.Errors)
		}
	}
	b, _ := Login(t, base, "reporter-cached-b", oneB)
	for i := 0; i < 2; i++ {
		r := As(t, base, b, q, nil)
		if e := WantCode(t, r.Errors, "FORBIDDEN"); !strings.Contains(e.Message, "初始密码") {
			t.Errorf("reporter b before changing the one-time password: %s %+v", r.Data, e)
		}
	}
}
