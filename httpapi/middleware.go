// HTTP middleware: request IDs and logging, security headers, body limits.

package httpapi

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"
)

type requestIDKey struct{}

// RequestLog gives every request an ID (kept from X-Request-Id when sane), echoes it, and logs the outcome.
func RequestLog(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-Id")
		if id == "" || len(id) > 64 || strings.ContainsAny(id, " \t\r\n") {
			var b [8]byte
			rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		w.Header().Set("X-Request-Id", id)
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		start := time.Now()
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), requestIDKey{}, id)))
		lvl := slog.LevelDebug
		if rec.status >= 500 {
			lvl = slog.LevelError
		} else if rec.status >= 400 {
			lvl = slog.LevelInfo
		}
		log.Log(r.Context(), lvl, "request", "id", id, "method", r.Method, "path", r.URL.Path, "status", rec.status,
			"bytes", rec.bytes, "took", time.Since(start).Round(time.Microsecond))
	})
}

// statusRecorder captures the status and size of a response for the request log.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
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

// SecurityHeaders sets the CSP and the usual hardening headers on every response.
func SecurityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		if h.Get("Content-Security-Policy") == "" {
			h.Set("Content-Security-Policy", contentSecurityPolicy)
		}
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
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
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			tooLarge(w)
			return
		} else if err != nil {
			WriteJSONError(w, http.StatusBadRequest, CodeBadRequest, "无法读取请求体。", nil)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}
