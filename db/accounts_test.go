package db_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
)

func as(role db.Role, userID int64, via string) context.Context {
	return db.WithPrincipal(context.Background(), &db.Principal{UserID: userID, Username: "u", Role: role, Via: via})
}

func TestAccounts(t *testing.T) {
	d, err := dial.Open(context.Background(), filepath.Join(t.TempDir(), "wenming.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	acc := db.Accounts{Store: d, BcryptCost: 4}
	ctx := context.Background()

	t.Run("EnsureAdminOnce", func(t *testing.T) {
		created, generated, err := acc.EnsureAdmin(ctx, "")
		if err != nil || !created || len(generated) < 12 {
			t.Fatalf("first = %v %q %v, want created with a generated password", created, generated, err)
		}
		if created, _, err := acc.EnsureAdmin(ctx, "another-password"); err != nil || created {
			t.Fatalf("second = %v %v, want nothing created", created, err)
		}
	})
	admin, err := d.UserByUsername(ctx, "admin")
	if err != nil {
		t.Fatal(err)
	}
	adminCtx := as(db.RoleAdmin, admin.ID, "session")
	viewer, _, err := acc.CreateUser(adminCtx, "viewer1", "viewer-pass-1", db.RoleViewer, "查看员")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("OnlyAdminsCreateUsers", func(t *testing.T) {
		_, _, err := acc.CreateUser(as(db.RoleEditor, 9, "session"), "x", "password-1", db.RoleViewer, "")
		if db.ErrorCode(err) != db.EFORBIDDEN {
			t.Fatalf("editor creating a user: %v", err)
		}
	})
	t.Run("ErrShortPassword", func(t *testing.T) {
		_, _, err := acc.CreateUser(adminCtx, "shorty", "short", db.RoleViewer, "")
		if db.ErrorCode(err) != db.EINVALID || db.ErrorField(err) != "password" {
			t.Fatalf("short password: %v", err)
		}
	})
	t.Run("ErrUnknownRole", func(t *testing.T) {
		_, _, err := acc.CreateUser(adminCtx, "r", "password-1", db.Role("BOSS"), "")
		if db.ErrorCode(err) != db.EINVALID {
			t.Fatalf("unknown role: %v", err)
		}
	})
	viewerCtx := as(db.RoleViewer, viewer.ID, "session")
	t.Run("ViewerTokensAreReadOnly", func(t *testing.T) {
		if _, _, err := acc.IssueToken(viewerCtx, viewer.ID, "excel", db.ScopeWrite, nil); db.ErrorCode(err) != db.EINVALID {
			t.Fatalf("viewer WRITE token: %v", err)
		}
		tok, secret, err := acc.IssueToken(viewerCtx, viewer.ID, "excel", db.ScopeRead, nil)
		if err != nil || tok.ID == 0 || len(secret) < 20 || tok.Hash != db.HashSecret(secret) {
			t.Fatalf("viewer READ token: %+v %v", tok, err)
		}
	})
	t.Run("NoTokenFromAToken", func(t *testing.T) {
		if _, _, err := acc.IssueToken(as(db.RoleViewer, viewer.ID, "token"), viewer.ID, "x", db.ScopeRead, nil); db.ErrorCode(err) != db.EFORBIDDEN {
			t.Fatalf("token from a token: %v", err)
		}
	})
	t.Run("OnlyAdminsIssueForOthers", func(t *testing.T) {
		if _, _, err := acc.IssueToken(viewerCtx, admin.ID, "x", db.ScopeRead, nil); db.ErrorCode(err) != db.EFORBIDDEN {
			t.Fatalf("viewer issuing for the admin: %v", err)
		}
		if _, _, err := acc.IssueToken(adminCtx, viewer.ID, "for-viewer", db.ScopeRead, nil); err != nil {
			t.Fatalf("admin issuing for a viewer: %v", err)
		}
	})
	t.Run("ErrExpiry", func(t *testing.T) {
		days := 0
		if _, _, err := acc.IssueToken(viewerCtx, viewer.ID, "x", db.ScopeRead, &days); db.ErrorField(err) != "expiresInDays" {
			t.Fatalf("0 days: %v", err)
		}
	})
	// The security review's finding 7: a token made without expiresInDays never expired.
	t.Run("TokenLifetimes", func(t *testing.T) {
		day := 24 * time.Hour
		for _, c := range []struct {
			name string
			ctx  context.Context
			user int64
			days *int
			want time.Duration // 0: refused with EINVALID on expiresInDays
		}{
			{"DefaultNinetyDays", viewerCtx, viewer.ID, nil, 90 * day},
			{"ViewerAYear", viewerCtx, viewer.ID, intp(365), 365 * day},
			{"ErrViewerPastAYear", viewerCtx, viewer.ID, intp(366), 0},
			{"ErrAdminIssuingForAViewerPastAYear", adminCtx, viewer.ID, intp(3650), 0},
			{"AdminTenYears", adminCtx, admin.ID, intp(3650), 3650 * day},
			{"ErrAdminPastTenYears", adminCtx, admin.ID, intp(3651), 0},
			{"ErrNegative", adminCtx, admin.ID, intp(-1), 0},
		} {
			t.Run(c.name, func(t *testing.T) {
				tok, _, err := acc.IssueToken(c.ctx, c.user, "lifetime", db.ScopeRead, c.days)
				if c.want == 0 {
					if db.ErrorCode(err) != db.EINVALID || db.ErrorField(err) != "expiresInDays" {
						t.Fatalf("err = %v, want EINVALID on expiresInDays", err)
					}
					return
				}
				if err != nil || tok.ExpiresAt == nil {
					t.Fatalf("token %+v, %v; want one that expires", tok, err)
				}
				if got := time.Until(*tok.ExpiresAt); got < c.want-time.Minute || got > c.want+time.Minute {
					t.Fatalf("expires in %v, want %v", got, c.want)
				}
			})
		}
	})
	t.Run("TokensWithoutExpiryForAdmins", func(t *testing.T) {
		legacy := &db.APIToken{UserID: viewer.ID, Name: "legacy", Scope: db.ScopeRead, Hash: "legacy-hash"}
		if err := d.CreateToken(ctx, legacy); err != nil {
			t.Fatal(err)
		}
		if _, err := acc.TokensWithoutExpiry(viewerCtx); db.ErrorCode(err) != db.EFORBIDDEN {
			t.Fatalf("viewer listing: %v", err)
		}
		list, err := acc.TokensWithoutExpiry(adminCtx)
		if err != nil || len(list) != 1 || list[0].ID != legacy.ID {
			t.Fatalf("listed %+v, %v; want only the legacy token", list, err)
		}
		d.RevokeToken(ctx, legacy.ID, time.Now())
		if list, _ := acc.TokensWithoutExpiry(adminCtx); len(list) != 0 {
			t.Fatalf("a revoked token is still listed: %+v", list)
		}
	})
	t.Run("PasswordsSelfWithTheCurrentOneOrAdmin", func(t *testing.T) {
		if _, err := acc.SetPassword(viewerCtx, admin.ID, "new-password-1", nil); db.ErrorCode(err) != db.EFORBIDDEN {
			t.Fatalf("viewer changing the admin's password: %v", err)
		}
		if _, err := acc.SetPassword(viewerCtx, viewer.ID, "new-password-1", nil); db.ErrorCode(err) != db.EINVALID || db.ErrorField(err) != "currentPassword" {
			t.Fatalf("own password without the current one: %v", err)
		}
		wrong := "not-the-password"
		if _, err := acc.SetPassword(viewerCtx, viewer.ID, "new-password-1", &wrong); db.ErrorCode(err) != db.EINVALID || db.ErrorField(err) != "currentPassword" {
			t.Fatalf("own password with a wrong current one: %v", err)
		}
		if _, err := acc.SetPassword(as(db.RoleAdmin, admin.ID, "token"), viewer.ID, "new-password-1", nil); db.ErrorCode(err) != db.EFORBIDDEN {
			t.Fatalf("an admin's token setting another's password: %v", err)
		}
		if _, err := acc.SetPassword(adminCtx, viewer.ID, "new-password-2", nil); err != nil {
			t.Fatalf("admin setting the viewer's password: %v", err)
		}
		current := "new-password-2"
		if _, err := acc.SetPassword(viewerCtx, viewer.ID, "new-password-3", &current); err != nil {
			t.Fatalf("own password with the current one: %v", err)
		}
	})
	t.Run("UsernamesAreBounded", func(t *testing.T) {
		for _, name := range []string{strings.Repeat("a", db.MaxUsernameLength+1), "a b", "x\u200by", "=cmd", ""} {
			if _, _, err := acc.CreateUser(adminCtx, name, "password-1", db.RoleViewer, ""); db.ErrorCode(err) != db.EINVALID || db.ErrorField(err) != "username" {
				t.Errorf("username %q: %v", name, err)
			}
		}
		if _, _, err := acc.CreateUser(adminCtx, "张三.zhang_3-x@office", "password-1", db.RoleViewer, ""); err != nil {
			t.Errorf("a Chinese name with marks: %v", err)
		}
	})
	t.Run("AccountAdministrationNeedsASession", func(t *testing.T) {
		tokenCtx := as(db.RoleAdmin, admin.ID, "token")
		if _, _, err := acc.CreateUser(tokenCtx, "minted", "password-1", db.RoleAdmin, ""); db.ErrorCode(err) != db.EFORBIDDEN {
			t.Errorf("createUser with a token: %v", err)
		}
		if _, err := acc.SetRole(tokenCtx, viewer.ID, db.RoleAdmin, nil); db.ErrorCode(err) != db.EFORBIDDEN {
			t.Errorf("setRole with a token: %v", err)
		}
		if _, _, err := acc.IssueToken(tokenCtx, admin.ID, "longer", db.ScopeWrite, intp(3650)); db.ErrorCode(err) != db.EFORBIDDEN {
			t.Errorf("createApiToken with a token: %v", err)
		}
	})
	t.Run("DisablingRevokesTokens", func(t *testing.T) {
		tok, _, err := acc.IssueToken(adminCtx, viewer.ID, "sheet", db.ScopeRead, nil)
		if err != nil {
			t.Fatal(err)
		}
		yes, no := true, false
		if _, err := acc.SetRole(adminCtx, viewer.ID, db.RoleViewer, &yes); err != nil {
			t.Fatal(err)
		}
		if _, err := acc.SetRole(adminCtx, viewer.ID, db.RoleViewer, &no); err != nil {
			t.Fatal(err)
		}
		if _, err := d.TokenByHash(ctx, tok.Hash, time.Now()); db.ErrorCode(err) != db.ENOTFOUND {
			t.Errorf("a disabled and re-enabled user's token still works: %v", err)
		}
	})
}

func intp(n int) *int { return &n }

func TestLogNameIsCut(t *testing.T) {
	if got := db.LogName(strings.Repeat("a", 4000)); len([]rune(got)) != 33 {
		t.Errorf("a 4000-character name logs as %d characters", len([]rune(got)))
	}
	if got := db.LogName("张三"); got != "张三" {
		t.Errorf("a short name changed: %q", got)
	}
}
