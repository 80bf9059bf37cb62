// Command bare is the yardstick of make bench: a gqlgen server with the defaults `gqlgen init` generates (its
// transports, query cache, automatic persisted queries and introspection) and nothing else — no auth, logging,
// limits or caches — over 文明看板's schema, with no resolvers. It answers { __typename }, which touches no
// resolver, so that the bench can say what a cached answer costs against GraphQL itself.
//
//	go run ./bench/bare -addr 127.0.0.1:9999
package main

import (
	"flag"
	"log"
	"net/http"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/wenming/wenming/graph"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:9999", "listen address")
	flag.Parse()
	srv := handler.New(graph.NewExecutableSchema(graph.Config{}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	mux := http.NewServeMux()
	mux.Handle("/graphql", srv)
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ready\n")) })
	log.Fatal(http.ListenAndServe(*addr, mux))
}
