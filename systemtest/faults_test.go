package systemtest

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/wenming/wenming/apitest"
	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/db/importer"
)

// serverBin is the wenming binary the system tests start, kill and restart, built once per package run.
var serverBin struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// serverBinary returns WENMING_BIN when set, or a binary built once for the package.
func serverBinary(t *testing.T) string {
	t.Helper()
	if bin := os.Getenv("WENMING_BIN"); bin != "" {
		return bin
	}
	serverBin.once.Do(func() {
		if serverBin.dir, serverBin.err = os.MkdirTemp("", "wenming-faults-"); serverBin.err != nil {
			return
		}
		serverBin.path = filepath.Join(serverBin.dir, "wenming")
		if out, err := exec.Command("go", "build", "-o", serverBin.path, "..").CombinedOutput(); err != nil {
			serverBin.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if serverBin.err != nil {
		t.Fatal(serverBin.err)
	}
	return serverBin.path
}

// startServe starts `wenming serve` on a SQLite file and a free port (real records, no demo, reads need a login),
// with env added to its environment, and stops it when the test ends.
func startServe(t *testing.T, bin, path string, env ...string) *replica {
	t.Helper()
	r := &replica{name: filepath.Base(path) + "-" + fmt.Sprint(time.Now().UnixNano()%1e6), bin: bin, dsn: path, dir: t.TempDir(), env: env}
	if err := r.reservePort(); err != nil {
		t.Fatal(err)
	}
	if err := r.start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.stop)
	return r
}

// kill9 ends a server process with SIGKILL, as a power cut or the OOM killer would, and waits for it to be gone.
func (r *replica) kill9(t *testing.T) {
	t.Helper()
	if err := r.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-r.done
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// verifyFile stops nothing: it checks a database file whole (integrity_check, every rollup against the records)
// and returns what it holds.
func verifyFile(t *testing.T, path string) *db.Verification {
	t.Helper()
	b, err := dial.OpenExisting(context.Background(), path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer b.Close()
	v, err := b.Verify(context.Background())
	if err != nil {
		t.Fatalf("verify %s: %v", path, err)
	}
	return v
}

// unitsCSV is a units import of n new units.
func unitsCSV(n int, prefix string) []byte {
	var b bytes.Buffer
	b.WriteString("单位名称,单位类型\n")
	for i := range n {
		fmt.Fprintf(&b, "%s%06d（演示）,机关\n", prefix, i)
	}
	return b.Bytes()
}

// TestKillDuringImport kills the server with SIGKILL in the middle of a large import's writing pass, then restarts
// it on the same file: the file passes integrity_check, every rollup equals the records, and the import left either
// all of its rows or none (here none, since the kill came before the commit).
func TestKillDuringImport(t *testing.T) {
	if apitest.OnPostgres {
		t.Skip("SQLite file faults; PostgreSQL's outage is TestReplicas")
	}
	if testing.Short() {
		t.Skip("starts and kills the binary")
	}
	bin := serverBinary(t)
	path := filepath.Join(t.TempDir(), "wenming.db")
	s := startServe(t, bin, path)
	if err := s.waitReady(30 * time.Second); err != nil {
		t.Fatalf("%v\n%s", err, s.logTail())
	}
	admin, _ := apitest.Login(t, s.url, "admin", apitest.AdminPassword)
	s.stop()
	before := verifyFile(t, path).Records["units"]
	// The server's own temporary directory (TMPDIR): what the killed server spooled there must not outlive the
	// next start.
	tmp := t.TempDir()
	s = startServe(t, bin, path, "TMPDIR="+tmp)
	if err := s.waitReady(30 * time.Second); err != nil {
		t.Fatalf("%v\n%s", err, s.logTail())
	}
	const rows = 200_000
	file := unitsCSV(rows, "断电测试单位")
	wal := path + "-wal"
	walSize := func() int64 {
		st, err := os.Stat(wal)
		if err != nil {
			return 0
		}
		return st.Size()
	}
	base := walSize()
	answered := make(chan string, 1)
	go func() {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		ops, _ := json.Marshal(map[string]any{"query": apitest.ImportMutation, "variables": map[string]any{"file": nil, "kind": "UNITS"}})
		mw.WriteField("operations", string(ops))
		mw.WriteField("map", `{"0": ["variables.file"]}`)
		part, _ := mw.CreateFormFile("0", "units.csv")
		part.Write(file)
		mw.Close()
		req, _ := http.NewRequest(http.MethodPost, s.url+"/graphql", &body)
		req.Header = apitest.WithUpload(admin)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		res, err := (&http.Client{Timeout: 2 * time.Minute}).Do(req)
		if err != nil {
			answered <- "no answer: " + err.Error()
			return
		}
		res.Body.Close()
		answered <- res.Status
	}()
	// The writing pass spills pages of its open transaction into the WAL: kill once it has written a few MB.
	deadline := time.Now().Add(2 * time.Minute)
	for walSize() < base+4<<20 {
		select {
		case a := <-answered:
			t.Fatalf("the import finished before it could be killed (%s): make the file larger", a)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the import wrote no WAL within 2 minutes\n%s", s.logTail())
		}
		time.Sleep(10 * time.Millisecond)
	}
	grown := walSize() - base
	s.kill9(t)
	if a := <-answered; !strings.HasPrefix(a, "no answer") {
		t.Fatalf("the import was answered (%s) although the server was killed in its transaction", a)
	}
	t.Logf("killed the server %.1f MB into the import's transaction; the uploader got no answer", float64(grown)/(1<<20))
	killedDir := filepath.Join(tmp, fmt.Sprintf("wenming-serve-%d", s.cmd.Process.Pid))
	if left, _ := os.ReadDir(killedDir); len(left) == 0 {
		t.Fatalf("the killed server left nothing in %s: the upload should have been spooled there", killedDir)
	}

	s = startServe(t, bin, path, "TMPDIR="+tmp)
	if err := s.waitReady(30 * time.Second); err != nil {
		t.Fatalf("restart after kill -9: %v\n%s", err, s.logTail())
	}
	if _, err := os.Stat(killedDir); !os.IsNotExist(err) {
		t.Errorf("the restarted server left the killed one's temporary files (%s): %v", killedDir, err)
	}
	// The import's job, whose process died, reads as failed once its heartbeat is older than the limit, and
	// frees the import slot for the next one.
	admin, _ = apitest.Login(t, s.url, "admin", apitest.AdminPassword)
	var job struct {
		ImportJobs []struct{ State, Error, FileName string }
	}
	for wait := time.Now().Add(db.ImportJobStaleAfter + 20*time.Second); ; time.Sleep(200 * time.Millisecond) {
		r := apitest.As(t, s.url, admin, `{ importJobs(first: 1) { state error fileName } }`, nil)
		if len(r.Errors) > 0 || json.Unmarshal(r.Data, &job) != nil || len(job.ImportJobs) != 1 {
			t.Fatalf("import jobs: %s %+v", r.Data, r.Errors)
		}
		if job.ImportJobs[0].State != "RUNNING" || time.Now().After(wait) {
			break
		}
	}
	if j := job.ImportJobs[0]; j.State != "FAILED" || j.FileName != "units.csv" || !strings.Contains(j.Error, "未写入任何数据") {
		t.Fatalf("the killed import's job: %+v", j)
	}
	if rep := apitest.MustUpload(t, s.url, admin, "UNITS", "units.csv", unitsCSV(1, "断电后导入单位"), false); !rep.Written {
		t.Fatalf("an import after the failed job: %+v", rep)
	}
	s.stop()
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("a server stopped cleanly left %s in its temporary directory", left[0].Name())
	}
	after := verifyFile(t, path).Records["units"] - 1
	if after != before && after != before+rows {
		t.Fatalf("units before %d, after %d: a partial import of %d rows", before, after, after-before)
	}
	t.Logf("units before %d, after restart %d (none of the %d rows): integrity_check ok, rollups equal the records", before, after, rows)
}

// TestKillDuringMutationBurst kills the server with SIGKILL while eight editors create records, then restarts it:
// every acknowledged write is there, nothing else is half there (integrity, rollups), and the data version moved by
// exactly the writes that committed.
func TestKillDuringMutationBurst(t *testing.T) {
	if apitest.OnPostgres {
		t.Skip("SQLite file faults; PostgreSQL's outage is TestReplicas")
	}
	if testing.Short() {
		t.Skip("starts and kills the binary")
	}
	bin := serverBinary(t)
	path := filepath.Join(t.TempDir(), "wenming.db")
	s := startServe(t, bin, path)
	if err := s.waitReady(30 * time.Second); err != nil {
		t.Fatalf("%v\n%s", err, s.logTail())
	}
	admin, _ := apitest.Login(t, s.url, "admin", apitest.AdminPassword)
	r := apitest.As(t, s.url, admin, `mutation { createUnit(input: {name: "突发写入测试单位（演示）", kind: "机关"}) { id } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	var created struct{ CreateUnit struct{ ID string } }
	json.Unmarshal(r.Data, &created)
	s.stop()
	v0 := verifyFile(t, path)
	s = startServe(t, bin, path)
	if err := s.waitReady(30 * time.Second); err != nil {
		t.Fatalf("%v\n%s", err, s.logTail())
	}
	const mutation = `mutation($u: ID!, $d: Date!, $m: RecordingMethod!) {
	  createVolunteerRecord(input: {unitId: $u, date: $d, volunteers: 2, hours: 1.5, method: $m}) { id } }`
	var acked, attempted atomic.Int64
	var wg sync.WaitGroup
	stop := make(chan struct{})
	c := &http.Client{Timeout: 10 * time.Second}
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				i := attempted.Add(1)
				day := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(i%1800)).Format("2006-01-02")
				body, _ := json.Marshal(map[string]any{"query": mutation, "variables": map[string]any{"u": created.CreateUnit.ID, "d": day,
					"m": db.AllRecordingMethods[(i/1800)%4]}})
				req, _ := http.NewRequest(http.MethodPost, s.url+"/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Cookie", admin.Get("Cookie"))
				res, err := c.Do(req)
				if err != nil {
					return // the server is gone
				}
				var out apitest.Response
				json.NewDecoder(res.Body).Decode(&out)
				res.Body.Close()
				if res.StatusCode == 200 && len(out.Errors) == 0 && out.Data != nil {
					acked.Add(1)
				}
			}
		}()
	}
	for acked.Load() < 100 {
		time.Sleep(5 * time.Millisecond)
	}
	s.kill9(t)
	close(stop)
	wg.Wait()

	s = startServe(t, bin, path)
	if err := s.waitReady(30 * time.Second); err != nil {
		t.Fatalf("restart after kill -9: %v\n%s", err, s.logTail())
	}
	s.stop()
	v := verifyFile(t, path)
	got := v.Records["volunteer_records"] - v0.Records["volunteer_records"]
	if got < acked.Load() || got > attempted.Load() {
		t.Errorf("%d records after the restart; %d were acknowledged of %d attempted", got, acked.Load(), attempted.Load())
	}
	if dv := v.DataVersion - v0.DataVersion; dv != got {
		t.Errorf("the data version moved by %d for %d committed records", dv, got)
	}
	t.Logf("killed under 8 writers: %d attempted, %d acknowledged, %d committed; integrity_check ok, rollups equal the records",
		attempted.Load(), acked.Load(), got)
}

// TestSecondServeSameFile starts two servers on one SQLite file, as an operator might by mistake, or on purpose
// for a restart without downtime. SQLite's WAL locks let several processes on one machine share a file: both serve,
// writes through either are serialised by the file lock and seen by the other at once (the caches are keyed on the
// data version, read from the file), and the file stays whole. Two servers starting together on an empty file seed
// it once.
func TestSecondServeSameFile(t *testing.T) {
	if apitest.OnPostgres {
		t.Skip("SQLite file faults")
	}
	if testing.Short() {
		t.Skip("starts the binary twice")
	}
	bin := serverBinary(t)
	path := filepath.Join(t.TempDir(), "wenming.db")
	// Started together on an empty file: one seeds, the other waits and finds it seeded.
	a, b := startServe(t, bin, path), startServe(t, bin, path)
	for _, s := range []*replica{a, b} {
		if err := s.waitReady(60 * time.Second); err != nil {
			t.Fatalf("%v\n%s", err, s.logTail())
		}
	}
	ha, _ := apitest.Login(t, a.url, "admin", apitest.AdminPassword)
	hb, _ := apitest.Login(t, b.url, "admin", apitest.AdminPassword)
	if ha.Get("Cookie") == "" || hb.Get("Cookie") == "" {
		t.Fatalf("sign-in failed on one of the servers\n%s\n%s", a.logTail(), b.logTail())
	}
	const count = `{ units(filter: {nameContains: "双服务测试"}) { totalCount } dataset { version } }`
	type answer struct {
		Units   struct{ TotalCount int }
		Dataset struct{ Version int }
	}
	read := func(s *replica, h http.Header) answer {
		r := apitest.As(t, s.url, h, count, nil)
		if len(r.Errors) > 0 {
			t.Fatalf("read: %+v", r.Errors)
		}
		var out answer
		json.Unmarshal(r.Data, &out)
		return out
	}
	read(b, hb) // warm b's caches before a writes
	var wg sync.WaitGroup
	var failed atomic.Int64
	for i, s := range []*replica{a, b, a, b} {
		h := ha
		if s == b {
			h = hb
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 25 {
				r := apitest.As(t, s.url, h, fmt.Sprintf(`mutation { createUnit(input: {name: "双服务测试%d-%d（演示）", kind: "机关"}) { id } }`, i, j), nil)
				if len(r.Errors) > 0 {
					failed.Add(1)
					t.Errorf("write through %s: %+v", s.name, r.Errors)
				}
			}
		}()
	}
	wg.Wait()
	ra, rb := read(a, ha), read(b, hb)
	if ra.Units.TotalCount != 100 || rb != ra {
		t.Errorf("after 100 writes through both: a sees %+v, b sees %+v", ra, rb)
	}
	for _, s := range []*replica{a, b} {
		if strings.Contains(s.log(), "database is locked") || strings.Contains(s.log(), "panic") {
			t.Errorf("server %s logged a lock error or a panic\n%s", s.name, s.logTail())
		}
	}
	a.stop()
	b.stop()
	verifyFile(t, path)
	conn, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var sources, admins int
	if err := conn.QueryRow(`SELECT (SELECT count(*) FROM source_documents), (SELECT count(*) FROM users WHERE role = 'ADMIN')`).Scan(&sources, &admins); err != nil {
		t.Fatal(err)
	}
	if sources != 1 || admins != 1 {
		t.Errorf("after a start together: %d source documents, %d admins; want the seed and the first admin once", sources, admins)
	}
	t.Logf("two servers on one file: 100 writes through both, %d failed; each sees the other's at once; integrity ok", failed.Load())
}

// TestCorruptDatabaseFile starts the server on damaged files: it exits non-zero at once with a Chinese error that
// names the file, and never panics.
func TestCorruptDatabaseFile(t *testing.T) {
	if apitest.OnPostgres {
		t.Skip("SQLite file faults")
	}
	if testing.Short() {
		t.Skip("starts the binary")
	}
	bin := serverBinary(t)
	dir := t.TempDir()
	// A real database, closed cleanly, to damage.
	good := filepath.Join(dir, "good.db")
	s := startServe(t, bin, good)
	if err := s.waitReady(30 * time.Second); err != nil {
		t.Fatalf("%v\n%s", err, s.logTail())
	}
	s.stop()
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	pageMiddle := len(raw) / 2 / 4096 * 4096
	cases := []struct {
		name string
		data []byte
	}{
		{"NotADatabase", bytes.Repeat([]byte("这不是数据库 "), 5000)},
		{"TruncatedHeader", raw[:60]},
		{"TruncatedHalf", raw[:pageMiddle]},
		{"TruncatedOnePage", raw[:len(raw)-4096]},
		{"ZeroedSchemaPage", append(append(append([]byte{}, raw[:100]...), make([]byte, 4096-100)...), raw[4096:]...)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name+".db")
			writeFile(t, path, c.data)
			var out bytes.Buffer
			cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--db", path)
			cmd.Stdout, cmd.Stderr = &out, &out
			cmd.Env = append(os.Environ(), "WENMING_ADMIN_PASSWORD="+apitest.AdminPassword)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if err == nil {
					t.Fatalf("the server exited 0 on a damaged file\n%s", out.String())
				}
			case <-time.After(30 * time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("the server kept running on a damaged file\n%s", out.String())
			}
			msg := out.String()
			if !strings.Contains(msg, path) || !apitest.HasCJK(msg) {
				t.Errorf("want a Chinese error naming %s, got:\n%s", path, msg)
			}
			if strings.Contains(msg, "panic") || strings.Contains(msg, "goroutine ") {
				t.Errorf("the server panicked:\n%s", msg)
			}
			t.Logf("the user sees: %s", strings.TrimSpace(msg))
		})
	}
}

// diskFull is the server's store on a disk that fills during an import's writing pass: the import's rows are
// really written into the transaction, then its commit fails as the backend reports a full disk.
type diskFull struct {
	db.Store
	staging db.ImportStaging
}

func (f diskFull) Import(ctx context.Context, req db.ImportRequest) (*db.ImportReport, error) {
	return importer.Run(ctx, f, req)
}

func (f diskFull) ImportCatalog(ctx context.Context) (*db.Catalog, error) {
	return f.staging.ImportCatalog(ctx)
}

func (f diskFull) BeginImport(ctx context.Context, kind db.ImportKind) (db.ImportTx, error) {
	tx, err := f.staging.BeginImport(ctx, kind)
	if err != nil {
		return nil, err
	}
	return fullTx{tx}, nil
}

// fullTx fails its commit with the disk-full error after the rows were staged and applied.
type fullTx struct{ db.ImportTx }

func (x fullTx) Commit(ctx context.Context, summary string, changed bool) error {
	return fmt.Errorf("commit: %w", db.DiskFull())
}

// TestFullDiskDuringImport fills the disk during an import, injected at the store so that it always runs: the
// upload is answered with INSUFFICIENT_STORAGE and a Chinese message, nothing of it is written, and the server
// goes on serving reads and, once there is room, the same import. db/sqlite's TestDiskFull makes SQLite itself
// report SQLITE_FULL (max_page_count) and checks the same code from the backend.
func TestFullDiskDuringImport(t *testing.T) {
	t.Setenv("WENMING_ADMIN_PASSWORD", apitest.AdminPassword)
	m := apitest.MustRunMain(t, func(c *apitest.MainConfig) { c.AnonymousRead = false })
	staging, ok := m.Backend.(db.ImportStaging)
	if !ok {
		t.Fatalf("%T offers no import staging", m.Backend)
	}
	store := m.Store
	m.Store = diskFull{Store: store, staging: staging}
	full := httptest.NewServer(m.Handler())
	defer full.Close()
	m.Store = store
	admin, _ := apitest.Login(t, full.URL, "admin", apitest.AdminPassword)
	file := unitsCSV(2000, "满盘测试单位")
	const count = `{ units(filter: {nameContains: "满盘测试单位"}) { totalCount } dataset { version } }`
	before := apitest.As(t, full.URL, admin, count, nil)

	res, r := apitest.Upload(t, full.URL, apitest.WithUpload(admin), "UNITS", "units.csv", file, false)
	e := apitest.WantCode(t, r.Errors, "INSUFFICIENT_STORAGE")
	if !apitest.HasCJK(e.Message) || !strings.Contains(e.Message, "磁盘已满") {
		t.Errorf("message %q does not say the disk is full, in Chinese", e.Message)
	}
	t.Logf("the user sees: HTTP %d, %s: %s", res.StatusCode, e.Code(), e.Message)

	after := apitest.As(t, full.URL, admin, count, nil)
	if len(after.Errors) > 0 || string(after.Data) != string(before.Data) {
		t.Errorf("after the failed import: %s %+v, before: %s", after.Data, after.Errors, before.Data)
	}
	if res := apitest.Do(t, http.MethodGet, full.URL+"/readyz", nil, nil, ""); res.StatusCode != 200 {
		t.Errorf("/readyz = %d after a full disk", res.StatusCode)
	}
	if _, err := m.Backend.Verify(t.Context()); err != nil {
		t.Error(err)
	}
	// Room again: the same file imports whole through the real store.
	rep := apitest.MustUpload(t, m.URL(), admin, "UNITS", "units.csv", file, false)
	if rep.Created != 2000 {
		t.Errorf("import after the disk was freed: %+v", rep)
	}
}

// TestDatabaseVanishes deletes, moves and replaces the SQLite file under a running server: /readyz turns 503 each
// time, so that a balancer or systemd stops sending it requests, and the log says why.
func TestDatabaseVanishes(t *testing.T) {
	if apitest.OnPostgres {
		t.Skip("SQLite file faults; PostgreSQL stopped under load is TestReplicas")
	}
	ready := func(t *testing.T, m interface{ URL() string }) int {
		res := apitest.Do(t, http.MethodGet, m.URL()+"/readyz", nil, nil, "")
		res.Body.Close()
		return res.StatusCode
	}
	cases := []struct {
		name   string
		damage func(path string) error
	}{
		{"Deleted", os.Remove},
		{"Moved", func(p string) error { return os.Rename(p, p+".moved") }},
		{"Replaced", func(p string) error {
			if err := os.WriteFile(p+".new", []byte{}, 0o600); err != nil {
				return err
			}
			return os.Rename(p+".new", p)
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := apitest.MustRunMain(t)
			if got := ready(t, m); got != 200 {
				t.Fatalf("/readyz = %d before", got)
			}
			if err := c.damage(m.Config.DBPath); err != nil {
				t.Fatal(err)
			}
			if got := ready(t, m); got != http.StatusServiceUnavailable {
				t.Errorf("/readyz = %d after the file was %s, want 503", got, strings.ToLower(c.name))
			}
		})
	}
}
