// Package frontend embeds the built dashboard (frontend/dist) and serves it with an index.html fallback for its
// client-side routes, long-lived caching for hashed assets, no-cache for index.html, and the build's precompressed
// copies (X.br, X.gz) chosen by Accept-Encoding.
package frontend

import (
	"bytes"
	"embed"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
)

//go:embed all:dist
var dist embed.FS

// placeholder is served until `npm run build` has produced dist/index.html.
const placeholder = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>文明看板</title></head>
<body><h1>文明看板 Wenming Dashboard</h1><p>仪表盘尚未构建：请运行 <code>make build</code>。The dashboard has not been built yet: run <code>make build</code>.</p>
<p>API：<a href="/graphql">/graphql</a> · <a href="/graphiql">GraphiQL</a></p></body></html>`

// encodings are the precompressed copies the build writes (scripts/compress.mjs), best first.
var encodings = []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}}

// Handler serves the embedded dashboard.
func Handler() http.Handler {
	sub, _ := fs.Sub(dist, "dist")
	return Serve(sub)
}

// Serve serves a built dashboard from any file system, so that tests can hand it a build of their own.
func Serve(sub fs.FS) http.Handler {
	index, err := fs.ReadFile(sub, "index.html")
	if err != nil {
		index = []byte(placeholder)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if isCompressedCopy(name) {
			http.NotFound(w, r)
			return
		}
		if name != "" && name != "index.html" {
			if st, err := fs.Stat(sub, name); err == nil && !st.IsDir() {
				if strings.HasPrefix(name, "assets/") {
					w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
				} else {
					w.Header().Set("Cache-Control", "no-cache")
				}
				serveFile(w, r, sub, name)
				return
			}
			if strings.HasPrefix(name, "assets/") || path.Ext(name) != "" {
				http.NotFound(w, r)
				return
			}
		}
		// Client-side routes get index.html, which must never be cached, so that a deploy takes effect at once.
		w.Header().Set("Cache-Control", "no-cache")
		if _, err := fs.Stat(sub, "index.html"); err == nil {
			serveFile(w, r, sub, "index.html")
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(index)
	})
}

// GraphiQL serves the embedded GraphiQL page (the build's graphiql.html entry), whose scripts and editor workers are
// hashed assets that Handler serves, so that it works with no network beyond this server.
func GraphiQL() http.Handler {
	sub, _ := fs.Sub(dist, "dist")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		if _, err := fs.Stat(sub, "graphiql.html"); err != nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(placeholder))
			return
		}
		serveFile(w, r, sub, "graphiql.html")
	})
}

// isCompressedCopy hides the build's .br and .gz copies, which are served only as encodings of their originals.
func isCompressedCopy(name string) bool {
	for _, e := range encodings {
		if strings.HasSuffix(name, e.ext) {
			return true
		}
	}
	return false
}

// serveFile writes an embedded file, or its precompressed copy when the client accepts that encoding; the answer
// varies by Accept-Encoding either way, so that a shared cache never hands brotli to a client that cannot read it.
func serveFile(w http.ResponseWriter, r *http.Request, fsys fs.FS, name string) {
	h := w.Header()
	h.Add("Vary", "Accept-Encoding")
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h.Set("Content-Type", ctype)
	body, enc := []byte(nil), ""
	for _, e := range encodings {
		if !Accepts(r.Header.Get("Accept-Encoding"), e.name) {
			continue
		}
		if b, err := fs.ReadFile(fsys, name+e.ext); err == nil {
			body, enc = b, e.name
			break
		}
	}
	if body == nil {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		body = b
	}
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	// Embedded files carry no modification time; ServeContent adds Range support and HEAD.
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// Accepts reports whether an Accept-Encoding header admits a content coding: named (or *) with a q-value above 0.
// It walks the header in place, since every cached API answer asks.
func Accepts(header, coding string) bool {
	star := false
	for header != "" {
		var part string
		part, header, _ = strings.Cut(header, ",")
		tok, params, _ := strings.Cut(part, ";")
		tok = strings.TrimSpace(tok)
		q := 1.0
		for params != "" {
			var p string
			p, params, _ = strings.Cut(params, ";")
			if k, v, ok := strings.Cut(p, "="); ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		switch {
		case strings.EqualFold(tok, coding):
			return q > 0
		case tok == "*":
			star = q > 0
		}
	}
	return star
}
