package resolvers_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/db/seed"
	"github.com/wenming/wenming/graph"
	"github.com/wenming/wenming/httpapi"
	"github.com/wenming/wenming/resolvers"
)

// newClient serves the real schema and resolvers over a backend loaded with the demo dataset, as the principal.
func newClient(t *testing.T, b db.Backend, p *db.Principal) *client.Client {
	t.Helper()
	srv := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: resolvers.New(b)}))
	srv.AddTransport(transport.POST{})
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv.SetErrorPresenter(httpapi.ErrorPresenter(log))
	srv.SetRecoverFunc(httpapi.RecoverFunc(log))
	return client.New(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		srv.ServeHTTP(w, r.WithContext(db.WithPrincipal(r.Context(), p)))
	}))
}

func demoBackend(t *testing.T) db.Backend {
	t.Helper()
	b, err := dial.Open(context.Background(), filepath.Join(t.TempDir(), "wenming.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	ds, err := seed.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Load(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	return b
}

var (
	viewer = &db.Principal{UserID: 2, Username: "viewer", Role: db.RoleViewer, Via: "session"}
	editor = &db.Principal{UserID: 3, Username: "editor", Role: db.RoleEditor, Via: "session"}
)

func TestResolvers(t *testing.T) {
	b := demoBackend(t)
	c := newClient(t, b, viewer)

	t.Run("PublishedFiguresKeepQualifierAndSource", func(t *testing.T) {
		var resp struct {
			PublishedFigures []struct {
				Key, Qualifier string
				Value          float64
				Source         struct{ Title string }
			}
		}
		c.MustPost(`{ publishedFigures { key value qualifier source { title } } }`, &resp)
		if len(resp.PublishedFigures) < 40 {
			t.Fatalf("%d figures", len(resp.PublishedFigures))
		}
		var both bool
		for _, f := range resp.PublishedFigures {
			if f.Source.Title == "" {
				t.Errorf("figure %s has no source", f.Key)
			}
			both = both || (f.Qualifier == "APPROXIMATE_AT_LEAST" && f.Value == 1640000)
		}
		if !both {
			t.Error("「约164万余元」 is not stored as approximately-and-at-least 1,640,000")
		}
	})

	t.Run("HonorsPagedToTheEnd", func(t *testing.T) {
		type page struct {
			Honors struct {
				TotalCount int
				PageInfo   struct {
					HasNextPage bool
					EndCursor   *string
				}
				Edges []struct{ Node struct{ ID string } }
			}
		}
		seen := map[string]bool{}
		var after *string
		total := -1
		for i := 0; i < 100; i++ {
			var p page
			c.MustPost(`query($after: String) { honors(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
				&p, client.Var("after", after))
			total = p.Honors.TotalCount
			for _, e := range p.Honors.Edges {
				if seen[e.Node.ID] {
					t.Fatalf("honour %s on two pages", e.Node.ID)
				}
				seen[e.Node.ID] = true
			}
			if !p.Honors.PageInfo.HasNextPage {
				break
			}
			after = p.Honors.PageInfo.EndCursor
		}
		if len(seen) != total || total == 0 {
			t.Fatalf("walked %d honours, totalCount %d", len(seen), total)
		}
	})

	t.Run("NodeByGlobalID", func(t *testing.T) {
		var units struct {
			Units struct {
				Edges []struct{ Node struct{ ID, Name string } }
			}
		}
		c.MustPost(`{ units(first: 1) { edges { node { id name } } } }`, &units)
		u := units.Units.Edges[0].Node
		var node struct{ Node struct{ Name string } }
		c.MustPost(`query($id: ID!) { node(id: $id) { ... on Unit { name } } }`, &node, client.Var("id", u.ID))
		if node.Node.Name != u.Name {
			t.Fatalf("node(%s) = %q, want %q", u.ID, node.Node.Name, u.Name)
		}
	})

	t.Run("ErrWriteAsViewer", func(t *testing.T) {
		var resp struct{ CreateUnit struct{ ID string } }
		err := c.Post(`mutation { createUnit(input: {name: "查看者厅（演示）", kind: "机关"}) { id } }`, &resp)
		if err == nil || !strings.Contains(err.Error(), "FORBIDDEN") {
			t.Fatalf("viewer write: %v, want FORBIDDEN", err)
		}
	})

	t.Run("WriteAsEditorBumpsTheVersion", func(t *testing.T) {
		before, _ := b.DataVersion(context.Background())
		var resp struct {
			CreateUnit struct {
				Name string
				Demo bool
			}
		}
		newClient(t, b, editor).MustPost(`mutation { createUnit(input: {name: "编辑厅（演示）", kind: "机关"}) { name demo } }`, &resp)
		after, _ := b.DataVersion(context.Background())
		if resp.CreateUnit.Name != "编辑厅（演示）" || after != before+1 {
			t.Fatalf("created %+v, version %d → %d", resp.CreateUnit, before, after)
		}
	})
}
