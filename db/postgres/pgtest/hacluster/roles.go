package hacluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/wenming/wenming/db/postgres/pgtest"
	"github.com/wenming/wenming/internal/freeport"
)

// restClient asks the Patroni REST APIs; a hung node must cost at most a second.
var restClient = &http.Client{Timeout: time.Second}

// Primary returns the node whose Patroni answers GET /primary with 200 — the node HAProxy routes to — asking every
// node at once. It returns ErrNoPrimary while none does (during a failover), and an error naming them when more
// than one does.
func (c *Cluster) Primary(ctx context.Context) (int, error) {
	ok := make([]bool, len(c.nodes))
	var wg sync.WaitGroup
	for i, n := range c.nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok[i] = httpOK(ctx, "http://127.0.0.1:"+strconv.Itoa(n.restPort)+"/primary") == nil
		}()
	}
	wg.Wait()
	primary := -1
	var all []int
	for i, yes := range ok {
		if yes {
			primary = i
			all = append(all, i)
		}
	}
	switch len(all) {
	case 0:
		return -1, ErrNoPrimary
	case 1:
		return primary, nil
	}
	return -1, fmt.Errorf("nodes %v all answer GET /primary with 200", all)
}

// WaitPrimary waits at most timeout until a node other than notNode (-1: any node) is the primary and a write
// through HAProxy commits on it — a transaction that writes WAL, so that it needs a writable PostgreSQL and the
// synchronous standby's answer when one is required — and returns that node.
func (c *Cluster) WaitPrimary(ctx context.Context, notNode int, timeout time.Duration) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	found := -1
	err := waitFor(ctx, 50*time.Millisecond, func() error {
		p, err := c.Primary(ctx)
		if err != nil {
			return err
		}
		if p == notNode {
			return fmt.Errorf("%s is still the primary", c.nodes[p].name)
		}
		port, err := c.probeWrite(ctx)
		if err != nil {
			return fmt.Errorf("write through HAProxy: %w", err)
		}
		if port != c.nodes[p].pgPort {
			return fmt.Errorf("HAProxy routed the write to port %d, not to %s", port, c.nodes[p].name)
		}
		found = p
		return nil
	})
	if err != nil {
		return -1, fmt.Errorf("no writable primary%s after %s: %w", notNodeText(c, notNode), timeout, err)
	}
	return found, nil
}

func notNodeText(c *Cluster, notNode int) string {
	if notNode < 0 || notNode >= len(c.nodes) {
		return ""
	}
	return " other than " + c.nodes[notNode].name
}

// probeWrite commits a transaction that writes WAL through HAProxy, and returns the port of the node it
// reached.
func (c *Cluster) probeWrite(ctx context.Context) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	conn, err := connect(ctx, c.DSN("postgres"))
	if err != nil {
		return 0, err
	}
	defer conn.Close(context.Background())
	// A transactional message is a WAL record of the transaction: a standby refuses it, and its commit waits for the
	// synchronous standby like any write (a transaction that only took an ID would commit without waiting).
	var lsn string
	var port int
	err = conn.QueryRow(ctx, `SELECT pg_logical_emit_message(true, 'hacluster', 'probe')::text, inet_server_port()`).Scan(&lsn, &port)
	return port, err
}

// Failover injects fault (one of KillNode9, KillPatroni9, StopNode, or a function of the caller) on the current
// primary and waits at most timeout until another node takes writes through HAProxy. It returns the new primary and
// the time from the fault to the first write that committed there. KillPostgres9 does not fit: Patroni restarts
// that PostgreSQL in place; use WaitPrimary(ctx, -1, …) after it.
func (c *Cluster) Failover(ctx context.Context, fault func(node int) error, timeout time.Duration) (int, time.Duration, error) {
	old, err := c.Primary(ctx)
	if err != nil {
		return -1, 0, err
	}
	t0 := time.Now()
	if err := fault(old); err != nil {
		return -1, 0, fmt.Errorf("fault on %s: %w", c.nodes[old].name, err)
	}
	p, err := c.WaitPrimary(ctx, old, timeout)
	return p, time.Since(t0), err
}

// Rejoin brings failed node i back as a replica of the current primary and waits until it streams from it and the
// primary has its synchronous standby again (node i itself in a cluster of two). A killed node's Patroni is started
// again: it rewinds the node with pg_rewind when its history diverged from the new primary's, or copies it anew when
// that fails. A node whose PostgreSQL kept running without Patroni (KillPatroni9) needs nothing more: Patroni 3.0.2,
// finding it running as a primary while another node holds the leader key, shuts it down at once (immediate), starts
// it as a replica and rewinds it. A stopped node (StopNode) is resumed.
func (c *Cluster) Rejoin(ctx context.Context, i int) error {
	n, err := c.node(i)
	if err != nil {
		return err
	}
	c.mu.Lock()
	running, stopped := n.patroni != nil && n.patroni.running(), n.stopped
	c.mu.Unlock()
	if stopped {
		if err := c.ContNode(i); err != nil {
			return err
		}
	}
	if !running {
		clearStaleLocks(n)
		if err := c.startPatroni(n); err != nil {
			return err
		}
	}
	ctx, cancel := context.WithTimeout(ctx, rejoinTimeout)
	defer cancel()
	return c.waitStandby(ctx, i)
}

// member is one entry of Patroni's GET /cluster.
type member struct {
	Name  string `json:"name"`
	Role  string `json:"role"`
	State string `json:"state"`
}

// waitStandby waits until node i streams from the primary and the primary has a synchronous standby in Patroni's
// view (node i when the cluster has two nodes).
func (c *Cluster) waitStandby(ctx context.Context, i int) error {
	n := c.nodes[i]
	err := waitFor(ctx, 100*time.Millisecond, func() error {
		p, err := c.Primary(ctx)
		if err != nil {
			return err
		}
		if p == i {
			return fmt.Errorf("%s is the primary", n.name)
		}
		var state, syncState string
		qctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		conn, err := connect(qctx, c.NodeDSN(p, "postgres"))
		if err != nil {
			return err
		}
		defer conn.Close(context.Background())
		err = conn.QueryRow(qctx, `SELECT state, sync_state FROM pg_stat_replication WHERE application_name = $1`, n.name).Scan(&state, &syncState)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("%s does not replicate from %s", n.name, c.nodes[p].name)
		}
		if err != nil {
			return err
		}
		if state != "streaming" {
			return fmt.Errorf("%s: replication state %s", n.name, state)
		}
		members, err := c.members(qctx, p)
		if err != nil {
			return err
		}
		for _, m := range members {
			if m.Role == "sync_standby" && (len(c.nodes) > 2 || m.Name == n.name) {
				if len(c.nodes) == 2 && syncState != "sync" {
					return fmt.Errorf("%s: sync_state %s", n.name, syncState)
				}
				return nil
			}
		}
		return fmt.Errorf("%s has no synchronous standby in Patroni's view yet", c.nodes[p].name)
	})
	if err != nil {
		return fmt.Errorf("%s did not rejoin as a streaming replica: %w", n.name, err)
	}
	return nil
}

// members reads GET /cluster from node i's Patroni.
func (c *Cluster) members(ctx context.Context, i int) ([]member, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://127.0.0.1:"+strconv.Itoa(c.nodes[i].restPort)+"/cluster", nil)
	if err != nil {
		return nil, err
	}
	res, err := restClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	var body struct {
		Members []member `json:"members"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		return nil, err
	}
	return body.Members, nil
}

// Switchover moves the primary to node to with `patronictl switchover --force`, the planned switchover docs/ha.md
// shows, and waits until node to takes writes through HAProxy and the old primary streams again as a replica.
// Node to must be the synchronous standby (in a cluster of three, another node is refused by Patroni).
func (c *Cluster) Switchover(ctx context.Context, to int) error {
	if _, err := c.node(to); err != nil {
		return err
	}
	old, err := c.Primary(ctx)
	if err != nil {
		return err
	}
	if old == to {
		return nil
	}
	cmd := exec.CommandContext(ctx, "patronictl", "-c", filepath.Join(c.nodes[old].dir, "patroni.yml"),
		"switchover", scope, "--leader", c.nodes[old].name, "--candidate", c.nodes[to].name, "--force")
	cmd.Env = []string{"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + c.Dir, "LANG=C.UTF-8"}
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("patronictl switchover: %v: %s", err, out)
	}
	p, err := c.WaitPrimary(ctx, old, rejoinTimeout)
	if err != nil {
		return err
	}
	if p != to {
		return fmt.Errorf("switchover to %s made %s the primary", c.nodes[to].name, c.nodes[p].name)
	}
	ctx, cancel := context.WithTimeout(ctx, rejoinTimeout)
	defer cancel()
	return c.waitStandby(ctx, old)
}

// ReadDirect runs fn on a connection to database db of failed node i, bypassing Patroni and HAProxy, to see what the
// node holds before Rejoin rewinds it — such as a write committed on an old primary after another node was
// promoted. The node's Patroni must not be running (KillNode9 or KillPatroni9 first). A PostgreSQL still running
// without Patroni is first killed with SIGKILL, as a crash would end it: a transaction waiting for a synchronous
// standby that no longer follows is committed locally but invisible until then. ReadDirect then starts the node's
// PostgreSQL on its own, on a spare port, without replication (a replica stays in recovery, an old primary
// recovers from the crash), runs fn, and stops it again.
func (c *Cluster) ReadDirect(ctx context.Context, i int, db string, fn func(ctx context.Context, conn *pgx.Conn) error) error {
	n, err := c.node(i)
	if err != nil {
		return err
	}
	c.mu.Lock()
	running := n.patroni != nil && n.patroni.running()
	c.mu.Unlock()
	if running {
		return fmt.Errorf("%s: Patroni is running; ReadDirect reads a failed node (read a live one through NodeDSN)", n.name)
	}
	if err := c.KillPostgres9(i); err != nil {
		return err
	}
	clearStaleLocks(n)
	port, err := freeport.Pick()
	if err != nil {
		return err
	}
	sock := filepath.Join(n.dir, "direct")
	if err := os.MkdirAll(sock, 0o700); err != nil {
		return err
	}
	if err := c.chown(sock); err != nil {
		return err
	}
	// Patroni's own command line (postmaster.opts) carries settings that a replica must keep equal to its primary's
	// (max_connections, max_wal_senders…); the port, addresses and replication settings are replaced.
	args := []string{"-D", n.data}
	for _, a := range postmasterOpts(n.data) {
		if !strings.HasPrefix(a, "--port=") && !strings.HasPrefix(a, "--listen_addresses=") && a != "-D" && a != n.data {
			args = append(args, a)
		}
	}
	args = append(args, "-c", "port="+strconv.Itoa(port), "-c", "listen_addresses=127.0.0.1",
		"-c", "unix_socket_directories="+sock, "-c", "primary_conninfo=", "-c", "primary_slot_name=",
		"-c", "restore_command=", "-c", "archive_mode=off", "-c", "synchronous_standby_names=",
		"-c", "default_transaction_read_only=on")
	logPath := filepath.Join(n.dir, "direct.log")
	pg, err := c.spawn(n.dir, logPath, true, filepath.Join(pgtest.BinDir, "postgres"), args...)
	if err != nil {
		return err
	}
	defer func() {
		// A fast shutdown leaves the data directory clean for Patroni's pg_rewind.
		_ = pg.cmd.Process.Signal(syscall.SIGINT)
		select {
		case <-pg.done:
		case <-time.After(30 * time.Second):
			killUnder(n.data)
			<-pg.done
		}
	}()
	dsn := fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", port, db)
	var conn *pgx.Conn
	wctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	err = waitFor(wctx, 50*time.Millisecond, func() error {
		if !pg.running() {
			return errStop("PostgreSQL exited")
		}
		conn, err = connect(wctx, dsn)
		return err
	})
	if err != nil {
		return fmt.Errorf("%s: start PostgreSQL alone: %w\n%s", n.name, err, tail(logPath, 20))
	}
	defer conn.Close(context.Background())
	if err := waitReplayed(wctx, conn); err != nil {
		return fmt.Errorf("%s: %w", n.name, err)
	}
	return fn(ctx, conn)
}

// waitReplayed waits, on a replica in recovery, until the WAL on its disk is replayed: hot standby accepts
// connections once consistent, possibly before the end of its WAL. Without a primary to stream from, replay stops
// at the end of the local WAL; it is taken as done when the replay position holds still for 0.3 s.
func waitReplayed(ctx context.Context, conn *pgx.Conn) error {
	var inRecovery bool
	if err := conn.QueryRow(ctx, `SELECT pg_is_in_recovery()`).Scan(&inRecovery); err != nil || !inRecovery {
		return err
	}
	last, still := "", 0
	return waitFor(ctx, 100*time.Millisecond, func() error {
		var lsn string
		if err := conn.QueryRow(ctx, `SELECT coalesce(pg_last_wal_replay_lsn()::text, '')`).Scan(&lsn); err != nil {
			return errStop(err.Error())
		}
		if lsn == last {
			still++
		} else {
			last, still = lsn, 0
		}
		if still < 3 {
			return errors.New("replaying the local WAL")
		}
		return nil
	})
}

// postmasterOpts returns the arguments of the last postmaster started on data, from the postmaster.opts file
// PostgreSQL writes there: the program, then each argument in double quotes.
func postmasterOpts(data string) []string {
	b, err := os.ReadFile(filepath.Join(data, "postmaster.opts"))
	if err != nil {
		return nil
	}
	var args []string
	parts := strings.Split(strings.TrimSpace(string(b)), `" "`)
	for k, p := range parts {
		if k == 0 {
			// `/usr/lib/postgresql/15/bin/postgres "-D`: the program goes, the first argument stays.
			_, p, _ = strings.Cut(p, ` "`)
		}
		args = append(args, strings.TrimSuffix(p, `"`))
	}
	return args
}

// clearStaleLocks removes the lock files a killed postmaster left, when none of node n's PostgreSQL processes is
// alive. They name its pid, which a zombie not yet reaped by init, or a new process, may still hold; PostgreSQL
// would then refuse to start ("lock file already exists").
func clearStaleLocks(n *node) {
	if len(procsUnder(n.data)) > 0 {
		return
	}
	_ = os.Remove(filepath.Join(n.data, "postmaster.pid"))
	for _, dir := range []string{n.dir, filepath.Join(n.dir, "direct")} {
		locks, _ := filepath.Glob(filepath.Join(dir, ".s.PGSQL.*.lock"))
		for _, l := range locks {
			_ = os.Remove(l)
		}
	}
}

// httpOK returns nil when GET url answers 200.
func httpOK(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	res, err := restClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	_, _ = io.Copy(io.Discard, res.Body)
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, res.Status)
	}
	return nil
}
