package apitest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// graphQLResponse asks for the spec's own media type, as the dashboard does.
var graphQLResponse = http.Header{"Accept": {"application/graphql-response+json"}}

// rawResponse is a GraphQL answer decoded loosely enough to see which top-level entries it has.
type rawResponse struct {
	status  int
	header  http.Header
	entries map[string]json.RawMessage
	errors  []GQLError
}

// sendGET sends a query string to /graphql with GET.
func sendGET(t *testing.T, base, accept string, params url.Values, header http.Header) rawResponse {
	t.Helper()
	h := header.Clone()
	if h == nil {
		h = http.Header{}
	}
	if accept != "" {
		h.Set("Accept", accept)
	}
	return readRaw(t, Do(t, http.MethodGet, base+"/graphql?"+params.Encode(), nil, h, ""))
}

func readRaw(t *testing.T, res *http.Response) rawResponse {
	t.Helper()
	b := body(t, res)
	out := rawResponse{status: res.StatusCode, header: res.Header}
	if err := json.Unmarshal([]byte(b), &out.entries); err != nil {
		t.Fatalf("status %d, body is not a JSON object: %v\n%s", res.StatusCode, err, b)
	}
	if e, ok := out.entries["errors"]; ok {
		if err := json.Unmarshal(e, &out.errors); err != nil {
			t.Fatalf("errors: %v", err)
		}
	}
	return out
}

// TestSpecStatus checks the GraphQL-over-HTTP status rules through the real handler: a request error has no data
// entry and answers 200 under application/json (also when Accept is absent) and 400 under
// application/graphql-response+json; unreadable parameters answer 400 under both; a mutation sent with GET answers
// 405 with Allow: POST and is not run.
func TestSpecStatus(t *testing.T) {
	m := MustRunMain(t)
	base := m.URL()
	media := []struct {
		name, accept, contentType string
		requestErrorStatus        int
	}{
		{"NoAccept", "", "application/json", http.StatusOK},
		{"JSON", "application/json", "application/json", http.StatusOK},
		{"GraphQLResponse", "application/graphql-response+json", "application/graphql-response+json", http.StatusBadRequest},
		{"Both", "application/graphql-response+json, application/json;q=0.9", "application/graphql-response+json", http.StatusBadRequest},
		{"JSONPreferred", "application/graphql-response+json;q=0.5, application/json", "application/json", http.StatusOK},
		{"Wildcard", "*/*", "application/json", http.StatusOK},
		{"NeitherNamed", "text/html", "application/graphql-response+json", http.StatusBadRequest},
	}
	requestErrors := []struct{ name, body, code string }{
		{"ParseFailure", `{"query":"{"}`, "GRAPHQL_PARSE_FAILED"},
		{"ValidationFailure", `{"query":"{ noSuchField }"}`, "GRAPHQL_VALIDATION_FAILED"},
		{"CoercionFailure", `{"query":"query Q($id: ID!) { __typename }","variables":{"id":null}}`, "GRAPHQL_VALIDATION_FAILED"},
		{"ComplexityLimit", `{"query":"{ honors(first: 1) { edges { node { unit { honors { unit { honors { unit { honors { unit { honors { unit { id } } } } } } } } } } } } }"}`, "COMPLEXITY_LIMIT_EXCEEDED"},
		{"FieldLimit", mustJSON(t, map[string]any{"query": aliases("f", 1001)}), "FIELD_LIMIT_EXCEEDED"},
	}
	for _, md := range media {
		t.Run(md.name, func(t *testing.T) {
			for _, tc := range requestErrors {
				t.Run(tc.name, func(t *testing.T) {
					r := send(t, base, md.accept, tc.body, nil)
					if r.status != md.requestErrorStatus {
						t.Errorf("status %d, want %d", r.status, md.requestErrorStatus)
					}
					if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, md.contentType) || !strings.Contains(ct, "utf-8") {
						t.Errorf("Content-Type %q, want %s; charset=utf-8", ct, md.contentType)
					}
					if _, ok := r.entries["data"]; ok {
						t.Errorf("a request error carries a data entry: %s", r.entries["data"])
					}
					WantCode(t, r.errors, tc.code)
				})
			}
			t.Run("Success", func(t *testing.T) {
				r := send(t, base, md.accept, `{"query":"{ dataset { hasDemo } }"}`, nil)
				if r.status != http.StatusOK || len(r.errors) > 0 || !strings.Contains(string(r.entries["data"]), `"hasDemo":true`) {
					t.Errorf("status %d, entries %s", r.status, mustJSON(t, r.entries))
				}
			})
			for _, tc := range []struct{ name, body string }{
				{"NotJSON", `{ "not a JSON`},
				{"TrailingData", `{"query":"{ __typename }"} {}`},
				{"NoQuery", `{"qeury":"{ __typename }"}`},
				{"QueryNotString", `{"query":{"obj":"ect"}}`},
				{"VariablesNotMap", `{"query":"{ __typename }","variables":"string"}`},
				{"ExtensionsNotMap", `{"query":"{ __typename }","extensions":0}`},
				{"EmptyBody", ``},
			} {
				t.Run(tc.name, func(t *testing.T) {
					r := send(t, base, md.accept, tc.body, nil)
					if r.status != http.StatusBadRequest {
						t.Errorf("status %d, want 400", r.status)
					}
					WantCode(t, r.errors, "BAD_REQUEST")
				})
			}
			t.Run("GETQuery", func(t *testing.T) {
				r := sendGET(t, base, md.accept, url.Values{"query": {"{ dataset { hasDemo } }"}}, nil)
				if r.status != http.StatusOK || len(r.errors) > 0 {
					t.Errorf("status %d, errors %+v", r.status, r.errors)
				}
			})
			t.Run("GETRequestError", func(t *testing.T) {
				r := sendGET(t, base, md.accept, url.Values{"query": {"{ noSuchField }"}}, nil)
				if _, ok := r.entries["data"]; r.status != md.requestErrorStatus || ok {
					t.Errorf("status %d (want %d), entries %s", r.status, md.requestErrorStatus, mustJSON(t, r.entries))
				}
			})
			for _, tc := range []struct{ name, query, op string }{
				{"GETMutation", `mutation { __typename }`, ""},
				{"GETInvalidMutation", `mutation { noSuchMutation }`, ""},
				{"GETMutationByName", `query Q { __typename } mutation M { __typename }`, "M"},
			} {
				t.Run(tc.name, func(t *testing.T) {
					p := url.Values{"query": {tc.query}}
					if tc.op != "" {
						p.Set("operationName", tc.op)
					}
					r := sendGET(t, base, md.accept, p, nil)
					if r.status != http.StatusMethodNotAllowed || r.header.Get("Allow") != "POST" {
						t.Errorf("status %d, Allow %q; want 405 and POST", r.status, r.header.Get("Allow"))
					}
					WantCode(t, r.errors, "METHOD_NOT_ALLOWED")
				})
			}
		})
	}

	// The same document with the query named runs over GET: 405 is for the mutation, not the document.
	r := sendGET(t, base, "", url.Values{"query": {`query Q { __typename } mutation M { __typename }`}, "operationName": {"Q"}}, nil)
	if r.status != http.StatusOK || len(r.errors) > 0 {
		t.Errorf("query Q over GET: status %d, errors %+v", r.status, r.errors)
	}
}

// TestGETMutationNotRun signs in as an admin and sends a real mutation with GET and the session cookie (a link or
// an <img> would): it answers 405 and creates nothing.
func TestGETMutationNotRun(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	r := sendGET(t, base, "", url.Values{"query": {`mutation { createUser(username: "linked", password: "password-123", role: ADMIN) { id } }`}}, admin)
	if r.status != http.StatusMethodNotAllowed || r.header.Get("Allow") != "POST" {
		t.Errorf("status %d, Allow %q", r.status, r.header.Get("Allow"))
	}
	users := As(t, base, admin, `{ users { username } }`, nil)
	if len(users.Errors) > 0 || strings.Contains(string(users.Data), "linked") {
		t.Errorf("users %s %+v", users.Data, users.Errors)
	}
}

// aliases is a query selecting __typename n times under distinct aliases.
func aliases(prefix string, n int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, " %s%d: __typename", prefix, i)
	}
	b.WriteString(" }")
	return b.String()
}

// TestFieldLimit is finding 3: duplicated fields cost the validator quadratic time, so oversized selection sets are
// refused before validation, in milliseconds, with FIELD_LIMIT_EXCEEDED.
func TestFieldLimit(t *testing.T) {
	HTTPLayerOnly(t)
	m := MustRunMain(t)
	base := m.URL()
	reject := func(t *testing.T, query string) time.Duration {
		t.Helper()
		start := time.Now()
		r := send(t, base, "", mustJSON(t, map[string]any{"query": query}), nil)
		took := time.Since(start)
		WantCode(t, r.errors, "FIELD_LIMIT_EXCEEDED")
		if !HasCJK(r.errors[0].Message) {
			t.Errorf("message %q is not Chinese first", r.errors[0].Message)
		}
		return took
	}
	accept := func(t *testing.T, query string) {
		t.Helper()
		if _, errs := GQL(t, base, query, nil); len(errs) > 0 {
			t.Errorf("errors %+v", errs)
		}
	}
	t.Run("Typename9990", func(t *testing.T) {
		took := reject(t, "{"+strings.Repeat(" __typename", 9990)+" }")
		t.Logf("{ __typename ×9990 } (%d KB) rejected in %v", len(strings.Repeat(" __typename", 9990))/1024, took)
		// Validating it took 3.6–4.6 s before the limit; a second leaves room for a loaded machine.
		if took > time.Second {
			t.Errorf("rejected after %v", took)
		}
	})
	t.Run("Duplicates5000", func(t *testing.T) {
		t.Logf("5,000 duplicates rejected in %v", reject(t, "{"+strings.Repeat(" __typename", 5000)+" }"))
	})
	t.Run("VaryingAliases", func(t *testing.T) {
		// Each request differs in one alias, so the query cache never helps: each is still counted and refused.
		for i := range 3 {
			took := reject(t, aliases(fmt.Sprintf("v%d_", i), 1001))
			t.Logf("1,001 aliases (variant %d) rejected in %v", i, took)
		}
	})
	t.Run("ExpandedFragments", func(t *testing.T) {
		// 11 spreads of a 100-field fragment: 1,111 selections once expanded, although the text names 100 fields.
		q := "{" + strings.Repeat(" ...F", 11) + " } fragment F on Query " + aliases("a", 100)
		reject(t, q)
		accept(t, "{"+strings.Repeat(" ...F", 2)+" } fragment F on Query "+aliases("a", 100))
	})
	t.Run("UnusedFragment", func(t *testing.T) {
		// The validator checks every fragment of the document, used or not.
		reject(t, "{ __typename } fragment F on Query {"+strings.Repeat(" __typename", 2000)+" }")
	})
	t.Run("ManyFragments", func(t *testing.T) {
		// 490 one-field fragments with distinct aliases stay under 1,000 selections, but the validator compares
		// every pair of fragments spread together (320 ms): a document may define at most 100.
		var b strings.Builder
		b.WriteString("{")
		for i := range 490 {
			fmt.Fprintf(&b, " ...F%d", i)
		}
		b.WriteString(" }")
		for i := range 490 {
			fmt.Fprintf(&b, " fragment F%d on Query { a%d: __typename }", i, i)
		}
		t.Logf("490 fragments rejected in %v", reject(t, b.String()))
	})
	t.Run("Repeats", func(t *testing.T) {
		accept(t, "{"+strings.Repeat(" __typename", 50)+" }")
		reject(t, "{"+strings.Repeat(" __typename", 51)+" }")
		// Repeats count once fields are merged: 30 × dataset is allowed, but their 60 hasDemo merge into one set.
		accept(t, "{"+strings.Repeat(" dataset { hasDemo }", 30)+" }")
		reject(t, "{"+strings.Repeat(" dataset { hasDemo hasDemo }", 30)+" }")
	})
	t.Run("Configurable", func(t *testing.T) {
		small := MustRunMain(t, func(c *MainConfig) { c.MaxFields = 20 })
		if _, errs := GQL(t, small.URL(), aliases("a", 20), nil); len(errs) > 0 {
			t.Errorf("20 fields: %+v", errs)
		}
		_, errs := GQL(t, small.URL(), aliases("a", 21), nil)
		WantCode(t, errs, "FIELD_LIMIT_EXCEEDED")
	})
	t.Run("Introspection", func(t *testing.T) {
		accept(t, introspectionQuery(7))
	})
}

// TestWrongCodes is finding 6: importRecords sent as JSON and introspection on a server without it answered
// INTERNAL_SERVER_ERROR; "Did you mean …?" named schema fields with introspection off.
func TestWrongCodes(t *testing.T) {
	const importJSON = `mutation($f: Upload!) { importRecords(file: $f, kind: UNITS, dryRun: true) { rows } }`
	t.Run("ImportAsJSON", func(t *testing.T) {
		m := SignedOut(t)
		base := m.URL()
		admin, _ := Login(t, base, "admin", AdminPassword)
		for _, u := range []struct{ name, role string }{{"ed1", "EDITOR"}, {"view1", "VIEWER"}} {
			r := As(t, base, admin, `mutation($u: String!, $r: Role!) { createUser(username: $u, password: "password-123", role: $r) { id } }`,
				map[string]any{"u": u.name, "r": u.role})
			if len(r.Errors) > 0 {
				t.Fatalf("createUser: %+v", r.Errors)
			}
		}
		editor, _ := Login(t, base, "ed1", "password-123")
		viewer, _ := Login(t, base, "view1", "password-123")
		for _, tc := range []struct {
			name   string
			header http.Header
			code   string
		}{
			{"Viewer", viewer, "FORBIDDEN"},
			{"Editor", editor, "BAD_USER_INPUT"},
			{"Admin", admin, "BAD_USER_INPUT"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				for _, vars := range []map[string]any{{"f": "abc"}, {"f": map[string]any{"a": 1}}, {"f": 1}} {
					e := WantCode(t, As(t, base, tc.header, importJSON, vars).Errors, tc.code)
					if tc.code == "BAD_USER_INPUT" && (e.Extensions["field"] != "file" || !HasCJK(e.Message)) {
						t.Errorf("error %+v", e)
					}
				}
				r := As(t, base, tc.header, `mutation { importRecords(file: "x", kind: UNITS) { rows } }`, nil)
				WantCode(t, r.Errors, tc.code)
			})
		}
		t.Run("ForbiddenStatus", func(t *testing.T) {
			h := viewer.Clone()
			h.Set("Accept", "application/graphql-response+json")
			if r := send(t, base, "", mustJSON(t, map[string]any{"query": importJSON, "variables": map[string]any{"f": "abc"}}), h); r.status != http.StatusForbidden {
				t.Errorf("status %d, want 403", r.status)
			}
		})
	})
	t.Run("ImportAsJSONAnonymous", func(t *testing.T) {
		m := MustRunMain(t)
		_, errs := GQL(t, m.URL(), importJSON, map[string]any{"f": "abc"})
		WantCode(t, errs, "UNAUTHENTICATED")
	})

	// suggestive are misspellings that the validator answers with a hint naming the real field, argument or value.
	suggestive := []struct{ query, secret string }{
		{`{ datase { hasDemo } }`, `"dataset"`},
		{`{ dataset { hasDem } }`, `"hasDemo"`},
		{`{ honors(filtr: {}) { totalCount } }`, `"filter"`},
		{`{ progress(metric: GOOD_PEOPL) { year } }`, `"GOOD_PEOPLE"`},
		{`{ dataset }`, `dataset {`},
	}
	t.Run("IntrospectionOff", func(t *testing.T) {
		m := MustRunMain(t, func(c *MainConfig) { c.Introspection = false })
		for _, q := range []string{
			`{ __schema { queryType { name } } }`,
			`{ __type(name: "Query") { name } }`,
			`query { ...F } fragment F on Query { __schema { types { name } } }`,
			`{ ... on Query { __type(name: "Unit") { fields { name } } } }`,
		} {
			r := send(t, m.URL(), "application/graphql-response+json", mustJSON(t, map[string]any{"query": q}), nil)
			if e := WantCode(t, r.errors, "INTROSPECTION_DISABLED"); !HasCJK(e.Message) {
				t.Errorf("%s: message %q", q, e.Message)
			}
			if _, ok := r.entries["data"]; ok || r.status != http.StatusBadRequest {
				t.Errorf("%s: status %d, entries %s", q, r.status, mustJSON(t, r.entries))
			}
		}
		if _, errs := GQL(t, m.URL(), `{ __typename dataset { hasDemo } }`, nil); len(errs) > 0 {
			t.Errorf("__typename and ordinary fields: %+v", errs)
		}
		for _, s := range suggestive {
			_, errs := GQL(t, m.URL(), s.query, nil)
			e := WantCode(t, errs, "GRAPHQL_VALIDATION_FAILED")
			if strings.Contains(e.Message, "Did you mean") || strings.Contains(e.Message, s.secret) {
				t.Errorf("%s: message %q reveals the schema", s.query, e.Message)
			}
			// Nor may the message's other languages (messageEn, messageZh).
			for k, v := range e.Extensions {
				if text, ok := v.(string); ok && (strings.Contains(text, s.secret) || strings.Contains(text, "是否想用")) {
					t.Errorf("%s: extensions.%s %q reveals the schema", s.query, k, text)
				}
			}
		}
	})
	t.Run("IntrospectionOnSuggests", func(t *testing.T) {
		// The hints stay where the schema is public anyway; this also shows the cases above do provoke them.
		m := SharedMain(t)
		for _, s := range suggestive {
			_, errs := GQL(t, m.URL(), s.query, nil)
			if e := WantCode(t, errs, "GRAPHQL_VALIDATION_FAILED"); !strings.Contains(e.Message, s.secret) {
				t.Errorf("%s: message %q has no hint", s.query, e.Message)
			}
		}
	})
}

// TestNoStore checks that no /graphql answer may be stored by a cache: answers are scoped by the caller's role,
// and a GET may have been let through by a session cookie alone.
func TestNoStore(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	for _, tc := range []struct {
		name string
		res  func() *http.Response
	}{
		{"GETQuery", func() *http.Response {
			return Do(t, http.MethodGet, base+"/graphql?query="+url.QueryEscape("{ dataset { hasDemo } }"), nil, admin, "")
		}},
		{"GETPrivateQuery", func() *http.Response {
			return Do(t, http.MethodGet, base+"/graphql?query="+url.QueryEscape("{ viewer { role } }"), nil, admin, "")
		}},
		{"POSTQuery", func() *http.Response {
			return Do(t, http.MethodPost, base+"/graphql", strings.NewReader(`{"query":"{ viewer { role } }"}`), admin, "application/json")
		}},
		{"POSTMutation", func() *http.Response {
			return Do(t, http.MethodPost, base+"/graphql", strings.NewReader(`{"query":"mutation { createApiToken(name: \"n\", scope: READ, expiresInDays: 1) { secret } }"}`), admin, "application/json")
		}},
		{"RequestError", func() *http.Response {
			return Do(t, http.MethodPost, base+"/graphql", strings.NewReader(`{"query":"{"}`), admin, "application/json")
		}},
		{"SignedOut", func() *http.Response {
			return Do(t, http.MethodPost, base+"/graphql", strings.NewReader(`{"query":"{ dataset { hasDemo } }"}`), nil, "application/json")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := tc.res()
			b := body(t, res)
			// A GET query whose answer holds nothing per person may be revalidated by its ETag; nothing else is stored.
			want := "no-store"
			if tc.name == "GETQuery" {
				want = "private, no-cache"
				if res.Header.Get("ETag") == "" {
					t.Error("GET query without an ETag")
				}
			}
			if got := res.Header.Get("Cache-Control"); got != want {
				t.Errorf("Cache-Control %q, want %q (status %d, %s)", got, want, res.StatusCode, b)
			}
		})
	}
}

// TestCrossSiteWithoutOrigin refuses a cookie-authenticated write that the browser marks Sec-Fetch-Site:
// cross-site (or same-site) but that carries no Origin: only a browser sends Sec-Fetch-Site, and the dashboard's
// own requests are same-origin. Clients that send neither header (scripts, curl) are not browsers and pass.
func TestCrossSiteWithoutOrigin(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	create := func(name, site string) rawResponse {
		h := admin.Clone()
		if site != "" {
			h.Set("Sec-Fetch-Site", site)
		}
		return send(t, base, "", mustJSON(t, map[string]any{
			"query": fmt.Sprintf(`mutation { createUser(username: %q, password: "password-123", role: ADMIN) { id } }`, name)}), h)
	}
	for _, tc := range []struct {
		name, user, site string
		refused          bool
	}{
		{"CrossSite", "cross", "cross-site", true},
		{"SameSite", "sibling", "same-site", true},
		{"SameOrigin", "own", "same-origin", false},
		{"UserTyped", "typed", "none", false},
		{"NotABrowser", "script", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := create(tc.user, tc.site)
			if tc.refused {
				if r.status != http.StatusForbidden {
					t.Errorf("status %d, want 403", r.status)
				}
				WantCode(t, r.errors, "FORBIDDEN")
			} else if r.status != http.StatusOK || len(r.errors) > 0 {
				t.Errorf("status %d, errors %+v", r.status, r.errors)
			}
		})
	}
	users := As(t, base, admin, `{ users { username } }`, nil)
	for _, u := range []string{"cross", "sibling"} {
		if strings.Contains(string(users.Data), `"`+u+`"`) {
			t.Errorf("user %s was created by a refused request", u)
		}
	}
	// A bearer token is not sent by the browser on its own, so Sec-Fetch-Site does not matter to it.
	tok := As(t, base, admin, `mutation { createApiToken(name: "csrf", scope: READ, expiresInDays: 1) { secret } }`, nil)
	var d struct{ CreateApiToken struct{ Secret string } }
	if err := json.Unmarshal(tok.Data, &d); err != nil || d.CreateApiToken.Secret == "" {
		t.Fatalf("token: %s %+v", tok.Data, tok.Errors)
	}
	h := Bearer(d.CreateApiToken.Secret)
	h.Set("Sec-Fetch-Site", "cross-site")
	if r := send(t, base, "", `{"query":"{ dataset { hasDemo } }"}`, h); r.status != http.StatusOK || len(r.errors) > 0 {
		t.Errorf("token with Sec-Fetch-Site: cross-site: status %d, errors %+v", r.status, r.errors)
	}
}

// send posts body (already JSON, or deliberately not) to /graphql with the Accept header given, or none.
func send(t *testing.T, base, accept, body string, header http.Header) rawResponse {
	t.Helper()
	h := header.Clone()
	if h == nil {
		h = http.Header{}
	}
	if accept != "" {
		h.Set("Accept", accept)
	}
	return readRaw(t, Do(t, http.MethodPost, base+"/graphql", strings.NewReader(body), h, "application/json"))
}
