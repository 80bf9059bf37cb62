// Package store is the one SQL store of 文明看板: every query and the Go around it, written once over an Engine
// that says only what SQLite and PostgreSQL do differently.
//
// SQL is hand-written with ? placeholders; the engine's Querier rebinds them where its driver wants $1, $2, ….
// db/sqlite and db/postgres keep what is theirs alone (opening, pools, versions, backups, migrations) and embed a
// *Store for the rest.
package store

import (
	"context"
	"time"
)

// Rows is a result set as both database/sql and pgx give it, so that one scan function serves both engines.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// Row is one row of a QueryRow; a query that finds none scans sql.ErrNoRows on every engine.
type Row interface {
	Scan(dest ...any) error
}

// Querier runs SQL written with ? placeholders, on a pool or inside a transaction, so that helpers take either.
type Querier interface {
	Query(ctx context.Context, query string, args ...any) (Rows, error)
	QueryRow(ctx context.Context, query string, args ...any) Row
	// Exec runs a statement and returns the number of rows it affected.
	Exec(ctx context.Context, query string, args ...any) (int64, error)
}

// Engine is what one SQL engine does its own way; the Store asks it and writes everything else once.
type Engine interface {
	// Read is the pool that answers reads outside a transaction.
	Read() Querier
	// ListParam reports whether a list binds as one array parameter (col = ANY(?)), rather than as one
	// placeholder per value (col IN (?, …)).
	ListParam() bool
	// Contains is the condition that col contains the ? argument as a substring.
	Contains(col string) string
	// EqualFold is the condition that col equals the ? argument, ignoring ASCII case.
	EqualFold(col string) string
	// Instant is how an instant binds as an argument: SQLite keeps sortable UTC text, PostgreSQL a timestamptz.
	Instant(t time.Time) any
}

// Store holds every query of 文明看板 once; db/sqlite and db/postgres embed it and supply its Engine.
type Store struct {
	eng Engine
	// list caches eng.ListParam(), asked on every IN list.
	list bool
}

// New returns the store over an engine.
func New(eng Engine) *Store {
	return &Store{eng: eng, list: eng.ListParam()}
}
