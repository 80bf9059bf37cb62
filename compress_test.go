package main_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
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
	m := MustRunMain(t, func(c *mainConfig) { c.GraphiQL = false })
	res := do(t, http.MethodGet, m.URL()+"/graphiql", nil, nil, "")
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("--graphiql=false: status %d, want 404", res.StatusCode)
	}
}
