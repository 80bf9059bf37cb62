package resolvers

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// Change is what the dataChanged subscription pushes: the data version and when it was seen.
type Change struct {
	Version int64
	At      time.Time
}

// Broker watches the data version and tells every subscriber when it moves. It polls, so that writes by any
// process (the server, `wenming import`, an admin's SQL) reach open dashboards, at the cost of one tiny query a
// second for the whole server.
type Broker struct {
	Version  func(ctx context.Context) (int64, error)
	Interval time.Duration
	Log      *slog.Logger

	mu   sync.Mutex
	subs map[chan Change]struct{}
	last Change
}

// Run polls until ctx ends.
func (b *Broker) Run(ctx context.Context) {
	interval := b.Interval
	if interval == 0 {
		interval = time.Second
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		b.poll(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Poll checks the version once and notifies subscribers of a change; writes in this process call it at once.
func (b *Broker) Poll(ctx context.Context) { b.poll(ctx) }

func (b *Broker) poll(ctx context.Context) {
	v, err := b.Version(ctx)
	if err != nil {
		if ctx.Err() == nil && b.Log != nil {
			b.Log.Warn("data version poll", "err", err)
		}
		return
	}
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
