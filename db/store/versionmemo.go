package store

import (
	"context"
	"sync"
)

// A few answers read every row of a table that grows with the data (the dataset's demo count sums fourteen tables,
// the units per kind count every unit) and change only when a write commits: every record write bumps the data
// version in its own transaction (Engine.WriteTx, the loads and imports alike). So the store keeps each such answer
// with the timeline and data version it was read at, and a caller asks for those two numbers (one row) before the
// whole read: the same pair means no write has committed since, and the kept answer is the one a read would give.
// This holds with the answer caches off (--cache=false), and for every replica, since the version is the
// database's, not the process's.

// versionStamp is where the database's history stood: its timeline (a failover moves it on) and its data version.
type versionStamp struct{ timeline, version int64 }

// stampSQL reads a versionStamp's two numbers, in one statement so in one snapshot.
func (s *Store) stampSQL() string {
	return `SELECT ` + s.eng.Timeline() + `, (SELECT value FROM meta WHERE key = 'data_version')`
}

// currentStamp reads where the database's history stands now.
func (s *Store) currentStamp(ctx context.Context, q Querier) (versionStamp, error) {
	var st versionStamp
	return st, q.QueryRow(ctx, s.stampSQL()).Scan(&st.timeline, &st.version)
}

// versionMemo keeps one answer with the stamp it was read at.
type versionMemo[T any] struct {
	mu    sync.Mutex
	ok    bool
	stamp versionStamp
	value T
}

// get returns the answer kept at stamp, if that is the one kept.
func (m *versionMemo[T]) get(stamp versionStamp) (T, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.ok && m.stamp == stamp {
		return m.value, true
	}
	var zero T
	return zero, false
}

// put keeps an answer read at stamp, unless a later one is kept already (two readers racing a write).
func (m *versionMemo[T]) put(stamp versionStamp, v T) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.ok && m.stamp.timeline == stamp.timeline && m.stamp.version > stamp.version {
		return
	}
	m.ok, m.stamp, m.value = true, stamp, v
}
