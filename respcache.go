package main

import (
	"context"
	"encoding/json"
	"strconv"

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
}

// maxCachedResponse bounds the size of one cached answer, to keep the server's memory flat.
const maxCachedResponse = 256 << 10

// NewResponseCache keeps at most size answers.
func NewResponseCache(size int, version func(context.Context) (int64, error)) *ResponseCache {
	c, _ := lru.New[string, []byte](size)
	return &ResponseCache{Version: version, lru: c}
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
	if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Query {
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
			c.lru.Add(key, resp.Data)
		}
		return resp
	}
}
