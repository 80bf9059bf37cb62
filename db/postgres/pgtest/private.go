package pgtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/wenming/wenming/internal/freeport"
)

// Installed reports why PostgreSQL cannot be started here ("" when it can): the binaries or the postgres OS user
// are missing.
func Installed() string {
	for _, b := range []string{"initdb", "pg_ctl"} {
		if _, err := os.Stat(filepath.Join(BinDir, b)); err != nil {
			return filepath.Join(BinDir, b) + " is not installed"
		}
	}
	if os.Geteuid() == 0 {
		if _, err := asPostgres("true").Output(); err != nil {
			return "the postgres OS user does not exist"
		}
	}
	return ""
}

// Private starts a cluster of the test's own, apart from the shared one that Server returns, for a test that stops
// and starts PostgreSQL under load (the replica test) and must not disturb other tests. It is removed when tb ends.
// Like Server, it skips tb when PostgreSQL is not installed, unless WENMING_REQUIRE_POSTGRES is set.
func Private(tb testing.TB, settings ...string) *Cluster {
	tb.Helper()
	if why := Installed(); why != "" {
		if v := os.Getenv(RequireEnv); v != "" && v != "0" {
			tb.Fatalf("PostgreSQL is required (%s=%s) but %s; run scripts/ensure-postgres.sh", RequireEnv, v, why)
		}
		tb.Skipf("skipping: %s (run scripts/ensure-postgres.sh, or set %s=1 to fail instead)", why, RequireEnv)
	}
	c, err := StartCluster(settings...)
	if err != nil {
		tb.Fatalf("start PostgreSQL: %v", err)
	}
	tb.Cleanup(func() { c.Remove() })
	return c
}

// StartCluster starts a cluster of its own for a program that is not a test (the benchmark) or for Private: initdb
// in a fresh temporary directory, then a server on 127.0.0.1 and a free port with the test settings (trust
// authentication, fsync off) followed by settings ("name = value" lines of postgresql.conf). The settings are
// written into the data directory, so that Stop and Start keep them. Remove stops it and deletes the directory.
func StartCluster(settings ...string) (*Cluster, error) {
	if why := Installed(); why != "" {
		return nil, fmt.Errorf("%s; run scripts/ensure-postgres.sh", why)
	}
	t0 := time.Now()
	reapStale()
	dir, err := os.MkdirTemp("", "wenming-pg-")
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*Cluster, error) {
		os.RemoveAll(dir)
		return nil, err
	}
	// The owner's pid lets reapStale remove the cluster of a binary that was killed before Remove.
	if err := os.WriteFile(filepath.Join(dir, "owner.pid"), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		return fail(err)
	}
	if err := chownPostgres(dir); err != nil {
		return fail(err)
	}
	data := filepath.Join(dir, "data")
	if out, err := asPostgres(filepath.Join(BinDir, "initdb"), "-D", data, "-U", "postgres", "--auth=trust",
		"--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions").CombinedOutput(); err != nil {
		return fail(fmt.Errorf("initdb: %v: %s", err, out))
	}
	var lastErr error
	// A port found free may be taken before the server binds it; try a few.
	for attempt := 0; attempt < 3; attempt++ {
		port, err := freeport.Pick()
		if err != nil {
			return fail(err)
		}
		conf := append([]string{
			"listen_addresses = '127.0.0.1'", "port = " + strconv.Itoa(port), "unix_socket_directories = '" + dir + "'",
			"fsync = off", "synchronous_commit = off", "full_page_writes = off",
			"max_connections = 300", "shared_buffers = 32MB", "log_min_messages = warning",
		}, settings...)
		// Later lines win in postgresql.conf, so that a retry's port replaces the previous one.
		f, err := os.OpenFile(filepath.Join(data, "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			return fail(err)
		}
		_, err = f.WriteString("\n# pgtest\n" + strings.Join(conf, "\n") + "\n")
		f.Close()
		if err != nil {
			return fail(err)
		}
		c := &Cluster{Port: port, Dir: dir}
		if lastErr = c.Start(); lastErr == nil {
			c.StartTime = time.Since(t0)
			return c, nil
		}
	}
	return fail(lastErr)
}

// Start starts the cluster's server again after Stop, on the same port, and waits until it accepts connections.
func (c *Cluster) Start() error {
	out, err := asPostgres(filepath.Join(BinDir, "pg_ctl"), "-D", filepath.Join(c.Dir, "data"),
		"-l", filepath.Join(c.Dir, "server.log"), "-w", "-t", "60", "start").CombinedOutput()
	if err != nil {
		log, _ := os.ReadFile(filepath.Join(c.Dir, "server.log"))
		return fmt.Errorf("pg_ctl start: %v: %s\n%s", err, out, log)
	}
	return nil
}

// Stop stops the cluster's server with a fast shutdown, as an operator or a failing machine would: open sessions
// are ended and their transactions rolled back. The data stays, for Start.
func (c *Cluster) Stop() error {
	out, err := asPostgres(filepath.Join(BinDir, "pg_ctl"), "-D", filepath.Join(c.Dir, "data"), "-m", "fast", "-w", "stop").CombinedOutput()
	if err != nil {
		return fmt.Errorf("pg_ctl stop: %v: %s", err, out)
	}
	return nil
}

// Remove stops the server at once and deletes the cluster's directory; for clusters from StartCluster or Private.
func (c *Cluster) Remove() {
	_ = asPostgres(filepath.Join(BinDir, "pg_ctl"), "-D", filepath.Join(c.Dir, "data"), "-m", "immediate", "-w", "stop").Run()
	_ = os.RemoveAll(c.Dir)
}

// CreateDatabase creates an empty database on the cluster and returns its DSN.
func (c *Cluster) CreateDatabase(ctx context.Context, name string) (string, error) {
	if err := c.admin(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", err
	}
	return c.DSN(name), nil
}
