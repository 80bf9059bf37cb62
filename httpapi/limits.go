package httpapi

import (
	"context"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// CodeDepthLimitExceeded is the extensions.code of a query nested deeper than the limit.
const CodeDepthLimitExceeded = "DEPTH_LIMIT_EXCEEDED"

func init() {
	// Limit errors are the client's fault: answer them with a 4xx status, not 200.
	errcode.RegisterErrorType(CodeDepthLimitExceeded, errcode.KindProtocol)
	errcode.RegisterErrorType("COMPLEXITY_LIMIT_EXCEEDED", errcode.KindProtocol)
}

// DepthLimit rejects operations whose selections nest deeper than Max, since gqlgen has no depth limit of its own.
type DepthLimit struct {
	Max int
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = DepthLimit{}

// ExtensionName names the extension in gqlgen's registry.
func (DepthLimit) ExtensionName() string { return "DepthLimit" }

// Validate checks the limit is usable.
func (d DepthLimit) Validate(graphql.ExecutableSchema) error {
	if d.Max < 1 {
		return fmt.Errorf("depth limit must be positive")
	}
	return nil
}

// MutateOperationContext measures the operation's depth once it is parsed and validated.
func (d DepthLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	if depth := selectionDepth(oc.Operation.SelectionSet, oc.Doc.Fragments, map[string]bool{}); depth > d.Max {
		err := gqlErrorf("查询嵌套过深：%d 层，上限 %d 层。", depth, d.Max)
		errcode.Set(err, CodeDepthLimitExceeded)
		return err
	}
	return nil
}

// selectionDepth returns the deepest field nesting of a selection set, following fragments once each.
func selectionDepth(set ast.SelectionSet, frags ast.FragmentDefinitionList, seen map[string]bool) int {
	deepest := 0
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") {
				// Introspection is bounded by the schema and has its own switch; tools' standard query is deep.
				continue
			}
			d = 1 + selectionDepth(s.SelectionSet, frags, seen)
		case *ast.InlineFragment:
			d = selectionDepth(s.SelectionSet, frags, seen)
		case *ast.FragmentSpread:
			if seen[s.Name] {
				continue
			}
			if f := frags.ForName(s.Name); f != nil {
				seen[s.Name] = true
				d = selectionDepth(f.SelectionSet, frags, seen)
				delete(seen, s.Name)
			}
		}
		deepest = max(deepest, d)
	}
	return deepest
}
