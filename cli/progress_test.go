package cli_test

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/wenming/wenming/cli"
)

// TestProgressOnStderr checks that long commands report progress on stderr as plain lines when it is not a
// terminal (every cli.ProgressEvery rows and at each phase), that --quiet turns it off, and that `export --out -`
// writes the file alone to stdout.
func TestProgressOnStderr(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "scale.db")
	run := func(args ...string) (stdout, stderr string) {
		t.Helper()
		var out, errOut bytes.Buffer
		if err := (cli.App{}).Run(ctx, append(args, "--db", path), &out, &errOut); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, errOut.String())
		}
		return out.String(), errOut.String()
	}
	line := regexp.MustCompile(`(?m)^progress volunteer records: (\d+) of (\d+)`)

	t.Run("SeedReportsEveryTenThousandRows", func(t *testing.T) {
		_, stderr := run("seed", "--scale", "0.01")
		counts := line.FindAllStringSubmatch(stderr, -1)
		if len(counts) < 3 {
			t.Fatalf("%d progress lines for the volunteer records:\n%s", len(counts), stderr)
		}
		last := -1
		for _, c := range counts {
			n, _ := strconv.Atoi(c[1])
			if n < last {
				t.Errorf("progress went back: %d after %d", n, last)
			}
			last = n
		}
		for _, phase := range []string{"progress honors:", "progress activities:"} {
			if !strings.Contains(stderr, phase) {
				t.Errorf("no %q line:\n%s", phase, stderr)
			}
		}
	})

	t.Run("ExportToStdoutIsTheFileAlone", func(t *testing.T) {
		stdout, stderr := run("export", "--view", "volunteer-records", "--format", "csv", "--out", "-")
		if !strings.HasPrefix(stdout, "\ufeff") || strings.Contains(stdout, "progress") {
			t.Fatalf("stdout is not the CSV alone: %.200q", stdout)
		}
		rows := strings.Count(stdout, "\r\n") - 1
		if rows < 10000 || !strings.Contains(stderr, "progress export: "+strconv.Itoa(rows)) {
			t.Errorf("%d rows exported; stderr:\n%s", rows, stderr)
		}
	})

	t.Run("QuietSaysNothing", func(t *testing.T) {
		_, stderr := run("export", "--view", "units", "--format", "csv", "--out", "-", "--quiet")
		if stderr != "" {
			t.Errorf("--quiet wrote %q", stderr)
		}
	})
}
