package httpapi_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/httpapi"
)

// testLimiter runs the rules every LoginLimiter keeps, over a clock the test moves.
func testLimiter(t *testing.T, l httpapi.LoginLimiter, advance func(time.Duration)) {
	ctx := context.Background()
	// spray fails one attempt for each of n usernames, as a password spray does, and counts the admitted ones.
	spray := func(ip string, n int) int {
		admitted := 0
		for i := 0; i < n; i++ {
			if user := fmt.Sprintf("sprayed-%d", i); l.Admit(ctx, ip, user) {
				admitted++
				l.Failed(ctx, ip)
			}
		}
		return admitted
	}
	t.Run("FiveAttemptsPerAddressAndUsername", func(t *testing.T) {
		for i := 0; i < httpapi.LoginUserAttempts; i++ {
			if !l.Admit(ctx, "10.0.0.1", "alice") {
				t.Fatalf("attempt %d refused, want %d allowed", i+1, httpapi.LoginUserAttempts)
			}
			l.Failed(ctx, "10.0.0.1")
		}
		if l.Admit(ctx, "10.0.0.1", "alice") {
			t.Fatal("sixth attempt admitted")
		}
		if !l.Admit(ctx, "10.0.0.1", "bob") || !l.Admit(ctx, "10.0.0.2", "alice") {
			t.Fatal("another username or address shares alice's allowance")
		}
	})
	t.Run("SuccessClearsTheUsernamesFailures", func(t *testing.T) {
		for i := 0; i < 5; i++ {
			l.Admit(ctx, "10.0.0.3", "carol")
		}
		l.Succeeded(ctx, "10.0.0.3", "carol")
		if !l.Admit(ctx, "10.0.0.3", "carol") {
			t.Fatal("refused after a successful sign-in")
		}
	})
	// The security review's finding 4: 40 failures over different usernames locked out a correct login of another.
	t.Run("FortyFailuresOverManyUsernamesLockOutNobody", func(t *testing.T) {
		if n := spray("10.0.0.9", 40); n != 40 {
			t.Fatalf("admitted %d of 40 sprayed attempts", n)
		}
		if !l.Admit(ctx, "10.0.0.9", "dora") {
			t.Fatal("a first sign-in of another user was refused after 40 sprayed failures")
		}
	})
	t.Run("ASprayIsSlowedButKnownUsersGetIn", func(t *testing.T) {
		l.Admit(ctx, "10.0.0.7", "erin")
		l.Succeeded(ctx, "10.0.0.7", "erin") // erin signed in from this address before
		n := spray("10.0.0.7", 3*httpapi.LoginAddressFailures)
		if n > httpapi.LoginAddressFailures+2 {
			t.Fatalf("admitted %d sprayed attempts in a burst, want about %d", n, httpapi.LoginAddressFailures)
		}
		if !l.Admit(ctx, "10.0.0.7", "erin") {
			t.Fatal("a user known at the address was refused during a spray")
		}
		if l.Admit(ctx, "10.0.0.7", "newcomer") {
			t.Fatal("a username never seen at the address got past the address's failures")
		}
		if !l.Admit(ctx, "10.0.0.8", "newcomer") {
			t.Fatal("another address shares the sprayed address's failures")
		}
		advance(httpapi.LoginWindow + time.Second)
		if !l.Admit(ctx, "10.0.0.7", "newcomer") {
			t.Fatal("still refused after the window")
		}
	})
	t.Run("KnownForAMonth", func(t *testing.T) {
		spray("10.0.0.7", 2*httpapi.LoginAddressFailures)
		advance(httpapi.LoginKnownFor)
		spray("10.0.0.7", 2*httpapi.LoginAddressFailures)
		if l.Admit(ctx, "10.0.0.7", "erin") {
			t.Fatal("a sign-in older than LoginKnownFor still exempts the username")
		}
	})
}

func TestMemoryLimiter(t *testing.T) {
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	l := &httpapi.MemoryLimiter{Now: func() time.Time { return now }}
	testLimiter(t, l, func(d time.Duration) { now = now.Add(d) })
}

func TestDBLimiterRules(t *testing.T) {
	b, err := dial.Open(context.Background(), filepath.Join(t.TempDir(), "wenming.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	l := &httpapi.DBLimiter{Store: b, Now: func() time.Time { return now }}
	testLimiter(t, l, func(d time.Duration) { now = now.Add(d) })
}
