package postgres

import (
	"context"
	"sync"
	"time"

	"github.com/wenming/wenming/db"
)

// versionMaxAge is how old the last read of the data version may be before CachedVersion reads it again. It is the
// bound on how long a replica whose listener silently lost its connection can key answers on an old version, and
// so on cross-replica staleness: the target is 1 s. WatchChanges confirms the version twice within it.
const versionMaxAge = time.Second

// versionTracker is this replica's latest known data version, so that the caches need not read it from the
// database on every request.
//
// Why an answer can never be cached under a version whose data it did not see: the caches read the version first
// (K) and compute the answer afterwards, in later statements. K always comes from a completed read of meta (the
// poll, a read after a NOTIFY, a fallback read), never from a write still in flight: a local write does not record
// its version, it only forgets the known one after its commit returned. A version that a completed read returned
// is committed, and every snapshot taken after that read sees its data, so the answer is computed on data at K or
// newer. Newer data under K is harmless: the next read moves the key on and the entry ages out. What remains is
// staleness, bounded by versionMaxAge even when the listener is silently cut off, and by the NOTIFY's delivery
// (milliseconds) while it listens; the replica's own writes are seen at once, because they forget the version.
type versionTracker struct {
	mu sync.Mutex
	v  db.Versions
	// at is when the read that returned v began (zero: nothing known); reads that began earlier are older news.
	at time.Time
	// floor is when a local write last committed: reads that began before it may have missed that write.
	floor time.Time
	// listeners counts the live LISTEN connections; without one the version is read on every request.
	listeners int
}

// observe records v, read by a query that began at started, unless a fresher read or a later commit superseded it.
// A later read wins even when its version is lower (a restored database goes back), so that no key sticks.
func (t *versionTracker) observe(v db.Versions, started time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if started.Before(t.floor) || (!t.at.IsZero() && started.Before(t.at)) {
		return
	}
	t.v, t.at = v, started
}

// forget drops the known version after a local commit: reads that began before the commit may not have seen it.
func (t *versionTracker) forget() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.floor, t.at = time.Now(), time.Time{}
}

// listening records that a LISTEN connection came up (+1) or went down (−1).
func (t *versionTracker) listening(delta int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.listeners += delta
}

// known returns the version when a listener is up and the last read is younger than versionMaxAge.
func (t *versionTracker) known(now time.Time) (db.Versions, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.listeners == 0 || t.at.IsZero() || now.Sub(t.at) >= versionMaxAge {
		return db.Versions{}, false
	}
	return t.v, true
}

// CachedVersion is the data version for the API's caches: the one this replica was last told about while it listens
// for changes (WatchChanges) and confirmed it within versionMaxAge, otherwise a fresh read. It saves a round trip
// per request without ever keying an answer on data it did not see (see versionTracker).
func (d *DB) CachedVersion(ctx context.Context) (int64, error) {
	if v, ok := d.ver.known(time.Now()); ok {
		return v.Global, nil
	}
	return d.DataVersion(ctx)
}
