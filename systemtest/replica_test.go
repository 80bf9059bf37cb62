package systemtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
	"github.com/jackc/pgx/v5"

	"github.com/wenming/wenming/apitest"
	"github.com/wenming/wenming/db/postgres/pgtest"
	"github.com/wenming/wenming/db/seed"
	"github.com/wenming/wenming/httpapi"
	"github.com/wenming/wenming/internal/freeport"
)

// Health checks of the balancer in the replica test: HAProxy checks /readyz every checkInterval and marks a server
// down after checkFall failures, up after one success.
const (
	checkInterval = 500 * time.Millisecond
	checkFall     = 2
	// loadConcurrency is the number of readers that keep the balancer busy while a replica or PostgreSQL fails.
	loadConcurrency = 8
	// replicaDeadline is what the assertions allow for a write to reach another replica; the targets (1 s for
	// answers, 2 s for dataChanged) are printed beside the measurements.
	replicaDeadline = 10 * time.Second
)

// replicaProbe is a cached read (the store caches unitKinds, the response cache the whole answer) whose answer
// changes when a unit is created.
const replicaProbe = `query ReplicaProbe($name: String) {
  unitKinds { kind count }
  units(filter: {nameContains: $name}, first: 5) { totalCount }
}`

const createUnitMutation = `mutation ReplicaWrite($name: String!) { createUnit(input: {name: $name, kind: "机关"}) { id name } }`

// TestReplicas runs three `wenming serve` processes over one PostgreSQL database behind HAProxy, as a province
// deploys them, and checks what issue 10 asks of replicas: one migration, seed and admin when they start together,
// sessions, caches, live updates and the login limiter shared, a killed replica routed around, and PostgreSQL
// stopped and started under load without a lost or doubled write. It prints what it measures.
func TestReplicas(t *testing.T) {
	if apitest.OnPostgres {
		t.Skip("the replica test runs once, in the default pass (it starts its own PostgreSQL)")
	}
	if testing.Short() {
		t.Skip("skipping the replica test in -short mode")
	}
	haproxy, err := exec.LookPath("haproxy")
	if err != nil {
		if v := os.Getenv(pgtest.RequireEnv); v != "" && v != "0" {
			t.Fatalf("HAProxy is required (%s=%s) but not installed; run scripts/ensure-postgres.sh", pgtest.RequireEnv, v)
		}
		t.Skip("skipping: haproxy is not installed (run scripts/ensure-postgres.sh)")
	}
	t0 := time.Now()
	pg := pgtest.Private(t)
	ctx := context.Background()
	dsn, err := pg.CreateDatabase(ctx, "wenming")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bin := serverBinary(t)
	measured(t, "setup: PostgreSQL cluster in %s, binary ready at +%s", pg.StartTime.Round(time.Millisecond), time.Since(t0).Round(time.Millisecond))

	// Three replicas started at the same moment on an empty database.
	rs := make([]*replica, 3)
	launched := time.Now()
	var wg sync.WaitGroup
	errs := make([]error, len(rs))
	for i, name := range []string{"a", "b", "c"} {
		rs[i] = &replica{name: name, bin: bin, dsn: dsn, dir: dir}
		if err := rs[i].reservePort(); err != nil {
			t.Fatal(err)
		}
	}
	start := make(chan struct{})
	for i := range rs {
		wg.Add(1)
		go func(r *replica) {
			defer wg.Done()
			<-start
			errs[i] = r.start()
		}(rs[i])
	}
	close(start)
	wg.Wait()
	for i, r := range rs {
		t.Cleanup(r.stop)
		if errs[i] != nil {
			t.Fatalf("replica %s: %v", r.name, errs[i])
		}
	}
	for _, r := range rs {
		if err := r.waitReady(60 * time.Second); err != nil {
			t.Fatalf("replica %s: %v\n%s", r.name, err, r.logTail())
		}
	}
	measured(t, "start: three replicas launched together were all ready in %s", time.Since(launched).Round(time.Millisecond))
	a, b, c := rs[0], rs[1], rs[2]
	lb := startHAProxy(t, haproxy, dir, rs)

	t.Run("StartedTogetherPrepareOnce", func(t *testing.T) {
		conn := pgConnect(t, dsn)
		defer conn.Close(ctx)
		files, err := filepath.Glob("../db/postgres/migrations/*.sql")
		if err != nil || len(files) == 0 {
			t.Fatalf("migration files: %v %v", files, err)
		}
		var rows, distinct int
		if err := conn.QueryRow(ctx, `SELECT count(*), count(DISTINCT name) FROM schema_migrations`).Scan(&rows, &distinct); err != nil {
			t.Fatal(err)
		}
		if rows != len(files) || distinct != len(files) {
			t.Errorf("schema_migrations has %d rows (%d distinct), want %d, one per file", rows, distinct, len(files))
		}
		out, err := exec.Command(bin, "migrate", "--db", dsn).CombinedOutput()
		if err != nil {
			t.Fatalf("wenming migrate: %v\n%s", err, out)
		}
		seen := map[string]int{}
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			seen[strings.TrimPrefix(line, "applied ")]++
		}
		for _, f := range files {
			if name := "migrations/" + filepath.Base(f); seen[name] != 1 {
				t.Errorf("AppliedMigrations lists %s %d times, want once", name, seen[name])
			}
		}
		if len(seen) != len(files) {
			t.Errorf("AppliedMigrations lists %d migrations, want %d:\n%s", len(seen), len(files), out)
		}

		ds, err := seed.Real()
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			table string
			want  int
		}{{"source_documents", len(ds.Sources)}, {"published_figures", len(ds.Figures)}, {"units", len(ds.Units)}} {
			var n int
			if err := conn.QueryRow(ctx, `SELECT count(*) FROM `+tc.table).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != tc.want {
				t.Errorf("%s has %d rows after three first starts, want %d (seeded once)", tc.table, n, tc.want)
			}
		}
		var admins int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM users WHERE role = 'ADMIN'`).Scan(&admins); err != nil {
			t.Fatal(err)
		}
		if admins != 1 {
			t.Errorf("%d admins after three first starts, want 1", admins)
		}
		seeded, adminMade := 0, 0
		for _, r := range rs {
			log := r.log()
			seeded += strings.Count(log, "loaded seed data")
			adminMade += strings.Count(log, "created the first admin account")
		}
		if seeded != 1 || adminMade != 1 {
			t.Errorf("replica logs report %d seeds and %d first admins, want 1 and 1", seeded, adminMade)
		}
		measured(t, "start: %d migrations applied once, seeded by %d replica, %d admin", rows, seeded, admins)
	})

	var cookie http.Header
	t.Run("SignInOnAUseOnB", func(t *testing.T) {
		h, res := apitest.Login(t, a.url, "admin", apitest.AdminPassword)
		if res.StatusCode != http.StatusOK || h.Get("Cookie") == "" {
			t.Fatalf("sign-in on A: status %d, cookie %q", res.StatusCode, h.Get("Cookie"))
		}
		cookie = h
		res = apitest.Do(t, http.MethodGet, b.url+"/auth/me", nil, cookie, "")
		var me struct{ User *struct{ Username string } }
		json.NewDecoder(res.Body).Decode(&me)
		res.Body.Close()
		if me.User == nil || me.User.Username != "admin" {
			t.Errorf("/auth/me on B with A's cookie = %+v, want admin", me.User)
		}
		if r := apitest.As(t, b.url, cookie, replicaProbe, map[string]any{"name": "x"}); len(r.Errors) > 0 {
			t.Errorf("query on B with A's cookie: %+v", r.Errors)
		}
		if r := apitest.As(t, c.url, nil, replicaProbe, map[string]any{"name": "x"}); len(r.Errors) == 0 {
			t.Error("C answered without a cookie: the test would prove nothing")
		}
	})
	if cookie == nil {
		t.Fatal("no session: the remaining cases need one")
	}

	t.Run("WriteOnASeenOnBAndC", func(t *testing.T) {
		name := "副本传播测试单位"
		probe := func(r *replica) (machine, matches int) {
			res := apitest.As(t, r.url, cookie, replicaProbe, map[string]any{"name": name})
			if len(res.Errors) > 0 {
				t.Fatalf("probe on %s: %+v", r.name, res.Errors)
			}
			var d struct {
				UnitKinds []struct {
					Kind  string
					Count int
				}
				Units struct{ TotalCount int }
			}
			json.Unmarshal(res.Data, &d)
			for _, k := range d.UnitKinds {
				if k.Kind == "机关" {
					machine = k.Count
				}
			}
			return machine, d.Units.TotalCount
		}
		// The same query before the write fills every cache of B and C.
		before := map[*replica]int{}
		for _, r := range []*replica{b, c} {
			before[r], _ = probe(r)
			probe(r)
		}
		ws, err := apitest.Subscribe(t, c.url, cookie, nil)
		if err != nil {
			t.Fatalf("subscribe on C: %v", err)
		}
		defer ws.Close(websocket.StatusNormalClosure, "")
		first := apitest.NextVersion(t, ws, replicaDeadline)
		pushed := make(chan time.Time, 1)
		pushErr := make(chan error, 1)
		go func() {
			v, err := readVersion(ws, replicaDeadline+5*time.Second)
			if err != nil {
				pushErr <- err
				return
			}
			if v <= first {
				pushErr <- fmt.Errorf("dataChanged sent version %d after %d", v, first)
				return
			}
			pushed <- time.Now()
		}()

		sent := time.Now()
		res := apitest.As(t, a.url, cookie, createUnitMutation, map[string]any{"name": name})
		acked := time.Now()
		if len(res.Errors) > 0 {
			t.Fatalf("createUnit on A: %+v", res.Errors)
		}
		measured(t, "write: createUnit through A acknowledged in %s", acked.Sub(sent).Round(time.Microsecond))
		for _, r := range []*replica{b, c} {
			var seen time.Duration
			for {
				machine, matches := probe(r)
				if machine == before[r]+1 && matches == 1 {
					seen = time.Since(acked)
					break
				}
				if time.Since(acked) > replicaDeadline {
					t.Fatalf("replica %s still answers 机关 %d (was %d) and %d matches %s after the write", r.name, machine, before[r], matches, replicaDeadline)
				}
				time.Sleep(5 * time.Millisecond)
			}
			measured(t, "propagation: write on A seen in cached answers of %s after %s (target 1s)", strings.ToUpper(r.name), seen.Round(time.Microsecond))
		}
		select {
		case at := <-pushed:
			// The push may arrive before A's own answer does, so it is timed from the moment the write was sent.
			measured(t, "propagation: dataChanged pushed by C %s after the write was sent to A (target 2s)", at.Sub(sent).Round(time.Microsecond))
		case err := <-pushErr:
			t.Fatalf("dataChanged on C: %v", err)
		case <-time.After(replicaDeadline):
			t.Fatalf("dataChanged on C: nothing within %s of the write on A", replicaDeadline)
		}
	})

	t.Run("RevokeOnAEndsSocketOnB", func(t *testing.T) {
		// Issue 11, finding 1, across replicas: a token revoked and a session ended through A end the sockets open
		// on B; B learns of it only from the database, within its principal cache (1 s) and its socket re-check.
		r := apitest.As(t, a.url, cookie, `mutation { createApiToken(name: "replica-ws", scope: WRITE, expiresInDays: 1) { token { id } secret } }`, nil)
		var d struct {
			CreateApiToken struct {
				Token  struct{ ID string }
				Secret string
			}
		}
		if json.Unmarshal(r.Data, &d); d.CreateApiToken.Secret == "" {
			t.Fatalf("createApiToken on A: %+v", r.Errors)
		}
		tokenSock := apitest.OpenSocket(t, b.url, nil, map[string]any{"Authorization": "Bearer " + d.CreateApiToken.Secret})
		if r, closed := tokenSock.Op(t, `{ viewer { role via } }`, nil); closed || len(r.Errors) > 0 {
			t.Fatalf("query over B's token socket: closed=%v %+v", closed, r.Errors)
		}
		session, res := apitest.Login(t, a.url, "admin", apitest.AdminPassword)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("second sign-in on A: %d", res.StatusCode)
		}
		sessionSock := apitest.OpenSocket(t, b.url, session, nil)
		sub := sessionSock.Start(t, apitest.WsDataChanged, nil)
		if r, closed := sessionSock.Next(t, sub); closed || len(r.Errors) > 0 {
			t.Fatalf("dataChanged on B: closed=%v %+v", closed, r.Errors)
		}

		ended := time.Now()
		if r := apitest.As(t, a.url, cookie, `mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, map[string]any{"id": d.CreateApiToken.Token.ID}); len(r.Errors) > 0 {
			t.Fatalf("revokeApiToken on A: %+v", r.Errors)
		}
		res = apitest.Do(t, http.MethodPost, a.url+"/auth/logout", nil, session, "")
		res.Body.Close()
		// B may reuse a caller it looked up for the second of its principal cache (PrincipalTTL on a shared
		// database); after that, the next operation is apitest.Refused.
		time.Sleep(1500 * time.Millisecond)
		r2, closed := tokenSock.Op(t, apitest.WsCreateUnit, map[string]any{"n": "副本套接字测试单位"})
		apitest.Refused(t, "createUnit on B with a token revoked on A", r2, closed)
		for _, c := range []struct {
			what string
			s    *apitest.TestSocket
		}{{"revoked token", tokenSock}, {"logged-out session's dataChanged", sessionSock}} {
			took := c.s.ClosedWithin(t, ended, apitest.SocketCloseDeadline)
			measured(t, "websocket: B closed the %s socket %s after the change on A (limit %s)", c.what, took.Round(time.Millisecond), apitest.SocketCloseDeadline)
		}
	})

	t.Run("ReporterCachesKeyOnTheUnit", func(t *testing.T) { replicaReporterCaches(t, cookie, lb, rs) })

	t.Run("LoginLimiterSharedAcrossReplicas", func(t *testing.T) {
		// Five wrong passwords spread over A, B, C, A, B are what one replica alone would allow; the sixth, on any
		// replica, must be apitest.Refused before the password is checked.
		order := []*replica{a, b, c, a, b, c, a, b}
		var got []string
		for i, r := range order {
			_, res := apitest.Login(t, r.url, "admin", fmt.Sprintf("wrong-guess-%d", i))
			got = append(got, fmt.Sprintf("%s:%d", strings.ToUpper(r.name), res.StatusCode))
			want := http.StatusUnauthorized
			if i >= 5 {
				want = http.StatusTooManyRequests
			}
			if res.StatusCode != want {
				t.Errorf("attempt %d on %s = %d, want %d", i+1, r.name, res.StatusCode, want)
			}
		}
		measured(t, "limiter: wrong passwords over three replicas answered %s", strings.Join(got, " "))
	})

	t.Run("VolunteerWriteOnASeenInAggregatesOnB", func(t *testing.T) {
		volunteerWriteSeenInAggregatesOnB(t, a.url, b.url, cookie, replicaDeadline)
	})

	t.Run("ImportOnAFollowedAndCancelledFromB", func(t *testing.T) {
		importFollowedAndCancelledAcrossReplicas(t, a.url, b.url, c.url, cookie)
	})

	t.Run("KillOneReplicaUnderLoad", func(t *testing.T) {
		body := probeBody("负载")
		load := startLoad(lb, cookie, body, loadConcurrency)
		time.Sleep(time.Second)
		killed := time.Now()
		if err := b.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		time.Sleep(4 * checkInterval * checkFall)
		results := load.stop()
		grace := time.Duration(checkFall+1) * checkInterval
		var failed, late int
		var lastFail time.Duration
		var sample string
		kinds := map[string]int{}
		for _, r := range results {
			if r.ok {
				continue
			}
			failed++
			kinds[r.err]++
			if off := r.start.Sub(killed); off > lastFail {
				lastFail = off
			}
			if r.start.After(killed.Add(grace)) {
				late++
			}
			sample = r.err
		}
		// A reader loses at most the request it had in flight on B, and one more that HAProxy sent, in the
		// milliseconds after the kill, down an idle keep-alive connection to B whose reset it had not read yet (an
		// empty response, which HAProxy rightly does not retry: it may have been a write). On a quiet machine 5 of 8
		// readers failed; beside the other test packages, 9 once, the ninth started 17 ms after the kill. What must
		// hold is that none fails once the health check could know (late, below).
		allowed := 2 * loadConcurrency
		measured(t, "kill -9: %d requests through HAProxy at concurrency %d, %d failed (allowed %d) %v, last failure started %s after the kill, %d after %s",
			len(results), loadConcurrency, failed, allowed, kinds, lastFail.Round(time.Millisecond), late, grace)
		if failed > allowed {
			t.Errorf("%d requests failed, more than two per reader (%d readers; e.g. %s)", failed, loadConcurrency, sample)
		}
		if late > 0 {
			t.Errorf("%d requests that started more than %s after the kill failed (e.g. %s)", late, grace, sample)
		}
		if ok := len(results) - failed; ok < 20 {
			t.Errorf("only %d requests succeeded: the load did not run", ok)
		}
		// B comes back, as a supervisor would restart it, and rejoins.
		if err := b.start(); err != nil {
			t.Fatal(err)
		}
		if err := b.waitReady(30 * time.Second); err != nil {
			t.Fatalf("restarted B: %v\n%s", err, b.logTail())
		}
	})

	t.Run("PostgresStoppedAndStartedUnderLoad", func(t *testing.T) {
		conn := pgConnect(t, dsn)
		var unitsBefore int
		err := conn.QueryRow(ctx, `SELECT count(*) FROM units`).Scan(&unitsBefore)
		conn.Close(ctx)
		if err != nil {
			t.Fatal(err)
		}
		load := startLoad(lb, cookie, probeBody("停机"), loadConcurrency)
		writes := startWriters(lb, cookie, 2)
		time.Sleep(time.Second)

		stopped := time.Now()
		if err := pg.Stop(); err != nil {
			load.stop()
			writes.stop()
			t.Fatal(err)
		}
		stopTook := time.Since(stopped)
		var down []string
		for _, r := range rs {
			if _, err := r.waitStatus(http.StatusServiceUnavailable, replicaDeadline); err != nil {
				t.Errorf("replica %s /readyz while PostgreSQL is down: %v", r.name, err)
				continue
			}
			down = append(down, fmt.Sprintf("%s %s", strings.ToUpper(r.name), time.Since(stopped).Round(time.Millisecond)))
		}
		// Long enough for the balancer to mark every server down, so that writes also meet its own 503.
		time.Sleep(time.Duration(checkFall+1) * checkInterval)
		outage := time.Since(stopped)
		if err := pg.Start(); err != nil {
			load.stop()
			writes.stop()
			t.Fatal(err)
		}
		restarted := time.Now()
		var recovery []string
		var slowest time.Duration
		for _, r := range rs {
			if _, err := r.waitStatus(http.StatusOK, replicaDeadline); err != nil {
				t.Errorf("replica %s did not recover by itself: %v\n%s", r.name, err, r.logTail())
				continue
			}
			d := time.Since(restarted)
			slowest = max(slowest, d)
			recovery = append(recovery, fmt.Sprintf("%s %s", strings.ToUpper(r.name), d.Round(time.Millisecond)))
		}
		// Once every replica is ready, the balancer needs one check to send traffic again; then the load runs on.
		time.Sleep(time.Duration(checkFall+2) * checkInterval)
		settled := time.Now()
		time.Sleep(time.Second)
		reads := load.stop()
		ws := writes.stop()
		for _, r := range rs {
			if r.exited() {
				t.Errorf("replica %s exited during the outage: it must recover without a restart\n%s", r.name, r.logTail())
			}
		}

		var readFails, lateReads, signedOut int
		for _, r := range append(reads, ws...) {
			if r.signedOut {
				signedOut++
			}
		}
		for _, r := range reads {
			if !r.ok {
				readFails++
				if r.start.After(settled) {
					lateReads++
				}
			}
		}
		if lateReads > 0 {
			t.Errorf("%d reads failed after every replica was ready again", lateReads)
		}
		acked, failed, unclean := 0, 0, 0
		statuses := map[string]int{}
		var firstAck time.Duration = -1
		for _, w := range ws {
			statuses[w.err]++
			switch {
			case w.ok:
				acked++
				if w.start.After(restarted) && (firstAck < 0 || w.end.Sub(restarted) < firstAck) {
					firstAck = w.end.Sub(restarted)
				}
			case strings.HasPrefix(w.err, "transport"):
				unclean++
			default:
				failed++
			}
		}
		if unclean > 0 {
			t.Errorf("%d writes got no HTTP answer (hung or cut off): %v", unclean, statuses)
		}
		if firstAck < 0 {
			t.Errorf("no write was acknowledged after PostgreSQL returned: %v", statuses)
		}

		conn = pgConnect(t, dsn)
		defer conn.Close(ctx)
		var unitsAfter int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM units`).Scan(&unitsAfter); err != nil {
			t.Fatal(err)
		}
		rows, err := conn.Query(ctx, `SELECT name, count(*) FROM units WHERE name LIKE $1 GROUP BY name`, writeNamePrefix+"%")
		if err != nil {
			t.Fatal(err)
		}
		stored := map[string]int{}
		for rows.Next() {
			var name string
			var n int
			if err := rows.Scan(&name, &n); err != nil {
				t.Fatal(err)
			}
			stored[name] = n
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		lost, doubled, unacked := 0, 0, 0
		for _, w := range ws {
			n := stored[w.name]
			switch {
			case n > 1:
				doubled++
			case w.ok && n == 0:
				lost++
			case !w.ok && n == 1:
				unacked++ // committed, but the answer was lost with the connection: applied once all the same
			}
		}
		if lost > 0 || doubled > 0 {
			t.Errorf("%d acknowledged writes lost, %d doubled", lost, doubled)
		}
		if got, want := unitsAfter-unitsBefore, acked+unacked; got != want {
			t.Errorf("units grew by %d, want %d (acknowledged %d + committed unacknowledged %d)", got, want, acked, unacked)
		}
		measured(t, "outage: PostgreSQL down %s (pg_ctl stop %s); /readyz 503 after stop: %s", outage.Round(time.Millisecond),
			stopTook.Round(time.Millisecond), strings.Join(down, ", "))
		measured(t, "outage: recovery after PostgreSQL returned: /readyz 200 on %s; first write acknowledged %s after; slowest replica %s",
			strings.Join(recovery, ", "), firstAck.Round(time.Millisecond), slowest.Round(time.Millisecond))
		measured(t, "outage: %d writes attempted, %d acknowledged, %d failed cleanly, %d committed unacknowledged, %d lost, %d doubled; answers %v",
			len(ws), acked, failed, unacked, lost, doubled, statuses)
		measured(t, "outage: %d reads, %d failed, %d failed after recovery; %d answers during the outage cleared the session cookie",
			len(reads), readFails, lateReads, signedOut)
		if signedOut > 0 {
			t.Errorf("%d answers during the outage cleared the session cookie: an outage must not sign anyone out", signedOut)
		}
	})
	measured(t, "replica test took %s in all", time.Since(t0).Round(time.Millisecond))
}

// measured reports one measured figure in the test log and on stdout, which `go test -v` shows.
func measured(t *testing.T, format string, args ...any) {
	t.Helper()
	t.Logf(format, args...)
	fmt.Printf("REPLICAS %s\n", fmt.Sprintf(format, args...))
}

func pgConnect(t *testing.T, dsn string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	return conn
}

// replica is one `wenming serve` process.
type replica struct {
	name, bin, dsn, dir string
	// extra are flags beyond the common ones (the failover test's uncached replica: --cache=false).
	extra []string
	// env are variables beyond the common ones ("TMPDIR=…").
	env     []string
	port    int
	url     string
	cmd     *exec.Cmd
	logPath string
	done    chan struct{}
}

func (r *replica) reservePort() error {
	port, err := freeport.Pick()
	if err != nil {
		return err
	}
	r.port = port
	r.url = "http://127.0.0.1:" + strconv.Itoa(r.port)
	return nil
}

// start launches the process on its port; its log goes to a file, appended across restarts.
func (r *replica) start() error {
	r.logPath = filepath.Join(r.dir, "replica-"+r.name+".log")
	f, err := os.OpenFile(r.logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	// Clients reach the replicas through the balancer on 127.0.0.1: that is the public host.
	args := []string{"serve", "--addr", "127.0.0.1:" + strconv.Itoa(r.port), "--db", r.dsn, "--demo=false",
		"--shutdown-period", "2s", "--public-host", "127.0.0.1"}
	cmd := exec.Command(r.bin, append(args, r.extra...)...)
	cmd.Env = append(append(os.Environ(), "WENMING_ADMIN_PASSWORD="+apitest.AdminPassword, "WENMING_ANONYMOUS_READ=false"), r.env...)
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		f.Close()
		return err
	}
	r.cmd = cmd
	done := make(chan struct{})
	r.done = done
	go func() {
		cmd.Wait()
		f.Close()
		close(done)
	}()
	return nil
}

func (r *replica) exited() bool {
	select {
	case <-r.done:
		return true
	default:
		return false
	}
}

// stop ends the process gracefully, or kills it after a few seconds.
func (r *replica) stop() {
	if r.cmd == nil || r.exited() {
		return
	}
	r.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-r.done:
	case <-time.After(5 * time.Second):
		r.cmd.Process.Kill()
		<-r.done
	}
}

func (r *replica) waitReady(limit time.Duration) error {
	_, err := r.waitStatus(http.StatusOK, limit)
	return err
}

// waitStatus polls /readyz until it answers status, and returns how long that took.
func (r *replica) waitStatus(status int, limit time.Duration) (time.Duration, error) {
	start := time.Now()
	c := &http.Client{Timeout: time.Second}
	last := "no answer"
	for time.Since(start) < limit {
		if r.exited() {
			return 0, fmt.Errorf("the process exited")
		}
		res, err := c.Get(r.url + "/readyz")
		if err == nil {
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode == status {
				return time.Since(start), nil
			}
			last = res.Status
		} else {
			last = err.Error()
		}
		time.Sleep(20 * time.Millisecond)
	}
	return 0, fmt.Errorf("/readyz did not answer %d within %s (last: %s)", status, limit, last)
}

func (r *replica) log() string {
	b, _ := os.ReadFile(r.logPath)
	return string(b)
}

func (r *replica) logTail() string {
	s := r.log()
	if len(s) > 3000 {
		s = s[len(s)-3000:]
	}
	return "--- log of replica " + r.name + " ---\n" + s
}

// haproxyConfig is the balancer of the test, the one docs/scale-out.md shows.
func haproxyConfig(port int, rs []*replica) string {
	var servers strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&servers, "    server %s 127.0.0.1:%d check\n", r.name, r.port)
	}
	return fmt.Sprintf(`global
    maxconn 4096

defaults
    mode http
    timeout connect 1s
    timeout client 30s
    timeout server 30s
    timeout http-request 10s
    timeout check 1s
    timeout tunnel 1h
    retries 3
    retry-on conn-failure
    option redispatch

frontend wenming
    bind 127.0.0.1:%d
    default_backend replicas

backend replicas
    balance roundrobin
    option httpchk GET /readyz
    http-check expect status 200
    default-server inter %dms fall %d rise 1
%s`, port, checkInterval.Milliseconds(), checkFall, servers.String())
}

// startHAProxy runs HAProxy in the foreground in front of rs and returns its URL once it answers.
func startHAProxy(t *testing.T, bin, dir string, rs []*replica) string {
	t.Helper()
	port, err := freeport.Pick()
	if err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "haproxy.cfg")
	if err := os.WriteFile(cfg, []byte(haproxyConfig(port, rs)), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "-c", "-q", "-f", cfg).CombinedOutput(); err != nil {
		t.Fatalf("haproxy -c: %v\n%s", err, out)
	}
	var log bytes.Buffer
	cmd := exec.Command(bin, "-db", "-f", cfg)
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	url := "http://127.0.0.1:" + strconv.Itoa(port)
	c := &http.Client{Timeout: time.Second}
	for start := time.Now(); time.Since(start) < 10*time.Second; time.Sleep(50 * time.Millisecond) {
		select {
		case <-done:
			t.Fatalf("haproxy exited:\n%s", log.String())
		default:
		}
		if res, err := c.Get(url + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return url
			}
		}
	}
	t.Fatalf("haproxy did not answer within 10s")
	return ""
}

func probeBody(name string) []byte {
	b, _ := json.Marshal(map[string]any{"query": replicaProbe, "variables": map[string]any{"name": name}})
	return b
}

// outcome is one request of a load: when it ran and whether it got a good answer.
type outcome struct {
	start, end time.Time
	ok         bool
	// err describes a failure: "transport: …" when no HTTP answer came, else the status and the first error.
	err string
	// name is the unit a write created.
	name string
	// signedOut is set when the answer cleared the session cookie, which signs a browser out.
	signedOut bool
}

// load is a set of workers sending requests until stopped.
type load struct {
	stopc chan struct{}
	wg    sync.WaitGroup
	mu    sync.Mutex
	out   []outcome
}

func (l *load) add(o outcome) {
	l.mu.Lock()
	l.out = append(l.out, o)
	l.mu.Unlock()
}

func (l *load) stop() []outcome {
	close(l.stopc)
	l.wg.Wait()
	sort.Slice(l.out, func(i, j int) bool { return l.out[i].start.Before(l.out[j].start) })
	return l.out
}

func (l *load) stopped() bool {
	select {
	case <-l.stopc:
		return true
	default:
		return false
	}
}

// loadClient keeps connections to the balancer alive, as a browser does, and gives up on a request after 5 s.
func loadClient(conc int) *http.Client {
	return &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: conc, MaxConnsPerHost: conc}}
}

// post sends one GraphQL request and classifies the answer.
func post(c *http.Client, url string, cookie http.Header, body []byte) (outcome, json.RawMessage) {
	o := outcome{start: time.Now()}
	req, _ := http.NewRequest(http.MethodPost, url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Cookie", cookie.Get("Cookie"))
	res, err := c.Do(req)
	if err != nil {
		o.end, o.err = time.Now(), "transport: "+err.Error()
		return o, nil
	}
	raw, err := io.ReadAll(res.Body)
	res.Body.Close()
	o.end = time.Now()
	for _, c := range res.Cookies() {
		if c.Name == httpapi.SessionCookie && c.MaxAge < 0 {
			o.signedOut = true
		}
	}
	if err != nil {
		o.err = "transport: " + err.Error()
		return o, nil
	}
	var r apitest.Response
	if res.StatusCode != http.StatusOK || json.Unmarshal(raw, &r) != nil {
		o.err = fmt.Sprintf("HTTP %d", res.StatusCode)
		return o, nil
	}
	if len(r.Errors) > 0 {
		o.err = "GraphQL " + r.Errors[0].Code()
		return o, nil
	}
	o.ok = true
	return o, r.Data
}

// startLoad runs conc readers that send body through url without pause.
func startLoad(url string, cookie http.Header, body []byte, conc int) *load {
	l := &load{stopc: make(chan struct{})}
	c := loadClient(conc)
	for i := 0; i < conc; i++ {
		l.wg.Add(1)
		go func() {
			defer l.wg.Done()
			for !l.stopped() {
				o, _ := post(c, url, cookie, body)
				l.add(o)
				if !o.ok {
					time.Sleep(10 * time.Millisecond)
				}
			}
		}()
	}
	return l
}

// writeNamePrefix names the units the writers create, each name once.
const writeNamePrefix = "停机写入测试单位"

// startWriters runs n writers that each create a unit of a new name every 50 ms through url.
func startWriters(url string, cookie http.Header, n int) *load {
	l := &load{stopc: make(chan struct{})}
	c := loadClient(n)
	for i := 0; i < n; i++ {
		l.wg.Add(1)
		go func() {
			defer l.wg.Done()
			for seq := 0; !l.stopped(); seq++ {
				name := fmt.Sprintf("%s%d-%04d", writeNamePrefix, i, seq)
				body, _ := json.Marshal(map[string]any{"query": createUnitMutation, "variables": map[string]any{"name": name}})
				o, data := post(c, url, cookie, body)
				if o.ok {
					var d struct{ CreateUnit *struct{ Name string } }
					if json.Unmarshal(data, &d) != nil || d.CreateUnit == nil || d.CreateUnit.Name != name {
						o.ok, o.err = false, "GraphQL answer without the unit"
					}
				}
				if o.ok {
					o.err = "ok"
				}
				o.name = name
				l.add(o)
				time.Sleep(50 * time.Millisecond)
			}
		}()
	}
	return l
}

// readVersion reads the next dataChanged version from a subscription, off the test goroutine.
func readVersion(c *websocket.Conn, timeout time.Duration) (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	for {
		var m apitest.WsMessage
		if err := wsjson.Read(ctx, c, &m); err != nil {
			return 0, err
		}
		if m.Type == "ping" || m.Type == "pong" {
			continue
		}
		var p struct {
			Data   struct{ DataChanged struct{ Version int } }
			Errors []any
		}
		json.Unmarshal(m.Payload, &p)
		if m.Type != "next" || len(p.Errors) > 0 {
			return 0, fmt.Errorf("message %s %s", m.Type, m.Payload)
		}
		return p.Data.DataChanged.Version, nil
	}
}
