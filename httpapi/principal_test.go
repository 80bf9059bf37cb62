package httpapi_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/cache"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/httpapi"
)

// lookupCounter counts the caller lookups that reach the database.
type lookupCounter struct {
	db.Backend
	lookups atomic.Int64
}

func (s *lookupCounter) SessionUser(ctx context.Context, hash string, now time.Time) (*db.User, error) {
	s.lookups.Add(1)
	return s.Backend.SessionUser(ctx, hash, now)
}

func (s *lookupCounter) TokenByHash(ctx context.Context, hash string, now time.Time) (*db.APIToken, error) {
	s.lookups.Add(1)
	return s.Backend.TokenByHash(ctx, hash, now)
}

func TestPrincipalTTL(t *testing.T) {
	ctx := context.Background()
	b, err := dial.Open(ctx, filepath.Join(t.TempDir(), "wenming.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	admin := db.WithPrincipal(ctx, &db.Principal{Username: "cli", Role: db.RoleAdmin, Via: "cli"})
	accounts := db.Accounts{Store: b, BcryptCost: 4}
	u, _, err := accounts.CreateUser(admin, "alice", "alice-pass-1", db.RoleEditor, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := accounts.CreateUser(admin, "boss", "boss-pass-1", db.RoleAdmin, ""); err != nil {
		t.Fatal(err)
	}
	counting := &lookupCounter{Backend: b}
	store := cache.New(counting, b, 16)
	const ttl = 300 * time.Millisecond
	a := &httpapi.Auth{Store: store, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), PrincipalTTL: ttl}
	h := a.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p := db.PrincipalFrom(r.Context()); p != nil {
			io.WriteString(w, string(p.Effective()))
		}
	}))
	session := func(t *testing.T, secret string) {
		t.Helper()
		if err := b.CreateSession(ctx, u.ID, db.HashSecret(secret), time.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	who := func(cookie, bearer string) string {
		r := httptest.NewRequest(http.MethodGet, "/graphql", nil)
		if cookie != "" {
			r.AddCookie(&http.Cookie{Name: httpapi.SessionCookie, Value: cookie})
		}
		if bearer != "" {
			r.Header.Set("Authorization", "Bearer "+bearer)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			return ""
		}
		return w.Body.String()
	}

	t.Run("OneLookupWithinTTL", func(t *testing.T) {
		session(t, "s1")
		before := counting.lookups.Load()
		for range 10 {
			if got := who("s1", ""); got != "EDITOR" {
				t.Fatalf("role = %q, want EDITOR", got)
			}
		}
		if n := counting.lookups.Load() - before; n != 1 {
			t.Fatalf("%d lookups for 10 requests within the TTL, want 1", n)
		}
	})
	t.Run("LogoutHereDropsAtOnce", func(t *testing.T) {
		session(t, "s2")
		who("s2", "")
		r := httptest.NewRequest(http.MethodPost, "/auth/logout", nil)
		r.AddCookie(&http.Cookie{Name: httpapi.SessionCookie, Value: "s2"})
		a.Logout(httptest.NewRecorder(), r)
		if got := who("s2", ""); got != "" {
			t.Fatalf("signed-out session still acts as %q", got)
		}
	})
	t.Run("RoleChangeHereDropsAtOnce", func(t *testing.T) {
		session(t, "s3")
		who("s3", "")
		if err := store.SetRole(ctx, u.ID, db.RoleViewer, nil); err != nil {
			t.Fatal(err)
		}
		defer store.SetRole(ctx, u.ID, db.RoleEditor, nil)
		if got := who("s3", ""); got != "VIEWER" {
			t.Fatalf("role after demotion = %q, want VIEWER at once", got)
		}
	})
	t.Run("RevokedTokenHereDropsAtOnce", func(t *testing.T) {
		secret := "wm_principal-test-token"
		tok := &db.APIToken{UserID: u.ID, Name: "t", Scope: db.ScopeRead, Hash: db.HashSecret(secret)}
		if err := b.CreateToken(ctx, tok); err != nil {
			t.Fatal(err)
		}
		if got := who("", secret); got != "VIEWER" {
			t.Fatalf("token acts as %q, want VIEWER", got)
		}
		if err := store.RevokeToken(ctx, tok.ID, time.Now()); err != nil {
			t.Fatal(err)
		}
		if got := who("", secret); got != "" {
			t.Fatalf("revoked token still acts as %q", got)
		}
	})
	t.Run("ChangeElsewhereWithinTTL", func(t *testing.T) {
		// Another replica ends the session: this one may honour it until the TTL runs out, never longer.
		session(t, "s4")
		who("s4", "")
		if err := b.DeleteSession(ctx, db.HashSecret("s4")); err != nil {
			t.Fatal(err)
		}
		time.Sleep(ttl + 50*time.Millisecond)
		if got := who("s4", ""); got != "" {
			t.Fatalf("session ended elsewhere still acts as %q after the TTL", got)
		}
	})
	t.Run("OffWithoutTTL", func(t *testing.T) {
		a := &httpapi.Auth{Store: store, Log: a.Log}
		h := a.Middleware(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
		session(t, "s5")
		before := counting.lookups.Load()
		for range 3 {
			r := httptest.NewRequest(http.MethodGet, "/graphql", nil)
			r.AddCookie(&http.Cookie{Name: httpapi.SessionCookie, Value: "s5"})
			h.ServeHTTP(httptest.NewRecorder(), r)
		}
		if n := counting.lookups.Load() - before; n != 3 {
			t.Fatalf("%d lookups for 3 requests without a TTL, want 3", n)
		}
	})
}

// TestPrincipalStamp: over SQLite a caller is reused while nothing was committed since it was looked up, and any
// commit by any opening of the file (another process, the CLI) makes the next request look it up again.
func TestPrincipalStamp(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "wenming.db")
	b, err := dial.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	elsewhere, err := dial.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer elsewhere.Close()
	admin := db.WithPrincipal(ctx, &db.Principal{Username: "cli", Role: db.RoleAdmin, Via: "cli"})
	u, _, err := db.Accounts{Store: b, BcryptCost: 4}.CreateUser(admin, "carol", "carol-pass-1", db.RoleEditor, "")
	if err != nil {
		t.Fatal(err)
	}
	stamp, ok := b.(interface{ ChangeStamp() (string, bool) })
	if !ok {
		t.Fatal("the SQLite backend has no ChangeStamp")
	}
	counting := &lookupCounter{Backend: b}
	a := &httpapi.Auth{Store: cache.New(counting, b, 16), Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Stamp: stamp.ChangeStamp}
	h := a.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p := db.PrincipalFrom(r.Context()); p != nil {
			io.WriteString(w, string(p.Effective()))
		}
	}))
	who := func(bearer string) string {
		r := httptest.NewRequest(http.MethodGet, "/graphql", nil)
		r.Header.Set("Authorization", "Bearer "+bearer)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			return ""
		}
		return w.Body.String()
	}
	secret := "wm_stamp-test-token"
	tok := &db.APIToken{UserID: u.ID, Name: "t", Scope: db.ScopeWrite, Hash: db.HashSecret(secret)}
	if err := b.CreateToken(ctx, tok); err != nil {
		t.Fatal(err)
	}
	t.Run("ReusedWhileNothingCommitted", func(t *testing.T) {
		who(secret) // looks up, and records the token's first use (a commit)
		before := counting.lookups.Load()
		for range 10 {
			if got := who(secret); got != "EDITOR" {
				t.Fatalf("role %q, want EDITOR", got)
			}
		}
		if n := counting.lookups.Load() - before; n > 1 {
			t.Errorf("%d lookups for 10 requests with no commit, want at most 1", n)
		}
	})
	t.Run("RevokedElsewhereRefusedAtOnce", func(t *testing.T) {
		if err := elsewhere.RevokeToken(ctx, tok.ID, time.Now()); err != nil {
			t.Fatal(err)
		}
		if got := who(secret); got != "" {
			t.Errorf("a token revoked by another opening still acts as %q", got)
		}
	})
}
