// Command bare is the yardstick of make bench: a gqlgen server with the defaults `gqlgen init` generates (its
// transports, query cache, automatic persisted queries and introspection) and nothing else — no auth, logging,
// limits or caches — over 文明看板's schema, with no resolvers. It answers { __typename }, which touches no
// resolver, so that the bench can say what a cached answer costs against GraphQL itself.
//
// With -answer (and -answer-gz), /answer is the byte floor: a bare net/http handler that writes those bytes (the
// gzip ones when the client accepts gzip) whatever it is sent, the least any Go server can do for that answer.
// With -headers it also sends the headers the served answer carries (its security headers, Vary, Cache-Control,
// X-Request-Id, as `curl -D` printed them), to tell what those headers cost from what the server's code costs.
//
//	go run ./bench/bare -addr 127.0.0.1:9999 [-answer plain.json -answer-gz plain.json.gz -content-type T -headers H]
package main

import (
	"flag"
	"log"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/wenming/wenming/graph"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:9999", "listen address")
	answer := flag.String("answer", "", "a file whose bytes /answer writes")
	answerGz := flag.String("answer-gz", "", "the same answer's gzip bytes, written when the client accepts gzip")
	contentType := flag.String("content-type", "application/json", "the Content-Type /answer sends")
	headers := flag.String("headers", "", "a file of \"Name: value\" lines that /answer also sends (the served answer's own headers)")
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
	if *answer != "" {
		mux.Handle("/answer", bytesHandler(*answer, *answerGz, *contentType, *headers))
	}
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ready\n")) })
	log.Fatal(http.ListenAndServe(*addr, mux))
}

// bytesHandler writes the plain file's bytes, or the gzip file's when the request accepts gzip, with a
// Content-Length and nothing else it can do without, or else the headers the file headersFile lists too.
func bytesHandler(plainFile, gzFile, contentType, headersFile string) http.Handler {
	plain, err := os.ReadFile(plainFile)
	if err != nil {
		log.Fatal(err)
	}
	var gz []byte
	if gzFile != "" {
		if gz, err = os.ReadFile(gzFile); err != nil {
			log.Fatal(err)
		}
	}
	var extra [][2]string
	if headersFile != "" {
		b, err := os.ReadFile(headersFile)
		if err != nil {
			log.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if name, value, ok := strings.Cut(strings.TrimSpace(line), ": "); ok {
				extra = append(extra, [2]string{http.CanonicalHeaderKey(name), value})
			}
		}
	}
	plainLen, gzLen := strconv.Itoa(len(plain)), strconv.Itoa(len(gz))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for _, kv := range extra {
			h[kv[0]] = []string{kv[1]}
		}
		h["Content-Type"] = []string{contentType}
		if gz != nil && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			h["Content-Encoding"] = []string{"gzip"}
			h["Content-Length"] = []string{gzLen}
			w.Write(gz)
			return
		}
		h["Content-Length"] = []string{plainLen}
		w.Write(plain)
	})
}
