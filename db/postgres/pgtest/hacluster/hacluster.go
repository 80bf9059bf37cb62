// Package hacluster starts a throwaway high-availability PostgreSQL cluster on loopback for the failover tests and
// the benchmark: one etcd member, two or three PostgreSQL 15 nodes each run by Patroni with synchronous replication,
// and HAProxy routing client connections to the node whose Patroni REST API answers GET /primary with 200 — the
// topology docs/ha.md describes, tuned to fail over in about five seconds.
//
// Everything runs in one temporary directory, on 127.0.0.1 and free ports, as processes started by PID (no
// systemd); PostgreSQL and Patroni run as the postgres OS user when the tests run as root, as pgtest does. Close
// kills every process and removes the directory; a test binary killed before Close leaves a directory that the next
// New clears (its processes are found by their working directory, since Patroni detaches PostgreSQL with setsid).
//
// Faults are injected by PID: KillPostgres9, KillNode9, KillPatroni9, StopNode and ContNode; Rejoin brings a failed
// node back as a replica, ReadDirect reads a failed node's tables before Patroni rewinds them.
package hacluster

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/wenming/wenming/db/postgres/pgtest"
	"github.com/wenming/wenming/internal/freeport"
)

// Tuning of the cluster, as docs/ha.md recommends for production: the leader key lives ttl seconds, Patroni loops
// every loopWait seconds and gives etcd and PostgreSQL retryTimeout seconds before it demotes a primary.
const (
	ttl          = 5
	loopWait     = 1
	retryTimeout = 2
	// scope is the Patroni cluster name (the key prefix in etcd, the cluster name patronictl takes).
	scope = "wenming"
	// startTimeout bounds New, from the first process to a primary with its synchronous standby behind HAProxy.
	startTimeout = 90 * time.Second
	// rejoinTimeout bounds Rejoin and the old primary's return after Switchover (pg_rewind or a new base backup).
	rejoinTimeout = 90 * time.Second
)

// ErrNoPrimary is returned by Primary while no node's Patroni answers GET /primary with 200.
var ErrNoPrimary = errors.New("no node answers GET /primary with 200")

// Cluster is a running HA cluster: one etcd member, Nodes Patroni nodes with their PostgreSQL, and HAProxy in front.
// Its methods may be called from several goroutines.
type Cluster struct {
	// Dir holds every process's data, configuration and log; Close removes it.
	Dir string
	// Nodes is the number of PostgreSQL nodes, numbered from 0; node i's Patroni member is named "node<i>".
	Nodes int
	// Port is HAProxy's port on 127.0.0.1: the route to the primary that DSN uses.
	Port int
	// SetupTime is how long New took, from nothing to a primary with its synchronous standby taking writes through
	// HAProxy.
	SetupTime time.Duration

	etcdPort int
	nodes    []*node
	cred     *syscall.Credential

	mu      sync.Mutex
	daemons []*proc // etcd and HAProxy
	closed  bool
}

// node is one PostgreSQL node and its Patroni.
type node struct {
	name             string
	dir, data        string
	pgPort, restPort int
	// patroni is the running Patroni process, or nil after KillPatroni9 or KillNode9; guarded by Cluster.mu.
	patroni *proc
	// stopped is set by StopNode and cleared by ContNode; guarded by Cluster.mu.
	stopped bool
}

// proc is a process the cluster started and waits for.
type proc struct {
	cmd  *exec.Cmd
	done chan struct{}
}

func (p *proc) running() bool {
	select {
	case <-p.done:
		return false
	default:
		return true
	}
}

// Missing reports why the cluster cannot start here ("" when it can): PostgreSQL, Patroni, etcd or HAProxy is not
// installed, or the postgres OS user does not exist.
func Missing() string {
	if why := pgtest.Installed(); why != "" {
		return why
	}
	for _, b := range []string{"patroni", "patronictl", "etcd", "haproxy"} {
		if _, err := exec.LookPath(b); err != nil {
			return b + " is not installed"
		}
	}
	return ""
}

// Start starts a cluster of nodes PostgreSQL nodes for tb and removes it when tb ends, printing the tail of every
// log first if tb failed. Like pgtest.Private, it skips tb when something is not installed, unless
// WENMING_REQUIRE_POSTGRES is set, in which case it fails.
func Start(tb testing.TB, nodes int) *Cluster {
	tb.Helper()
	if why := Missing(); why != "" {
		if v := os.Getenv(pgtest.RequireEnv); v != "" && v != "0" {
			tb.Fatalf("the HA cluster is required (%s=%s) but %s; run scripts/ensure-postgres.sh", pgtest.RequireEnv, v, why)
		}
		tb.Skipf("skipping: %s (run scripts/ensure-postgres.sh, or set %s=1 to fail instead)", why, pgtest.RequireEnv)
	}
	unlock, err := lockMachine(tb)
	if err != nil {
		tb.Fatalf("wait for the machine's HA-cluster lock: %v", err)
	}
	c, err := New(nodes)
	if err != nil {
		unlock()
		tb.Fatalf("start the HA cluster: %v", err)
	}
	tb.Cleanup(func() {
		if tb.Failed() {
			tb.Logf("HA cluster logs (%s):\n%s", c.Dir, c.Logs())
		}
		c.Close()
		unlock()
	})
	return c
}

// lockMachine takes a lock that every test's cluster on this machine shares (a file in the temp directory, held with
// flock, so that it holds across the test binaries go test runs side by side) and returns its release. Two clusters
// at once on a busy machine starve each other's Patroni loops past the leader key's five seconds, and a primary is
// demoted that nobody failed: the failover test and this package's own test take turns instead. The kernel drops
// the lock when a holder dies.
func lockMachine(tb testing.TB) (func(), error) {
	f, err := os.OpenFile(filepath.Join(os.TempDir(), "wenming-ha.lock"), os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		return nil, err
	}
	t0 := time.Now()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	if waited := time.Since(t0); waited > time.Second {
		tb.Logf("waited %v for another test's HA cluster to stop", waited.Round(time.Second))
	}
	return func() { f.Close() }, nil // closing the only descriptor releases the lock
}

// New starts a cluster of nodes PostgreSQL nodes (2 or 3; 1 runs without a standby) for a program that is not a
// test, such as the benchmark, and returns once a primary with its synchronous standby takes writes through
// HAProxy. Close stops it.
func New(nodes int) (*Cluster, error) {
	if nodes < 1 || nodes > 5 {
		return nil, fmt.Errorf("hacluster: %d nodes; want 1 to 5", nodes)
	}
	if why := Missing(); why != "" {
		return nil, fmt.Errorf("%s; run scripts/ensure-postgres.sh", why)
	}
	t0 := time.Now()
	reapStale()
	dir, err := os.MkdirTemp("", "wenming-ha-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{Dir: dir, Nodes: nodes}
	if err := c.setUp(); err != nil {
		err = fmt.Errorf("%w\n%s", err, c.Logs())
		c.Close()
		return nil, err
	}
	c.SetupTime = time.Since(t0)
	return c, nil
}

// setUp writes the configuration and starts etcd, the Patroni nodes and HAProxy, then waits for a healthy cluster.
func (c *Cluster) setUp() error {
	// The postgres user must reach its node directories inside.
	if err := os.Chmod(c.Dir, 0o755); err != nil {
		return err
	}
	// The owner's pid lets reapStale clear the cluster of a binary that was killed before Close.
	if err := os.WriteFile(filepath.Join(c.Dir, "owner.pid"), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		return err
	}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return err
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		c.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	}
	ports, err := freeport.PickN(3 + 2*c.Nodes)
	if err != nil {
		return err
	}
	c.etcdPort, c.Port = ports[0], ports[2]
	for i := 0; i < c.Nodes; i++ {
		nd := filepath.Join(c.Dir, "node"+strconv.Itoa(i))
		n := &node{name: "node" + strconv.Itoa(i), dir: nd, data: filepath.Join(nd, "data"), pgPort: ports[3+2*i], restPort: ports[4+2*i]}
		if err := os.Mkdir(nd, 0o700); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(nd, "patroni.yml"), []byte(c.patroniConfig(n)), 0o600); err != nil {
			return err
		}
		if err := c.chown(nd, filepath.Join(nd, "patroni.yml")); err != nil {
			return err
		}
		c.nodes = append(c.nodes, n)
	}
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()

	etcdDir := filepath.Join(c.Dir, "etcd")
	if err := os.Mkdir(etcdDir, 0o700); err != nil {
		return err
	}
	peer := "http://127.0.0.1:" + strconv.Itoa(ports[1])
	client := "http://127.0.0.1:" + strconv.Itoa(c.etcdPort)
	etcd, err := c.spawn(etcdDir, filepath.Join(c.Dir, "etcd.log"), false, "etcd",
		"--name", "etcd0", "--data-dir", filepath.Join(etcdDir, "data"),
		"--listen-client-urls", client, "--advertise-client-urls", client,
		"--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
		"--initial-cluster", "etcd0="+peer, "--initial-cluster-state", "new", "--initial-cluster-token", filepath.Base(c.Dir))
	if err != nil {
		return err
	}
	c.daemons = append(c.daemons, etcd)
	// Patroni started before etcd has elected itself waits five seconds before asking again.
	if err := waitFor(ctx, 50*time.Millisecond, func() error {
		if !etcd.running() {
			return errStop("etcd exited")
		}
		return httpOK(ctx, client+"/health")
	}); err != nil {
		return fmt.Errorf("etcd: %w", err)
	}

	for _, n := range c.nodes {
		if err := c.startPatroni(n); err != nil {
			return err
		}
	}

	cfg := filepath.Join(c.Dir, "haproxy.cfg")
	if err := os.WriteFile(cfg, []byte(c.haproxyConfig()), 0o644); err != nil {
		return err
	}
	if out, err := exec.Command("haproxy", "-c", "-q", "-f", cfg).CombinedOutput(); err != nil {
		return fmt.Errorf("haproxy -c: %v: %s", err, out)
	}
	lb, err := c.spawn(c.Dir, filepath.Join(c.Dir, "haproxy.log"), false, "haproxy", "-db", "-f", cfg)
	if err != nil {
		return err
	}
	c.daemons = append(c.daemons, lb)

	p, err := c.WaitPrimary(ctx, -1, startTimeout)
	if err != nil {
		return err
	}
	for i := range c.nodes {
		if i == p {
			continue
		}
		if err := c.waitStandby(ctx, i); err != nil {
			return err
		}
	}
	return nil
}

// patroniConfig is node n's patroni.yml. The bootstrap.dcs section is written to etcd by the node that initialises
// the cluster and is shared by all; the rest is the node's own.
func (c *Cluster) patroniConfig(n *node) string {
	return fmt.Sprintf(`scope: %[1]s
name: %[2]s
log:
  level: INFO
restapi:
  listen: 127.0.0.1:%[3]d
  connect_address: 127.0.0.1:%[3]d
etcd3:
  hosts: 127.0.0.1:%[4]d
bootstrap:
  dcs:
    ttl: %[5]d
    loop_wait: %[6]d
    retry_timeout: %[7]d
    maximum_lag_on_failover: 1048576
    synchronous_mode: true
    synchronous_mode_strict: false
    # Without etcd the primary keeps its role while it reaches every member's REST API, instead of turning
    # read-only after retry_timeout.
    failsafe_mode: true
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        wal_log_hints: "on"
        synchronous_commit: "on"
        # Tests only: a killed process loses nothing the page cache holds, so fsync buys nothing here.
        fsync: "off"
        max_connections: 200
        shared_buffers: 32MB
        # A replica asks its new primary for WAL again after 0.5 s instead of 5 s.
        wal_retrieve_retry_interval: 500ms
  initdb:
  - encoding: UTF8
  - locale: C
  - no-sync
  pg_hba:
  - local all all trust
  - host all all 127.0.0.1/32 trust
  - host replication all 127.0.0.1/32 trust
postgresql:
  listen: 127.0.0.1:%[8]d
  connect_address: 127.0.0.1:%[8]d
  data_dir: %[9]s
  bin_dir: %[10]s
  pgpass: %[11]s
  remove_data_directory_on_rewind_failure: true
  remove_data_directory_on_diverged_timelines: true
  authentication:
    superuser:
      username: postgres
    replication:
      username: replicator
    rewind:
      username: postgres
  parameters:
    unix_socket_directories: '%[12]s'
  basebackup:
  - checkpoint: fast
`, scope, n.name, n.restPort, c.etcdPort, ttl, loopWait, retryTimeout, n.pgPort, n.data, pgtest.BinDir,
		filepath.Join(n.dir, "pgpass"), n.dir)
}

// haproxyConfig routes the frontend port to the node whose Patroni answers GET /primary with 200, checked every
// 0.5 s; a node that fails two checks is marked down and its sessions are cut, so that no client keeps writing to a
// PostgreSQL that Patroni no longer runs as the leader.
func (c *Cluster) haproxyConfig() string {
	var b strings.Builder
	fmt.Fprintf(&b, `global
    maxconn 2000

defaults
    mode tcp
    timeout connect 2s
    timeout client 1h
    timeout server 1h
    timeout check 1s

listen postgres
    bind 127.0.0.1:%d
    option httpchk GET /primary
    http-check expect status 200
    default-server inter 500ms fall 2 rise 1 on-marked-down shutdown-sessions
`, c.Port)
	for _, n := range c.nodes {
		fmt.Fprintf(&b, "    server %s 127.0.0.1:%d check port %d\n", n.name, n.pgPort, n.restPort)
	}
	return b.String()
}

// startPatroni starts node n's Patroni as the postgres user, appending to its log.
func (c *Cluster) startPatroni(n *node) error {
	p, err := c.spawn(n.dir, filepath.Join(n.dir, "patroni.log"), true, "patroni", filepath.Join(n.dir, "patroni.yml"))
	if err != nil {
		return fmt.Errorf("start %s: %w", n.name, err)
	}
	c.mu.Lock()
	n.patroni = p
	n.stopped = false
	c.mu.Unlock()
	return nil
}

// spawn starts bin in dir with its output appended to logPath, as the postgres user when asPostgres is set and the
// tests run as root, and reaps it when it exits. The process dies with the test binary (Pdeathsig); PostgreSQL,
// which Patroni detaches, is cleared by Close or by the next New's reapStale instead.
func (c *Cluster) spawn(dir, logPath string, asPostgres bool, bin string, args ...string) (*proc, error) {
	log, err := os.OpenFile(logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	defer log.Close()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = log, log
	// A clean environment: PG* variables of the caller must not reach Patroni's connections.
	cmd.Env = []string{"PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "HOME=" + dir, "LANG=C.UTF-8", "TZ=UTC"}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if asPostgres {
		cmd.SysProcAttr.Credential = c.cred
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &proc{cmd: cmd, done: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

// Close kills every process of the cluster and removes its directory. It may be called more than once.
func (c *Cluster) Close() {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	c.closed = true
	var ours []*proc
	ours = append(ours, c.daemons...)
	for _, n := range c.nodes {
		if n.patroni != nil {
			ours = append(ours, n.patroni)
		}
	}
	c.mu.Unlock()
	killUnder(c.Dir)
	for _, p := range ours {
		select {
		case <-p.done:
		case <-time.After(5 * time.Second):
		}
	}
	_ = os.RemoveAll(c.Dir)
}

// DSN is the connection string of database db through HAProxy, that is on whichever node is the primary.
func (c *Cluster) DSN(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.Port, db)
}

// NodeDSN is the connection string of database db directly on node i, bypassing HAProxy.
func (c *Cluster) NodeDSN(i int, db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.nodes[i].pgPort, db)
}

// NodePort is node i's PostgreSQL port, to tell which node a connection reached (inet_server_port()).
func (c *Cluster) NodePort(i int) int { return c.nodes[i].pgPort }

// CreateDatabase creates an empty database on the primary, through HAProxy, and returns its DSN through HAProxy.
// The standbys receive it by replication.
func (c *Cluster) CreateDatabase(ctx context.Context, name string) (string, error) {
	conn, err := connect(ctx, c.DSN("postgres"))
	if err != nil {
		return "", err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", err
	}
	return c.DSN(name), nil
}

// Logs returns the last lines of every log of the cluster (etcd, each node's Patroni and PostgreSQL, HAProxy), for
// a failure message. Left out: Patroni's "no action" line, written every second, and the tracebacks its REST API
// logs when HAProxy closes a health check before reading the whole answer.
func (c *Cluster) Logs() string {
	files := []string{filepath.Join(c.Dir, "etcd.log")}
	for _, n := range c.nodes {
		files = append(files, filepath.Join(n.dir, "patroni.log"), filepath.Join(n.dir, "direct.log"))
	}
	files = append(files, filepath.Join(c.Dir, "haproxy.log"))
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		var kept []string
		inTraceback := false
		for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
			switch {
			case strings.Contains(line, "WARNING: Exception happened during processing of request"):
				inTraceback = true
			case inTraceback && strings.HasPrefix(line, "20"):
				// A timestamp: the traceback has ended.
				inTraceback = strings.Contains(line, "WARNING: Traceback")
			}
			if !inTraceback && !strings.Contains(line, "INFO: no action. I am") {
				kept = append(kept, line)
			}
		}
		if len(kept) > 40 {
			kept = kept[len(kept)-40:]
		}
		rel, _ := filepath.Rel(c.Dir, f)
		fmt.Fprintf(&b, "==> %s <==\n%s\n", rel, strings.Join(kept, "\n"))
	}
	return b.String()
}

// chown gives paths to the postgres user when the tests run as root.
func (c *Cluster) chown(paths ...string) error {
	if c.cred == nil {
		return nil
	}
	for _, p := range paths {
		if err := os.Chown(p, int(c.cred.Uid), int(c.cred.Gid)); err != nil {
			return err
		}
	}
	return nil
}

// reapStale kills the processes and removes the directories of clusters whose test binary died without Close.
func reapStale() {
	for _, dir := range pgtest.OrphanedDirs("wenming-ha-*") {
		killUnder(dir)
		_ = os.RemoveAll(dir)
	}
}

// connect opens one connection with a short connect timeout, so that a hung node costs a second, not a minute.
func connect(ctx context.Context, dsn string) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	cfg.ConnectTimeout = 2 * time.Second
	return pgx.ConnectConfig(ctx, cfg)
}

// errStop ends waitFor at once.
type errStop string

func (e errStop) Error() string { return string(e) }

// waitFor calls check every interval until it returns nil, returns an errStop, or ctx ends; the error then names
// the last failure.
func waitFor(ctx context.Context, interval time.Duration, check func() error) error {
	for {
		err := check()
		if err == nil {
			return nil
		}
		var stop errStop
		if errors.As(err, &stop) {
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w (last: %v)", ctx.Err(), err)
		case <-time.After(interval):
		}
	}
}

// tail returns the last n lines of a file, for an error message.
func tail(path string, n int) string {
	data, _ := os.ReadFile(path)
	lines := bytes.Split(bytes.TrimRight(data, "\n"), []byte("\n"))
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return string(bytes.Join(lines, []byte("\n")))
}
