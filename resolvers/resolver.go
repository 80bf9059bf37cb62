// Package resolvers implements the GraphQL API on top of the db.Store interfaces. Resolvers stay thin: they
// validate input at the edge, translate global IDs, and hand off to the store through per-request dataloaders.
package resolvers

import (
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/live"
)

// rfc3339 formats a timestamp for the API.
func rfc3339(t *time.Time) string { return t.UTC().Format(time.RFC3339) }

// rfc3339p formats an optional timestamp.
func rfc3339p(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := rfc3339(t)
	return &s
}

// Resolver is the root resolver; it holds the store every field reads from.
type Resolver struct {
	Store db.Store
	// BcryptCost is the cost of password hashes made through the API (0: db.DefaultBcryptCost).
	BcryptCost int
	// Live feeds the dataChanged subscription.
	Live *live.Broker
}

// accounts is the account service over the store, at the server's hashing cost.
func (r *Resolver) accounts() db.Accounts {
	return db.Accounts{Store: r.Store, BcryptCost: r.BcryptCost}
}

// New returns a root resolver over the store.
func New(store db.Store) *Resolver { return &Resolver{Store: store} }
