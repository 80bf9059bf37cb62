package httpapi_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/graph"
	"github.com/wenming/wenming/httpapi"
	"github.com/wenming/wenming/resolvers"
)

// TestEveryTypeDeclaresItsDomains fails when an object type of the schema is neither @private nor listed in the
// response cache's table of domains, so that whoever adds one says what its fields read. (Unlisted, it would read
// every domain: exact, but never kept across a write.)
func TestEveryTypeDeclaresItsDomains(t *testing.T) {
	schema := graph.NewExecutableSchema(graph.Config{Resolvers: resolvers.New(nil)}).Schema()
	for name, def := range schema.Types {
		if strings.HasPrefix(name, "__") || name == "Query" || name == "Mutation" || name == "Subscription" ||
			(def.Kind != ast.Object && def.Kind != ast.Interface && def.Kind != ast.Union) {
			continue
		}
		t.Run(name, func(t *testing.T) {
			if def.Directives.ForName("private") != nil {
				return
			}
			if _, ok := httpapi.TypeDomains(name); !ok {
				t.Errorf("type %s is not in httpapi's typeDomains: say which domains its fields read", name)
			}
		})
	}
}

// blockingStore holds HonorStats until release closes, counting the calls.
type blockingStore struct {
	db.Store
	calls   atomic.Int32
	units   atomic.Int32
	release chan struct{}
}

func (s *blockingStore) Units(ctx context.Context, f db.UnitCriteria, p db.Page) (*db.UnitPage, error) {
	s.units.Add(1)
	return s.Store.Units(ctx, f, p)
}

func (s *blockingStore) HonorStats(ctx context.Context, g []db.HonorDimension, f db.HonorCriteria) ([]*db.HonorBucket, error) {
	s.calls.Add(1)
	<-s.release
	return s.Store.HonorStats(ctx, g, f)
}

// TestResponseCacheByDomain checks that concurrent identical queries execute once, and that a write of one
// domain expires the answers that read it and keeps the others.
func TestResponseCacheByDomain(t *testing.T) {
	ts, store, _ := cachedServer(t)
	var versions atomic.Pointer[db.Versions]
	versions.Store(&db.Versions{})
	slow := &blockingStore{Store: store.Store, release: make(chan struct{})}
	srv := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: resolvers.New(slow)}))
	srv.AddTransport(transport.POST{})
	srv.Use(httpapi.NewResponseCache(64, func(context.Context) (db.Versions, error) { return *versions.Load(), nil }))
	admin := &db.Principal{UserID: 1, Username: "admin", Role: db.RoleAdmin, Via: "session"}
	ts.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		srv.ServeHTTP(w, r.WithContext(db.WithPrincipal(r.Context(), admin)))
	})
	const stats = `{ honorStats(groupBy: [YEAR]) { year count } }`
	t.Run("ConcurrentMissesExecuteOnce", func(t *testing.T) {
		var wg sync.WaitGroup
		answers := make([]string, 8)
		for i := range answers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				answers[i] = post(t, ts.URL, stats)
			}()
		}
		for slow.calls.Load() == 0 {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(30 * time.Millisecond) // the others arrive while the first executes
		close(slow.release)
		wg.Wait()
		if n := slow.calls.Load(); n != 1 {
			t.Fatalf("8 concurrent identical queries executed %d times, want 1", n)
		}
		for _, a := range answers[1:] {
			if a != answers[0] || !json.Valid([]byte(a)) {
				t.Fatalf("answers differ: %s vs %s", a, answers[0])
			}
		}
	})
	t.Run("OtherDomainKeepsTheAnswer", func(t *testing.T) {
		v := *versions.Load()
		v.Global++
		v.Of[db.DomainVolunteer] = v.Global
		versions.Store(&v)
		post(t, ts.URL, stats)
		if n := slow.calls.Load(); n != 1 {
			t.Fatalf("a volunteer write expired the honour counts: executed %d times, want 1", n)
		}
	})
	t.Run("OwnDomainExpiresTheAnswer", func(t *testing.T) {
		v := *versions.Load()
		v.Global++
		v.Of[db.DomainHonors] = v.Global
		versions.Store(&v)
		post(t, ts.URL, stats)
		if n := slow.calls.Load(); n != 2 {
			t.Fatalf("an honour write kept the honour counts: executed %d times, want 2", n)
		}
	})
	t.Run("NestedTypeAddsItsDomain", func(t *testing.T) {
		const units = `{ units(first: 3) { edges { node { id volunteerTotals { minutes } } } } }`
		before := post(t, ts.URL, units)
		v := *versions.Load()
		v.Global++
		v.Of[db.DomainVolunteer] = v.Global
		versions.Store(&v)
		// The answer is the same data, but it must be executed again: the selection reads volunteer totals.
		if after := post(t, ts.URL, units); after != before || slow.units.Load() != 2 {
			t.Fatalf("units executed %d times after a volunteer write, want 2 (answers %s vs %s)", slow.units.Load(), after, before)
		}
		v.Global++
		v.Of[db.DomainPlans] = v.Global
		versions.Store(&v)
		if post(t, ts.URL, units); slow.units.Load() != 2 {
			t.Fatalf("a write of targets expired the units: executed %d times, want 2", slow.units.Load())
		}
	})
}
