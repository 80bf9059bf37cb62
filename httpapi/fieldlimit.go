package httpapi

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// CodeFieldLimitExceeded is the extensions.code of a document with too many fields, or one response name repeated
// too often in one selection set; it is rejected before validation.
const CodeFieldLimitExceeded = "FIELD_LIMIT_EXCEEDED"

// DefaultMaxFields is the field limit when Limits.MaxFields is zero: the dashboard's largest query has well under
// a hundred fields and GraphiQL's introspection query about two hundred once its fragments are expanded.
const DefaultMaxFields = 1000

// DefaultMaxRepeats is how often one response name may occur in one (merged) selection set: the validator
// compares every pair of fields that share a name, so repeats cost quadratic time, while real queries repeat a
// name only where fragments overlap.
const DefaultMaxRepeats = 50

// DefaultMaxFragments bounds the fragment definitions of one document: the validator compares every pair of
// fragments spread into one selection set (490 one-field fragments took 320 ms), while real clients send a few.
const DefaultMaxFragments = 100

func init() {
	errcode.RegisterErrorType(CodeFieldLimitExceeded, errcode.KindProtocol)
}

// FieldLimit rejects oversized selection sets before gqlgen validates them: validating n copies of one field takes
// time in n² (9,990 × __typename took 4.6 s), so a limit checked after validation comes too late. It parses the
// document (linear in its size) and counts the fields and fragment spreads of every operation and fragment with
// fragments expanded, and how often one response name occurs in a merged selection set. A document already in the
// executor's query cache has passed the count and is not parsed again.
type FieldLimit struct {
	// MaxFields bounds the selections of one operation or fragment, fragments expanded; aliases count as fields.
	MaxFields int
	// MaxRepeats bounds how often one response name occurs in one selection set, fragments merged.
	MaxRepeats int
	// MaxFragments bounds the fragment definitions of the document; zero means DefaultMaxFragments.
	MaxFragments int
	// TokenLimit is the parser's token limit, the same as the executor's.
	TokenLimit int
	// Cache is the executor's query cache; may be nil.
	Cache graphql.Cache[*ast.QueryDocument]
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = FieldLimit{}

// ExtensionName names the extension in gqlgen's registry.
func (FieldLimit) ExtensionName() string { return "FieldLimit" }

// Validate checks the limits are usable.
func (f FieldLimit) Validate(graphql.ExecutableSchema) error {
	if f.MaxFields < 1 || f.MaxRepeats < 1 {
		return fmt.Errorf("field limits must be positive")
	}
	return nil
}

// MutateOperationParameters counts the document's fields before the executor parses and validates it.
func (f FieldLimit) MutateOperationParameters(ctx context.Context, raw *graphql.RawParams) *gqlerror.Error {
	if raw.Query == "" {
		return nil
	}
	if f.Cache != nil {
		if _, ok := f.Cache.Get(ctx, raw.Query); ok {
			return nil
		}
	}
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: raw.Query}, f.TokenLimit)
	if err != nil {
		return nil // the executor parses it again and reports the syntax error with its own code
	}
	return f.Check(doc)
}

// Check applies the limits to a parsed document.
func (f FieldLimit) Check(doc *ast.QueryDocument) *gqlerror.Error {
	maxFrags := f.MaxFragments
	if maxFrags <= 0 {
		maxFrags = DefaultMaxFragments
	}
	if len(doc.Fragments) > maxFrags {
		err := gqlErrorf("片段定义过多：%d 个，上限 %d 个。", len(doc.Fragments), maxFrags)
		errcode.Set(err, CodeFieldLimitExceeded)
		return err
	}
	c := fieldCounter{frags: doc.Fragments, max: f.MaxFields, sizes: map[string]int{}}
	var roots []ast.SelectionSet
	for _, op := range doc.Operations {
		roots = append(roots, op.SelectionSet)
	}
	for _, fr := range doc.Fragments {
		roots = append(roots, fr.SelectionSet)
	}
	for _, set := range roots {
		if n := c.count(set); n > f.MaxFields {
			err := gqlErrorf("查询字段过多：超过 %d 个（别名与片段展开均计入）。", f.MaxFields)
			errcode.Set(err, CodeFieldLimitExceeded)
			return err
		}
	}
	// Every set is now small once expanded, so the merged walk below is bounded by MaxFields per root.
	for _, set := range roots {
		if name, n := maxRepeat([]ast.SelectionSet{set}, doc.Fragments, map[string]bool{}, 0); n > f.MaxRepeats {
			err := gqlErrorf("字段 %q 在同一选择集中出现 %d 次，上限 %d 次。", name, n, f.MaxRepeats)
			errcode.Set(err, CodeFieldLimitExceeded)
			return err
		}
	}
	return nil
}

// maxRepeatDepth bounds the merged walk; it is far above any depth limit a server would set.
const maxRepeatDepth = 64

// fieldCounter counts selections with fragments expanded, remembering each fragment's size and saturating just
// above max, so that fragments spread inside fragments cannot make the count itself expensive.
type fieldCounter struct {
	frags  ast.FragmentDefinitionList
	max    int
	sizes  map[string]int
	active []string
}

// count returns the selections of set, fragments expanded, or a number above max.
func (c *fieldCounter) count(set ast.SelectionSet) int {
	n := 0
	for _, sel := range set {
		n++
		switch s := sel.(type) {
		case *ast.Field:
			n += c.count(s.SelectionSet)
		case *ast.InlineFragment:
			n += c.count(s.SelectionSet)
		case *ast.FragmentSpread:
			n += c.fragment(s.Name)
		}
		if n > c.max {
			return c.max + 1
		}
	}
	return n
}

// fragment returns the expanded size of a named fragment; a cycle or an unknown name counts nothing here (the
// validator rejects both).
func (c *fieldCounter) fragment(name string) int {
	if n, ok := c.sizes[name]; ok {
		return n
	}
	for _, a := range c.active {
		if a == name {
			return 0
		}
	}
	def := c.frags.ForName(name)
	if def == nil {
		return 0
	}
	c.active = append(c.active, name)
	n := c.count(def.SelectionSet)
	c.active = c.active[:len(c.active)-1]
	c.sizes[name] = n
	return n
}

// maxRepeat merges the sets as execution would (inline fragments and spreads flattened, fields that share a
// response name merged with their sub-selections) and returns the response name that occurs most often in any one
// merged set, with its count.
// A fragment cycle (which the validator rejects) stops at maxRepeatDepth levels.
func maxRepeat(sets []ast.SelectionSet, frags ast.FragmentDefinitionList, active map[string]bool, depth int) (string, int) {
	if depth > maxRepeatDepth {
		return "", 0
	}
	groups := map[string][]ast.SelectionSet{}
	counts := map[string]int{}
	var order []string
	var collect func(set ast.SelectionSet)
	collect = func(set ast.SelectionSet) {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				key := s.Alias
				if key == "" {
					key = s.Name
				}
				if counts[key] == 0 {
					order = append(order, key)
				}
				counts[key]++
				if len(s.SelectionSet) > 0 {
					groups[key] = append(groups[key], s.SelectionSet)
				}
			case *ast.InlineFragment:
				collect(s.SelectionSet)
			case *ast.FragmentSpread:
				if active[s.Name] {
					continue
				}
				if def := frags.ForName(s.Name); def != nil {
					active[s.Name] = true
					collect(def.SelectionSet)
					delete(active, s.Name)
				}
			}
		}
	}
	for _, set := range sets {
		collect(set)
	}
	worst, most := "", 0
	for _, key := range order {
		if counts[key] > most {
			worst, most = key, counts[key]
		}
	}
	for _, key := range order {
		if len(groups[key]) == 0 {
			continue
		}
		if name, n := maxRepeat(groups[key], frags, active, depth+1); n > most {
			worst, most = name, n
		}
	}
	return worst, most
}

// fieldLimit is the server's FieldLimit over the executor's query cache.
func (m *Server) fieldLimit(queries graphql.Cache[*ast.QueryDocument]) FieldLimit {
	n := m.Config.MaxFields
	if n <= 0 {
		n = DefaultMaxFields
	}
	return FieldLimit{MaxFields: n, MaxRepeats: DefaultMaxRepeats, TokenLimit: m.Config.MaxTokens, Cache: queries}
}
