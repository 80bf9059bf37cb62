// Package metrics is what an operator scrapes from 文明看板: requests by route and by GraphQL operation, latencies,
// response-cache hits, the data version, connection-pool waits, imports and live subscribers, in the Prometheus
// text format. Each server keeps its own registry (tests run many servers in one process), and the metrics are
// served on their own listen address, never on the public port.
package metrics

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/wenming/wenming/db"
)

// DefaultMaxOperations is how many distinct GraphQL operation names get a label of their own; the dashboard sends
// about 40. Later names are counted under "other", so that clients inventing names cannot grow the series without
// bound.
const DefaultMaxOperations = 100

// Options are the settings of a Metrics.
type Options struct {
	// MaxOperations caps the distinct operation names labelled; 0 means DefaultMaxOperations.
	MaxOperations int
	// Log receives errors met while gathering (a database that does not answer); nil discards them.
	Log *slog.Logger
}

// Metrics is one server's collectors and the registry that holds them. A nil *Metrics is valid and collects
// nothing, so that the HTTP surface can call it whether or not metrics are on.
type Metrics struct {
	// Registry holds this server's collectors only, never the process-wide default registry.
	Registry *prometheus.Registry

	log            *slog.Logger
	names          *nameSet
	httpRequests   *prometheus.CounterVec
	httpDuration   *prometheus.HistogramVec
	gqlRequests    *prometheus.CounterVec
	gqlDuration    *prometheus.HistogramVec
	cacheHits      prometheus.Counter
	cacheMisses    prometheus.Counter
	imports        *prometheus.CounterVec
	importRows     *prometheus.CounterVec
	importDuration *prometheus.HistogramVec
}

// latencyBuckets spread from a cached answer (under a millisecond) to a slow export (ten seconds).
var latencyBuckets = []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

// importBuckets spread from a small CSV to a province's yearly volunteer file of hundreds of thousands of rows.
var importBuckets = []float64{.05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600}

// New builds the collectors on a fresh registry, with the Go runtime and process collectors beside them.
func New(opts Options) *Metrics {
	if opts.MaxOperations <= 0 {
		opts.MaxOperations = DefaultMaxOperations
	}
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	m := &Metrics{Registry: prometheus.NewRegistry(), log: log, names: newNameSet(opts.MaxOperations)}
	m.httpRequests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "wenming_http_requests_total",
		Help: "HTTP requests by route, method and status code."}, []string{"route", "method", "code"})
	m.httpDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "wenming_http_request_duration_seconds",
		Help: "Time to answer an HTTP request, by route (WebSocket connections excluded).", Buckets: latencyBuckets},
		[]string{"route"})
	m.gqlRequests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "wenming_graphql_requests_total",
		Help: "GraphQL requests by operation name, operation type, HTTP status code (\"ws\" over WebSocket) and first error code (\"none\" without errors)."},
		[]string{"operation", "type", "code", "error"})
	m.gqlDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "wenming_graphql_request_duration_seconds",
		Help: "Time to answer a GraphQL request, by operation name (subscriptions excluded).", Buckets: latencyBuckets},
		[]string{"operation"})
	cache := prometheus.NewCounterVec(prometheus.CounterOpts{Name: "wenming_response_cache_lookups_total",
		Help: "Cacheable GraphQL queries, by whether the response cache answered them (hit, miss)."}, []string{"result"})
	m.cacheHits, m.cacheMisses = cache.WithLabelValues("hit"), cache.WithLabelValues("miss")
	m.imports = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "wenming_imports_total",
		Help: "Spreadsheet imports by kind and outcome (written, dry_run, rejected, failed)."}, []string{"kind", "outcome"})
	m.importRows = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "wenming_import_rows_total",
		Help: "Data rows read by spreadsheet imports, by kind and outcome."}, []string{"kind", "outcome"})
	m.importDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "wenming_import_duration_seconds",
		Help: "Time an import took, validation and writing together, by kind.", Buckets: importBuckets}, []string{"kind"})
	m.Registry.MustRegister(m.httpRequests, m.httpDuration, m.gqlRequests, m.gqlDuration, cache,
		m.imports, m.importRows, m.importDuration,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the registry in the Prometheus text format. A collector that fails (the database not answering
// for the data version) is logged and left out, and the rest is still served.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{
		ErrorLog:            slog.NewLogLogger(m.log.Handler(), slog.LevelWarn),
		ErrorHandling:       promhttp.ContinueOnError,
		MaxRequestsInFlight: 4,
		Timeout:             10 * time.Second,
	})
}

// WatchBackend adds the backend's data version and, when it reports them, its connection pools and what it sees of
// its database node (role, standbys' lag, failovers).
func (m *Metrics) WatchBackend(b db.ChangeSource) {
	m.Registry.MustRegister(&versionCollector{src: b})
	if p, ok := b.(db.PoolReporter); ok {
		m.Registry.MustRegister(&poolCollector{src: p})
	}
	if p, ok := b.(db.PrimaryReporter); ok {
		m.Registry.MustRegister(&primaryCollector{src: p})
	}
}

// WatchSubscribers adds the gauge of open dataChanged subscriptions, read from n at each scrape.
func (m *Metrics) WatchSubscribers(n func() int) {
	m.Registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "wenming_live_subscribers",
		Help: "dataChanged subscriptions open now (WebSocket)."}, func() float64 { return float64(n()) }))
}

// versionCollector reads the data version at each scrape, so that the gauge shows what the database holds.
type versionCollector struct{ src db.ChangeSource }

var versionDesc = prometheus.NewDesc("wenming_data_version", "The data version every write bumps, as the database reports it.", nil, nil)

func (c *versionCollector) Describe(ch chan<- *prometheus.Desc) { ch <- versionDesc }

func (c *versionCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	v, err := c.src.DataVersion(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(versionDesc, err)
		return
	}
	ch <- prometheus.MustNewConstMetric(versionDesc, prometheus.GaugeValue, float64(v))
}

// poolCollector reads the backend's pool counters at each scrape.
type poolCollector struct{ src db.PoolReporter }

var (
	poolMaxDesc = prometheus.NewDesc("wenming_db_pool_max_connections",
		"The most connections a pool opens (0: no limit); SQLite's write pool is its single writer.", []string{"pool"}, nil)
	poolConnsDesc = prometheus.NewDesc("wenming_db_pool_connections",
		"Open connections of a pool by state (in_use, idle).", []string{"pool", "state"}, nil)
	poolWaitsDesc = prometheus.NewDesc("wenming_db_pool_waits_total",
		"Times a caller found every connection of the pool busy and waited; on SQLite's write pool, writes queued for the writer.", []string{"pool"}, nil)
	poolWaitDesc = prometheus.NewDesc("wenming_db_pool_wait_seconds_total",
		"Total time callers waited for a connection of the pool; on SQLite's write pool, the single writer's lock wait.", []string{"pool"}, nil)
)

func (c *poolCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- poolMaxDesc
	ch <- poolConnsDesc
	ch <- poolWaitsDesc
	ch <- poolWaitDesc
}

func (c *poolCollector) Collect(ch chan<- prometheus.Metric) {
	for _, s := range c.src.PoolStats() {
		ch <- prometheus.MustNewConstMetric(poolMaxDesc, prometheus.GaugeValue, float64(s.MaxOpen), s.Pool)
		ch <- prometheus.MustNewConstMetric(poolConnsDesc, prometheus.GaugeValue, float64(s.InUse), s.Pool, "in_use")
		ch <- prometheus.MustNewConstMetric(poolConnsDesc, prometheus.GaugeValue, float64(s.Idle), s.Pool, "idle")
		ch <- prometheus.MustNewConstMetric(poolWaitsDesc, prometheus.CounterValue, float64(s.WaitCount), s.Pool)
		ch <- prometheus.MustNewConstMetric(poolWaitDesc, prometheus.CounterValue, s.WaitDuration.Seconds(), s.Pool)
	}
}

// primaryCollector asks the backend at each scrape what its database node is, so that an operator sees the role,
// the standbys' lag and the failovers a replica went through.
type primaryCollector struct{ src db.PrimaryReporter }

var (
	nodeRoleDesc = prometheus.NewDesc("wenming_db_node_role",
		"1 for the role the database node behind the address answers with now (primary, standby, unreachable).", []string{"role"}, nil)
	standbysDesc = prometheus.NewDesc("wenming_db_standbys",
		"Standbys streaming from the primary, by kind (all, sync: those a commit waits for).", []string{"kind"}, nil)
	lagBytesDesc = prometheus.NewDesc("wenming_db_replication_lag_bytes",
		"The most WAL a standby has yet to replay, as the primary sees it.", nil, nil)
	lagSecondsDesc = prometheus.NewDesc("wenming_db_replication_lag_seconds",
		"The longest replay lag of a standby, as the primary measured it.", nil, nil)
	failoversDesc = prometheus.NewDesc("wenming_db_failovers_observed_total",
		"Times this server saw the database's timeline move on: a standby was promoted.", nil, nil)
	resetsDesc = prometheus.NewDesc("wenming_db_pool_resets_total",
		"Times this server dropped its connections because their node was read-only, shutting down, hung or gone.", nil, nil)
)

func (c *primaryCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{nodeRoleDesc, standbysDesc, lagBytesDesc, lagSecondsDesc, failoversDesc, resetsDesc} {
		ch <- d
	}
}

func (c *primaryCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	s, _ := c.src.PrimaryStatus(ctx) // an unreachable node is a reading, not a failed scrape
	for _, role := range []string{db.NodePrimary, db.NodeStandby, db.NodeUnreachable} {
		v := 0.0
		if s.Role == role {
			v = 1
		}
		ch <- prometheus.MustNewConstMetric(nodeRoleDesc, prometheus.GaugeValue, v, role)
	}
	ch <- prometheus.MustNewConstMetric(standbysDesc, prometheus.GaugeValue, float64(s.Standbys), "all")
	ch <- prometheus.MustNewConstMetric(standbysDesc, prometheus.GaugeValue, float64(s.SyncStandbys), "sync")
	ch <- prometheus.MustNewConstMetric(lagBytesDesc, prometheus.GaugeValue, float64(s.LagBytes))
	ch <- prometheus.MustNewConstMetric(lagSecondsDesc, prometheus.GaugeValue, s.LagSeconds)
	ch <- prometheus.MustNewConstMetric(failoversDesc, prometheus.CounterValue, float64(s.Failovers))
	ch <- prometheus.MustNewConstMetric(resetsDesc, prometheus.CounterValue, float64(s.PoolResets))
}
