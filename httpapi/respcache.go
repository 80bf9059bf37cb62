// Package httpapi is the HTTP side of 文明看板: what sits between the network and the GraphQL executor.
package httpapi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/metrics"
)

// ResponseCache answers a repeated query from memory while the versions of the domains its answer reads are
// unchanged. Dashboards and reporting tools send the same few queries again and again, and every write bumps the
// versions of the domains it changed, so an answer is never stale, and a write of one domain leaves the answers that
// do not read it cached. Concurrent misses for one answer execute it once. Mutations, errors and very large answers
// are never cached.
type ResponseCache struct {
	// Versions reads the request's data versions, the total and each domain's.
	Versions func(ctx context.Context) (db.Versions, error)
	// Scope adds to the key whatever makes an answer differ between callers (the caller's role, once roles exist).
	Scope func(ctx context.Context) string
	lru   *lru.Cache[string, []byte]
	// schema is the executable schema's definition, read for its @private marks.
	schema *ast.Schema
	// bytes is the size of the cached answers; it stays under maxCacheBytes.
	mu    sync.Mutex
	bytes int
	// inflight holds the executions under way, by key, for the misses that arrive meanwhile (under mu).
	inflight map[string]*pendingAnswer
}

// pendingAnswer is one execution that concurrent misses for the same key wait for.
type pendingAnswer struct {
	done chan struct{}
	// data is the answer when it may be shared (no errors, not too large); nil sends the waiters to execute it
	// themselves.
	data []byte
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

// NewResponseCache keeps at most size answers, and at most maxCacheBytes of them, keyed on the versions that
// versions reads.
func NewResponseCache(size int, versions func(context.Context) (db.Versions, error)) *ResponseCache {
	rc := &ResponseCache{Versions: versions, inflight: map[string]*pendingAnswer{}}
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

// InterceptOperation serves a cached answer, waits for an execution of the same answer already under way, or
// executes and records a fresh one. The key holds the versions of the domains the selection reads
// (selectionDomains), read before the execution, so an answer is never stored under versions newer than its data.
func (c *ResponseCache) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Query || selectsPrivate(c.schema, oc.Operation.SelectionSet, 0) {
		return next(ctx)
	}
	ver, err := c.Versions(ctx)
	if err != nil {
		return next(ctx)
	}
	vars, err := json.Marshal(oc.Variables)
	if err != nil {
		return next(ctx)
	}
	reads := selectionDomains(c.schema, oc.Operation.SelectionSet, 0)
	// The query and its variables enter the key as a hash, so that keys weigh the same whatever a client sends.
	text := sha256.Sum256([]byte(oc.OperationName + "\x00" + string(vars) + "\x00" + oc.RawQuery))
	key := strconv.FormatUint(uint64(reads), 36) + ":" + ver.Key(reads) + "\x00" + hex.EncodeToString(text[:])
	if c.Scope != nil {
		key = c.Scope(ctx) + "\x00" + key
	}
	// shared tells the fast path in front of GraphQL that this answer may be kept for the caller's scope, with the
	// versions it was computed at.
	shared := func() {
		if n := FastNoteFrom(ctx); n != nil {
			n.Storable, n.Reads, n.Ver, n.Operation = true, reads, ver, oc.Operation.Name
		}
	}
	if data, ok := c.lru.Get(key); ok {
		metrics.CacheLookup(ctx, true)
		shared()
		return oneShot(data)
	}
	c.mu.Lock()
	if p, ok := c.inflight[key]; ok {
		c.mu.Unlock()
		select {
		case <-p.done:
			if p.data != nil {
				metrics.CacheLookup(ctx, true)
				shared()
				return oneShot(p.data)
			}
		case <-ctx.Done():
		}
		return next(ctx)
	}
	p := &pendingAnswer{done: make(chan struct{})}
	c.inflight[key] = p
	c.mu.Unlock()
	metrics.CacheLookup(ctx, false)
	finish := func(data []byte) {
		c.mu.Lock()
		if c.inflight[key] == p {
			delete(c.inflight, key)
		}
		c.mu.Unlock()
		p.data = data
		close(p.done)
	}
	handler := func() (h graphql.ResponseHandler) {
		defer func() {
			if r := recover(); r != nil {
				finish(nil)
				panic(r)
			}
		}()
		return next(ctx)
	}()
	finished := false
	return func(ctx context.Context) *graphql.Response {
		var resp *graphql.Response
		defer func() {
			if finished {
				return
			}
			finished = true
			if resp != nil && len(resp.Errors) == 0 && len(resp.Data) > 0 && len(resp.Data) <= maxCachedResponse {
				c.add(key, resp.Data)
				finish(resp.Data)
				shared()
				return
			}
			finish(nil)
		}()
		resp = handler(ctx)
		return resp
	}
}

// oneShot answers once with data, as a query's response handler must.
func oneShot(data []byte) graphql.ResponseHandler {
	done := false
	return func(context.Context) *graphql.Response {
		if done {
			return nil
		}
		done = true
		return &graphql.Response{Data: data}
	}
}
