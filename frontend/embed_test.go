package frontend_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/wenming/wenming/frontend"
)

// build is a dashboard build with the precompressed copies scripts/compress.mjs writes; the copies hold marked
// bodies, so that a test sees which one was served.
func build(t *testing.T) fstest.MapFS {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	io.WriteString(zw, "console.log('app')")
	zw.Close()
	return fstest.MapFS{
		"index.html":        {Data: []byte("<!doctype html><title>文明看板</title>")},
		"index.html.gz":     {Data: gz.Bytes()},
		"assets/app.js":     {Data: []byte("console.log('app')")},
		"assets/app.js.br":  {Data: []byte("BROTLI")},
		"assets/app.js.gz":  {Data: gz.Bytes()},
		"assets/plain.css":  {Data: []byte("body{}")},
		"favicon.svg":       {Data: []byte("<svg/>")},
		"assets/app.js.map": {Data: []byte("{}")},
	}
}

func get(t *testing.T, h http.Handler, path, acceptEncoding string) *http.Response {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	// A transport that does not add or undo gzip itself, so that the test sees the bytes on the wire.
	res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	return res
}

func TestServe(t *testing.T) {
	h := frontend.Serve(build(t))
	for _, tc := range []struct {
		name, path, accept string
		wantEncoding       string
		wantBody           string // "" when the body is gzip of the original
		wantType           string
	}{
		{"BrotliForAPlainClient", "/assets/app.js", "gzip, deflate, br", "br", "BROTLI", "text/javascript; charset=utf-8"},
		{"GzipWhenNoBrotli", "/assets/app.js", "gzip, deflate", "gzip", "", "text/javascript; charset=utf-8"},
		{"BrotliRefusedByQZero", "/assets/app.js", "br;q=0, gzip", "gzip", "", "text/javascript; charset=utf-8"},
		{"StarAcceptsBrotli", "/assets/app.js", "*", "br", "BROTLI", "text/javascript; charset=utf-8"},
		{"IdentityWithoutAcceptEncoding", "/assets/app.js", "", "", "console.log('app')", "text/javascript; charset=utf-8"},
		{"NoCopyNoEncoding", "/assets/plain.css", "br, gzip", "", "body{}", "text/css; charset=utf-8"},
		{"RouteGetsCompressedIndex", "/volunteering", "gzip", "gzip", "", "text/html; charset=utf-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := get(t, h, tc.path, tc.accept)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			if got := res.Header.Get("Content-Encoding"); got != tc.wantEncoding {
				t.Errorf("Content-Encoding %q, want %q", got, tc.wantEncoding)
			}
			if got := res.Header.Get("Vary"); !strings.Contains(got, "Accept-Encoding") {
				t.Errorf("Vary %q lacks Accept-Encoding", got)
			}
			if got := res.Header.Get("Content-Type"); got != tc.wantType {
				t.Errorf("Content-Type %q, want %q", got, tc.wantType)
			}
			body, _ := io.ReadAll(res.Body)
			if tc.wantBody == "" {
				zr, err := gzip.NewReader(bytes.NewReader(body))
				if err != nil {
					t.Fatalf("not gzip: %v", err)
				}
				body, _ = io.ReadAll(zr)
				if len(body) == 0 {
					t.Error("empty gzip body")
				}
				return
			}
			if string(body) != tc.wantBody {
				t.Errorf("body %q, want %q", body, tc.wantBody)
			}
		})
	}

	t.Run("CopiesAreNotServedByName", func(t *testing.T) {
		if res := get(t, h, "/assets/app.js.br", ""); res.StatusCode != http.StatusNotFound {
			t.Errorf("status %d, want 404", res.StatusCode)
		}
	})
	t.Run("HashedAssetsAreImmutable", func(t *testing.T) {
		if got := get(t, h, "/assets/app.js", "br").Header.Get("Cache-Control"); !strings.Contains(got, "immutable") {
			t.Errorf("Cache-Control %q", got)
		}
		if got := get(t, h, "/", "gzip").Header.Get("Cache-Control"); got != "no-cache" {
			t.Errorf("index Cache-Control %q", got)
		}
	})
}

func TestAccepts(t *testing.T) {
	for _, tc := range []struct {
		header, coding string
		want           bool
	}{
		{"gzip, deflate, br", "br", true},
		{"gzip, deflate", "br", false},
		{"br;q=0", "br", false},
		{"BR; q=0.5", "br", true},
		{"*;q=0, gzip", "br", false},
		{"*", "gzip", true},
		{"", "gzip", false},
		{"gzip;q=0, *", "gzip", false},
	} {
		t.Run(tc.header+"/"+tc.coding, func(t *testing.T) {
			if got := frontend.Accepts(tc.header, tc.coding); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
