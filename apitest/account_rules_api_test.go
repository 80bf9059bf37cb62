package apitest

import (
	"encoding/json"
	"testing"
)

// TestAccountRules holds the review's account findings: a READ token wrote (an admin's READ token revoked the
// admin's WRITE token); a day-long admin WRITE token created an ADMIN who minted a ten-year token; disabling a user
// left their tokens to work again once re-enabled.
func TestAccountRules(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	token := func(scope string, days int) (id, secret string) {
		r := As(t, base, admin, `mutation($s: TokenScope!, $d: Int) { createApiToken(name: "t", scope: $s, expiresInDays: $d) { secret token { id } } }`,
			map[string]any{"s": scope, "d": days})
		if len(r.Errors) > 0 {
			t.Fatalf("createApiToken: %+v", r.Errors)
		}
		var d struct {
			CreateAPIToken struct {
				Secret string
				Token  struct{ ID string }
			} `json:"createApiToken"`
		}
		json.Unmarshal(r.Data, &d)
		return d.CreateAPIToken.Token.ID, d.CreateAPIToken.Secret
	}
	writeID, writeSecret := token("WRITE", 1)
	_, readSecret := token("READ", 30)

	t.Run("AReadTokenRunsNoMutation", func(t *testing.T) {
		r := As(t, base, Bearer(readSecret), `mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, map[string]any{"id": writeID})
		WantCode(t, r.Errors, "FORBIDDEN")
		if r := As(t, base, Bearer(writeSecret), `{ dataset { version } }`, nil); len(r.Errors) > 0 {
			t.Fatalf("the WRITE token stopped working: %+v", r.Errors)
		}
		if r := As(t, base, Bearer(readSecret), `{ apiTokens { id } }`, nil); len(r.Errors) > 0 {
			t.Fatalf("a READ token reads: %+v", r.Errors)
		}
	})

	t.Run("TokensDoNotAdministerAccounts", func(t *testing.T) {
		for name, q := range map[string]string{
			"createUser":     `mutation { createUser(username: "minted", password: "password-123", role: ADMIN) { id } }`,
			"createApiToken": `mutation { createApiToken(name: "long", scope: WRITE, expiresInDays: 3650) { secret } }`,
			"setUserRole":    `mutation { setUserRole(id: "VXNlcjox", role: VIEWER) { id } }`,
			"setPassword":    `mutation { setPassword(id: "VXNlcjox", password: "password-456") }`,
		} {
			t.Run(name, func(t *testing.T) {
				r := As(t, base, Bearer(writeSecret), q, nil)
				WantCode(t, r.Errors, "FORBIDDEN")
			})
		}
	})

	t.Run("UsernamesAreBounded", func(t *testing.T) {
		r := As(t, base, admin, `mutation($u: String!) { createUser(username: $u, password: "password-123", role: VIEWER) { id } }`,
			map[string]any{"u": "a\u202eb"})
		if e := WantCode(t, r.Errors, "BAD_USER_INPUT"); e.Extensions["field"] != "username" {
			t.Errorf("a direction mark in a username: %+v", e)
		}
	})

	t.Run("DisablingRevokesTokens", func(t *testing.T) {
		r := As(t, base, admin, `mutation { createUser(username: "clerk", password: "password-123", role: EDITOR) { id } }`, nil)
		var d struct{ CreateUser struct{ ID string } }
		json.Unmarshal(r.Data, &d)
		clerk, _ := Login(t, base, "clerk", "password-123")
		r = As(t, base, clerk, `mutation { createApiToken(name: "sheet", scope: READ) { secret } }`, nil)
		var tok struct {
			CreateAPIToken struct{ Secret string } `json:"createApiToken"`
		}
		json.Unmarshal(r.Data, &tok)
		if r := As(t, base, Bearer(tok.CreateAPIToken.Secret), `{ dataset { version } }`, nil); len(r.Errors) > 0 {
			t.Fatalf("the clerk's token before: %+v", r.Errors)
		}
		for _, disabled := range []bool{true, false} {
			r := As(t, base, admin, `mutation($id: ID!, $d: Boolean) { setUserRole(id: $id, role: EDITOR, disabled: $d) { disabled } }`,
				map[string]any{"id": d.CreateUser.ID, "d": disabled})
			if len(r.Errors) > 0 {
				t.Fatal(r.Errors)
			}
		}
		r = As(t, base, Bearer(tok.CreateAPIToken.Secret), `{ dataset { version } }`, nil)
		WantCode(t, r.Errors, "UNAUTHENTICATED")
	})
}
