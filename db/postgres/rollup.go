package postgres

// Stubs for db/sqlite/rollup.go: CheckRollups compares every rollup with the same aggregate computed from the
// records (rollupChecks there). The rebuild SQL lives in load.go (rebuildRollups), since the loaders run it.

import "context"

// CheckRollups is not ported yet; db/sqlite/rollup.go has it.
func (d *DB) CheckRollups(ctx context.Context) error {
	return errNotImplemented
}
