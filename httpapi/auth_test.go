package httpapi_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/httpapi"
)

// flakyStore fails session lookups as an unreachable database would, while down is set.
type flakyStore struct {
	db.Backend
	down bool
}

func (s *flakyStore) SessionUser(ctx context.Context, hash string, now time.Time) (*db.User, error) {
	if s.down {
		return nil, errors.New("dial tcp 127.0.0.1:5432: connect: connection refused")
	}
	return s.Backend.SessionUser(ctx, hash, now)
}

// recordingLimiter remembers the address each sign-in attempt is charged to.
type recordingLimiter struct{ ips []string }

func (l *recordingLimiter) Admit(_ context.Context, ip, _ string) bool {
	l.ips = append(l.ips, ip)
	return true
}
func (l *recordingLimiter) Failed(context.Context, string)            {}
func (l *recordingLimiter) Succeeded(context.Context, string, string) {}

func TestAuthMiddleware(t *testing.T) {
	ctx := context.Background()
	b, err := dial.Open(ctx, filepath.Join(t.TempDir(), "wenming.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	admin := db.WithPrincipal(ctx, &db.Principal{Username: "cli", Role: db.RoleAdmin, Via: "cli"})
	u, _, err := db.Accounts{Store: b, BcryptCost: 4}.CreateUser(admin, "alice", "alice-pass-1", db.RoleEditor, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := b.CreateSession(ctx, u.ID, db.HashSecret("cookie-secret"), time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	store := &flakyStore{Backend: b}
	lim := &recordingLimiter{}
	a := &httpapi.Auth{Store: store, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), BcryptCost: 4, Limiter: lim,
		TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}}
	var seen *db.Principal
	h := a.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { seen = db.PrincipalFrom(r.Context()) }))
	get := func(cookie string) *httptest.ResponseRecorder {
		seen = nil
		r := httptest.NewRequest(http.MethodGet, "/graphql?query={dataset{version}}", nil)
		r.AddCookie(&http.Cookie{Name: httpapi.SessionCookie, Value: cookie})
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}

	t.Run("SessionSignsIn", func(t *testing.T) {
		if w := get("cookie-secret"); w.Code != 200 || seen == nil || seen.Username != "alice" {
			t.Fatalf("status %d, principal %+v", w.Code, seen)
		}
	})
	t.Run("OutageKeepsTheCookie", func(t *testing.T) {
		store.down = true
		defer func() { store.down = false }()
		w := get("cookie-secret")
		if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), "SERVICE_UNAVAILABLE") {
			t.Fatalf("status %d body %s, want 503 SERVICE_UNAVAILABLE", w.Code, w.Body)
		}
		if c := w.Header().Get("Set-Cookie"); c != "" {
			t.Fatalf("an outage cleared the cookie: %s", c)
		}
	})
	t.Run("UnknownSessionClearsTheCookie", func(t *testing.T) {
		w := get("no-such-session")
		if c := w.Header().Get("Set-Cookie"); !strings.Contains(c, "Max-Age=0") {
			t.Fatalf("Set-Cookie %q, want the cookie cleared", c)
		}
	})
	t.Run("ClientBehindATrustedProxy", func(t *testing.T) {
		login := func(remote, xff string) string {
			lim.ips = nil
			r := httptest.NewRequest(http.MethodPost, "/auth/login", strings.NewReader(`{"username":"alice","password":"alice-pass-1"}`))
			r.Header.Set("Content-Type", "application/json")
			r.RemoteAddr = remote
			if xff != "" {
				r.Header.Set("X-Forwarded-For", xff)
			}
			a.Login(httptest.NewRecorder(), r)
			if len(lim.ips) != 1 {
				t.Fatalf("limiter charged %v", lim.ips)
			}
			return lim.ips[0]
		}
		if ip := login("10.0.0.7:4000", "203.0.113.5, 10.0.0.2"); ip != "203.0.113.5" {
			t.Errorf("behind the balancer: charged %s, want the client 203.0.113.5", ip)
		}
		if ip := login("198.51.100.9:4000", "203.0.113.5"); ip != "198.51.100.9" {
			t.Errorf("an untrusted peer's X-Forwarded-For was believed: charged %s", ip)
		}
	})
}
