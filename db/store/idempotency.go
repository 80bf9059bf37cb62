package store

// Idempotency keys: a keyed mutation's key is inserted by the first transaction of the request that commits, in that
// transaction, so that the key exists exactly when the write does (db.IdempotentWrite). keyedEngine does it for every
// transaction the store opens, so that no write path can forget it.

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/wenming/wenming/db"
)

// keyedEngine is the engine with the recording of idempotency keys around its transactions.
type keyedEngine struct{ Engine }

// WriteTx records the request's key, if it carries one not yet recorded, as the transaction's first statement.
func (e keyedEngine) WriteTx(ctx context.Context, fn func(tx *Tx) error) error {
	return e.withKey(ctx, fn, e.Engine.WriteTx)
}

// Tx records the request's key as WriteTx does: reporting and accounts write outside the data versions.
func (e keyedEngine) Tx(ctx context.Context, fn func(tx *Tx) error) error {
	return e.withKey(ctx, fn, e.Engine.Tx)
}

func (e keyedEngine) withKey(ctx context.Context, fn func(tx *Tx) error, run func(context.Context, func(tx *Tx) error) error) error {
	w := db.IdempotentWriteFrom(ctx)
	if w == nil || w.Recorded() {
		return run(ctx, fn)
	}
	err := run(ctx, func(tx *Tx) error {
		if err := e.recordKey(ctx, tx, w); err != nil {
			return err
		}
		return fn(tx)
	})
	if err == nil {
		w.MarkRecorded()
	}
	return err
}

// recordKey inserts the key; a live row of the same caller and key means that another request holds it (raced, or
// committed since this one looked), which the transaction refuses rather than writing twice. An expired row of
// the key goes first, so that a key may come back after IdempotencyKeyTTL.
func (e keyedEngine) recordKey(ctx context.Context, tx *Tx, w *db.IdempotentWrite) error {
	now := time.Now()
	if _, err := tx.Exec(ctx, `DELETE FROM idempotency_keys WHERE caller = ? AND key = ? AND created_at < ?`,
		w.Caller, w.Key, e.Instant(now.Add(-db.IdempotencyKeyTTL), time.Millisecond)); err != nil {
		return err
	}
	n, err := tx.Exec(ctx, `INSERT INTO idempotency_keys (caller, key, fingerprint, operation, created_at) VALUES (?,?,?,?,?)
		ON CONFLICT (caller, key) DO NOTHING`, w.Caller, w.Key, w.Fingerprint, w.Operation, e.Instant(now, time.Millisecond))
	if err != nil {
		return err
	}
	if n == 0 {
		return db.Errorf(db.ECONFLICT, "同一幂等键的请求正在处理或刚刚完成，请稍后重试").Because(db.ReasonKeyInFlight)
	}
	return nil
}

// IdempotencyRecord returns the caller's live record of key, or ENOTFOUND.
func (s *Store) IdempotencyRecord(ctx context.Context, caller, key string) (*db.IdempotencyRecord, error) {
	var r db.IdempotencyRecord
	err := s.eng.Read().QueryRow(ctx, `SELECT fingerprint, operation, answer FROM idempotency_keys
		WHERE caller = ? AND key = ? AND created_at >= ?`, caller, key, s.milli(time.Now().Add(-db.IdempotencyKeyTTL))).
		Scan(&r.Fingerprint, &r.Operation, &r.Answer)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, db.Errorf(db.ENOTFOUND, "幂等键不存在")
	}
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// SaveIdempotentAnswer stores the first answer of a key; an answer already stored is kept.
func (s *Store) SaveIdempotentAnswer(ctx context.Context, caller, key string, answer []byte) error {
	_, err := s.eng.Write().Exec(ctx, `UPDATE idempotency_keys SET answer = ? WHERE caller = ? AND key = ? AND answer IS NULL`,
		answer, caller, key)
	return err
}

// PurgeIdempotencyKeys removes keys older than IdempotencyKeyTTL.
func (s *Store) PurgeIdempotencyKeys(ctx context.Context, now time.Time) (int64, error) {
	return s.eng.Write().Exec(ctx, `DELETE FROM idempotency_keys WHERE created_at < ?`, s.milli(now.Add(-db.IdempotencyKeyTTL)))
}
