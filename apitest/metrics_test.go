package apitest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/wenming/wenming/app"
	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/metrics"
)

// samples are one scrape of /metrics: each sample's value by its series as exposed, e.g.
// `wenming_http_requests_total{code="200",method="GET",route="/healthz"}`.
type samples map[string]float64

// scrape reads the metrics address in the Prometheus text format.
func scrape(tb testing.TB, url string) samples {
	tb.Helper()
	res := Do(tb, http.MethodGet, url, nil, nil, "")
	text := body(tb, res)
	if res.StatusCode != 200 {
		tb.Fatalf("scrape %s: status %d: %s", url, res.StatusCode, text)
	}
	out := samples{}
	for _, line := range strings.Split(text, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			tb.Fatalf("scrape: bad line %q", line)
		}
		out[line[:i]] = v
	}
	return out
}

// parseSeries splits a series into its name and labels, undoing the format's escapes.
func parseSeries(s string) (string, map[string]string) {
	i := strings.IndexByte(s, '{')
	if i < 0 {
		return s, nil
	}
	name, rest, labels := s[:i], s[i+1:len(s)-1], map[string]string{}
	for rest != "" {
		eq := strings.Index(rest, `="`)
		key := rest[:eq]
		rest = rest[eq+2:]
		var val strings.Builder
		for j := 0; j < len(rest); j++ {
			if rest[j] == '\\' && j+1 < len(rest) {
				j++
				if rest[j] == 'n' {
					val.WriteByte('\n')
				} else {
					val.WriteByte(rest[j])
				}
				continue
			}
			if rest[j] == '"' {
				rest = strings.TrimPrefix(rest[j+1:], ",")
				break
			}
			val.WriteByte(rest[j])
		}
		labels[key] = val.String()
	}
	return name, labels
}

// sum adds the samples of a metric whose labels include every pair of match.
func (s samples) sum(name string, match map[string]string) float64 {
	total := 0.0
	for series, v := range s {
		n, labels := parseSeries(series)
		if n != name {
			continue
		}
		ok := true
		for k, want := range match {
			if labels[k] != want {
				ok = false
				break
			}
		}
		if ok {
			total += v
		}
	}
	return total
}

// labelValues lists the distinct values one label takes in a metric.
func (s samples) labelValues(name, label string) []string {
	seen := map[string]bool{}
	for series := range s {
		if n, labels := parseSeries(series); n == name {
			seen[labels[label]] = true
		}
	}
	var out []string
	for v := range seen {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

// L is shorthand for a label set.
type L = map[string]string

// metricsMain boots a server that requires sign-in, with metrics on a second address.
func metricsMain(t *testing.T) *app.Server {
	t.Setenv("WENMING_ADMIN_PASSWORD", AdminPassword)
	return MustRunMain(t, func(c *MainConfig) { c.AnonymousRead = false; c.MetricsAddr = "127.0.0.1:0" })
}

func TestMetrics(t *testing.T) {
	m := metricsMain(t)
	base, murl := m.URL(), m.MetricsURL()
	if murl == "" || strings.HasPrefix(murl, base) {
		t.Fatalf("metrics URL %q, public %q", murl, base)
	}
	admin, _ := Login(t, base, "admin", AdminPassword)
	named := func(name, q string) Response {
		t.Helper()
		return postGQL(t, base, map[string]any{"query": q, "operationName": name}, admin)
	}

	t.Run("NotOnThePublicPort", func(t *testing.T) {
		for _, h := range []http.Header{nil, admin} {
			res := Do(t, http.MethodGet, base+"/metrics", nil, h, "")
			if b := body(t, res); res.StatusCode != http.StatusNotFound || strings.Contains(b, "wenming_") {
				t.Errorf("public /metrics: status %d, body %.200s", res.StatusCode, b)
			}
		}
	})

	t.Run("ServedOnTheMetricsAddress", func(t *testing.T) {
		res := Do(t, http.MethodGet, murl, nil, nil, "")
		b := body(t, res)
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/plain") {
			t.Fatalf("status %d, Content-Type %q", res.StatusCode, res.Header.Get("Content-Type"))
		}
		for _, name := range []string{"wenming_data_version", "wenming_live_subscribers", "wenming_db_pool_wait_seconds_total",
			"wenming_http_requests_total", "go_goroutines", "process_resident_memory_bytes"} {
			if !strings.Contains(b, "\n"+name) {
				t.Errorf("no %s in the scrape", name)
			}
		}
		// Only /metrics is served there: the API stays on the public port.
		if res := Do(t, http.MethodGet, strings.TrimSuffix(murl, "/metrics")+"/graphql?query={__typename}", nil, admin, ""); res.StatusCode != http.StatusNotFound {
			t.Errorf("/graphql on the metrics address: status %d", res.StatusCode)
		}
	})

	t.Run("OperationsByNameAndStatus", func(t *testing.T) {
		before := scrape(t, murl)
		for range 2 {
			if r := named("MetricsProbe", `query MetricsProbe { dataset { hasDemo } }`); len(r.Errors) > 0 {
				t.Fatalf("MetricsProbe: %+v", r.Errors)
			}
		}
		bad := named("MetricsBadID", `query MetricsBadID { node(id: "not-an-id") { id } }`)
		if len(bad.Errors) == 0 || bad.Errors[0].Code() == "" {
			t.Fatalf("MetricsBadID answered without a coded error: %+v", bad)
		}
		badCode := bad.Errors[0].Code()
		// A document that fails validation: its name was never validated, so it gets no label of its own…
		typo := named("MetricsTypo", `query MetricsTypo { dataset { colour } }`)
		WantCode(t, typo.Errors, "GRAPHQL_VALIDATION_FAILED")
		// …unless a valid operation already earned that label.
		WantCode(t, named("MetricsProbe", `query MetricsProbe { dataset { colour } }`).Errors, "GRAPHQL_VALIDATION_FAILED")
		// Refused before any operation was read.
		if res := Do(t, http.MethodPost, base+"/graphql", strings.NewReader(`{"query":"query Secret { dataset { hasDemo } }"}`), nil, "application/json"); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("signed out: status %d", res.StatusCode)
		}
		after := scrape(t, murl)
		delta := func(name string, l L) float64 { return after.sum(name, l) - before.sum(name, l) }
		for _, c := range []struct {
			metric string
			labels L
			want   float64
		}{
			{"wenming_graphql_requests_total", L{"operation": "MetricsProbe", "type": "query", "code": "200", "error": "none"}, 2},
			{"wenming_graphql_request_duration_seconds_count", L{"operation": "MetricsProbe"}, 3},
			{"wenming_graphql_requests_total", L{"operation": "MetricsBadID", "type": "query", "error": badCode}, 1},
			{"wenming_graphql_requests_total", L{"operation": "MetricsProbe", "error": "GRAPHQL_VALIDATION_FAILED"}, 1},
			{"wenming_graphql_requests_total", L{"operation": "other", "error": "GRAPHQL_VALIDATION_FAILED"}, 1},
			{"wenming_graphql_requests_total", L{"operation": "anonymous", "type": "unknown", "code": "401", "error": "none"}, 1},
			{"wenming_graphql_requests_total", L{"operation": "MetricsTypo"}, 0},
			{"wenming_graphql_requests_total", L{"operation": "Secret"}, 0},
			{"wenming_http_requests_total", L{"route": "/graphql", "method": "POST"}, 6},
		} {
			if got := delta(c.metric, c.labels); got != c.want {
				t.Errorf("%s%v moved by %v, want %v", c.metric, c.labels, got, c.want)
			}
		}
	})

	t.Run("ResponseCacheHitsAndMisses", func(t *testing.T) {
		before := scrape(t, murl)
		q := `query MetricsCached { dataset { version hasDemo } }`
		for range 3 {
			if r := named("MetricsCached", q); len(r.Errors) > 0 {
				t.Fatal(r.Errors)
			}
		}
		after := scrape(t, murl)
		hits := after.sum("wenming_response_cache_lookups_total", L{"result": "hit"}) - before.sum("wenming_response_cache_lookups_total", L{"result": "hit"})
		misses := after.sum("wenming_response_cache_lookups_total", L{"result": "miss"}) - before.sum("wenming_response_cache_lookups_total", L{"result": "miss"})
		if hits != 2 || misses != 1 {
			t.Errorf("hits %v, misses %v; want 2 and 1", hits, misses)
		}
	})

	t.Run("OtherRoutes", func(t *testing.T) {
		before := scrape(t, murl)
		for _, p := range []string{"/healthz", "/readyz", "/metrics", "/some/dashboard/page", "/wp-login.php?x=1", "/export/nothing.csv"} {
			body(t, Do(t, http.MethodGet, base+p, nil, admin, ""))
		}
		after := scrape(t, murl)
		for _, c := range []struct {
			labels L
			want   float64
		}{
			{L{"route": "/healthz", "method": "GET", "code": "200"}, 1},
			{L{"route": "/readyz", "method": "GET", "code": "200"}, 1},
			{L{"route": "/metrics", "method": "GET", "code": "404"}, 1},
			{L{"route": "/", "method": "GET", "code": "200"}, 1},
			{L{"route": "/", "method": "GET", "code": "404"}, 1},
			{L{"route": "/export", "method": "GET", "code": "404"}, 1},
		} {
			if got := after.sum("wenming_http_requests_total", c.labels) - before.sum("wenming_http_requests_total", c.labels); got != c.want {
				t.Errorf("wenming_http_requests_total%v moved by %v, want %v", c.labels, got, c.want)
			}
		}
		// Probed paths never become labels of their own.
		for _, r := range after.labelValues("wenming_http_requests_total", "route") {
			if strings.Contains(r, "wp-login") || strings.Contains(r, "dashboard") {
				t.Errorf("route label %q", r)
			}
		}
		if after.sum("wenming_http_request_duration_seconds_count", L{"route": "/healthz"}) < 1 {
			t.Error("no latency observed for /healthz")
		}
	})

	t.Run("ImportRowsAndDuration", func(t *testing.T) {
		units := []byte("单位名称,单位类型,所属系统,服务窗口单位\n指标测试厅（演示）,机关,经济系统,否\n指标测试医院（演示）,医院,卫生健康系统,是\n指标测试学校（演示）,高校,教育系统,否\n")
		before := scrape(t, murl)
		if rep := MustUpload(t, base, admin, "UNITS", "units.csv", units, true); rep.Rows != 3 || !rep.DryRun {
			t.Fatalf("dry run %+v", rep)
		}
		if rep := MustUpload(t, base, admin, "UNITS", "units.csv", units, false); rep.Rows != 3 || !rep.Written {
			t.Fatalf("import %+v", rep)
		}
		after := scrape(t, murl)
		delta := func(name string, l L) float64 { return after.sum(name, l) - before.sum(name, l) }
		for _, c := range []struct {
			metric string
			labels L
			want   float64
		}{
			{"wenming_imports_total", L{"kind": "units", "outcome": "dry_run"}, 1},
			{"wenming_imports_total", L{"kind": "units", "outcome": "written"}, 1},
			{"wenming_import_rows_total", L{"kind": "units", "outcome": "dry_run"}, 3},
			{"wenming_import_rows_total", L{"kind": "units", "outcome": "written"}, 3},
			{"wenming_import_duration_seconds_count", L{"kind": "units"}, 2},
			{"wenming_graphql_requests_total", L{"operation": "anonymous", "type": "mutation", "code": "200", "error": "none"}, 2},
		} {
			if got := delta(c.metric, c.labels); got != c.want {
				t.Errorf("%s%v moved by %v, want %v", c.metric, c.labels, got, c.want)
			}
		}
		if delta("wenming_import_duration_seconds_sum", L{"kind": "units"}) <= 0 {
			t.Error("import duration sum did not move")
		}
	})

	t.Run("DataVersionAndPools", func(t *testing.T) {
		var out struct{ Dataset struct{ Version int64 } }
		r := named("MetricsVersion", `query MetricsVersion { dataset { version } }`)
		if err := json.Unmarshal(r.Data, &out); err != nil || len(r.Errors) > 0 {
			t.Fatalf("%v %+v", err, r.Errors)
		}
		s := scrape(t, murl)
		if got := s["wenming_data_version"]; got != float64(out.Dataset.Version) || got <= 0 {
			t.Errorf("wenming_data_version %v, API says %d", got, out.Dataset.Version)
		}
		pools := []string{"read", "write"}
		if OnPostgres {
			pools = []string{"pool"}
		}
		if got := s.labelValues("wenming_db_pool_max_connections", "pool"); strings.Join(got, ",") != strings.Join(pools, ",") {
			t.Errorf("pools %v, want %v", got, pools)
		}
		for _, p := range pools {
			for _, name := range []string{"wenming_db_pool_waits_total", "wenming_db_pool_wait_seconds_total"} {
				if !s.has(name, L{"pool": p}) {
					t.Errorf("no %s for pool %s", name, p)
				}
			}
			if !s.has("wenming_db_pool_connections", L{"pool": p, "state": "in_use"}) {
				t.Errorf("no in_use connections gauge for pool %s", p)
			}
		}
		if !OnPostgres && s.sum("wenming_db_pool_max_connections", L{"pool": "write"}) != 1 {
			t.Errorf("SQLite's writer pool should be the single writer: %v", s.sum("wenming_db_pool_max_connections", L{"pool": "write"}))
		}
		// What the server sees of its database node: PostgreSQL only (SQLite has no other node to fail over to).
		if got := s.has("wenming_db_node_role", L{"role": "primary"}); got != OnPostgres {
			t.Errorf("wenming_db_node_role present = %v on PostgreSQL = %v", got, OnPostgres)
		}
		if OnPostgres {
			if s.sum("wenming_db_node_role", L{"role": "primary"}) != 1 || s.sum("wenming_db_node_role", L{"role": "standby"}) != 0 {
				t.Errorf("the test's single PostgreSQL should read as the primary: primary %v, standby %v",
					s.sum("wenming_db_node_role", L{"role": "primary"}), s.sum("wenming_db_node_role", L{"role": "standby"}))
			}
			for _, name := range []string{"wenming_db_failovers_observed_total", "wenming_db_pool_resets_total", "wenming_db_replication_lag_bytes"} {
				if !s.has(name, L{}) {
					t.Errorf("no %s", name)
				}
			}
		}
	})

	// A write that queues behind SQLite's single writer shows in the write pool's waits and wait time.
	t.Run("WriterWait", func(t *testing.T) {
		if OnPostgres {
			t.Skip("PostgreSQL has a pool of writers; one held connection makes no one wait")
		}
		before := scrape(t, murl)
		tx, err := m.Backend.(db.ImportStaging).BeginImport(context.Background(), db.ImportUnits) // holds the writer
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan Response, 1)
		go func() {
			done <- named("MetricsWrite", `mutation MetricsWrite { createUnit(input: {name: "指标等待厅（演示）", kind: "机关"}) { id } }`)
		}()
		deadline := time.Now().Add(5 * time.Second)
		for scrape(t, murl).sum("wenming_db_pool_waits_total", L{"pool": "write"}) == before.sum("wenming_db_pool_waits_total", L{"pool": "write"}) {
			if time.Now().After(deadline) {
				tx.Close()
				t.Fatal("the mutation never waited for the writer")
			}
			time.Sleep(10 * time.Millisecond)
		}
		const held = 100 * time.Millisecond
		time.Sleep(held)
		tx.Close()
		if r := <-done; len(r.Errors) > 0 {
			t.Fatalf("mutation: %+v", r.Errors)
		}
		after := scrape(t, murl)
		if got := after.sum("wenming_db_pool_wait_seconds_total", L{"pool": "write"}) - before.sum("wenming_db_pool_wait_seconds_total", L{"pool": "write"}); got < held.Seconds() {
			t.Errorf("writer wait grew by %vs, want at least %v", got, held)
		}
		if got := after.sum("wenming_graphql_requests_total", L{"operation": "MetricsWrite", "type": "mutation", "code": "200", "error": "none"}); got != 1 {
			t.Errorf("MetricsWrite counted %v times", got)
		}
	})

	// Every /graphql request but WebSocket upgrades is counted once by operation, whatever happened to it.
	t.Run("EveryGraphQLRequestCountedOnce", func(t *testing.T) {
		s := scrape(t, murl)
		ops := s.sum("wenming_graphql_requests_total", nil) - s.sum("wenming_graphql_requests_total", L{"code": "ws"})
		reqs := s.sum("wenming_http_requests_total", L{"route": "/graphql"}) - s.sum("wenming_http_requests_total", L{"route": "/graphql", "method": "OPTIONS"}) -
			s.sum("wenming_http_requests_total", L{"route": "/graphql", "code": "101"})
		if ops != reqs || ops == 0 {
			t.Errorf("%v operations counted for %v /graphql requests", ops, reqs)
		}
	})

	t.Run("LiveSubscribers", func(t *testing.T) {
		waitFor := func(want float64) float64 {
			deadline := time.Now().Add(5 * time.Second)
			for {
				got := scrape(t, murl)["wenming_live_subscribers"]
				if got == want || time.Now().After(deadline) {
					return got
				}
				time.Sleep(20 * time.Millisecond)
			}
		}
		if got := waitFor(0); got != 0 {
			t.Fatalf("subscribers before: %v", got)
		}
		c, err := Subscribe(t, base, admin, nil)
		if err != nil {
			t.Fatal(err)
		}
		NextVersion(t, c, 5*time.Second)
		if got := waitFor(1); got != 1 {
			t.Errorf("subscribers with one open: %v", got)
		}
		if got := scrape(t, murl).sum("wenming_graphql_requests_total", L{"type": "subscription", "code": "ws", "error": "none"}); got != 1 {
			t.Errorf("subscriptions counted: %v", got)
		}
		c.Close(websocket.StatusNormalClosure, "")
		if got := waitFor(0); got != 0 {
			t.Errorf("subscribers after close: %v", got)
		}
	})

	// Operation names are labels only while they are few and plain: after the cap, and for anything that is not a
	// plain name, the fixed label "other" is used, so that a client cannot grow the series without bound.
	t.Run("OperationLabelsStayBounded", func(t *testing.T) {
		fixed := func(v string) bool { return v == "anonymous" || v == "other" }
		countNamed := func(s samples) int {
			n := 0
			for _, v := range s.labelValues("wenming_graphql_requests_total", "operation") {
				if !fixed(v) {
					n++
				}
			}
			return n
		}
		before := scrape(t, murl)
		admitted := countNamed(before)
		const sent = metrics.DefaultMaxOperations + 10
		for i := range sent {
			name := fmt.Sprintf("Cap%03d", i)
			if r := named(name, "query "+name+" { __typename }"); len(r.Errors) > 0 {
				t.Fatal(r.Errors)
			}
		}
		long := "L" + strings.Repeat("o", 64) // 65 characters: a valid GraphQL name, too long for a label
		if r := named(long, "query "+long+" { __typename }"); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		if r := postGQL(t, base, map[string]any{"query": "{ __typename }"}, admin); len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		after := scrape(t, murl)
		if got := countNamed(after); got != metrics.DefaultMaxOperations {
			t.Errorf("%d named operation labels, want the cap %d", got, metrics.DefaultMaxOperations)
		}
		wantOther := float64(sent-(metrics.DefaultMaxOperations-admitted)) + 1
		if got := after.sum("wenming_graphql_requests_total", L{"operation": "other"}) - before.sum("wenming_graphql_requests_total", L{"operation": "other"}); got != wantOther {
			t.Errorf("other moved by %v, want %v", got, wantOther)
		}
		if got := after.sum("wenming_graphql_requests_total", L{"operation": "anonymous", "type": "query"}) - before.sum("wenming_graphql_requests_total", L{"operation": "anonymous", "type": "query"}); got != 1 {
			t.Errorf("anonymous moved by %v, want 1", got)
		}
		// A name admitted before the cap keeps its label.
		named("MetricsProbe", `query MetricsProbe { dataset { hasDemo } }`)
		if got := scrape(t, murl).sum("wenming_graphql_requests_total", L{"operation": "MetricsProbe", "error": "none"}) - after.sum("wenming_graphql_requests_total", L{"operation": "MetricsProbe", "error": "none"}); got != 1 {
			t.Errorf("MetricsProbe after the cap moved by %v, want 1", got)
		}
	})

	// Each server has its own registry: a second server in this process starts from zero.
	t.Run("PrivateRegistryPerServer", func(t *testing.T) {
		other := MustRunMain(t, func(c *MainConfig) { c.MetricsAddr = "127.0.0.1:0" })
		s := scrape(t, other.MetricsURL())
		if s.has("wenming_graphql_requests_total", L{"operation": "MetricsProbe"}) || s.sum("wenming_imports_total", nil) != 0 {
			t.Error("the second server's metrics show the first server's requests")
		}
	})
}

func TestMetricsOffByDefault(t *testing.T) {
	m := SharedMain(t)
	if m.Config.MetricsAddr != "" || m.MetricsURL() != "" || m.Metrics != nil {
		t.Fatalf("metrics on by default: addr %q, url %q", m.Config.MetricsAddr, m.MetricsURL())
	}
	res := Do(t, http.MethodGet, m.URL()+"/metrics", nil, nil, "")
	if b := body(t, res); res.StatusCode != http.StatusNotFound || strings.Contains(b, "go_goroutines") {
		t.Errorf("status %d, body %.200s", res.StatusCode, b)
	}
}

func TestMetricsAddrFlag(t *testing.T) {
	t.Run("Flag", func(t *testing.T) {
		m := app.New()
		if err := m.ParseFlags([]string{"--metrics-addr", "127.0.0.1:9090"}, io.Discard); err != nil || m.Config.MetricsAddr != "127.0.0.1:9090" {
			t.Errorf("err %v, addr %q", err, m.Config.MetricsAddr)
		}
	})
	t.Run("Env", func(t *testing.T) {
		t.Setenv("WENMING_METRICS_ADDR", "127.0.0.1:9191")
		m := app.New()
		if err := m.ParseFlags(nil, io.Discard); err != nil || m.Config.MetricsAddr != "127.0.0.1:9191" {
			t.Errorf("err %v, addr %q", err, m.Config.MetricsAddr)
		}
	})
	t.Run("SameAsPublicAddrRefused", func(t *testing.T) {
		m := app.New()
		err := m.ParseFlags([]string{"--addr", "0.0.0.0:8080", "--metrics-addr", "0.0.0.0:8080"}, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "metrics-addr") {
			t.Errorf("err %v", err)
		}
	})
	t.Run("BusyAddressFailsStart", func(t *testing.T) {
		first := MustRunMain(t, func(c *MainConfig) { c.MetricsAddr = "127.0.0.1:0" })
		m := app.New()
		m.Config.Addr, m.Config.DBPath, m.Config.BcryptCost = "127.0.0.1:0", testDB(t), 4
		m.Config.MetricsAddr = strings.TrimSuffix(strings.TrimPrefix(first.MetricsURL(), "http://"), "/metrics")
		m.Log = first.Log
		err := m.Run(context.Background())
		defer m.Close()
		if err == nil || !strings.Contains(err.Error(), "--metrics-addr") {
			t.Errorf("err %v", err)
		}
	})
}

// BenchmarkMetricsOverhead compares a cached named query with metrics off and on, through the real handler.
func BenchmarkMetricsOverhead(b *testing.B) {
	b.Setenv("WENMING_ADMIN_PASSWORD", AdminPassword)
	off := MustRunMain(b)
	on := MustRunMain(b, func(c *MainConfig) { c.MetricsAddr = "127.0.0.1:0" })
	const q = `{"query":"query Bench { dataset { hasDemo } }","operationName":"Bench"}`
	for _, m := range []*app.Server{off, on, off, on} {
		b.Run(map[bool]string{false: "Off", true: "On"}[m.Metrics != nil], func(b *testing.B) {
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					res := Do(b, http.MethodPost, m.URL()+"/graphql", strings.NewReader(q), nil, "application/json")
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
				}
			})
		})
	}
}

// has reports whether any sample of the metric carries the labels.
func (s samples) has(name string, match map[string]string) bool {
	for series := range s {
		n, labels := parseSeries(series)
		if n != name {
			continue
		}
		ok := true
		for k, want := range match {
			ok = ok && labels[k] == want
		}
		if ok {
			return true
		}
	}
	return false
}
