package apitest

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/httpapi"
)

func TestAuth(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()

	t.Run("ReadNeedsSignIn", func(t *testing.T) {
		res := Do(t, http.MethodPost, base+"/graphql", strings.NewReader(`{"query":"{ dataset { version } }"}`), nil, "application/json")
		r := decodeResponse(t, res)
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("status = %d, want 401", res.StatusCode)
		}
		WantCode(t, r.Errors, "UNAUTHENTICATED")
		if res := Do(t, http.MethodGet, base+"/healthz", nil, nil, ""); res.StatusCode != 200 {
			t.Errorf("/healthz = %d", res.StatusCode)
		}
	})

	admin, res := Login(t, base, "admin", AdminPassword)
	t.Run("LoginSetsSafeCookie", func(t *testing.T) {
		if res.StatusCode != 200 || admin.Get("Cookie") == "" {
			t.Fatalf("login status %d, cookie %q", res.StatusCode, admin.Get("Cookie"))
		}
		for _, c := range res.Cookies() {
			if c.Name == httpapi.SessionCookie && (!c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.MaxAge <= 0) {
				t.Errorf("cookie %+v is not HttpOnly, SameSite=Lax with an expiry", c)
			}
		}
		r := As(t, base, admin, `{ viewer { role via user { username } } }`, nil)
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"role":"ADMIN","via":"session","user":{"username":"admin"}`) {
			t.Fatalf("viewer = %s %+v", r.Data, r.Errors)
		}
	})

	t.Run("WrongPasswordThenRateLimited", func(t *testing.T) {
		statuses := []int{}
		for i := 0; i < 7; i++ {
			_, res := Login(t, base, "nobody", "wrong-password")
			statuses = append(statuses, res.StatusCode)
		}
		if statuses[0] != http.StatusUnauthorized || statuses[6] != http.StatusTooManyRequests {
			t.Fatalf("statuses = %v, want 401 first and 429 at last", statuses)
		}
	})

	var editorID, viewerID string
	t.Run("AdminCreatesUsers", func(t *testing.T) {
		for _, u := range []struct{ name, role string }{{"editor1", "EDITOR"}, {"viewer1", "VIEWER"}} {
			r := As(t, base, admin, `mutation($u: String!, $r: Role!) { createUser(username: $u, password: "password-123", role: $r) { id role } }`,
				map[string]any{"u": u.name, "r": u.role})
			if len(r.Errors) > 0 {
				t.Fatalf("createUser %s: %+v", u.name, r.Errors)
			}
			var d struct{ CreateUser struct{ ID string } }
			json.Unmarshal(r.Data, &d)
			if u.role == "EDITOR" {
				editorID = d.CreateUser.ID
			} else {
				viewerID = d.CreateUser.ID
			}
		}
		r := As(t, base, admin, `mutation { createUser(username: "editor1", password: "password-123", role: VIEWER) { id } }`, nil)
		WantCode(t, r.Errors, "CONFLICT")
		r = As(t, base, admin, `mutation { createUser(username: "shorty", password: "short", role: VIEWER) { id } }`, nil)
		if e := WantCode(t, r.Errors, "BAD_USER_INPUT"); e.Extensions["field"] != "password" {
			t.Errorf("field = %v", e.Extensions["field"])
		}
	})

	viewer, _ := Login(t, base, "viewer1", "password-123")
	t.Run("ViewerCannotManage", func(t *testing.T) {
		r := As(t, base, viewer, `mutation { createUser(username: "x1", password: "password-123", role: ADMIN) { id } }`, nil)
		WantCode(t, r.Errors, "FORBIDDEN")
		r = As(t, base, viewer, `{ users { username } }`, nil)
		WantCode(t, r.Errors, "FORBIDDEN")
		if r := As(t, base, viewer, `{ dataset { hasDemo } }`, nil); len(r.Errors) > 0 {
			t.Errorf("viewer read: %+v", r.Errors)
		}
	})

	t.Run("CrossSiteCookieWriteRefused", func(t *testing.T) {
		h := admin.Clone()
		h.Set("Origin", "https://evil.example")
		res := Do(t, http.MethodPost, base+"/graphql", strings.NewReader(`{"query":"mutation { createUser(username: \"evil\", password: \"password-123\", role: ADMIN) { id } }"}`), h, "application/json")
		r := decodeResponse(t, res)
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("status = %d, want 403", res.StatusCode)
		}
		WantCode(t, r.Errors, "FORBIDDEN")
		h.Set("Origin", base)
		if r := As(t, base, h, `{ users { username } }`, nil); len(r.Errors) > 0 {
			t.Errorf("same-origin request refused: %+v", r.Errors)
		}
	})

	var readSecret, readID string
	t.Run("Tokens", func(t *testing.T) {
		r := As(t, base, viewer, `mutation { createApiToken(name: "excel", scope: READ, expiresInDays: 30) { secret token { id name scope expiresAt } } }`, nil)
		if len(r.Errors) > 0 {
			t.Fatalf("createApiToken: %+v", r.Errors)
		}
		var d struct {
			CreateApiToken struct {
				Secret string
				Token  struct{ ID string }
			}
		}
		json.Unmarshal(r.Data, &d)
		readSecret, readID = d.CreateApiToken.Secret, d.CreateApiToken.Token.ID
		if !strings.HasPrefix(readSecret, "wm_") {
			t.Fatalf("secret %q", readSecret)
		}
		r = As(t, base, Bearer(readSecret), `{ viewer { role via } dataset { hasDemo } }`, nil)
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"role":"VIEWER","via":"token"`) {
			t.Fatalf("token read = %s %+v", r.Data, r.Errors)
		}
		r = As(t, base, viewer, `{ apiTokens { name scope lastUsedAt } }`, nil)
		if !strings.Contains(string(r.Data), `"name":"excel"`) || strings.Contains(string(r.Data), readSecret) || strings.Contains(string(r.Data), `"lastUsedAt":null`) {
			t.Errorf("apiTokens = %s", r.Data)
		}
		r = As(t, base, viewer, `mutation { createApiToken(name: "w", scope: WRITE) { secret } }`, nil)
		WantCode(t, r.Errors, "BAD_USER_INPUT")
		r = As(t, base, Bearer(readSecret), `mutation { createApiToken(name: "again", scope: READ) { secret } }`, nil)
		WantCode(t, r.Errors, "FORBIDDEN")
	})

	t.Run("ReadScopeLimitsAdminToken", func(t *testing.T) {
		r := As(t, base, admin, `mutation { createApiToken(name: "ro", scope: READ) { secret } }`, nil)
		var d struct{ CreateApiToken struct{ Secret string } }
		json.Unmarshal(r.Data, &d)
		r = As(t, base, Bearer(d.CreateApiToken.Secret), `{ users { username } }`, nil)
		WantCode(t, r.Errors, "FORBIDDEN")
	})

	t.Run("RevokedTokenRefused", func(t *testing.T) {
		r := As(t, base, viewer, `mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, map[string]any{"id": readID})
		if len(r.Errors) > 0 {
			t.Fatalf("revoke: %+v", r.Errors)
		}
		res := Do(t, http.MethodPost, base+"/graphql", strings.NewReader(`{"query":"{ dataset { version } }"}`), Bearer(readSecret), "application/json")
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("revoked token status = %d, want 401", res.StatusCode)
		}
		WantCode(t, decodeResponse(t, res).Errors, "UNAUTHENTICATED")
	})

	t.Run("SecretsStoredHashed", func(t *testing.T) {
		ctx := context.Background()
		admin, err := m.Backend.UserByUsername(ctx, "admin")
		if err != nil {
			t.Fatal(err)
		}
		if pw := admin.PasswordHash; !strings.HasPrefix(pw, "$2") || strings.Contains(pw, AdminPassword) {
			t.Errorf("password hash %q", pw)
		}
		tokens, err := m.Backend.Tokens(ctx, 0)
		if err != nil || len(tokens) == 0 {
			t.Fatalf("tokens %v %v", tokens, err)
		}
		hashed := false
		for _, tok := range tokens {
			if strings.Contains(tok.Hash, readSecret) {
				t.Errorf("token %q is stored in clear", tok.Name)
			}
			hashed = hashed || tok.Hash == db.HashSecret(readSecret)
		}
		if !hashed {
			t.Error("no stored token carries the hash of the issued secret")
		}
	})

	t.Run("RolesAndDisable", func(t *testing.T) {
		r := As(t, base, admin, `mutation($id: ID!) { setUserRole(id: $id, role: VIEWER, disabled: true) { role disabled } }`, map[string]any{"id": editorID})
		if len(r.Errors) > 0 {
			t.Fatalf("setUserRole: %+v", r.Errors)
		}
		if _, res := Login(t, base, "editor1", "password-123"); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("disabled user login = %d", res.StatusCode)
		}
		var adminID string
		r = As(t, base, admin, `{ users { id username } }`, nil)
		var d struct {
			Users []struct{ ID, Username string }
		}
		json.Unmarshal(r.Data, &d)
		for _, u := range d.Users {
			if u.Username == "admin" {
				adminID = u.ID
			}
		}
		r = As(t, base, admin, `mutation($id: ID!) { setUserRole(id: $id, role: EDITOR) { role } }`, map[string]any{"id": adminID})
		WantCode(t, r.Errors, "CONFLICT")
	})

	t.Run("SetOwnPasswordAndLogout", func(t *testing.T) {
		// One's own password needs the current one (a borrowed browser cannot lock its owner out).
		r := As(t, base, viewer, `mutation($id: ID!) { setPassword(id: $id, password: "new-password-1") }`, map[string]any{"id": viewerID})
		if e := WantCode(t, r.Errors, "BAD_USER_INPUT"); e.Extensions["field"] != "currentPassword" {
			t.Errorf("without the current password: %+v", e)
		}
		r = As(t, base, viewer, `mutation($id: ID!) { setPassword(id: $id, password: "new-password-1", currentPassword: "wrong-one") }`, map[string]any{"id": viewerID})
		WantCode(t, r.Errors, "BAD_USER_INPUT")
		r = As(t, base, viewer, `mutation($id: ID!, $cur: String) { setPassword(id: $id, password: "new-password-1", currentPassword: $cur) }`,
			map[string]any{"id": viewerID, "cur": "password-123"})
		if len(r.Errors) > 0 {
			t.Fatalf("setPassword: %+v", r.Errors)
		}
		// Changing the password ends the old sessions.
		if r := As(t, base, viewer, `{ dataset { version } }`, nil); len(r.Errors) == 0 {
			t.Error("old session still works after a password change")
		}
		fresh, res := Login(t, base, "viewer1", "new-password-1")
		if res.StatusCode != 200 {
			t.Fatalf("login with new password = %d", res.StatusCode)
		}
		out := Do(t, http.MethodPost, base+"/auth/logout", nil, fresh, "")
		out.Body.Close()
		if r := As(t, base, fresh, `{ dataset { version } }`, nil); len(r.Errors) == 0 {
			t.Error("session still works after logout")
		}
	})
}

func TestAnonymousRead(t *testing.T) {
	m := MustRunMain(t)
	t.Run("ReadsAsViewer", func(t *testing.T) {
		r := As(t, m.URL(), nil, `{ viewer { role via user { username } } }`, nil)
		if !strings.Contains(string(r.Data), `"role":"VIEWER","via":"anonymous","user":null`) {
			t.Errorf("viewer = %s", r.Data)
		}
		WantCode(t, As(t, m.URL(), nil, `{ users { username } }`, nil).Errors, "UNAUTHENTICATED")
		if r := As(t, m.URL(), nil, `{ apiTokens { id } }`, nil); string(r.Data) != `{"apiTokens":[]}` {
			t.Errorf("apiTokens = %s %+v", r.Data, r.Errors)
		}
	})
	t.Run("NeverWrites", func(t *testing.T) {
		r := As(t, m.URL(), nil, `mutation { createUser(username: "anon", password: "password-123", role: ADMIN) { id } }`, nil)
		WantCode(t, r.Errors, "UNAUTHENTICATED")
	})
}
