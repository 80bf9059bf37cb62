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
