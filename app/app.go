// Package app is the `wenming serve` program as an object: the database --db names, its cache and first-start
// seed, sign-in, the live broker, metrics, and the HTTP listener. The binary (server.go) and the tests assemble it
// with the same calls.
package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/wenming/wenming/cli"
	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/cache"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/db/importer"
	"github.com/wenming/wenming/db/seed"
	"github.com/wenming/wenming/httpapi"
	"github.com/wenming/wenming/live"
	"github.com/wenming/wenming/metrics"
)

// Config is every setting of the server; cli defines its flags and environment variables.
type Config = cli.ServerConfig

// Server is the whole program as an object, so that tests can boot it on :0 with a temporary database.
type Server struct {
	Config Config
	Log    *slog.Logger
	// Backend is the database --db names (db/dial).
	Backend db.Backend
	// Store is what the API reads: the database behind a cache keyed on the data version.
	Store db.Store
	// Auth authenticates requests and serves login and logout.
	Auth *httpapi.Auth
	// Live watches the data version for the dataChanged subscription.
	Live *live.Broker
	// Metrics is this server's Prometheus collectors, nil unless --metrics-addr is set.
	Metrics *metrics.Metrics

	stopLive context.CancelFunc
	// metrics serves /metrics on --metrics-addr; nil when metrics are off.
	metrics *metrics.Listener

	server   *http.Server
	listener net.Listener
	done     chan error
	// jobs are the import runners of the handlers made (Handler), stopped at Close before the database closes.
	jobs []*importer.Jobs
}

// New returns a Server with the defaults.
func New() *Server {
	return &Server{Config: cli.NewServerConfig(), Log: slog.New(slog.NewTextHandler(os.Stderr, nil))}
}

// ParseFlags reads the serve flags over environment variables over the defaults.
func (m *Server) ParseFlags(args []string, out io.Writer) error {
	log, err := cli.ParseServeFlags(&m.Config, args, out)
	if err != nil {
		return err
	}
	m.Log = log
	return nil
}

// Open opens the backend and, on first start, loads the seed (with the demo records unless --demo=false) and
// creates the first admin.
func (m *Server) Open(ctx context.Context) error {
	b, err := dial.OpenWith(ctx, m.Config.DBPath, dial.Options{StatementTimeout: m.Config.StatementTimeout})
	if err != nil {
		return fmt.Errorf("open %s: %w", dial.Redact(m.Config.DBPath), err)
	}
	m.Backend = b
	m.Store = b
	if m.Config.Cache {
		// A backend that learns of changes by notification (PostgreSQL) keys the caches on the version it was last
		// told about, instead of reading it once per request.
		var ver cache.Versioner = b
		if cv, ok := b.(interface {
			CachedVersions(context.Context) (db.Versions, error)
		}); ok {
			ver = cache.VersionFunc(cv.CachedVersions)
		}
		m.Store = cache.New(b, ver, 4096)
	}
	// Sign-in attempts live in the database, so that replicas sharing it share one allowance.
	m.Auth = &httpapi.Auth{Store: m.Store, Log: m.Log, AnonymousRead: m.Config.AnonymousRead, SessionTTL: m.Config.SessionTTL,
		BcryptCost: m.Config.BcryptCost, AllowedOrigins: m.Config.CORSOrigins, Limiter: &httpapi.DBLimiter{Store: b},
		TrustedProxies: m.Config.TrustedProxies}
	if st, ok := b.(interface{ ChangeStamp() (string, bool) }); ok {
		// SQLite: a caller is reused while nothing was committed since it was looked up (httpapi.Auth.Stamp).
		m.Auth.Stamp = st.ChangeStamp
	}
	if dial.IsShared(m.Config.DBPath) {
		// Replicas over a shared database reuse a caller for a second rather than asking the database twice per
		// request; a revocation through another replica takes effect within that second (docs/scale-out.md).
		m.Auth.PrincipalTTL = time.Second
	}
	demo := m.Config.Demo
	if !m.Config.DemoSet && dial.IsShared(m.Config.DBPath) {
		demo = false // a province's shared database starts without demo records unless asked
	}
	build := seed.Real
	if demo {
		build = seed.Demo
	}
	start := time.Now()
	res, err := db.Bootstrap(ctx, b, db.BootstrapOptions{Dataset: build, AdminPassword: os.Getenv("WENMING_ADMIN_PASSWORD"),
		BcryptCost: m.Config.BcryptCost})
	if err != nil {
		return fmt.Errorf("first start: %w", err)
	}
	if ds := res.Seeded; ds != nil {
		m.Log.Info("loaded seed data", "demo", demo, "figures", len(ds.Figures), "honors", len(ds.Honors),
			"volunteer_records", len(ds.VolunteerRecords), "took", time.Since(start).Round(time.Millisecond))
	}
	switch {
	case res.AdminCreated && res.GeneratedPassword != "":
		// Printed straight to stderr, once, rather than through the structured log that may be shipped elsewhere.
		m.Log.Warn("created the first admin account; its generated password is printed once on stderr", "username", "admin")
		fmt.Fprintf(os.Stderr, "\n  文明看板 first admin — username: admin  password: %s\n  (shown only once; change it after signing in)\n\n", res.GeneratedPassword)
	case res.AdminCreated:
		m.Log.Info("created the first admin account from WENMING_ADMIN_PASSWORD", "username", "admin")
	}
	return nil
}

// Run is the assembly in one call, as the binary makes it (server.go): Open, StartLive, ListenMetrics, Listen.
// Close stops it.
func (m *Server) Run(ctx context.Context) error {
	if err := m.Open(ctx); err != nil {
		return err
	}
	m.StartLive()
	if err := m.ListenMetrics(); err != nil {
		return err
	}
	return m.Listen()
}

// StartLive starts the broker that pushes dataChanged to subscribers when the database's versions move.
func (m *Server) StartLive() {
	m.Live = &live.Broker{Source: m.Backend, Log: m.Log}
	liveCtx, stop := context.WithCancel(context.Background())
	m.stopLive = stop
	go m.Live.Run(liveCtx)
}

// ListenMetrics serves Prometheus /metrics on --metrics-addr, its own address; without one it does nothing, and the
// public port answers /metrics with 404 either way.
func (m *Server) ListenMetrics() error {
	if m.Config.MetricsAddr == "" {
		return nil
	}
	m.Metrics = metrics.New(metrics.Options{Log: m.Log})
	m.Metrics.WatchBackend(m.Backend)
	if m.Live != nil {
		m.Metrics.WatchSubscribers(m.Live.Subscribers)
	}
	l, err := metrics.Listen(m.Config.MetricsAddr, m.Metrics, m.Log)
	if err != nil {
		return err
	}
	m.metrics = l
	return nil
}

// Listen serves the HTTP surface (Handler) on --addr in the background.
func (m *Server) Listen() error {
	ln, err := net.Listen("tcp", m.Config.Addr)
	if err != nil {
		return err
	}
	if m.Config.AllowedHosts() == nil {
		m.Log.Warn("listening on every interface without --public-host: requests naming any host are answered; name the public hosts to refuse the others", "addr", m.Config.Addr)
	}
	m.listener = ln
	m.server = &http.Server{
		Handler:           m.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(m.Log.Handler(), slog.LevelWarn),
	}
	m.done = make(chan error, 1)
	go func() { m.done <- m.server.Serve(ln) }()
	m.Log.Info("listening", "url", "http://"+ln.Addr().String(), "db", dial.Redact(m.Config.DBPath))
	return nil
}

// MetricsURL is the address of /metrics, or "" when metrics are off.
func (m *Server) MetricsURL() string { return m.metrics.URL() }

// URL is the base URL the server listens on.
func (m *Server) URL() string { return "http://" + m.listener.Addr().String() }

// Close shuts the server down gracefully, then closes the database.
func (m *Server) Close() error {
	var errs []error
	if m.server != nil {
		ctx, cancel := context.WithTimeout(context.Background(), m.Config.ShutdownPeriod)
		defer cancel()
		if err := m.server.Shutdown(ctx); err != nil {
			errs = append(errs, err)
		}
		if err := <-m.done; err != nil && !errors.Is(err, http.ErrServerClosed) {
			errs = append(errs, err)
		}
		m.server = nil
	}
	// Imports outlive their requests: each running one is cancelled, rolls back, records its end and removes
	// its upload while the database is still open.
	if len(m.jobs) > 0 {
		ctx, cancel := context.WithTimeout(context.Background(), m.Config.ShutdownPeriod)
		for _, j := range m.jobs {
			errs = append(errs, j.Stop(ctx))
		}
		cancel()
		m.jobs = nil
	}
	errs = append(errs, m.metrics.Close())
	m.metrics = nil
	if m.stopLive != nil {
		m.stopLive()
		m.stopLive = nil
	}
	if m.Backend != nil {
		errs = append(errs, m.Backend.Close())
		m.Backend = nil
	}
	return errors.Join(errs...)
}

// Handler is the whole HTTP surface over the opened backend.
func (m *Server) Handler() http.Handler {
	c := m.Config
	hs := &httpapi.Server{
		Config: httpapi.Limits{CORSOrigins: c.CORSOrigins, GraphiQL: c.GraphiQL, Introspection: c.Introspection,
			MaxBodyBytes: c.MaxBodyBytes, MaxUploadBytes: c.MaxUploadBytes, MaxUnzippedBytes: c.MaxUnzippedBytes, MaxComplexity: c.MaxComplexity, MaxDepth: c.MaxDepth,
			MaxTokens: c.MaxTokens, MaxFields: c.MaxFields, BcryptCost: c.BcryptCost, PublicHosts: c.AllowedHosts(),
			ReportersReadAggregates: c.ReportersReadAggregates},
		Store: m.Store, Ready: m.Backend.Ping, Auth: m.Auth, Live: m.Live, Log: m.Log,
		Metrics: m.Metrics, Now: c.Now,
	}
	h := hs.Handler()
	m.jobs = append(m.jobs, hs.Jobs)
	return h
}
