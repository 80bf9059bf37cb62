package systemtest

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/wenming/wenming/apitest"
)

// replicaReporterCaches checks, on each replica and through the balancer, that the answer caches key on a reporter's
// unit: reporter B warms them, reporter A sends the identical bytes and gets its own answer, never a 304 to B's ETag.
func replicaReporterCaches(t *testing.T, admin http.Header, lb string, rs []*replica) {
	// The replicas start without demo data: the office makes the two units, and a practice activity of each.
	unit := func(name string) string {
		var out struct{ CreateUnit struct{ ID string } }
		r := apitest.As(t, lb, admin, `mutation($n: String!) { createUnit(input: {name: $n, kind: "机关"}) { id } }`, map[string]any{"n": name})
		if len(r.Errors) > 0 || json.Unmarshal(r.Data, &out) != nil {
			t.Fatalf("createUnit: %s %+v", r.Data, r.Errors)
		}
		r = apitest.As(t, lb, admin, `mutation($u: ID!) { createPracticeActivity(input: {unitId: $u, date: "2024-05-18", kind: ROUTINE,
			theme: "副本缓存测试", sessions: 1, participants: 10}) { id } }`, map[string]any{"u": out.CreateUnit.ID})
		if len(r.Errors) > 0 {
			t.Fatalf("createPracticeActivity: %+v", r.Errors)
		}
		return out.CreateUnit.ID
	}
	unitA, unitB := unit("副本缓存测试甲单位（演示）"), unit("副本缓存测试乙单位（演示）")
	reporter := func(name, unit string) http.Header {
		r := apitest.As(t, lb, admin, `mutation($u: String!, $unit: ID!) { createReporter(username: $u, unitId: $unit, password: "replica-pass-2026") { user { id } } }`,
			map[string]any{"u": name, "unit": unit})
		if len(r.Errors) > 0 {
			t.Fatalf("createReporter: %+v", r.Errors)
		}
		h, res := apitest.Login(t, lb, name, "replica-pass-2026")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("sign-in of %s: %d", name, res.StatusCode)
		}
		return h
	}
	repA, repB := reporter("replica-reporter-a", unitA), reporter("replica-reporter-b", unitB)
	queries := []string{
		`{ units(first: 5) { totalCount edges { node { id name } } } }`,
		`{ unit(id: "` + unitB + `") { id name assessments { id year } } }`,
		`{ node(id: "` + unitB + `") { id ... on Unit { name } } }`,
		`{ honors(first: 5, filter: {unitId: "` + unitB + `"}) { totalCount edges { node { id } } } }`,
		`{ practiceActivities(first: 5) { totalCount edges { node { id theme unit { id } } } } }`,
	}
	bases := []string{lb}
	for _, r := range rs {
		bases = append(bases, r.url)
	}
	got := apitest.CheckCachesKeyOnUnit(t, bases, repA, repB, queries)
	if got.Differing < 4*len(bases) || got.Kept < len(bases) {
		t.Errorf("the case cannot tell a shared answer from a scoped one: %d differing answers, %d kept", got.Differing, got.Kept)
	}
	measured(t, "reporter caches: %d queries at %d addresses, %d answers differing between the two units, %d of B's kept", len(queries),
		len(bases), got.Differing, got.Kept)
}
