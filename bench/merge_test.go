package main

import (
	"os"
	"strings"
	"testing"
)

func TestMergeResults(t *testing.T) {
	prev, err := os.ReadFile("results.md")
	if err != nil {
		t.Fatal(err)
	}
	pgSection := "## PostgreSQL\n\n### Seeding and start-up\n\n| scale | seeding | start-up to ready | peak server RSS |\n|---|---|---|---|\n| 1 | x | 1 ms | 99.0 MB |\n\n" +
		"### Latency and throughput\n\n| scale | query | conc. | requests | req/s | p50 ms | p95 ms | p99 ms | errors | floor p50 ms | uncached p50 ms | ratio |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n" +
		"| 1 | dataset | 8 | 100 | 50 | 1.00 | 2.00 | 3.00 | 0 |  |  |  |\n"
	out := mergeResults(string(prev), "postgres", pgSection)
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
