package apitest

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestGraphQLOverHTTP(t *testing.T) {
	m := MustRunMain(t)
	base := m.URL()

	t.Run("GET", func(t *testing.T) {
		res, r := getGQL(t, base, `query($m: ProgressMetric!) { dataset { hasDemo } progress(metric: $m) { year } }`, map[string]any{"m": "GOOD_PEOPLE"})
		if res.StatusCode != 200 || len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"hasDemo":true`) {
			t.Errorf("status %d, data %s, errors %+v", res.StatusCode, r.Data, r.Errors)
		}
		if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") && !strings.HasPrefix(ct, "application/graphql-response+json") {
			t.Errorf("Content-Type %q", ct)
		}
	})

	t.Run("POST", func(t *testing.T) {
		res := Do(t, http.MethodPost, base+"/graphql", strings.NewReader(`{"query":"{ dataset { hasDemo } }"}`), nil, "application/json")
		if b := body(t, res); res.StatusCode != 200 || !strings.Contains(b, `"hasDemo":true`) {
			t.Errorf("status %d, body %s", res.StatusCode, b)
		}
	})

	t.Run("OperationName", func(t *testing.T) {
		r := postGQL(t, base, map[string]any{"query": `query A { dataset { hasDemo } } query B { unitKinds { kind } }`, "operationName": "B"}, nil)
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), "unitKinds") || strings.Contains(string(r.Data), "dataset") {
			t.Errorf("data %s, errors %+v", r.Data, r.Errors)
		}
	})

	t.Run("MalformedJSON", func(t *testing.T) {
		res := Do(t, http.MethodPost, base+"/graphql", strings.NewReader(`{"query": "{ dataset { hasDemo } }"`), nil, "application/json")
		if b := body(t, res); res.StatusCode != http.StatusBadRequest {
			t.Errorf("status %d, want 400: %s", res.StatusCode, b)
		}
	})

	// A cross-site form can POST text/plain without a preflight; it must not run a query.
	t.Run("TextPlainIsNotExecuted", func(t *testing.T) {
		res := Do(t, http.MethodPost, base+"/graphql", strings.NewReader(`{"query":"{ dataset { hasDemo } }"}`), nil, "text/plain")
		if b := body(t, res); res.StatusCode < 400 || strings.Contains(b, "hasDemo") {
			t.Errorf("status %d, body %s", res.StatusCode, b)
		}
	})

	t.Run("UnknownField", func(t *testing.T) {
		_, errs := GQL(t, base, `{ dataset { hasDemo colour } }`, nil)
		WantCode(t, errs, "GRAPHQL_VALIDATION_FAILED")
	})

	t.Run("SyntaxError", func(t *testing.T) {
		_, errs := GQL(t, base, `{ dataset { hasDemo }`, nil)
		WantCode(t, errs, "GRAPHQL_PARSE_FAILED")
	})

	t.Run("IntrospectionOnByDefault", func(t *testing.T) {
		data, errs := GQL(t, base, `{ __schema { queryType { name } } }`, nil)
		if len(errs) > 0 || !strings.Contains(string(data), `"Query"`) {
			t.Errorf("data %s, errors %+v", data, errs)
		}
	})

	t.Run("AutomaticPersistedQuery", func(t *testing.T) {
		q := `{ unitKinds { kind count } }`
		sum := sha256.Sum256([]byte(q))
		ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}

		r := postGQL(t, base, map[string]any{"extensions": ext}, nil)
		if e := WantCode(t, r.Errors, "PERSISTED_QUERY_NOT_FOUND"); e.Message != "PersistedQueryNotFound" {
			t.Errorf("message %q, want PersistedQueryNotFound (Apollo clients match on it)", e.Message)
		}

		r = postGQL(t, base, map[string]any{"query": q, "extensions": ext}, nil)
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), "unitKinds") {
			t.Fatalf("registering: data %s, errors %+v", r.Data, r.Errors)
		}

		r = postGQL(t, base, map[string]any{"extensions": ext}, nil)
		if len(r.Errors) > 0 || !strings.Contains(string(r.Data), "unitKinds") {
			t.Errorf("hash only: data %s, errors %+v", r.Data, r.Errors)
		}

		// Apollo sends persisted queries by GET as well.
		res := Do(t, http.MethodGet, base+"/graphql?extensions="+url.QueryEscape(mustJSON(t, ext)), nil, nil, "")
		if got := body(t, res); res.StatusCode != 200 || !strings.Contains(got, "unitKinds") {
			t.Errorf("GET hash only: status %d, body %s", res.StatusCode, got)
		}

		bad := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": strings.Repeat("0", 64)}}
		if r := postGQL(t, base, map[string]any{"query": q, "extensions": bad}, nil); len(r.Errors) == 0 {
			t.Error("a query with a hash that does not match it was accepted")
		}
	})
}

func TestLimits(t *testing.T) {
	HTTPLayerOnly(t)
	t.Run("BodyTooLarge", func(t *testing.T) {
		m := MustRunMain(t, func(c *MainConfig) { c.MaxBodyBytes = 1024 })
		big := `{"query":"{ dataset { hasDemo } }","variables":{"pad":"` + strings.Repeat("x", 2048) + `"}}`

		t.Run("ContentLength", func(t *testing.T) {
			res := Do(t, http.MethodPost, m.URL()+"/graphql", strings.NewReader(big), nil, "application/json")
			r := decodeResponse(t, res)
			if res.StatusCode != http.StatusRequestEntityTooLarge {
				t.Errorf("status %d, want 413", res.StatusCode)
			}
			WantCode(t, r.Errors, "PAYLOAD_TOO_LARGE")
		})

		// Without a Content-Length (chunked), only http.MaxBytesReader sees the size; the answer must be the same.
		t.Run("Chunked", func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, m.URL()+"/graphql", io.MultiReader(strings.NewReader(big)))
			req.ContentLength = -1
			req.Header.Set("Content-Type", "application/json")
			res, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			r := decodeResponse(t, res)
			if res.StatusCode != http.StatusRequestEntityTooLarge {
				t.Errorf("status %d, want 413 (errors %+v)", res.StatusCode, r.Errors)
			}
			WantCode(t, r.Errors, "PAYLOAD_TOO_LARGE")
		})

		t.Run("SmallBodyPasses", func(t *testing.T) {
			if _, errs := GQL(t, m.URL(), `{ dataset { hasDemo } }`, nil); len(errs) > 0 {
				t.Errorf("errors %+v", errs)
			}
		})
	})

	t.Run("Depth", func(t *testing.T) {
		m := MustRunMain(t, func(c *MainConfig) { c.MaxDepth = 4 })
		for _, tc := range []struct {
			name, query string
			ok          bool
		}{
			{"AtLimit", `{ honors(first: 1) { edges { node { id } } } }`, true},
			{"TooDeep", `{ honors(first: 1) { edges { node { unit { id } } } } }`, false},
			{"TooDeepThroughFragment", `query { ...F } fragment F on Query { honors(first: 1) { edges { node { unit { id } } } } }`, false},
			{"TooDeepThroughInlineFragment", `{ honors(first: 1) { edges { node { ... on Honor { unit { id } } } } } }`, false},
		} {
			t.Run(tc.name, func(t *testing.T) {
				// A limit refuses the request before it runs: 400 under application/graphql-response+json (200 under
				// application/json, TestSpecStatus).
				res := Do(t, http.MethodPost, m.URL()+"/graphql", strings.NewReader(mustJSON(t, map[string]any{"query": tc.query})), graphQLResponse, "application/json")
				r := decodeResponse(t, res)
				if tc.ok {
					if len(r.Errors) > 0 {
						t.Errorf("errors %+v", r.Errors)
					}
					return
				}
				WantCode(t, r.Errors, "DEPTH_LIMIT_EXCEEDED")
				if res.StatusCode < 400 || res.StatusCode >= 500 {
					t.Errorf("status %d, want a 4xx", res.StatusCode)
				}
			})
		}
	})

	t.Run("Complexity", func(t *testing.T) {
		m := MustRunMain(t, func(c *MainConfig) { c.MaxComplexity = 200 })
		res := Do(t, http.MethodPost, m.URL()+"/graphql",
			strings.NewReader(mustJSON(t, map[string]any{"query": `{ honors(first: 100) { edges { node { unit { honors { id } } } } } }`})), graphQLResponse, "application/json")
		r := decodeResponse(t, res)
		WantCode(t, r.Errors, "COMPLEXITY_LIMIT_EXCEEDED")
		if res.StatusCode < 400 || res.StatusCode >= 500 {
			t.Errorf("status %d, want a 4xx", res.StatusCode)
		}
		if len(r.Data) > 0 && string(r.Data) != "null" {
			t.Errorf("a rejected query returned data %s", r.Data)
		}
		// The same shape with a small page costs little and passes.
		if _, errs := GQL(t, m.URL(), `{ honors(first: 2) { edges { node { unit { honors { id } } } } } }`, nil); len(errs) > 0 {
			t.Errorf("small page: %+v", errs)
		}
		// Every connection is priced by first, not only honors.
		for _, q := range []string{
			`{ units(first: 100) { edges { node { id name kind sector } } } }`,
			`{ people(first: 100) { edges { node { id name citation } } } }`,
			`{ volunteerRecords(first: 100) { edges { node { id date hours } } } }`,
		} {
			_, errs := GQL(t, m.URL(), q, nil)
			WantCode(t, errs, "COMPLEXITY_LIMIT_EXCEEDED")
		}
	})

	t.Run("Tokens", func(t *testing.T) {
		m := MustRunMain(t, func(c *MainConfig) { c.MaxTokens = 40 })
		var q strings.Builder
		q.WriteString("{")
		for i := 0; i < 20; i++ {
			q.WriteString(" a" + itoa(i) + ": dataset { hasDemo }")
		}
		q.WriteString(" }")
		_, errs := GQL(t, m.URL(), q.String(), nil)
		if len(errs) == 0 {
			t.Fatal("a query over the token limit was accepted")
		}
		WantCode(t, errs, "GRAPHQL_PARSE_FAILED")
		if _, errs := GQL(t, m.URL(), `{ dataset { hasDemo } }`, nil); len(errs) > 0 {
			t.Errorf("small query: %+v", errs)
		}
	})

	t.Run("IntrospectionOff", func(t *testing.T) {
		m := MustRunMain(t, func(c *MainConfig) { c.Introspection = false })
		for _, q := range []string{`{ __schema { queryType { name } } }`, `{ __type(name: "Query") { name } }`} {
			data, errs := GQL(t, m.URL(), q, nil)
			if len(errs) == 0 || strings.Contains(string(data), `"Query"`) {
				t.Errorf("%s: data %s, errors %+v", q, data, errs)
			}
		}
		if _, errs := GQL(t, m.URL(), `{ dataset { hasDemo } }`, nil); len(errs) > 0 {
			t.Errorf("ordinary query: %+v", errs)
		}
	})
}

func TestHTTPSurface(t *testing.T) {
	m := MustRunMain(t)
	base := m.URL()
	get := func(t *testing.T, path string, header http.Header) (*http.Response, string) {
		res := Do(t, http.MethodGet, base+path, nil, header, "")
		return res, body(t, res)
	}

	t.Run("Healthz", func(t *testing.T) {
		if res, b := get(t, "/healthz", nil); res.StatusCode != 200 || !strings.Contains(b, "ok") {
			t.Errorf("status %d, body %q", res.StatusCode, b)
		}
	})
	t.Run("Readyz", func(t *testing.T) {
		if res, b := get(t, "/readyz", nil); res.StatusCode != 200 || !strings.Contains(b, "ready") {
			t.Errorf("status %d, body %q", res.StatusCode, b)
		}
	})

	t.Run("SecurityHeaders", func(t *testing.T) {
		for _, path := range []string{"/", "/creation", "/healthz", "/assets/missing.js"} {
			t.Run(path, func(t *testing.T) {
				res, _ := get(t, path, nil)
				h := res.Header
				if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") {
					t.Errorf("Content-Security-Policy %q", csp)
				}
				if h.Get("X-Content-Type-Options") != "nosniff" {
					t.Errorf("X-Content-Type-Options %q", h.Get("X-Content-Type-Options"))
				}
				if h.Get("X-Frame-Options") != "DENY" || h.Get("Referrer-Policy") == "" {
					t.Errorf("X-Frame-Options %q, Referrer-Policy %q", h.Get("X-Frame-Options"), h.Get("Referrer-Policy"))
				}
			})
		}
		// The API's answers load nothing and may be framed by nobody, whichever way they are asked for.
		get, _ := get(t, "/graphql?query=%7Bdataset%7BhasDemo%7D%7D", nil)
		post := Do(t, http.MethodPost, base+"/graphql", strings.NewReader(`{"query":"{ dataset { hasDemo } }"}`), nil, "application/json")
		body(t, post)
		for name, res := range map[string]*http.Response{"GET": get, "POST": post} {
			h := res.Header
			if h.Get("Content-Security-Policy") != "default-src 'none'; frame-ancestors 'none'" || h.Get("X-Content-Type-Options") != "nosniff" ||
				h.Get("X-Frame-Options") != "DENY" {
				t.Errorf("%s /graphql: CSP %q, X-Content-Type-Options %q, X-Frame-Options %q", name, h.Get("Content-Security-Policy"),
					h.Get("X-Content-Type-Options"), h.Get("X-Frame-Options"))
			}
		}
	})

	t.Run("SPA", func(t *testing.T) {
		for _, path := range []string{"/", "/creation", "/rankings/2024"} {
			t.Run(path, func(t *testing.T) {
				res, b := get(t, path, nil)
				if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
					t.Errorf("status %d, Content-Type %q", res.StatusCode, res.Header.Get("Content-Type"))
				}
				if res.Header.Get("Cache-Control") != "no-cache" {
					t.Errorf("Cache-Control %q, want no-cache", res.Header.Get("Cache-Control"))
				}
				if !strings.Contains(strings.ToLower(b), "<html") {
					t.Errorf("body is not the dashboard page: %.200s", b)
				}
			})
		}
		for _, path := range []string{"/assets/missing.js", "/favicon-missing.png"} {
			t.Run(path, func(t *testing.T) {
				if res, _ := get(t, path, nil); res.StatusCode != http.StatusNotFound {
					t.Errorf("status %d, want 404", res.StatusCode)
				}
			})
		}
		t.Run("PostIsNotAllowed", func(t *testing.T) {
			res := Do(t, http.MethodPost, base+"/creation", strings.NewReader("x"), nil, "text/plain")
			body(t, res)
			if res.StatusCode != http.StatusMethodNotAllowed {
				t.Errorf("status %d, want 405", res.StatusCode)
			}
		})
	})

	t.Run("GraphiQL", func(t *testing.T) {
		res, b := get(t, "/graphiql", nil)
		if res.StatusCode != 200 || !strings.Contains(b, "graphiql") {
			t.Errorf("status %d", res.StatusCode)
		}
		// Embedded, not from a CDN: neither the page nor its policy names another origin.
		if strings.Contains(b, "https://") || strings.Contains(b, "http://") {
			t.Errorf("GraphiQL page loads from elsewhere: %.300s", b)
		}
		if csp := res.Header.Get("Content-Security-Policy"); strings.Contains(csp, "http") || strings.Contains(csp, "unsafe-eval") ||
			!strings.Contains(csp, "worker-src 'self'") || !strings.Contains(csp, "script-src 'self';") {
			t.Errorf("GraphiQL CSP %q", csp)
		}
	})

	t.Run("RequestID", func(t *testing.T) {
		res, _ := get(t, "/healthz", http.Header{"X-Request-Id": {"trace-abc-123"}})
		if got := res.Header.Get("X-Request-Id"); got != "trace-abc-123" {
			t.Errorf("X-Request-Id %q, want it echoed", got)
		}
		res, _ = get(t, "/healthz", nil)
		if got := res.Header.Get("X-Request-Id"); len(got) != 16 {
			t.Errorf("generated X-Request-Id %q", got)
		}
		res, _ = get(t, "/healthz", http.Header{"X-Request-Id": {strings.Repeat("a", 65)}})
		if got := res.Header.Get("X-Request-Id"); len(got) > 64 {
			t.Errorf("an over-long request ID was echoed")
		}
	})

	t.Run("NoCORSByDefault", func(t *testing.T) {
		res := preflight(t, base, "https://ok.example")
		if got := res.Header.Get("Access-Control-Allow-Origin"); got != "" {
			t.Errorf("Access-Control-Allow-Origin %q without configured origins", got)
		}
	})
}

func preflight(tb testing.TB, base, origin string) *http.Response {
	tb.Helper()
	res := Do(tb, http.MethodOptions, base+"/graphql", nil, http.Header{
		"Origin":                         {origin},
		"Access-Control-Request-Method":  {"POST"},
		"Access-Control-Request-Headers": {"content-type"},
	}, "")
	body(tb, res)
	return res
}

func TestCORS(t *testing.T) {
	HTTPLayerOnly(t)
	m := MustRunMain(t, func(c *MainConfig) { c.CORSOrigins = []string{"https://ok.example"} })
	base := m.URL()

	t.Run("PreflightAllowed", func(t *testing.T) {
		res := preflight(t, base, "https://ok.example")
		if got := res.Header.Get("Access-Control-Allow-Origin"); got != "https://ok.example" {
			t.Errorf("Access-Control-Allow-Origin %q", got)
		}
		if res.StatusCode >= 300 {
			t.Errorf("status %d", res.StatusCode)
		}
		if got := strings.ToUpper(res.Header.Get("Access-Control-Allow-Methods")); !strings.Contains(got, "POST") {
			t.Errorf("Access-Control-Allow-Methods %q", got)
		}
	})

	t.Run("PreflightRefused", func(t *testing.T) {
		res := preflight(t, base, "https://evil.example")
		if got := res.Header.Get("Access-Control-Allow-Origin"); got != "" {
			t.Errorf("Access-Control-Allow-Origin %q for a foreign origin", got)
		}
	})

	t.Run("SimpleRequest", func(t *testing.T) {
		// Twice each: the second answer comes from the fast path, which must carry the same CORS headers.
		for _, origin := range []string{"https://ok.example", "https://evil.example", "https://ok.example", "https://evil.example"} {
			want := map[string]string{"https://ok.example": "https://ok.example", "https://evil.example": ""}[origin]
			res := Do(t, http.MethodPost, base+"/graphql", strings.NewReader(`{"query":"{ dataset { hasDemo } }"}`), http.Header{"Origin": {origin}}, "application/json")
			body(t, res)
			if got := res.Header.Get("Access-Control-Allow-Origin"); got != want {
				t.Errorf("%s: Access-Control-Allow-Origin %q, want %q", origin, got, want)
			}
		}
	})
}

// introspectionQuery is the shape of graphql-js's getIntrospectionQuery(), which GraphiQL and codegen tools send,
// with typeDepth levels of ofType (graphql-js 16 uses 7; newer releases default to 9).
func introspectionQuery(typeDepth int) string {
	typeRef := "kind name"
	for i := 0; i < typeDepth; i++ {
		typeRef = "kind name ofType { " + typeRef + " }"
	}
	return `query IntrospectionQuery {
		__schema {
			queryType { name } mutationType { name } subscriptionType { name }
			types { ...FullType }
			directives { name description locations args { ...InputValue } }
		}
	}
	fragment FullType on __Type {
		kind name description
		fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
		inputFields { ...InputValue }
		interfaces { ...TypeRef }
		enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
		possibleTypes { ...TypeRef }
	}
	fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
	fragment TypeRef on __Type { ` + typeRef + ` }`
}

// GraphiQL is on by default, so the default limits must let its schema introspection through.
func TestIntrospectionWithinDefaultLimits(t *testing.T) {
	HTTPLayerOnly(t)
	m := MustRunMain(t)
	for _, depth := range []int{7, 9} {
		t.Run("TypeDepth"+itoa(depth), func(t *testing.T) {
			data, errs := GQL(t, m.URL(), introspectionQuery(depth), nil)
			if len(errs) > 0 {
				t.Fatalf("errors %+v", errs)
			}
			if !strings.Contains(string(data), `"queryType":{"name":"Query"}`) {
				t.Errorf("no schema in %.200s", data)
			}
		})
	}
}

// body reads and closes a response body.
func body(tb testing.TB, res *http.Response) string {
	tb.Helper()
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
