package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// compareRow is one run of the rows a before/after comparison looks at, on one backend, each figure with the
// machine's one-minute load when it was measured: on a shared machine the load explains as much as the code.
type compareRow struct {
	label, backend string
	measured       time.Time
	// seed is `wenming seed --scale 1` into an empty database, wall clock.
	seed, seedLoad string
	// overview is the overview page (3 ops): p99 at c=8 and req/s at c=64.
	p99c8, p99c8Load, rpsC64, rpsC64Load string
	// mixed is the reads' req/s and p99 under 20 writes a second, and the writes that failed or were dropped
	// because 8 were already waiting.
	mixedRPS, mixedP99, mixedWriteErrors, mixedLoad string
	// imp is the import of importRecords volunteer records, wall clock.
	imp, impLoad string
}

// compareSection is the key of results.md's section of labelled comparison runs.
const compareSection = "compare"

// compareHeader opens the table of runs; the medians follow it.
const compareHeader = "| build | backend | measured (UTC) | seed scale 1 s | load | overview p99 c=8 ms | load | overview req/s c=64 | load | mixed read req/s | mixed read p99 ms | mixed write errors | load | import s | load |\n" +
	"|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"

// runCompare measures the comparison's rows on each backend with one binary (--bin, or the worktree's), at scale
// 1 on a freshly seeded database, and adds one row per backend to out. The in-process floor is not measured: it
// would be this harness's store, not the binary's.
func runCompare(out, label string, backends []string, dur time.Duration) error {
	ctx := context.Background()
	bin, err := buildBinary()
	if err != nil {
		return err
	}
	all, err := dashboardQueries()
	if err != nil {
		return err
	}
	page := all[0]
	for _, backend := range backends {
		row := compareRow{label: label, backend: backend, measured: time.Now()}
		dbPath, _ := filepath.Abs("bench/tmp/compare-scale-1.db")
		var pg *pgBench
		if backend == "postgres" {
			if pg, err = startPostgres(ctx, 1); err != nil {
				return err
			}
			if dbPath, err = pg.database(ctx, 1); err != nil {
				pg.close()
				return err
			}
		} else {
			for _, suffix := range []string{"", "-wal", "-shm"} {
				os.Remove(dbPath + suffix)
			}
		}
		err := measureCompare(&row, bin, dbPath, page, all, dur)
		if pg != nil {
			pg.close()
		}
		if err != nil {
			return fmt.Errorf("%s: %w", backend, err)
		}
		fmt.Println(row.markdown())
		prev, _ := os.ReadFile(out)
		if err := os.WriteFile(out, []byte(mergeCompare(string(prev), row)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// measureCompare seeds, serves and measures one backend's row.
func measureCompare(row *compareRow, bin, dbPath string, page query, all []query, dur time.Duration) error {
	start := time.Now()
	if b, err := exec.Command(bin, "seed", "--scale", "1", "--db", dbPath, "--quiet").CombinedOutput(); err != nil {
		return fmt.Errorf("seed: %v\n%s", err, b)
	}
	row.seed, row.seedLoad = fmt.Sprintf("%.1f", time.Since(start).Seconds()), loadAverage()
	fmt.Printf("%s %s: seeded in %s s (load %s)\n", row.label, row.backend, row.seed, row.seedLoad)
	token, err := benchToken(bin, dbPath)
	if err != nil {
		return err
	}
	authHeader = "Bearer " + token
	srv, err := startServer(bin, dbPath)
	if err != nil {
		return err
	}
	defer srv.stop()
	attack(srv.url, page, 8, dur/2) // warms the caches and the connections
	r := attack(srv.url, page, 8, dur)
	row.p99c8, row.p99c8Load = ms(r.p99), loadAverage()
	r = attack(srv.url, page, 64, dur)
	row.rpsC64, row.rpsC64Load = fmt.Sprintf("%.0f", r.rps), loadAverage()
	if r.errors > 0 {
		return fmt.Errorf("overview page: %d errors", r.errors)
	}
	rep := &report{}
	if err := runMixed(rep, bin, dbPath, srv.url, all, 1, mixedWritesPerSecond); err != nil {
		return err
	}
	m := rep.mixed[0]
	if m.errors > 0 {
		return fmt.Errorf("mixed load: %d read errors", m.errors)
	}
	row.mixedRPS, row.mixedP99, row.mixedWriteErrors, row.mixedLoad = fmt.Sprintf("%.0f", m.rps), ms(m.p99), strconv.Itoa(m.writeErrors), loadAverage()
	srv.stop()
	imp, err := measureImport(bin, dbPath, 1)
	if err != nil {
		return err
	}
	fmt.Println(imp.line())
	row.imp, row.impLoad = fmt.Sprintf("%.2f", imp.took.Seconds()), imp.load
	return nil
}

func (r compareRow) markdown() string {
	return fmt.Sprintf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |", r.label, r.backend,
		r.measured.UTC().Format("2006-01-02 15:04"), r.seed, r.seedLoad, r.p99c8, r.p99c8Load, r.rpsC64, r.rpsC64Load,
		r.mixedRPS, r.mixedP99, r.mixedWriteErrors, r.mixedLoad, r.imp, r.impLoad)
}

const compareIntro = "## Before and after (`go run ./bench --compare L [--bin B] [--backend both]`)\n\n" +
	"Each row is one run of one binary on one backend, on a freshly seeded scale-1 database: the wall clock of " +
	"`wenming seed --scale 1`; the overview page (3 ops) at c=8 (p99) and c=64 (req/s), after a warm-up; the mixed load of " +
	"*Reads under writes* (reads at c=16 while 20 volunteer records a second are written; *mixed write errors* are the " +
	"writes that failed or were dropped because 8 were already waiting); and the wall clock of " +
	"`wenming import` of 100,000 new volunteer records (after importing their 100 units). Beside each figure, *load* is " +
	"the machine's one-minute load average right after it was measured (2 cores, shared with other work). Runs of two " +
	"builds alternate (before, after, before, …); the medians below group the runs by build, their label without \" #n\".\n\n"

// runSuffix is the run number a label may end in.
var runSuffix = regexp.MustCompile(` #\d+$`)

// mergeCompare adds a row to results.md's comparison section, replacing a row of the same build and backend, and
// recomputes the medians; text under the marker <!-- notes --> stays.
func mergeCompare(prev string, row compareRow) string {
	start, end := fmt.Sprintf(sectionStart, compareSection), fmt.Sprintf(sectionEnd, compareSection)
	var rows []string
	notes := ""
	before, after := prev, ""
	if i := strings.Index(prev, start); i >= 0 {
		if j := strings.Index(prev[i:], end); j >= 0 {
			body := prev[i+len(start) : i+j]
			if k := strings.Index(body, "<!-- notes -->"); k >= 0 {
				notes = strings.TrimSpace(body[k+len("<!-- notes -->"):])
				body = body[:k]
			}
			if k := strings.Index(body, compareHeader); k >= 0 {
				for _, line := range strings.Split(body[k+len(compareHeader):], "\n") {
					if !strings.HasPrefix(line, "| ") {
						break
					}
					if !strings.HasPrefix(line, "| "+row.label+" | "+row.backend+" |") {
						rows = append(rows, line)
					}
				}
			}
			before, after = prev[:i], prev[i+j+len(end):]
		}
	}
	rows = append(rows, row.markdown())
	section := start + "\n" + compareIntro + compareHeader + strings.Join(rows, "\n") + "\n\n" + compareMedians(rows) +
		"\n<!-- notes -->\n" + notes + "\n" + end
	if after == "" && before == prev {
		// No section yet: it goes before the first backend's.
		if k := strings.Index(prev, "<!-- bench:"); k >= 0 {
			return prev[:k] + section + "\n\n" + prev[k:]
		}
		return strings.TrimRight(prev, "\n") + "\n\n" + section + "\n"
	}
	return before + section + after
}

// compareMedians is the table of medians by build and backend, over the rows' figures and loads.
func compareMedians(rows []string) string {
	type group struct {
		build, backend string
		cols           [][]float64
	}
	var order []string
	groups := map[string]*group{}
	for _, line := range rows {
		f := strings.Split(line, "|")
		if len(f) < 17 {
			continue
		}
		build, backend := runSuffix.ReplaceAllString(strings.TrimSpace(f[1]), ""), strings.TrimSpace(f[2])
		key := backend + "|" + build
		g := groups[key]
		if g == nil {
			g = &group{build: build, backend: backend, cols: make([][]float64, 12)}
			groups[key] = g
			order = append(order, key)
		}
		for c := range g.cols {
			if v, err := strconv.ParseFloat(strings.TrimSpace(f[4+c]), 64); err == nil {
				g.cols[c] = append(g.cols[c], v)
			}
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return strings.Split(order[i], "|")[0] > strings.Split(order[j], "|")[0] })
	var b strings.Builder
	b.WriteString("### Medians\n\n| backend | build | runs | seed scale 1 s | overview p99 c=8 ms | overview req/s c=64 | mixed read req/s | mixed read p99 ms | mixed write errors | import s | load (median of all) |\n|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, key := range order {
		g := groups[key]
		var loads []float64
		// The figures are columns 0, 2, 4, 6, 7, 8 and 10 of the row after its date; their loads 1, 3, 5, 9 and 11.
		for _, c := range []int{1, 3, 5, 9, 11} {
			loads = append(loads, g.cols[c]...)
		}
		fmt.Fprintf(&b, "| %s | %s | %d | %.1f | %.2f | %.0f | %.0f | %.2f | %.0f | %.2f | %.2f |\n", g.backend, g.build, len(g.cols[0]),
			median(g.cols[0]), median(g.cols[2]), median(g.cols[4]), median(g.cols[6]), median(g.cols[7]), median(g.cols[8]), median(g.cols[10]), median(loads))
	}
	return b.String()
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
