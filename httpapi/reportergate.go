package httpapi

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/wenming/wenming/db"
)

// rootFieldGate is the one place that decides which root fields a caller may reach beyond the role checks of the
// fields themselves, failing closed:
//   - an account holding a one-time password may only read who it is and change its password;
//   - a unit's reporter may only use the root fields marked @reporter in the schema. Any other field answers
//     FORBIDDEN, or, on a server with anonymous reading, is answered as an anonymous caller's would be: a reporter
//     sees at least what anyone may, and nothing of its session reaches those fields. Where the operator opened
//     the published aggregates to reporters (aggregates), the fields marked @aggregate are answered so too.
//
// A field added to the schema later is closed to reporters until it is marked.
func rootFieldGate(anonymousRead, aggregates bool) graphql.RootFieldMiddleware {
	return func(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
		p := db.PrincipalFrom(ctx)
		if p == nil {
			return next(ctx)
		}
		fc := graphql.GetRootFieldContext(ctx)
		if fc == nil || fc.Field.Field == nil || fc.Field.Definition == nil {
			return next(ctx)
		}
		name := fc.Field.Name
		if len(name) > 1 && name[:2] == "__" {
			return next(ctx)
		}
		if p.MustChangePassword && name != "viewer" && name != "setPassword" {
			graphql.AddError(ctx, db.ErrPasswordChangeRequired)
			return graphql.Null
		}
		if p.Effective() != db.RoleReporter || fc.Field.Definition.Directives.ForName("reporter") != nil {
			return next(ctx)
		}
		open := anonymousRead || (aggregates && fc.Field.Definition.Directives.ForName("aggregate") != nil)
		if open && graphql.GetOperationContext(ctx).Operation.Operation != ast.Mutation {
			return next(db.WithPrincipal(ctx, &db.Principal{Role: db.RoleViewer, Via: "anonymous"}))
		}
		graphql.AddError(ctx, db.ErrNotForReporters)
		return graphql.Null
	}
}

// subscriptionGate applies rootFieldGate's rules to a subscription, whose one root field gqlgen resolves outside
// the root-field middleware: it returns the context to run the subscription in (an anonymous caller's, where
// anonymous reading answers a reporter), or the refusal.
func subscriptionGate(ctx context.Context, oc *graphql.OperationContext, anonymousRead bool) (context.Context, error) {
	p := db.PrincipalFrom(ctx)
	if p == nil || oc.Operation == nil || oc.Operation.Operation != ast.Subscription {
		return ctx, nil
	}
	for _, f := range graphql.CollectFields(oc, oc.Operation.SelectionSet, []string{"Subscription"}) {
		if p.MustChangePassword {
			return ctx, db.ErrPasswordChangeRequired
		}
		if p.Effective() != db.RoleReporter || f.Definition == nil || f.Definition.Directives.ForName("reporter") != nil {
			continue
		}
		if !anonymousRead {
			return ctx, db.ErrNotForReporters
		}
		ctx = db.WithPrincipal(ctx, &db.Principal{Role: db.RoleViewer, Via: "anonymous"})
	}
	return ctx, nil
}
