package apitest

import (
	"strings"
	"testing"
)

// TestReporterCaches checks that the response cache and the fast path key on the caller's unit, not its role:
// reporter B warms every query a reporter may send that the caches keep, then reporter A sends the identical bytes
// and must get A's own answer, and B's ETag must never answer A 304.
func TestReporterCaches(t *testing.T) {
	// The aggregates are cached too: open them to reporters.
	f := newTwoUnits(t, false, unlimitedQueries, func(c *MainConfig) { c.ReportersReadAggregates = true })
	schema := loadSchema(t)
	var queries, names []string
	for _, fd := range schema.Query.Fields {
		d := fd.Directives
		if strings.HasPrefix(fd.Name, "__") || d.ForName("private") != nil || (d.ForName("reporter") == nil && d.ForName("aggregate") == nil) {
			continue
		}
		// Every ID and unit named is unit B's: B reads its rows, A must read none of them.
		b := opBuilder{s: schema, id: f.unitB, unit: f.unitB, task: f.task, depth: 3}
		queries = append(queries, "query { "+b.field(fd, 1, map[string]bool{})+" }")
		names = append(names, fd.Name)
	}
	got := CheckCachesKeyOnUnit(t, []string{f.base}, f.repA, f.repB, queries)
	t.Logf("%d queries (%s): %d answered the two reporters differently, %d of B's answers kept", len(queries),
		strings.Join(names, " "), got.Differing, got.Kept)
	if got.Differing < 5 || got.Kept < len(queries)/2 {
		t.Errorf("the case cannot tell a shared answer from a scoped one: %d differing answers, %d kept", got.Differing, got.Kept)
	}
}
