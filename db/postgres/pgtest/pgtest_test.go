package pgtest_test

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/wenming/wenming/db/postgres/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func TestCluster(t *testing.T) {
	c := pgtest.Server(t)
	t.Logf("cluster started in %v on port %d", c.StartTime, c.Port)
	tmpl := pgtest.Template(t, "pgtest_tmpl", func(ctx context.Context, dsn string) error {
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, `CREATE TABLE marks (n integer); INSERT INTO marks VALUES (42)`)
		return err
	})
	t.Run("CloneHasTemplateRows", func(t *testing.T) {
		t0 := time.Now()
		dsn := pgtest.NewDatabase(t, tmpl)
		t.Logf("clone took %v", time.Since(t0))
		conn, err := pgx.Connect(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(context.Background())
		var n int
		if err := conn.QueryRow(context.Background(), `SELECT n FROM marks`).Scan(&n); err != nil || n != 42 {
			t.Fatalf("got %d, %v; want 42", n, err)
		}
		if _, err := conn.Exec(context.Background(), `INSERT INTO marks VALUES (1)`); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ClonesAreIndependent", func(t *testing.T) {
		conn, err := pgx.Connect(context.Background(), pgtest.NewDatabase(t, tmpl))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(context.Background())
		var n int
		if err := conn.QueryRow(context.Background(), `SELECT count(*) FROM marks`).Scan(&n); err != nil || n != 1 {
			t.Fatalf("got %d rows, %v; want 1", n, err)
		}
	})
	t.Run("EmptyDatabase", func(t *testing.T) {
		conn, err := pgx.Connect(context.Background(), pgtest.NewDatabase(t, ""))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(context.Background(), `SELECT 1 FROM marks`); err == nil {
			t.Fatal("an empty database has the template's table")
		}
	})
}

// TestMissingInstallation runs this binary again with PostgreSQL's binaries pointed at an empty directory.
func TestMissingInstallation(t *testing.T) {
	if os.Getenv("PGTEST_CHILD") == "1" {
		pgtest.Server(t)
		t.Fatal("Server returned without PostgreSQL")
	}
	for _, tc := range []struct {
		name, require, want string
		fails               bool
	}{
		{"SkipsByDefault", "", "--- SKIP", false},
		{"FailsWhenRequired", "1", "PostgreSQL is required", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run", "^TestMissingInstallation$", "-test.v")
			cmd.Env = append(os.Environ(), "PGTEST_CHILD=1", "WENMING_PG_BINDIR="+t.TempDir(), pgtest.RequireEnv+"="+tc.require)
			out, err := cmd.CombinedOutput()
			if (err != nil) != tc.fails || !strings.Contains(string(out), tc.want) {
				t.Fatalf("err = %v, want failure %v; output:\n%s", err, tc.fails, out)
			}
		})
	}
}
