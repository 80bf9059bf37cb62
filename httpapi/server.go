package httpapi

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/rs/cors"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/cache"
	"github.com/wenming/wenming/db/importer"
	"github.com/wenming/wenming/frontend"
	"github.com/wenming/wenming/graph"
	"github.com/wenming/wenming/graph/model"
	"github.com/wenming/wenming/live"
	"github.com/wenming/wenming/metrics"
	"github.com/wenming/wenming/resolvers"
)

// Limits are the HTTP and GraphQL settings of a server that the operator chooses.
type Limits struct {
	// CORSOrigins may call /graphql cross-site; empty means same origin only.
	CORSOrigins []string
	GraphiQL    bool
	// Introspection lets GraphiQL and reporting tools read the schema.
	Introspection  bool
	MaxBodyBytes   int64
	MaxUploadBytes int64
	// MaxUnzippedBytes bounds what an uploaded XLSX may expand to (the importer's default when 0).
	MaxUnzippedBytes int64
	MaxComplexity    int
	MaxDepth         int
	MaxTokens        int
	// MaxFields bounds the fields of one operation, checked before validation; zero means DefaultMaxFields.
	MaxFields int
	// BcryptCost hashes passwords set through the API.
	BcryptCost int
	// PublicHosts are the Host names answered (HostCheck); empty answers any.
	PublicHosts []string
	// ReportersReadAggregates answers unit reporters' province-wide aggregates (@aggregate) as anonymous callers'.
	ReportersReadAggregates bool
}

// Server is the whole HTTP surface over a store: the GraphQL API with its transports, caches and limits, the
// export, template and sign-in endpoints, health checks and the dashboard.
type Server struct {
	Config Limits
	// Store is what the API reads and writes (usually the cached backend).
	Store db.Store
	// Ready answers /readyz: nil while the database answers.
	Ready func(ctx context.Context) error
	Auth  *Auth
	// Live feeds the dataChanged subscription; nil turns the subscription into an error.
	Live *live.Broker
	Log  *slog.Logger
	// Metrics counts requests, operations and cache lookups when on (served on its own address); nil is off.
	Metrics *metrics.Metrics
	// Jobs runs this process's imports; made over Store when nil.
	Jobs *importer.Jobs
	// Now is the clock of the reporting flow's dates; time.Now when nil (tests inject one).
	Now func() time.Time
}

// GraphQL builds the gqlgen server with its transports, caches and limits.
func (m *Server) GraphQL() *handler.Server {
	root := resolvers.New(m.Store)
	root.BcryptCost = m.Config.BcryptCost
	root.Now = m.Now
	root.Live = m.Live
	root.MaxUnzippedBytes = m.Config.MaxUnzippedBytes
	if m.Jobs == nil {
		m.Jobs = importer.NewJobs(m.Store)
		m.Jobs.Done = func(j *db.ImportJob) {
			// An import that wrote tells open dashboards at once, whoever still waits for it.
			if m.Live != nil && j.State == db.ImportJobSucceeded {
				m.Live.Poll(context.Background())
			}
		}
	}
	root.Jobs = m.Jobs
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
	cfg.Complexity.Query.Units = func(c int, _ *model.UnitFilter, _ *db.ListOrder, first *int, _ *string) int { return conn(c, first) }
	cfg.Complexity.Query.People = func(c int, _ *model.PersonFilter, _ *db.ListOrder, first *int, _ *string) int { return conn(c, first) }
	cfg.Complexity.Query.VolunteerRecords = func(c int, _ *model.VolunteerFilter, _ *db.VolunteerRecordOrder, first *int, _ *string) int {
		return conn(c, first)
	}
	cfg.Complexity.Query.PracticeActivities = func(c int, _ *model.PracticeActivityFilter, _ *db.ListOrder, first *int, _ *string) int {
		return conn(c, first)
	}
	cfg.Complexity.Query.Assessments = func(c int, _ *model.AssessmentFilter, _ *db.ListOrder, first *int, _ *string) int {
		return conn(c, first)
	}
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
	// A unit's ranking history computes six whole rankings (2019–2024): price it as six ranking queries.
	cfg.Complexity.Unit.RankingHistory = func(c int, _ db.RankingMetric) int { return 6 * (1 + 10*c) }
	// The article records (graph/article.graphqls).
	cfg.Complexity.Query.Wishes = func(c int, _ *model.WishFilter, _ *db.ListOrder, first *int, _ *string) int { return conn(c, first) }
	cfg.Complexity.Query.ExcellentCases = func(c int, _ *string, _ *bool, _ *db.ListOrder, first *int, _ *string) int { return conn(c, first) }
	cfg.Complexity.Query.TalentMembers = func(c int, _ *db.TalentRole, _ *bool, _ *db.ListOrder, first *int, _ *string) int {
		return conn(c, first)
	}
	cfg.Complexity.Query.CivilisationEvents = func(c int, _ *model.CivilisationEventFilter, _ *db.ListOrder, first *int, _ *string) int {
		return conn(c, first)
	}
	cfg.Complexity.Pairing.Contents = list(5)

	srv := handler.New(graph.NewExecutableSchema(cfg))
	if m.Metrics != nil {
		srv.Use(m.Metrics.Extension()) // first, so that it sees every operation, cached or refused
	}
	srv.AddTransport(m.websocket())
	srv.AddTransport(transport.Options{})
	srv.AddTransport(SpecGET{TokenLimit: m.Config.MaxTokens})
	srv.AddTransport(SpecPOST{})
	// Uploads (importRecords) only: uploadGuard in Handler rejects multipart requests without the custom header.
	// Parts beyond 4 MiB go to a temporary file rather than the heap, so that concurrent uploads keep RSS in budget.
	srv.AddTransport(transport.MultipartForm{MaxUploadSize: m.Config.MaxUploadBytes, MaxMemory: 4 << 20})
	// Both caches of query text are bounded in bytes, keys included: a parsed document keeps its source, and a
	// persisted query is its text. Queries over 64 KiB are parsed each time rather than kept.
	queries := NewByteBoundedCache[*ast.QueryDocument](QueryCacheBytes, 64<<10, nil)
	srv.SetQueryCache(queries)
	srv.SetParserTokenLimit(m.Config.MaxTokens)
	srv.Use(extension.AutomaticPersistedQuery{Cache: NewByteBoundedCache(QueryCacheBytes/2, 64<<10, func(q string) int { return len(q) })})
	srv.Use(m.fieldLimit(queries))
	if m.Config.Introspection {
		srv.Use(extension.Introspection{})
		srv.Use(IntrospectionLimit{})
	} else {
		srv.Use(IntrospectionOff{})
	}
	srv.Use(UploadArgs{})
	srv.Use(extension.FixedComplexityLimit(m.Config.MaxComplexity))
	srv.Use(DepthLimit{Max: m.Config.MaxDepth})
	// Each operation gets its own data-version memo and dataloaders (a WebSocket carries many operations).
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(resolvers.WithLoaders(cache.WithRequestVersion(ctx), m.Store))
	})
	// Every operation needs at least a viewer; mutations check their own, higher, roles, and a READ token runs none.
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		oc := graphql.GetOperationContext(ctx)
		if oc.Operation == nil {
			return next(ctx)
		}
		check := db.Require(ctx, db.RoleViewer)
		if p := db.PrincipalFrom(ctx); p != nil && p.Effective() == db.RoleReporter {
			// A reporter is not a viewer: its root fields are decided one by one (rootFieldGate).
			check = nil
		}
		if oc.Operation.Operation == ast.Mutation {
			check = db.RequireMutation(ctx)
		}
		if check == nil {
			ctx, check = subscriptionGate(ctx, oc, m.Auth != nil && m.Auth.AnonymousRead)
		}
		if check != nil {
			return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{ErrorPresenter(m.Log)(ctx, check)}})
		}
		return next(ctx)
	})
	anonymousRead := m.Auth != nil && m.Auth.AnonymousRead
	srv.AroundRootFields(rootFieldGate(anonymousRead, m.Config.ReportersReadAggregates))
	// A mutation sent again with its idempotency key gets the first answer, never a second write.
	srv.Use(&Idempotency{Store: m.Store, Log: m.Log})
	if c, ok := m.Store.(*cache.Store); ok {
		rc := NewResponseCache(1024, c.Versions)
		rc.Scope = RoleScope
		srv.Use(rc)
	}
	srv.SetErrorPresenter(ErrorPresenter(m.Log))
	srv.SetRecoverFunc(RecoverFunc(m.Log))
	return srv
}

// QueryCacheBytes bounds the query text the parsed-query cache keeps (the persisted-query cache keeps half as
// much): a few thousand of the dashboard's queries, a few megabytes whatever clients send.
const QueryCacheBytes = 8 << 20

// RoleScope is what makes a shared answer differ between callers: the role they act with, and the units they may
// read (db.ScopeOf, of the published records and of the reporting). Both answer caches (the response cache and the
// fast path in front of it) key on it, so that no unit's answer is ever served to another unit.
func RoleScope(ctx context.Context) string {
	s := string(db.PrincipalFrom(ctx).Effective()) + ":" + db.ScopeOf(ctx, db.PublishedRows).Key() + ":" +
		db.ScopeOf(ctx, db.ReportingRows).Key()
	if p := db.PrincipalFrom(ctx); p != nil && p.MustChangePassword {
		// Held to changing a one-time password first: never served what callers of the same role share.
		s = "must-change-password:" + s
	}
	return s
}

// Handler is the whole HTTP surface: the API, GraphiQL, health checks and the dashboard, behind the middleware.
func (m *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	api := http.Handler(m.GraphQL())
	// A repeated query is answered from its stored bytes before GraphQL runs (fastpath.go): a hit as soon as the
	// caller is known (Hits, before compression, which it needs none of), a miss behind the usual checks, where its
	// answer is stored. CORS wraps both, so that a hit carries the same CORS headers as a miss.
	queries := api
	var fp *FastPath
	if c, ok := m.Store.(*cache.Store); ok {
		fp = NewFastPath(4096, c.Versions, RoleScope, m.Config.MaxBodyBytes)
		queries = fp.Handler(api)
	}
	api2 := UploadGuard(m.Config.MaxUploadBytes, api, LimitBody(m.Config.MaxBodyBytes, queries))
	graphqlHandler := Compress(NoStore(m.Auth.RequireSignIn(KeepIdempotencyKey(api2))))
	if fp != nil {
		graphqlHandler = fp.Hits(graphqlHandler)
	}
	if len(m.Config.CORSOrigins) > 0 {
		graphqlHandler = cors.New(cors.Options{
			AllowedOrigins: m.Config.CORSOrigins,
			AllowedMethods: []string{http.MethodGet, http.MethodPost, http.MethodOptions},
			AllowedHeaders: []string{"Content-Type", "Authorization", "Apollo-Require-Preflight", "X-Request-Id", UploadHeader, IdempotencyHeader},
			MaxAge:         600,
		}).Handler(graphqlHandler)
	}
	mux.Handle("/graphql", graphqlHandler)
	mux.Handle("GET /export/{file}", Compress(m.Auth.RequireSignIn(ExportHandler(m.Store))))
	mux.Handle("GET /templates/{file}", m.Auth.RequireSignIn(TemplateHandler(m.Store)))
	mux.Handle("GET /report-files/{id}", m.Auth.RequireSignIn(ReportFileHandler(m.Store)))
	mux.HandleFunc("POST /auth/login", m.Auth.Login)
	mux.HandleFunc("POST /auth/logout", m.Auth.Logout)
	mux.HandleFunc("GET /auth/me", m.Auth.Me)
	if m.Config.GraphiQL {
		mux.Handle("GET /graphiql", GraphiQLCSP(frontend.GraphiQL()))
	} else {
		mux.Handle("/graphiql", http.NotFoundHandler())
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := m.Ready(r.Context()); err != nil {
			m.Log.Warn("not ready", "err", err)
			http.Error(w, "database unavailable\n", http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "ready\n")
	})
	mux.Handle("/metrics", http.NotFoundHandler()) // only on --metrics-addr, never on the public port
	mux.Handle("/", frontend.Handler())
	return m.Metrics.Middleware(RequestLog(m.Log, HostCheck(m.Config.PublicHosts, SecurityHeaders(m.Auth.Middleware(mux)))))
}
