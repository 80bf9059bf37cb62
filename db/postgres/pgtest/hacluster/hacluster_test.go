package hacluster_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/wenming/wenming/db/postgres/pgtest/hacluster"
)

// loadavg is the machine's load beside each measured time.
func loadavg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	return string(b[:min(len(b), 14)])
}

// TestHACluster runs the harness through what the failover tests do with it, on one cluster of two nodes: a write
// through HAProxy, the primary's machine killed, the standby taking writes, the old primary read directly before it
// rejoins, the rejoin, and a planned switchover back. It prints the set-up, failover and rejoin times.
func TestHACluster(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the HA cluster (about 30 s) in -short mode")
	}
	c := hacluster.Start(t, 2)
	t.Logf("measured: set-up %s (load %s)", c.SetupTime.Round(time.Millisecond), loadavg())
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	dsn, err := c.CreateDatabase(ctx, "harness")
	if err != nil {
		t.Fatal(err)
	}
	// write inserts a row through HAProxy and returns the port of the node that took it.
	write := func(t *testing.T, label string) int {
		t.Helper()
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		var port int
		if err := conn.QueryRow(ctx, `INSERT INTO rows (label) VALUES ($1) RETURNING inet_server_port()`, label).Scan(&port); err != nil {
			t.Fatalf("insert %s: %v", label, err)
		}
		return port
	}
	labels := func(ctx context.Context, conn *pgx.Conn) ([]string, error) {
		rows, err := conn.Query(ctx, `SELECT label FROM rows ORDER BY label`)
		if err != nil {
			return nil, err
		}
		return pgx.CollectRows(rows, pgx.RowTo[string])
	}
	nodeLabels := func(t *testing.T, i int) []string {
		t.Helper()
		conn, err := pgx.Connect(ctx, c.NodeDSN(i, "harness"))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		got, err := labels(ctx, conn)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}

	old, err := c.Primary(ctx)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `CREATE TABLE rows (label text PRIMARY KEY)`); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)
	t.Run("WritesReachThePrimary", func(t *testing.T) {
		if port := write(t, "a-before"); port != c.NodePort(old) {
			t.Fatalf("the write reached port %d; the primary node%d is on %d", port, old, c.NodePort(old))
		}
	})

	var next int
	ok := t.Run("StandbyTakesOverAfterKill9", func(t *testing.T) {
		var took time.Duration
		next, took, err = c.Failover(ctx, c.KillNode9, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("measured: kill -9 of node%d → node%d took a write through HAProxy in %s (load %s)", old, next, took.Round(time.Millisecond), loadavg())
		if port := write(t, "b-after"); port != c.NodePort(next) {
			t.Fatalf("the write reached port %d; the new primary node%d is on %d", port, next, c.NodePort(next))
		}
		// The synchronous standby had the acknowledged write before the kill.
		if got := nodeLabels(t, next); !slices.Equal(got, []string{"a-before", "b-after"}) {
			t.Fatalf("new primary holds %v", got)
		}
	})
	if !ok {
		t.FailNow()
	}

	t.Run("ReadDirectSeesTheKilledNode", func(t *testing.T) {
		err := c.ReadDirect(ctx, old, "harness", func(ctx context.Context, conn *pgx.Conn) error {
			got, err := labels(ctx, conn)
			if err != nil {
				return err
			}
			if !slices.Equal(got, []string{"a-before"}) {
				return fmt.Errorf("the killed primary holds %v; want only the write from before the kill", got)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})

	ok = t.Run("KilledNodeRejoins", func(t *testing.T) {
		t0 := time.Now()
		if err := c.Rejoin(ctx, old); err != nil {
			t.Fatal(err)
		}
		t.Logf("measured: node%d rejoined as the synchronous standby in %s (load %s)", old, time.Since(t0).Round(time.Millisecond), loadavg())
		write(t, "c-rejoined")
		// Synchronous replication: the acknowledged write is on the standby's disk; replay follows within moments.
		deadline := time.Now().Add(10 * time.Second)
		for got := nodeLabels(t, old); !slices.Equal(got, []string{"a-before", "b-after", "c-rejoined"}); got = nodeLabels(t, old) {
			if time.Now().After(deadline) {
				t.Fatalf("the rejoined node holds %v", got)
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
	if !ok {
		t.FailNow()
	}

	t.Run("SwitchoverBack", func(t *testing.T) {
		t0 := time.Now()
		if err := c.Switchover(ctx, old); err != nil {
			t.Fatal(err)
		}
		t.Logf("measured: switchover to node%d, with node%d streaming again, in %s (load %s)", old, next, time.Since(t0).Round(time.Millisecond), loadavg())
		if p, err := c.Primary(ctx); err != nil || p != old {
			t.Fatalf("primary = %d, %v; want node%d", p, err, old)
		}
		if port := write(t, "d-switched"); port != c.NodePort(old) {
			t.Fatalf("the write reached port %d; want node%d's %d", port, old, c.NodePort(old))
		}
	})
}
