package httpapi_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/httpapi"
)

// fakeGraphQL stands in for gqlgen behind the fast path: it counts executions, and tells the fast path, as the
// response cache does, that its answer reads the honours at the current versions.
type fakeGraphQL struct {
	calls    atomic.Int64
	ver      *db.Versions
	storable bool
	body     string
}

func (f *fakeGraphQL) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.calls.Add(1)
	io.ReadAll(r.Body) // the fast path must give the body back
	reads := db.Domains(db.DomainHonors)
	if n := httpapi.FastNoteFrom(r.Context()); n != nil && f.storable {
		n.Storable, n.Reads, n.Ver, n.Operation = true, reads, *f.ver, "HonorStats"
	}
	w.Header().Set("Content-Type", "application/json")
	io.WriteString(w, f.body)
}

func TestFastPath(t *testing.T) {
	ver := &db.Versions{Global: 1}
	scope := "VIEWER"
	fp := httpapi.NewFastPath(100, func(context.Context) (db.Versions, error) { return *ver, nil },
		func(context.Context) string { return scope }, 1<<10)
	answer := `{"data":{"honorStats":[` + strings.Repeat(`{"year":2024,"count":43},`, 60) + `{"year":2019,"count":1}]}}`
	gql := &fakeGraphQL{ver: ver, storable: true, body: answer}
	srv := httptest.NewServer(fp.Handler(gql))
	defer srv.Close()
	post := func(body string, header http.Header) (*http.Response, []byte) {
		req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		for k, v := range header {
			req.Header[k] = v
		}
		res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, b
	}
	const q = `{"query":"{ honorStats(groupBy: [YEAR]) { year count } }"}`
	expectCalls := func(t *testing.T, want int64) {
		t.Helper()
		if got := gql.calls.Load(); got != want {
			t.Fatalf("GraphQL ran %d times, want %d", got, want)
		}
	}

	t.Run("RepeatAnsweredWithoutGraphQL", func(t *testing.T) {
		_, first := post(q, nil)
		res, second := post(q, nil)
		expectCalls(t, 1)
		if string(first) != answer || string(second) != answer || res.Header.Get("Cache-Control") != "no-store" {
			t.Fatalf("answers differ or cacheable: %q / %q", first, res.Header.Get("Cache-Control"))
		}
	})
	t.Run("HitKeepsItsGzip", func(t *testing.T) {
		res, b := post(q, http.Header{"Accept-Encoding": {"gzip"}})
		expectCalls(t, 1)
		if res.Header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("Content-Encoding %q", res.Header.Get("Content-Encoding"))
		}
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		plain, _ := io.ReadAll(zr)
		if string(plain) != answer {
			t.Errorf("gzip decodes to %q", plain)
		}
	})
	t.Run("AnotherDomainsWriteKeepsTheHit", func(t *testing.T) {
		ver.Global, ver.Of[db.DomainVolunteer] = 2, 2
		post(q, nil)
		expectCalls(t, 1)
	})
	t.Run("AWriteToWhatItReadsMisses", func(t *testing.T) {
		ver.Global, ver.Of[db.DomainHonors] = 3, 3
		post(q, nil)
		expectCalls(t, 2)
		post(q, nil)
		expectCalls(t, 2)
	})
	t.Run("OtherScopeOtherEntry", func(t *testing.T) {
		scope = "EDITOR"
		defer func() { scope = "VIEWER" }()
		post(q, nil)
		expectCalls(t, 3)
	})
	t.Run("OtherAcceptOtherEntry", func(t *testing.T) {
		post(q, http.Header{"Accept": {"application/graphql-response+json"}})
		expectCalls(t, 4)
	})
	t.Run("BodyOverTheLimitGoesThrough", func(t *testing.T) {
		big := `{"query":"{ honorStats(groupBy: [YEAR]) { year count } }","variables":{"x":"` + strings.Repeat("a", 2<<10) + `"}}`
		post(big, nil)
		post(big, nil)
		expectCalls(t, 6)
	})
	t.Run("UnsharedAnswersAreNotKept", func(t *testing.T) {
		gql.storable = false
		defer func() { gql.storable = true }()
		const other = `{"query":"{ viewer { username } }"}`
		post(other, nil)
		post(other, nil)
		expectCalls(t, 8)
	})
	t.Run("GETRevalidatesWithETag", func(t *testing.T) {
		get := func(inm string) *http.Response {
			req, _ := http.NewRequest(http.MethodGet, srv.URL+"?query=%7B+honorStats%28groupBy%3A+%5BYEAR%5D%29+%7B+year+count+%7D+%7D", nil)
			if inm != "" {
				req.Header.Set("If-None-Match", inm)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			return res
		}
		first := get("")
		etag := first.Header.Get("ETag")
		if first.StatusCode != http.StatusOK || etag == "" || first.Header.Get("Cache-Control") != "private, no-cache" {
			t.Fatalf("status %d, ETag %q, Cache-Control %q", first.StatusCode, etag, first.Header.Get("Cache-Control"))
		}
		calls := gql.calls.Load()
		if res := get(etag); res.StatusCode != http.StatusNotModified {
			t.Errorf("If-None-Match with the current tag: status %d, want 304", res.StatusCode)
		}
		if gql.calls.Load() != calls {
			t.Error("a 304 ran GraphQL")
		}
		ver.Global, ver.Of[db.DomainHonors] = 4, 4
		if res := get(etag); res.StatusCode != http.StatusOK || res.Header.Get("ETag") == etag {
			t.Errorf("after a write: status %d, ETag %q (was %q)", res.StatusCode, res.Header.Get("ETag"), etag)
		}
	})
}

// TestFastPathThroughManyWrites: an answer stored anew after every write to what it reads replaces the old one in
// the byte budget, so that after many writes the fast path still keeps (and serves) the newest answer. When the
// budget counted the replaced answers too, a few hundred writes filled it for good and every request missed.
func TestFastPathThroughManyWrites(t *testing.T) {
	ver := &db.Versions{Global: 1}
	fp := httpapi.NewFastPath(100, func(context.Context) (db.Versions, error) { return *ver, nil },
		func(context.Context) string { return "VIEWER" }, 1<<10)
	// 64 KB a copy: 300 copies are more than the 16 MB the fast path keeps.
	answer := `{"data":{"honorStats":[` + strings.Repeat(`{"year":2024,"count":43},`, 2600) + `{"year":2019,"count":1}]}}`
	gql := &fakeGraphQL{ver: ver, storable: true, body: answer}
	srv := httptest.NewServer(fp.Handler(gql))
	defer srv.Close()
	post := func() {
		res, err := http.Post(srv.URL, "application/json", strings.NewReader(`{"query":"{ honorStats(groupBy: [YEAR]) { year count } }"}`))
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}
	for write := 1; write <= 300; write++ {
		ver.Global, ver.Of[db.DomainHonors] = int64(write+1), int64(write+1)
		post() // a miss: stored anew
		post() // a hit
		if got, want := gql.calls.Load(), int64(write); got != want {
			t.Fatalf("after write %d GraphQL ran %d times, want %d: the answer stored after the write was not kept", write, got, want)
		}
	}
}

// TestFastPathMissSendsItsGzip: the miss that keeps an answer writes the gzip it kept to a client that accepts gzip,
// with its Content-Encoding, so that Compress outside it passes the bytes on instead of compressing them again.
func TestFastPathMissSendsItsGzip(t *testing.T) {
	ver := &db.Versions{Global: 1}
	fp := httpapi.NewFastPath(100, func(context.Context) (db.Versions, error) { return *ver, nil },
		func(context.Context) string { return "VIEWER" }, 1<<10)
	answer := `{"data":{"honorStats":[` + strings.Repeat(`{"year":2024,"count":43},`, 60) + `{"year":2019,"count":1}]}}`
	gql := &fakeGraphQL{ver: ver, storable: true, body: answer}
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"{ honorStats(groupBy: [YEAR]) { year count } }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept-Encoding", "gzip")
	rec := httptest.NewRecorder()
	fp.Handler(gql).ServeHTTP(rec, req)
	if gql.calls.Load() != 1 || rec.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("GraphQL ran %d times; the miss wrote Content-Encoding %q, want its kept gzip", gql.calls.Load(), rec.Header().Get("Content-Encoding"))
	}
	sent := rec.Body.Bytes()
	if got, want := rec.Header().Get("Content-Length"), fmt.Sprint(len(sent)); got != want {
		t.Errorf("Content-Length %q for %s bytes", got, want)
	}
	zr, err := gzip.NewReader(bytes.NewReader(sent))
	if err != nil {
		t.Fatal(err)
	}
	if plain, _ := io.ReadAll(zr); string(plain) != answer {
		t.Errorf("the gzip decodes to %.80q", plain)
	}
}

// TestFastPathLongQueryNotKept: an entry keeps its whole key, so a query longer than the fast path keeps is answered
// every time the normal way, and the entries' memory stays bounded however long the queries clients send.
func TestFastPathLongQueryNotKept(t *testing.T) {
	ver := &db.Versions{Global: 1}
	fp := httpapi.NewFastPath(100, func(context.Context) (db.Versions, error) { return *ver, nil },
		func(context.Context) string { return "VIEWER" }, 1<<20)
	gql := &fakeGraphQL{ver: ver, storable: true, body: `{"data":{"honorStats":[]}}`}
	srv := httptest.NewServer(fp.Handler(gql))
	defer srv.Close()
	post := func(body string) {
		res, err := http.Post(srv.URL, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}
	for _, c := range []struct {
		name      string
		padding   int
		wantCalls int64
	}{{"Short", 100, 1}, {"Long", 64 << 10, 2}} {
		t.Run(c.name, func(t *testing.T) {
			gql.calls.Store(0)
			q := `{"query":"{ honorStats(groupBy: [YEAR]) { year count } } #` + strings.Repeat("x", c.padding) + `"}`
			post(q)
			post(q)
			if got := gql.calls.Load(); got != c.wantCalls {
				t.Fatalf("GraphQL ran %d times for two requests, want %d", got, c.wantCalls)
			}
		})
	}
}
