// Package httpapi is the HTTP side of 文明看板: what sits between the network and the GraphQL executor.
package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/wenming/wenming/metrics"
)

// ResponseCache answers a repeated query from memory while the data version is unchanged. Dashboards and
// reporting tools send the same few queries again and again, and every write bumps the version, so an answer
// is never stale. Mutations, errors and very large answers are never cached.
type ResponseCache struct {
	// Version reads the request's data version.
	Version func(ctx context.Context) (int64, error)
	// Scope adds to the key whatever makes an answer differ between callers (the caller's role, once roles exist).
	Scope func(ctx context.Context) string
	lru   *lru.Cache[string, []byte]
	// schema is the executable schema's definition, read for its @private marks.
	schema *ast.Schema
	// bytes is the size of the cached answers; it stays under maxCacheBytes.
	mu    sync.Mutex
	bytes int
}

// maxCacheBytes bounds the memory all cached answers take, so that paging through a large table cannot grow
// the server past its memory budget.
const maxCacheBytes = 24 << 20

// privateDirective marks, in the schema, the fields and types whose answer depends on who asks or on accounts.
const privateDirective = "private"

// selectsPrivate reports whether a selection, at any depth and through fragments, reaches a field or type that the
// schema marks @private: a private type is caught however it is reached (node(id:), a nested field …).
func selectsPrivate(schema *ast.Schema, set ast.SelectionSet, depth int) bool {
	if depth > 32 {
		return true
	}
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Definition == nil {
				if strings.HasPrefix(s.Name, "__") {
					continue // introspection: the schema itself, the same for everyone
				}
				return true // not validated against the schema: never cache what cannot be classified
			}
			if s.Definition.Directives.ForName(privateDirective) != nil || privateType(schema, s.ObjectDefinition) ||
				privateType(schema, schema.Types[s.Definition.Type.Name()]) {
				return true
			}
			if selectsPrivate(schema, s.SelectionSet, depth+1) {
				return true
			}
		case *ast.InlineFragment:
			if privateType(schema, s.ObjectDefinition) || selectsPrivate(schema, s.SelectionSet, depth+1) {
				return true
			}
		case *ast.FragmentSpread:
			if s.Definition == nil || selectsPrivate(schema, s.Definition.SelectionSet, depth+1) {
				return true
			}
		}
	}
	return false
}

// privateType reports whether the schema marks the type @private, or, for an interface or union, any type that
// may stand behind it (a Node may be a User).
func privateType(schema *ast.Schema, def *ast.Definition) bool {
	if def == nil {
		return false
	}
	if def.Directives.ForName(privateDirective) != nil {
		return true
	}
	if def.Kind == ast.Interface || def.Kind == ast.Union {
		for _, t := range schema.GetPossibleTypes(def) {
			if t.Directives.ForName(privateDirective) != nil {
				return true
			}
		}
	}
	return false
}

// maxCachedResponse bounds the size of one cached answer, to keep the server's memory flat.
const maxCachedResponse = 256 << 10

// NewResponseCache keeps at most size answers, and at most maxCacheBytes of them.
func NewResponseCache(size int, version func(context.Context) (int64, error)) *ResponseCache {
	rc := &ResponseCache{Version: version}
	rc.lru, _ = lru.NewWithEvict[string, []byte](size, func(_ string, v []byte) { rc.bytes -= len(v) })
	return rc
}

// add stores an answer and evicts the oldest until the byte budget holds; eviction runs under mu.
func (c *ResponseCache) add(key string, data []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lru.Contains(key) {
		return
	}
	c.bytes += len(data)
	c.lru.Add(key, data)
	for c.bytes > maxCacheBytes && c.lru.Len() > 0 {
		c.lru.RemoveOldest()
	}
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
} = (*ResponseCache)(nil)

// ExtensionName names the extension in gqlgen's registry.
func (*ResponseCache) ExtensionName() string { return "ResponseCache" }

// Validate keeps the schema, whose @private marks decide what is never cached.
func (c *ResponseCache) Validate(es graphql.ExecutableSchema) error {
	c.schema = es.Schema()
	if c.schema.Directives[privateDirective] == nil {
		return fmt.Errorf("response cache: the schema declares no @%s directive", privateDirective)
	}
	return nil
}

// InterceptOperation serves a cached answer or records a fresh one.
func (c *ResponseCache) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Query || selectsPrivate(c.schema, oc.Operation.SelectionSet, 0) {
		return next(ctx)
	}
	ver, err := c.Version(ctx)
	if err != nil {
		return next(ctx)
	}
	vars, err := json.Marshal(oc.Variables)
	if err != nil {
		return next(ctx)
	}
	key := strconv.FormatInt(ver, 10) + "\x00" + oc.OperationName + "\x00" + string(vars) + "\x00" + oc.RawQuery
	if c.Scope != nil {
		key = c.Scope(ctx) + "\x00" + key
	}
	if data, ok := c.lru.Get(key); ok {
		metrics.CacheLookup(ctx, true)
		done := false
		return func(context.Context) *graphql.Response {
			if done {
				return nil
			}
			done = true
			return &graphql.Response{Data: data}
		}
	}
	metrics.CacheLookup(ctx, false)
	handler := next(ctx)
	stored := false
	return func(ctx context.Context) *graphql.Response {
		resp := handler(ctx)
		if resp != nil && !stored && len(resp.Errors) == 0 && len(resp.Data) > 0 && len(resp.Data) <= maxCachedResponse {
			stored = true
			c.add(key, resp.Data)
		}
		return resp
	}
}
