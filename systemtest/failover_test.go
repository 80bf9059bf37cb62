package systemtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/wenming/wenming/apitest"
	"github.com/wenming/wenming/db/postgres/pgtest/hacluster"
	"github.com/wenming/wenming/httpapi"
	"github.com/wenming/wenming/internal/freeport"
)

// failoverDeadline is the liveness limit of each wait in the failover test: it catches a hang, and says nothing of
// speed (the figures are printed, and the bench holds the targets).
const failoverDeadline = 60 * time.Second

// drillWrite creates a civilisation event, a record without a natural key, so that a write applied twice would
// show as two rows of one title rather than be refused.
const drillWrite = `mutation DrillWrite($title: String!) { createCivilisationEvent(input: {kind: TRAINING, title: $title}) { id title } }`

// drillAggregates are cached reads whose answers a drill write changes, compared with an uncached replica's.
const drillAggregates = `query DrillAggregates {
  civilisationEvents(first: 1) { totalCount }
  unitKinds { kind count }
  overview { __typename }
}`

// keyedWrite is one write of the drill: its idempotency key, and what became of it.
type keyedWrite struct {
	key, title string
	// started is when it was first sent; acked when an attempt was answered (the first answer, or applied).
	started, acked time.Time
	attempts       int
	// repeated is set when the acknowledgement came from the key (the first answer replayed, or applied with its
	// answer lost): an earlier attempt committed without its client hearing so.
	repeated bool
}

// drillWriters send one keyed write every 50 ms per replica, and send each again with its key until it is
// acknowledged, as the dashboard does: a write is acknowledged once an answer says it is there.
type drillWriters struct {
	mu     sync.Mutex
	writes []*keyedWrite
	stopc  chan struct{}
	wg     sync.WaitGroup
}

func startDrillWriters(urls []string, cookie http.Header, label string) *drillWriters {
	w := &drillWriters{stopc: make(chan struct{})}
	client := &http.Client{Timeout: 10 * time.Second}
	for i, url := range urls {
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			for seq := 0; ; seq++ {
				select {
				case <-w.stopc:
					return
				default:
				}
				kw := &keyedWrite{key: fmt.Sprintf("drill-%s-%d-%05d", label, i, seq), started: time.Now()}
				kw.title = "演练写入 " + kw.key
				w.mu.Lock()
				w.writes = append(w.writes, kw)
				w.mu.Unlock()
				for !w.send(client, url, cookie, kw) {
					select {
					case <-w.stopc:
						return // given up: the write may or may not be there (counted as unacknowledged)
					case <-time.After(100 * time.Millisecond):
					}
				}
				time.Sleep(50 * time.Millisecond)
			}
		}()
	}
	return w
}

// send makes one attempt; it reports whether the write is acknowledged.
func (w *drillWriters) send(c *http.Client, url string, cookie http.Header, kw *keyedWrite) bool {
	body, _ := json.Marshal(map[string]any{"query": drillWrite, "variables": map[string]any{"title": kw.title}})
	req, _ := http.NewRequest(http.MethodPost, url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Cookie", cookie.Get("Cookie"))
	req.Header.Set(httpapi.IdempotencyHeader, kw.key)
	w.mu.Lock()
	kw.attempts++
	w.mu.Unlock()
	res, err := c.Do(req)
	if err != nil {
		return false
	}
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	var r apitest.Response
	if json.Unmarshal(raw, &r) != nil {
		return false
	}
	ok := len(r.Errors) == 0 && strings.Contains(string(r.Data), kw.title)
	applied := len(r.Errors) > 0 && r.Errors[0].Extensions["reason"] == "ALREADY_APPLIED"
	if applied {
		ok = true // the server says the write is there, once; its answer was lost
	}
	if ok {
		w.mu.Lock()
		kw.acked = time.Now()
		kw.repeated = applied || r.Extensions["idempotentReplay"] == true
		w.mu.Unlock()
	}
	return ok
}

func (w *drillWriters) stop() []keyedWrite {
	close(w.stopc)
	w.wg.Wait()
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make([]keyedWrite, len(w.writes))
	for i, kw := range w.writes {
		out[i] = *kw
	}
	return out
}

// titles counts the drill's rows by title on one node, read directly.
func titles(ctx context.Context, dsn, label string) (map[string]int, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer conn.Close(context.Background())
	rows, err := conn.Query(ctx, `SELECT title, count(*) FROM civilisation_events WHERE title LIKE $1 GROUP BY title`, "演练写入 drill-"+label+"-%")
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for rows.Next() {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			return nil, err
		}
		out[t] = n
	}
	return out, rows.Err()
}

// readyWatch records, for one replica, when /readyz first answered 503 after the fault and 200 again after that.
type readyWatch struct {
	mu            sync.Mutex
	down, back    time.Time
	stopc, stoppd chan struct{}
}

func watchReady(url string) *readyWatch {
	rw := &readyWatch{stopc: make(chan struct{}), stoppd: make(chan struct{})}
	c := &http.Client{Timeout: 500 * time.Millisecond}
	go func() {
		defer close(rw.stoppd)
		for {
			select {
			case <-rw.stopc:
				return
			case <-time.After(50 * time.Millisecond):
			}
			res, err := c.Get(url + "/readyz")
			status := 0
			if err == nil {
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				status = res.StatusCode
			}
			rw.mu.Lock()
			switch {
			case status != http.StatusOK && rw.down.IsZero():
				rw.down = time.Now()
			case status == http.StatusOK && !rw.down.IsZero() && rw.back.IsZero():
				rw.back = time.Now()
			}
			rw.mu.Unlock()
		}
	}()
	return rw
}

// result waits at most limit for /readyz to have gone 503 and come back to 200, stops watching and says when.
func (rw *readyWatch) result(limit time.Duration) (down, back time.Time) {
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		rw.mu.Lock()
		done := !rw.back.IsZero()
		rw.mu.Unlock()
		if done {
			break
		}
	}
	close(rw.stopc)
	<-rw.stoppd
	rw.mu.Lock()
	defer rw.mu.Unlock()
	return rw.down, rw.back
}

// failoverFigures is what one case measured, printed and handed to the bench (WENMING_FAILOVER_REPORT).
type failoverFigures struct {
	Case string `json:"case"`
	// Promoted is from the fault to the new primary taking writes, as the cluster reports it (it polls each node's
	// REST API, a hung one for a second, so the clients may see the new primary before it says so).
	Promoted time.Duration `json:"promoted"`
	// Resumed is from the fault to the acknowledgement that ended the clients' longest gap between two.
	Resumed time.Duration `json:"resumed"`
	// NotReady is from the fault to the first 503 of /readyz (the slower replica); Ready to its 200 again.
	NotReady time.Duration `json:"notReady"`
	Ready    time.Duration `json:"ready"`
	// Gap is the longest time between two acknowledgements of a writer.
	Gap                                          time.Duration `json:"gap"`
	Acked, Lost, Doubled, CommittedUnacked, Sent int           `json:"-"`
	// Repeated counts the writes that committed on an attempt whose answer never reached the client, acknowledged
	// when they were sent again with their key.
	Repeated int `json:"-"`
	// AckedAfter counts the writes acknowledged after the cluster reported the new primary taking writes.
	AckedAfter int            `json:"-"`
	Counts     map[string]int `json:"counts"`
}

func (f failoverFigures) String() string {
	return fmt.Sprintf("%s: new primary took writes after %s, clients' writes resumed after %s, /readyz 503 after %s and 200 after %s, longest write gap %s; writes sent %d, acknowledged %d, lost %d, doubled %d, committed but unacknowledged %d (%d more acknowledged only when sent again with their key)",
		f.Case, f.Promoted.Round(time.Millisecond), f.Resumed.Round(time.Millisecond), f.NotReady.Round(time.Millisecond),
		f.Ready.Round(time.Millisecond), f.Gap.Round(time.Millisecond), f.Sent, f.Acked, f.Lost, f.Doubled, f.CommittedUnacked, f.Repeated)
}

// reportFailover appends the figures to the file WENMING_FAILOVER_REPORT names, for make bench.
func reportFailover(t *testing.T, f failoverFigures) {
	path := os.Getenv("WENMING_FAILOVER_REPORT")
	if path == "" {
		return
	}
	f.Counts = map[string]int{"sent": f.Sent, "acked": f.Acked, "lost": f.Lost, "doubled": f.Doubled, "committedUnacked": f.CommittedUnacked,
		"repeated": f.Repeated}
	b, _ := json.Marshal(f)
	fh, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		t.Errorf("failover report: %v", err)
		return
	}
	defer fh.Close()
	fh.Write(append(b, '\n'))
}

// tally compares the acknowledged writes with the rows the new primary holds.
func tally(f *failoverFigures, writes []keyedWrite, rows map[string]int, fault, promoted time.Time) {
	f.Sent = len(writes)
	var acks []time.Time
	for _, w := range writes {
		n := rows[w.title]
		if n > 1 {
			f.Doubled++
		}
		if w.acked.IsZero() {
			if n > 0 {
				f.CommittedUnacked++
			}
			continue
		}
		f.Acked++
		if w.repeated {
			f.Repeated++
		}
		acks = append(acks, w.acked)
		if w.acked.After(promoted) {
			f.AckedAfter++
		}
		if n == 0 {
			f.Lost++
		}
	}
	sort.Slice(acks, func(i, j int) bool { return acks[i].Before(acks[j]) })
	for i := 1; i < len(acks); i++ {
		if gap := acks[i].Sub(acks[i-1]); gap > f.Gap {
			f.Gap, f.Resumed = gap, acks[i].Sub(fault)
		}
	}
}

// failoverCase is one fault the test injects on the primary, and how the failed node is read and brought back.
type failoverCase struct {
	name string
	// fault is injected on the primary node.
	fault func(ha *hacluster.Cluster, node int) error
	// settle makes the failed node readable by ReadDirect (its Patroni must not run).
	settle func(ha *hacluster.Cluster, node int) error
	// planned is a switchover: the old primary goes on as the standby under Patroni, read live and not rejoined.
	planned bool
}

var failoverCases = []failoverCase{
	{name: "KillPrimary", fault: (*hacluster.Cluster).KillNode9, settle: func(*hacluster.Cluster, int) error { return nil }},
	// Only Patroni dies: its PostgreSQL stays up and read-write, and HAProxy must cut the sessions to it.
	{name: "KillPatroniOnly", fault: (*hacluster.Cluster).KillPatroni9, settle: func(*hacluster.Cluster, int) error { return nil }},
	// The machine hangs: Patroni and PostgreSQL stop answering, without a word. The hung node is killed before it is
	// read, as an operator power-cycles a hung machine, so that it never resumes as a primary.
	{name: "HangPrimary", fault: (*hacluster.Cluster).StopNode, settle: (*hacluster.Cluster).KillNode9},
	// The operator's planned switchover (docs/ha.md) to the synchronous standby.
	{name: "Switchover", planned: true, fault: func(ha *hacluster.Cluster, node int) error {
		return ha.Switchover(context.Background(), (node+1)%ha.Nodes)
	}},
}

// TestFailover runs the supported HA topology (docs/ha.md) — PostgreSQL under Patroni with synchronous
// replication, HAProxy routing to the primary — under two app replicas and a third without caches, with clients
// writing every 50 ms with idempotency keys and readers, and injects three faults on the primary in turn — kill -9,
// Patroni alone killed, a hang — and then switches over as an operator plans to. Each time it asserts what must hold: no acknowledged write lost or doubled, no write
// committed on the old primary that the new one lacks, /readyz 503 and back to 200, no replica exits, the session
// from before still works, dataChanged arrives for a write on the new primary, and cached aggregates equal a fresh
// computation. It prints the failover time, the 503 delay and the write gap of each.
func TestFailover(t *testing.T) {
	if apitest.OnPostgres {
		t.Skip("the failover test runs once, in the default pass (it starts its own cluster)")
	}
	if testing.Short() {
		t.Skip("skipping the failover test in -short mode")
	}
	// It waits on its cluster and processes most of the time: the package's other tests run meanwhile.
	t.Parallel()
	t0 := time.Now()
	ha := hacluster.Start(t, 2)
	ctx := context.Background()
	dsn, err := ha.CreateDatabase(ctx, "wenming")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bin := serverBinary(t)
	rs := []*replica{{name: "a"}, {name: "b"}, {name: "fresh"}}
	metricsPort, err := freeport.Pick()
	if err != nil {
		t.Fatal(err)
	}
	metricsURL := fmt.Sprintf("http://127.0.0.1:%d/metrics", metricsPort)
	for _, r := range rs {
		r.bin, r.dsn, r.dir = bin, dsn, dir
		switch r.name {
		case "a":
			r.extra = []string{"--metrics-addr", fmt.Sprintf("127.0.0.1:%d", metricsPort)}
		case "fresh":
			r.extra = []string{"--cache=false"}
		}
		if err := r.reservePort(); err != nil {
			t.Fatal(err)
		}
		if err := r.start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(r.stop)
	}
	for _, r := range rs {
		if err := r.waitReady(failoverDeadline); err != nil {
			t.Fatalf("replica %s: %v\n%s", r.name, err, r.logTail())
		}
	}
	a, b, fresh := rs[0], rs[1], rs[2]
	measured(t, "failover set-up: cluster of 2 nodes in %s, replicas ready at +%s", ha.SetupTime.Round(time.Millisecond), time.Since(t0).Round(time.Millisecond))
	cookie, res := apitest.Login(t, a.url, "admin", apitest.AdminPassword)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("sign-in: %d", res.StatusCode)
	}

	for i, fc := range failoverCases {
		t.Run(fc.name, func(t *testing.T) {
			old, err := ha.Primary(ctx)
			if err != nil {
				t.Fatal(err)
			}
			sub, err := apitest.Subscribe(t, b.url, cookie, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer sub.CloseNow()
			if _, err := readVersion(sub, 10*time.Second); err != nil { // the version on subscribing
				t.Fatal(err)
			}
			writers := startDrillWriters([]string{a.url, b.url}, cookie, fc.name)
			readers := startLoad(a.url, cookie, mustBody(drillAggregates), 2)
			watches := []*readyWatch{watchReady(a.url), watchReady(b.url)}
			time.Sleep(time.Second)

			fault := time.Now()
			now, promoted, err := ha.Failover(ctx, func(node int) error { return fc.fault(ha, node) }, failoverDeadline)
			if err != nil {
				writers.stop()
				readers.stop()
				t.Fatalf("%s: %v", fc.name, err)
			}
			f := failoverFigures{Case: fc.name, Promoted: promoted}
			for i, w := range watches {
				down, back := w.result(failoverDeadline)
				if down.IsZero() || back.IsZero() {
					t.Errorf("replica %s: /readyz did not go 503 and back to 200 (503 at %v, 200 at %v)", rs[i].name, down, back)
					continue
				}
				f.NotReady, f.Ready = max(f.NotReady, down.Sub(fault)), max(f.Ready, back.Sub(fault))
			}
			// Writes go on for two seconds on the new primary, then stop; every one is answered or given up.
			time.Sleep(2 * time.Second)
			writes := writers.stop()
			readers.stop()

			rows, err := titles(ctx, ha.DSN("wenming"), fc.name)
			if err != nil {
				t.Fatal(err)
			}
			tally(&f, writes, rows, fault, fault.Add(promoted))
			if f.Lost > 0 || f.Doubled > 0 {
				t.Errorf("%d acknowledged writes lost, %d doubled", f.Lost, f.Doubled)
			}
			if f.AckedAfter == 0 {
				t.Errorf("no write was acknowledged after the new primary took writes")
			}

			// The old primary, read directly before it rejoins: nothing it committed is missing on the new one.
			var diverged []string
			oldRows := func(ctx context.Context, conn *pgx.Conn) error {
				rs, err := conn.Query(ctx, `SELECT title FROM civilisation_events WHERE title LIKE $1`, "演练写入 drill-"+fc.name+"-%")
				if err != nil {
					return err
				}
				got, err := pgx.CollectRows(rs, pgx.RowTo[string])
				for _, title := range got {
					if rows[title] == 0 {
						diverged = append(diverged, title)
					}
				}
				return err
			}
			if fc.planned {
				conn := pgConnect(t, ha.NodeDSN(old, "wenming"))
				err = oldRows(ctx, conn)
				conn.Close(ctx)
			} else if err = fc.settle(ha, old); err == nil {
				err = ha.ReadDirect(ctx, old, "wenming", oldRows)
			}
			if err != nil {
				t.Fatalf("read the old primary: %v", err)
			}
			if len(diverged) > 0 {
				t.Errorf("%d writes committed on the old primary are missing on the new one (split brain): %v", len(diverged), diverged)
			}

			// The session from before the fault, the live updates and the caches, on the new primary.
			for _, r := range rs {
				if r.exited() {
					t.Fatalf("replica %s exited:\n%s", r.name, r.logTail())
				}
				res := apitest.Do(t, http.MethodGet, r.url+"/auth/me", nil, cookie, "")
				var me struct{ User *struct{ Username string } }
				json.NewDecoder(res.Body).Decode(&me)
				res.Body.Close()
				if me.User == nil || me.User.Username != "admin" {
					t.Errorf("replica %s: the session from before the fault is gone (%d)", r.name, res.StatusCode)
				}
			}
			probe := &drillWriters{stopc: make(chan struct{})}
			kw := &keyedWrite{key: "drill-" + fc.name + "-after", title: "演练写入 drill-" + fc.name + "-after"}
			for !probe.send(&http.Client{Timeout: 10 * time.Second}, a.url, cookie, kw) {
				if time.Since(fault) > 2*failoverDeadline {
					t.Fatal("a write after the failover is not acknowledged")
				}
				time.Sleep(200 * time.Millisecond)
			}
			if _, err := readVersion(sub, failoverDeadline); err != nil {
				t.Errorf("no dataChanged on replica b after a write on the new primary: %v", err)
			}
			sameAggregates(t, []*replica{a, b}, fresh, cookie)
			// Replica a saw the timeline move on once per case so far, and reads its node as the primary again.
			if n := metric(t, metricsURL, "wenming_db_failovers_observed_total"); n != float64(i+1) {
				t.Errorf("wenming_db_failovers_observed_total = %v after %d failovers", n, i+1)
			}
			if role := metric(t, metricsURL, `wenming_db_node_role{role="primary"}`); role != 1 {
				t.Errorf("replica a does not read its node as the primary after the failover: %v", role)
			}

			measured(t, "failover %s (node%d → node%d)", f, old, now)
			reportFailover(t, f)
			if fc.planned {
				return // the old primary is the standby already
			}
			rejoin := time.Now()
			if err := ha.Rejoin(ctx, old); err != nil {
				t.Fatalf("rejoin node%d: %v", old, err)
			}
			measured(t, "failover %s: node%d rejoined as the synchronous standby in %s", fc.name, old, time.Since(rejoin).Round(time.Millisecond))
		})
	}
	measured(t, "failover: four cases in %s with set-up", time.Since(t0).Round(time.Millisecond))
}

// sameAggregates checks that the cached replicas answer the aggregates as the uncached one computes them, once the
// versions have settled (a replica confirms its version within a second).
func sameAggregates(t *testing.T, cached []*replica, fresh *replica, cookie http.Header) {
	t.Helper()
	var want string
	deadline := time.Now().Add(failoverDeadline)
	for {
		w := apitest.As(t, fresh.url, cookie, drillAggregates, nil)
		want = string(w.Data)
		diff := ""
		for _, r := range cached {
			got := apitest.As(t, r.url, cookie, drillAggregates, nil)
			if len(got.Errors) > 0 || string(got.Data) != want {
				diff = fmt.Sprintf("replica %s answers %s %v, a fresh computation %s", r.name, got.Data, got.Errors, want)
			}
		}
		if diff == "" && len(w.Errors) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Errorf("cached aggregates differ from a fresh computation: %s", diff)
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func mustBody(query string) []byte {
	b, _ := json.Marshal(map[string]any{"query": query})
	return b
}

// metric reads one sample (name with its labels, as the text format writes it) from a Prometheus endpoint.
func metric(t *testing.T, url, sample string) float64 {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, sample+" "); ok {
			var v float64
			fmt.Sscan(rest, &v)
			return v
		}
	}
	t.Errorf("%s: no sample %s", url, sample)
	return -1
}
