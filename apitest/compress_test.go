package apitest

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// rawGet sends a request without Go's transparent gzip, so that the test sees the bytes on the wire.
func rawDo(t *testing.T, req *http.Request) (*http.Response, []byte) {
	t.Helper()
	res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, body
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCompression(t *testing.T) {
	HTTPLayerOnly(t)
	m := SharedMain(t)
	post := func(query, acceptEncoding string) (*http.Response, []byte) {
		b, _ := json.Marshal(map[string]any{"query": query})
		req, _ := http.NewRequest(http.MethodPost, m.URL()+"/graphql", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		if acceptEncoding != "" {
			req.Header.Set("Accept-Encoding", acceptEncoding)
		}
		return rawDo(t, req)
	}
	const overview = `{ overview { kpis { key labelZh labelEn value unit noteZh noteEn published { key quote qualifier } } } }`

	t.Run("LargeAnswerGzipped", func(t *testing.T) {
		res, body := post(overview, "gzip, deflate, br")
		if res.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
			t.Fatalf("headers %v", res.Header)
		}
		plain := gunzip(t, body)
		if !json.Valid(plain) || !bytes.Contains(plain, []byte("national_units")) {
			t.Fatalf("gzip body decodes to %.200s", plain)
		}
		t.Logf("overview answer: %d bytes plain, %d gzipped", len(plain), len(body))
		if len(body)*2 > len(plain) {
			t.Errorf("gzip saved too little: %d of %d", len(body), len(plain))
		}
	})
	t.Run("IdentityWithoutAcceptEncoding", func(t *testing.T) {
		res, body := post(overview, "")
		if res.Header.Get("Content-Encoding") != "" || !json.Valid(body) {
			t.Fatalf("Content-Encoding %q, body %.100s", res.Header.Get("Content-Encoding"), body)
		}
	})
	t.Run("SmallAnswerLeftAlone", func(t *testing.T) {
		res, body := post(`{ __typename }`, "gzip")
		if res.Header.Get("Content-Encoding") != "" || !json.Valid(body) {
			t.Fatalf("a %d-byte answer was encoded %q", len(body), res.Header.Get("Content-Encoding"))
		}
	})
	t.Run("CSVExportGzipped", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, m.URL()+"/export/units.csv", nil)
		req.Header.Set("Accept-Encoding", "gzip")
		res, body := rawDo(t, req)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("status %d, headers %v", res.StatusCode, res.Header)
		}
		if plain := gunzip(t, body); !strings.Contains(string(plain), "单位") {
			t.Errorf("csv decodes to %.200s", plain)
		}
	})
	t.Run("XLSXNotRecompressed", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, m.URL()+"/export/units.xlsx", nil)
		req.Header.Set("Accept-Encoding", "gzip")
		res, body := rawDo(t, req)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Encoding") != "" || !bytes.HasPrefix(body, []byte("PK")) {
			t.Fatalf("status %d, encoding %q", res.StatusCode, res.Header.Get("Content-Encoding"))
		}
	})
}

func TestGraphiQLOff(t *testing.T) {
	m := MustRunMain(t, func(c *MainConfig) { c.GraphiQL = false })
	res := Do(t, http.MethodGet, m.URL()+"/graphiql", nil, nil, "")
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("--graphiql=false: status %d, want 404", res.StatusCode)
	}
}

// TestFastPathThroughServer: a repeated query answered before GraphQL runs still checks its caller, stays current
// after a write, and a GET revalidates with its ETag.
func TestFastPathThroughServer(t *testing.T) {
	m := SignedOut(t)
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	r := As(t, base, admin, `mutation { createApiToken(name: "fast", scope: READ, expiresInDays: 30) { secret token { id } } }`, nil)
	var tok struct {
		CreateApiToken struct {
			Secret string
			Token  struct{ ID string }
		}
	}
	if err := json.Unmarshal(r.Data, &tok); err != nil || tok.CreateApiToken.Secret == "" {
		t.Fatalf("createApiToken: %s %+v", r.Data, r.Errors)
	}
	reader := Bearer(tok.CreateApiToken.Secret)
	const q = `{ honorStats(groupBy: [YEAR]) { year count } }`
	count := func(h http.Header) (string, int) {
		res := Do(t, http.MethodPost, base+"/graphql", strings.NewReader(`{"query":"`+q+`"}`), h, "application/json")
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		return string(b), res.StatusCode
	}
	first, _ := count(reader)
	second, _ := count(reader)
	if first != second || !strings.Contains(first, `"honorStats"`) {
		t.Fatalf("repeat differs: %s / %s", first, second)
	}

	t.Run("HitStaysCurrentAfterAWrite", func(t *testing.T) {
		u := As(t, base, admin, `mutation { createUnit(input: {name: "快速路径测试厅（测试）", kind: "机关"}) { id } }`, nil)
		var unit struct{ CreateUnit struct{ ID string } }
		if err := json.Unmarshal(u.Data, &unit); err != nil || len(u.Errors) > 0 {
			t.Fatalf("createUnit: %+v", u.Errors)
		}
		w := As(t, base, admin, `mutation($i: HonorInput!) { createHonor(input: $i) { id } }`, map[string]any{"i": map[string]any{
			"categoryCode": "PROVINCIAL_UNIT", "unitId": unit.CreateUnit.ID, "year": 2025, "date": "2025-01-15"}})
		if len(w.Errors) > 0 {
			t.Fatalf("createHonor: %+v", w.Errors)
		}
		after, _ := count(reader)
		if after == first {
			t.Errorf("after a new honour the answer is unchanged: %s", after)
		}
	})
	t.Run("HitStillChecksTheCaller", func(t *testing.T) {
		count(reader)
		rv := As(t, base, admin, `mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, map[string]any{"id": tok.CreateApiToken.Token.ID})
		if len(rv.Errors) > 0 {
			t.Fatalf("revoke: %+v", rv.Errors)
		}
		if _, status := count(reader); status != http.StatusUnauthorized {
			t.Errorf("a revoked token got %d from a cached answer, want 401", status)
		}
	})
	t.Run("GETAnswers304", func(t *testing.T) {
		u := base + "/graphql?query=" + url.QueryEscape(q)
		res := Do(t, http.MethodGet, u, nil, admin, "")
		res.Body.Close()
		etag := res.Header.Get("ETag")
		if res.StatusCode != 200 || etag == "" {
			t.Fatalf("status %d ETag %q", res.StatusCode, etag)
		}
		h := admin.Clone()
		h.Set("If-None-Match", etag)
		res = Do(t, http.MethodGet, u, nil, h, "")
		res.Body.Close()
		if res.StatusCode != http.StatusNotModified {
			t.Errorf("If-None-Match: status %d, want 304", res.StatusCode)
		}
		// Another person, even of the same role, never matches the first one's tag.
		res = Do(t, http.MethodGet, u, nil, http.Header{"If-None-Match": {etag}, "Authorization": reader["Authorization"]}, "")
		res.Body.Close()
		if res.StatusCode == http.StatusNotModified {
			t.Error("another caller matched the tag")
		}
	})
}

// TestFastPathGzipOnce: a hit for a client that accepts gzip carries the stored gzip bytes once, not gzipped again.
func TestFastPathGzipOnce(t *testing.T) {
	m := SharedMain(t)
	body := `{"query":"{ overview { kpis { key labelZh labelEn value unit noteZh noteEn } } }"}`
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequest(http.MethodPost, m.URL()+"/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept-Encoding", "gzip")
		res, b := rawDo(t, req)
		if res.Header.Get("Content-Encoding") != "gzip" || strings.Count(res.Header.Get("Content-Encoding"), "gzip") != 1 {
			t.Fatalf("request %d: Content-Encoding %q", i, res.Header.Get("Content-Encoding"))
		}
		if plain := gunzip(t, b); !json.Valid(plain) || !bytes.Contains(plain, []byte("national_units")) {
			t.Fatalf("request %d: gzip decodes to %.120q", i, plain)
		}
	}
}

// TestFastPathMissSendsWhatItKeeps: the miss that stores an answer holds it back and sends what it stored (gzipped
// once, for the store and the client), so that it carries the bytes and headers of the hit that follows.
func TestFastPathMissSendsWhatItKeeps(t *testing.T) {
	m := SharedMain(t)
	// An alias no other test sends, so that the first request is a miss.
	body := `{"query":"{ missOnce: overview { kpis { key labelZh labelEn value unit noteZh noteEn } } }"}`
	var answers [2][]byte
	var headers [2]http.Header
	for i := range answers {
		req, _ := http.NewRequest(http.MethodPost, m.URL()+"/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept-Encoding", "gzip")
		res, b := rawDo(t, req)
		answers[i], headers[i] = b, res.Header
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("request %d: %d, Content-Encoding %q", i, res.StatusCode, res.Header.Get("Content-Encoding"))
		}
		if plain := gunzip(t, b); !bytes.Contains(plain, []byte(`"missOnce"`)) {
			t.Fatalf("request %d: gzip decodes to %.120q", i, plain)
		}
	}
	if !bytes.Equal(answers[0], answers[1]) {
		t.Errorf("the miss sent %d gzip bytes, the hit %d other ones", len(answers[0]), len(answers[1]))
	}
	for _, h := range []string{"Content-Length", "Vary", "Cache-Control", "Content-Type"} {
		if got, want := headers[0].Values(h), headers[1].Values(h); !slices.Equal(got, want) {
			t.Errorf("%s: miss %q, hit %q", h, got, want)
		}
	}
}

// TestFastPathHit: a stored answer served before compression and the body limit carries what a miss carries
// (security headers, request ID, no-store, Vary), its gzip bytes only to a client that accepts gzip and then
// exactly the plain answer compressed, and nothing to a caller the server does not know.
func TestFastPathHit(t *testing.T) {
	m := SharedMain(t)
	body := `{"query":"{ overview { kpis { key labelZh labelEn value unit noteZh noteEn } } }"}`
	post := func(t *testing.T, acceptEncoding string) (*http.Response, []byte) {
		req, _ := http.NewRequest(http.MethodPost, m.URL()+"/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if acceptEncoding != "" {
			req.Header.Set("Accept-Encoding", acceptEncoding)
		}
		return rawDo(t, req)
	}
	_, miss := post(t, "")
	post(t, "gzip")
	t.Run("PlainIsTheMissAnswer", func(t *testing.T) {
		res, hit := post(t, "")
		if !bytes.Equal(hit, miss) || res.Header.Get("Content-Encoding") != "" {
			t.Fatalf("hit %q (Content-Encoding %q), miss %q", hit, res.Header.Get("Content-Encoding"), miss)
		}
		if res.Header.Get("Content-Length") != strconv.Itoa(len(hit)) {
			t.Errorf("Content-Length %q for %d bytes", res.Header.Get("Content-Length"), len(hit))
		}
	})
	t.Run("GzipOnlyWhenAccepted", func(t *testing.T) {
		for _, ae := range []string{"br", "gzip;q=0", "identity"} {
			if res, b := post(t, ae); res.Header.Get("Content-Encoding") != "" || !bytes.Equal(b, miss) {
				t.Errorf("Accept-Encoding %q: Content-Encoding %q", ae, res.Header.Get("Content-Encoding"))
			}
		}
		res, b := post(t, "deflate, gzip")
		if res.Header.Get("Content-Encoding") != "gzip" || !bytes.Equal(gunzip(t, b), miss) {
			t.Fatalf("gzip hit: Content-Encoding %q, decodes to %.120q", res.Header.Get("Content-Encoding"), gunzip(t, b))
		}
		if res.Header.Get("Content-Length") != strconv.Itoa(len(b)) {
			t.Errorf("Content-Length %q for %d gzip bytes", res.Header.Get("Content-Length"), len(b))
		}
	})
	t.Run("Headers", func(t *testing.T) {
		res, _ := post(t, "gzip")
		for k, want := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Cache-Control": "no-store",
			"Vary": "Accept-Encoding", "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'"} {
			if got := res.Header.Get(k); got != want {
				t.Errorf("%s: %q, want %q", k, got, want)
			}
		}
		if res.Header.Get("X-Request-Id") == "" {
			t.Errorf("no request ID: %v", res.Header)
		}
	})
}

// TestFastPathHitNeedsACaller: on a server that needs a sign-in, an answer stored for one caller is refused (401)
// to a request without credentials, and a body over the limit is still refused (413) once the answer is stored.
func TestFastPathHitNeedsACaller(t *testing.T) {
	t.Setenv("WENMING_ADMIN_PASSWORD", AdminPassword)
	m := MustRunMain(t, func(c *MainConfig) { c.AnonymousRead = false; c.MaxBodyBytes = 1024 })
	base := m.URL()
	admin, _ := Login(t, base, "admin", AdminPassword)
	body := `{"query":"{ dataset { hasDemo } }"}`
	for i := 0; i < 2; i++ {
		if res := Do(t, http.MethodPost, base+"/graphql", strings.NewReader(body), admin, "application/json"); res.StatusCode != 200 {
			t.Fatalf("signed in: status %d", res.StatusCode)
		} else {
			res.Body.Close()
		}
	}
	res := Do(t, http.MethodPost, base+"/graphql", strings.NewReader(body), nil, "application/json")
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("no credentials: status %d, want 401", res.StatusCode)
	}
	big := `{"query":"{ dataset { hasDemo } }","variables":{"pad":"` + strings.Repeat("x", 2048) + `"}}`
	res = Do(t, http.MethodPost, base+"/graphql", strings.NewReader(big), admin, "application/json")
	res.Body.Close()
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("a body over the limit: status %d, want 413", res.StatusCode)
	}
}
