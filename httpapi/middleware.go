// HTTP middleware: request IDs and logging, security headers, body limits.

package httpapi

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"strings"
	"time"
)

// RequestLog gives every request an ID (kept from X-Request-Id when sane), echoes it, and logs the outcome.
func RequestLog(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-Id")
		if id == "" || len(id) > 64 || strings.ContainsAny(id, " \t\r\n") {
			id = newRequestID()
		}
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK, id: [1]string{id}}
		w.Header()["X-Request-Id"] = rec.id[:1:1]
		start := time.Now()
		next.ServeHTTP(rec, r)
		lvl := slog.LevelDebug
		if rec.status >= 500 {
			lvl = slog.LevelError
		} else if rec.status >= 400 {
			lvl = slog.LevelInfo
		}
		// Asked first, so that a line below the log's level costs no formatting.
		if log.Enabled(r.Context(), lvl) {
			log.Log(r.Context(), lvl, "request", "id", id, "method", r.Method, "path", r.URL.Path, "status", rec.status,
				"bytes", rec.bytes, "took", time.Since(start).Round(time.Microsecond))
		}
	})
}

// newRequestID is 16 random hex digits: unique enough to find one request's lines, and drawn from the runtime's
// per-thread generator rather than the operating system's, which costs a system call.
func newRequestID() string {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], mrand.Uint64())
	return hex.EncodeToString(b[:])
}

// statusRecorder captures the status and size of a response for the request log, and holds its request ID's header
// value (one allocation for both).
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
	id     [1]string
}

func (s *statusRecorder) WriteHeader(code int) { s.status = code; s.ResponseWriter.WriteHeader(code) }
func (s *statusRecorder) Write(b []byte) (int, error) {
	n, err := s.ResponseWriter.Write(b)
	s.bytes += n
	return n, err
}
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// contentSecurityPolicy allows only the dashboard's own scripts, styles (inline for charts) and API calls.
const contentSecurityPolicy = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
	"connect-src 'self'; font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"

// HostCheck refuses (421 Misdirected Request) a request whose Host, port aside, is not one of the server's names,
// so that a page on another name that a DNS-rebinding attack points at the server's address cannot read it through
// a visitor's browser. The balancers' health checks (/healthz, /readyz) often send no Host and pass. An empty list
// checks nothing.
func HostCheck(allowed []string, next http.Handler) http.Handler {
	if len(allowed) == 0 {
		return next
	}
	ok := map[string]bool{}
	for _, h := range allowed {
		ok[strings.ToLower(h)] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" || r.URL.Path == "/readyz" {
			next.ServeHTTP(w, r)
			return
		}
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		if !ok[strings.ToLower(strings.Trim(host, "[]"))] {
			WriteJSONError(w, http.StatusMisdirectedRequest, CodeMisdirected, "本服务器不接受这个主机名的请求。", nil)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// securityHeaders are the hardening headers every page, file and asset carries, their values shared read-only between
// responses (capacity = length, so that an Add copies).
var securityHeaders = [][2]string{
	{"X-Content-Type-Options", "nosniff"},
	{"X-Frame-Options", "DENY"},
	{"Referrer-Policy", "no-referrer"},
	{"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
	{"Cross-Origin-Opener-Policy", "same-origin"},
}

// apiPolicy is the policy of the API's JSON answers, stricter than the pages': such an answer loads nothing and may
// be framed by nobody (OWASP's REST Security Cheat Sheet).
const apiPolicy = "default-src 'none'; frame-ancestors 'none'"

// apiHeaders are the hardening headers of the API's answers (/graphql): no sniffing, no framing, nothing loaded.
// Referrer-Policy, Permissions-Policy and Cross-Origin-Opener-Policy govern what a document's scripts and links may
// do, and a JSON answer under apiPolicy runs no script and follows no link, so they are left to the pages. Fewer
// headers also keep an answer's header map within the size Go's maps hold without growing, which a cached answer
// pays for on every request.
var apiHeaders = [][2]string{
	{"Content-Security-Policy", apiPolicy},
	{"X-Content-Type-Options", "nosniff"},
	{"X-Frame-Options", "DENY"},
}

// SecurityHeaders sets the CSP and the usual hardening headers on every response: the pages' set, or the API's on
// /graphql.
func SecurityHeaders(next http.Handler) http.Handler {
	csp := []string{contentSecurityPolicy}[:1:1]
	shared := func(set [][2]string) [][]string {
		values := make([][]string, len(set))
		for i, kv := range set {
			values[i] = []string{kv[1]}[:1:1]
		}
		return values
	}
	pageValues, apiValues := shared(securityHeaders), shared(apiHeaders)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		if r.URL.Path == "/graphql" {
			for i, kv := range apiHeaders {
				h[kv[0]] = apiValues[i]
			}
			next.ServeHTTP(w, r)
			return
		}
		if len(h["Content-Security-Policy"]) == 0 {
			h["Content-Security-Policy"] = csp
		}
		for i, kv := range securityHeaders {
			h[kv[0]] = pageValues[i]
		}
		next.ServeHTTP(w, r)
	})
}

// graphiqlPolicy is the dashboard's policy plus what the embedded GraphiQL needs: its Monaco editor's web workers,
// which are hashed files of this origin. Nothing else is loosened: no CDN, no eval, no inline script.
const graphiqlPolicy = contentSecurityPolicy + "; worker-src 'self'"

// GraphiQLCSP sets the GraphiQL page's policy, which admits its editor's same-origin web workers.
func GraphiQLCSP(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", graphiqlPolicy)
		next.ServeHTTP(w, r)
	})
}

// LimitBody rejects bodies over max with 413, whether or not the client declared their length, before gqlgen
// reads them whole.
func LimitBody(max int64, next http.Handler) http.Handler {
	tooLarge := func(w http.ResponseWriter) {
		writeJSONErrorf(w, http.StatusRequestEntityTooLarge, CodePayloadTooLarge, "请求体过大（上限 %d 字节）。", max)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > max {
			tooLarge(w)
			return
		}
		if b, ok := r.Body.(*readBody); ok && b.Len() == len(b.data) {
			// Read whole already (the fast path), and not yet consumed.
			if int64(len(b.data)) > max {
				tooLarge(w)
				return
			}
			next.ServeHTTP(w, r)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			tooLarge(w)
			return
		} else if err != nil {
			WriteJSONError(w, http.StatusBadRequest, CodeBadRequest, "无法读取请求体。", nil)
			return
		}
		r.Body = newReadBody(body, r.Body)
		next.ServeHTTP(w, r)
	})
}
