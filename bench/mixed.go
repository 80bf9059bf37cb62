package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// mixedReaders is the mixed load: the dashboard's reads at c=16 while an editor writes mixedWritesPerSecond
// records a second (20; --mixed-writes 0 gives the same reads without writes, the machine's reference).
const mixedReaders = 16

// mixedWritesPerSecond is the editor's write rate.
var mixedWritesPerSecond = 20

// mixedResult is the mixed-load row: the reads' figures, and how many writes went through beside them.
type mixedResult struct {
	scale                  float64
	requests               uint64
	rps                    float64
	p50, p95, p99          time.Duration
	errors                 int
	writes, writeErrors    int
	writeP50, writeP99     time.Duration
	duration               time.Duration
	readers, writesPerSec  int
	queries                string
	firstWriteErr, readErr string
}

// editorToken makes an editor and a WRITE token on the database with the CLI, and returns the token's secret.
func editorToken(bin, dbPath string) (string, error) {
	if b, err := exec.Command(bin, "user", "add", "--db", dbPath, "--name", "bench-editor", "--role", "EDITOR", "--password", "bench-password-1").CombinedOutput(); err != nil &&
		!strings.Contains(string(b), "已被使用") {
		return "", fmt.Errorf("user add: %v\n%s", err, b)
	}
	b, err := exec.Command(bin, "token", "create", "--db", dbPath, "--user", "bench-editor", "--name", "bench-w-"+fmt.Sprint(time.Now().UnixNano()), "--scope", "WRITE").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("token create: %v\n%s", err, b)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "wm_") {
			return strings.TrimSpace(line), nil
		}
	}
	return "", fmt.Errorf("no token in %q", b)
}

// postGraphQL sends one operation and decodes its answer into out; GraphQL errors come back as an error.
func postGraphQL(url, auth string, body []byte, out any) error {
	req, _ := http.NewRequest(http.MethodPost, url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", auth)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var r struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return fmt.Errorf("HTTP %d: %v", resp.StatusCode, err)
	}
	if len(r.Errors) > 0 {
		return fmt.Errorf("HTTP %d: %s", resp.StatusCode, r.Errors[0].Message)
	}
	if out != nil {
		return json.Unmarshal(r.Data, out)
	}
	return nil
}

// benchUnits creates 40 units of the first kind for the writer to record service against, before the load starts:
// fresh units hold no records, so that no write meets the natural key of a seeded one.
func benchUnits(url, writeAuth string) ([]string, error) {
	body, _ := json.Marshal(map[string]any{"query": `{ unitKinds { kind } }`})
	var k struct{ UnitKinds []struct{ Kind string } }
	if err := postGraphQL(url, authHeader, body, &k); err != nil {
		return nil, err
	}
	if len(k.UnitKinds) == 0 {
		return nil, fmt.Errorf("no unit kinds")
	}
	run := time.Now().Format("150405.000")
	var ids []string
	for i := 0; i < 40; i++ {
		body, _ := json.Marshal(map[string]any{"query": `mutation($input: UnitInput!) { createUnit(input: $input) { id } }`,
			"variables": map[string]any{"input": map[string]any{"name": fmt.Sprintf("压测单位 %s-%02d", run, i), "kind": k.UnitKinds[0].Kind}}})
		var u struct{ CreateUnit struct{ ID string } }
		if err := postGraphQL(url, writeAuth, body, &u); err != nil {
			return nil, fmt.Errorf("create bench unit: %w", err)
		}
		ids = append(ids, u.CreateUnit.ID)
	}
	return ids, nil
}

const createRecord = `mutation CreateVolunteerRecord($input: VolunteerRecordInput!) { createVolunteerRecord(input: $input) { id version } }`

// mixedLoad reads the dashboard's aggregate queries round-robin at c=16 for dur while a writer creates
// perSecond volunteer records a second through the API, as an editor does (none: the reads alone).
func mixedLoad(url, writeAuth string, queries []query, dur time.Duration, perSecond int) (mixedResult, error) {
	units, err := benchUnits(url, writeAuth)
	if err != nil {
		return mixedResult{}, err
	}
	res := mixedResult{duration: dur, readers: mixedReaders, writesPerSec: perSecond}
	var names []string
	var targets []vegeta.Target
	for _, q := range queries {
		names = append(names, q.name)
		targets = append(targets, vegeta.Target{Method: "POST", URL: url + "/graphql", Body: q.body,
			Header: http.Header{"Content-Type": {"application/json"}, "Authorization": {authHeader}}})
	}
	res.queries = strings.Join(names, ", ")

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var writes, writeErrs atomic.Int64
	var mu sync.Mutex
	var wlat []time.Duration
	inflight := make(chan struct{}, 8)
	wg.Add(1)
	go func() {
		defer wg.Done()
		if perSecond <= 0 {
			<-stop
			return
		}
		tick := time.NewTicker(time.Second / time.Duration(perSecond))
		defer tick.Stop()
		// Each record gets its own (unit, day): the natural key forbids two on one day for one unit and method.
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			n := i
			day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, (n/len(units))%1800)
			body, _ := json.Marshal(map[string]any{"query": createRecord, "variables": map[string]any{"input": map[string]any{
				"unitId": units[n%len(units)], "date": day.Format("2006-01-02"), "volunteers": 3, "hours": 2.5, "method": "BACKFILL",
			}}})
			// Each write runs in its own goroutine, so that a slow write does not lower the rate (at most 8 in flight).
			select {
			case inflight <- struct{}{}:
			default:
				writes.Add(1)
				writeErrs.Add(1) // dropped: the server is 8 writes behind
				continue
			}
			wg.Add(1)
			go func() {
				defer func() { <-inflight; wg.Done() }()
				t0 := time.Now()
				err := postGraphQL(url, writeAuth, body, nil)
				d := time.Since(t0)
				writes.Add(1)
				mu.Lock()
				defer mu.Unlock()
				wlat = append(wlat, d)
				if err != nil {
					writeErrs.Add(1)
					if res.firstWriteErr == "" {
						res.firstWriteErr = err.Error()
					}
				}
			}()
		}
	}()

	atk := vegeta.NewAttacker(vegeta.Workers(mixedReaders), vegeta.MaxWorkers(mixedReaders), vegeta.KeepAlive(true), vegeta.Connections(mixedReaders))
	var m vegeta.Metrics
	gqlErrors := 0
	for r := range atk.Attack(vegeta.NewStaticTargeter(targets...), vegeta.Rate{Freq: 0}, dur, "mixed") {
		if r.Code == 200 && bytes.Contains(r.Body, []byte(`"errors"`)) {
			gqlErrors++
			if res.readErr == "" {
				res.readErr = string(r.Body)
			}
		}
		m.Add(r)
	}
	m.Close()
	close(stop)
	wg.Wait()
	res.requests, res.rps = m.Requests, m.Throughput
	res.p50, res.p95, res.p99 = m.Latencies.P50, m.Latencies.P95, m.Latencies.P99
	res.errors = int(m.Requests) - int(float64(m.Requests)*m.Success+0.5) + gqlErrors
	res.writes, res.writeErrors = int(writes.Load()), int(writeErrs.Load())
	mu.Lock()
	res.writeP50, res.writeP99 = percentile(wlat, 50), percentile(wlat, 99)
	mu.Unlock()
	return res, nil
}

func percentile(d []time.Duration, p int) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), d...)
	for i := 1; i < len(s); i++ { // insertion sort: a few hundred writes
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s[min(len(s)-1, len(s)*p/100)]
}

// line is the mixed-load row as the console prints it.
func (r mixedResult) line() string {
	return fmt.Sprintf("  mixed: reads c=%d + %d writes/s  %8.0f req/s  p50 %-9s p99 %-9s errors %d  writes %d (errors %d, p50 %s p99 %s)",
		r.readers, r.writesPerSec, r.rps, r.p50.Round(time.Microsecond), r.p99.Round(time.Microsecond), r.errors, r.writes, r.writeErrors,
		r.writeP50.Round(time.Microsecond), r.writeP99.Round(time.Microsecond))
}

// markdownMixed is the table of the mixed-load rows.
func markdownMixed(rows []mixedResult) string {
	if len(rows) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n### Reads under writes (mixed load)\n\nReads at c=%d, round-robin over: %s; meanwhile an editor's WRITE token creates %d volunteer records a second through `createVolunteerRecord`, each moving the data version.\n\n",
		rows[0].readers, rows[0].queries, rows[0].writesPerSec)
	b.WriteString("| scale | duration | read requests | read req/s | p50 ms | p95 ms | p99 ms | read errors | writes | write errors | write p50 ms | write p99 ms |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %g | %s | %d | %.0f | %s | %s | %s | %d | %d | %d | %s | %s |\n", r.scale, r.duration, r.requests, r.rps, ms(r.p50), ms(r.p95), ms(r.p99),
			r.errors, r.writes, r.writeErrors, ms(r.writeP50), ms(r.writeP99))
	}
	return b.String()
}

// Flags of the mixed-load row.
var (
	mixedOnly     bool
	mixedDuration time.Duration
	prebuilt      string
)

// mixedQueries are the overview page and the aggregate queries of the dashboard: every query but the lone dataset
// one, which the overview page already carries.
func mixedQueries(all []query) []query {
	var qs []query
	for _, q := range all {
		if q.name != "dataset" {
			qs = append(qs, q)
		}
	}
	return qs
}

// runMixed measures the mixed-load row on a running server, with writes records a second, and adds it to the report.
func runMixed(rep *report, bin, dbPath, url string, queries []query, scale float64, writes int) error {
	tok, err := editorToken(bin, dbPath)
	if err != nil {
		return err
	}
	r, err := mixedLoad(url, "Bearer "+tok, mixedQueries(queries), mixedDuration, writes)
	if err != nil {
		return err
	}
	r.scale = scale
	fmt.Println(r.line())
	if r.firstWriteErr != "" {
		fmt.Println("  first write error:", r.firstWriteErr)
	}
	if r.readErr != "" {
		fmt.Println("  first read error:", r.readErr[:min(len(r.readErr), 300)])
	}
	rep.mixed = append(rep.mixed, r)
	return nil
}

// mixedRuns is how many rows --mixed-only measures on each backend.
const mixedRuns = 3

// runMixedRows is --mixed-only: mixedRuns rows, each the reads under writes and then the same reads alone on the
// same server, as the row's reference. With --quiet-below, each row waits first until the machine's one-minute load
// has fallen below that (the load the previous row left), for at most quietWait.
func runMixedRows(out, label string, rep *report, bin, dbPath, url string, queries []query, scale float64) error {
	for run := 1; run <= mixedRuns; run++ {
		if quietBelow > 0 {
			waitQuiet(quietBelow, quietWait)
		}
		loadBefore := loadAverage()
		fmt.Printf("run %d, load %s: the reads under writes, then alone\n", run, loadBefore)
		if err := runMixed(rep, bin, dbPath, url, queries, scale, mixedWritesPerSecond); err != nil {
			return err
		}
		mixed := rep.mixed[len(rep.mixed)-1]
		if err := runMixed(rep, bin, dbPath, url, queries, scale, 0); err != nil {
			return err
		}
		alone := rep.mixed[len(rep.mixed)-1]
		rowLabel := fmt.Sprintf("%s, run %d (load before %s; reads alone after it p99 %s ms)", label, run, loadBefore, ms(alone.p99))
		prev, _ := os.ReadFile(out)
		if err := os.WriteFile(out, []byte(mergeMixed(string(prev), rowLabel, mixed.mixedRow(rowLabel))), 0o644); err != nil {
			return err
		}
	}
	fmt.Print(markdownMixed(rep.mixed))
	return nil
}

// quietBelow is --quiet-below: the one-minute load average a --mixed-only row waits for before it starts (0: none).
var quietBelow float64

// quietWait bounds that wait: a machine that other work keeps busy gets its row anyway, with its load printed.
const quietWait = 4 * time.Minute

// waitQuiet waits until the one-minute load average is below limit, or for at most max, and says how long it took.
func waitQuiet(limit float64, max time.Duration) {
	start := time.Now()
	for {
		load, err := strconv.ParseFloat(loadAverage(), 64)
		if err != nil || load < limit {
			break
		}
		if time.Since(start) > max {
			fmt.Printf("  the load stayed at %.2f for %s: measuring anyway\n", load, max)
			return
		}
		time.Sleep(2 * time.Second)
	}
	if waited := time.Since(start); waited > time.Second {
		fmt.Printf("  waited %s for the load to fall below %.1f\n", waited.Round(time.Second), limit)
	}
}

// mixedLabel names a --mixed-only row in results.md's table of mixed-load runs (e.g. "before (main 7d57eb8)").
var mixedLabel string

// mixedSection is the key of results.md's section of labelled mixed-load runs, which full runs keep as it is.
const mixedSection = "mixed"

// loadAverage is the machine's one-minute load average when a row was measured: on a shared machine it explains
// more of a row than the code does.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(b))[0]
}

// mixedRow is one labelled row of the mixed-load table.
func (r mixedResult) mixedRow(label string) string {
	return fmt.Sprintf("| %s | %s | %s | %s | %d | %.0f | %s | %s | %s | %d | %d | %d | %s | %s |", label, time.Now().UTC().Format("2006-01-02 15:04"),
		loadAverage(), r.duration, r.requests, r.rps, ms(r.p50), ms(r.p95), ms(r.p99), r.errors, r.writes, r.writeErrors, ms(r.writeP50), ms(r.writeP99))
}

const mixedIntro = "## Reads under writes (`go run ./bench --mixed-only --label L [--bin B]`)\n\n" +
	"Reads at c=16, round-robin over the overview page (3 ops), overview KPIs, progress (10 series), honorStats, volunteerStats and " +
	"rankings top+bottom 10, on the scale-1 database (SQLite, or PostgreSQL where the build names it: `--backend postgres`), while an editor's WRITE token creates 20 volunteer records a second " +
	"through `createVolunteerRecord` (each in its own request; a write is counted as an error when 8 are already waiting; " +
	"`--mixed-writes 0` gives the same reads alone, the machine's reference). Since 2026-12-07 a call measures three rows on each backend, each " +
	"naming the load before it and the p99 of the same reads alone on the same server (just before it until 16:00, just after it since; " +
	"with `--quiet-below 1` a row first waits, up to four minutes, for the load the previous row left to fall below 1). " +
	"`--bin` measures another build (main's, for the before row) on the same database copy and machine state. The target is " +
	"p99 ≤ 50 ms (issue 11); since issue 27 it is p99 ≤ 20 ms with no errors, on a machine whose load is under 1 before the row. *load* is the machine's one-minute load average at the end of the row (2 cores, shared with other work).\n\n" +
	"| build | measured (UTC) | load | duration | read requests | read req/s | p50 ms | p95 ms | p99 ms | read errors | writes | write errors | write p50 ms | write p99 ms |\n" +
	"|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"

// mergeMixed puts a labelled row into results.md's mixed-load section, replacing the row of the same label.
func mergeMixed(prev, label, row string) string {
	start, end := fmt.Sprintf(sectionStart, mixedSection), fmt.Sprintf(sectionEnd, mixedSection)
	var rows, notes []string
	before, after := prev, ""
	if i := strings.Index(prev, start); i >= 0 {
		if j := strings.Index(prev[i:], end); j >= 0 {
			inTable := false
			for _, line := range strings.Split(prev[i+len(start):i+j], "\n") {
				switch {
				case strings.HasPrefix(line, "| build "):
					inTable = true
				case strings.HasPrefix(line, "|"):
					if inTable && !strings.HasPrefix(line, "|---") && !strings.HasPrefix(line, "| "+label+" |") {
						rows = append(rows, line)
					}
				case inTable:
					notes = append(notes, line) // what a reader wrote under the table stays
				}
			}
			before, after = prev[:i], prev[i+j+len(end):]
		}
	}
	rows = append(rows, row)
	tail := strings.TrimSpace(strings.Join(notes, "\n"))
	if tail != "" {
		tail = "\n" + tail + "\n"
	}
	section := start + "\n" + mixedIntro + strings.Join(rows, "\n") + "\n" + tail + end
	if after == "" && before == prev {
		// No section yet: it goes before the first backend's.
		if k := strings.Index(prev, "<!-- bench:"); k >= 0 {
			return prev[:k] + section + "\n\n" + prev[k:]
		}
		return strings.TrimRight(prev, "\n") + "\n\n" + section + "\n"
	}
	return before + section + after
}

// keepSection returns results.md's section of the key (the mixed-load or the comparison runs) as it is, for a full
// run to carry over.
func keepSection(prev, key string) string {
	start, end := fmt.Sprintf(sectionStart, key), fmt.Sprintf(sectionEnd, key)
	if i := strings.Index(prev, start); i >= 0 {
		if j := strings.Index(prev[i:], end); j >= 0 {
			return prev[i : i+j+len(end)]
		}
	}
	return ""
}
