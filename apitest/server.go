// Package apitest holds the in-process API tests: each boots the whole server (app.Server) on a free port and a
// database of its own, seeded once per test binary, and talks to it over HTTP as clients do. Its helpers, exported
// here, serve the system tests too (../systemtest), which start and kill the built binary. `make test` runs the
// package on SQLite, then again on PostgreSQL (WENMING_TEST_BACKEND=postgres).
package apitest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
	"github.com/wenming/wenming/app"
	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/db/postgres/pgtest"
	"github.com/wenming/wenming/httpapi"
)

// MainConfig is the program's configuration, which MustRunMain's options edit.
type MainConfig = app.Config

// MustRunMain boots the whole program as production does — seed, listener, middleware — on a temporary
// database and a free port, after applying opts to its configuration. The server is closed when the test ends.
func MustRunMain(tb testing.TB, opts ...func(*MainConfig)) *app.Server {
	tb.Helper()
	m := app.New()
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

// GQLError is one entry of a GraphQL response's errors.
type GQLError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Code returns extensions.code, or "" when there is none.
func (e GQLError) Code() string { s, _ := e.Extensions["code"].(string); return s }

// Response is the body of a GraphQL response.
type Response struct {
	Data       json.RawMessage `json:"data"`
	Errors     []GQLError      `json:"errors"`
	Extensions map[string]any  `json:"extensions"`
}

// gql POSTs a query with its variables to base+"/graphql" and returns the data and the errors.
func GQL(tb testing.TB, base, query string, vars map[string]any) (json.RawMessage, []GQLError) {
	tb.Helper()
	r := postGQL(tb, base, map[string]any{"query": query, "variables": vars}, nil)
	return r.Data, r.Errors
}

// postGQL POSTs any JSON body to /graphql and decodes the response, whatever its status.
func postGQL(tb testing.TB, base string, body any, header http.Header) Response {
	tb.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		tb.Fatal(err)
	}
	res := Do(tb, http.MethodPost, base+"/graphql", bytes.NewReader(b), header, "application/json")
	return decodeResponse(tb, res)
}

// getGQL sends a query through the GET transport.
func getGQL(tb testing.TB, base, query string, vars map[string]any) (*http.Response, Response) {
	tb.Helper()
	q := url.Values{"query": {query}}
	if vars != nil {
		b, _ := json.Marshal(vars)
		q.Set("variables", string(b))
	}
	res := Do(tb, http.MethodGet, base+"/graphql?"+q.Encode(), nil, nil, "")
	return res, decodeResponse(tb, res)
}

func decodeResponse(tb testing.TB, res *http.Response) Response {
	tb.Helper()
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatal(err)
	}
	var out Response
	if err := json.Unmarshal(raw, &out); err != nil {
		tb.Fatalf("status %d, body is not JSON: %v\n%s", res.StatusCode, err, raw)
	}
	return out
}

// do sends one HTTP request; the caller closes the body.
func Do(tb testing.TB, method, u string, body io.Reader, header http.Header, contentType string) *http.Response {
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
func Query[T any](tb testing.TB, base, q string, vars map[string]any) T {
	tb.Helper()
	data, errs := GQL(tb, base, q, vars)
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
func WantCode(tb testing.TB, errs []GQLError, code string) GQLError {
	tb.Helper()
	for _, e := range errs {
		if e.Code() != code {
			continue
		}
		if e.Message == "" {
			tb.Errorf("%s error has an empty message", code)
		}
		if code == "BAD_USER_INPUT" && !HasCJK(e.Message) {
			tb.Errorf("%s message %q has no Chinese", code, e.Message)
		}
		return e
	}
	tb.Fatalf("want an error with code %s, got %+v", code, errs)
	return GQLError{}
}

// wantBadInput runs a query that must fail with BAD_USER_INPUT and returns the error.
func wantBadInput(tb testing.TB, base, q string, vars map[string]any) GQLError {
	tb.Helper()
	_, errs := GQL(tb, base, q, vars)
	return WantCode(tb, errs, "BAD_USER_INPUT")
}

func HasCJK(s string) bool {
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
func writeElsewhere(tb testing.TB, m *app.Server, name string) int64 {
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
func eventually(m *app.Server, seen func() bool) bool {
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
	m    *app.Server
	dir  string
	err  error
}

// SharedMain returns one server, booted once for the whole package, for tests that only read: booting the binary
// with the seed data is the slow part of an API test, and reads do not disturb each other. A test that writes, or
// needs other settings, boots its own with MustRunMain.
func SharedMain(tb testing.TB) *app.Server {
	tb.Helper()
	shared.once.Do(func() {
		shared.dir, shared.err = os.MkdirTemp("", "wenming-shared-")
		if shared.err != nil {
			return
		}
		m := app.New()
		m.Config.Addr = "127.0.0.1:0"
		m.Config.DBPath = filepath.Join(shared.dir, "wenming.db")
		if OnPostgres {
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

// OnPostgres runs the package's API tests on PostgreSQL instead of SQLite: make test runs them on both.
var OnPostgres = os.Getenv("WENMING_TEST_BACKEND") == "postgres"

// HTTPLayerOnly marks a test of what the HTTP layer does on its own (headers, compression, CORS, body and query
// limits, the query caches' memory), which no engine changes: the PostgreSQL pass skips it, since the SQLite pass
// has run the same code, so that the second pass re-runs only what touches the store.
func HTTPLayerOnly(t *testing.T) {
	t.Helper()
	if OnPostgres {
		t.Skip("the HTTP layer alone; the SQLite pass runs it")
	}
}

// testDB returns a new, empty database for one test on the backend under test: a SQLite file in the test's temp
// directory, or a PostgreSQL database of the test cluster.
func testDB(tb testing.TB) string {
	tb.Helper()
	if OnPostgres {
		return pgtest.NewDatabase(tb, "")
	}
	return filepath.Join(tb.TempDir(), "wenming.db")
}

// seededDB returns a database holding what a first start writes (the seed, with or without the demo records, and
// the first admin with AdminPassword), cloned from a template seeded once per test binary: seeding is most of a
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
		m := app.New()
		m.Config.DBPath, m.Config.Demo, m.Config.DemoSet, m.Config.BcryptCost = dsn, demo, true, 4
		m.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
		old, had := os.LookupEnv("WENMING_ADMIN_PASSWORD")
		os.Setenv("WENMING_ADMIN_PASSWORD", AdminPassword)
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
	if OnPostgres {
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

// AdminPassword is the first admin's password on every test server (WENMING_ADMIN_PASSWORD at its first start).
const AdminPassword = "correct-horse-9"

// signedOut boots a server where reading needs a login, with a known first admin password.
func SignedOut(t *testing.T) *app.Server {
	t.Setenv("WENMING_ADMIN_PASSWORD", AdminPassword)
	return MustRunMain(t, func(c *MainConfig) { c.AnonymousRead = false })
}

// login signs in through /auth/login and returns the session cookie header.
func Login(t *testing.T, base, user, password string) (http.Header, *http.Response) {
	t.Helper()
	b, _ := json.Marshal(map[string]string{"username": user, "password": password})
	res := Do(t, http.MethodPost, base+"/auth/login", bytes.NewReader(b), nil, "application/json")
	res.Body.Close()
	h := http.Header{}
	for _, c := range res.Cookies() {
		if c.Name == httpapi.SessionCookie && c.Value != "" {
			h.Set("Cookie", c.Name+"="+c.Value)
		}
	}
	return h, res
}

// as runs a GraphQL query with the given headers.
func As(t *testing.T, base string, h http.Header, q string, vars map[string]any) Response {
	t.Helper()
	return postGQL(t, base, map[string]any{"query": q, "variables": vars}, h)
}

func Bearer(secret string) http.Header { return http.Header{"Authorization": {"Bearer " + secret}} }

// ImportMutation is the importRecords mutation as the dashboard sends it, for the tests that upload files.
const ImportMutation = `mutation($file: Upload!, $kind: ImportKind!, $dryRun: Boolean) {
  importRecords(file: $file, kind: $kind, dryRun: $dryRun) {
    kind rows valid created updated unchanged errors { row column field message messageEn } errorCount dryRun written
    warnings { row column field message messageEn } warningCount
  }
}`

// Upload posts a file to importRecords as the GraphQL multipart request spec says, with the given headers.
func Upload(t *testing.T, base string, h http.Header, kind, name string, content []byte, dry bool) (*http.Response, Response) {
	t.Helper()
	return UploadOperation(t, base, h, ImportMutation, map[string]any{"kind": kind, "dryRun": dry}, name, content)
}

// UploadOperation posts an operation whose variable $file is the file, as the GraphQL multipart request spec says.
func UploadOperation(t *testing.T, base string, h http.Header, query string, vars map[string]any, name string, content []byte) (*http.Response, Response) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	withFile := map[string]any{"file": nil}
	for k, v := range vars {
		withFile[k] = v
	}
	ops, _ := json.Marshal(map[string]any{"query": query, "variables": withFile})
	mw.WriteField("operations", string(ops))
	mw.WriteField("map", `{"0": ["variables.file"]}`)
	part, _ := mw.CreatePart(textproto.MIMEHeader{"Content-Disposition": {fmt.Sprintf(`form-data; name="0"; filename=%q`, name)},
		"Content-Type": {"application/octet-stream"}})
	part.Write(content)
	mw.Close()
	res := Do(t, http.MethodPost, base+"/graphql", &body, h, mw.FormDataContentType())
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	var out Response
	json.Unmarshal(raw, &out)
	if out.Data == nil && out.Errors == nil {
		t.Logf("status %d, body %s", res.StatusCode, raw)
	}
	return res, out
}

// WithUpload adds the custom header that uploads must carry (the guard against cross-site multipart forms).
func WithUpload(h http.Header) http.Header {
	c := h.Clone()
	if c == nil {
		c = http.Header{}
	}
	c.Set(httpapi.UploadHeader, "1")
	return c
}

// ImportReport is the ImportReport of the API.
type ImportReport struct {
	Kind      string `json:"kind"`
	Rows      int    `json:"rows"`
	Valid     int    `json:"valid"`
	Created   int    `json:"created"`
	Updated   int    `json:"updated"`
	Unchanged int    `json:"unchanged"`
	Errors    []struct {
		Row       int    `json:"row"`
		Column    string `json:"column"`
		Field     string `json:"field"`
		Message   string `json:"message"`
		MessageEn string `json:"messageEn"`
	} `json:"errors"`
	ErrorCount int `json:"errorCount"`
	// Warnings are rows that imported but look wrong.
	Warnings []struct {
		Row       int    `json:"row"`
		Field     string `json:"field"`
		Message   string `json:"message"`
		MessageEn string `json:"messageEn"`
	} `json:"warnings"`
	WarningCount int  `json:"warningCount"`
	DryRun       bool `json:"dryRun"`
	Written      bool `json:"written"`
}

// MustUpload uploads a file to importRecords and fails the test unless the import answered without errors.
func MustUpload(t *testing.T, base string, h http.Header, kind, name string, content []byte, dry bool) ImportReport {
	t.Helper()
	res, r := Upload(t, base, WithUpload(h), kind, name, content, dry)
	if res.StatusCode != 200 || len(r.Errors) > 0 {
		t.Fatalf("status %d, errors %+v", res.StatusCode, r.Errors)
	}
	var out struct{ ImportRecords ImportReport }
	if err := json.Unmarshal(r.Data, &out); err != nil {
		t.Fatal(err)
	}
	return out.ImportRecords
}

// SocketCloseDeadline is how soon a socket must be closed after its session or token ends (issue 11, finding 1).
const SocketCloseDeadline = 10 * time.Second

// TestSocket is a graphql-transport-ws connection of a test; a reader goroutine collects its messages and notes
// when and how it closed.
type TestSocket struct {
	c        *websocket.Conn
	msgs     chan WsMessage
	done     chan struct{}
	closeErr error
	closedAt time.Time
	n        int
}

// OpenSocket connects with header (a cookie) and the connection_init payload init, and waits for connection_ack.
func OpenSocket(t *testing.T, base string, header http.Header, init map[string]any) *TestSocket {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(base, "http")+"/graphql", &websocket.DialOptions{
		Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: header,
	})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	payload, _ := json.Marshal(init)
	if err := wsjson.Write(ctx, c, WsMessage{Type: "connection_init", Payload: payload}); err != nil {
		t.Fatal(err)
	}
	var ack WsMessage
	if err := wsjson.Read(ctx, c, &ack); err != nil || ack.Type != "connection_ack" {
		t.Fatalf("connection_ack: %s %s %v", ack.Type, ack.Payload, err)
	}
	s := &TestSocket{c: c, msgs: make(chan WsMessage, 256), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		for {
			var m WsMessage
			if err := wsjson.Read(context.Background(), c, &m); err != nil {
				s.closeErr, s.closedAt = err, time.Now()
				return
			}
			if m.Type == "ping" {
				wsjson.Write(context.Background(), c, WsMessage{Type: "pong"})
				continue
			}
			select {
			case s.msgs <- m:
			default: // a test that does not read a subscription's pushes drops them
			}
		}
	}()
	t.Cleanup(func() { c.Close(websocket.StatusNormalClosure, "") })
	return s
}

// refused asserts that an operation after a revocation was refused: an UNAUTHENTICATED answer, or the socket
// already closed by the server.
func Refused(t *testing.T, what string, r Response, closed bool) {
	t.Helper()
	if closed {
		t.Logf("%s: the socket was already closed", what)
		return
	}
	if len(r.Errors) == 0 || string(r.Data) != "null" && len(r.Data) > 0 {
		t.Fatalf("%s succeeded over an open WebSocket after the revocation: %s", what, r.Data)
	}
	WantCode(t, r.Errors, "UNAUTHENTICATED")
}

// WsMessage is a graphql-transport-ws protocol message.
type WsMessage struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// Subscribe opens a dataChanged subscription and returns the connection after connection_ack.
func Subscribe(t *testing.T, base string, header http.Header, init map[string]any) (*websocket.Conn, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(base, "http")+"/graphql", &websocket.DialOptions{
		Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: header,
	})
	if err != nil {
		return nil, err
	}
	payload, _ := json.Marshal(init)
	if err := wsjson.Write(ctx, c, WsMessage{Type: "connection_init", Payload: payload}); err != nil {
		return nil, err
	}
	var ack WsMessage
	if err := wsjson.Read(ctx, c, &ack); err != nil {
		return nil, err
	}
	if ack.Type != "connection_ack" {
		return nil, &wsError{ack.Type}
	}
	q, _ := json.Marshal(map[string]any{"query": "subscription { dataChanged { version at } }"})
	if err := wsjson.Write(ctx, c, WsMessage{ID: "1", Type: "subscribe", Payload: q}); err != nil {
		return nil, err
	}
	return c, nil
}

// NextVersion reads the next dataChanged version.
func NextVersion(t *testing.T, c *websocket.Conn, timeout time.Duration) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	for {
		var m WsMessage
		if err := wsjson.Read(ctx, c, &m); err != nil {
			t.Fatalf("read: %v", err)
		}
		if m.Type == "ping" || m.Type == "pong" {
			continue
		}
		var p struct {
			Data   struct{ DataChanged struct{ Version int } }
			Errors []any
		}
		json.Unmarshal(m.Payload, &p)
		if m.Type != "next" || len(p.Errors) > 0 {
			t.Fatalf("message %s %s", m.Type, m.Payload)
		}
		return p.Data.DataChanged.Version
	}
}

// next returns the first result of operation id, or closed=true when the socket closed before one came.
func (s *TestSocket) Next(t *testing.T, id string) (r Response, closed bool) {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case m := <-s.msgs:
			if m.ID != id || (m.Type != "next" && m.Type != "error") {
				continue
			}
			if m.Type == "error" {
				json.Unmarshal(m.Payload, &r.Errors)
			} else {
				json.Unmarshal(m.Payload, &r)
			}
			return r, false
		case <-s.done:
			return r, true
		case <-timeout:
			t.Fatalf("no answer to operation %s within 10s", id)
		}
	}
}

type wsError struct{ got string }

func (e *wsError) Error() string { return "expected connection_ack, got " + e.got }

// start sends a Subscribe message for an operation and returns its id.
func (s *TestSocket) Start(t *testing.T, q string, vars map[string]any) string {
	t.Helper()
	s.n++
	id := strconv.Itoa(s.n)
	payload, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := wsjson.Write(ctx, s.c, WsMessage{ID: id, Type: "subscribe", Payload: payload}); err != nil {
		// Writing to a socket the server has closed fails; the caller learns of it from next.
		t.Logf("write %s: %v", id, err)
	}
	return id
}

// op runs one query or mutation and returns its answer, or closed=true.
func (s *TestSocket) Op(t *testing.T, q string, vars map[string]any) (Response, bool) {
	t.Helper()
	return s.Next(t, s.Start(t, q, vars))
}

// closedWithin waits until the server closes the socket, and checks that it said why with CloseUnauthenticated.
func (s *TestSocket) ClosedWithin(t *testing.T, since time.Time, limit time.Duration) time.Duration {
	t.Helper()
	select {
	case <-s.done:
	case <-time.After(limit):
		t.Fatalf("the socket was still open %s after its session or token ended", limit)
	}
	if code := websocket.CloseStatus(s.closeErr); code != httpapi.CloseUnauthenticated {
		t.Errorf("close status = %d (%v), want %d", code, s.closeErr, httpapi.CloseUnauthenticated)
	}
	return s.closedAt.Sub(since)
}

// The operations the WebSocket tests send: a write, a role change, and the subscription.
const (
	WsCreateUnit  = `mutation($n: String!) { createUnit(input: {name: $n, kind: "机关"}) { id } }`
	WsSetRole     = `mutation($id: ID!, $r: Role!, $d: Boolean) { setUserRole(id: $id, role: $r, disabled: $d) { role disabled } }`
	WsDataChanged = `subscription { dataChanged { version } }`
)

// Cleanup closes what the helpers started once for a whole test binary: the shared server, the seeded template
// files and the PostgreSQL test cluster. A package's TestMain calls it after its tests.
func Cleanup() {
	if shared.m != nil {
		shared.m.Close()
	}
	pgtest.Stop()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	for _, t := range seededFiles.byName {
		if t.dir != "" {
			os.RemoveAll(t.dir)
		}
	}
}
