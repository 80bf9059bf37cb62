// The HTTP middleware: every request counted by route, method and status, and /graphql requests also by operation.

package metrics

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/importer"
)

// request is what the GraphQL extension learns about one HTTP request's operation, for the middleware to count
// once the answer has gone out with its status.
type request struct {
	m *Metrics
	// ws marks a WebSocket upgrade: its many operations are counted one by one by the extension.
	ws bool

	mu        sync.Mutex
	operation string
	opType    string
	errCode   string
}

type requestKey struct{}

// fromContext returns the request's record, or nil when metrics are off.
func fromContext(ctx context.Context) *request {
	r, _ := ctx.Value(requestKey{}).(*request)
	return r
}

// CacheLookup counts whether the response cache answered a cacheable query; without metrics it does nothing.
func CacheLookup(ctx context.Context, hit bool) {
	r := fromContext(ctx)
	if r == nil {
		return
	}
	if hit {
		r.m.cacheHits.Inc()
	} else {
		r.m.cacheMisses.Inc()
	}
}

// Middleware counts and times every request; a nil Metrics returns next unchanged. It also lets the GraphQL
// extension, the response cache and the importer report into this server's collectors through the context.
func (m *Metrics) Middleware(next http.Handler) http.Handler {
	if m == nil {
		return next
	}
	observe := importer.Observer(m.observeImport)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		// One allocation holds the request's record, its status recorder and its context.
		x := &exchange{recorder: recorder{ResponseWriter: w, status: http.StatusOK}}
		x.req = request{m: m, ws: strings.EqualFold(r.Header.Get("Upgrade"), "websocket")}
		x.ctx = requestContext{Context: r.Context(), req: &x.req, observer: observe}
		next.ServeHTTP(&x.recorder, r.WithContext(&x.ctx))
		took := time.Since(start).Seconds()
		rt, code := route(r.URL.Path), statusText(x.recorder.status)
		m.httpRequests.WithLabelValues(rt, method(r.Method), code).Inc()
		req := &x.req
		if req.ws {
			return // a WebSocket lasts as long as its connection; the extension counts its operations
		}
		m.httpDuration.WithLabelValues(rt).Observe(took)
		if rt == "/graphql" && r.Method != http.MethodOptions {
			req.mu.Lock()
			op, typ, errCode := req.operation, req.opType, req.errCode
			req.mu.Unlock()
			if op == "" {
				op = anonymous // refused before an operation was read (sign-in, body size)
			}
			if typ == "" {
				typ = "unknown"
			}
			if errCode == "" {
				errCode = "none"
			}
			m.gqlRequests.WithLabelValues(op, typ, code, errCode).Inc()
			m.gqlDuration.WithLabelValues(op).Observe(took)
		}
	})
}

// exchange is what the middleware keeps for one request.
type exchange struct {
	recorder recorder
	req      request
	ctx      requestContext
}

// importObserverKey is the importer's context key for its observer, which requestContext answers.
var importObserverKey = importer.ObserverKey()

// requestContext carries the request's record (fromContext) and this server's import observer (importer.ObserverKey)
// in one step of the context.
type requestContext struct {
	context.Context
	req      *request
	observer importer.Observer
}

// Value answers the record's key and the importer's, and asks the parent for any other.
func (c *requestContext) Value(key any) any {
	switch key {
	case requestKey{}:
		return c.req
	case importObserverKey:
		return c.observer
	}
	return c.Context.Value(key)
}

// statusText is a status code as a label, without formatting the common ones.
func statusText(code int) string {
	switch code {
	case http.StatusOK:
		return "200"
	case http.StatusNotModified:
		return "304"
	case http.StatusBadRequest:
		return "400"
	case http.StatusUnauthorized:
		return "401"
	case http.StatusForbidden:
		return "403"
	case http.StatusNotFound:
		return "404"
	}
	return strconv.Itoa(code)
}

// route maps a path onto the few routes the server has, so that scanners probing random paths add no series.
func route(p string) string {
	switch p {
	case "/graphql", "/graphiql", "/healthz", "/readyz", "/auth/login", "/auth/logout", "/auth/me", "/metrics":
		return p
	}
	switch {
	case strings.HasPrefix(p, "/export/"):
		return "/export"
	case strings.HasPrefix(p, "/templates/"):
		return "/templates"
	case strings.HasPrefix(p, "/assets/"):
		return "/assets"
	}
	return "/" // the dashboard's pages, and everything unknown
}

// methods are the request methods counted by name; any other is "other".
var methods = []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodOptions, http.MethodPut,
	http.MethodPatch, http.MethodDelete}

func method(m string) string {
	if slices.Contains(methods, m) {
		return m
	}
	return "other"
}

// recorder keeps the status of a response; Unwrap lets the WebSocket upgrade reach the connection.
type recorder struct {
	http.ResponseWriter
	status      int
	wroteHeader bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wroteHeader {
		r.status, r.wroteHeader = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wroteHeader = true
	return r.ResponseWriter.Write(b)
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// observeImport counts one finished import's rows and time, under a kind label from the fixed list.
func (m *Metrics) observeImport(_ context.Context, req db.ImportRequest, rep *db.ImportReport, err error, took time.Duration) {
	kind := "other"
	if slices.Contains(db.AllImportKinds, req.Kind) {
		kind = strings.ToLower(string(req.Kind))
	}
	outcome, rows := "failed", 0
	if err == nil && rep != nil {
		rows = rep.Rows
		switch {
		case rep.ErrorCount > 0:
			outcome = "rejected"
		case rep.DryRun:
			outcome = "dry_run"
		default:
			outcome = "written"
		}
	}
	m.imports.WithLabelValues(kind, outcome).Inc()
	m.importRows.WithLabelValues(kind, outcome).Add(float64(rows))
	m.importDuration.WithLabelValues(kind).Observe(took.Seconds())
}

// FastHit counts an answer the fast path served before GraphQL ran: a response-cache hit under the operation's
// name, as if the extension had seen it, so that a hit counts the same whichever layer answers it.
func FastHit(ctx context.Context, operation string) {
	r := fromContext(ctx)
	if r == nil {
		return
	}
	r.m.cacheHits.Inc()
	r.mu.Lock()
	if r.operation == "" {
		r.operation, r.opType, r.errCode = r.m.names.label(operation, false), "query", "none"
	}
	r.mu.Unlock()
}
