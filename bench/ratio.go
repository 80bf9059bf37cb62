package main

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/wenming/wenming/internal/freeport"
)

// ratioLine compares, in one run and at one concurrency, a bare gqlgen server's { __typename } with the overview's
// KPI query as deployed (caches on), read anonymously and with a READ token: what a cached answer costs against
// GraphQL itself. The target is a ratio of at least 0.5 for both.
type ratioLine struct {
	concurrency               int
	bare, anonymous, token    result
	anonymousRatio, tokenRate float64
}

// measureRatio builds and starts the bare server (bench/bare), attacks it and the real server (started with
// --anonymous-read on the seeded database) with no Accept-Encoding, and returns the ratios.
func measureRatio(bin, dbPath, token string, dur time.Duration) (ratioLine, error) {
	const c = 64
	bareBin, _ := filepath.Abs("bench/tmp/bare")
	if b, err := exec.Command("go", "build", "-o", bareBin, "./bench/bare").CombinedOutput(); err != nil {
		return ratioLine{}, fmt.Errorf("go build bench/bare: %v\n%s", err, b)
	}
	port, err := freeport.Pick()
	if err != nil {
		return ratioLine{}, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	bare := exec.Command(bareBin, "-addr", addr)
	bare.Stderr = os.Stderr
	if err := bare.Start(); err != nil {
		return ratioLine{}, err
	}
	defer func() { bare.Process.Kill(); bare.Wait() }()
	if err := waitReady("http://" + addr); err != nil {
		return ratioLine{}, err
	}
	overview, err := loadQuery("overview KPIs", "Overview.graphql", map[string]any{"from": 2019, "to": 2024})
	if err != nil {
		return ratioLine{}, err
	}
	line := ratioLine{concurrency: c}
	line.bare = attackWith("http://"+addr, gqlQuery("bare { __typename }", "{ __typename }", nil), c, dur, "")

	srv, err := startServer(bin, dbPath, "--anonymous-read")
	if err != nil {
		return ratioLine{}, err
	}
	defer srv.stop()
	attackWith(srv.url, overview, c, dur/4, "") // warm the caches
	line.anonymous = attackWith(srv.url, overview, c, dur, "")
	line.token = attackWith(srv.url, overview, c, dur, "Bearer "+token)
	line.anonymousRatio = line.anonymous.rps / line.bare.rps
	line.tokenRate = line.token.rps / line.bare.rps
	for _, r := range []result{line.bare, line.anonymous, line.token} {
		fmt.Printf("  ratio: %-28s c=%d %8.0f req/s  p50 %-9s p99 %-9s errors %d\n", r.query, c, r.rps, r.p50.Round(time.Microsecond),
			r.p99.Round(time.Microsecond), r.errors)
	}
	fmt.Printf("  ratio: overview KPIs / bare { __typename }: anonymous %.2f, READ token %.2f (target ≥ 0.5)\n", line.anonymousRatio, line.tokenRate)
	return line, nil
}

// waitReady polls /readyz for up to 30 s.
func waitReady(base string) error {
	for start := time.Now(); time.Since(start) < 30*time.Second; time.Sleep(10 * time.Millisecond) {
		if res, err := http.Get(base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
	}
	return fmt.Errorf("%s not ready after 30 s", base)
}

// attackWith is attack with an explicit Authorization header ("" for none) and no Accept-Encoding, as the bare
// server is measured.
func attackWith(url string, q query, c int, dur time.Duration, auth string) result {
	h := http.Header{"Content-Type": {"application/json"}}
	if auth != "" {
		h.Set("Authorization", auth)
	}
	target := vegeta.Target{Method: "POST", URL: url + "/graphql", Body: q.body, Header: h}
	// No Accept-Encoding: Go's transport would otherwise ask for gzip by itself and decode it.
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: c,
		MaxConnsPerHost: c, IdleConnTimeout: 90 * time.Second}}
	atk := vegeta.NewAttacker(vegeta.Workers(uint64(c)), vegeta.MaxWorkers(uint64(c)), vegeta.Client(client))
	name := q.name
	if auth != "" {
		name += " (READ token)"
	} else if !strings.HasPrefix(name, "bare") {
		name += " (anonymous)"
	}
	return run1(atk, target, name, c, dur)
}

// markdown is the ratio's table for results.md.
func (l ratioLine) markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "### A cached answer against GraphQL itself (c=%d, no Accept-Encoding)\n\n", l.concurrency)
	b.WriteString("| Request | req/s | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|\n")
	for _, r := range []result{l.bare, l.anonymous, l.token} {
		fmt.Fprintf(&b, "| %s | %.0f | %s | %s | %d |\n", r.query, r.rps, ms(r.p50), ms(r.p99), r.errors)
	}
	fmt.Fprintf(&b, "\nRatio to the bare server's `{ __typename }`: anonymous **%.2f**, READ token **%.2f** (target ≥ 0.5 for both).\n\n",
		l.anonymousRatio, l.tokenRate)
	return b.String()
}

// runRatioOnly measures the ratio alone, on a fresh demo database: a cache hit's cost does not depend on the
// data's size.
func runRatioOnly(dur time.Duration) error {
	if err := os.MkdirAll("bench/tmp", 0o755); err != nil {
		return err
	}
	bin, _ := filepath.Abs("bench/tmp/wenming")
	if prebuilt != "" {
		bin = prebuilt
	} else if b, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, b)
	}
	dbPath, token, err := seededDemo(bin, "ratio.db")
	if err != nil {
		return err
	}
	l, err := measureRatio(bin, dbPath, token, dur)
	if err != nil {
		return err
	}
	fmt.Print("\n" + l.markdown())
	return nil
}

// seededDemo seeds a fresh SQLite file of the demo dataset in bench/tmp and makes a READ token on it, for the rows
// that measure one cached answer.
func seededDemo(bin, name string) (dbPath, token string, err error) {
	dbPath, _ = filepath.Abs(filepath.Join("bench/tmp", name))
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(dbPath + suffix)
	}
	if b, err := exec.Command(bin, "seed", "--db", dbPath).CombinedOutput(); err != nil {
		return "", "", fmt.Errorf("seed: %v\n%s", err, b)
	}
	token, err = benchToken(bin, dbPath)
	return dbPath, token, err
}
