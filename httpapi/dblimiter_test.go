package httpapi_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/httpapi"
)

// TestDBLimiter runs two limiters over one database, as two replicas would, and expects one allowance between them.
func TestDBLimiter(t *testing.T) {
	ctx := context.Background()
	b, err := dial.Open(ctx, filepath.Join(t.TempDir(), "wenming.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	a, c := &httpapi.DBLimiter{Store: b, Now: clock}, &httpapi.DBLimiter{Store: b, Now: clock}

	t.Run("GuessesSpreadOverReplicasShareOneAllowance", func(t *testing.T) {
		admitted := 0
		for i := 0; i < 10; i++ {
			l := a
			if i%2 == 1 {
				l = c
			}
			if l.Admit(ctx, "10.0.0.1", "alice") {
				admitted++
				l.Failed(ctx, "10.0.0.1")
			}
		}
		if admitted != httpapi.LoginUserAttempts {
			t.Fatalf("admitted %d over two replicas, want %d", admitted, httpapi.LoginUserAttempts)
		}
	})
	t.Run("TheWindowPasses", func(t *testing.T) {
		now = now.Add(httpapi.LoginWindow + time.Second)
		if !a.Admit(ctx, "10.0.0.1", "alice") {
			t.Fatal("still refused after the window")
		}
	})
	t.Run("SuccessClears", func(t *testing.T) {
		for i := 0; i < 5; i++ {
			c.Admit(ctx, "10.0.0.5", "bob")
		}
		a.Succeeded(ctx, "10.0.0.5", "bob")
		if !c.Admit(ctx, "10.0.0.5", "bob") {
			t.Fatal("refused after a successful sign-in on another replica")
		}
	})
	t.Run("AddressFailuresStopEveryUsername", func(t *testing.T) {
		for i := 0; i < httpapi.LoginAddressFailures; i++ {
			a.Failed(ctx, "10.0.0.9")
		}
		if c.Admit(ctx, "10.0.0.9", "someone-new") {
			t.Fatal("admitted after the address's failures")
		}
	})
}
