package httpapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"hash/maphash"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"

	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/klauspost/compress/gzip"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/frontend"
	"github.com/wenming/wenming/metrics"
)

// FastPath answers a repeated query from its stored bytes before GraphQL runs: no JSON decoding, parsing,
// validation, complexity, execution or encoding, and gzip bytes kept beside the plain ones so that a hit is never
// compressed again. It sits behind authentication (a hit still checks the caller, and the caller's scope is part of
// the key) and behind the body limit; the answers it keeps passed every other limit when they were computed, and the
// limits do not change while the server runs. An entry holds the versions of the domains its answer read, which the
// response cache reports (FastNote); any write to one of them makes it miss.
//
// GET queries also get an ETag from the data version and the caller, and 304 Not Modified on If-None-Match.
type FastPath struct {
	// Versions reads the current data versions.
	Versions func(ctx context.Context) (db.Versions, error)
	// Scope is the part of the key that makes answers differ between callers (the effective role).
	Scope func(ctx context.Context) string
	// MaxBody is the body limit; larger bodies go the normal way, which refuses them.
	MaxBody int64

	mu    sync.Mutex
	bytes int
	// lru holds the entries by the hash of their keys (keyHash); an entry keeps its whole key, which a hit compares.
	lru *lru.Cache[uint64, *fastEntry]
}

// fastEntry is one stored answer.
type fastEntry struct {
	key   string
	reads db.DomainSet
	// ver is the versions the answer was computed at; it is current while every domain it reads is unchanged.
	ver         db.Versions
	operation   string
	contentType string
	plain, gz   []byte
	// The header values a hit sends, made once.
	contentTypeValue, plainLength, gzLength []string
}

// maxFastBytes bounds the memory of all fast-path entries together, their keys counted.
const maxFastBytes = 16 << 20

// maxKeyBytes is the longest key an entry keeps. A hit compares the whole key, so an entry holds the query's text;
// a longer query (a padded one, or a client's odd habit) is answered the normal way, where the response cache keeps
// no query text, instead of holding its megabyte here.
const maxKeyBytes = 16 << 10

// size is what an entry counts against maxFastBytes.
func (e *fastEntry) size() int { return len(e.key) + len(e.plain) + len(e.gz) }

// NewFastPath keeps at most size answers.
func NewFastPath(size int, versions func(context.Context) (db.Versions, error), scope func(context.Context) string, maxBody int64) *FastPath {
	f := &FastPath{Versions: versions, Scope: scope, MaxBody: maxBody}
	f.lru, _ = lru.NewWithEvict[uint64, *fastEntry](size, func(_ uint64, e *fastEntry) { f.bytes -= e.size() })
	return f
}

// FastNote is what the response cache tells the fast path about the operation it just answered: whether the answer
// may be shared between callers of one scope, which domains it read and at which versions.
type FastNote struct {
	// Storable is set when the answer had no errors and no @private field.
	Storable  bool
	Reads     db.DomainSet
	Ver       db.Versions
	Operation string
}

type fastNoteKey struct{}

// FastNoteFrom returns the note of the request the context belongs to, or nil outside the fast path.
func FastNoteFrom(ctx context.Context) *FastNote {
	n, _ := ctx.Value(fastNoteKey{}).(*FastNote)
	return n
}

// Hits answers a repeated query from its stored bytes as early as the request allows, and passes every other
// request to next, which must hold the GraphQL handler behind f.Handler. It sits outside compression, the sign-in
// check and the body limit, which a hit needs none of: it serves only a caller that is known (RequireSignIn would
// refuse the others), a body within MaxBody, and the gzip bytes it stored itself. The body it read is handed on, so
// that nothing behind reads it again.
func (f *FastPath) Hits(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if db.PrincipalFrom(r.Context()) == nil || !f.serveHit(w, r) {
			next.ServeHTTP(w, r)
		}
	})
}

// serveHit answers r from a stored answer at the current versions (or 304 on a GET whose tag matches) and reports
// whether it did.
func (f *FastPath) serveHit(w http.ResponseWriter, r *http.Request) bool {
	raw, pooled, ok := f.requestBytes(r)
	if !ok {
		return false
	}
	hit := false
	defer func() {
		// A body that answered a hit is done with; a miss hands it on to GraphQL, which may keep what it read.
		if hit {
			pooled.release()
		} else {
			handOn(r, raw)
		}
	}()
	ctx := r.Context()
	ver, err := f.Versions(ctx)
	if err != nil {
		return false
	}
	var buf [2048]byte
	key := f.key(buf[:0], ctx, r, raw)
	// Only a stored answer (no errors, no @private field) at the current versions is revalidated: a private
	// answer, or one not computed yet, is never "not modified", whatever tag the client sends.
	e, ok := f.lru.Get(keyHash(key))
	if !ok || e.key != string(key) || !ver.SameIn(e.ver, e.reads) {
		return false
	}
	hit = true
	if r.Method == http.MethodGet {
		etag := f.etag(ctx, key, ver)
		w.Header().Set("ETag", etag)
		if inm := r.Header.Get("If-None-Match"); inm != "" && etagMatch(inm, etag) {
			w.Header().Set("Cache-Control", "private, no-cache")
			w.WriteHeader(http.StatusNotModified)
			return true
		}
	}
	f.serve(w, r, e)
	metrics.FastHit(ctx, e.operation)
	return true
}

// key appends a request's entry key to b: the caller's scope, the method, the Accept header and the query's bytes.
func (f *FastPath) key(b []byte, ctx context.Context, r *http.Request, raw []byte) []byte {
	scope, accept := f.Scope(ctx), r.Header.Get("Accept")
	return append(append(append(append(append(append(append(b, scope...), 0), r.Method...), 0), accept...), 0), raw...)
}

// keySeed makes the entries' hashes differ from one process to the next, so that no client can aim at collisions.
var keySeed = maphash.MakeSeed()

// keyHash is where an entry key is kept in the LRU. A collision costs a miss, never a wrong answer: a hit compares the
// whole key.
func keyHash(key []byte) uint64 { return maphash.Bytes(keySeed, key) }

// Handler wraps the GraphQL handler: it answers hits (when Hits did not already) and stores the answers that the
// response cache says may be shared.
func (f *FastPath) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if f.serveHit(w, r) {
			return
		}
		raw, _, ok := f.requestBytes(r)
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		handOn(r, raw)
		ctx := r.Context()
		ver, err := f.Versions(ctx)
		if err != nil {
			next.ServeHTTP(w, r)
			return
		}
		key := f.key(nil, ctx, r, raw)
		note := &FastNote{}
		cw := &holdWriter{ResponseWriter: w, status: http.StatusOK}
		if r.Method == http.MethodGet {
			// A GET answer that callers of one scope may share can be revalidated with its ETag; any other stays
			// no-store.
			cw.beforeWrite = func() {
				if note.Storable {
					w.Header().Set("Cache-Control", "private, no-cache")
					w.Header().Set("ETag", f.etag(ctx, key, ver))
				}
			}
		}
		next.ServeHTTP(cw, r.WithContext(context.WithValue(ctx, fastNoteKey{}, note)))
		if cw.streaming {
			return
		}
		// An answer to keep goes out as kept, its gzip made once for the store and this client (Compress leaves an
		// answer that carries its Content-Encoding alone); any other goes out as the handler wrote it.
		if note.Storable && len(key) <= maxKeyBytes && cw.status == http.StatusOK && bytes.HasPrefix(cw.buf.Bytes(), []byte(`{"data":`)) {
			e := f.store(key, note, w.Header().Get("Content-Type"), cw.buf.Bytes())
			if cw.beforeWrite != nil {
				cw.beforeWrite()
			}
			f.serve(w, r, e)
			return
		}
		cw.release()
	})
}

// requestBytes reads what identifies a query: the body of a JSON POST or the raw query of a GET. A body read here
// comes in a buffer from bodyPool when it fits one; the caller gives it back (to the request as a readBody, or to the
// pool once answered). Uploads, WebSockets and bodies over the limit are not for the fast path: what was read of them
// is put back in front of the rest.
func (f *FastPath) requestBytes(r *http.Request) (raw []byte, pooled *bodyBuffer, ok bool) {
	switch r.Method {
	case http.MethodGet:
		if r.URL.RawQuery == "" || r.Header.Get("Upgrade") != "" {
			return nil, nil, false
		}
		return []byte(r.URL.RawQuery), nil, true
	case http.MethodPost:
		if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") || r.Body == nil {
			return nil, nil, false
		}
		if r.ContentLength > f.MaxBody {
			return nil, nil, false
		}
		if b, ok := r.Body.(*readBody); ok {
			if int64(len(b.data)) > f.MaxBody {
				return nil, nil, false
			}
			return b.data, nil, true
		}
		var dst []byte
		if r.ContentLength >= 0 && r.ContentLength < bodyBufferSize {
			pooled = bodyPool.Get().(*bodyBuffer)
			dst = pooled.b[:0]
		}
		body, err := readAtMost(dst, r.Body, r.ContentLength, f.MaxBody+1)
		if err != nil || int64(len(body)) > f.MaxBody {
			r.Body = struct {
				io.Reader
				io.Closer
			}{io.MultiReader(bytes.NewReader(bytes.Clone(body)), r.Body), r.Body}
			pooled.release()
			return nil, nil, false
		}
		return body, pooled, true
	}
	return nil, nil, false
}

// handOn gives a POST body that requestBytes read back to the request, for the handlers behind to read.
func handOn(r *http.Request, raw []byte) {
	if _, read := r.Body.(*readBody); !read && r.Method == http.MethodPost {
		r.Body = newReadBody(raw, r.Body)
	}
}

// bodyBufferSize is the size of the pooled buffers that request bodies are read into: most queries and their
// variables fit in it.
const bodyBufferSize = 4 << 10

// bodyBuffer is a buffer for one request body.
type bodyBuffer struct{ b [bodyBufferSize]byte }

// bodyPool keeps the buffers of bodies that answered a hit, so that a hit allocates no body.
var bodyPool = sync.Pool{New: func() any { return new(bodyBuffer) }}

// release gives the buffer back to the pool; nil is allowed.
func (b *bodyBuffer) release() {
	if b != nil {
		bodyPool.Put(b)
	}
}

// readAtMost reads a body of the declared length (-1: unknown) into dst (in one allocation when dst is too small and
// the length is declared), and at most limit bytes in any case.
func readAtMost(dst []byte, body io.Reader, declared, limit int64) ([]byte, error) {
	if declared < 0 || declared >= limit {
		return io.ReadAll(io.LimitReader(body, limit))
	}
	b := dst[:0]
	if int64(cap(b)) < declared+1 {
		b = make([]byte, 0, declared+1)
	}
	b = b[:declared]
	if _, err := io.ReadFull(body, b); err != nil {
		return nil, err
	}
	// A body longer than it said is read on, as far as the limit, for the caller to refuse.
	if n, _ := body.Read(b[declared : declared+1]); n > 0 {
		rest, err := io.ReadAll(io.LimitReader(body, limit-declared-1))
		return append(b[:declared+1], rest...), err
	}
	return b, nil
}

// readBody is a request body read whole, handed to the handlers behind the one that read it, so that the fast path
// and the body limit read a body once between them. Closing it closes the original body.
type readBody struct {
	bytes.Reader
	data []byte
	orig io.Closer
}

func newReadBody(data []byte, orig io.Closer) *readBody {
	b := &readBody{data: data, orig: orig}
	b.Reader.Reset(data)
	return b
}

// Close closes the body that was read.
func (b *readBody) Close() error { return b.orig.Close() }

// etag derives a GET answer's tag from the request, the caller and the data version: unchanged data gives the same
// tag, and another caller (even of the same role) another one, so that a browser shared between two people never
// revalidates one's answer for the other.
func (f *FastPath) etag(ctx context.Context, key []byte, ver db.Versions) string {
	who := ""
	if p := db.PrincipalFrom(ctx); p != nil {
		who = p.Via + ":" + strconv.FormatInt(p.UserID, 10)
	}
	k := sha256.Sum256(key)
	h := sha256.Sum256(append(k[:], []byte("\x00"+who+"\x00"+strconv.FormatInt(ver.Timeline, 10)+"."+strconv.FormatInt(ver.Global, 10))...))
	return `W/"` + hex.EncodeToString(h[:12]) + `"`
}

// etagMatch reports whether an If-None-Match header lists the tag. A "*" matches nothing here: it would revalidate
// any GET query, answered or not, without the client ever having seen it.
func etagMatch(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t != "*" && strings.TrimPrefix(t, "W/") == strings.TrimPrefix(etag, "W/") {
			return true
		}
	}
	return false
}

// Header values a hit sends, shared read-only between responses (capacity = length, so that an Add copies).
var (
	hitNoCache = []string{"private, no-cache"}[:1:1]
	hitNoStore = []string{"no-store"}[:1:1]
	hitVary    = []string{"Accept-Encoding"}[:1:1]
	hitGzip    = []string{"gzip"}[:1:1]
)

// serve writes a stored answer, gzipped when the client accepts it.
func (f *FastPath) serve(w http.ResponseWriter, r *http.Request, e *fastEntry) {
	h := w.Header()
	h["Content-Type"] = e.contentTypeValue
	if r.Method == http.MethodGet {
		h["Cache-Control"] = hitNoCache // revalidated with its ETag, as on a miss
	} else {
		h["Cache-Control"] = hitNoStore
	}
	if v := h["Vary"]; len(v) == 0 {
		h["Vary"] = hitVary
	} else if !slices.ContainsFunc(v, func(s string) bool { return strings.Contains(strings.ToLower(s), "accept-encoding") }) {
		h["Vary"] = append(v, hitVary[0])
	}
	body, length := e.plain, e.plainLength
	if e.gz != nil && frontend.Accepts(r.Header.Get("Accept-Encoding"), "gzip") {
		h["Content-Encoding"] = hitGzip
		body, length = e.gz, e.gzLength
	}
	h["Content-Length"] = length
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// fastGzip holds the writers that compress stored answers: a writer's state is most of a megabyte, and every write
// to the data makes the dashboard's answers new, each stored once. Under writes that compression is paid on every
// miss: klauspost's gzip at its default level takes 49 µs for the 14 KB overview answer where the standard
// library's best compression took 151 µs (29 % of the server's CPU under the mixed load), for 1.5 % more bytes.
var fastGzip = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(nil, gzip.DefaultCompression)
	return zw
}}

// store keeps an answer with its gzip, within the byte budget, and returns the entry made.
func (f *FastPath) store(key []byte, note *FastNote, contentType string, body []byte) *fastEntry {
	e := &fastEntry{key: string(key), reads: note.Reads, ver: note.Ver, operation: note.Operation, contentType: contentType,
		plain: bytes.Clone(body), contentTypeValue: []string{contentType}[:1:1], plainLength: []string{strconv.Itoa(len(body))}[:1:1]}
	if len(body) >= CompressMinBytes {
		var b bytes.Buffer
		zw := fastGzip.Get().(*gzip.Writer)
		zw.Reset(&b)
		zw.Write(body)
		zw.Close()
		fastGzip.Put(zw)
		e.gz = b.Bytes()
		e.gzLength = []string{strconv.Itoa(len(e.gz))}[:1:1]
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	// The key names the query, not its versions: after a write the new answer replaces the old one. Removed first,
	// so that the old one leaves the byte count (the cache's Add replaces a value without calling the eviction).
	h := keyHash(key)
	f.lru.Remove(h)
	f.bytes += e.size()
	f.lru.Add(h, e)
	for f.bytes > maxFastBytes && f.lru.Len() > 0 {
		f.lru.RemoveOldest()
	}
	return e
}

// maxCaptured bounds the answer the fast path holds back: a longer one streams on and is not kept.
const maxCaptured = 256 << 10

// holdWriter holds a response back until its handler ends (status and bytes; headers go to the real header map as
// the handler sets them), so that an answer the fast path keeps goes out once, as kept. An answer longer than
// maxCaptured, or one the handler flushes, streams on from there.
type holdWriter struct {
	http.ResponseWriter
	status      int
	wroteHeader bool
	buf         bytes.Buffer
	// streaming is set once what was held went out: the rest passes through, and nothing is kept.
	streaming bool
	// beforeWrite, when set, runs once before the first header or byte goes out.
	beforeWrite func()
}

func (h *holdWriter) WriteHeader(code int) {
	switch {
	case h.streaming:
		h.ResponseWriter.WriteHeader(code)
	case !h.wroteHeader:
		h.wroteHeader, h.status = true, code
	}
}

func (h *holdWriter) Write(p []byte) (int, error) {
	if !h.wroteHeader {
		h.WriteHeader(http.StatusOK)
	}
	if !h.streaming && h.buf.Len()+len(p) > maxCaptured {
		h.release()
	}
	if h.streaming {
		return h.ResponseWriter.Write(p)
	}
	return h.buf.Write(p)
}

// release sends what is held and lets the rest pass through.
func (h *holdWriter) release() {
	if h.streaming {
		return
	}
	h.streaming = true
	if h.beforeWrite != nil {
		h.beforeWrite()
	}
	if h.wroteHeader {
		h.ResponseWriter.WriteHeader(h.status)
	}
	if h.buf.Len() > 0 {
		h.ResponseWriter.Write(h.buf.Bytes())
		h.buf.Reset()
	}
}

// Flush sends what is held and passes streaming through (subscriptions over SSE, if ever enabled).
func (h *holdWriter) Flush() {
	h.release()
	if fl, ok := h.ResponseWriter.(http.Flusher); ok {
		fl.Flush()
	}
}

// Unwrap lets http.ResponseController reach the real writer.
func (h *holdWriter) Unwrap() http.ResponseWriter { return h.ResponseWriter }
