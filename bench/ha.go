package main

// make bench BACKEND=postgres-ha: the HA topology of docs/ha.md (PostgreSQL under Patroni with synchronous
// replication, HAProxy routing to the primary). It runs the failover drill three times — the failover test of
// systemtest, which kills the primary, kills Patroni alone, hangs the primary and switches over, and prints each
// case's figures — and measures the overview page at c=8 on the HA cluster beside a single PostgreSQL, three runs
// each, in one section of results.md.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/wenming/wenming/db/postgres/pgtest"
	"github.com/wenming/wenming/db/postgres/pgtest/hacluster"
)

// haSection is the key of results.md's section of the HA topology.
const haSection = "postgres-ha"

// Targets of issue 26 the HA rows are held to.
const (
	haFirstWriteTarget = 15 * time.Second
	haNotReadyTarget   = 2 * time.Second
)

// haRuns is how many times each HA measurement runs.
const haRuns = 3

// drillFigures is one case of one drill run, as the failover test reports it (WENMING_FAILOVER_REPORT).
type drillFigures struct {
	Case     string         `json:"case"`
	Promoted time.Duration  `json:"promoted"`
	Resumed  time.Duration  `json:"resumed"`
	NotReady time.Duration  `json:"notReady"`
	Ready    time.Duration  `json:"ready"`
	Gap      time.Duration  `json:"gap"`
	Counts   map[string]int `json:"counts"`
	run      int
}

// runHA measures the HA topology and writes its section of out.
func runHA(out, bin string, dur time.Duration) error {
	started, loadStart := time.Now(), loadAverage()
	var drills []drillFigures
	for run := 1; run <= haRuns; run++ {
		fmt.Printf("failover drill, run %d of %d (load %s)\n", run, haRuns, loadAverage())
		figs, err := failoverDrill(bin)
		if err != nil {
			return err
		}
		for _, f := range figs {
			f.run = run
			fmt.Printf("  %-16s new primary %s, writes resumed %s, /readyz 503 %s, gap %s, %v\n", f.Case, f.Promoted.Round(time.Millisecond),
				f.Resumed.Round(time.Millisecond), f.NotReady.Round(time.Millisecond), f.Gap.Round(time.Millisecond), f.Counts)
			drills = append(drills, f)
		}
	}
	single, ha, loads, err := haOverview(bin, dur)
	if err != nil {
		return err
	}
	section := haMarkdown(drills, single, ha, loads, started, loadStart)
	prev, _ := os.ReadFile(out)
	return os.WriteFile(out, []byte(mergeHA(string(prev), section)), 0o644)
}

// failoverDrill runs the failover test once and returns what it reported.
func failoverDrill(bin string) ([]drillFigures, error) {
	report := filepath.Join(os.TempDir(), fmt.Sprintf("wenming-failover-%d.jsonl", time.Now().UnixNano()))
	defer os.Remove(report)
	cmd := exec.Command("go", "test", "-count=1", "-run", "^TestFailover$", "./systemtest")
	cmd.Env = append(os.Environ(), "WENMING_FAILOVER_REPORT="+report, "WENMING_BIN="+bin, pgtest.RequireEnv+"=1")
	if b, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("the failover test failed: %v\n%s", err, b)
	}
	f, err := os.Open(report)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []drillFigures
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var d drillFigures
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, sc.Err()
}

// haOverview seeds scale 1 on a single PostgreSQL and on the HA cluster, and measures the overview page at c=8 on
// each, alternating, haRuns times; it returns the results and the load average after each attack, in order.
func haOverview(bin string, dur time.Duration) (single, ha []result, loads []string, err error) {
	var tokens [2]string // each server's bearer header: both databases hold the same seed, each its own token
	ctx := context.Background()
	queries, err := dashboardQueries()
	if err != nil {
		return nil, nil, nil, err
	}
	page := queries[0]
	pg, err := pgtest.StartCluster(pgBenchSettings...)
	if err != nil {
		return nil, nil, nil, err
	}
	defer pg.Remove()
	cl, err := hacluster.New(2)
	if err != nil {
		return nil, nil, nil, err
	}
	defer cl.Close()
	var urls [2]string
	for i, create := range []func() (string, error){
		func() (string, error) { return pg.CreateDatabase(ctx, "bench_single") },
		func() (string, error) { return cl.CreateDatabase(ctx, "bench_ha") },
	} {
		dsn, err := create()
		if err != nil {
			return nil, nil, nil, err
		}
		if b, err := exec.Command(bin, "seed", "--scale", "1", "--db", dsn, "--quiet").CombinedOutput(); err != nil {
			return nil, nil, nil, fmt.Errorf("seed: %v\n%s", err, b)
		}
		token, err := benchToken(bin, dsn)
		if err != nil {
			return nil, nil, nil, err
		}
		authHeader = "Bearer " + token
		srv, err := startServer(bin, dsn)
		if err != nil {
			return nil, nil, nil, err
		}
		defer srv.stop()
		urls[i] = srv.url
		tokens[i] = authHeader
	}
	for run := 1; run <= haRuns; run++ {
		for i, url := range urls {
			authHeader = tokens[i]
			attack(url, page, 8, dur/2) // warm the caches
			r := attack(url, page, 8, dur)
			fmt.Printf("  overview page c=8 on %s, run %d: p99 %s, %.0f req/s, %d errors (load %s)\n",
				[]string{"one PostgreSQL", "the HA cluster"}[i], run, r.p99.Round(time.Microsecond), r.rps, r.errors, loadAverage())
			loads = append(loads, loadAverage())
			if i == 0 {
				single = append(single, r)
			} else {
				ha = append(ha, r)
			}
		}
	}
	return single, ha, loads, nil
}

// haMarkdown is the section of results.md.
func haMarkdown(drills []drillFigures, single, ha []result, loads []string, started time.Time, loadStart string) string {
	var b strings.Builder
	host, _ := os.Hostname()
	fmt.Fprintf(&b, "## PostgreSQL HA (Patroni, 2 nodes, synchronous)\n\nMeasured by `make bench BACKEND=postgres-ha` on %s, %s, "+
		"load %s at the start and %s at the end; took %s. The drill is `go test -run TestFailover ./systemtest` "+
		"(two app replicas over HAProxy → Patroni 3.0.2 / etcd 3.4 / PostgreSQL 15, writers every 50 ms with idempotency "+
		"keys, readers; docs/ha.md), run %d times. Targets: the clients' writes resume ≤ %s after the fault, /readyz "+
		"503 ≤ %s after it, nothing acknowledged lost. \"New primary takes writes\" is the harness's view (it asks each node's "+
		"REST API, a hung one for a second; for the switchover it includes the old primary's return as the standby); "+
		"the clients' column is what the writers saw. A write \"acknowledged on a retry\" committed on an attempt whose answer "+
		"was lost, and was acknowledged without a second write when it was sent again with its key.\n\n", host, started.UTC().Format("2006-01-02 15:04 UTC"), loadStart,
		loadAverage(), time.Since(started).Round(time.Second), haRuns, haFirstWriteTarget, haNotReadyTarget)
	b.WriteString("| run | case | new primary takes writes | clients' writes resume | /readyz 503 | /readyz 200 | longest write gap | sent | acknowledged | lost | doubled | committed, unacknowledged | acknowledged on a retry | targets |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	sec := func(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }
	for _, d := range drills {
		ok := d.Resumed <= haFirstWriteTarget && d.NotReady <= haNotReadyTarget && d.Counts["lost"] == 0 && d.Counts["doubled"] == 0
		verdict := "met"
		if !ok {
			verdict = "**missed**"
		}
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %s | %s | %d | %d | %d | %d | %d | %d | %s |\n", d.run, d.Case, sec(d.Promoted),
			sec(d.Resumed), sec(d.NotReady), sec(d.Ready), sec(d.Gap), d.Counts["sent"], d.Counts["acked"], d.Counts["lost"],
			d.Counts["doubled"], d.Counts["committedUnacked"], d.Counts["repeated"], verdict)
	}
	b.WriteString("\nThe overview page (3 operations, cached) at c=8, alternating between a single PostgreSQL (a throwaway cluster, " +
		"fsync off) and the HA cluster (synchronous commit to the standby) on the same machine:\n\n")
	b.WriteString("| topology | run | req/s | p50 ms | p99 ms | errors | load after |\n|---|---|---|---|---|---|---|\n")
	for i := range single {
		for j, row := range []struct {
			name string
			r    result
		}{{"one PostgreSQL", single[i]}, {"HA cluster via HAProxy", ha[i]}} {
			load := ""
			if k := 2*i + j; k < len(loads) {
				load = loads[k]
			}
			fmt.Fprintf(&b, "| %s | %d | %.0f | %s | %s | %d | %s |\n", row.name, i+1, row.r.rps, ms(row.r.p50), ms(row.r.p99), row.r.errors, load)
		}
	}
	return b.String()
}

// mergeHA puts the HA section into results.md in place of the previous one.
func mergeHA(prev, section string) string { return mergeSection(prev, haSection, section) }
