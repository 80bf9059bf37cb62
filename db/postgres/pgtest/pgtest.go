// Package pgtest starts a throwaway PostgreSQL 15 cluster for tests, once per test binary, and hands each test a
// database of its own cloned from a template (CREATE DATABASE … TEMPLATE), so that a migrated and seeded database
// costs one file copy instead of a migration and a seed.
//
// The cluster runs as the postgres OS user (tests run as root, which PostgreSQL refuses), in a temporary
// directory, on 127.0.0.1 and a free port, with trust authentication and fsync off. Call Main from TestMain so
// that it stops when the binary ends:
//
//	func TestMain(m *testing.M) { pgtest.Main(m) }
//
// When PostgreSQL's binaries are missing, Server skips the test, unless WENMING_REQUIRE_POSTGRES is set (make test
// sets it after scripts/ensure-postgres.sh), in which case it fails.
package pgtest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/wenming/wenming/internal/freeport"
)

// BinDir is where Debian's postgresql-15 package puts initdb and pg_ctl; WENMING_PG_BINDIR overrides it.
var BinDir = "/usr/lib/postgresql/15/bin"

func init() {
	if dir := os.Getenv("WENMING_PG_BINDIR"); dir != "" {
		BinDir = dir
	}
}

// RequireEnv, when set to anything but "" or "0", turns a missing PostgreSQL into a failure instead of a skip.
const RequireEnv = "WENMING_REQUIRE_POSTGRES"

// Cluster is a running throwaway PostgreSQL server.
type Cluster struct {
	// Port is the TCP port on 127.0.0.1.
	Port int
	// Dir holds the data directory, the socket directory and the server log.
	Dir string
	// StartTime is how long initdb and the start took, for the test log.
	StartTime time.Duration

	seq atomic.Int64
}

var (
	mu      sync.Mutex
	started *Cluster
	// startErr is kept so that every test after a failed start fails fast with the same reason.
	startErr error
	// missing is set when the binaries are absent and the tests may skip.
	missing string

	templatesMu sync.Mutex
	templates   = map[string]*template{}
)

// template is a database built once per binary and cloned per test.
type template struct {
	once sync.Once
	err  error
}

// Main runs the package's tests and then stops the cluster, if one was started; call it from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	Stop()
	os.Exit(code)
}

// Stop stops the cluster immediately and removes its directory; Main calls it.
func Stop() {
	mu.Lock()
	defer mu.Unlock()
	if started == nil {
		return
	}
	c := started
	started = nil
	_ = asPostgres(filepath.Join(BinDir, "pg_ctl"), "-D", filepath.Join(c.Dir, "data"), "-m", "immediate", "-w", "stop").Run()
	_ = os.RemoveAll(c.Dir)
}

// Server returns the cluster, starting it on first use. It skips tb when PostgreSQL is not installed and
// WENMING_REQUIRE_POSTGRES is unset, and fails tb when the start fails.
func Server(tb testing.TB) *Cluster {
	tb.Helper()
	mu.Lock()
	defer mu.Unlock()
	if started == nil && startErr == nil && missing == "" {
		started, startErr = start()
	}
	if missing != "" {
		if v := os.Getenv(RequireEnv); v != "" && v != "0" {
			tb.Fatalf("PostgreSQL is required (%s=%s) but %s; run scripts/ensure-postgres.sh", RequireEnv, v, missing)
		}
		tb.Skipf("skipping: %s (run scripts/ensure-postgres.sh, or set %s=1 to fail instead)", missing, RequireEnv)
	}
	if startErr != nil {
		tb.Fatalf("start PostgreSQL: %v", startErr)
	}
	return started
}

// start runs initdb and pg_ctl start as the postgres user in a fresh temporary directory.
func start() (*Cluster, error) {
	for _, b := range []string{"initdb", "pg_ctl"} {
		if _, err := os.Stat(filepath.Join(BinDir, b)); err != nil {
			missing = filepath.Join(BinDir, b) + " is not installed"
			return nil, nil
		}
	}
	if os.Geteuid() == 0 {
		if _, err := user.Lookup("postgres"); err != nil {
			missing = "the postgres OS user does not exist"
			return nil, nil
		}
	}
	t0 := time.Now()
	reapStale()
	dir, err := os.MkdirTemp("", "wenming-pg-")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "owner.pid"), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := chownPostgres(dir); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	data := filepath.Join(dir, "data")
	// C collation orders text bytewise, as SQLite's BINARY collation does, so that both backends sort names alike.
	if out, err := asPostgres(filepath.Join(BinDir, "initdb"), "-D", data, "-U", "postgres", "--auth=trust",
		"--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions").CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v: %s", err, out)
	}
	var lastErr error
	// A port found free may be taken before the server binds it; try a few.
	for attempt := 0; attempt < 3; attempt++ {
		port, err := freeport.Pick()
		if err != nil {
			return nil, err
		}
		opts := strings.Join([]string{
			"-c listen_addresses=127.0.0.1", "-p " + strconv.Itoa(port), "-k " + dir,
			"-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off",
			"-c max_connections=300", "-c shared_buffers=32MB", "-c log_min_messages=warning",
		}, " ")
		out, err := asPostgres(filepath.Join(BinDir, "pg_ctl"), "-D", data, "-l", filepath.Join(dir, "server.log"),
			"-o", opts, "-w", "-t", "60", "start").CombinedOutput()
		if err == nil {
			return &Cluster{Port: port, Dir: dir, StartTime: time.Since(t0)}, nil
		}
		log, _ := os.ReadFile(filepath.Join(dir, "server.log"))
		lastErr = fmt.Errorf("pg_ctl start: %v: %s\n%s", err, out, log)
	}
	os.RemoveAll(dir)
	return nil, lastErr
}

// reapStale stops and removes the clusters of test binaries that died without stopping theirs (killed by a
// timeout or a signal), so that they do not pile up.
func reapStale() {
	for _, dir := range OrphanedDirs("wenming-pg-*") {
		_ = asPostgres(filepath.Join(BinDir, "pg_ctl"), "-D", filepath.Join(dir, "data"), "-m", "immediate", "-w", "stop").Run()
		_ = os.RemoveAll(dir)
	}
}

// OrphanedDirs lists the temporary directories matching pattern whose owner.pid names a process that is gone: what
// a test binary killed before its cleanup left, for the harness that made them to clear.
func OrphanedDirs(pattern string) []string {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), pattern))
	var out []string
	for _, dir := range dirs {
		b, err := os.ReadFile(filepath.Join(dir, "owner.pid"))
		if err != nil {
			continue
		}
		pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err == nil && pid > 0 && syscall.Kill(pid, 0) == syscall.ESRCH {
			out = append(out, dir)
		}
	}
	return out
}

// asPostgres runs a PostgreSQL binary as the postgres user when the tests run as root.
func asPostgres(bin string, args ...string) *exec.Cmd {
	if os.Geteuid() != 0 {
		return exec.Command(bin, args...)
	}
	return exec.Command("runuser", append([]string{"-u", "postgres", "--", bin}, args...)...)
}

func chownPostgres(dir string) error {
	if os.Geteuid() != 0 {
		return nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return err
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return os.Chown(dir, uid, gid)
}

// DSN is the connection string of one database of the cluster.
func (c *Cluster) DSN(database string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.Port, database)
}

// admin runs statements on the maintenance database, one connection per call: CREATE and DROP DATABASE cannot run
// inside a transaction, and cloning needs the template to have no other connection.
func (c *Cluster) admin(ctx context.Context, stmts ...string) error {
	conn, err := pgx.Connect(ctx, c.DSN("postgres"))
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	for _, s := range stmts {
		if _, err := conn.Exec(ctx, s); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	return nil
}

// NewDatabase creates an empty database, or a clone of template when template is not "", and drops it when tb
// ends. It returns the database's DSN.
func NewDatabase(tb testing.TB, template string) string {
	tb.Helper()
	c := Server(tb)
	name := fmt.Sprintf("t%d_%d", os.Getpid(), c.seq.Add(1))
	stmt := "CREATE DATABASE " + pgx.Identifier{name}.Sanitize()
	if template != "" {
		stmt += " TEMPLATE " + pgx.Identifier{template}.Sanitize()
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := c.admin(ctx, stmt); err != nil {
		tb.Fatalf("create test database: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		// FORCE ends connections a test left open (a pool not yet closed, a listener reconnecting).
		if err := c.admin(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
			tb.Errorf("drop test database: %v", err)
		}
	})
	return c.DSN(name)
}

// Template builds the named template database once per test binary with build, which receives its DSN and must
// close every connection it opened before returning. It returns the name to pass to NewDatabase. A failed build
// fails every test that asks for the template.
func Template(tb testing.TB, name string, build func(ctx context.Context, dsn string) error) string {
	tb.Helper()
	c := Server(tb)
	templatesMu.Lock()
	t, ok := templates[name]
	if !ok {
		t = &template{}
		templates[name] = t
	}
	templatesMu.Unlock()
	t.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		ident := pgx.Identifier{name}.Sanitize()
		if t.err = c.admin(ctx, "DROP DATABASE IF EXISTS "+ident, "CREATE DATABASE "+ident); t.err != nil {
			return
		}
		if err := build(ctx, c.DSN(name)); err != nil {
			t.err = fmt.Errorf("build template %s: %w", name, err)
			return
		}
		// No connection may remain, or cloning fails with "source database is being accessed by other users".
		t.err = c.admin(ctx, "ALTER DATABASE "+ident+" WITH ALLOW_CONNECTIONS false IS_TEMPLATE true")
	})
	if t.err != nil {
		tb.Fatalf("template database %s: %v", name, t.err)
	}
	return name
}
