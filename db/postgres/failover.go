package postgres

// Riding out the loss of the primary. Behind a router that sends connections to whichever node is primary
// (HAProxy asking Patroni, docs/ha.md), a failover looks to this engine like a server that vanished, hung or turned
// read-only. Every statement has a deadline, so that a hung node holds no request for longer; the pool is dropped
// when a connection reports a node that is read-only, shutting down or gone, so that the next statements connect
// afresh through the router; and the readiness check asks for a writable primary, not only an answer.

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/wenming/wenming/db"
)

// Defaults of Options.
const (
	// DefaultStatementTimeout bounds each statement of a request: far above any query of the dashboard (milliseconds),
	// far below what a user waits before giving up.
	DefaultStatementTimeout = 5 * time.Second
	// DefaultLongStatementTimeout bounds each statement of an import, which copies and matches many rows at once.
	DefaultLongStatementTimeout = 10 * time.Minute
	// DefaultConnectTimeout bounds a new connection when the address sets no connect_timeout: a node that stopped
	// answering is given up quickly, and the router is asked again.
	DefaultConnectTimeout = 2 * time.Second
	// livenessTimeout bounds the ping of a connection taken from the pool after it was idle.
	livenessTimeout = time.Second
	// resetInterval is the least time between two drops of the pool: one failover drops it once, not per request.
	resetInterval = time.Second
)

// Options tune how long the engine waits for the database.
type Options struct {
	// StatementTimeout is each statement's deadline (0: DefaultStatementTimeout).
	StatementTimeout time.Duration
	// LongStatementTimeout is each statement's deadline in an import (0: DefaultLongStatementTimeout).
	LongStatementTimeout time.Duration
}

func (o Options) withDefaults() Options {
	if o.StatementTimeout <= 0 {
		o.StatementTimeout = DefaultStatementTimeout
	}
	if o.LongStatementTimeout <= 0 {
		o.LongStatementTimeout = DefaultLongStatementTimeout
	}
	return o
}

// deadline gives ctx the statement deadline limit, unless ctx already ends sooner; the caller cancels.
func deadline(ctx context.Context, limit time.Duration) (context.Context, context.CancelFunc) {
	if limit <= 0 {
		return ctx, func() {}
	}
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) <= limit {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, limit)
}

// nodeHealth is what the engine saw of the node behind its address: the pool drops it notes, and the failovers it
// noticed (the timeline moved on).
type nodeHealth struct {
	resets    atomic.Int64
	lastReset atomic.Int64 // Unix nanoseconds
	failovers atomic.Int64

	mu       sync.Mutex
	timeline int64
}

// lostNode reports an error that says the connection's node cannot take this engine's work any more: read-only
// (a standby, or a demoted primary), shutting down or crashed (57P01–57P03), or a statement past its deadline or a
// connection that broke (a hung or vanished node).
func lostNode(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "25006" || strings.HasPrefix(pe.Code, "57P0")
	}
	if errors.Is(err, context.DeadlineExceeded) || pgconn.Timeout(err) {
		return true
	}
	var ce *pgconn.ConnectError
	return errors.As(err, &ce) || strings.Contains(err.Error(), "conn closed") || strings.Contains(err.Error(), "unexpected EOF")
}

// check drops the pool's connections when err says their node is lost, at most once per resetInterval; connections
// in use are closed when they come back. It returns err.
func (d *DB) check(err error) error {
	if !lostNode(err) {
		return err
	}
	now := time.Now().UnixNano()
	last := d.health.lastReset.Load()
	if now-last < int64(resetInterval) || !d.health.lastReset.CompareAndSwap(last, now) {
		return err
	}
	d.health.resets.Add(1)
	d.ver.forget() // what was read from the lost node may not hold on the next
	go d.pool.Reset()
	return err
}

// noteTimeline records the timeline a read of the versions saw, and counts a failover when it moved on.
func (d *DB) noteTimeline(tl int64) {
	d.health.mu.Lock()
	defer d.health.mu.Unlock()
	if d.health.timeline != 0 && tl != d.health.timeline {
		d.health.failovers.Add(1)
	}
	d.health.timeline = tl
}

var _ db.PrimaryReporter = (*DB)(nil)

// PrimaryStatus asks the node behind the address what it is, and how far its standbys are behind.
func (d *DB) PrimaryStatus(ctx context.Context) (db.PrimaryStatus, error) {
	s := db.PrimaryStatus{Failovers: d.health.failovers.Load(), PoolResets: d.health.resets.Load()}
	ctx, cancel := deadline(ctx, d.opts.StatementTimeout)
	defer cancel()
	var recovery bool
	if err := d.pool.QueryRow(ctx, `SELECT pg_is_in_recovery()`).Scan(&recovery); err != nil {
		s.Role = db.NodeUnreachable
		return s, d.check(err)
	}
	if recovery {
		s.Role = db.NodeStandby
		return s, nil
	}
	s.Role = db.NodePrimary
	// Standbys' lag as the primary sees it; a role without pg_monitor reads NULLs, so nothing.
	err := d.pool.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE sync_state IN ('sync', 'quorum')),
		coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)), 0)::bigint,
		coalesce(max(extract(epoch FROM replay_lag)), 0)::float8
		FROM pg_stat_replication`).Scan(&s.Standbys, &s.SyncStandbys, &s.LagBytes, &s.LagSeconds)
	return s, d.check(err)
}
