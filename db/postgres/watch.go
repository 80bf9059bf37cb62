package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// changesChannel is the NOTIFY channel that meta's trigger announces every new data version on.
const changesChannel = "wenming_data_version"

// Listener reconnect backoff: from the first to the longest wait between attempts, and listenPing: how long the
// listener waits quietly before asking its node whether it is still there, and for the answer.
const (
	listenPing       = time.Second
	listenBackoffMin = 100 * time.Millisecond
	listenBackoffMax = 2 * time.Second
)

// WatchChanges sends the data version whenever it may have changed, until ctx ends and the channel closes. A
// dedicated connection (not the pool's, and never through PgBouncer in transaction mode) LISTENs for the NOTIFY
// that every committed write sends, and reconnects with backoff when it drops; the version is re-read after every
// notification, after every reconnect (notifications missed while away are never replayed), and once per interval
// as the fallback. Closing the DB ends it too.
func (d *DB) WatchChanges(ctx context.Context, interval time.Duration) <-chan int64 {
	if interval <= 0 {
		interval = time.Second
	}
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		select {
		case <-d.closed:
		case <-ctx.Done():
		}
		cancel()
	}()
	out := make(chan int64, 1)
	wake := make(chan struct{}, 1)
	poke := func() {
		select {
		case wake <- struct{}{}:
		default:
		}
	}
	go d.listen(ctx, poke)
	go d.confirmVersion(ctx)
	go func() {
		defer close(out)
		t := time.NewTicker(interval)
		defer t.Stop()
		last := int64(-1)
		for {
			if v, err := d.DataVersion(ctx); err == nil && v != last {
				last = v
				select {
				case out <- v:
				case <-ctx.Done():
					return
				}
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			case <-wake:
			}
		}
	}()
	return out
}

// listen holds a LISTEN connection until ctx ends, calling poke after every (re)connect and every notification.
func (d *DB) listen(ctx context.Context, poke func()) {
	backoff := listenBackoffMin
	for ctx.Err() == nil {
		err := d.listenOnce(ctx, func() {
			backoff = listenBackoffMin
			poke()
		})
		if ctx.Err() != nil {
			return
		}
		_ = err // the poll covers the gap; the next attempt reports nothing new
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, listenBackoffMax)
	}
}

func (d *DB) listenOnce(ctx context.Context, poke func()) error {
	cfg := d.pool.Config().ConnConfig.Copy()
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, `LISTEN `+changesChannel); err != nil {
		return err
	}
	// While a listener is up, the caches may use the version last read (CachedVersion).
	d.ver.listening(+1)
	defer d.ver.listening(-1)
	// Connected: what changed while we were away is read now (after a failover, on the new primary).
	poke()
	for {
		wctx, cancel := context.WithTimeout(ctx, listenPing)
		_, err := conn.WaitForNotification(wctx)
		cancel()
		if err == nil {
			poke()
			continue
		}
		if ctx.Err() != nil || !(errors.Is(err, context.DeadlineExceeded) || pgconn.Timeout(err)) {
			return err
		}
		// A quiet second: a node that hung answers nothing, not even an error, so ask it.
		pctx, cancel := context.WithTimeout(ctx, listenPing)
		err = conn.Ping(pctx)
		cancel()
		if err != nil {
			return err
		}
	}
}

// confirmVersion reads the data version twice per versionMaxAge until ctx ends, so that CachedVersion finds a recent
// read while the listener is up, and a listener cut off without a word delays changes by at most versionMaxAge.
func (d *DB) confirmVersion(ctx context.Context) {
	t := time.NewTicker(versionMaxAge / 2)
	defer t.Stop()
	for {
		d.DataVersion(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
