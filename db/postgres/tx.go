package postgres

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/wenming/wenming/db"
)

// querier is what both the pool and a transaction offer, so that read helpers take either.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

var (
	_ querier = (*pgxpool.Pool)(nil)
	_ querier = (pgx.Tx)(nil)
)

// writeAttempts is how often writeTx runs a transaction that failed with a serialization failure or a deadlock.
const writeAttempts = 5

// writeTx runs fn in one read-committed transaction, bumps the version of the data domains fn returns as its last
// statement, and commits.
// A serialization failure or deadlock (40001, 40P01) runs the whole transaction again, up to writeAttempts times,
// so fn must do nothing outside tx that cannot be repeated; so does an error that pgx says came before anything
// reached the server (a connection found dead as the transaction began, during a failover). Nothing else is
// retried: a write whose commit went out may have committed. Constraint failures come back as coded db errors.
func (d *DB) writeTx(ctx context.Context, fn func(tx pgx.Tx) (db.DomainSet, error)) error {
	var err error
	for attempt := 1; ; attempt++ {
		err = d.writeOnce(ctx, fn)
		if err == nil || !retryable(err) || attempt == writeAttempts || ctx.Err() != nil {
			return constraintError(err)
		}
		// Jittered backoff, so that the transactions that collided do not collide again.
		backoff := time.Duration(attempt*attempt)*5*time.Millisecond + time.Duration(rand.N(5_000))*time.Microsecond
		select {
		case <-ctx.Done():
			return constraintError(err)
		case <-time.After(backoff):
		}
	}
}

func (d *DB) writeOnce(ctx context.Context, fn func(tx pgx.Tx) (db.DomainSet, error)) error {
	tx, err := d.begin(ctx, pgx.TxOptions{})
	if err != nil {
		return err
	}
	defer tx.Rollback(context.Background())
	domains, err := fn(tx)
	if err != nil {
		return err
	}
	bctx, cancel := deadline(ctx, d.opts.StatementTimeout)
	err = bumpVersion(bctx, tx, domains)
	cancel()
	if err != nil {
		return d.check(err)
	}
	defer d.ver.forget() // after the commit returned, whatever it returned: its outcome may be unknown
	return d.commit(ctx, tx)
}

// begin opens a transaction, its BEGIN under the statement deadline.
func (d *DB) begin(ctx context.Context, opts pgx.TxOptions) (pgx.Tx, error) {
	ctx, cancel := deadline(ctx, d.opts.StatementTimeout)
	defer cancel()
	tx, err := d.pool.BeginTx(ctx, opts)
	return tx, d.check(err)
}

// commit commits under the statement deadline. A commit that waits for a synchronous standby past it is cancelled
// by pgx; it may still have committed on the primary, which is why clients send idempotency keys.
func (d *DB) commit(ctx context.Context, tx pgx.Tx) error {
	ctx, cancel := deadline(ctx, d.opts.StatementTimeout)
	defer cancel()
	return d.check(tx.Commit(ctx))
}

// retryable reports a serialization failure or a deadlock, after which the same transaction may succeed, or an
// error that pgx says happened before the server could have seen the transaction.
func retryable(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "40001" || pe.Code == "40P01"
	}
	return err != nil && pgconn.SafeToRetry(err)
}

// readTx runs fn in a read-only repeatable-read transaction: every query in fn sees one snapshot, so that an answer
// and the data version read beside it agree.
func (d *DB) readTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	tx, err := d.begin(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return err
	}
	defer tx.Rollback(context.Background())
	if err := fn(tx); err != nil {
		return err
	}
	return d.commit(ctx, tx)
}

// Exclusive runs fn while holding a session-level advisory lock on a dedicated connection, so that replicas
// starting together seed the database and create the first admin once. fn's own queries use other connections.
func (d *DB) Exclusive(ctx context.Context, fn func(ctx context.Context) error) error {
	conn, err := d.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, exclusiveLockKey); err != nil {
		return err
	}
	defer unlock(conn, exclusiveLockKey)
	return fn(ctx)
}
