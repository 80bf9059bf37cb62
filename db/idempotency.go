package db

import (
	"context"
	"sync/atomic"
	"time"
)

// IdempotencyKeyTTL is how long a write's idempotency key and its answer are kept: long enough for a client to
// retry across a failover, a lost connection or a night, short enough that the table stays small.
const IdempotencyKeyTTL = 24 * time.Hour

// IdempotencyKeyMax is the longest key accepted, in bytes: a UUID is 36, and a longer key buys nothing.
const IdempotencyKeyMax = 128

// Reasons of a refused or answered repeat, for clients to branch on.
const (
	// ReasonKeyReused: the caller sent a key again with another operation or other variables.
	ReasonKeyReused = "KEY_REUSED"
	// ReasonKeyInFlight: the first request with the key is still running (or another one raced it).
	ReasonKeyInFlight = "KEY_IN_FLIGHT"
	// ReasonAlreadyApplied: the write of the key committed, but its answer was never stored (the server or the
	// database went away between the commit and the answer). The write is there, once; retrying writes nothing.
	ReasonAlreadyApplied = "ALREADY_APPLIED"
)

// IdempotentWrite is one mutation sent with an idempotency key. The store records it in the same transaction as the
// write it makes (the first that commits), so that a key exists exactly when its write does: a client that lost the
// answer and retries learns that the write is there instead of writing twice.
type IdempotentWrite struct {
	// Caller is whose key it is: keys are scoped to the account, so that one caller's key never answers another.
	Caller string
	// Key is what the client sent (Idempotency-Key header or extensions.idempotencyKey).
	Key string
	// Fingerprint is a digest of the operation and its variables: a key sent again with others is refused.
	Fingerprint string
	// Operation is the operation's name, for the operator reading the table.
	Operation string
	recorded  atomic.Bool
}

// MarkRecorded notes that the key was written with a committed transaction; later transactions of the same request
// do not record it again.
func (w *IdempotentWrite) MarkRecorded() { w.recorded.Store(true) }

// Recorded reports whether the key was written with a committed transaction of this request.
func (w *IdempotentWrite) Recorded() bool { return w.recorded.Load() }

type idempotentKey struct{}

// WithIdempotentWrite attaches a keyed mutation to the context, for the store to record with its write.
func WithIdempotentWrite(ctx context.Context, w *IdempotentWrite) context.Context {
	return context.WithValue(ctx, idempotentKey{}, w)
}

// IdempotentWriteFrom returns the keyed mutation the context carries, or nil.
func IdempotentWriteFrom(ctx context.Context) *IdempotentWrite {
	w, _ := ctx.Value(idempotentKey{}).(*IdempotentWrite)
	return w
}

// IdempotencyRecord is what the store holds for a key: whose, for which operation and variables, and the answer
// once it was given.
type IdempotencyRecord struct {
	Fingerprint string
	Operation   string
	// Answer is the JSON of the first answer; nil until it was stored, and for ever if the answer was lost.
	Answer []byte
}

// IdempotencyStore keeps idempotency keys and their answers.
type IdempotencyStore interface {
	// IdempotencyRecord returns the caller's live record of key, or ENOTFOUND.
	IdempotencyRecord(ctx context.Context, caller, key string) (*IdempotencyRecord, error)
	// SaveIdempotentAnswer stores the first answer of a key that its write recorded.
	SaveIdempotentAnswer(ctx context.Context, caller, key string, answer []byte) error
	// PurgeIdempotencyKeys removes keys older than IdempotencyKeyTTL and returns how many.
	PurgeIdempotencyKeys(ctx context.Context, now time.Time) (int64, error)
}

// ValidIdempotencyKey reports whether a client's key is usable: 1 to IdempotencyKeyMax printable ASCII characters.
func ValidIdempotencyKey(key string) bool {
	if key == "" || len(key) > IdempotencyKeyMax {
		return false
	}
	for i := 0; i < len(key); i++ {
		if key[i] < 0x21 || key[i] > 0x7e {
			return false
		}
	}
	return true
}
