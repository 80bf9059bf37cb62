package pgtest_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/wenming/wenming/db/postgres/pgtest"
)

func TestPrivateStopStart(t *testing.T) {
	c := pgtest.Private(t, "max_connections = 50")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	dsn, err := c.CreateDatabase(ctx, "private")
	if err != nil {
		t.Fatal(err)
	}
	ping := func() error {
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		var n string
		return conn.QueryRow(ctx, `SHOW max_connections`).Scan(&n)
	}
	t.Run("SettingsApply", func(t *testing.T) {
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		var n string
		if err := conn.QueryRow(ctx, `SHOW max_connections`).Scan(&n); err != nil || n != "50" {
			t.Fatalf("max_connections = %q, %v; want 50", n, err)
		}
	})
	t.Run("StoppedRefuses", func(t *testing.T) {
		if err := c.Stop(); err != nil {
			t.Fatal(err)
		}
		if err := ping(); err == nil {
			t.Fatal("a stopped cluster accepted a connection")
		}
	})
	t.Run("StartedAgainAnswers", func(t *testing.T) {
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		if err := ping(); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("RemoveDeletesDirectory", func(t *testing.T) {
		c.Remove()
		if _, err := os.Stat(c.Dir); !os.IsNotExist(err) {
			t.Fatalf("directory %s still there: %v", c.Dir, err)
		}
	})
}
