package httpapi

import (
	"net/http"
	"strings"

	"github.com/klauspost/compress/gzhttp"
)

// CompressMinBytes is the smallest answer worth gzipping: below about 1 KB the header costs more than it saves.
const CompressMinBytes = 1024

// compressedTypes are the answers worth compressing: JSON and CSV. XLSX is a zip already.
var compressedTypes = []string{"application/json", "application/graphql-response+json", "text/csv", "text/plain"}

// Compress gzips the API's and the exports' answers above CompressMinBytes for clients that accept gzip. It
// never decodes compressed request bodies (a decompression bomb has no way in), leaves answers that already carry a
// Content-Encoding alone (the response cache writes its stored gzip bytes itself), and stays out of WebSocket
// upgrades, whose connection it must not wrap.
func Compress(next http.Handler) http.Handler {
	wrap, err := gzhttp.NewWrapper(gzhttp.MinSize(CompressMinBytes), gzhttp.ContentTypes(compressedTypes),
		gzhttp.EnableZstd(false), gzhttp.AllowCompressedRequests(false))
	if err != nil {
		panic(err) // the options above are constants
	}
	gz := wrap(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.EqualFold(r.Header.Get("Upgrade"), "websocket") {
			next.ServeHTTP(w, r)
			return
		}
		gz.ServeHTTP(w, r)
	})
}
