package cache_test

import (
	"context"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

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

// slowStore computes HonorStats at once but holds the answer until release closes, and counts the calls.
type slowStore struct {
	db.Store
	calls   atomic.Int32
	release chan struct{}
}

func (s *slowStore) HonorStats(ctx context.Context, g []db.HonorDimension, f db.HonorCriteria) ([]*db.HonorBucket, error) {
	s.calls.Add(1)
	bs, err := s.Store.HonorStats(ctx, g, f) // the answer as of the call, delivered late
	<-s.release
	return bs, err
}

// TestConcurrentMissesComputeOnce checks that callers missing the same answer at the same versions share one
// computation, that a caller who gives up does not fail the others, and that new versions compute again.
func TestConcurrentMissesComputeOnce(t *testing.T) {
	ctx := context.Background()
	d, err := dial.Open(ctx, filepath.Join(t.TempDir(), "cache.db"))
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
	slow := &slowStore{Store: d, release: make(chan struct{})}
	c := cache.New(slow, d, 100)
	const callers = 8
	var wg sync.WaitGroup
	errs := make(chan error, callers)
	// One caller gives up while the computation runs.
	gone, cancel := context.WithCancel(ctx)
	for i := range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cctx := ctx
			if i == 0 {
				cctx = gone
			}
			_, err := c.HonorStats(cctx, nil, db.HonorCriteria{})
			if i != 0 {
				errs <- err
			}
		}()
	}
	for slow.calls.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond) // let the others join the computation under way
	cancel()
	close(slow.release)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("a waiting caller failed: %v", err)
		}
	}
	t.Run("OneComputation", func(t *testing.T) {
		if n := slow.calls.Load(); n != 1 {
			t.Fatalf("%d concurrent misses computed %d times, want 1", callers, n)
		}
		// Every caller but the one that computed took the shared answer, save the one that gave up if it went first.
		if s := c.Shared(); s < callers-2 || s > callers-1 {
			t.Fatalf("shared = %d, want %d or %d", s, callers-2, callers-1)
		}
	})
	t.Run("NewVersionComputesAgain", func(t *testing.T) {
		editor := db.WithPrincipal(ctx, &db.Principal{UserID: 1, Username: "admin", Role: db.RoleAdmin, Via: "session"})
		if _, err := d.CreateHonor(editor, db.HonorFields{CategoryCode: ds.Categories[0].Code, UnitID: &ds.Units[0].ID, Year: 2023}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.HonorStats(ctx, nil, db.HonorCriteria{}); err != nil {
			t.Fatal(err)
		}
		if n := slow.calls.Load(); n != 2 {
			t.Fatalf("store asked %d times after an honour was written, want 2", n)
		}
	})
}

// TestMissesAtNewerVersionsQueue checks that callers who read versions newer than the computation under way wait
// for it, and that one computation afterwards, at fresh versions, answers all of them with the current data.
func TestMissesAtNewerVersionsQueue(t *testing.T) {
	ctx := context.Background()
	d, err := dial.Open(ctx, filepath.Join(t.TempDir(), "cache.db"))
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
	slow := &slowStore{Store: d, release: make(chan struct{})}
	c := cache.New(slow, d, 100)
	first := make(chan error, 1)
	go func() {
		_, err := c.HonorStats(ctx, nil, db.HonorCriteria{})
		first <- err
	}()
	for slow.calls.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	// A write while the first computation runs: callers from now on must see it.
	admin := db.WithPrincipal(ctx, &db.Principal{UserID: 1, Username: "admin", Role: db.RoleAdmin, Via: "session"})
	last := ds.Honors[len(ds.Honors)-1]
	if _, err := d.DeleteRecord(admin, db.EntityHonor, last.ID, 0); err != nil {
		t.Fatal(err)
	}
	want, err := d.HonorStats(ctx, nil, db.HonorCriteria{})
	if err != nil {
		t.Fatal(err)
	}
	const late = 5
	var wg sync.WaitGroup
	got := make([][]*db.HonorBucket, late)
	for i := range late {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var err error
			if got[i], err = c.HonorStats(ctx, nil, db.HonorCriteria{}); err != nil {
				t.Error(err)
			}
		}()
	}
	time.Sleep(30 * time.Millisecond) // the late callers queue behind the first computation
	if n := slow.calls.Load(); n != 1 {
		t.Fatalf("%d computations while one was under way, want 1", n)
	}
	close(slow.release)
	wg.Wait()
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	t.Run("OneMoreComputation", func(t *testing.T) {
		if n := slow.calls.Load(); n != 2 {
			t.Fatalf("%d computations for %d late callers, want 2 in all", n, late)
		}
	})
	t.Run("LateCallersSeeTheWrite", func(t *testing.T) {
		for i, g := range got {
			if g[0].Count != want[0].Count {
				t.Fatalf("late caller %d counted %d honours, want the current %d", i, g[0].Count, want[0].Count)
			}
		}
	})
}
