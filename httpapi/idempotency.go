package httpapi

// Idempotency keys of writes. A client that sends a mutation with a key (the Idempotency-Key header, or
// extensions.idempotencyKey where it cannot set headers) may send it again after losing the answer — a timeout, a
// dropped connection, a database failover — and never write twice: the store records the key in the write's own
// transaction (db.IdempotentWrite), and a repeat gets the first answer.

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/wenming/wenming/db"
)

// IdempotencyHeader is the request header that carries a write's idempotency key.
const IdempotencyHeader = "Idempotency-Key"

// idempotencyExtension is the key of extensions that carries the key where a header cannot (a WebSocket).
const idempotencyExtension = "idempotencyKey"

// idempotencyAnswerWait is how long a repeat waits for the first request's answer while that request is running.
const idempotencyAnswerWait = 3 * time.Second

type headerKey struct{}

// KeepIdempotencyKey hands the request's Idempotency-Key header to the operation, whatever transport parses the
// body (gqlgen's multipart transport passes no headers on).
func KeepIdempotencyKey(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if k := r.Header.Get(IdempotencyHeader); k != "" {
			r = r.WithContext(context.WithValue(r.Context(), headerKey{}, k))
		}
		next.ServeHTTP(w, r)
	})
}

// Idempotency answers a repeated keyed mutation with its first answer, refuses a key sent again with another
// operation or other variables, and lets a first one through with its key for the store to record.
type Idempotency struct {
	Store db.IdempotencyStore
	Log   *slog.Logger
	// purged is when this process last removed expired keys (Unix seconds); it does so at most hourly.
	purged atomic.Int64
}

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = (*Idempotency)(nil)

// ExtensionName names the extension in gqlgen's list.
func (*Idempotency) ExtensionName() string { return "Idempotency" }

// Validate accepts every schema.
func (*Idempotency) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse runs around each mutation that carries a key.
func (x *Idempotency) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Mutation {
		return next(ctx)
	}
	key, _ := ctx.Value(headerKey{}).(string)
	if key == "" {
		key, _ = oc.Extensions[idempotencyExtension].(string)
	}
	p := db.PrincipalFrom(ctx)
	if key == "" || p == nil || p.UserID == 0 {
		return next(ctx)
	}
	if !db.ValidIdempotencyKey(key) {
		return x.refuse(ctx, db.FieldErrorf(IdempotencyHeader, "幂等键须为 1 至 %d 个可打印的 ASCII 字符", db.IdempotencyKeyMax))
	}
	w := &db.IdempotentWrite{Caller: "user:" + strconv.FormatInt(p.UserID, 10), Key: key, Operation: oc.Operation.Name}
	fp, err := Fingerprint(oc.Operation.Name, oc.RawQuery, oc.Variables)
	if err != nil {
		return x.refuse(ctx, err)
	}
	w.Fingerprint = fp
	if resp, done := x.repeat(ctx, w, idempotencyAnswerWait); done {
		return resp
	}
	resp := next(db.WithIdempotentWrite(ctx, w))
	if w.Recorded() {
		x.save(ctx, w, resp)
		return resp
	}
	if hasReason(resp, db.ReasonKeyInFlight) {
		// Another request with the key committed first: answer as its repeat.
		if again, done := x.repeat(ctx, w, idempotencyAnswerWait); done {
			return again
		}
	}
	return resp
}

// repeat answers w from the store if its key was recorded: the first answer, a refusal of other variables, or —
// when the answer is still missing after wait — that the write is there but its answer was lost.
func (x *Idempotency) repeat(ctx context.Context, w *db.IdempotentWrite, wait time.Duration) (*graphql.Response, bool) {
	deadline := time.Now().Add(wait)
	for {
		rec, err := x.Store.IdempotencyRecord(ctx, w.Caller, w.Key)
		if db.ErrorCode(err) == db.ENOTFOUND {
			return nil, false
		}
		if err != nil {
			return x.refuse(ctx, err), true
		}
		if rec.Fingerprint != w.Fingerprint {
			return x.refuse(ctx, db.Errorf(db.ECONFLICT, "该幂等键已用于另一次写入（操作 %s）；每次不同的写入须用新的幂等键", rec.Operation).Because(db.ReasonKeyReused)), true
		}
		if rec.Answer != nil {
			var resp graphql.Response
			if err := json.Unmarshal(rec.Answer, &resp); err == nil {
				if resp.Extensions == nil {
					resp.Extensions = map[string]any{}
				}
				resp.Extensions["idempotentReplay"] = true
				return &resp, true
			}
		}
		if !time.Now().Before(deadline) {
			return x.refuse(ctx, db.Errorf(db.ECONFLICT, "这次写入已经生效，但当时的应答没有保存下来（例如服务在应答前中断）；数据只写入了一次，无需重试").Because(db.ReasonAlreadyApplied)), true
		}
		select {
		case <-ctx.Done():
			return x.refuse(ctx, ctx.Err()), true
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// save stores the first answer beside the key; if that fails, a repeat learns only that the write is there.
func (x *Idempotency) save(ctx context.Context, w *db.IdempotentWrite, resp *graphql.Response) {
	b, err := json.Marshal(resp)
	if err == nil {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		err = x.Store.SaveIdempotentAnswer(sctx, w.Caller, w.Key, b)
	}
	if err != nil && x.Log != nil {
		x.Log.Warn("idempotency: the answer was not stored", "operation", w.Operation, "err", err)
	}
	// Expired keys go on the write path, at most hourly, rather than on a timer of their own.
	if last := x.purged.Load(); time.Now().Unix()-last >= 3600 && x.purged.CompareAndSwap(last, time.Now().Unix()) {
		pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if _, err := x.Store.PurgeIdempotencyKeys(pctx, time.Now()); err != nil && x.Log != nil {
			x.Log.Warn("idempotency: expired keys were not removed", "err", err)
		}
	}
}

func (x *Idempotency) refuse(ctx context.Context, err error) *graphql.Response {
	return &graphql.Response{Errors: gqlerror.List{ErrorPresenter(x.Log)(ctx, err)}}
}

// Fingerprint digests an operation's name (the one the document gives it, whether or not the request named it), text and variables (uploads by name, type and size), so that a key sent
// again with anything else is told apart; exported for the tests that plant a key as a lost answer would leave it.
func Fingerprint(operationName, query string, variables map[string]any) (string, error) {
	vars := make(map[string]any, len(variables))
	for k, v := range variables {
		vars[k] = uploadsByName(v)
	}
	b, err := json.Marshal([]any{operationName, query, vars})
	if err != nil {
		return "", db.FieldErrorf("variables", "无法计算请求的指纹：%v", err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// uploadsByName replaces each uploaded file in a variable by what names it, since its bytes are not kept.
func uploadsByName(v any) any {
	switch t := v.(type) {
	case graphql.Upload:
		return map[string]any{"upload": t.Filename, "type": t.ContentType, "size": t.Size}
	case *graphql.Upload:
		return uploadsByName(*t)
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = uploadsByName(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			out[k] = uploadsByName(e)
		}
		return out
	}
	return v
}

// hasReason reports whether the response carries an error with the reason.
func hasReason(resp *graphql.Response, reason string) bool {
	if resp == nil {
		return false
	}
	for _, e := range resp.Errors {
		if e.Extensions["reason"] == reason {
			return true
		}
	}
	return false
}
