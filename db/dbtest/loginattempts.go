package dbtest

import (
	"context"
	"testing"
	"time"
)

// testLoginAttempts checks the shared sign-in allowance's store: attempts counted per key within a window, cleared
// by key, and old ones forgotten.
func testLoginAttempts(t *testing.T, open Opener) {
	ctx := context.Background()
	d := open(t)
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	count := func(key string, since time.Time) int {
		t.Helper()
		n, err := d.CountLoginAttempts(ctx, key, since)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	for i := 0; i < 3; i++ {
		if err := d.AddLoginAttempt(ctx, "user:10.0.0.1|alice", now.Add(time.Duration(i)*time.Second), time.Hour); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.AddLoginAttempt(ctx, "ip:10.0.0.1", now, time.Hour); err != nil {
		t.Fatal(err)
	}
	t.Run("CountsPerKeyWithinTheWindow", func(t *testing.T) {
		if n := count("user:10.0.0.1|alice", now); n != 3 {
			t.Fatalf("count = %d, want 3", n)
		}
		if n := count("user:10.0.0.1|alice", now.Add(1500*time.Millisecond)); n != 1 {
			t.Fatalf("count since 1.5 s = %d, want 1", n)
		}
		if n := count("user:10.0.0.1|bob", now); n != 0 {
			t.Fatalf("bob = %d, want 0", n)
		}
	})
	t.Run("ClearByKey", func(t *testing.T) {
		if err := d.ClearLoginAttempts(ctx, "user:10.0.0.1|alice"); err != nil {
			t.Fatal(err)
		}
		if n := count("user:10.0.0.1|alice", now.Add(-time.Hour)); n != 0 {
			t.Fatalf("after clear = %d", n)
		}
		if n := count("ip:10.0.0.1", now.Add(-time.Hour)); n != 1 {
			t.Fatalf("another key was cleared: %d", n)
		}
	})
	t.Run("OldAttemptsForgottenByKind", func(t *testing.T) {
		// A sign-in remembered for a month must outlive the cleaning that failures kept for minutes do.
		if err := d.AddLoginAttempt(ctx, "known:10.0.0.1|alice", now, 30*24*time.Hour); err != nil {
			t.Fatal(err)
		}
		later := now.Add(2 * time.Hour)
		if err := d.AddLoginAttempt(ctx, "ip:10.0.0.2", later, time.Hour); err != nil {
			t.Fatal(err)
		}
		if n := count("ip:10.0.0.1", now.Add(-24*time.Hour)); n != 0 {
			t.Fatalf("an attempt older than keep survived: %d", n)
		}
		if n := count("known:10.0.0.1|alice", now.Add(-24*time.Hour)); n != 1 {
			t.Fatalf("an attempt of another kind was forgotten: %d", n)
		}
		if err := d.AddLoginAttempt(ctx, "known:10.0.0.2|bob", now.Add(31*24*time.Hour), 30*24*time.Hour); err != nil {
			t.Fatal(err)
		}
		if n := count("known:10.0.0.1|alice", now.Add(-24*time.Hour)); n != 0 {
			t.Fatalf("a known sign-in older than its keep survived: %d", n)
		}
	})
	t.Run("NotData", func(t *testing.T) {
		before, _ := d.DataVersion(ctx)
		d.AddLoginAttempt(ctx, "ip:10.0.0.3", now, time.Hour)
		if after, _ := d.DataVersion(ctx); after != before {
			t.Fatalf("an attempt bumped the data version %d → %d", before, after)
		}
	})
}
