package apitest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestReporterScope checks what a unit's reporter reads of the records, on a server without anonymous reading:
// its own unit's rows, by every list, lookup and export; another unit's answering exactly as missing ones.
func TestReporterScope(t *testing.T) {
	f := newTwoUnits(t, false, unlimitedQueries)

	t.Run("ListsHoldOnlyItsUnit", func(t *testing.T) {
		lists := []struct{ name, query string }{
			{"volunteerRecords", `volunteerRecords(first: 100, filter: $f) { totalCount edges { node { unit { id } } } }`},
			{"practiceActivities", `practiceActivities(first: 100, filter: $f) { totalCount edges { node { unit { id } } } }`},
			{"assessments", `assessments(first: 100, filter: $f) { totalCount edges { node { unit { id } } } }`},
			{"honors", `honors(first: 100, filter: $f) { totalCount edges { node { unit { id } } } }`},
		}
		for _, l := range lists {
			typ := map[string]string{"volunteerRecords": "VolunteerFilter", "practiceActivities": "PracticeActivityFilter",
				"assessments": "AssessmentFilter", "honors": "HonorFilter"}[l.name]
			q := `query($f: ` + typ + `) { ` + l.query + ` }`
			count := func(h http.Header, filter map[string]any) (int, map[string]bool) {
				var out map[string]struct {
					TotalCount int
					Edges      []struct {
						Node struct{ Unit struct{ ID string } }
					}
				}
				As(t, f.base, h, q, map[string]any{"f": filter}).decode(t, &out)
				units := map[string]bool{}
				for _, e := range out[l.name].Edges {
					units[e.Node.Unit.ID] = true
				}
				return out[l.name].TotalCount, units
			}
			own, _ := count(f.admin, map[string]any{"unitId": f.unitA})
			n, units := count(f.repA, nil)
			if n != own || len(units) > 1 || (n > 0 && !units[f.unitA]) {
				t.Errorf("%s: reporter A reads %d rows of units %v; unit A has %d", l.name, n, units, own)
			}
			if all, _ := count(f.admin, nil); all <= own {
				t.Errorf("%s: the office reads %d rows, unit A %d: the case cannot tell a scope from none", l.name, all, own)
			}
			if n, _ := count(f.repA, map[string]any{"unitId": f.unitB}); n != 0 {
				t.Errorf("%s: reporter A asking for unit B's rows reads %d", l.name, n)
			}
		}
		var units struct {
			Units struct {
				TotalCount int
				Edges      []struct{ Node struct{ ID string } }
			}
		}
		As(t, f.base, f.repA, `{ units(first: 100) { totalCount edges { node { id } } } }`, nil).decode(t, &units)
		if units.Units.TotalCount != 1 || len(units.Units.Edges) != 1 || units.Units.Edges[0].Node.ID != f.unitA {
			t.Errorf("the unit picker of reporter A: %+v", units.Units)
		}
	})

	t.Run("AnotherUnitsRowsAnswerAsMissing", func(t *testing.T) {
		missing := As(t, f.base, f.repA, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": "UHJhY3RpY2VBY3Rpdml0eTo5OTk5OTk"})
		if len(missing.Errors) > 0 || string(missing.Data) != `{"node":null}` {
			t.Fatalf("a missing node: %s %+v", missing.Data, missing.Errors)
		}
		for typ, id := range f.idsB {
			got := As(t, f.base, f.repA, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
			if len(got.Errors) > 0 || string(got.Data) != string(missing.Data) {
				t.Errorf("node(%s of unit B) for reporter A: %s %+v", typ, got.Data, got.Errors)
			}
			if typ == "ReportTask" {
				continue
			}
			if office := As(t, f.base, f.admin, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id}); string(office.Data) == string(missing.Data) {
				t.Errorf("node(%s of unit B) is missing for the office too: the case cannot fail", typ)
			}
		}
		got := As(t, f.base, f.repA, `query($id: ID!) { unit(id: $id) { id name } }`, map[string]any{"id": f.unitB})
		if len(got.Errors) > 0 || string(got.Data) != `{"unit":null}` {
			t.Errorf("unit(B) for reporter A: %s %+v", got.Data, got.Errors)
		}
		own := As(t, f.base, f.repA, `query($id: ID!) { unit(id: $id) { id name } }`, map[string]any{"id": f.unitA})
		if len(own.Errors) > 0 || !strings.Contains(string(own.Data), f.nameA) {
			t.Errorf("unit(A) for reporter A: %s %+v", own.Data, own.Errors)
		}
	})

	t.Run("OwnRowsAnswerWhole", func(t *testing.T) {
		// Every record field a reporter may call, unfiltered (an ID asked is its unit's) and with every field to a
		// depth, answers without an error: nothing on its pages reaches a row that the scope then finds missing.
		schema := loadSchema(t)
		for _, fd := range schema.Query.Fields {
			if fd.Directives.ForName("reporter") == nil || fd.Directives.ForName("private") != nil {
				continue
			}
			only := *fd
			only.Arguments = nil
			for _, a := range fd.Arguments {
				if a.Type.NonNull && a.DefaultValue == nil {
					only.Arguments = append(only.Arguments, a)
				}
			}
			b := opBuilder{s: schema, id: f.unitA, unit: f.unitA, depth: 5}
			r := As(t, f.base, f.repA, "query { "+b.field(&only, 1, map[string]bool{})+" }", nil)
			if len(r.Errors) > 0 || len(r.Data) < 20 {
				t.Errorf("%s for reporter A: %.300s %+v", fd.Name, r.Data, r.Errors)
			}
		}
	})

	t.Run("ProvinceTypesAnswerAsMissing", func(t *testing.T) {
		for _, id := range []string{"UGVyc29uOjE", "Q2FtcGFpZ246MQ", "UHJhY3RpY2VDZW50ZXI6MQ"} { // Person:1, Campaign:1, PracticeCenter:1
			if office := As(t, f.base, f.admin, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id}); string(office.Data) == `{"node":null}` {
				t.Errorf("node(%s) is missing for the office: the case cannot fail", id)
			}
			if got := As(t, f.base, f.repA, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id}); string(got.Data) != `{"node":null}` {
				t.Errorf("node(%s) for reporter A: %s %+v", id, got.Data, got.Errors)
			}
		}
	})

	t.Run("ExportsHoldOnlyItsUnit", func(t *testing.T) {
		get := func(h http.Header, path string) (int, string) {
			res := Do(t, http.MethodGet, f.base+path, nil, h, "")
			defer res.Body.Close()
			b, _ := io.ReadAll(res.Body)
			return res.StatusCode, string(b)
		}
		if code, body := get(f.admin, "/export/activities.csv"); code != http.StatusOK || !strings.Contains(body, "单位B的活动") {
			t.Fatalf("the office's export lacks unit B's activity: %d", code)
		}
		code, body := get(f.repA, "/export/activities.csv")
		if code != http.StatusOK || !strings.Contains(body, "单位A的活动") || strings.Contains(body, "单位B的活动") || strings.Contains(body, f.nameB) {
			t.Errorf("reporter A's export of activities: %d\n%s", code, body)
		}
		code, body = get(f.repA, "/export/activities.csv?"+url.Values{"unitId": {f.unitB}}.Encode())
		if code != http.StatusOK || strings.Contains(body, "单位A的活动") || strings.Contains(body, "单位B的活动") {
			t.Errorf("reporter A's export of unit B's activities: %d\n%s", code, body)
		}
		if code, body = get(f.repA, "/export/units.csv"); code != http.StatusOK || !strings.Contains(body, f.nameA) || strings.Contains(body, f.nameB) {
			t.Errorf("reporter A's export of units: %d\n%s", code, body)
		}
		people, _ := get(f.repA, "/export/people.csv")
		unknown, _ := get(f.repA, "/export/no-such-view.csv")
		if people != http.StatusNotFound || unknown != http.StatusNotFound {
			t.Errorf("a view of no unit's rows %d, an unknown view %d", people, unknown)
		}
	})

	t.Run("AggregatesRefusedUnlessOpened", func(t *testing.T) {
		const q = `{ overview { includesDemo kpis { __typename } } rankings(metric: CREATION_INDEX, first: 3) { unit { name } } }`
		WantCode(t, As(t, f.base, f.repA, q, nil).Errors, "FORBIDDEN")
		open := newTwoUnits(t, false, func(c *MainConfig) { c.ReportersReadAggregates = true })
		got, leader := As(t, open.base, open.repA, q, nil), As(t, open.base, open.viewer, q, nil)
		if len(got.Errors) > 0 || string(got.Data) != string(leader.Data) {
			t.Errorf("opened aggregates for reporter A: %s %+v; a leader reads %s", got.Data, got.Errors, leader.Data)
		}
		// Only the aggregates open: other province pages stay closed.
		WantCode(t, As(t, open.base, open.repA, `{ people(first: 1) { totalCount } }`, nil).Errors, "FORBIDDEN")
		WantCode(t, As(t, open.base, open.repA, `mutation { deleteRankingWeights(fromYear: 2019) { id } }`, nil).Errors, "FORBIDDEN")
	})

	t.Run("ReviewCommentsStayWithTheUnit", func(t *testing.T) {
		comment := canaryText("review")
		f.saveDraftB(t, "单位B上报的活动")
		f.stepB(t, f.repB, "SUBMIT", "")
		f.stepB(t, f.admin, "RETURN", comment)
		const q = `query($id: ID!) { reportTask(id: $id) { assignments { unit { id } history { action comment } } } }`
		for _, c := range []struct {
			who  string
			h    http.Header
			sees bool
		}{{"the office", f.admin, true}, {"reporter B", f.repB, true}, {"a leader", f.viewer, true}, {"reporter A", f.repA, false}} {
			r := As(t, f.base, c.h, q, map[string]any{"id": f.task})
			if b, _ := json.Marshal(r); strings.Contains(string(b), comment) != c.sees || len(r.Errors) > 0 {
				t.Errorf("%s reads the return comment: %v, want %v (%s %+v)", c.who, !c.sees, c.sees, r.Data, r.Errors)
			}
		}
	})
}
