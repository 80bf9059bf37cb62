// Package resolvers implements the GraphQL API on top of the db.Store interfaces. Resolvers stay thin: they
// validate input at the edge, translate global IDs, and hand off to the store through per-request dataloaders.
package resolvers

import (
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/importer"
	"github.com/wenming/wenming/live"
)

// TimeFormat is the API's one format for instants: RFC 3339 in UTC with milliseconds, so that text order is time
// order and every field reads the same.
const TimeFormat = "2006-01-02T15:04:05.000Z07:00"

// apiTime formats an instant for the API.
func apiTime(t time.Time) string { return t.UTC().Format(TimeFormat) }

// apiTimep formats an optional instant.
func apiTimep(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := apiTime(*t)
	return &s
}

// Resolver is the root resolver; it holds the store every field reads from.
type Resolver struct {
	Store db.Store
	// BcryptCost is the cost of password hashes made through the API (0: db.DefaultBcryptCost).
	BcryptCost int
	// Live feeds the dataChanged subscription.
	Live *live.Broker
	// Now is the clock of the reporting flow's dates; time.Now when nil (tests inject one).
	Now func() time.Time
	// Jobs runs imports as jobs; one per process, so that its running imports are known to every request.
	Jobs *importer.Jobs
	// MaxUnzippedBytes bounds what an uploaded XLSX may expand to, against zip bombs (the importer's default when 0).
	MaxUnzippedBytes int64
}

// now is the resolver's clock.
func (r *Resolver) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

// accounts is the account service over the store, at the server's hashing cost.
func (r *Resolver) accounts() db.Accounts {
	return db.Accounts{Store: r.Store, BcryptCost: r.BcryptCost}
}

// New returns a root resolver over the store.
func New(store db.Store) *Resolver { return &Resolver{Store: store} }
