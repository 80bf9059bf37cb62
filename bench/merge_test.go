package main

import (
	"strings"
	"testing"
)

// legacyResults is results.md as it was before each backend had a section: SQLite's alone.
const legacyResults = "# Benchmark results\n\nMeasured by `make bench` on vm.\n\n## Seeding and start-up\n\n" +
	"| scale | seeding | start-up to ready | peak server RSS |\n|---|---|---|---|\n| 1 | seeded | 204.67 ms | 195.0 MB |\n\n" +
	"## Latency and throughput\n\n| scale | query | conc. | requests | req/s | p50 ms | p95 ms | p99 ms | errors | floor p50 ms | uncached p50 ms | ratio |\n" +
	"|---|---|---|---|---|---|---|---|---|---|---|---|\n| 0.1 | dataset | 1 | 7218 | 3609 | 0.26 | 0.38 | 0.67 | 0 | 0.13 | 0.48 | 3.69× |\n" +
	"| 1 | dataset | 8 | 21954 | 10974 | 0.52 | 1.87 | 4.35 | 0 |  |  |  |\n"

func TestMergeResults(t *testing.T) {
	pgSection := "## PostgreSQL\n\n### Seeding and start-up\n\n| scale | seeding | start-up to ready | peak server RSS |\n|---|---|---|---|\n| 1 | x | 1 ms | 99.0 MB |\n\n" +
		"### Latency and throughput\n\n| scale | query | conc. | requests | req/s | p50 ms | p95 ms | p99 ms | errors | floor p50 ms | uncached p50 ms | ratio |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n" +
		"| 1 | dataset | 8 | 100 | 50 | 1.00 | 2.00 | 3.00 | 0 |  |  |  |\n"
	out := mergeResults(legacyResults, "postgres", pgSection)
	t.Run("KeepsSQLite", func(t *testing.T) {
		if !strings.Contains(out, "<!-- bench:sqlite -->\n## SQLite") || !strings.Contains(out, "| 1 | dataset | 8 | 21954 |") {
			t.Fatalf("SQLite section lost:\n%s", out)
		}
	})
	t.Run("SideBySide", func(t *testing.T) {
		if !strings.Contains(out, "| dataset | 8 | 10974 | 0.52 | 4.35 | 50 | 1.00 | 3.00 | 0 |") {
			t.Fatalf("no side-by-side row:\n%s", out)
		}
		if !strings.Contains(out, "SQLite 195.0 MB, PostgreSQL 99.0 MB") {
			t.Fatalf("no RSS line:\n%s", out)
		}
	})
	t.Run("ReplacesOwnSectionOnly", func(t *testing.T) {
		again := mergeResults(out, "postgres", strings.Replace(pgSection, "| 50 |", "| 60 |", 1))
		if strings.Count(again, "<!-- bench:postgres -->") != 1 || !strings.Contains(again, "| 1 | dataset | 8 | 100 | 60 |") ||
			!strings.Contains(again, "| 1 | dataset | 8 | 21954 |") {
			t.Fatalf("second merge:\n%s", again)
		}
	})
}

func TestMergeMixed(t *testing.T) {
	out := mergeMixed(mergeResults(legacyResults, "postgres", "## PostgreSQL\n\nnothing\n"), "before", "| before | x |")
	out = mergeResults(out, "sqlite", "## SQLite\n\nagain\n")
	t.Run("FullRunKeepsIt", func(t *testing.T) {
		if !strings.Contains(out, "<!-- bench:mixed -->") || !strings.Contains(out, "| before | x |") {
			t.Fatalf("mixed section lost:\n%s", out)
		}
	})
	t.Run("SameLabelReplaces", func(t *testing.T) {
		out := strings.Replace(out, "| before | x |\n", "| before | x |\n\nA note on the machine.\n", 1)
		again := mergeMixed(mergeMixed(out, "after", "| after | y |"), "before", "| before | z |")
		if !strings.Contains(again, "| after | y |\n| before | z |\n\nA note on the machine.\n<!-- /bench:mixed -->") {
			t.Fatalf("rows or note misplaced:\n%s", again)
		}
		if strings.Contains(again, "| before | x |") || !strings.Contains(again, "| before | z |") || !strings.Contains(again, "| after | y |") ||
			strings.Count(again, "<!-- bench:mixed -->") != 1 {
			t.Fatalf("merge:\n%s", again)
		}
	})
}

func TestMergeHA(t *testing.T) {
	base := mergeResults(legacyResults, "postgres", "## PostgreSQL\n\nrows\n")
	first := mergeHA(base, "## PostgreSQL HA\n\nrun 1\n")
	t.Run("GoesBeforeTheBackends", func(t *testing.T) {
		ha, sqlite := strings.Index(first, "<!-- bench:postgres-ha -->"), strings.Index(first, "<!-- bench:sqlite -->")
		if ha < 0 || sqlite < 0 || ha > sqlite {
			t.Fatalf("HA section at %d, SQLite's at %d:\n%s", ha, sqlite, first)
		}
	})
	t.Run("ReplacesItsOwn", func(t *testing.T) {
		again := mergeHA(first, "## PostgreSQL HA\n\nrun 2\n")
		if strings.Contains(again, "run 1") || strings.Count(again, "<!-- bench:postgres-ha -->") != 1 || !strings.Contains(again, "run 2") {
			t.Fatalf("second HA run:\n%s", again)
		}
	})
	t.Run("AFullRunKeepsIt", func(t *testing.T) {
		full := mergeResults(first, "sqlite", "## SQLite\n\nnew rows\n")
		if strings.Count(full, "<!-- bench:postgres-ha -->") != 1 || !strings.Contains(full, "run 1") {
			t.Fatalf("a SQLite run dropped or doubled the HA section:\n%s", full)
		}
	})
}

func TestMergeFloor(t *testing.T) {
	out := mergeFloor(mergeResults(legacyResults, "postgres", "## PostgreSQL\n\nnothing\n"), "before", []string{"| before | 1 |", "| before | 2 |"}, 10, 5)
	out = mergeFloor(out, "after", []string{"| after | 1 |"}, 10, 5)
	out = mergeFloor(out, "before", []string{"| before | 3 |"}, 10, 5)
	out = mergeResults(out, "sqlite", "## SQLite\n\nagain\n")
	t.Run("FullRunKeepsIt", func(t *testing.T) {
		if strings.Count(out, "<!-- bench:bytefloor -->") != 1 || !strings.Contains(out, "| after | 1 |") {
			t.Fatalf("byte-floor section lost:\n%s", out)
		}
	})
	t.Run("SameLabelReplaces", func(t *testing.T) {
		if strings.Contains(out, "| before | 1 |") || !strings.Contains(out, "| before | 3 |") {
			t.Fatalf("rows of the same label not replaced:\n%s", out)
		}
	})
}
