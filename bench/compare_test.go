package main

import (
	"os"
	"strings"
	"testing"
	"time"
)

func compareRowOf(label, backend, seed, p99 string) compareRow {
	return compareRow{label: label, backend: backend, measured: time.Date(2026, 12, 7, 5, 0, 0, 0, time.UTC), seed: seed, seedLoad: "2.0",
		p99c8: p99, p99c8Load: "3.0", rpsC64: "3000", rpsC64Load: "4.0", mixedRPS: "1500", mixedP99: "40.00", mixedWriteErrors: "0", mixedLoad: "5.0",
		imp: "4.00", impLoad: "6.0"}
}

func TestMergeCompare(t *testing.T) {
	out := mergeResults(legacyResults, "postgres", "## PostgreSQL\n\nx\n")
	for _, r := range []compareRow{
		compareRowOf("before #1", "sqlite", "30.0", "7.00"),
		compareRowOf("after #1", "sqlite", "31.0", "6.00"),
		compareRowOf("before #2", "sqlite", "34.0", "9.00"),
		compareRowOf("before #3", "sqlite", "32.0", "8.00"),
		compareRowOf("before #1", "postgres", "40.0", "5.00"),
	} {
		out = mergeCompare(out, r)
	}
	t.Run("MediansByBuildAndBackend", func(t *testing.T) {
		if !strings.Contains(out, "| sqlite | before | 3 | 32.0 | 8.00 | 3000 | 1500 | 40.00 | 0 | 4.00 | 4.00 |") {
			t.Fatalf("no median row of the three before runs:\n%s", out)
		}
		if !strings.Contains(out, "| sqlite | after | 1 | 31.0 | 6.00 |") || !strings.Contains(out, "| postgres | before | 1 | 40.0 | 5.00 |") {
			t.Fatalf("median rows missing:\n%s", out)
		}
	})
	t.Run("SameRunReplacesAndNotesStay", func(t *testing.T) {
		noted := strings.Replace(out, "<!-- notes -->\n", "<!-- notes -->\nWhat the medians say.\n", 1)
		again := mergeCompare(noted, compareRowOf("before #2", "sqlite", "36.0", "9.00"))
		if strings.Count(again, "| before #2 | sqlite |") != 1 || !strings.Contains(again, "| before #2 | sqlite | 2026-12-07 05:00 | 36.0 |") {
			t.Fatalf("run not replaced:\n%s", again)
		}
		if !strings.Contains(again, "<!-- notes -->\nWhat the medians say.\n<!-- /bench:compare -->") {
			t.Fatalf("notes lost:\n%s", again)
		}
	})
	t.Run("FullRunKeepsIt", func(t *testing.T) {
		again := mergeResults(out, "sqlite", "## SQLite\n\ny\n")
		if strings.Count(again, "<!-- bench:compare -->") != 1 || !strings.Contains(again, "| before #3 | sqlite |") {
			t.Fatalf("comparison lost in a full run:\n%s", again)
		}
	})
}

func TestSideBySideMixedAndImport(t *testing.T) {
	section := "## SQLite\n\n### Reads under writes (mixed load)\n\n| scale | duration | read requests | read req/s | p50 ms | p95 ms | p99 ms | read errors | writes | write errors | write p50 ms | write p99 ms |\n" +
		"|---|---|---|---|---|---|---|---|---|---|---|---|\n| 1 | 10s | 19879 | 1987 | 3.28 | 38.59 | 50.49 | 0 | 200 | 0 | 3.74 | 13.20 |\n" +
		"\n### Import (`wenming import`, 100000 new volunteer records on 100 new units)\n\n| scale | rows | created | took | rows/s | load |\n|---|---|---|---|---|---|\n" +
		"| 1 | 100000 | 100000 | 4.2s | 23810 | 2.10 |\n"
	out := sideBySide(map[string]string{"sqlite": section + "\n### Latency and throughput\n\n| 1 | dataset | 8 | 1 | 2 | 3 | 4 | 5 | 0 |  |  |  |\n"})
	if !strings.Contains(out, "Reads under writes at scale 1: SQLite 1987 req/s, p99 50.49 ms, writes p99 13.20 ms; PostgreSQL —.") {
		t.Errorf("no mixed line:\n%s", out)
	}
	if !strings.Contains(out, "Import of 100000 volunteer records at scale 1: SQLite 4.2s (23810 rows/s); PostgreSQL —.") {
		t.Errorf("no import line:\n%s", out)
	}
}

// TestImportFiles checks that the import row's file names only its own units, once per natural key, so that every
// row is created.
func TestImportFiles(t *testing.T) {
	units, records, err := importFiles(t.TempDir(), "t1")
	if err != nil {
		t.Fatal(err)
	}
	u, _ := os.ReadFile(units)
	r, _ := os.ReadFile(records)
	unitLines := strings.Split(strings.TrimSpace(string(u)), "\n")[1:]
	recLines := strings.Split(strings.TrimSpace(string(r)), "\n")[1:]
	if len(unitLines) != importUnits || len(recLines) != importRecords {
		t.Fatalf("%d units, %d records", len(unitLines), len(recLines))
	}
	known := map[string]bool{}
	for _, l := range unitLines {
		known[strings.Split(l, ",")[0]] = true
	}
	keys := map[string]bool{}
	for _, l := range recLines {
		f := strings.Split(l, ",")
		if !known[f[0]] {
			t.Fatalf("record of an unknown unit: %s", l)
		}
		key := f[0] + "|" + f[1] + "|" + f[5]
		if keys[key] {
			t.Fatalf("natural key twice: %s", key)
		}
		keys[key] = true
	}
}
