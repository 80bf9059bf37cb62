package httpapi_test

import (
	"context"
	"testing"

	"github.com/wenming/wenming/httpapi"
)

func TestMemoryLimiter(t *testing.T) {
	ctx := context.Background()
	t.Run("FiveAttemptsPerAddressAndUsername", func(t *testing.T) {
		l := &httpapi.MemoryLimiter{}
		for i := 0; i < 5; i++ {
			if !l.Admit(ctx, "10.0.0.1", "alice") {
				t.Fatalf("attempt %d refused, want 5 allowed", i+1)
			}
		}
		if l.Admit(ctx, "10.0.0.1", "alice") {
			t.Fatal("sixth attempt admitted")
		}
		if !l.Admit(ctx, "10.0.0.1", "bob") || !l.Admit(ctx, "10.0.0.2", "alice") {
			t.Fatal("another username or address shares alice's allowance")
		}
	})
	t.Run("SuccessClearsTheUsernamesFailures", func(t *testing.T) {
		l := &httpapi.MemoryLimiter{}
		for i := 0; i < 5; i++ {
			l.Admit(ctx, "10.0.0.1", "alice")
		}
		l.Succeeded(ctx, "10.0.0.1", "alice")
		if !l.Admit(ctx, "10.0.0.1", "alice") {
			t.Fatal("refused after a successful sign-in")
		}
	})
	t.Run("FailuresFromOneAddressStopEveryUsername", func(t *testing.T) {
		l := &httpapi.MemoryLimiter{}
		for i := 0; i < 30; i++ {
			l.Failed(ctx, "10.0.0.9")
		}
		if l.Admit(ctx, "10.0.0.9", "someone-new") {
			t.Fatal("admitted after 30 failures from the address")
		}
	})
}
