package apitest

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
)

// TestQueryTextMemory is the review's second finding: every cache that kept query text (the parsed-query cache,
// the response cache's keys, the persisted-query cache) held a whole one-megabyte query per distinct text, for good.
// A hundred padded queries must leave the heap, after a collection, within a few megabytes of where it was.
func TestQueryTextMemory(t *testing.T) {
	HTTPLayerOnly(t)
	m := SharedMain(t)
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var s runtime.MemStats
		runtime.ReadMemStats(&s)
		return s.HeapAlloc
	}
	padding := strings.Repeat("x", 1_000_000)
	Query[struct{ Dataset struct{ Version int } }](t, m.URL(), `{dataset{version}}`, nil)
	before := heap()
	for i := 0; i < 100; i++ {
		q := fmt.Sprintf("{dataset{version}} #%s%d", padding, i)
		Query[struct{ Dataset struct{ Version int } }](t, m.URL(), q, nil)
	}
	after := heap()
	grew := int64(after) - int64(before)
	t.Logf("heap after GC: %.1f MB before, %.1f MB after 100 distinct 1 MB queries (%+.1f MB)", float64(before)/1e6, float64(after)/1e6, float64(grew)/1e6)
	if grew > 40<<20 {
		t.Errorf("100 distinct 1 MB queries kept %d MB of heap", grew>>20)
	}
}

// TestIntrospectionCost is the review's third finding: introspection was nearly free under the limits, so that
// one small request of a hundred aliased schema walks returned megabytes in seconds. GraphiQL's own introspection
// query still passes under the default limits.
func TestIntrospectionCost(t *testing.T) {
	HTTPLayerOnly(t)
	m := SharedMain(t)
	t.Run("GraphiQLsQueryPasses", func(t *testing.T) {
		raw, err := os.ReadFile("testdata/graphiql-introspection.graphql")
		if err != nil {
			t.Fatal(err)
		}
		r := Query[struct {
			Schema struct{ Types []struct{ Name string } } `json:"__schema"`
		}](t, m.URL(), string(raw), nil)
		if len(r.Schema.Types) < 50 {
			t.Fatalf("introspection returned %d types", len(r.Schema.Types))
		}
	})
	t.Run("AHundredSchemaWalksAreRefused", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("{")
		for i := 0; i < 100; i++ {
			fmt.Fprintf(&b, " s%d: __schema { types { name fields { name type { name ofType { name } } } } }", i)
		}
		b.WriteString(" }")
		_, errs := GQL(t, m.URL(), b.String(), nil)
		WantCode(t, errs, "INTROSPECTION_LIMIT_EXCEEDED")
	})
	t.Run("TwoSchemasOrElevenTypesAreRefused", func(t *testing.T) {
		_, errs := GQL(t, m.URL(), `{ a: __schema { queryType { name } } b: __schema { queryType { name } } }`, nil)
		WantCode(t, errs, "INTROSPECTION_LIMIT_EXCEEDED")
		var b strings.Builder
		b.WriteString("{")
		for i := 0; i < 11; i++ {
			fmt.Fprintf(&b, " t%d: __type(name: \"Unit\") { name }", i)
		}
		b.WriteString(" }")
		_, errs = GQL(t, m.URL(), b.String(), nil)
		WantCode(t, errs, "INTROSPECTION_LIMIT_EXCEEDED")
	})
	t.Run("AFewTypesPass", func(t *testing.T) {
		_, errs := GQL(t, m.URL(), `{ a: __type(name: "Unit") { name } b: __type(name: "Honor") { name } __typename }`, nil)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
	})
}
