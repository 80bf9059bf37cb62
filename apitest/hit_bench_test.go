package apitest

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"testing"
)

// BenchmarkOverviewHit measures a repeated overview KPI query through the whole server (middleware, auth, fast
// path), read anonymously with no Accept-Encoding, as make bench's ratio does; run with -cpuprofile to see what a
// hit still costs.
func BenchmarkOverviewHit(b *testing.B) {
	m := MustRunMain(b)
	doc, err := os.ReadFile("../frontend/src/graphql/Overview.graphql")
	if err != nil {
		b.Fatal(err)
	}
	body := []byte(mustJSON(b, map[string]any{"query": string(doc), "variables": map[string]any{"from": 2019, "to": 2024}}))
	tr := &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 64}
	c := &http.Client{Transport: tr}
	post := func() int {
		res, err := c.Post(m.URL()+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		n, _ := io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return int(n)
	}
	size := post()
	b.SetBytes(int64(size))
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			post()
		}
	})
}

// BenchmarkOverviewHitHandler is BenchmarkOverviewHit without the network: the server's handler answers a
// recorded request into a writer that keeps nothing, so that ns/op and allocs/op are what the server's own code
// spends on a hit (its middleware, authentication, the fast path's lookup and its headers), which wrk's figures mix
// with the kernel's and the load generator's.
func BenchmarkOverviewHitHandler(b *testing.B) {
	m := MustRunMain(b)
	doc, err := os.ReadFile("../frontend/src/graphql/Overview.graphql")
	if err != nil {
		b.Fatal(err)
	}
	body := []byte(mustJSON(b, map[string]any{"query": string(doc), "variables": map[string]any{"from": 2019, "to": 2024}}))
	h := m.Handler()
	serve := func(w *discardWriter) {
		r, _ := http.NewRequest(http.MethodPost, m.URL()+"/graphql", bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		r.ContentLength = int64(len(body))
		r.RemoteAddr = "127.0.0.1:5555"
		h.ServeHTTP(w, r)
	}
	w := &discardWriter{h: http.Header{}}
	serve(w)
	serve(w)
	if w.status != http.StatusOK || w.bytes < 1000 {
		b.Fatalf("warm-up answered %d with %d bytes", w.status, w.bytes)
	}
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		w := &discardWriter{h: http.Header{}}
		for pb.Next() {
			clear(w.h)
			serve(w)
		}
	})
}

// discardWriter is a ResponseWriter that counts what it is sent.
type discardWriter struct {
	h      http.Header
	status int
	bytes  int
}

func (d *discardWriter) Header() http.Header         { return d.h }
func (d *discardWriter) WriteHeader(code int)        { d.status = code }
func (d *discardWriter) Write(p []byte) (int, error) { d.bytes += len(p); return len(p), nil }
