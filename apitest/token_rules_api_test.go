package apitest

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/wenming/wenming/db"
)

// TestTokenRulesAPI covers the security review's finding 7 and the password-reset decision through the real server:
// tokens expire after 90 days unless asked otherwise, a viewer's after at most 365; tokens made before that rule and
// never expiring are listed for admins, who revoke them; a password reset revokes the user's tokens.
func TestTokenRulesAPI(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	r := As(t, base, admin, `mutation { createUser(username: "reporter", password: "password-123", role: VIEWER) { id } }`, nil)
	var created struct{ CreateUser struct{ ID string } }
	json.Unmarshal(r.Data, &created)
	reporterID := created.CreateUser.ID
	reporter, _ := Login(t, base, "reporter", "password-123")

	newToken := func(h http.Header, days any) (string, string, Response) {
		r := As(t, base, h, `mutation($d: Int) { createApiToken(name: "excel", scope: READ, expiresInDays: $d) { secret token { expiresAt } } }`, map[string]any{"d": days})
		var d struct {
			CreateApiToken struct {
				Secret string
				Token  struct{ ExpiresAt string }
			}
		}
		json.Unmarshal(r.Data, &d)
		return d.CreateApiToken.Secret, d.CreateApiToken.Token.ExpiresAt, r
	}
	t.Run("NinetyDaysByDefault", func(t *testing.T) {
		_, expires, r := newToken(reporter, nil)
		at, err := time.Parse(time.RFC3339, expires)
		if len(r.Errors) > 0 || err != nil {
			t.Fatalf("expiresAt %q: %v %+v", expires, err, r.Errors)
		}
		if d := time.Until(at); d < 89*24*time.Hour || d > 90*24*time.Hour+time.Minute {
			t.Fatalf("a token without expiresInDays expires in %v, want 90 days", d)
		}
	})
	t.Run("ViewerAtMostAYear", func(t *testing.T) {
		_, _, r := newToken(reporter, 366)
		if e := WantCode(t, r.Errors, "BAD_USER_INPUT"); e.Extensions["field"] != "expiresInDays" || !HasCJK(e.Message) || !strings.Contains(e.Message, "365") {
			t.Fatalf("error %+v", e)
		}
		if _, _, r := newToken(reporter, 365); len(r.Errors) > 0 {
			t.Fatalf("365 days refused: %+v", r.Errors)
		}
	})
	t.Run("AdminAtMostTenYears", func(t *testing.T) {
		if _, _, r := newToken(admin, 3650); len(r.Errors) > 0 {
			t.Fatalf("3,650 days refused for an admin: %+v", r.Errors)
		}
		_, _, r := newToken(admin, 3651)
		WantCode(t, r.Errors, "BAD_USER_INPUT")
	})

	// A token from before the rule, stored without an expiry.
	legacySecret := "wm_legacy-token-without-expiry"
	u, err := m.Backend.UserByUsername(context.Background(), "reporter")
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Backend.CreateToken(context.Background(), &db.APIToken{UserID: u.ID, Name: "旧报表", Scope: db.ScopeRead, Hash: db.HashSecret(legacySecret)}); err != nil {
		t.Fatal(err)
	}
	t.Run("NoExpiryListedForAdmins", func(t *testing.T) {
		r := As(t, base, admin, `{ apiTokens(noExpiry: true) { id name expiresAt owner { username } } }`, nil)
		var d struct {
			APITokens []struct {
				ID, Name  string
				ExpiresAt *string
				Owner     struct{ Username string }
			} `json:"apiTokens"`
		}
		json.Unmarshal(r.Data, &d)
		if len(r.Errors) > 0 || len(d.APITokens) != 1 || d.APITokens[0].Name != "旧报表" || d.APITokens[0].Owner.Username != "reporter" || d.APITokens[0].ExpiresAt != nil {
			t.Fatalf("apiTokens(noExpiry) = %s %+v; want only reporter's legacy token", r.Data, r.Errors)
		}
		WantCode(t, As(t, base, reporter, `{ apiTokens(noExpiry: true) { id } }`, nil).Errors, "FORBIDDEN")
	})
	t.Run("PasswordResetRevokesTheUsersTokens", func(t *testing.T) {
		if r := As(t, base, Bearer(legacySecret), `{ viewer { via } }`, nil); len(r.Errors) > 0 {
			t.Fatalf("legacy token before the reset: %+v", r.Errors)
		}
		if r := As(t, base, admin, `mutation($id: ID!) { setPassword(id: $id, password: "reset-password-1") }`, map[string]any{"id": reporterID}); len(r.Errors) > 0 {
			t.Fatalf("setPassword: %+v", r.Errors)
		}
		res := Do(t, http.MethodPost, base+"/graphql", strings.NewReader(`{"query":"{ viewer { via } }"}`), Bearer(legacySecret), "application/json")
		res.Body.Close()
		if res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("the user's token after a password reset: status %d, want 401", res.StatusCode)
		}
		if r := As(t, base, admin, `{ apiTokens(noExpiry: true) { id } }`, nil); strings.Contains(string(r.Data), `"id"`) {
			t.Fatalf("a revoked token is still listed for review: %s", r.Data)
		}
	})
}
