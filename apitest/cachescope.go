package apitest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"testing"
)

// CacheScopeResult is what CheckCachesKeyOnUnit saw: how many answers differed between the two reporters (the
// cases that can tell a shared answer from a scoped one), and how many of B's answers were kept (B's own ETag
// revalidated them), which shows the caches were warm when A asked.
type CacheScopeResult struct {
	Differing, Kept int
}

// CheckCachesKeyOnUnit warms both answer caches of each server with reporter B's answers to the queries (each sent
// twice by POST and by GET), then sends reporter A the identical bytes, by GET with B's ETag and by POST, and fails
// the test when A is answered 304 or anything but A's own answer (asked in other bytes, which no cache holds).
func CheckCachesKeyOnUnit(t *testing.T, bases []string, a, b http.Header, queries []string) CacheScopeResult {
	t.Helper()
	var out CacheScopeResult
	for _, base := range bases {
		for _, q := range queries {
			postData(t, base, b, q)
			fromB := postData(t, base, b, q)
			getAnswer(t, base, b, q, "")
			_, tagB, _ := getAnswer(t, base, b, q, "")
			if status, _, _ := getAnswer(t, base, b, q, tagB); tagB != "" && status == http.StatusNotModified {
				out.Kept++
			}
			own := postData(t, base, a, q+"\n# asked afresh")
			if string(own) != string(fromB) {
				out.Differing++
			}
			status, _, got := getAnswer(t, base, a, q, tagB)
			if status == http.StatusNotModified {
				t.Errorf("%s: reporter B's ETag answered reporter A 304 to %.100s", base, q)
			} else if string(got) != string(own) {
				t.Errorf("%s: reporter A's GET of %.100s answered %.200s, A's own answer is %.200s", base, q, got, own)
			}
			if got := postData(t, base, a, q); string(got) != string(own) {
				t.Errorf("%s: reporter A's POST of %.100s answered %.200s, A's own answer is %.200s", base, q, got, own)
			}
		}
	}
	return out
}

// postData POSTs a query and returns its answer's data and errors, as bytes to compare.
func postData(t *testing.T, base string, h http.Header, q string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q})
	res := Do(t, http.MethodPost, base+"/graphql", bytes.NewReader(body), h, "application/json")
	return answerBytes(t, res)
}

// getAnswer sends a query by GET, with If-None-Match when tag is set, and returns the status, the ETag and the
// answer's data and errors.
func getAnswer(t *testing.T, base string, h http.Header, q, tag string) (int, string, string) {
	t.Helper()
	hh := h.Clone()
	if tag != "" {
		hh.Set("If-None-Match", tag)
	}
	res := Do(t, http.MethodGet, base+"/graphql?"+url.Values{"query": {q}}.Encode(), nil, hh, "")
	if res.StatusCode == http.StatusNotModified {
		res.Body.Close()
		return res.StatusCode, res.Header.Get("ETag"), ""
	}
	return res.StatusCode, res.Header.Get("ETag"), answerBytes(t, res)
}

func answerBytes(t *testing.T, res *http.Response) string {
	t.Helper()
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Data   json.RawMessage `json:"data"`
		Errors json.RawMessage `json:"errors"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("status %d, not JSON: %s", res.StatusCode, raw)
	}
	return string(r.Data) + string(r.Errors)
}
