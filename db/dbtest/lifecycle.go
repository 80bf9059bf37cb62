package dbtest

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wenming/wenming/db"
)

// testBootstrap runs the first start twice, as two replicas or a restart would: the first loads the dataset and
// creates the admin, the second does nothing.
func testBootstrap(t *testing.T, open Opener) {
	ctx := context.Background()
	d := open(t)
	opts := db.BootstrapOptions{Dataset: func() (*db.Dataset, error) { return baseDataset(), nil }, BcryptCost: 4}
	t.Run("FirstStartSeedsAndCreatesAdmin", func(t *testing.T) {
		res, err := db.Bootstrap(ctx, d, opts)
		if err != nil {
			t.Fatal(err)
		}
		if res.Seeded == nil || !res.AdminCreated || len(res.GeneratedPassword) < 12 {
			t.Fatalf("first start = %+v, want seeded, admin created with a generated password", res)
		}
		if empty, err := d.IsEmpty(ctx); err != nil || empty {
			t.Fatalf("IsEmpty after bootstrap = %v, %v", empty, err)
		}
		admin, err := d.UserByUsername(ctx, "admin")
		if err != nil {
			t.Fatal(err)
		}
		if admin.Role != db.RoleAdmin || !db.CheckPassword(admin.PasswordHash, res.GeneratedPassword) {
			t.Fatalf("admin = %+v, want an admin whose password is the generated one", admin)
		}
	})
	t.Run("SecondStartDoesNothing", func(t *testing.T) {
		before, _ := d.DatasetInfo(ctx)
		called := false
		o := opts
		o.Dataset = func() (*db.Dataset, error) { called = true; return baseDataset(), nil }
		res, err := db.Bootstrap(ctx, d, o)
		if err != nil {
			t.Fatal(err)
		}
		if res.Seeded != nil || res.AdminCreated || res.GeneratedPassword != "" || called {
			t.Fatalf("second start = %+v (dataset built: %v), want nothing done", res, called)
		}
		after, _ := d.DatasetInfo(ctx)
		assertEqual(t, "data version", after.Version, before.Version)
		users, err := d.Users(ctx)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "users", len(users), 1)
	})
	t.Run("ExclusiveRunsOneAtATime", func(t *testing.T) {
		var inside, most atomic.Int32
		var wg sync.WaitGroup
		for range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				err := d.Exclusive(ctx, func(ctx context.Context) error {
					n := inside.Add(1)
					for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
					}
					time.Sleep(20 * time.Millisecond)
					inside.Add(-1)
					return nil
				})
				if err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		assertEqual(t, "most at once", most.Load(), int32(1))
		boom := errors.New("boom")
		if err := d.Exclusive(ctx, func(context.Context) error { return boom }); !errors.Is(err, boom) {
			t.Fatalf("Exclusive returned %v, want fn's error", err)
		}
	})
}

// testChanges checks the change source: every write moves the data version, and WatchChanges reports it.
func testChanges(t *testing.T, open Opener) {
	d := mustOpenLoaded(t, open, writeDataset())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch := d.WatchChanges(ctx, 10*time.Millisecond)
	var first int64
	select {
	case first = <-ch:
	case <-time.After(5 * time.Second):
		t.Fatal("WatchChanges sent no first version")
	}
	t.Run("FirstIsCurrentVersion", func(t *testing.T) {
		assertEqual(t, "first version", first, dataVersion(t, d))
	})
	t.Run("WriteIsReported", func(t *testing.T) {
		if _, err := d.CreateUnit(editorCtx(), db.UnitFields{Name: "省变更测试厅", Kind: "机关"}); err != nil {
			t.Fatal(err)
		}
		want := dataVersion(t, d)
		if want <= first {
			t.Fatalf("data version %d after a write, was %d", want, first)
		}
		deadline := time.After(5 * time.Second)
		for {
			select {
			case v := <-ch:
				if v == want {
					return
				}
			case <-deadline:
				t.Fatalf("WatchChanges never sent %d", want)
			}
		}
	})
	t.Run("ClosesWhenDone", func(t *testing.T) {
		cancel()
		deadline := time.After(5 * time.Second)
		for {
			select {
			case _, ok := <-ch:
				if !ok {
					return
				}
			case <-deadline:
				t.Fatal("WatchChanges did not close after the context ended")
			}
		}
	})
}

// testAuth covers the account store: users, roles, sessions and API tokens.
func testAuth(t *testing.T, open Opener) {
	ctx := context.Background()
	d := open(t)
	now := time.Now()
	if ok, err := d.HasAdmin(ctx); err != nil || ok {
		t.Fatalf("HasAdmin on a fresh database = %v, %v", ok, err)
	}
	u := &db.User{Username: "editor1", DisplayName: "编辑", Role: db.RoleEditor, PasswordHash: "h1"}
	if err := d.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	t.Run("CreateUser", func(t *testing.T) {
		if u.ID == 0 {
			t.Fatal("CreateUser set no ID")
		}
		got, err := d.UserByID(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "username", got.Username, "editor1")
		assertEqual(t, "role", got.Role, db.RoleEditor)
		assertCode(t, d.CreateUser(ctx, &db.User{Username: "editor1", Role: db.RoleViewer, PasswordHash: "x"}), db.ECONFLICT)
		_, err = d.UserByUsername(ctx, "nobody")
		assertCode(t, err, db.ENOTFOUND)
	})
	t.Run("RoleAndPassword", func(t *testing.T) {
		if err := d.SetPassword(ctx, u.ID, "h2"); err != nil {
			t.Fatal(err)
		}
		if err := d.SetRole(ctx, u.ID, db.RoleAdmin, nil); err != nil {
			t.Fatal(err)
		}
		got, _ := d.UserByUsername(ctx, "editor1")
		assertEqual(t, "hash", got.PasswordHash, "h2")
		assertEqual(t, "role", got.Role, db.RoleAdmin)
		if ok, err := d.HasAdmin(ctx); err != nil || !ok {
			t.Fatalf("HasAdmin = %v, %v", ok, err)
		}
		users, err := d.Users(ctx)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "users", len(users), 1)
	})
	t.Run("Sessions", func(t *testing.T) {
		if err := d.CreateSession(ctx, u.ID, "s1", now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := d.CreateSession(ctx, u.ID, "s-old", now.Add(-time.Minute)); err != nil {
			t.Fatal(err)
		}
		got, err := d.SessionUser(ctx, "s1", now)
		if err != nil || got.ID != u.ID {
			t.Fatalf("SessionUser = %+v, %v", got, err)
		}
		_, err = d.SessionUser(ctx, "s-old", now)
		assertCode(t, err, db.ENOTFOUND)
		if err := d.DeleteSession(ctx, "s1"); err != nil {
			t.Fatal(err)
		}
		_, err = d.SessionUser(ctx, "s1", now)
		assertCode(t, err, db.ENOTFOUND)
	})
	t.Run("Tokens", func(t *testing.T) {
		tok := &db.APIToken{UserID: u.ID, Name: "报表", Scope: db.ScopeRead, Hash: "t1"}
		if err := d.CreateToken(ctx, tok); err != nil {
			t.Fatal(err)
		}
		got, err := d.TokenByHash(ctx, "t1", now)
		if err != nil || got.ID != tok.ID || got.LastUsedAt == nil {
			t.Fatalf("TokenByHash = %+v, %v; want the token with its use recorded", got, err)
		}
		list, err := d.Tokens(ctx, u.ID)
		if err != nil || len(list) != 1 {
			t.Fatalf("Tokens = %v, %v", list, err)
		}
		if err := d.RevokeToken(ctx, tok.ID, now); err != nil {
			t.Fatal(err)
		}
		_, err = d.TokenByHash(ctx, "t1", now)
		assertCode(t, err, db.ENOTFOUND)
		byID, err := d.TokenByID(ctx, tok.ID)
		if err != nil || byID.RevokedAt == nil {
			t.Fatalf("TokenByID = %+v, %v; want it revoked", byID, err)
		}
	})
	t.Run("ErrLastAdminKeepsAccess", func(t *testing.T) {
		disabled := true
		err := d.SetRole(ctx, u.ID, db.RoleAdmin, &disabled)
		assertCode(t, err, db.ECONFLICT)
		assertCode(t, d.SetRole(ctx, u.ID, db.RoleViewer, nil), db.ECONFLICT)
	})
	t.Run("DisabledUserLosesSessionsAndTokens", func(t *testing.T) {
		if err := d.CreateSession(ctx, u.ID, "s2", now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := d.CreateToken(ctx, &db.APIToken{UserID: u.ID, Name: "二", Scope: db.ScopeWrite, Hash: "t2"}); err != nil {
			t.Fatal(err)
		}
		// Another admin first: the last usable admin may not be disabled.
		if err := d.CreateUser(ctx, &db.User{Username: "admin2", Role: db.RoleAdmin, PasswordHash: "h3"}); err != nil {
			t.Fatal(err)
		}
		disabled := true
		if err := d.SetRole(ctx, u.ID, db.RoleAdmin, &disabled); err != nil {
			t.Fatal(err)
		}
		_, err := d.SessionUser(ctx, "s2", now)
		assertCode(t, err, db.ENOTFOUND)
		_, err = d.TokenByHash(ctx, "t2", now)
		assertCode(t, err, db.ENOTFOUND)
	})
	t.Run("PasswordResetEndsSessionsAndRevokesTokens", func(t *testing.T) {
		v := &db.User{Username: "viewer9", Role: db.RoleViewer, PasswordHash: "h9"}
		if err := d.CreateUser(ctx, v); err != nil {
			t.Fatal(err)
		}
		other, err := d.UserByUsername(ctx, "admin2")
		if err != nil {
			t.Fatal(err)
		}
		if err := d.CreateSession(ctx, v.ID, "s9", now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		mine := &db.APIToken{UserID: v.ID, Name: "九", Scope: db.ScopeRead, Hash: "t9"}
		theirs := &db.APIToken{UserID: other.ID, Name: "十", Scope: db.ScopeRead, Hash: "t10"}
		for _, tok := range []*db.APIToken{mine, theirs} {
			if err := d.CreateToken(ctx, tok); err != nil {
				t.Fatal(err)
			}
		}
		if err := d.SetPassword(ctx, v.ID, "h9-new"); err != nil {
			t.Fatal(err)
		}
		_, err = d.SessionUser(ctx, "s9", now)
		assertCode(t, err, db.ENOTFOUND)
		_, err = d.TokenByHash(ctx, "t9", now)
		assertCode(t, err, db.ENOTFOUND)
		if got, err := d.TokenByID(ctx, mine.ID); err != nil || got.RevokedAt == nil {
			t.Fatalf("the user's token after a password reset: %+v, %v; want it listed as revoked", got, err)
		}
		if _, err := d.TokenByHash(ctx, "t10", now); err != nil {
			t.Fatalf("another user's token ended with the reset: %v", err)
		}
		assertCode(t, d.SetPassword(ctx, 999999, "x"), db.ENOTFOUND)
	})
}
