package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/wenming/wenming/internal/freeport"
)

// floorSection is the key of results.md's section of the byte-floor runs (go run ./bench --floor-only).
const floorSection = "bytefloor"

// floorRuns is how many times the byte-floor cells are measured, alternating their order from run to run.
const floorRuns = 3

// Flags of the byte-floor rows.
var (
	floorOnly     bool
	floorDuration time.Duration
	floorLabel    string
)

// floorCell is one load on one target: wrk's figures and the target process's own CPU time over the load.
type floorCell struct {
	rps           float64
	requests      int
	bytesPerReq   float64
	p50, p99      time.Duration
	errors        int
	cpuPerRequest time.Duration
}

// floorRun is one run of the byte-floor cells, back to back on one machine state.
type floorRun struct {
	load                                  string
	bytesPlain, servedPlain               floorCell
	bytesGzip, servedGzip                 floorCell
	servedToken, typename                 floorCell
	plainRatio, gzipRatio, cpuRatio, rate float64
}

// floorTarget is one URL to load, the process that answers it, and the request it is sent.
type floorTarget struct {
	name, url string
	pid       int
	body      []byte
	headers   map[string]string
}

// clockTicks is the kernel's clock-tick rate, the unit of /proc/PID/stat's CPU times.
func clockTicks() float64 {
	b, err := exec.Command("getconf", "CLK_TCK").Output()
	if err != nil {
		return 100
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(string(b)), 64)
	if err != nil || n <= 0 {
		return 100
	}
	return n
}

// processCPU reads a process's user and system CPU time from /proc/PID/stat, in clock ticks.
func processCPU(pid int) (float64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name may hold spaces: the fields that follow its closing parenthesis start with the state.
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0, fmt.Errorf("short /proc/%d/stat", pid)
	}
	utime, _ := strconv.ParseFloat(f[11], 64)
	stime, _ := strconv.ParseFloat(f[12], 64)
	return utime + stime, nil
}

// wrkScript sends one POST body with headers and prints wrk's totals and latency percentiles on one line.
const wrkScript = `local f = io.open(%q, "rb")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
%s
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK %%d %%d %%d %%d %%d %%d\n", summary.requests, summary.bytes, summary.duration,
    latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.timeout + e.status))
end
`

// loadWithWrk runs wrk -t2 -c64 against the target for dur and counts the target process's CPU time meanwhile.
func loadWithWrk(t floorTarget, dur time.Duration, ticks float64) (floorCell, error) {
	dir, _ := filepath.Abs("bench/tmp")
	bodyFile := filepath.Join(dir, "floor-body.json")
	if err := os.WriteFile(bodyFile, t.body, 0o644); err != nil {
		return floorCell{}, err
	}
	var hdr strings.Builder
	for k, v := range t.headers {
		fmt.Fprintf(&hdr, "wrk.headers[%q] = %q\n", k, v)
	}
	script := filepath.Join(dir, "floor.lua")
	if err := os.WriteFile(script, []byte(fmt.Sprintf(wrkScript, bodyFile, hdr.String())), 0o644); err != nil {
		return floorCell{}, err
	}
	before, err := processCPU(t.pid)
	if err != nil {
		return floorCell{}, err
	}
	out, err := exec.Command("wrk", "-t2", "-c64", "-d"+dur.String(), "-s", script, t.url).CombinedOutput()
	if err != nil {
		return floorCell{}, fmt.Errorf("wrk %s: %v\n%s", t.name, err, out)
	}
	after, err := processCPU(t.pid)
	if err != nil {
		return floorCell{}, err
	}
	var reqs, read, micros, p50, p99, errs int64
	i := bytes.Index(out, []byte("WRK "))
	if i < 0 {
		return floorCell{}, fmt.Errorf("wrk %s: no totals in\n%s", t.name, out)
	}
	if _, err := fmt.Sscanf(string(out[i:]), "WRK %d %d %d %d %d %d", &reqs, &read, &micros, &p50, &p99, &errs); err != nil || reqs == 0 {
		return floorCell{}, fmt.Errorf("wrk %s: %v in\n%s", t.name, err, out)
	}
	c := floorCell{requests: int(reqs), rps: float64(reqs) / (float64(micros) / 1e6), bytesPerReq: float64(read) / float64(reqs),
		p50: time.Duration(p50) * time.Microsecond, p99: time.Duration(p99) * time.Microsecond, errors: int(errs)}
	c.cpuPerRequest = time.Duration((after - before) / ticks * 1e9 / float64(reqs))
	fmt.Printf("  floor: %-44s %8.0f req/s  p50 %-8s p99 %-8s %6.0f B/req  CPU %5.1f µs/req  errors %d\n", t.name, c.rps,
		c.p50, c.p99, c.bytesPerReq, float64(c.cpuPerRequest)/1e3, c.errors)
	return c, nil
}

// fetchAnswer posts body to url and returns the raw answer bytes (not decoded) and its headers.
func fetchAnswer(url string, body []byte, headers map[string]string) ([]byte, http.Header, error) {
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	res, err := client.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		return nil, nil, fmt.Errorf("%s: HTTP %d: %s", url, res.StatusCode, b)
	}
	return b, res.Header, err
}

// runFloorOnly measures goals 1 and 2 of the byte floor on a fresh demo database: the cached overview through the
// real server against a bare net/http handler writing the same bytes, plain and gzip, and the server's CPU per
// request against bare gqlgen's { __typename }, three runs alternated, and puts the rows in results.md.
func runFloorOnly(out string) error {
	bin, err := buildBinary()
	if err != nil {
		return err
	}
	if _, err := exec.LookPath("wrk"); err != nil {
		return fmt.Errorf("wrk is needed for the byte floor (apt-get install wrk): %w", err)
	}
	bareBin, _ := filepath.Abs("bench/tmp/bare")
	if b, err := exec.Command("go", "build", "-o", bareBin, "./bench/bare").CombinedOutput(); err != nil {
		return fmt.Errorf("go build bench/bare: %v\n%s", err, b)
	}
	dbPath, token, err := seededDemo(bin, "floor.db")
	if err != nil {
		return err
	}
	metricsPort, err := freeport.Pick()
	if err != nil {
		return err
	}
	// As deployed: anonymous reading on (the public dashboard), metrics on, the request log at its default level.
	srv, err := startServer(bin, dbPath, "--anonymous-read", "--metrics-addr", fmt.Sprintf("127.0.0.1:%d", metricsPort), "--log-level", "info")
	if err != nil {
		return err
	}
	defer srv.stop()
	overview, err := loadQuery("overview KPIs", "Overview.graphql", map[string]any{"from": 2019, "to": 2024})
	if err != nil {
		return err
	}
	jsonHeaders := map[string]string{"Content-Type": "application/json"}
	gzipHeaders := map[string]string{"Content-Type": "application/json", "Accept-Encoding": "gzip"}
	tokenHeaders := map[string]string{"Content-Type": "application/json", "Authorization": "Bearer " + token}
	// Twice each, so that the second answer is the fast path's stored one.
	var plain, gz []byte
	var hdr http.Header
	for i := 0; i < 2; i++ {
		if plain, hdr, err = fetchAnswer(srv.url+"/graphql", overview.body, jsonHeaders); err != nil {
			return err
		}
		if gz, _, err = fetchAnswer(srv.url+"/graphql", overview.body, gzipHeaders); err != nil {
			return err
		}
	}
	if err := sameAnswer(plain, gz); err != nil {
		return err
	}
	plainFile, _ := filepath.Abs("bench/tmp/floor-answer.json")
	gzFile := plainFile + ".gz"
	if err := os.WriteFile(plainFile, plain, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(gzFile, gz, 0o644); err != nil {
		return err
	}
	port, err := freeport.Pick()
	if err != nil {
		return err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	bare := exec.Command(bareBin, "-addr", addr, "-answer", plainFile, "-answer-gz", gzFile, "-content-type", hdr.Get("Content-Type"))
	bare.Stderr = os.Stderr
	if err := bare.Start(); err != nil {
		return err
	}
	defer func() { bare.Process.Kill(); bare.Wait() }()
	if err := waitReady("http://" + addr); err != nil {
		return err
	}
	if b, _, err := fetchAnswer("http://"+addr+"/answer", overview.body, gzipHeaders); err != nil || !bytes.Equal(b, gz) {
		return fmt.Errorf("the bare handler's gzip answer differs from the server's (%v)", err)
	}
	fmt.Printf("byte floor: Overview.graphql (2019–2024), %d bytes plain, %d gzip; wrk -t2 -c64 -d%s\n", len(plain), len(gz), floorDuration)

	served := srv.cmd.Process.Pid
	targets := []floorTarget{
		{"bytes handler, plain", "http://" + addr + "/answer", bare.Process.Pid, overview.body, jsonHeaders},
		{"served overview, plain (anonymous)", srv.url + "/graphql", served, overview.body, jsonHeaders},
		{"bytes handler, gzip", "http://" + addr + "/answer", bare.Process.Pid, overview.body, gzipHeaders},
		{"served overview, gzip (anonymous)", srv.url + "/graphql", served, overview.body, gzipHeaders},
		{"bare gqlgen { __typename }", "http://" + addr + "/graphql", bare.Process.Pid, gqlQuery("t", "{ __typename }", nil).body, jsonHeaders},
		{"served overview, plain (READ token)", srv.url + "/graphql", served, overview.body, tokenHeaders},
	}
	ticks := clockTicks()
	for _, t := range targets { // warm every path once
		if _, err := loadWithWrk(t, time.Second, ticks); err != nil {
			return err
		}
	}
	var runs []floorRun
	for i := 0; i < floorRuns; i++ {
		run := floorRun{load: loadAverage()}
		fmt.Printf("run %d, load %s\n", i+1, run.load)
		cells := []*floorCell{&run.bytesPlain, &run.servedPlain, &run.bytesGzip, &run.servedGzip, &run.typename, &run.servedToken}
		order := []int{0, 1, 2, 3, 4, 5}
		if i%2 == 1 { // alternate: the served cell before its floor
			order = []int{1, 0, 3, 2, 5, 4}
		}
		for _, k := range order {
			c, err := loadWithWrk(targets[k], floorDuration, ticks)
			if err != nil {
				return err
			}
			*cells[k] = c
		}
		run.plainRatio = run.servedPlain.rps / run.bytesPlain.rps
		run.gzipRatio = run.servedGzip.rps / run.bytesGzip.rps
		run.cpuRatio = float64(run.typename.cpuPerRequest) / float64(run.servedPlain.cpuPerRequest)
		run.rate = run.servedPlain.rps / run.typename.rps
		fmt.Printf("  run %d: served/bytes plain %.2f, gzip %.2f (target ≥ 0.90); CPU gqlgen/served %.2f (target ≥ 1.0), req/s served/gqlgen %.2f\n",
			i+1, run.plainRatio, run.gzipRatio, run.cpuRatio, run.rate)
		runs = append(runs, run)
	}
	rows := floorRows(floorLabel, runs)
	fmt.Println()
	fmt.Println(strings.Join(rows, "\n"))
	prev, _ := os.ReadFile(out)
	return os.WriteFile(out, []byte(mergeFloor(string(prev), floorLabel, rows, len(plain), len(gz))), 0o644)
}

// sameAnswer checks that the gzip answer is the plain one compressed.
func sameAnswer(plain, gz []byte) error {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return fmt.Errorf("the gzip answer is not gzip: %w", err)
	}
	b, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(b, plain) {
		return fmt.Errorf("the gzip answer is not the plain one compressed (%v)", err)
	}
	return nil
}

// floorRows are the labelled table rows of the runs.
func floorRows(label string, runs []floorRun) []string {
	when := time.Now().UTC().Format("2006-01-02 15:04")
	us := func(c floorCell) string { return fmt.Sprintf("%.1f", float64(c.cpuPerRequest)/1e3) }
	var rows []string
	for i, r := range runs {
		rows = append(rows, fmt.Sprintf("| %s | %s | %d | %s | %.0f | %.0f | **%.2f** | %.0f | %.0f | **%.2f** | %s | %s | %s | %s | %s | **%.2f** | %.2f |",
			label, when, i+1, r.load, r.bytesPlain.rps, r.servedPlain.rps, r.plainRatio, r.bytesGzip.rps, r.servedGzip.rps, r.gzipRatio,
			us(r.servedPlain), us(r.servedGzip), us(r.servedToken), us(r.typename), us(r.bytesPlain), r.cpuRatio, r.rate))
	}
	return rows
}

// floorIntro describes the byte-floor table; %d are the answer's plain and gzip sizes.
const floorIntro = "## The byte floor (`go run ./bench --floor-only --label L [--bin B]`)\n\n" +
	"The dashboard's `Overview.graphql` (2019–2024) as the fast path answers it from its cache (%d bytes plain, %d gzip), " +
	"through `wenming serve` with its whole middleware chain, read anonymously as the public dashboard does (`--anonymous-read`), " +
	"metrics on (`--metrics-addr`), the request log at its default level; and, for the READ-token column, with an API token. " +
	"*bytes* is a bare `net/http` handler (`bench/bare -answer`) writing the same answer's bytes, and the same gzip bytes when " +
	"the request accepts gzip: the least any Go server can do for that answer. *gqlgen* is bare gqlgen (`bench/bare`) answering " +
	"`{ __typename }`. Load: wrk -t2 -c64 for %s a cell, with the cells alternated between runs. CPU is each server " +
	"process's own user+system time (/proc/PID/stat) over the cell, divided by its requests. Targets: served/bytes ≥ 0.90 " +
	"plain and gzip; gqlgen CPU / served CPU ≥ 1.0. *load* is the one-minute load average before the run (2 cores, shared).\n\n" +
	"| build | measured (UTC) | run | load | plain: bytes req/s | plain: served req/s | served/bytes | gzip: bytes req/s | gzip: served req/s | served/bytes | " +
	"CPU µs/req served plain | served gzip | served READ token | gqlgen `{ __typename }` | bytes plain | CPU gqlgen/served | req/s served/gqlgen |\n" +
	"|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"

// mergeFloor puts a label's rows into results.md's byte-floor section, replacing the rows of the same label and
// keeping the others' and any note written under the table.
func mergeFloor(prev, label string, rows []string, plainBytes, gzBytes int) string {
	start, end := fmt.Sprintf(sectionStart, floorSection), fmt.Sprintf(sectionEnd, floorSection)
	var kept, notes []string
	old := keepSection(prev, floorSection)
	if old != "" {
		inTable := false
		for _, line := range strings.Split(strings.TrimSuffix(strings.TrimPrefix(old, start), end), "\n") {
			switch {
			case strings.HasPrefix(line, "| build "):
				inTable = true
			case strings.HasPrefix(line, "|"):
				if inTable && !strings.HasPrefix(line, "|---") && !strings.HasPrefix(line, "| "+label+" |") {
					kept = append(kept, line)
				}
			case inTable:
				notes = append(notes, line)
			}
		}
	}
	tail := strings.TrimSpace(strings.Join(notes, "\n"))
	if tail != "" {
		tail = "\n" + tail + "\n"
	}
	block := start + "\n" + fmt.Sprintf(floorIntro, plainBytes, gzBytes, floorDuration) + strings.Join(append(kept, rows...), "\n") + "\n" + tail + end
	if old != "" {
		return strings.Replace(prev, old, block, 1)
	}
	if k := strings.Index(prev, "<!-- bench:sqlite -->"); k >= 0 {
		return prev[:k] + block + "\n\n" + prev[k:]
	}
	return strings.TrimRight(prev, "\n") + "\n\n" + block + "\n"
}
