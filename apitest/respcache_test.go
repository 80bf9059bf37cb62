package apitest

import (
	"strings"
	"testing"
)

// TestResponseCache checks, through the whole server, that a write which bumps the data version is seen by the very
// next request (within the replica bound on PostgreSQL); httpapi's tests prove that a repeat is served from the cache.
func TestResponseCache(t *testing.T) {
	m := MustRunMain(t)
	const q = `{ units(first: 1) { totalCount } }`
	type units struct {
		Units struct{ TotalCount int } `json:"units"`
	}
	first := Query[units](t, m.URL(), q, nil).Units.TotalCount
	t.Run("AfterWrite", func(t *testing.T) {
		writeElsewhere(t, m, "缓存测试厅（演示）")
		got := 0
		if !eventually(m, func() bool { got = Query[units](t, m.URL(), q, nil).Units.TotalCount; return got == first+1 }) {
			t.Fatalf("after a write = %d, want %d", got, first+1)
		}
	})
}

// TestResponseCacheSkipsPrivateQueries checks that answers which depend on the caller, or on accounts (which do
// not bump the data version), are never served from the cache.
func TestResponseCacheSkipsPrivateQueries(t *testing.T) {
	m := SignedOut(t)
	admin, _ := Login(t, m.URL(), "admin", AdminPassword)
	const usersQ = `{ users { username } }`
	before := As(t, m.URL(), admin, usersQ, nil)
	r := As(t, m.URL(), admin, `mutation { createUser(username: "second-admin", password: "password-123", role: ADMIN) { id } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	t.Run("AccountsAreFresh", func(t *testing.T) {
		after := As(t, m.URL(), admin, usersQ, nil)
		if string(after.Data) == string(before.Data) {
			t.Fatalf("users list served stale from the cache: %s", after.Data)
		}
	})
	t.Run("ViewerIsPerCaller", func(t *testing.T) {
		second, _ := Login(t, m.URL(), "second-admin", "password-123")
		const q = `{ viewer { user { username } } }`
		a := As(t, m.URL(), admin, q, nil)
		b := As(t, m.URL(), second, q, nil)
		if !strings.Contains(string(a.Data), `"admin"`) || !strings.Contains(string(b.Data), `"second-admin"`) {
			t.Fatalf("viewer answers mixed up: %s / %s", a.Data, b.Data)
		}
	})
}
