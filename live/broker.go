// Package live fans the backend's data-version changes out to the dataChanged subscribers, so that open dashboards
// and big screens refresh when anyone writes.
package live

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/wenming/wenming/db"
)

// Change is what the dataChanged subscription pushes: the data version and when it was seen.
type Change struct {
	Version int64
	At      time.Time
}

// Broker tells every subscriber when the data version moves. It learns of changes from the backend's change source
// (a poll on SQLite), and writes in this process nudge it at once through Poll.
type Broker struct {
	Source db.ChangeSource
	// Interval is how often the source checks at least; one second by default.
	Interval time.Duration
	Log      *slog.Logger

	mu   sync.Mutex
	subs map[chan Change]struct{}
	last Change
}

// Run publishes the source's changes until ctx ends.
func (b *Broker) Run(ctx context.Context) {
	interval := b.Interval
	if interval == 0 {
		interval = time.Second
	}
	for v := range b.Source.WatchChanges(ctx, interval) {
		b.publish(v)
	}
}

// Poll checks the version once and notifies subscribers of a change; writes in this process call it at once.
func (b *Broker) Poll(ctx context.Context) {
	v, err := b.Source.DataVersion(ctx)
	if err != nil {
		if ctx.Err() == nil && b.Log != nil {
			b.Log.Warn("data version poll", "err", err)
		}
		return
	}
	b.publish(v)
}

// publish records the version and tells every subscriber when it moved.
func (b *Broker) publish(v int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if v == b.last.Version {
		return
	}
	b.last = Change{Version: v, At: time.Now()}
	for ch := range b.subs {
		select {
		case ch <- b.last:
		default:
			// A slow subscriber keeps only the newest change.
			select {
			case <-ch:
			default:
			}
			ch <- b.last
		}
	}
}

// Subscribe returns a channel that first receives the current version, then every change, until ctx ends.
func (b *Broker) Subscribe(ctx context.Context) <-chan Change {
	ch := make(chan Change, 1)
	b.mu.Lock()
	if b.subs == nil {
		b.subs = map[chan Change]struct{}{}
	}
	b.subs[ch] = struct{}{}
	if b.last.Version != 0 {
		ch <- b.last
	}
	b.mu.Unlock()
	go func() {
		<-ctx.Done()
		b.mu.Lock()
		delete(b.subs, ch)
		b.mu.Unlock()
	}()
	return ch
}
