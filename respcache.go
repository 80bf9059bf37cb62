package main

import (
	"context"
	"encoding/json"
	"strconv"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/vektah/gqlparser/v2/ast"
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
	// bytes is the size of the cached answers; it stays under maxCacheBytes.
	mu    sync.Mutex
	bytes int
}

// maxCacheBytes bounds the memory all cached answers take, so that paging through a large table cannot grow
// the server past its memory budget.
const maxCacheBytes = 24 << 20

// privateFields are the top-level query fields whose answer depends on who asks, or on accounts, which do not
// bump the data version; an operation that selects any of them is never cached.
var privateFields = map[string]bool{"viewer": true, "users": true, "apiTokens": true, "auditLog": true, "deletedRecords": true}

// selectsPrivate reports whether a top-level selection (through fragments) names a private field.
func selectsPrivate(set ast.SelectionSet, frags ast.FragmentDefinitionList, depth int) bool {
	if depth > 10 {
		return true
	}
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if privateFields[s.Name] {
				return true
			}
		case *ast.InlineFragment:
			if selectsPrivate(s.SelectionSet, frags, depth+1) {
				return true
			}
		case *ast.FragmentSpread:
			if f := frags.ForName(s.Name); f == nil || selectsPrivate(f.SelectionSet, frags, depth+1) {
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

// Validate accepts any schema.
func (*ResponseCache) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation serves a cached answer or records a fresh one.
func (c *ResponseCache) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Query || selectsPrivate(oc.Operation.SelectionSet, oc.Doc.Fragments, 0) {
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
		done := false
		return func(context.Context) *graphql.Response {
			if done {
				return nil
			}
			done = true
			return &graphql.Response{Data: data}
		}
	}
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
