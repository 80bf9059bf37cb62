package postgres_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/postgres"
	"github.com/wenming/wenming/db/postgres/pgtest"
)

// openWith opens a database of the test's own with opts, and a plain connection to it for the test's own moves.
func openWith(t *testing.T, opts postgres.Options) (*postgres.DB, *pgx.Conn) {
	t.Helper()
	ctx := context.Background()
	dsn := pgtest.NewDatabase(t, migrated(t))
	d, err := postgres.OpenWith(ctx, dsn, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return d, conn
}

// TestStatementDeadline holds a lock that a read waits on, as a hung primary would hold the read: the read ends at
// the statement deadline with an error instead of waiting, the pool is dropped once, and reads work again after.
func TestStatementDeadline(t *testing.T) {
	ctx := context.Background()
	d, conn := openWith(t, postgres.Options{StatementTimeout: 300 * time.Millisecond})
	if _, err := d.UnitKinds(ctx); err != nil {
		t.Fatal(err)
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, `LOCK TABLE units IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	// The test's own limit only catches a hang; the deadline under test is the engine's 300 ms.
	lctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	_, err = d.UnitKinds(lctx)
	hung := lctx.Err()
	cancel()
	if err == nil || hung != nil || !(errors.Is(err, context.DeadlineExceeded) || pgconn.Timeout(err)) {
		t.Fatalf("a read behind a held lock: err %v (test context: %v), want the statement deadline", err, hung)
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	st, err := d.PrimaryStatus(ctx)
	if err != nil || st.Role != db.NodePrimary || st.PoolResets != 1 {
		t.Errorf("after the deadline: %+v, %v; want a primary and one pool drop", st, err)
	}
	if _, err := d.UnitKinds(ctx); err != nil {
		t.Errorf("a read after the lock went: %v", err)
	}
}

// TestReadOnlyNode makes the node behind the pool's connections read-only and ends them, as a failover that demotes
// the primary does: /readyz's Ping says read-only, a write fails with 25006, the pool is dropped; once the node is
// writable again and the connections end once more, writes go through on fresh connections.
func TestReadOnlyNode(t *testing.T) {
	ctx := context.Background()
	d, conn := openWith(t, postgres.Options{})
	if err := d.Ping(ctx); err != nil {
		t.Fatalf("ping of a writable primary: %v", err)
	}
	name := pgx.Identifier{conn.Config().Database}.Sanitize()
	flip := func(setting string) {
		t.Helper()
		if _, err := conn.Exec(ctx, `ALTER DATABASE `+name+` `+setting); err != nil {
			t.Fatal(err)
		}
		if _, err := conn.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
			conn.Config().Database); err != nil {
			t.Fatal(err)
		}
	}
	admin := db.WithPrincipal(ctx, &db.Principal{UserID: 1, Username: "admin", Role: db.RoleAdmin, Via: "session"})
	flip(`SET default_transaction_read_only = on`)
	// The first statement may meet a connection the node ended (57P01) and drop the pool; the next ones connect
	// afresh and find the node read-only.
	var pingErr error
	for i := 0; i < 3; i++ {
		if pingErr = d.Ping(ctx); pingErr != nil && strings.Contains(pingErr.Error(), "read-only") {
			break
		}
	}
	if pingErr == nil || !strings.Contains(pingErr.Error(), "read-only") {
		t.Errorf("ping of a read-only node: %v, want read-only", pingErr)
	}
	_, err := d.CreateUnit(admin, db.UnitFields{Name: "只读测试单位（演示）", Kind: "机关"})
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "25006" {
		t.Errorf("write on a read-only node: %v, want 25006", err)
	}
	if st, _ := d.PrimaryStatus(ctx); st.PoolResets == 0 || st.Role != db.NodePrimary {
		t.Errorf("after 25006: %+v, want the pool dropped (the node is no standby: it reports primary)", st)
	}
	flip(`RESET default_transaction_read_only`)
	for i := 0; i < 3; i++ {
		if pingErr = d.Ping(ctx); pingErr == nil {
			break
		}
	}
	if pingErr != nil {
		t.Errorf("ping once writable again: %v", pingErr)
	}
	if _, err := d.CreateUnit(admin, db.UnitFields{Name: "只读测试单位（演示）", Kind: "机关"}); err != nil {
		t.Errorf("write once writable again: %v", err)
	}
}

// TestTimelineInVersions checks that the versions carry the primary's timeline (1 on a cluster never failed over),
// and that the caches' key does.
func TestTimelineInVersions(t *testing.T) {
	d := open(t, migrated(t))
	v, err := d.DataVersions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if v.Timeline != 1 {
		t.Errorf("timeline = %d, want 1", v.Timeline)
	}
	if k := v.Key(db.AllDomains); !strings.HasPrefix(k, "t1") {
		t.Errorf("cache key %q does not start with the timeline", k)
	}
}
