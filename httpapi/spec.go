// The GraphQL-over-HTTP transports, exact to the spec (graphql.github.io/graphql-over-http, draft):
//
//   - a request error (the document does not parse or validate, a variable cannot be coerced, a limit or guard of
//     this server refuses the operation before it runs) has no "data" entry, and answers 200 under
//     application/json but 4xx under application/graphql-response+json (400; 401 and 403 for the sign-in and role
//     codes);
//   - a body that is not JSON, or whose parameters have the wrong types or lack the query, answers 400;
//   - a mutation sent with GET answers 405 with Allow: POST and is never run.
//
// gqlgen's own GET and POST transports answer 422 under application/json, write "data": null on request errors and
// 406 for a mutation over GET; these replace them.

package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// The response media types of the GraphQL-over-HTTP spec.
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// CodeMethodNotAllowed answers an operation other than a query sent with GET.
const CodeMethodNotAllowed = "METHOD_NOT_ALLOWED"

// SpecGET runs queries sent as GET /graphql?query=…&variables=…; a mutation sent this way answers 405 with
// Allow: POST, as the spec requires, since GET must stay safe for caches, prefetchers and links.
type SpecGET struct {
	// TokenLimit bounds the parse that recognises a mutation in a document that failed validation.
	TokenLimit int
}

// SpecPOST runs operations sent as a POST with an application/json body.
type SpecPOST struct{}

var (
	_ graphql.Transport = SpecGET{}
	_ graphql.Transport = SpecPOST{}
)

// Supports takes plain GETs; a WebSocket upgrade belongs to the WebSocket transport.
func (SpecGET) Supports(r *http.Request) bool {
	return r.Header.Get("Upgrade") == "" && r.Method == http.MethodGet
}

// Do reads the parameters from the URL and runs the operation if it is a query.
func (g SpecGET) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	media := responseMedia(r)
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		badParams(w, "无法解析 URL 查询参数。")
		return
	}
	raw := &graphql.RawParams{Query: q.Get("query"), OperationName: q.Get("operationName"), Headers: r.Header}
	raw.ReadTime.Start = graphql.Now()
	if v := q.Get("variables"); v != "" {
		if err := decodeJSON(v, &raw.Variables); err != nil {
			badParams(w, "variables 参数须为 JSON 对象。")
			return
		}
	}
	if v := q.Get("extensions"); v != "" {
		if err := decodeJSON(v, &raw.Extensions); err != nil {
			badParams(w, "extensions 参数须为 JSON 对象。")
			return
		}
	}
	raw.ReadTime.End = graphql.Now()
	if !hasQuery(raw) {
		badParams(w, "缺少 query 参数。")
		return
	}
	oc, errs := exec.CreateOperationContext(r.Context(), raw)
	if errs != nil {
		// A mutation that also fails validation is still a mutation: 405 tells the client what to change first.
		if oc != nil && g.isMutation(oc.RawQuery, oc.OperationName) {
			methodNotAllowed(w)
			return
		}
		requestError(r.Context(), w, media, exec, oc, errs)
		return
	}
	if oc.Operation.Operation != ast.Query {
		methodNotAllowed(w)
		return
	}
	respond(r.Context(), w, media, exec, oc)
}

// isMutation parses a document that failed validation to see whether the operation named is not a query.
func (g SpecGET) isMutation(query, name string) bool {
	if query == "" {
		return false
	}
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: query}, g.TokenLimit)
	if err != nil {
		return false
	}
	op := doc.Operations.ForName(name)
	return op != nil && op.Operation != ast.Query
}

// Supports takes POSTs whose body is declared application/json (any charset parameter).
func (SpecPOST) Supports(r *http.Request) bool {
	if r.Header.Get("Upgrade") != "" || r.Method != http.MethodPost {
		return false
	}
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && mt == mediaJSON
}

// Do decodes the JSON body {query, operationName, variables, extensions} and runs the operation.
func (SpecPOST) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	media := responseMedia(r)
	start := graphql.Now()
	body, err := io.ReadAll(r.Body)
	if err != nil {
		badParams(w, "无法读取请求体。")
		return
	}
	raw := &graphql.RawParams{}
	if err := decodeJSON(string(body), raw); err != nil {
		// The body is not echoed: it may be large, and it is the client's own.
		badParams(w, "请求体须为 JSON 对象 {query, operationName, variables, extensions}，且各参数类型正确。")
		return
	}
	raw.Headers = r.Header
	raw.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	if !hasQuery(raw) {
		badParams(w, "缺少 query 参数。")
		return
	}
	oc, errs := exec.CreateOperationContext(r.Context(), raw)
	if errs != nil {
		requestError(r.Context(), w, media, exec, oc, errs)
		return
	}
	respond(r.Context(), w, media, exec, oc)
}

// responseMedia picks the response media type from Accept: of the two GraphQL types, the one with the highest
// q (the first named on a tie), application/json for a wildcard or no Accept at all (the spec's rule for legacy
// clients), and application/graphql-response+json when Accept names neither.
func responseMedia(r *http.Request) string {
	accept := r.Header.Get("Accept")
	if strings.TrimSpace(accept) == "" {
		return mediaJSON
	}
	best, bestQ := "", 0.0
	for part := range strings.SplitSeq(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if v, ok := params["q"]; ok {
			if q, err = strconv.ParseFloat(v, 64); err != nil {
				continue
			}
		}
		var media string
		switch mt {
		case mediaJSON, "*/*", "application/*":
			media = mediaJSON
		case mediaGraphQLResponse:
			media = mediaGraphQLResponse
		default:
			continue
		}
		if q > bestQ {
			best, bestQ = media, q
		}
	}
	if best == "" {
		return mediaGraphQLResponse
	}
	return best
}

// decodeJSON decodes one JSON value, keeping numbers exact, and refuses anything after it.
func decodeJSON(s string, v any) error {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errTrailing
	}
	return nil
}

// errTrailing is a body with more after its JSON value.
var errTrailing = errors.New("trailing data after the JSON value")

// hasQuery reports whether the request names its document: the query itself or a persisted query's hash.
func hasQuery(raw *graphql.RawParams) bool {
	if raw.Query != "" {
		return true
	}
	_, ok := raw.Extensions["persistedQuery"]
	return ok
}

// badParams answers a request whose parameters cannot be read (not JSON, wrong types, no query) with 400.
func badParams(w http.ResponseWriter, msg string) {
	WriteJSONError(w, http.StatusBadRequest, CodeBadRequest, msg, nil)
}

// methodNotAllowed answers an operation other than a query sent with GET.
func methodNotAllowed(w http.ResponseWriter) {
	w.Header().Set("Allow", http.MethodPost)
	WriteJSONError(w, http.StatusMethodNotAllowed, CodeMethodNotAllowed,
		"GET 请求只能执行查询；变更请用 POST。", nil)
}

// requestStatus is the status of a request error: 200 under application/json; under
// application/graphql-response+json 401 or 403 for the sign-in and role codes, and 400 for the rest.
func requestStatus(media string, errs gqlerror.List) int {
	if media == mediaJSON {
		return http.StatusOK
	}
	for _, e := range errs {
		switch e.Extensions["code"] {
		case CodeUnauthenticated:
			return http.StatusUnauthorized
		case CodeForbidden:
			return http.StatusForbidden
		}
	}
	return http.StatusBadRequest
}

// requestErrorBody is a response without a data entry: the spec's shape when nothing was executed.
type requestErrorBody struct {
	Errors     gqlerror.List  `json:"errors"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// requestError answers errors raised before execution, presented by the server's error presenter.
func requestError(ctx context.Context, w http.ResponseWriter, media string, exec graphql.GraphExecutor, oc *graphql.OperationContext, errs gqlerror.List) {
	if oc != nil {
		ctx = graphql.WithOperationContext(ctx, oc)
	}
	resp := exec.DispatchError(ctx, errs)
	writeGraphQL(w, media, requestStatus(media, resp.Errors), requestErrorBody{Errors: resp.Errors, Extensions: resp.Extensions})
}

// respond executes the operation and writes its first response (queries and mutations have one).
func respond(ctx context.Context, w http.ResponseWriter, media string, exec graphql.GraphExecutor, oc *graphql.OperationContext) {
	responses, ctx := exec.DispatchOperation(ctx, oc)
	writeGraphQL(w, media, http.StatusOK, responses(ctx))
}

// writeGraphQL writes a GraphQL response in the negotiated media type, encoded as UTF-8.
func writeGraphQL(w http.ResponseWriter, media string, status int, v any) {
	// An answer that is only data is written as it stands: gqlgen has already encoded it, and encoding/json would
	// validate and compact those bytes again (a third of a cached answer's cost).
	if r, ok := v.(*graphql.Response); ok && len(r.Errors) == 0 && len(r.Extensions) == 0 && r.Label == "" && r.Path == nil &&
		r.HasNext == nil && len(r.Data) > 0 {
		w.Header().Set("Content-Type", media+"; charset=utf-8")
		w.Header().Set("Content-Length", strconv.Itoa(len(r.Data)+len(`{"data":}`)))
		w.WriteHeader(status)
		w.Write([]byte(`{"data":`))
		w.Write(r.Data)
		w.Write([]byte(`}`))
		return
	}
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		WriteJSONError(w, http.StatusInternalServerError, CodeInternal, "服务器内部错误。", nil)
		return
	}
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(status)
	w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}

// NoStore marks every answer of next as not to be stored by any cache: /graphql answers depend on who asks (the
// role scopes them, and a session cookie may be all that let a GET through), and the server's own response cache
// already makes repeated queries cheap.
func NoStore(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// crossSiteFetch reports whether the browser says the request comes from another site (Sec-Fetch-Site), for
// requests that carry no Origin: a browser that sends Sec-Fetch-Site: cross-site or same-site without an Origin
// was not asked by this dashboard, whose requests are same-origin.
func crossSiteFetch(r *http.Request) bool {
	switch strings.ToLower(strings.TrimSpace(r.Header.Get("Sec-Fetch-Site"))) {
	case "cross-site", "same-site":
		return true
	}
	return false
}
