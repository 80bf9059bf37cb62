// Command bench measures 文明看板 at province scale: it builds the real binary, seeds the scale dataset, sends
// the dashboard's real queries over HTTP with vegeta at fixed concurrency, measures the plain-SQL floor of the
// same answers through the store, and writes the table to stdout and bench/results.md.
//
//	go run ./bench                      (or: make bench)
//	go run ./bench --backend postgres   (or: make bench BACKEND=postgres)
//
//	go run ./bench --backend both       (or: make bench BACKEND=both: SQLite, then PostgreSQL, in one call)
//	go run ./bench --compare L --bin B  (the rows of a before/after comparison, labelled L, for binary B)
//
// With --backend postgres it seeds and serves a PostgreSQL database instead of a SQLite file: the one WENMING_BENCH_PG
// names (an empty database), or one on a throwaway cluster of Debian's PostgreSQL 15 that it starts and removes. Each
// backend's table keeps its own section of bench/results.md, so that the two stand side by side.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/wenming/wenming/internal/freeport"
)

func main() {
	out := flag.String("out", "bench/results.md", "where to write the results table")
	backend := flag.String("backend", "sqlite", "sqlite, postgres, postgres-ha (the failover drill and the overview on Patroni; docs/ha.md), or both (sqlite,postgres) one after the other (env WENMING_BENCH_PG: an empty PostgreSQL database to use instead of a throwaway cluster)")
	scales := flag.String("scales", "", "scales of the cost curve; the full matrix runs at 1 (default 0.1,1,3 on SQLite, 1 on PostgreSQL)")
	dur := flag.Duration("duration", 2*time.Second, "duration of each attack")
	reuse := flag.Bool("reuse", false, "reuse seeded SQLite databases in bench/tmp when present")
	flag.StringVar(&pgParams, "pg-params", "", "parameters added to the PostgreSQL DSN, e.g. pool_max_conns=16")
	flag.Float64Var(&quietBelow, "quiet-below", 0, "with --mixed-only: before each row, wait (up to 4 minutes) until the one-minute load average is below this")
	flag.BoolVar(&mixedOnly, "mixed-only", false, "run only the mixed-load row (reads at c=16 while an editor writes 20 records/s) at scale 1, and put it in results.md's table of mixed-load runs under --label")
	flag.IntVar(&mixedWritesPerSecond, "mixed-writes", 20, "writes a second beside the mixed-load reads (0: the reads alone, for reference)")
	flag.DurationVar(&mixedDuration, "mixed-duration", 10*time.Second, "duration of the mixed-load row")
	flag.StringVar(&mixedLabel, "label", "this worktree", "with --mixed-only or --floor-only: the row's name in results.md's table of mixed-load runs")
	flag.StringVar(&prebuilt, "bin", "", "measure this wenming binary instead of building the worktree (e.g. main's, for a before/after pair)")
	ratioOnly := flag.Bool("ratio-only", false, "measure only a cached answer against a bare gqlgen server's { __typename }, on the demo database")
	growth := flag.Bool("growth", false, "measure only the growth rows (scale 1 against scale 5 on each --backend: the overview, the ranking, the drill-down, the import, RSS), three runs each; --reuse keeps seeded SQLite files")
	flag.Func("growth-scales", "with --growth: the two scales compared (default 1,5)", func(v string) error {
		var lo, hi float64
		if _, err := fmt.Sscanf(v, "%g,%g", &lo, &hi); err != nil {
			return err
		}
		growthScales = []float64{lo, hi}
		return nil
	})
	compare := flag.String("compare", "", "measure only the rows of a before/after comparison (seeding, the overview page at c=8 and c=64, the mixed load, the import) at scale 1, and add them to results.md's comparison under this label")
	flag.BoolVar(&floorOnly, "floor-only", false, "measure only the byte floor (the cached overview through the server against a bare net/http handler writing its bytes, plain and gzip) and the server's CPU per request against bare gqlgen's { __typename }, three runs with wrk, into results.md's byte-floor section under --label")
	flag.DurationVar(&floorDuration, "floor-duration", 5*time.Second, "duration of each byte-floor cell")
	flag.Parse()
	if floorOnly {
		floorLabel = mixedLabel
		if err := runFloorOnly(*out); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	if *ratioOnly {
		if err := runRatioOnly(*dur); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	backends, err := parseBackends(*backend)
	if err == nil {
		if *compare != "" {
			err = runCompare(*out, *compare, backends, *dur)
		} else if *growth {
			err = runGrowth(*out, backends, *dur, *reuse)
		} else {
			err = run(*out, backends, *scales, *dur, *reuse)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// parseBackends reads --backend: one backend, a comma-separated list, or both.
func parseBackends(s string) ([]string, error) {
	if s == "both" {
		s = "sqlite,postgres"
	}
	var out []string
	for _, b := range strings.Split(s, ",") {
		if b = strings.TrimSpace(b); b != "sqlite" && b != "postgres" && b != haSection {
			return nil, fmt.Errorf("--backend must be sqlite, postgres, postgres-ha or both, not %q", b)
		}
		out = append(out, b)
	}
	return out, nil
}

// buildBinary builds the worktree's wenming into bench/tmp, or returns --bin.
func buildBinary() (string, error) {
	if err := os.MkdirAll("bench/tmp", 0o755); err != nil {
		return "", err
	}
	if prebuilt != "" {
		return prebuilt, nil
	}
	bin, _ := filepath.Abs("bench/tmp/wenming")
	fmt.Println("building", bin)
	// Stamped with the commit, as make build does, so that a row can name what it measured (binaryVersion).
	version, _ := exec.Command("git", "describe", "--always", "--dirty").Output()
	ldflags := "-X main.Version=" + strings.TrimSpace(string(version))
	if b, err := exec.Command("go", "build", "-ldflags", ldflags, "-o", bin, ".").CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, b)
	}
	return bin, nil
}

// binaryVersion is what `wenming version` says of bin (its commit, "-dirty" when built from changed files), for the
// rows measured with it; "unknown" when it says nothing.
func binaryVersion(bin string) string {
	out, err := exec.Command(bin, "version").Output()
	if v := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(string(out)), "wenming")); err == nil && v != "" {
		return v
	}
	return "unknown"
}

// query is one of the dashboard's operations, read from frontend/src/graphql.
type query struct {
	name string
	body []byte
}

func loadQuery(name, file string, vars map[string]any) (query, error) {
	doc, err := os.ReadFile(filepath.Join("frontend/src/graphql", file))
	if err != nil {
		return query{}, err
	}
	return gqlQuery(name, string(doc), vars), nil
}

func gqlQuery(name, doc string, vars map[string]any) query {
	b, _ := json.Marshal(map[string]any{"query": doc, "variables": vars})
	return query{name: name, body: b}
}

var opHeader = regexp.MustCompile(`(?s)^\s*query\s+\w+\s*(\([^)]*\))?\s*\{`)

// overviewPage merges the overview page's three operations into one document, so that one request measures the
// whole page: the browser sends the same three in parallel.
func overviewPage() (query, error) {
	var bodies []string
	for _, f := range []string{"Overview.graphql", "Progress.graphql", "Dataset.graphql"} {
		doc, err := os.ReadFile(filepath.Join("frontend/src/graphql", f))
		if err != nil {
			return query{}, err
		}
		s := string(doc)
		loc := opHeader.FindStringIndex(s)
		if loc == nil {
			return query{}, fmt.Errorf("%s: no operation header", f)
		}
		end := strings.LastIndex(s, "}")
		bodies = append(bodies, s[loc[1]:end])
	}
	doc := "query OverviewPage($from: Int, $to: Int, $cumulative: Boolean) {" + strings.Join(bodies, "\n") + "}"
	return gqlQuery("overview page (3 ops)", doc, map[string]any{"from": 2019, "to": 2024, "cumulative": false}), nil
}

func dashboardQueries() ([]query, error) {
	years := map[string]any{"from": 2019, "to": 2024}
	specs := []struct {
		name, file string
		vars       map[string]any
	}{
		{"overview KPIs", "Overview.graphql", years},
		{"progress (10 series)", "Progress.graphql", map[string]any{"from": 2019, "to": 2024, "cumulative": false}},
		{"dataset", "Dataset.graphql", nil},
		{"honorStats [YEAR,LEVEL]", "HonorStats.graphql", map[string]any{"groupBy": []string{"YEAR", "LEVEL"}}},
		{"volunteerStats [CAMPAIGN,YEAR]", "VolunteerStats.graphql", map[string]any{"groupBy": []string{"CAMPAIGN", "YEAR"}}},
		{"rankings top+bottom 10", "Rankings.graphql", map[string]any{"year": 2024, "metric": "CREATION_INDEX", "first": 10}},
	}
	var qs []query
	for _, s := range specs {
		q, err := loadQuery(s.name, s.file, s.vars)
		if err != nil {
			return nil, err
		}
		qs = append(qs, q)
	}
	page, err := overviewPage()
	if err != nil {
		return nil, err
	}
	return append([]query{page}, qs...), nil
}

// result is one line of the table.
type result struct {
	scale       float64
	query       string
	concurrency int
	requests    uint64
	rps         float64
	p50         time.Duration
	p95         time.Duration
	p99         time.Duration
	errors      int
	floorP50    time.Duration
	// uncachedP50 is the p50 at concurrency 1 of a server started with --cache=false.
	uncachedP50 time.Duration
}

// run measures each backend in turn, each into its own section of out.
func run(out string, backends []string, scaleList string, dur time.Duration, reuse bool) error {
	bin, err := buildBinary()
	if err != nil {
		return err
	}
	for _, backend := range backends {
		if backend == haSection {
			if err := runHA(out, bin, dur); err != nil {
				return fmt.Errorf("%s: %w", backend, err)
			}
			continue
		}
		scales := scaleList
		switch {
		case mixedOnly:
			scales = "1"
		case scales == "" && backend == "postgres":
			scales = "1"
		case scales == "":
			scales = "0.1,1,3"
		}
		if err := runBackend(out, bin, backend, scales, dur, reuse); err != nil {
			return fmt.Errorf("%s: %w", backend, err)
		}
	}
	return nil
}

// runBackend measures one backend at each scale and writes its section of out.
func runBackend(out, bin, backend, scaleList string, dur time.Duration, reuse bool) error {
	ctx := context.Background()
	queries, err := dashboardQueries()
	if err != nil {
		return err
	}
	var scales []float64
	for _, s := range strings.Split(scaleList, ",") {
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			return err
		}
		scales = append(scales, f)
	}
	report := &report{started: time.Now(), backend: backend, loadStart: loadAverage(), build: binaryVersion(bin)}
	var pg *pgBench
	if backend == "postgres" {
		if pg, err = startPostgres(ctx, len(scales)); err != nil {
			return err
		}
		defer pg.close()
		report.setup = pg.setup
	}
	for _, scale := range scales {
		dbPath, _ := filepath.Abs(fmt.Sprintf("bench/tmp/scale-%g.db", scale))
		if pg != nil {
			if dbPath, err = pg.database(ctx, scale); err != nil {
				return err
			}
		}
		if _, err := os.Stat(dbPath); pg != nil || err != nil || !reuse {
			for _, suffix := range []string{"", "-wal", "-shm"} {
				if pg == nil {
					os.Remove(dbPath + suffix)
				}
			}
			start := time.Now()
			b, err := exec.Command(bin, "seed", "--scale", fmt.Sprint(scale), "--db", dbPath, "--quiet").CombinedOutput()
			if err != nil {
				return fmt.Errorf("seed: %v\n%s", err, b)
			}
			fmt.Print(string(b))
			report.seeds = append(report.seeds, seedLine{scale, time.Since(start), strings.TrimSpace(string(b))})
		}
		token, err := benchToken(bin, dbPath)
		if err != nil {
			return err
		}
		authHeader = "Bearer " + token
		srv, err := startServer(bin, dbPath)
		if err != nil {
			return err
		}
		report.startups = append(report.startups, startup{scale, srv.ready})
		fmt.Printf("scale %g: server ready in %s\n", scale, srv.ready.Round(time.Millisecond))
		if mixedOnly {
			defer srv.stop()
			label := mixedLabel
			if backend == "postgres" {
				label += " (PostgreSQL)"
			}
			return runMixedRows(out, label, report, bin, dbPath, srv.url, queries, scale)
		}

		floors, err := measureFloors(ctx, dbPath)
		if err != nil {
			srv.stop()
			return err
		}
		// The full matrix runs at scale 1; the other scales give the cost curve at concurrency 1.
		concs := []int{1, 8, 64}
		if scale != 1 {
			concs = []int{1}
		}
		for _, q := range queries {
			for _, c := range concs {
				r := attack(srv.url, q, c, dur)
				r.scale, r.floorP50 = scale, floors[q.name]
				fmt.Printf("  %-32s c=%-3d %8.0f req/s  p50 %-9s p99 %-9s errors %d  floor %s\n", q.name, c, r.rps, r.p50.Round(time.Microsecond),
					r.p99.Round(time.Microsecond), r.errors, r.floorP50.Round(time.Microsecond))
				report.results = append(report.results, r)
			}
		}
		// Paging to the end is a walk, not a load: it runs where it fits the time budget (300,000 rows at scale 3
		// would take minutes).
		if scale <= 1 {
			pg, err := pageHonors(srv.url)
			if err != nil {
				srv.stop()
				return err
			}
			pg.scale = scale
			report.paging = append(report.paging, pg)
			fmt.Printf("  paging honours: %d pages, %d rows, p50 %s p99 %s, complete=%v\n", pg.pages, pg.rows, pg.p50, pg.p99, pg.complete)
		}
		if scale == 1 {
			if err := runMixed(report, bin, dbPath, srv.url, queries, scale, mixedWritesPerSecond); err != nil {
				srv.stop()
				return err
			}
		}
		rss := srv.peakRSS()
		report.rss = append(report.rss, rssLine{scale, rss})
		fmt.Printf("  peak RSS %.1f MB\n", float64(rss)/1024)
		srv.stop()
		if scale == 1 {
			line, err := measureRatio(bin, dbPath, token, dur)
			if err != nil {
				return err
			}
			report.ratio = &line
		}

		// The same queries against a server without caches give GraphQL's own overhead over the SQL floor.
		cold, err := startServer(bin, dbPath, "--cache=false")
		if err != nil {
			return err
		}
		for _, q := range queries {
			r := attack(cold.url, q, 1, dur/2)
			for i := range report.results {
				x := &report.results[i]
				if x.scale == scale && x.query == q.name && x.concurrency == 1 {
					x.uncachedP50 = r.p50
				}
			}
			fmt.Printf("  %-32s uncached c=1 p50 %s (floor %s)\n", q.name, r.p50.Round(time.Microsecond), floors[q.name].Round(time.Microsecond))
		}
		cold.stop()
		// The import adds records, so it comes last.
		if scale == 1 {
			imp, err := measureImport(bin, dbPath, scale)
			if err != nil {
				return err
			}
			fmt.Println(imp.line())
			report.imports = append(report.imports, imp)
		}
	}
	report.finished, report.loadEnd = time.Now(), loadAverage()
	section := report.markdown()
	fmt.Println()
	fmt.Print(section)
	prev, _ := os.ReadFile(out)
	return os.WriteFile(out, []byte(mergeResults(string(prev), backend, section)), 0o644)
}

// authHeader is sent with every request: the benchmark reads as a reporting tool does, with a READ token.
var authHeader string

// benchToken makes a viewer and a READ token on the database with the CLI, and returns the token's secret.
func benchToken(bin, dbPath string) (string, error) {
	if b, err := exec.Command(bin, "user", "add", "--db", dbPath, "--name", "bench", "--role", "VIEWER", "--password", "bench-password-1").CombinedOutput(); err != nil &&
		!strings.Contains(string(b), "已被使用") {
		return "", fmt.Errorf("user add: %v\n%s", err, b)
	}
	b, err := exec.Command(bin, "token", "create", "--db", dbPath, "--user", "bench", "--name", "bench-"+strconv.FormatInt(time.Now().Unix(), 10), "--scope", "READ").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("token create: %v\n%s", err, b)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "wm_") {
			return strings.TrimSpace(line), nil
		}
	}
	return "", fmt.Errorf("no token in %q", b)
}

// server is a running wenming process.
type server struct {
	cmd   *exec.Cmd
	url   string
	ready time.Duration
}

func startServer(bin, dbPath string, extra ...string) (*server, error) {
	port, err := freeport.Pick()
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	cmd := exec.Command(bin, append([]string{"serve", "--addr", addr, "--db", dbPath, "--log-level", "error", "--demo=false"}, extra...)...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, url: "http://" + addr}
	for time.Since(start) < 60*time.Second {
		resp, err := http.Get(s.url + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				s.ready = time.Since(start)
				return s, nil
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Kill()
	return nil, fmt.Errorf("server not ready after 60s")
}

// peakRSS reads the process's high-water resident set (VmHWM) in KiB.
func (s *server) peakRSS() int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			n, _ := strconv.ParseInt(f[1], 10, 64)
			return n
		}
	}
	return 0
}

func (s *server) stop() {
	s.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill()
	}
}

// attack sends q as fast as c workers can for dur, and counts HTTP and GraphQL errors.
func attack(url string, q query, c int, dur time.Duration) result {
	target := vegeta.Target{Method: "POST", URL: url + "/graphql", Body: q.body, Header: http.Header{"Content-Type": {"application/json"}, "Authorization": {authHeader}}}
	atk := vegeta.NewAttacker(vegeta.Workers(uint64(c)), vegeta.MaxWorkers(uint64(c)), vegeta.KeepAlive(true), vegeta.Connections(c))
	return run1(atk, target, q.name, c, dur)
}

// run1 sends target as fast as atk's workers can for dur, and counts HTTP errors and answers that carry GraphQL
// errors.
func run1(atk *vegeta.Attacker, target vegeta.Target, name string, c int, dur time.Duration) result {
	var m vegeta.Metrics
	gqlErrors := 0
	for res := range atk.Attack(vegeta.NewStaticTargeter(target), vegeta.Rate{Freq: 0}, dur, name) {
		if res.Code == 200 && bytes.Contains(res.Body, []byte(`"errors"`)) {
			gqlErrors++
		}
		m.Add(res)
	}
	m.Close()
	errs := int(m.Requests) - int(float64(m.Requests)*m.Success+0.5) + gqlErrors
	return result{query: name, concurrency: c, requests: m.Requests, rps: m.Throughput, p50: m.Latencies.P50, p95: m.Latencies.P95,
		p99: m.Latencies.P99, errors: errs}
}

// paging walks the honour connection to the end, 100 at a time, as an export or a reporting tool does.
type paging struct {
	scale          float64
	pages, rows    int
	total          int
	p50, p99, wall time.Duration
	complete       bool
}

func pageHonors(url string) (paging, error) {
	doc, err := os.ReadFile("frontend/src/graphql/Honors.graphql")
	if err != nil {
		return paging{}, err
	}
	var p paging
	var lat []time.Duration
	after := any(nil)
	seen := map[string]bool{}
	start := time.Now()
	for {
		body, _ := json.Marshal(map[string]any{"query": string(doc), "variables": map[string]any{"first": 100, "after": after}})
		t0 := time.Now()
		req, _ := http.NewRequest(http.MethodPost, url+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", authHeader)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return p, err
		}
		var r struct {
			Data struct {
				Honors struct {
					TotalCount int
					PageInfo   struct {
						HasNextPage bool
						EndCursor   string
					}
					Edges []struct{ Node struct{ ID string } }
				}
			}
			Errors []any
		}
		err = json.NewDecoder(resp.Body).Decode(&r)
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		lat = append(lat, time.Since(t0))
		if err != nil || len(r.Errors) > 0 {
			return p, fmt.Errorf("page %d: %v %v", p.pages, err, r.Errors)
		}
		p.pages++
		p.total = r.Data.Honors.TotalCount
		for _, e := range r.Data.Honors.Edges {
			if !seen[e.Node.ID] {
				seen[e.Node.ID] = true
				p.rows++
			}
		}
		if !r.Data.Honors.PageInfo.HasNextPage {
			break
		}
		after = r.Data.Honors.PageInfo.EndCursor
	}
	p.wall = time.Since(start)
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	p.p50, p.p99 = lat[len(lat)/2], lat[min(len(lat)-1, len(lat)*99/100)]
	p.complete = p.rows == p.total
	return p, nil
}

type seedLine struct {
	scale float64
	took  time.Duration
	line  string
}

type startup struct {
	scale float64
	ready time.Duration
}

type rssLine struct {
	scale float64
	kib   int64
}

type report struct {
	// backend is sqlite or postgres; setup describes the PostgreSQL server measured; build is what `wenming
	// version` says of the binary measured.
	backend, setup, build string
	started, finished     time.Time
	// loadStart and loadEnd are the machine's one-minute load average when the run began and ended.
	loadStart, loadEnd string
	seeds              []seedLine
	startups           []startup
	results            []result
	paging             []paging
	rss                []rssLine
	mixed              []mixedResult
	imports            []importResult
	// ratio compares a cached answer with a bare gqlgen server's { __typename } (ratio.go).
	ratio *ratioLine
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d.Microseconds())/1000) }

func (r *report) markdown() string {
	var b strings.Builder
	host, _ := os.Hostname()
	title, cmd, floor := "SQLite", "make bench", "through `database/sql` on the same file"
	if r.backend == "postgres" {
		title, cmd, floor = "PostgreSQL", "make bench BACKEND=postgres", "through pgx on the same database"
	}
	fmt.Fprintf(&b, "## %s\n\nMeasured by `%s` (`go run ./bench --backend %s`) on %s: %d cores, %s, Go %s, build %s, %s. Run took %s; "+
		"the one-minute load average was %s at its start and %s at its end (the cores are shared with other work).\n\n",
		title, cmd, r.backend, host, runtime.NumCPU(), runtime.GOOS+"/"+runtime.GOARCH, strings.TrimPrefix(runtime.Version(), "go"),
		r.build, r.started.UTC().Format("2006-01-02 15:04 MST"), r.finished.Sub(r.started).Round(time.Second), r.loadStart, r.loadEnd)
	if r.setup != "" {
		b.WriteString(r.setup + "\n\n")
	}
	b.WriteString("Queries are the dashboard's own (`frontend/src/graphql/*.graphql`), sent over HTTP by vegeta with a fixed number of workers " +
		"for a fixed duration. *Floor* is the same answer computed by the store's plain SQL " + floor + ", " +
		"with no GraphQL, no HTTP and no cache (p50 of 200 runs). *Uncached* is the p50 at concurrency 1 of a server started with `--cache=false`; " +
		"*ratio* is that over the floor: the cost of GraphQL and HTTP themselves. The other columns are the server as deployed, with its " +
		"version-keyed caches.\n\n")
	b.WriteString("### Seeding and start-up\n\n| scale | seeding | start-up to ready | peak server RSS |\n|---|---|---|---|\n")
	for i, s := range r.startups {
		seed := "reused"
		for _, sl := range r.seeds {
			if sl.scale == s.scale {
				seed = sl.line
			}
		}
		rss := int64(0)
		if i < len(r.rss) {
			rss = r.rss[i].kib
		}
		fmt.Fprintf(&b, "| %g | %s | %s ms | %.1f MB |\n", s.scale, seed, ms(s.ready), float64(rss)/1024)
	}
	b.WriteString("\n### Latency and throughput\n\n| scale | query | conc. | requests | req/s | p50 ms | p95 ms | p99 ms | errors | floor p50 ms | uncached p50 ms | ratio |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, x := range r.results {
		floor, uncached, ratio := "", "", ""
		if x.concurrency == 1 {
			floor, uncached = ms(x.floorP50), ms(x.uncachedP50)
			if x.floorP50 > 0 && x.uncachedP50 > 0 {
				ratio = fmt.Sprintf("%.2f×", float64(x.uncachedP50)/float64(x.floorP50))
			}
		}
		fmt.Fprintf(&b, "| %g | %s | %d | %d | %.0f | %s | %s | %s | %d | %s | %s | %s |\n", x.scale, x.query, x.concurrency, x.requests, x.rps,
			ms(x.p50), ms(x.p95), ms(x.p99), x.errors, floor, uncached, ratio)
	}
	b.WriteString(markdownMixed(r.mixed))
	b.WriteString(markdownImports(r.imports))
	if r.ratio != nil {
		b.WriteString(r.ratio.markdown())
	}
	b.WriteString("\n### Paging through all honours (first: 100)\n\n| scale | pages | rows seen | totalCount | complete | p50 ms | p99 ms | wall |\n|---|---|---|---|---|---|---|---|\n")
	for _, p := range r.paging {
		fmt.Fprintf(&b, "| %g | %d | %d | %d | %v | %s | %s | %s |\n", p.scale, p.pages, p.rows, p.total, p.complete, ms(p.p50), ms(p.p99), p.wall.Round(time.Millisecond))
	}
	b.WriteString("\n### Cost curve (concurrency 1, p50 ms)\n\n| query |")
	var scales []float64
	for _, s := range r.startups {
		scales = append(scales, s.scale)
		fmt.Fprintf(&b, " scale %g |", s.scale)
	}
	b.WriteString(" growth first→last |\n|---|")
	for range scales {
		b.WriteString("---|")
	}
	b.WriteString("---|\n")
	byName := map[string]map[float64]time.Duration{}
	var names []string
	for _, x := range r.results {
		if x.concurrency != 1 {
			continue
		}
		if byName[x.query] == nil {
			byName[x.query] = map[float64]time.Duration{}
			names = append(names, x.query)
		}
		byName[x.query][x.scale] = x.p50
	}
	for _, n := range names {
		fmt.Fprintf(&b, "| %s |", n)
		for _, s := range scales {
			fmt.Fprintf(&b, " %s |", ms(byName[n][s]))
		}
		first, last := byName[n][scales[0]], byName[n][scales[len(scales)-1]]
		growth := ""
		if first > 0 {
			growth = fmt.Sprintf("%.2f×", float64(last)/float64(first))
		}
		fmt.Fprintf(&b, " %s |\n", growth)
	}
	return b.String()
}
