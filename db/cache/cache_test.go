package cache_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/cache"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/db/seed"
)

// TestCacheFollowsDataVersion checks that a cached aggregate is reused while the data is unchanged, and that a
// write which bumps the data version is visible at once.
func TestCacheFollowsDataVersion(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cache.db")
	d, err := dial.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ds, err := seed.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Load(ctx, ds); err != nil {
		t.Fatal(err)
	}
	c := cache.New(d, d, 100)
	count := func() int {
		t.Helper()
		bs, err := c.HonorStats(ctx, nil, db.HonorCriteria{})
		if err != nil {
			t.Fatal(err)
		}
		return bs[0].Count
	}
	before := count()
	t.Run("HitWhileUnchanged", func(t *testing.T) {
		count()
		if hits, misses := c.Stats(); hits != 1 || misses != 1 {
			t.Fatalf("hits=%d misses=%d, want 1 and 1", hits, misses)
		}
	})
	t.Run("MissAfterWrite", func(t *testing.T) {
		admin := db.WithPrincipal(ctx, &db.Principal{UserID: 1, Username: "admin", Role: db.RoleAdmin, Via: "session"})
		last := ds.Honors[len(ds.Honors)-1]
		if _, err := d.DeleteRecord(admin, db.EntityHonor, last.ID, 0); err != nil {
			t.Fatal(err)
		}
		if got := count(); got != before-1 {
			t.Fatalf("count after write = %d, want %d", got, before-1)
		}
	})
}
