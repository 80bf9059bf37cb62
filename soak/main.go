// Command soak runs 文明看板 for a long while as an office uses it, and checks that it holds: the dashboard's own
// reads (the overview, volunteering, honours and rankings pages' queries from frontend/src/graphql) at a fixed
// concurrency, an editor creating, updating and deleting volunteer records, and one spreadsheet import, against the
// real binary on a province-scale SQLite file. It samples the server's resident memory (VmRSS) every second.
//
//	make soak                      (SOAKTIME=10m by default)
//	go run ./soak --duration 2m    (a shorter run)
//
// It fails on any error, on RSS above --rss-limit at any sample, on an RSS slope over the last five minutes steeper
// than --slope-limit (a leak), and when the aggregates afterwards differ from the records (through the API, then through
// SQL: integrity_check and every rollup recomputed from the records).
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/internal/freeport"
)

// verifyDatabase opens the soaked database through the backend interface and checks it whole: the engine's own
// integrity check, and every rollup against the records.
func verifyDatabase(ctx context.Context, dsn string) (*db.Verification, error) {
	b, err := dial.OpenExisting(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	return b.Verify(ctx)
}

func main() {
	o := &options{}
	flag.StringVar(&o.bin, "bin", "", "the wenming binary (default: build one into --dir)")
	flag.StringVar(&o.dir, "dir", "soak/tmp", "working directory for the database, binary and server log")
	def := 10 * time.Minute
	if s := os.Getenv("SOAKTIME"); s != "" {
		if d, err := time.ParseDuration(s); err == nil {
			def = d
		}
	}
	flag.DurationVar(&o.duration, "duration", def, "how long to soak (env SOAKTIME)")
	flag.Float64Var(&o.scale, "scale", 1, "the seed's scale (1: 5,000 units, 100,000 honours, 2,000,000 volunteer records …)")
	flag.BoolVar(&o.reuse, "reuse", true, "reuse the seeded database in --dir when present (the soak's own records stay in it)")
	flag.IntVar(&o.readers, "c", 8, "concurrent readers")
	flag.DurationVar(&o.writeEvery, "write-every", 50*time.Millisecond, "one editor write (create, update or delete) this often")
	flag.IntVar(&o.importRows, "import-rows", 40000, "rows of the one volunteer-record import, a third of the way in")
	flag.Float64Var(&o.rssLimit, "rss-limit", 200, "MB of RSS the server must stay within at every sample")
	flag.Float64Var(&o.slopeLimit, "slope-limit", 1, "MB/min: the largest RSS slope over the last five minutes that counts as flat")
	flag.StringVar(&o.out, "out", "bench/results.md", "file whose Soak section (at its end) this run replaces; empty for none")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "soak:", err)
		os.Exit(1)
	}
}

type options struct {
	bin, dir, out          string
	duration, writeEvery   time.Duration
	scale                  float64
	reuse                  bool
	readers, importRows    int
	rssLimit, slopeLimit   float64
	readToken, writeToken  string
	base                   string
	writerUnit             string
	importUnits            []string
	importUnitIDs          []string
	serverPID              int
	soakTag                string
	importReport           map[string]any
	importTook             time.Duration
	importErr              error
	dbPath                 string
	readRequests           atomic.Int64
	readErrors, writeCount atomic.Int64
	writeErrors            atomic.Int64
	errMu                  sync.Mutex
	firstErrors            []string
}

// query is one operation of the dashboard with its variables.
type query struct {
	name string
	body []byte
}

func loadQuery(name, file string, vars map[string]any) (query, error) {
	doc, err := os.ReadFile(filepath.Join("frontend/src/graphql", file))
	if err != nil {
		return query{}, err
	}
	b, _ := json.Marshal(map[string]any{"query": string(doc), "variables": vars})
	return query{name, b}, nil
}

// dashboardReads are the queries the overview, volunteering, honours and rankings pages send.
func dashboardReads() ([]query, error) {
	years := map[string]any{"from": 2019, "to": 2024}
	specs := []struct {
		name, file string
		vars       map[string]any
	}{
		{"Overview", "Overview.graphql", years},
		{"Progress", "Progress.graphql", map[string]any{"from": 2019, "to": 2024, "cumulative": false}},
		{"Dataset", "Dataset.graphql", nil},
		{"Volunteering", "Volunteering.graphql", nil},
		{"VolunteerStats", "VolunteerStats.graphql", map[string]any{"groupBy": []string{"CAMPAIGN", "YEAR"}, "filter": years2()}},
		{"HonorStats", "HonorStats.graphql", map[string]any{"groupBy": []string{"YEAR", "LEVEL"}}},
		{"Honors", "Honors.graphql", map[string]any{"first": 20}},
		{"Rankings", "Rankings.graphql", map[string]any{"year": 2024, "metric": "CREATION_INDEX", "first": 10}},
		{"Practice", "Practice.graphql", years},
	}
	var qs []query
	for _, s := range specs {
		q, err := loadQuery(s.name, s.file, s.vars)
		if err != nil {
			return nil, err
		}
		qs = append(qs, q)
	}
	return qs, nil
}

func years2() map[string]any { return map[string]any{"fromYear": 2019, "toYear": 2024} }

func run(o *options) error {
	if err := os.MkdirAll(o.dir, 0o755); err != nil {
		return err
	}
	o.soakTag = time.Now().UTC().Format("0102-150405")
	if o.bin == "" {
		o.bin, _ = filepath.Abs(filepath.Join(o.dir, "wenming"))
		fmt.Println("building", o.bin)
		if b, err := exec.Command("go", "build", "-o", o.bin, ".").CombinedOutput(); err != nil {
			return fmt.Errorf("go build: %v\n%s", err, b)
		}
	}
	reads, err := dashboardReads()
	if err != nil {
		return err
	}
	o.dbPath, _ = filepath.Abs(filepath.Join(o.dir, fmt.Sprintf("soak-scale-%g.db", o.scale)))
	if _, err := os.Stat(o.dbPath); err != nil || !o.reuse {
		for _, s := range []string{"", "-wal", "-shm"} {
			os.Remove(o.dbPath + s)
		}
		start := time.Now()
		b, err := exec.Command(o.bin, "seed", "--scale", fmt.Sprint(o.scale), "--db", o.dbPath).CombinedOutput()
		if err != nil {
			return fmt.Errorf("seed: %v\n%s", err, b)
		}
		fmt.Printf("seeded scale %g in %s: %s\n", o.scale, time.Since(start).Round(time.Second), strings.TrimSpace(string(b)))
	}
	if o.readToken, err = token(o.bin, o.dbPath, "soak-viewer", "VIEWER", "READ"); err != nil {
		return err
	}
	if o.writeToken, err = token(o.bin, o.dbPath, "soak-editor", "EDITOR", "WRITE"); err != nil {
		return err
	}
	srv, err := startServer(o.bin, o.dbPath, filepath.Join(o.dir, "server.log"))
	if err != nil {
		return err
	}
	defer srv.stop()
	o.base, o.serverPID = srv.url, srv.cmd.Process.Pid
	fmt.Printf("server %s (pid %d) ready in %s on %s\n", o.base, o.serverPID, srv.ready.Round(time.Millisecond), o.dbPath)
	if err := o.createUnits(); err != nil {
		return err
	}

	// RSS every second, from the start of the load.
	var samples []sample
	var smu sync.Mutex
	stopSampler := make(chan struct{})
	samplerDone := make(chan struct{})
	t0 := time.Now()
	go func() {
		defer close(samplerDone)
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			if kb, err := vmRSS(o.serverPID); err == nil {
				smu.Lock()
				samples = append(samples, sample{time.Since(t0), float64(kb) / 1024})
				smu.Unlock()
			}
			select {
			case <-stopSampler:
				return
			case <-tick.C:
			}
		}
	}()

	deadline := t0.Add(o.duration)
	var wg sync.WaitGroup
	latencies := make([][]time.Duration, o.readers)
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: o.readers + 4}}
	for i := range o.readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(i), 7))
			for time.Now().Before(deadline) {
				q := reads[r.IntN(len(reads))]
				start := time.Now()
				err := o.post(client, o.readToken, q.body, nil)
				latencies[i] = append(latencies[i], time.Since(start))
				o.readRequests.Add(1)
				if err != nil {
					o.readErrors.Add(1)
					o.noteError("read " + q.name + ": " + err.Error())
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		o.writeLoop(client, deadline)
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		time.Sleep(o.duration / 3)
		o.importOnce()
	}()
	progress := time.NewTicker(time.Minute)
	for time.Now().Before(deadline) {
		select {
		case <-progress.C:
			smu.Lock()
			last := samples[len(samples)-1]
			smu.Unlock()
			fmt.Printf("  %s: %d reads (%d errors), %d writes (%d errors), RSS %.1f MB\n", time.Since(t0).Round(time.Second),
				o.readRequests.Load(), o.readErrors.Load(), o.writeCount.Load(), o.writeErrors.Load(), last.mb)
		case <-time.After(time.Until(deadline)):
		}
	}
	progress.Stop()
	wg.Wait()
	close(stopSampler)
	<-samplerDone
	elapsed := time.Since(t0)

	apiCheck := o.reconcileAPI(client)
	srv.stop()
	sqlCheck := "ok"
	v, err := verifyDatabase(context.Background(), o.dbPath)
	if err != nil {
		sqlCheck = err.Error()
	}

	// The summary.
	var all []time.Duration
	for _, l := range latencies {
		all = append(all, l...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	pct := func(p float64) time.Duration {
		if len(all) == 0 {
			return 0
		}
		return all[min(len(all)-1, int(float64(len(all))*p))]
	}
	startMB, peakMB, endMB := samples[0].mb, 0.0, samples[len(samples)-1].mb
	for _, s := range samples {
		peakMB = math.Max(peakMB, s.mb)
	}
	window := 5 * time.Minute
	if elapsed < 2*window {
		window = elapsed / 2
	}
	slope := rssSlope(samples, elapsed-window)
	title := fmt.Sprintf("%s, scale %g, %d readers, one write every %s, one import of %d rows", elapsed.Round(time.Second), o.scale, o.readers, o.writeEvery, o.importRows)
	rows := [][2]string{
		{"reads", fmt.Sprintf("%d requests, %.0f req/s, %d errors, p50 %s, p99 %s", o.readRequests.Load(),
			float64(o.readRequests.Load())/elapsed.Seconds(), o.readErrors.Load(), pct(0.5).Round(10*time.Microsecond), pct(0.99).Round(10*time.Microsecond))},
		{"writes", fmt.Sprintf("%d (create/update/delete), %d errors", o.writeCount.Load(), o.writeErrors.Load())},
		{"import", fmt.Sprintf("%v in %s", o.importReport, o.importTook.Round(time.Millisecond))},
		{"RSS", fmt.Sprintf("start %.1f MB, peak %.1f MB, end %.1f MB (limit %.0f MB); slope over the last %s %+.2f MB/min (%d samples, least squares)",
			startMB, peakMB, endMB, o.rssLimit, window.Round(time.Second), slope, len(samples))},
		{"reconcile via API", apiCheck},
	}
	if v != nil {
		rows = append(rows, [2]string{"reconcile via SQL", fmt.Sprintf("integrity_check ok, every rollup equals the records; data version %d, %d volunteer records", v.DataVersion, v.Records["volunteer_records"])})
	} else {
		rows = append(rows, [2]string{"reconcile via SQL", sqlCheck})
	}
	fmt.Printf("\nsoak summary (%s)\n", title)
	for _, r := range rows {
		fmt.Printf("  %-18s %s\n", r[0]+":", r[1])
	}
	var failures []string
	if n := o.readErrors.Load() + o.writeErrors.Load(); n > 0 {
		failures = append(failures, fmt.Sprintf("%d errors; first: %s", n, strings.Join(o.firstErrors, " | ")))
	}
	if o.importErr != nil {
		failures = append(failures, "import: "+o.importErr.Error())
	}
	if peakMB > o.rssLimit {
		failures = append(failures, fmt.Sprintf("RSS peaked at %.1f MB, over %.0f MB", peakMB, o.rssLimit))
	}
	// A leak shows as a rising line; a falling one is the collector returning memory.
	if slope > o.slopeLimit {
		failures = append(failures, fmt.Sprintf("RSS rising by %+.2f MB/min over the last %s, beyond %.1f", slope, window.Round(time.Second), o.slopeLimit))
	}
	if apiCheck != "ok" {
		failures = append(failures, "API reconciliation: "+apiCheck)
	}
	if sqlCheck != "ok" {
		failures = append(failures, "SQL reconciliation: "+sqlCheck)
	}
	verdict := "PASS"
	if len(failures) > 0 {
		verdict = "FAIL: " + strings.Join(failures, "; ")
	}
	if o.out != "" {
		if err := writeSection(o.out, title, rows, verdict); err != nil {
			return err
		}
	}
	if len(failures) > 0 {
		return errors.New(strings.Join(failures, "; "))
	}
	fmt.Println("  PASS")
	return nil
}

// writeSection replaces the Soak section at the end of the results file (make bench keeps it there).
func writeSection(path, title string, rows [][2]string, verdict string) error {
	prev, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	s := string(prev)
	if i := strings.Index(s, "\n## Soak\n"); i >= 0 {
		s = s[:i]
	}
	var b strings.Builder
	b.WriteString(strings.TrimRight(s, "\n"))
	fmt.Fprintf(&b, "\n\n## Soak\n\n`make soak` on %s, %s (%s):\n\n| | |\n|---|---|\n", time.Now().UTC().Format("2006-01-02 15:04 MST"), runtimeNote(), title)
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %s |\n", r[0], strings.ReplaceAll(r[1], "|", "/"))
	}
	fmt.Fprintf(&b, "| verdict | %s |\n", verdict)
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// runtimeNote says what the machine was doing, since shared cores move the throughput more than the code does.
func runtimeNote() string {
	load, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(load))
	if len(f) < 3 {
		return fmt.Sprintf("%d cores", runtime.NumCPU())
	}
	return fmt.Sprintf("%d cores, load average %s/%s/%s at the end", runtime.NumCPU(), f[0], f[1], f[2])
}

// sample is one VmRSS reading.
type sample struct {
	at time.Duration
	mb float64
}

// rssSlope is the least-squares slope, in MB per minute, of the samples taken after from.
func rssSlope(samples []sample, from time.Duration) float64 {
	var n, sx, sy, sxx, sxy float64
	for _, s := range samples {
		if s.at < from {
			continue
		}
		x := s.at.Minutes()
		n++
		sx += x
		sy += s.mb
		sxx += x * x
		sxy += x * s.mb
	}
	if n < 2 || n*sxx-sx*sx == 0 {
		return 0
	}
	return (n*sxy - sx*sy) / (n*sxx - sx*sx)
}

func vmRSS(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			return strconv.ParseInt(strings.Fields(rest)[0], 10, 64)
		}
	}
	return 0, fmt.Errorf("no VmRSS")
}

func (o *options) noteError(s string) {
	o.errMu.Lock()
	defer o.errMu.Unlock()
	if len(o.firstErrors) < 5 {
		o.firstErrors = append(o.firstErrors, s)
	}
}

// post sends one GraphQL request with a token and decodes its data into out; an HTTP status other than 200 or any
// GraphQL error is an error.
func (o *options) post(c *http.Client, token string, body []byte, out any) error {
	req, _ := http.NewRequest(http.MethodPost, o.base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	return do(c, req, out)
}

func do(c *http.Client, req *http.Request, out any) error {
	res, err := c.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	var r struct {
		Data   json.RawMessage
		Errors []struct {
			Message    string
			Extensions map[string]any
		}
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		return fmt.Errorf("status %d: %.200s", res.StatusCode, raw)
	}
	if res.StatusCode != 200 || len(r.Errors) > 0 {
		return fmt.Errorf("status %d: %.300s", res.StatusCode, raw)
	}
	if out != nil {
		return json.Unmarshal(r.Data, out)
	}
	return nil
}

func (o *options) gql(c *http.Client, token, doc string, vars map[string]any, out any) error {
	b, _ := json.Marshal(map[string]any{"query": doc, "variables": vars})
	return o.post(c, token, b, out)
}

// createUnits makes the soak's own units: one the editor writes records on, and ten the import fills.
func (o *options) createUnits() error {
	c := &http.Client{Timeout: 30 * time.Second}
	mk := func(name string) (string, error) {
		var out struct{ CreateUnit struct{ ID string } }
		err := o.gql(c, o.writeToken, `mutation($n: String!) { createUnit(input: {name: $n, kind: "机关"}) { id } }`, map[string]any{"n": name}, &out)
		return out.CreateUnit.ID, err
	}
	var err error
	if o.writerUnit, err = mk("浸泡测试编辑单位" + o.soakTag + "（演示）"); err != nil {
		return err
	}
	for i := range 10 {
		name := fmt.Sprintf("浸泡测试导入单位%s-%02d（演示）", o.soakTag, i)
		id, err := mk(name)
		if err != nil {
			return err
		}
		o.importUnits, o.importUnitIDs = append(o.importUnits, name), append(o.importUnitIDs, id)
	}
	return nil
}

var methods = []string{"SIGN_IN", "SHIFT", "SELF_REPORT", "BACKFILL"}

// writeLoop is the editor: one write every --write-every, in turn creating a record, updating the oldest live one
// and deleting one once 50 are live.
func (o *options) writeLoop(c *http.Client, deadline time.Time) {
	type live struct {
		id, date, method string
		version          int
	}
	var records []live
	day0 := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	tick := time.NewTicker(o.writeEvery)
	defer tick.Stop()
	n := 0
	for i := 0; time.Now().Before(deadline); i++ {
		<-tick.C
		var err error
		switch {
		case i%3 == 0 || len(records) == 0:
			date := day0.AddDate(0, 0, n%2190).Format("2006-01-02")
			method := methods[(n/2190)%4]
			n++
			var out struct {
				CreateVolunteerRecord struct {
					ID      string
					Version int
				}
			}
			err = o.gql(c, o.writeToken, `mutation($in: VolunteerRecordInput!) { createVolunteerRecord(input: $in) { id version } }`,
				map[string]any{"in": map[string]any{"unitId": o.writerUnit, "date": date, "volunteers": 3 + i%5, "hours": 2.5, "method": method}}, &out)
			if err == nil {
				records = append(records, live{out.CreateVolunteerRecord.ID, date, method, out.CreateVolunteerRecord.Version})
			}
		case i%3 == 1:
			r := &records[0]
			var out struct{ UpdateVolunteerRecord struct{ Version int } }
			err = o.gql(c, o.writeToken, `mutation($id: ID!, $v: Int!, $in: VolunteerRecordInput!) { updateVolunteerRecord(id: $id, expectedVersion: $v, input: $in) { version } }`,
				map[string]any{"id": r.id, "v": r.version, "in": map[string]any{"unitId": o.writerUnit, "date": r.date, "volunteers": 7, "hours": 4.25,
					"method": r.method, "verified": true}}, &out)
			if err == nil {
				r.version = out.UpdateVolunteerRecord.Version
				records = append(records[1:], *r)
			}
		default:
			if len(records) < 50 {
				continue
			}
			r := records[0]
			err = o.gql(c, o.writeToken, `mutation($id: ID!, $v: Int) { deleteVolunteerRecord(id: $id, expectedVersion: $v) { id } }`,
				map[string]any{"id": r.id, "v": r.version}, nil)
			if err == nil {
				records = records[1:]
			}
		}
		o.writeCount.Add(1)
		if err != nil {
			o.writeErrors.Add(1)
			o.noteError("write: " + err.Error())
		}
	}
}

// importOnce uploads one CSV of volunteer records for the soak's import units, as the import page does.
func (o *options) importOnce() {
	var csv bytes.Buffer
	csv.WriteString("单位名称,服务日期,专项行动,志愿者人数,服务总时长（小时）,记录方式,是否核实\n")
	day0 := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	zh := []string{"签到签退", "按班次", "本人申报", "补录"}
	for i := range o.importRows {
		unit := o.importUnits[i%len(o.importUnits)]
		k := i / len(o.importUnits)
		fmt.Fprintf(&csv, "%s,%s,,%d,%.1f,%s,%s\n", unit, day0.AddDate(0, 0, k%2190).Format("2006-01-02"), 1+i%9, 1.5+float64(i%4),
			zh[(k/2190)%4], map[bool]string{true: "是", false: "否"}[i%2 == 0])
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	ops, _ := json.Marshal(map[string]any{"query": `mutation($file: Upload!, $kind: ImportKind!) { importRecords(file: $file, kind: $kind) { rows created updated errorCount written } }`,
		"variables": map[string]any{"file": nil, "kind": "VOLUNTEER_RECORDS"}})
	mw.WriteField("operations", string(ops))
	mw.WriteField("map", `{"0": ["variables.file"]}`)
	part, _ := mw.CreateFormFile("0", "soak-volunteer-records.csv")
	part.Write(csv.Bytes())
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, o.base+"/graphql", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+o.writeToken)
	req.Header.Set("X-Wenming-Upload", "1")
	var out struct{ ImportRecords map[string]any }
	start := time.Now()
	err := do(&http.Client{Timeout: 5 * time.Minute}, req, &out)
	o.importTook = time.Since(start)
	o.importReport = out.ImportRecords
	if err == nil && (out.ImportRecords["written"] != true || out.ImportRecords["created"] != float64(o.importRows)) {
		err = fmt.Errorf("report %v, want %d rows created", out.ImportRecords, o.importRows)
	}
	o.importErr = err
	fmt.Printf("  import of %d rows: %v in %s\n", o.importRows, out.ImportRecords, o.importTook.Round(time.Millisecond))
}

// reconcileAPI reads, through the API, each soak unit's records one by one and its aggregate, and compares them.
func (o *options) reconcileAPI(c *http.Client) string {
	units := append([]string{o.writerUnit}, o.importUnitIDs[:2]...)
	for _, u := range units {
		var sumRecords, sumVolunteers int
		var sumHours float64
		after := ""
		for {
			var page struct {
				VolunteerRecords struct {
					Edges []struct {
						Node struct {
							Volunteers int
							Hours      float64
						}
					}
					PageInfo struct {
						HasNextPage bool
						EndCursor   string
					}
				}
			}
			vars := map[string]any{"u": u, "first": 100}
			if after != "" {
				vars["after"] = after
			}
			if err := o.gql(c, o.readToken, `query($u: ID!, $first: Int, $after: String) { volunteerRecords(filter: {unitId: $u}, first: $first, after: $after) {
				edges { node { volunteers hours } } pageInfo { hasNextPage endCursor } } }`, vars, &page); err != nil {
				return err.Error()
			}
			for _, e := range page.VolunteerRecords.Edges {
				sumRecords++
				sumVolunteers += e.Node.Volunteers
				sumHours += e.Node.Hours
			}
			if !page.VolunteerRecords.PageInfo.HasNextPage {
				break
			}
			after = page.VolunteerRecords.PageInfo.EndCursor
		}
		var stats struct {
			VolunteerStats []struct {
				Records    int
				Volunteers int
				Hours      float64
			}
		}
		if err := o.gql(c, o.readToken, `query($u: ID!) { volunteerStats(groupBy: [YEAR], filter: {unitId: $u}) { records volunteers hours } }`,
			map[string]any{"u": u}, &stats); err != nil {
			return err.Error()
		}
		var r, v int
		var h float64
		for _, b := range stats.VolunteerStats {
			r, v, h = r+b.Records, v+b.Volunteers, h+b.Hours
		}
		if r != sumRecords || v != sumVolunteers || math.Abs(h-sumHours) > 1e-6 {
			return fmt.Sprintf("unit %s: records %d/%d, volunteers %d/%d, hours %g/%g (aggregate/records)", u, r, sumRecords, v, sumVolunteers, h, sumHours)
		}
	}
	return "ok"
}

// token makes a user of the role and a token of the scope with the CLI, and returns the token's secret.
func token(bin, dbPath, user, role, scope string) (string, error) {
	if b, err := exec.Command(bin, "user", "add", "--db", dbPath, "--name", user, "--role", role, "--password", "soak-password-1").CombinedOutput(); err != nil &&
		!strings.Contains(string(b), "已被使用") {
		return "", fmt.Errorf("user add: %v\n%s", err, b)
	}
	b, err := exec.Command(bin, "token", "create", "--db", dbPath, "--user", user, "--name", "soak-"+strconv.FormatInt(time.Now().UnixNano(), 10), "--scope", scope).CombinedOutput()
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

// server is the running wenming process.
type server struct {
	cmd   *exec.Cmd
	url   string
	ready time.Duration
	done  chan struct{}
}

func startServer(bin, dbPath, logPath string) (*server, error) {
	port, err := freeport.Pick()
	if err != nil {
		return nil, err
	}
	addr := "127.0.0.1:" + strconv.Itoa(port)
	logf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "serve", "--addr", addr, "--db", dbPath, "--log-level", "warn", "--demo=false")
	cmd.Stdout, cmd.Stderr = logf, logf
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, url: "http://" + addr, done: make(chan struct{})}
	go func() { cmd.Wait(); logf.Close(); close(s.done) }()
	for time.Since(start) < 2*time.Minute {
		select {
		case <-s.done:
			return nil, fmt.Errorf("the server exited; see %s", logPath)
		default:
		}
		if res, err := http.Get(s.url + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				s.ready = time.Since(start)
				return s, nil
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.stop()
	return nil, fmt.Errorf("the server was not ready within 2 minutes")
}

func (s *server) stop() {
	select {
	case <-s.done:
		return
	default:
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(15 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
	}
}
