package db

import (
	"context"
	"time"
)

// ChangeSource tells the live-updates broker when the data version may have moved, however the backend learns it:
// SQLite polls the version, PostgreSQL can listen for a notification and poll as the fallback.
type ChangeSource interface {
	// DataVersion reads the version every write bumps.
	DataVersion(ctx context.Context) (int64, error)
	// WatchChanges sends the data version whenever it may have changed (at least once per interval), until ctx ends
	// and the channel closes.
	WatchChanges(ctx context.Context, interval time.Duration) <-chan int64
}

// PollChanges is the polling WatchChanges of a backend without notifications: it reads the version once per
// interval and sends it when it moved, so that writes by any process (the server, `wenming import`, an admin's
// SQL) are seen.
func PollChanges(ctx context.Context, interval time.Duration, version func(context.Context) (int64, error)) <-chan int64 {
	if interval <= 0 {
		interval = time.Second
	}
	out := make(chan int64, 1)
	go func() {
		defer close(out)
		t := time.NewTicker(interval)
		defer t.Stop()
		last := int64(-1)
		for {
			if v, err := version(ctx); err == nil && v != last {
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
			}
		}
	}()
	return out
}
