package httpapi_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"

	"github.com/wenming/wenming/graph"
	"github.com/wenming/wenming/httpapi"
)

// defaults is the limit a server starts with.
var defaults = httpapi.FieldLimit{MaxFields: httpapi.DefaultMaxFields, MaxRepeats: httpapi.DefaultMaxRepeats, TokenLimit: 10000}

func mustParse(tb testing.TB, q string) *ast.QueryDocument {
	tb.Helper()
	doc, err := parser.ParseQuery(&ast.Source{Input: q})
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

// smallestLimit is the least MaxFields under which the document passes: its size as the limit counts it.
func smallestLimit(tb testing.TB, doc *ast.QueryDocument) int {
	lo, hi := 1, httpapi.DefaultMaxFields
	for lo < hi {
		mid := (lo + hi) / 2
		l := defaults
		l.MaxFields = mid
		if l.Check(doc) == nil {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// The dashboard's own operations must stay far inside the defaults.
func TestFieldLimitDashboardQueries(t *testing.T) {
	files, err := filepath.Glob("../frontend/src/graphql/*.graphql")
	if err != nil || len(files) < 10 {
		t.Fatalf("found %d query files: %v", len(files), err)
	}
	largest, name := 0, ""
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := mustParse(t, string(b))
		if err := defaults.Check(doc); err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		if n := smallestLimit(t, doc); n > largest {
			largest, name = n, filepath.Base(f)
		}
	}
	t.Logf("largest dashboard operation: %s, %d selections (limit %d)", name, largest, httpapi.DefaultMaxFields)
	if largest*4 > httpapi.DefaultMaxFields {
		t.Errorf("%s has %d selections: the default limit leaves it too little room", name, largest)
	}
}

func TestFieldLimitCheck(t *testing.T) {
	// nested is a chain of fragments each spreading the one below twice: 2^levels fields once expanded.
	nested := func(levels int) string {
		var b strings.Builder
		fmt.Fprintf(&b, "{ ...F%d } fragment F0 on Query { __typename }", levels)
		for i := 1; i <= levels; i++ {
			fmt.Fprintf(&b, " fragment F%d on Query { ...F%d ...F%d }", i, i-1, i-1)
		}
		return b.String()
	}
	for _, tc := range []struct {
		name, query string
		ok          bool
	}{
		{"Small", `{ dataset { hasDemo } }`, true},
		{"ExponentialFragments", nested(40), false},
		{"ModestFragments", nested(5), true},
		// Cycles are the validator's to reject; the count must only end.
		{"FragmentCycle", `{ ...A } fragment A on Query { dataset { ...B } } fragment B on DatasetInfo { hasDemo ...A }`, true},
		{"SelfCycle", `{ dataset { ...A } } fragment A on DatasetInfo { hasDemo ...A }`, true},
		{"RepeatsThroughInlineFragments", "{" + strings.Repeat(" ... on Query { __typename }", 51) + " }", false},
		{"RepeatsThroughAliases", "{" + strings.Repeat(" x: __typename", 51) + " }", false},
		{"ManyFragments", fragments(101), false},
		{"FragmentsUnderLimit", fragments(100), true},
		{"DistinctAliasesUnderLimit", "{" + strings.Repeat(" __typename", 1) + aliasList(900) + " }", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			err := defaults.Check(mustParse(t, tc.query))
			if took := time.Since(start); took > 200*time.Millisecond {
				t.Errorf("took %v", took)
			}
			if (err == nil) != tc.ok {
				t.Fatalf("error %v, want ok=%v", err, tc.ok)
			}
			if err != nil && err.Extensions["code"] != httpapi.CodeFieldLimitExceeded {
				t.Errorf("code %v", err.Extensions["code"])
			}
		})
	}
}

// fragments is a query spreading n one-field fragments with distinct aliases: no name repeats, few fields, but
// n²/2 fragment pairs for the validator to compare.
func fragments(n int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, " ...F%d", i)
	}
	b.WriteString(" }")
	for i := range n {
		fmt.Fprintf(&b, " fragment F%d on Query { a%d: __typename }", i, i)
	}
	return b.String()
}

func aliasList(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, " a%d: __typename", i)
	}
	return b.String()
}

// TestFieldLimitBeforeValidation prints what the limit saves: the time to refuse { __typename ×9990 } against the
// time the validator takes over 1,000 and 9,990 copies.
func TestFieldLimitBeforeValidation(t *testing.T) {
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()
	q := "{" + strings.Repeat(" __typename", 9990) + " }"
	start := time.Now()
	err := defaults.MutateOperationParameters(t.Context(), &graphql.RawParams{Query: q})
	refused := time.Since(start)
	if err == nil || err.Extensions["code"] != httpapi.CodeFieldLimitExceeded {
		t.Fatalf("error %v", err)
	}
	t.Logf("{ __typename ×9990 }: parsed, counted and refused in %v", refused)
	if refused > time.Second {
		t.Errorf("refusing took %v", refused)
	}
	if testing.Short() {
		return
	}
	for _, n := range []int{httpapi.DefaultMaxRepeats, 1000} {
		doc := mustParse(t, "{"+strings.Repeat(" __typename", n)+" }")
		start := time.Now()
		validator.Validate(schema, doc)
		t.Logf("validating %d copies of one field takes %v", n, time.Since(start))
	}
}

func BenchmarkFieldLimit(b *testing.B) {
	for _, n := range []int{100, 9990} {
		q := "{" + strings.Repeat(" __typename", n) + " }"
		b.Run(fmt.Sprintf("Typename%d", n), func(b *testing.B) {
			for b.Loop() {
				defaults.MutateOperationParameters(b.Context(), &graphql.RawParams{Query: q})
			}
		})
	}
}
