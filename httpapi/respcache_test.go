package httpapi_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/db/seed"
	"github.com/wenming/wenming/graph"
	"github.com/wenming/wenming/httpapi"
	"github.com/wenming/wenming/resolvers"
)

// countingStore counts the store calls behind two queries: one public, one that lists accounts.
type countingStore struct {
	db.Store
	honorStats, users atomic.Int32
}

func (s *countingStore) HonorStats(ctx context.Context, g []db.HonorDimension, f db.HonorCriteria) ([]*db.HonorBucket, error) {
	s.honorStats.Add(1)
	return s.Store.HonorStats(ctx, g, f)
}

func (s *countingStore) Users(ctx context.Context) ([]*db.User, error) {
	s.users.Add(1)
	return s.Store.Users(ctx)
}

// cachedServer serves the real schema over a seeded SQLite file, with the response cache keyed on *version.
func cachedServer(t *testing.T) (*httptest.Server, *countingStore, *atomic.Int64) {
	t.Helper()
	ctx := context.Background()
	d, err := dial.Open(ctx, filepath.Join(t.TempDir(), "wenming.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	ds, err := seed.Real()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Load(ctx, ds); err != nil {
		t.Fatal(err)
	}
	store := &countingStore{Store: d}
	version := &atomic.Int64{}
	srv := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: resolvers.New(store)}))
	srv.AddTransport(transport.POST{})
	srv.Use(httpapi.NewResponseCache(64, func(context.Context) (db.Versions, error) {
		v := db.Versions{Global: version.Load()}
		for i := range v.Of {
			v.Of[i] = v.Global
		}
		return v, nil
	}))
	admin := &db.Principal{UserID: 1, Username: "admin", Role: db.RoleAdmin, Via: "session"}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		srv.ServeHTTP(w, r.WithContext(db.WithPrincipal(r.Context(), admin)))
	}))
	t.Cleanup(ts.Close)
	return ts, store, version
}

func post(t *testing.T, url, query string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	res, err := http.Post(url, "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out struct {
		Data   json.RawMessage
		Errors []any
	}
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if len(out.Errors) > 0 {
		t.Fatalf("%s: %v", query, out.Errors)
	}
	return string(out.Data)
}

func TestResponseCache(t *testing.T) {
	ts, store, version := cachedServer(t)
	const stats = `{ honorStats(groupBy: [YEAR]) { year count } }`

	t.Run("RepeatIsServedFromTheCache", func(t *testing.T) {
		first := post(t, ts.URL, stats)
		again := post(t, ts.URL, stats)
		if again != first {
			t.Fatalf("cached answer differs: %s vs %s", again, first)
		}
		if n := store.honorStats.Load(); n != 1 {
			t.Fatalf("store asked %d times for a repeated query, want 1", n)
		}
	})
	t.Run("NewVersionMissesTheCache", func(t *testing.T) {
		version.Add(1)
		post(t, ts.URL, stats)
		if n := store.honorStats.Load(); n != 2 {
			t.Fatalf("store asked %d times after the version changed, want 2", n)
		}
	})
	t.Run("PrivateFieldIsNeverCached", func(t *testing.T) {
		post(t, ts.URL, `{ users { username } }`)
		post(t, ts.URL, `{ users { username } }`)
		if n := store.users.Load(); n != 2 {
			t.Fatalf("store asked %d times for users, want 2 (never cached)", n)
		}
	})
	t.Run("PrivateTypeReachedThroughAFragmentIsNeverCached", func(t *testing.T) {
		before := store.users.Load()
		q := `query { ...F } fragment F on Query { users { ...U } } fragment U on User { username }`
		post(t, ts.URL, q)
		post(t, ts.URL, q)
		if n := store.users.Load() - before; n != 2 {
			t.Fatalf("store asked %d times, want 2", n)
		}
	})
}

// TestEveryQueryFieldDeclaresItsCacheScope fails when a new query field is neither marked @private in the schema
// nor listed here as public, so that whoever adds one decides whether its answer may be shared between callers.
func TestEveryQueryFieldDeclaresItsCacheScope(t *testing.T) {
	public := map[string]bool{
		"node": true, "sourceDocuments": true, "publishedFigures": true, "reconciliation": true, "overview": true, "headline": true,
		"progress": true, "honors": true, "honorStats": true, "volunteerStats": true, "volunteerRecords": true,
		"rankings": true, "rankingWeights": true, "honorCategories": true, "units": true, "unit": true, "unitKinds": true,
		"people": true, "campaigns": true, "volunteerProjects": true, "federation": true, "practiceCenters": true,
		"practiceSummary": true, "practiceActivityStats": true, "workStats": true, "assessmentIndicators": true,
		"assessmentStageStats": true, "milestones": true, "targets": true, "dataset": true, "practiceActivities": true,
		"assessments": true, "practiceActions": true, "pairingContentCounts": true, "wishes": true, "wishFunnel": true,
		"caseCompilations": true, "excellentCases": true, "talentMembers": true, "talentPool": true, "civilisationEvents": true,
		"summary": true, "works": true,
	}
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()
	for _, f := range schema.Query.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		t.Run(f.Name, func(t *testing.T) {
			private := f.Directives.ForName("private") != nil
			if private == public[f.Name] {
				t.Fatalf("query field %s: @private = %v and listed public = %v; mark it @private in the schema or list it as public", f.Name, private, public[f.Name])
			}
		})
	}
}
