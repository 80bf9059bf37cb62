//go:build pprof

package metrics

import (
	"net/http"
	_ "net/http/pprof" // registers the profiles on http.DefaultServeMux, served only below
	"os"
)

// With `go build -tags pprof`, WENMING_PPROF=127.0.0.1:6060 serves net/http/pprof on its own address, for profiling
// the server under load (make bench's ratio); the normal build has no profiling endpoint at all.
func init() {
	if addr := os.Getenv("WENMING_PPROF"); addr != "" {
		go http.ListenAndServe(addr, nil)
	}
}
