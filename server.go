package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/coder/websocket"
	"github.com/rs/cors"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/cache"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/db/seed"
	"github.com/wenming/wenming/frontend"
	"github.com/wenming/wenming/graph"
	"github.com/wenming/wenming/graph/model"
	"github.com/wenming/wenming/httpapi"
	"github.com/wenming/wenming/live"
	"github.com/wenming/wenming/resolvers"
)

// Main is the whole program as an object, so that tests can boot it on :0 with a temporary database.
type Main struct {
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

	stopLive context.CancelFunc

	server   *http.Server
	listener net.Listener
	done     chan error
}

// NewMain returns a Main with the defaults.
func NewMain() *Main {
	return &Main{Config: Config{
		Addr: "127.0.0.1:8080", DBPath: "wenming.db", Demo: true, Cache: true, GraphiQL: true, Introspection: true,
		SessionTTL: 12 * time.Hour, BcryptCost: 12,
		MaxBodyBytes: 1 << 20, MaxUploadBytes: 256 << 20, MaxComplexity: 5000, MaxDepth: 12, MaxTokens: 10000,
		LogLevel: "info", LogFormat: "text", ShutdownPeriod: 10 * time.Second,
	}, Log: slog.New(slog.NewTextHandler(os.Stderr, nil))}
}

// Open opens the backend and, on first start, loads the seed (with the demo records unless --demo=false) and
// creates the first admin.
func (m *Main) Open(ctx context.Context) error {
	b, err := dial.Open(ctx, m.Config.DBPath)
	if err != nil {
		return fmt.Errorf("open %s: %w", dial.Redact(m.Config.DBPath), err)
	}
	m.Backend = b
	m.Store = b
	if m.Config.Cache {
		m.Store = cache.New(b, b, 4096)
	}
	m.Auth = &httpapi.Auth{Store: m.Store, Log: m.Log, AnonymousRead: m.Config.AnonymousRead, SessionTTL: m.Config.SessionTTL,
		BcryptCost: m.Config.BcryptCost, AllowedOrigins: m.Config.CORSOrigins}
	build := seed.Real
	if m.Config.Demo {
		build = seed.Demo
	}
	start := time.Now()
	res, err := db.Bootstrap(ctx, b, db.BootstrapOptions{Dataset: build, AdminPassword: os.Getenv("WENMING_ADMIN_PASSWORD"),
		BcryptCost: m.Config.BcryptCost})
	if err != nil {
		return fmt.Errorf("first start: %w", err)
	}
	if ds := res.Seeded; ds != nil {
		m.Log.Info("loaded seed data", "demo", m.Config.Demo, "figures", len(ds.Figures), "honors", len(ds.Honors),
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

// Migrate applies migrations (opening does) and lists them.
func (m *Main) Migrate(ctx context.Context, out io.Writer) error {
	b, err := dial.Open(ctx, m.Config.DBPath)
	if err != nil {
		return err
	}
	defer b.Close()
	names, err := b.AppliedMigrations(ctx)
	if err != nil {
		return err
	}
	for _, n := range names {
		fmt.Fprintln(out, "applied", n)
	}
	return nil
}

// Run opens the database, starts listening and serves in the background; Close stops it.
func (m *Main) Run(ctx context.Context) error {
	if err := m.Open(ctx); err != nil {
		return err
	}
	m.Live = &live.Broker{Source: m.Backend, Log: m.Log}
	liveCtx, stop := context.WithCancel(context.Background())
	m.stopLive = stop
	go m.Live.Run(liveCtx)
	ln, err := net.Listen("tcp", m.Config.Addr)
	if err != nil {
		return err
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

// URL is the base URL the server listens on.
func (m *Main) URL() string { return "http://" + m.listener.Addr().String() }

// Close shuts the server down gracefully, then closes the database.
func (m *Main) Close() error {
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

// GraphQL builds the gqlgen server with its transports, caches and limits.
func (m *Main) GraphQL() *handler.Server {
	root := resolvers.New(m.Store)
	root.BcryptCost = m.Config.BcryptCost
	root.Live = m.Live
	cfg := graph.Config{Resolvers: root}
	// A connection costs first × the cost of one node, so that a page of 100 is 100 times a page of one.
	conn := func(child int, first *int) int {
		n := db.DefaultPageSize
		if first != nil && *first > 0 {
			n = *first
		}
		return 1 + n*child
	}
	cfg.Complexity.Query.Honors = func(c int, _ *model.HonorFilter, _ *db.HonorOrder, first *int, _ *string) int { return conn(c, first) }
	cfg.Complexity.Query.Units = func(c int, _ *model.UnitFilter, first *int, _ *string) int { return conn(c, first) }
	cfg.Complexity.Query.People = func(c int, _ *model.PersonFilter, first *int, _ *string) int { return conn(c, first) }
	cfg.Complexity.Query.VolunteerRecords = func(c int, _ *model.VolunteerFilter, _ *db.VolunteerRecordOrder, first *int, _ *string) int {
		return conn(c, first)
	}
	cfg.Complexity.Query.PracticeActivities = func(c int, _ *model.PracticeActivityFilter, first *int, _ *string) int { return conn(c, first) }
	cfg.Complexity.Query.Assessments = func(c int, _ *model.AssessmentFilter, first *int, _ *string) int { return conn(c, first) }
	cfg.Complexity.Query.AuditLog = func(c int, _ *model.AuditFilter, first *int, _ *string) int { return conn(c, first) }
	cfg.Complexity.Query.DeletedRecords = func(c int, _ *db.Entity, _ *bool, first *int, _ *string) int { return conn(c, first) }
	// A ranking is computed in one pass and cached; its entries cost their fields, not first × the fields.
	cfg.Complexity.Query.Rankings = func(c int, _ *int, _ db.RankingMetric, _ *string, _ *int, _ *db.RankingOrder) int { return 1 + 10*c }

	// Lists nested in records are not paged; price them by a typical length, so that a query nesting them
	// (unit → honours → unit → honours …) cannot multiply its way past the limits.
	list := func(n int) func(int) int { return func(c int) int { return 1 + n*c } }
	cfg.Complexity.Unit.Honors = list(20)
	cfg.Complexity.Unit.Assessments = list(6)
	cfg.Complexity.Unit.PracticeLinks = list(5)
	cfg.Complexity.Unit.Pairings = list(5)
	cfg.Complexity.Person.Honors = list(5)
	cfg.Complexity.VolunteerProject.Honors = list(5)
	cfg.Complexity.PracticeCenter.Links = list(5)
	cfg.Complexity.Campaign.Donations = list(50)
	cfg.Complexity.Assessment.Scores = list(6)
	// The article records (graph/article.graphqls).
	cfg.Complexity.Query.Wishes = func(c int, _ *model.WishFilter, first *int, _ *string) int { return conn(c, first) }
	cfg.Complexity.Query.ExcellentCases = func(c int, _ *string, _ *bool, first *int, _ *string) int { return conn(c, first) }
	cfg.Complexity.Query.TalentMembers = func(c int, _ *db.TalentRole, _ *bool, first *int, _ *string) int { return conn(c, first) }
	cfg.Complexity.Query.CivilisationEvents = func(c int, _ *model.CivilisationEventFilter, first *int, _ *string) int { return conn(c, first) }
	cfg.Complexity.Pairing.Contents = list(5)

	srv := handler.New(graph.NewExecutableSchema(cfg))
	srv.AddTransport(m.websocket())
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	// Uploads (importRecords) only: uploadGuard in Handler rejects multipart requests without the custom header.
	srv.AddTransport(transport.MultipartForm{MaxUploadSize: m.Config.MaxUploadBytes, MaxMemory: 32 << 20})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.SetParserTokenLimit(m.Config.MaxTokens)
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	if m.Config.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(extension.FixedComplexityLimit(m.Config.MaxComplexity))
	srv.Use(httpapi.DepthLimit{Max: m.Config.MaxDepth})
	// Each operation gets its own data-version memo and dataloaders (a WebSocket carries many operations).
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(resolvers.WithLoaders(cache.WithRequestVersion(ctx), m.Store))
	})
	// Every operation needs at least a viewer; mutations check their own, higher, roles.
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		oc := graphql.GetOperationContext(ctx)
		if oc.Operation != nil && oc.Operation.Operation != ast.Mutation {
			if err := db.Require(ctx, db.RoleViewer); err != nil {
				return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{httpapi.ErrorPresenter(m.Log)(ctx, err)}})
			}
		}
		return next(ctx)
	})
	if c, ok := m.Store.(*cache.Store); ok {
		rc := httpapi.NewResponseCache(1024, c.Version)
		rc.Scope = func(ctx context.Context) string { return string(db.PrincipalFrom(ctx).Effective()) }
		srv.Use(rc)
	}
	srv.SetErrorPresenter(httpapi.ErrorPresenter(m.Log))
	srv.SetRecoverFunc(httpapi.RecoverFunc(m.Log))
	return srv
}

// websocket is the graphql-transport-ws transport of the dataChanged subscription. Browsers authenticate with
// their session cookie; tools send {"Authorization": "Bearer wm_…"} in connection_init. Only this origin and the
// CORS allowlist may connect.
func (m *Main) websocket() transport.Websocket {
	var hosts []string
	for _, o := range m.Config.CORSOrigins {
		if u, err := url.Parse(o); err == nil && u.Host != "" {
			hosts = append(hosts, u.Host)
		}
	}
	return transport.Websocket{
		Implementation:        transport.CoderWebsocketImplementation{AcceptOptions: websocket.AcceptOptions{OriginPatterns: hosts}},
		KeepAlivePingInterval: 15 * time.Second,
		InitTimeout:           10 * time.Second,
		InitFunc: func(ctx context.Context, payload transport.InitPayload) (context.Context, *transport.InitPayload, error) {
			if h := payload.Authorization(); h != "" {
				p, err := m.Auth.TokenPrincipal(ctx, h)
				if err != nil {
					return ctx, nil, err
				}
				ctx = db.WithPrincipal(ctx, p)
			}
			if db.PrincipalFrom(ctx) == nil {
				return ctx, nil, errors.New("请先登录或提供 API 令牌。Please sign in or send an API token.")
			}
			return ctx, nil, nil
		},
	}
}

// Handler is the whole HTTP surface: the API, GraphiQL, health checks and the dashboard, behind the middleware.
func (m *Main) Handler() http.Handler {
	mux := http.NewServeMux()
	api := http.Handler(m.GraphQL())
	var gql http.Handler = api
	if len(m.Config.CORSOrigins) > 0 {
		gql = cors.New(cors.Options{
			AllowedOrigins: m.Config.CORSOrigins,
			AllowedMethods: []string{http.MethodGet, http.MethodPost, http.MethodOptions},
			AllowedHeaders: []string{"Content-Type", "Authorization", "Apollo-Require-Preflight", "X-Request-Id", UploadHeader},
			MaxAge:         600,
		}).Handler(api)
	}
	mux.Handle("/graphql", m.Auth.RequireSignIn(uploadGuard(m.Config.MaxUploadBytes, gql,
		httpapi.LimitBody(m.Config.MaxBodyBytes, gql))))
	mux.Handle("GET /export/{file}", m.Auth.RequireSignIn(ExportHandler(m.Store)))
	mux.Handle("GET /templates/{file}", m.Auth.RequireSignIn(TemplateHandler(m.Store)))
	mux.HandleFunc("POST /auth/login", m.Auth.Login)
	mux.HandleFunc("POST /auth/logout", m.Auth.Logout)
	mux.HandleFunc("GET /auth/me", m.Auth.Me)
	if m.Config.GraphiQL {
		mux.Handle("GET /graphiql", httpapi.GraphiQLCSP(playground.Handler("文明看板 GraphiQL", "/graphql")))
	} else {
		mux.Handle("/graphiql", http.NotFoundHandler())
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := m.Backend.Ping(r.Context()); err != nil {
			m.Log.Warn("not ready", "err", err)
			http.Error(w, "database unavailable\n", http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "ready\n")
	})
	mux.Handle("/", frontend.Handler())
	return httpapi.RequestLog(m.Log, httpapi.SecurityHeaders(m.Auth.Middleware(mux)))
}
