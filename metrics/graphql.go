// The gqlgen extension: which operation a request ran, of which type, and its first error code.

package metrics

import (
	"context"
	"regexp"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// Fixed operation labels: the bounded answers for names that cannot or may not have a label of their own.
const (
	// anonymous is an operation without a name, or a request refused before any operation was read.
	anonymous = "anonymous"
	// other is a name that is not a plain identifier, one over the cap, or one the server never validated.
	other = "other"
)

// operationName is what a name must look like to become a label: a GraphQL name, at most 64 characters.
var operationName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,63}$`)

// errorCode is what an error's extensions.code must look like to become a label.
var errorCode = regexp.MustCompile(`^[A-Z][A-Z0-9_]{0,47}$`)

// nameSet admits operation names as labels, first come, up to its cap.
type nameSet struct {
	max   int
	mu    sync.RWMutex
	names map[string]struct{}
}

func newNameSet(max int) *nameSet { return &nameSet{max: max, names: map[string]struct{}{}} }

// label returns the label of a name. Only names of operations that parsed and validated are admitted (admit), so
// that a stream of malformed requests cannot use up the cap.
func (s *nameSet) label(name string, admit bool) string {
	if name == "" {
		return anonymous
	}
	// A name admitted before passed the pattern then: every cached answer asks again, and the lookup is cheaper.
	s.mu.RLock()
	_, ok := s.names[name]
	s.mu.RUnlock()
	if ok {
		return name
	}
	if !admit || !operationName.MatchString(name) {
		return other
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.names[name]; ok {
		return name
	}
	if len(s.names) >= s.max {
		return other
	}
	s.names[name] = struct{}{}
	return name
}

// firstErrorCode is the label of a response's errors: "none", the first error's code, "UNCODED" or "OTHER".
func firstErrorCode(resp *graphql.Response) string {
	if resp == nil || len(resp.Errors) == 0 {
		return "none"
	}
	code, ok := resp.Errors[0].Extensions["code"].(string)
	switch {
	case !ok || code == "":
		return "UNCODED"
	case !errorCode.MatchString(code):
		return "OTHER"
	}
	return code
}

// Extension returns the gqlgen extension that reports each operation's name, type and first error to the
// middleware (or, over a WebSocket, counts it itself). Use it before the response cache, so that it sees
// answers the cache gives too. A nil Metrics returns nil.
func (m *Metrics) Extension() graphql.HandlerExtension {
	if m == nil {
		return nil
	}
	return extension{m}
}

type extension struct{ m *Metrics }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
	graphql.ResponseInterceptor
} = extension{}

type seenKey struct{}

// ExtensionName names the extension in gqlgen's registry.
func (extension) ExtensionName() string { return "Metrics" }

// Validate accepts any schema.
func (extension) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation records an operation that parsed and validated.
func (e extension) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	name, typ := anonymous, "unknown"
	if oc.Operation != nil {
		name, typ = e.m.names.label(oc.Operation.Name, true), string(oc.Operation.Operation)
	}
	start := time.Now()
	req := fromContext(ctx)
	handler := next(context.WithValue(ctx, seenKey{}, true))
	first := true
	return func(ctx context.Context) *graphql.Response {
		resp := handler(ctx)
		if !first {
			return resp
		}
		first = false
		e.finish(req, name, typ, firstErrorCode(resp), start)
		return resp
	}
}

// InterceptResponse records a request that failed before it became an operation (a parse or validation error,
// an unknown operationName): gqlgen answers those without calling InterceptOperation.
func (e extension) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if ctx.Value(seenKey{}) != nil {
		return resp
	}
	name, typ := anonymous, "unknown"
	if graphql.HasOperationContext(ctx) {
		// A document that parsed and validated names its operation; otherwise only the name the client sent is
		// known, and it gets a label only if a valid operation already earned one.
		if oc := graphql.GetOperationContext(ctx); oc.Operation != nil {
			name, typ = e.m.names.label(oc.Operation.Name, false), string(oc.Operation.Operation)
		} else {
			name = e.m.names.label(oc.OperationName, false)
		}
	}
	e.finish(fromContext(ctx), name, typ, firstErrorCode(resp), time.Now())
	return resp
}

// finish hands the labels to the HTTP middleware, or counts an operation over a WebSocket (or without the
// middleware) at its first answer.
func (e extension) finish(req *request, name, typ, errCode string, start time.Time) {
	if req != nil && !req.ws {
		req.mu.Lock()
		if req.operation == "" {
			req.operation, req.opType, req.errCode = name, typ, errCode
		}
		req.mu.Unlock()
		return
	}
	e.m.gqlRequests.WithLabelValues(name, typ, "ws", errCode).Inc()
	if typ != string(ast.Subscription) {
		e.m.gqlDuration.WithLabelValues(name).Observe(time.Since(start).Seconds())
	}
}
