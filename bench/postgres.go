package main

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/wenming/wenming/db/postgres/pgtest"
)

// pgBenchEnv names an empty PostgreSQL database to benchmark instead of a throwaway cluster.
const pgBenchEnv = "WENMING_BENCH_PG"

// pgBenchSettings are the throwaway cluster's settings beyond pgtest's (fsync off, which the benchmark's reads do
// not feel): a buffer cache that holds scale 1, as a production server's would.
var pgBenchSettings = []string{"shared_buffers = 512MB", "effective_cache_size = 2GB", "work_mem = 16MB"}

// pgParams are added to every PostgreSQL DSN (--pg-params), to measure pool sizes and exec modes.
var pgParams string

// pgBench is the PostgreSQL server the benchmark seeds and serves from.
type pgBench struct {
	cluster *pgtest.Cluster
	dsn     string
	setup   string
}

// startPostgres uses WENMING_BENCH_PG when set (one database, so one scale), or starts a throwaway cluster.
func startPostgres(ctx context.Context, scales int) (*pgBench, error) {
	if dsn := os.Getenv(pgBenchEnv); dsn != "" {
		if scales != 1 {
			return nil, fmt.Errorf("%s names one database: run one scale at a time (--scales 1)", pgBenchEnv)
		}
		return &pgBench{dsn: dsn, setup: "PostgreSQL: the database " + pgBenchEnv + " names."}, nil
	}
	c, err := pgtest.StartCluster(pgBenchSettings...)
	if err != nil {
		return nil, err
	}
	var version string
	if conn, err := pgx.Connect(ctx, c.DSN("postgres")); err == nil {
		conn.QueryRow(ctx, `SHOW server_version`).Scan(&version)
		conn.Close(ctx)
	}
	if f := strings.Fields(version); len(f) > 0 {
		version = f[0]
	}
	fmt.Printf("PostgreSQL %s started in %s on port %d\n", version, c.StartTime.Round(1e6), c.Port)
	pool := "pgxpool's default pool (4 connections on 2 cores)"
	if pgParams != "" {
		pool = "DSN parameters " + pgParams
	}
	return &pgBench{cluster: c, setup: fmt.Sprintf("PostgreSQL %s: a throwaway cluster on the same machine over loopback TCP "+
		"(pgtest settings: fsync off, synchronous_commit off; %s); the server ran with %s.",
		version, strings.Join(pgBenchSettings, ", "), pool)}, nil
}

// database returns the DSN of an empty database for the scale.
func (p *pgBench) database(ctx context.Context, scale float64) (string, error) {
	dsn := p.dsn
	if p.cluster != nil {
		var err error
		if dsn, err = p.cluster.CreateDatabase(ctx, strings.ReplaceAll(fmt.Sprintf("bench_scale_%g", scale), ".", "_")); err != nil {
			return "", err
		}
	}
	if pgParams != "" {
		sep := "?"
		if strings.Contains(dsn, "?") {
			sep = "&"
		}
		dsn += sep + pgParams
	}
	return dsn, nil
}

func (p *pgBench) close() {
	if p.cluster != nil {
		p.cluster.Remove()
	}
}

// Each backend's section of results.md sits between these markers, so that a run replaces only its own.
const (
	sectionStart = "<!-- bench:%s -->"
	sectionEnd   = "<!-- /bench:%s -->"
)

var backendTitles = []struct{ key, title string }{{"sqlite", "SQLite"}, {"postgres", "PostgreSQL"}}

// mergeResults puts section into the results file's text in place of the backend's previous one, keeps the other
// backend's, and rebuilds the side-by-side table at scale 1. A file from before sections existed is SQLite's.
func mergeResults(prev, backend, section string) string {
	sections := map[string]string{}
	for _, bt := range backendTitles {
		start, end := fmt.Sprintf(sectionStart, bt.key), fmt.Sprintf(sectionEnd, bt.key)
		if i := strings.Index(prev, start); i >= 0 {
			if j := strings.Index(prev[i:], end); j >= 0 {
				sections[bt.key] = strings.TrimSpace(prev[i+len(start) : i+j])
			}
		}
	}
	if len(sections) == 0 && strings.HasPrefix(prev, "# Benchmark results") {
		// The single-backend layout: demote its headings under a "## SQLite" section.
		body := strings.TrimSpace(strings.TrimPrefix(prev, "# Benchmark results"))
		body = regexp.MustCompile(`(?m)^## `).ReplaceAllString(body, "### ")
		sections["sqlite"] = "## SQLite\n\n" + body
	}
	sections[backend] = strings.TrimSpace(section)

	var b strings.Builder
	b.WriteString("# Benchmark results\n\n`make bench` measures the embedded SQLite backend; `make bench BACKEND=postgres` measures " +
		"PostgreSQL. Each run replaces its own section below. The targets are the same on both: overview p99 ≤ 15 ms at c=8, " +
		"≥ 3,000 req/s at c=64, RSS ≤ 200 MB per server.\n\n")
	b.WriteString(sideBySide(sections))
	for _, key := range []string{compareSection, mixedSection, floorSection, haSection, growthSection} {
		if m := keepSection(prev, key); m != "" {
			b.WriteString("\n" + m + "\n")
		}
	}
	for _, bt := range backendTitles {
		if s, ok := sections[bt.key]; ok {
			fmt.Fprintf(&b, "\n"+sectionStart+"\n%s\n"+sectionEnd+"\n", bt.key, s, bt.key)
		}
	}
	// make soak keeps its own section at the end (soak/main.go).
	if i := strings.Index(prev, "\n## Soak\n"); i >= 0 {
		b.WriteString(prev[i:])
	}
	return b.String()
}

// latencyRow is one row of a section's latency table: scale, query, concurrency and the measured columns.
type latencyRow struct{ rps, p50, p99, errors string }

// latencyRows reads the latency table of a section at scale 1, keyed by "query|concurrency".
func latencyRows(section string) (map[string]latencyRow, []string) {
	rows := map[string]latencyRow{}
	var order []string
	in := false
	for _, line := range strings.Split(section, "\n") {
		if strings.HasPrefix(line, "#") {
			in = strings.Contains(line, "Latency and throughput")
			continue
		}
		f := strings.Split(line, "|")
		// | scale | query | conc. | requests | req/s | p50 | p95 | p99 | errors | …
		if !in || len(f) < 10 || strings.TrimSpace(f[1]) != "1" {
			continue
		}
		key := strings.TrimSpace(f[2]) + "|" + strings.TrimSpace(f[3])
		rows[key] = latencyRow{rps: strings.TrimSpace(f[5]), p50: strings.TrimSpace(f[6]), p99: strings.TrimSpace(f[8]), errors: strings.TrimSpace(f[9])}
		order = append(order, key)
	}
	return rows, order
}

// rssAtScale1 reads the peak server RSS at scale 1 from a section's start-up table.
func rssAtScale1(section string) string {
	for _, line := range strings.Split(section, "\n") {
		f := strings.Split(line, "|")
		if len(f) == 6 && strings.TrimSpace(f[1]) == "1" && strings.HasSuffix(strings.TrimSpace(f[4]), "MB") {
			return strings.TrimSpace(f[4])
		}
	}
	return ""
}

// sideBySide is the scale-1 latency table with SQLite's and PostgreSQL's columns next to each other.
func sideBySide(sections map[string]string) string {
	sq, order := latencyRows(sections["sqlite"])
	pg, pgOrder := latencyRows(sections["postgres"])
	if len(order) == 0 {
		order = pgOrder
	}
	if len(order) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("## Side by side, scale 1\n\n| query | conc. | SQLite req/s | SQLite p50 ms | SQLite p99 ms | PostgreSQL req/s | PostgreSQL p50 ms | PostgreSQL p99 ms | PostgreSQL errors |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, key := range order {
		q, c, _ := strings.Cut(key, "|")
		s, p := sq[key], pg[key]
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", q, c, s.rps, s.p50, s.p99, p.rps, p.p50, p.p99, p.errors)
	}
	fmt.Fprintf(&b, "\nPeak server RSS at scale 1: SQLite %s, PostgreSQL %s (the wenming process only).\n",
		orDash(rssAtScale1(sections["sqlite"])), orDash(rssAtScale1(sections["postgres"])))
	mixed := func(f []string) string { return f[4] + " req/s, p99 " + f[7] + " ms, writes p99 " + f[12] + " ms" }
	fmt.Fprintf(&b, "Reads under writes at scale 1: SQLite %s; PostgreSQL %s.\n",
		orDash(tableRow(sections["sqlite"], "Reads under writes", 14, mixed)), orDash(tableRow(sections["postgres"], "Reads under writes", 14, mixed)))
	imp := func(f []string) string { return f[4] + " (" + f[5] + " rows/s)" }
	fmt.Fprintf(&b, "Import of %d volunteer records at scale 1: SQLite %s; PostgreSQL %s.\n", importRecords,
		orDash(tableRow(sections["sqlite"], "Import", 8, imp)), orDash(tableRow(sections["postgres"], "Import", 8, imp)))
	return b.String()
}

// tableRow formats, with show, the scale-1 row of the table under the section's heading that starts with title;
// cells is the number of fields a row splits into on "|".
func tableRow(section, title string, cells int, show func(f []string) string) string {
	in := false
	for _, line := range strings.Split(section, "\n") {
		if strings.HasPrefix(line, "#") {
			in = strings.HasPrefix(strings.TrimLeft(line, "# "), title)
			continue
		}
		if f := strings.Split(line, "|"); in && len(f) == cells && strings.TrimSpace(f[1]) == "1" {
			for i := range f {
				f[i] = strings.TrimSpace(f[i])
			}
			return show(f)
		}
	}
	return ""
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
