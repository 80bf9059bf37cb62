// Package resolvers implements the GraphQL API on top of the db.Store interfaces. Resolvers stay thin: they
// validate input at the edge, translate global IDs, and hand off to the store through per-request dataloaders.
package resolvers

import (
	"github.com/wenming/wenming/db"
)

// Resolver is the root resolver; it holds the store every field reads from.
type Resolver struct {
	Store db.Store
}

// New returns a root resolver over the store.
func New(store db.Store) *Resolver { return &Resolver{Store: store} }
