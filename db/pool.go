package db

import "time"

// PoolStats is one connection pool's occupancy and waits as a backend reports them, so that an operator can see
// requests queue for connections (and, on SQLite, for the single writer) without the backend knowing of metrics.
type PoolStats struct {
	// Pool names the pool: "read" and "write" on SQLite, "pool" on PostgreSQL.
	Pool string
	// MaxOpen is the most connections the pool opens; 0 means no limit.
	MaxOpen int
	// InUse and Idle are the connections open now, busy or waiting for work.
	InUse, Idle int
	// WaitCount counts the times a caller found no free connection and waited for one, since the pool opened.
	WaitCount int64
	// WaitDuration is the total time those callers waited.
	WaitDuration time.Duration
}

// PoolReporter is a backend that reports its connection pools; both backends are.
type PoolReporter interface {
	// PoolStats returns a snapshot of every pool.
	PoolStats() []PoolStats
}
