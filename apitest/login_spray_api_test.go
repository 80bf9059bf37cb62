package apitest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/wenming/wenming/httpapi"
)

// TestLoginSprayAPI is the security review's finding 4 against the real server: failed logins spread over many
// usernames from one address must not lock out a correct password of another user, while the spray is still slowed
// and an untrusted peer cannot escape its address by sending X-Forwarded-For.
func TestLoginSprayAPI(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	for _, u := range []string{"clerk", "latecomer"} {
		r := As(t, base, admin, `mutation($u: String!) { createUser(username: $u, password: "password-123", role: VIEWER) { id } }`, map[string]any{"u": u})
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
	}
	attempt := func(user, password, xff string) int {
		b, _ := json.Marshal(map[string]string{"username": user, "password": password})
		h := http.Header{}
		if xff != "" {
			h.Set("X-Forwarded-For", xff)
		}
		res := Do(t, http.MethodPost, base+"/auth/login", bytes.NewReader(b), h, "application/json")
		res.Body.Close()
		return res.StatusCode
	}
	spray := func(from, n int) map[int]int {
		statuses := map[int]int{}
		for i := from; i < from+n; i++ {
			statuses[attempt(fmt.Sprintf("user%d", i), "Winter2026!", fmt.Sprintf("198.51.100.%d", i%250))]++
		}
		return statuses
	}
	t.Run("FortyFailuresOverUsernamesThenAnotherUserSignsIn", func(t *testing.T) {
		if got := spray(0, 40); got[http.StatusUnauthorized] != 40 {
			t.Fatalf("spray statuses %v", got)
		}
		if s := attempt("clerk", "password-123", ""); s != http.StatusOK {
			t.Fatalf("clerk's first correct sign-in after 40 sprayed failures: status %d, want 200", s)
		}
	})
	t.Run("ALongerSprayIsSlowed", func(t *testing.T) {
		got := spray(40, 2*httpapi.LoginAddressFailures)
		t.Logf("a spray of %d more usernames from one address: %v", 2*httpapi.LoginAddressFailures, got)
		if got[http.StatusTooManyRequests] < httpapi.LoginAddressFailures/2 {
			t.Fatalf("spray statuses %v: not slowed (a forged X-Forwarded-For from an untrusted peer must not help)", got)
		}
	})
	t.Run("KnownUsersStillSignIn", func(t *testing.T) {
		for _, u := range []struct{ name, password string }{{"admin", AdminPassword}, {"clerk", "password-123"}} {
			if s := attempt(u.name, u.password, ""); s != http.StatusOK {
				t.Fatalf("%s, known at this address, got %d during the spray", u.name, s)
			}
		}
		if s := attempt("latecomer", "password-123", ""); s != http.StatusTooManyRequests {
			t.Fatalf("latecomer, never signed in from this address, got %d during the spray; want 429", s)
		}
	})
}
