package main

// go run ./bench --growth (make bench GROWTH=1): flat as the data grows. Scale 1 against scale 5 (10 million volunteer
// records) on each backend: the overview cached and uncached, the 2024 ranking uncached, the drill-down behind the
// 2021 bar (the year's records, then one unit's) on its first page and on a page after a cursor from the last 1 % of
// the ordering, a 100,000-row import, the server's RSS and the seeding's time and peak memory. Three runs of each
// row; the machine's load beside each.

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/postgres/pgtest"
)

// growthScales are the scales compared; the targets hold scale 5 to scale 1.
var growthScales = []float64{1, 5}

// Targets of issue 27's goal 4.
const (
	growthRatioTarget = 1.3
	drillP99Target    = 20 * time.Millisecond
	rssTarget         = 200 << 10 // KiB
)

// growthQuery is one measured read and the server it runs on.
type growthQuery struct {
	q        query
	uncached bool
	// drill rows are held to drillP99Target at scale 5, the others to growthRatioTarget × scale 1.
	drill bool
}

// growthScale is what one scale of one backend measured.
type growthScale struct {
	scale            float64
	seedTook         time.Duration
	seedPeakKiB      int64
	seedLine         string
	p99              map[string][]time.Duration
	loads            map[string][]string
	importRate       []float64
	serverPeakKiB    int64
	uncachedPeakKiB  int64
	order            []string
	volunteerRecords int
}

// seededSuffix names the file beside a seeded database that says which run seeded it, how long it took and its peak
// memory.
const seededSuffix = ".seeded"

// runGrowth measures each backend at scale 1 and scale 5 and writes the growth section of out.
func runGrowth(out string, backends []string, dur time.Duration, reuse bool) error {
	bin, err := buildBinary()
	if err != nil {
		return err
	}
	started, loadStart := time.Now(), loadAverage()
	results := map[string][]*growthScale{}
	for _, backend := range backends {
		if backend == haSection {
			continue
		}
		var pg *pgtest.Cluster
		if backend == "postgres" {
			if pg, err = pgtest.StartCluster(pgBenchSettings...); err != nil {
				return err
			}
		}
		for _, scale := range growthScales {
			g, err := measureGrowth(bin, backend, pg, scale, dur, reuse)
			if err != nil {
				if pg != nil {
					pg.Remove()
				}
				return fmt.Errorf("%s scale %g: %w", backend, scale, err)
			}
			results[backend] = append(results[backend], g)
		}
		if pg != nil {
			pg.Remove()
		}
	}
	section := growthMarkdown(backends, results, started, loadStart, binaryVersion(bin))
	fmt.Print(section)
	prev, _ := os.ReadFile(out)
	return os.WriteFile(out, []byte(mergeSection(string(prev), growthSection, section)), 0o644)
}

// growthSection is the key of results.md's section of the growth rows.
const growthSection = "growth"

// measureGrowth seeds one scale (or reuses a seeded SQLite file) and measures it.
func measureGrowth(bin, backend string, pg *pgtest.Cluster, scale float64, dur time.Duration, reuse bool) (*growthScale, error) {
	ctx := context.Background()
	g := &growthScale{scale: scale, p99: map[string][]time.Duration{}, loads: map[string][]string{}}
	dbPath, _ := filepath.Abs(fmt.Sprintf("bench/tmp/scale-%g.db", scale))
	fresh := true
	if pg != nil {
		var err error
		if dbPath, err = pg.CreateDatabase(ctx, strings.ReplaceAll(fmt.Sprintf("growth_scale_%g", scale), ".", "_")); err != nil {
			return nil, err
		}
	} else if _, err := os.Stat(dbPath); err == nil && reuse {
		fresh = false
	} else {
		for _, suffix := range []string{"", "-wal", "-shm", seededSuffix} {
			os.Remove(dbPath + suffix)
		}
	}
	if fresh {
		fmt.Printf("%s: seeding scale %g (load %s)\n", backend, scale, loadAverage())
		cmd := exec.Command(bin, "seed", "--scale", fmt.Sprint(scale), "--db", dbPath, "--quiet")
		start := time.Now()
		b, err := cmd.CombinedOutput()
		if err != nil {
			return nil, fmt.Errorf("seed: %v\n%s", err, b)
		}
		g.seedTook, g.seedLine = time.Since(start), strings.TrimSpace(string(b))
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			g.seedPeakKiB = ru.Maxrss
		}
		fmt.Printf("  %s (peak %.0f MB)\n", g.seedLine, float64(g.seedPeakKiB)/1024)
		// Beside the file, what seeded it, so that a later --reuse can say so.
		by := fmt.Sprintf("the run of %s (%s: %s in %s, peak %.0f MB)", time.Now().UTC().Format("2006-01-02 15:04"),
			binaryVersion(bin), g.seedLine, g.seedTook.Round(time.Second), float64(g.seedPeakKiB)/1024)
		os.WriteFile(dbPath+seededSuffix, []byte(by+"\n"), 0o644)
	} else if by, err := os.ReadFile(dbPath + seededSuffix); err == nil {
		g.seedLine = "reused " + dbPath + ", seeded by " + strings.TrimSpace(string(by))
	} else {
		g.seedLine = "reused " + dbPath + ", seeded by an earlier run (--reuse)"
	}
	token, err := benchToken(bin, dbPath)
	if err != nil {
		return nil, err
	}
	authHeader = "Bearer " + token
	cached, err := startServer(bin, dbPath)
	if err != nil {
		return nil, err
	}
	defer cached.stop()
	uncached, err := startServer(bin, dbPath, "--cache=false")
	if err != nil {
		return nil, err
	}
	defer uncached.stop()
	qs, err := growthQueries(cached.url)
	if err != nil {
		return nil, err
	}
	for run := 1; run <= 3; run++ {
		for _, gq := range qs {
			url := cached.url
			if gq.uncached {
				url = uncached.url
			}
			attack(url, gq.q, 1, dur/4) // warm
			r := attack(url, gq.q, 1, dur)
			if r.errors > 0 {
				return nil, fmt.Errorf("%s: %d errors", gq.q.name, r.errors)
			}
			if run == 1 {
				g.order = append(g.order, gq.q.name)
			}
			g.p99[gq.q.name] = append(g.p99[gq.q.name], r.p99)
			g.loads[gq.q.name] = append(g.loads[gq.q.name], loadAverage())
			fmt.Printf("  %s scale %g run %d: %-40s p99 %s (load %s)\n", backend, scale, run, gq.q.name, r.p99.Round(time.Microsecond), loadAverage())
		}
	}
	for run := 1; run <= 3; run++ {
		imp, err := measureImport(bin, dbPath, scale)
		if err != nil {
			return nil, err
		}
		g.importRate = append(g.importRate, imp.rate())
		fmt.Printf("  %s scale %g import run %d: %s\n", backend, scale, run, imp.line())
	}
	g.serverPeakKiB, g.uncachedPeakKiB = cached.peakRSS(), uncached.peakRSS()
	return g, nil
}

// growthQueries are the rows of the growth table, with the drill-down's unit and cursor read from the server.
func growthQueries(url string) ([]growthQuery, error) {
	all, err := dashboardQueries()
	if err != nil {
		return nil, err
	}
	ranking, err := loadQuery("2024 ranking", "Rankings.graphql", map[string]any{"year": 2024, "metric": "CREATION_INDEX", "first": 10})
	if err != nil {
		return nil, err
	}
	year := map[string]any{"fromYear": 2021, "toYear": 2021}
	var units struct {
		Units struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}
	if err := postGraphQL(url, authHeader, gqlQuery("", `{ units(first: 1) { edges { node { id } } } }`, nil).body, &units); err != nil || len(units.Units.Edges) == 0 {
		return nil, fmt.Errorf("a unit for the drill-down: %v", err)
	}
	unit := map[string]any{"fromYear": 2021, "toYear": 2021, "unitId": units.Units.Edges[0].Node.ID}
	out := []growthQuery{
		{q: renamed(all[0], "overview page, cached")},
		{q: renamed(all[0], "overview page, uncached"), uncached: true},
		{q: renamed(ranking, "2024 ranking, uncached"), uncached: true},
	}
	for _, f := range []struct {
		name   string
		filter map[string]any
	}{{"drill-down 2021", year}, {"drill-down 2021 + one unit", unit}} {
		first, err := loadQuery(f.name+", first page", "VolunteerRecords.graphql", map[string]any{"filter": f.filter, "first": 50})
		if err != nil {
			return nil, err
		}
		after, err := lastPercentCursor(url, f.filter)
		if err != nil {
			return nil, err
		}
		late, err := loadQuery(f.name+", page after the last 1 %", "VolunteerRecords.graphql", map[string]any{"filter": f.filter, "first": 50, "after": after})
		if err != nil {
			return nil, err
		}
		out = append(out, growthQuery{q: first, uncached: true, drill: true}, growthQuery{q: late, uncached: true, drill: true})
	}
	return out, nil
}

func renamed(q query, name string) query { q.name = name; return q }

// lastPercentCursor returns a cursor of the records' default ordering (by ID) at 99 % of the filter's ID range: the
// first and last IDs come from the API, and the cursor is the first page's, with its ID moved.
func lastPercentCursor(url string, filter map[string]any) (string, error) {
	type page struct {
		VolunteerRecords struct {
			Edges []struct {
				Cursor string
				Node   struct{ ID string }
			}
		}
	}
	ask := func(dir string) (cursor string, id int64, err error) {
		var p page
		q := gqlQuery("", `query($f: VolunteerFilter, $o: VolunteerRecordOrder) { volunteerRecords(filter: $f, orderBy: $o, first: 1) { edges { cursor node { id } } } }`,
			map[string]any{"f": filter, "o": map[string]any{"field": "ID", "direction": dir}})
		if err = postGraphQL(url, authHeader, q.body, &p); err != nil {
			return "", 0, err
		}
		if len(p.VolunteerRecords.Edges) == 0 {
			return "", 0, fmt.Errorf("no records for %v", filter)
		}
		e := p.VolunteerRecords.Edges[0]
		id, err = db.ParseTypedID("id", db.NodeVolunteerRecord, e.Node.ID)
		return e.Cursor, id, err
	}
	cursor, lo, err := ask("ASC")
	if err != nil {
		return "", err
	}
	_, hi, err := ask("DESC")
	if err != nil {
		return "", err
	}
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		return "", err
	}
	var c db.Cursor
	if err := json.Unmarshal(b, &c); err != nil {
		return "", err
	}
	return db.EncodeCursor(c.O, c.V, lo+(hi-lo)*99/100), nil
}

// growthMarkdown is the section of results.md: per backend, each row at scale 1 and 5 with its three runs.
func growthMarkdown(backends []string, results map[string][]*growthScale, started time.Time, loadStart, version string) string {
	var b strings.Builder
	host, _ := os.Hostname()
	fmt.Fprintf(&b, "## Flat as the data grows (scale %g against scale %g)\n\nMeasured by `go run ./bench --growth --backend %s` on %s, "+
		"%s, build %s, load %s at the start and %s at the end; took %s. Each read at c=1 for the attack's duration after a warm-up, "+
		"three runs (p99 of each, in ms, and the one-minute load after it); the import is `wenming import` of 100,000 new "+
		"volunteer records, three runs. Targets (issue 27, at scales 1 and 5): p99 at the larger scale ≤ %.1f × the smaller's for "+
		"the overview and the ranking; the drill-down's p99 ≤ %s at the larger; import rows/s at the larger ≥ the smaller's ÷ %.1f; RSS < 200 MB.\n",
		growthScales[0], growthScales[1], strings.Join(backends, ","), host, started.UTC().Format("2006-01-02 15:04 UTC"), version, loadStart, loadAverage(),
		time.Since(started).Round(time.Second), growthRatioTarget, drillP99Target, growthRatioTarget)
	for _, backend := range backends {
		gs := results[backend]
		if len(gs) != 2 {
			continue
		}
		s1, s5 := gs[0], gs[1]
		fmt.Fprintf(&b, "\n### %s\n\n| read | scale %g p99 ms (load) | scale %g p99 ms (load) | ratio of medians | target |\n|---|---|---|---|---|\n",
			backend, s1.scale, s5.scale)
		for _, name := range s1.order {
			m1, m5 := medianDur(s1.p99[name]), medianDur(s5.p99[name])
			ratio := float64(m5) / float64(max(m1, 1))
			verdict := "met"
			if strings.HasPrefix(name, "drill-down") {
				if m5 > drillP99Target {
					verdict = "**missed**"
				}
			} else if ratio > growthRatioTarget {
				verdict = "**missed**"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %.2f | %s |\n", name, runsCell(s1.p99[name], s1.loads[name]), runsCell(s5.p99[name], s5.loads[name]), ratio, verdict)
		}
		r1, r5 := median(s1.importRate), median(s5.importRate)
		verdict := "met"
		if r5 < r1/growthRatioTarget {
			verdict = "**missed**"
		}
		fmt.Fprintf(&b, "| import rows/s | %s | %s | %.2f | %s |\n", ratesCell(s1.importRate), ratesCell(s5.importRate), r5/max(r1, 1e-9), verdict)
		for _, g := range gs {
			rss := "met"
			if g.serverPeakKiB >= rssTarget || g.uncachedPeakKiB >= rssTarget {
				rss = "**missed**"
			}
			seeding := ""
			if g.seedTook > 0 {
				seeding = fmt.Sprintf("; seeding took %s with a peak of %.0f MB", g.seedTook.Round(time.Second), float64(g.seedPeakKiB)/1024)
			}
			fmt.Fprintf(&b, "\nScale %g: %s%s; server peak RSS %.0f MB cached, %.0f MB uncached (%s).\n",
				g.scale, g.seedLine, seeding, float64(g.serverPeakKiB)/1024, float64(g.uncachedPeakKiB)/1024, rss)
		}
	}
	return b.String()
}

func runsCell(ds []time.Duration, loads []string) string {
	var parts []string
	for i, d := range ds {
		parts = append(parts, fmt.Sprintf("%s (%s)", ms(d), loads[i]))
	}
	return strings.Join(parts, ", ")
}

func ratesCell(rs []float64) string {
	var parts []string
	for _, r := range rs {
		parts = append(parts, fmt.Sprintf("%.0f", r))
	}
	return strings.Join(parts, ", ")
}

func medianDur(ds []time.Duration) time.Duration {
	fs := make([]float64, len(ds))
	for i, d := range ds {
		fs[i] = float64(d)
	}
	return time.Duration(median(fs))
}

// mergeSection puts a keyed section into results.md in place of its previous one, or before the backends' sections.
func mergeSection(prev, key, section string) string {
	start, end := fmt.Sprintf(sectionStart, key), fmt.Sprintf(sectionEnd, key)
	block := start + "\n" + strings.TrimSpace(section) + "\n" + end
	if old := keepSection(prev, key); old != "" {
		return strings.Replace(prev, old, block, 1)
	}
	if k := strings.Index(prev, "<!-- bench:sqlite -->"); k >= 0 {
		return prev[:k] + block + "\n\n" + prev[k:]
	}
	return strings.TrimRight(prev, "\n") + "\n\n" + block + "\n"
}
