package main_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
	"unicode"

	main "github.com/wenming/wenming"
	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/db/postgres/pgtest"
)

// mainConfig is the program's configuration, which MustRunMain's options edit.
type mainConfig = main.Config

// MustRunMain boots the whole program as production does — seed, listener, middleware — on a temporary
// database and a free port, after applying opts to its configuration. The server is closed when the test ends.
func MustRunMain(tb testing.TB, opts ...func(*mainConfig)) *main.Main {
	tb.Helper()
	m := main.NewMain()
	m.Config.Addr = "127.0.0.1:0"
	fresh := testDB(tb)
	m.Config.DBPath = fresh
	m.Config.DemoSet = true // the demo dataset on either backend, as the tests expect
	// Most API tests read as an anonymous viewer; auth tests turn this off and sign in.
	m.Config.AnonymousRead = true
	m.Config.BcryptCost = 4
	m.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, o := range opts {
		o(&m.Config)
	}
	if m.Config.DBPath == fresh {
		// A test that names no database of its own gets a copy of one seeded once, as a first start seeds it.
		m.Config.DBPath = seededDB(tb, fresh, m.Config.Demo)
	}
	if err := m.Run(context.Background()); err != nil {
		tb.Fatalf("run: %v", err)
	}
	tb.Cleanup(func() {
		if err := m.Close(); err != nil {
			tb.Errorf("close: %v", err)
		}
	})
	return m
}

// client is the HTTP client every test uses; the timeout keeps a hung server from hanging the suite.
var client = &http.Client{Timeout: 30 * time.Second}

// gqlError is one entry of a GraphQL response's errors.
type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Code returns extensions.code, or "" when there is none.
func (e gqlError) Code() string { s, _ := e.Extensions["code"].(string); return s }

// gqlResponse is the body of a GraphQL response.
type gqlResponse struct {
	Data       json.RawMessage `json:"data"`
	Errors     []gqlError      `json:"errors"`
	Extensions map[string]any  `json:"extensions"`
}

// gql POSTs a query with its variables to base+"/graphql" and returns the data and the errors.
func gql(tb testing.TB, base, query string, vars map[string]any) (json.RawMessage, []gqlError) {
	tb.Helper()
	r := postGQL(tb, base, map[string]any{"query": query, "variables": vars}, nil)
	return r.Data, r.Errors
}

// postGQL POSTs any JSON body to /graphql and decodes the response, whatever its status.
func postGQL(tb testing.TB, base string, body any, header http.Header) gqlResponse {
	tb.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		tb.Fatal(err)
	}
	res := do(tb, http.MethodPost, base+"/graphql", bytes.NewReader(b), header, "application/json")
	return decodeResponse(tb, res)
}

// getGQL sends a query through the GET transport.
func getGQL(tb testing.TB, base, query string, vars map[string]any) (*http.Response, gqlResponse) {
	tb.Helper()
	q := url.Values{"query": {query}}
	if vars != nil {
		b, _ := json.Marshal(vars)
		q.Set("variables", string(b))
	}
	res := do(tb, http.MethodGet, base+"/graphql?"+q.Encode(), nil, nil, "")
	return res, decodeResponse(tb, res)
}

func decodeResponse(tb testing.TB, res *http.Response) gqlResponse {
	tb.Helper()
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatal(err)
	}
	var out gqlResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		tb.Fatalf("status %d, body is not JSON: %v\n%s", res.StatusCode, err, raw)
	}
	return out
}

// do sends one HTTP request; the caller closes the body.
func do(tb testing.TB, method, u string, body io.Reader, header http.Header, contentType string) *http.Response {
	tb.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		tb.Fatal(err)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	res, err := client.Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, u, err)
	}
	return res
}

// query runs a query that must succeed and decodes its data into T.
func query[T any](tb testing.TB, base, q string, vars map[string]any) T {
	tb.Helper()
	data, errs := gql(tb, base, q, vars)
	if len(errs) > 0 {
		tb.Fatalf("unexpected errors: %+v", errs)
	}
	var out T
	if err := json.Unmarshal(data, &out); err != nil {
		tb.Fatalf("decode data: %v\n%s", err, data)
	}
	return out
}

// wantCode asserts that errs holds an error with extensions.code; a BAD_USER_INPUT error must also explain itself
// in Chinese. It returns that error.
func wantCode(tb testing.TB, errs []gqlError, code string) gqlError {
	tb.Helper()
	for _, e := range errs {
		if e.Code() != code {
			continue
		}
		if e.Message == "" {
			tb.Errorf("%s error has an empty message", code)
		}
		if code == "BAD_USER_INPUT" && !hasCJK(e.Message) {
			tb.Errorf("%s message %q has no Chinese", code, e.Message)
		}
		return e
	}
	tb.Fatalf("want an error with code %s, got %+v", code, errs)
	return gqlError{}
}

// wantBadInput runs a query that must fail with BAD_USER_INPUT and returns the error.
func wantBadInput(tb testing.TB, base, q string, vars map[string]any) gqlError {
	tb.Helper()
	_, errs := gql(tb, base, q, vars)
	return wantCode(tb, errs, "BAD_USER_INPUT")
}

func hasCJK(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// approxEqual compares floats summed in different orders.
func approxEqual(a, b float64) bool {
	d := a - b
	if d < 0 {
		d = -d
	}
	return d <= 1e-6*max(1, a, -a, b, -b)
}

func contains[T comparable](xs []T, x T) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// mustJSON renders v for messages and deterministic comparisons.
func mustJSON(tb testing.TB, v any) string {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// writeElsewhere makes one real write (a unit) through a second opening of the server's database, as another
// process (a CLI import, a second replica) would, and returns the unit's ID.
func writeElsewhere(tb testing.TB, m *main.Main, name string) int64 {
	tb.Helper()
	b, err := dial.Open(context.Background(), m.Config.DBPath)
	if err != nil {
		tb.Fatal(err)
	}
	defer b.Close()
	editor := db.WithPrincipal(context.Background(), &db.Principal{Username: "elsewhere", Role: db.RoleEditor, Via: "cli"})
	u, err := b.CreateUnit(editor, db.UnitFields{Name: name, Kind: "机关"})
	if err != nil {
		tb.Fatal(err)
	}
	return u.ID
}

// eventually reports whether seen holds on the next try (SQLite, one process reading the file) or, on a shared
// database, within the one second another replica's write may take to reach this one's caches (PostgreSQL replicas
// key them on the version the last NOTIFY brought, db/postgres/version.go).
func eventually(m *main.Main, seen func() bool) bool {
	deadline := time.Now()
	if dial.IsShared(m.Config.DBPath) {
		deadline = deadline.Add(time.Second)
	}
	for {
		if seen() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// shared is the one read-only server of the package (SharedMain).
var shared struct {
	once sync.Once
	m    *main.Main
	dir  string
	err  error
}

// SharedMain returns one server, booted once for the whole package, for tests that only read: booting the binary
// with the seed data is the slow part of an API test, and reads do not disturb each other. A test that writes, or
// needs other settings, boots its own with MustRunMain.
func SharedMain(tb testing.TB) *main.Main {
	tb.Helper()
	shared.once.Do(func() {
		shared.dir, shared.err = os.MkdirTemp("", "wenming-shared-")
		if shared.err != nil {
			return
		}
		m := main.NewMain()
		m.Config.Addr = "127.0.0.1:0"
		m.Config.DBPath = filepath.Join(shared.dir, "wenming.db")
		if onPostgres {
			if m.Config.DBPath, shared.err = pgtest.Server(tb).CreateDatabase(context.Background(), "shared_api"); shared.err != nil {
				return
			}
		}
		m.Config.DemoSet = true
		m.Config.AnonymousRead = true
		m.Config.BcryptCost = 4
		m.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
		if shared.err = m.Run(context.Background()); shared.err == nil {
			shared.m = m
		}
	})
	if shared.err != nil {
		tb.Fatalf("shared server: %v", shared.err)
	}
	return shared.m
}

// onPostgres runs the package's API tests on PostgreSQL instead of SQLite: make test runs them on both.
var onPostgres = os.Getenv("WENMING_TEST_BACKEND") == "postgres"

// testDB returns a new, empty database for one test on the backend under test: a SQLite file in the test's temp
// directory, or a PostgreSQL database of the test cluster.
func testDB(tb testing.TB) string {
	tb.Helper()
	if onPostgres {
		return pgtest.NewDatabase(tb, "")
	}
	return filepath.Join(tb.TempDir(), "wenming.db")
}

// seededDB returns a database holding what a first start writes (the seed, with or without the demo records, and
// the first admin with adminPassword), cloned from a template seeded once per test binary: seeding is most of a
// server's boot (0.4 s on SQLite, 1.2–1.7 s on PostgreSQL), and the API tests boot about eighty. On SQLite the
// template file is copied to path; on PostgreSQL a database is created from the template (CREATE DATABASE …
// TEMPLATE) and path, the empty one testDB made, is left unused.
func seededDB(tb testing.TB, path string, demo bool) string {
	tb.Helper()
	name := "seeded_real"
	if demo {
		name = "seeded_demo"
	}
	build := func(ctx context.Context, dsn string) error {
		m := main.NewMain()
		m.Config.DBPath, m.Config.Demo, m.Config.DemoSet, m.Config.BcryptCost = dsn, demo, true, 4
		m.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
		old, had := os.LookupEnv("WENMING_ADMIN_PASSWORD")
		os.Setenv("WENMING_ADMIN_PASSWORD", adminPassword)
		defer func() {
			if had {
				os.Setenv("WENMING_ADMIN_PASSWORD", old)
			} else {
				os.Unsetenv("WENMING_ADMIN_PASSWORD")
			}
		}()
		if err := m.Open(ctx); err != nil {
			m.Close()
			return err
		}
		return m.Close()
	}
	if onPostgres {
		return pgtest.NewDatabase(tb, pgtest.Template(tb, name, build))
	}
	seededFiles.mu.Lock()
	t, ok := seededFiles.byName[name]
	if !ok {
		t = &seededFile{}
		seededFiles.byName[name] = t
	}
	seededFiles.mu.Unlock()
	t.once.Do(func() {
		if t.dir, t.err = os.MkdirTemp("", "wenming-"+name+"-"); t.err == nil {
			t.err = build(context.Background(), filepath.Join(t.dir, "wenming.db"))
		}
	})
	if t.err != nil {
		tb.Fatalf("seeded template %s: %v", name, t.err)
	}
	for _, suffix := range []string{"", "-wal"} {
		src, err := os.ReadFile(filepath.Join(t.dir, "wenming.db"+suffix))
		if errors.Is(err, os.ErrNotExist) && suffix != "" {
			continue
		}
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path+suffix, src, 0o600); err != nil {
			tb.Fatal(err)
		}
	}
	return path
}

// seededFiles are the SQLite templates of seededDB, built once each.
var seededFiles = struct {
	mu     sync.Mutex
	byName map[string]*seededFile
}{byName: map[string]*seededFile{}}

// seededFile is one SQLite template file of seededDB.
type seededFile struct {
	once sync.Once
	dir  string
	err  error
}

// TestMain closes the shared server after the package's tests, and the PostgreSQL test cluster if one started.
func TestMain(m *testing.M) {
	code := m.Run()
	if shared.m != nil {
		shared.m.Close()
	}
	pgtest.Stop()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	if faultBin.dir != "" {
		os.RemoveAll(faultBin.dir)
	}
	for _, t := range seededFiles.byName {
		if t.dir != "" {
			os.RemoveAll(t.dir)
		}
	}
	os.Exit(code)
}
