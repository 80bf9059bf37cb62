// Package frontend embeds the built dashboard (frontend/dist) and serves it with an index.html fallback for its
// client-side routes, long-lived caching for hashed assets, and no-cache for index.html.
package frontend

import (
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed all:dist
var dist embed.FS

// placeholder is served until `npm run build` has produced dist/index.html.
const placeholder = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>文明看板</title></head>
<body><h1>文明看板 Wenming Dashboard</h1><p>仪表盘尚未构建：请运行 <code>make build</code>。The dashboard has not been built yet: run <code>make build</code>.</p>
<p>API：<a href="/graphql">/graphql</a> · <a href="/graphiql">GraphiQL</a></p></body></html>`

// Handler serves the embedded dashboard.
func Handler() http.Handler {
	sub, _ := fs.Sub(dist, "dist")
	index, err := fs.ReadFile(sub, "index.html")
	if err != nil {
		index = []byte(placeholder)
	}
	files := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if name != "" && name != "index.html" {
			if st, err := fs.Stat(sub, name); err == nil && !st.IsDir() {
				if strings.HasPrefix(name, "assets/") {
					w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
				} else {
					w.Header().Set("Cache-Control", "no-cache")
				}
				files.ServeHTTP(w, r)
				return
			}
			if strings.HasPrefix(name, "assets/") || path.Ext(name) != "" {
				http.NotFound(w, r)
				return
			}
		}
		// Client-side routes get index.html, which must never be cached, so that a deploy takes effect at once.
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(index)
	})
}
