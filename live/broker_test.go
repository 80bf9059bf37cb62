package live_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/live"
)

// source is a change source over a counter, polled as SQLite's is.
type source struct{ v atomic.Int64 }

func (s *source) DataVersion(context.Context) (int64, error) { return s.v.Load(), nil }
func (s *source) WatchChanges(ctx context.Context, interval time.Duration) <-chan int64 {
	return db.PollChanges(ctx, interval, s.DataVersion)
}

func next(t *testing.T, ch <-chan live.Change) int64 {
	t.Helper()
	select {
	case c := <-ch:
		return c.Version
	case <-time.After(5 * time.Second):
		t.Fatal("no change within 5 s")
		return 0
	}
}

func TestBroker(t *testing.T) {
	src := &source{}
	src.v.Store(7)
	b := &live.Broker{Source: src, Interval: 20 * time.Millisecond}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go b.Run(ctx)

	sub := b.Subscribe(ctx)
	t.Run("FirstTheCurrentVersion", func(t *testing.T) {
		if v := next(t, sub); v != 7 {
			t.Fatalf("first change = %d, want 7", v)
		}
	})
	t.Run("ThenEveryChangeTheSourceSees", func(t *testing.T) {
		src.v.Store(8)
		if v := next(t, sub); v != 8 {
			t.Fatalf("change = %d, want 8", v)
		}
	})
	t.Run("PollNudgesAtOnce", func(t *testing.T) {
		slow := &live.Broker{Source: src, Interval: time.Hour}
		s := slow.Subscribe(ctx)
		src.v.Store(9)
		slow.Poll(ctx)
		select {
		case c := <-s:
			if c.Version != 9 {
				t.Fatalf("nudged change = %d, want 9", c.Version)
			}
		default:
			t.Fatal("Poll did not publish the new version")
		}
	})
	t.Run("ASlowSubscriberKeepsTheNewest", func(t *testing.T) {
		b2 := &live.Broker{Source: src, Interval: time.Hour}
		s := b2.Subscribe(ctx)
		for v := int64(10); v <= 12; v++ {
			src.v.Store(v)
			b2.Poll(ctx)
		}
		if v := next(t, s); v != 12 {
			t.Fatalf("slow subscriber got %d, want the newest, 12", v)
		}
	})
}
