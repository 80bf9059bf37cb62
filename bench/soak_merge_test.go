package main

import (
	"strings"
	"testing"
)

// TestMergeKeepsSoak checks that a benchmark run keeps the Soak section make soak writes at the end of results.md.
func TestMergeKeepsSoak(t *testing.T) {
	prev := mergeResults(legacyResults, "postgres", "## PostgreSQL\n\nx\n") + "\n## Soak\n\nRSS peak 150 MB\n"
	out := mergeResults(prev, "sqlite", "## SQLite\n\ny\n")
	if !strings.HasSuffix(out, "\n## Soak\n\nRSS peak 150 MB\n") || strings.Count(out, "## Soak") != 1 {
		t.Fatalf("the Soak section did not survive a benchmark run:\n%s", out)
	}
}
