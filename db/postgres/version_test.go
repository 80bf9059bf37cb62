package postgres_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/wenming/wenming/db/postgres"
)

// remoteBump bumps the data version from a connection of its own, as another replica's write does; with stmt, that
// statement runs first in the same transaction.
func remoteBump(t *testing.T, d *postgres.DB, stmt string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, d.Pool().Config().ConnConfig.ConnString())
	if err != nil {
		t.Error(err)
		return
	}
	defer conn.Close(ctx)
	if err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		if stmt != "" {
			if _, err := tx.Exec(ctx, stmt); err != nil {
				return err
			}
		}
		_, err := tx.Exec(ctx, `UPDATE meta SET value = value + 1 WHERE key = 'data_version'`)
		return err
	}); err != nil {
		t.Error(err)
	}
}

// waitCached polls CachedVersion until it reports want, and returns how long that took.
func waitCached(t *testing.T, d *postgres.DB, want int64, within time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	for time.Since(start) < within {
		if v, err := d.CachedVersion(context.Background()); err == nil && v == want {
			return time.Since(start)
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("CachedVersion did not reach %d within %v", want, within)
	return 0
}

// listening starts WatchChanges and waits until CachedVersion answers from memory: a cancelled context cannot read.
func listening(t *testing.T, d *postgres.DB) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	ch := d.WatchChanges(ctx, time.Minute)
	go func() {
		for range ch {
		}
	}()
	dead, kill := context.WithCancel(context.Background())
	kill()
	for start := time.Now(); time.Since(start) < 5*time.Second; time.Sleep(10 * time.Millisecond) {
		if _, err := d.CachedVersion(dead); err == nil {
			return
		}
	}
	t.Fatal("CachedVersion never answered from memory while listening")
}

func TestCachedVersion(t *testing.T) {
	ctx := context.Background()
	dead, kill := context.WithCancel(ctx)
	kill()

	t.Run("ReadsWithoutAListener", func(t *testing.T) {
		d := open(t, migrated(t))
		if _, err := d.CachedVersion(dead); err == nil {
			t.Fatal("CachedVersion answered from memory with no listener up")
		}
		remoteBump(t, d, "")
		if v, err := d.CachedVersion(ctx); err != nil || v != 1 {
			t.Fatalf("CachedVersion = %d, %v; want 1 at once", v, err)
		}
	})
	t.Run("AnswersFromMemoryWhileListening", func(t *testing.T) {
		d := open(t, migrated(t))
		listening(t, d) // fails unless a cancelled context gets an answer: no round trip
	})
	t.Run("OwnWriteSeenAtOnce", func(t *testing.T) {
		d := open(t, migrated(t))
		listening(t, d)
		for i := range 20 {
			if err := d.WriteSQL(ctx, `SELECT 1`); err != nil {
				t.Fatal(err)
			}
			if v, err := d.CachedVersion(ctx); err != nil || v != int64(i+1) {
				t.Fatalf("after write %d CachedVersion = %d, %v", i+1, v, err)
			}
		}
	})
	t.Run("OtherReplicasWriteByNotification", func(t *testing.T) {
		d := open(t, migrated(t))
		listening(t, d)
		remoteBump(t, d, "")
		t.Logf("seen after %v", waitCached(t, d, 1, time.Second).Round(time.Millisecond))
	})
	t.Run("LostNotificationWithinMaxAge", func(t *testing.T) {
		d := open(t, migrated(t))
		// No NOTIFY at all, as through a listener silently cut off: only the confirming read can tell.
		if _, err := d.Pool().Exec(ctx, `ALTER TABLE meta DISABLE TRIGGER meta_notify`); err != nil {
			t.Fatal(err)
		}
		listening(t, d)
		remoteBump(t, d, "")
		t.Logf("seen after %v", waitCached(t, d, 1, 1500*time.Millisecond).Round(time.Millisecond))
	})
	t.Run("NeverOlderDataUnderNewerKey", func(t *testing.T) {
		// Every write adds one row and one version, so rows − version is constant: an answer computed after reading
		// key k must count at least k + that constant rows, or it was computed on data older than its key.
		d := open(t, migrated(t))
		if _, err := d.Pool().Exec(ctx, `CREATE TABLE probe (id int GENERATED ALWAYS AS IDENTITY)`); err != nil {
			t.Fatal(err)
		}
		listening(t, d)
		stop := time.Now().Add(1500 * time.Millisecond)
		var wg sync.WaitGroup
		var writes, reads, older atomic.Int64
		wg.Add(2)
		go func() { // this replica's writes
			defer wg.Done()
			for time.Now().Before(stop) {
				if err := d.WriteSQL(ctx, `INSERT INTO probe DEFAULT VALUES`); err != nil {
					t.Error(err)
					return
				}
				writes.Add(1)
			}
		}()
		go func() { // another replica's writes
			defer wg.Done()
			for time.Now().Before(stop) {
				remoteBump(t, d, `INSERT INTO probe DEFAULT VALUES`)
				writes.Add(1)
			}
		}()
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for time.Now().Before(stop) {
					k, err := d.CachedVersion(ctx)
					if err != nil {
						t.Error(err)
						return
					}
					var rows int64
					if err := d.Pool().QueryRow(ctx, `SELECT count(*) FROM probe`).Scan(&rows); err != nil {
						t.Error(err)
						return
					}
					reads.Add(1)
					if rows < k {
						older.Add(1)
					}
				}
			}()
		}
		wg.Wait()
		if older.Load() > 0 {
			t.Fatalf("%d of %d reads computed on data older than their key", older.Load(), reads.Load())
		}
		if writes.Load() < 10 || reads.Load() < 100 {
			t.Fatalf("too little traffic to tell: %d writes, %d reads", writes.Load(), reads.Load())
		}
		t.Logf("%d writes, %d reads, none older than its key", writes.Load(), reads.Load())
	})
}
