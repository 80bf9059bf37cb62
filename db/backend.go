package db

import (
	"context"
	"time"
)

// Backend is a database 文明看板 runs on: the Store the API reads and writes, the source of change notifications,
// and what the server and the commands need to prepare, check and copy it. SQLite (db/sqlite) is the embedded one;
// a backend is chosen by the scheme of --db (db/dial).
type Backend interface {
	Store
	ChangeSource
	// VersionsSource reads the data version with every domain's version, for the caches.
	VersionsSource
	// Ping checks that the database answers, for /readyz.
	Ping(ctx context.Context) error
	// Migrate applies every pending migration; opening a backend does it too.
	Migrate(ctx context.Context) error
	// AppliedMigrations lists the applied migrations in order.
	AppliedMigrations(ctx context.Context) ([]string, error)
	// IsEmpty reports whether nothing has been loaded yet, i.e. the first start.
	IsEmpty(ctx context.Context) (bool, error)
	// Load writes a whole dataset into an empty database, in one transaction.
	Load(ctx context.Context, ds *Dataset) error
	// LoadBulk streams a large dataset into an empty database.
	LoadBulk(ctx context.Context, b *BulkDataset) error
	// Exclusive runs fn while no other process prepares the same database, so that servers starting together
	// seed it and create the first admin once.
	Exclusive(ctx context.Context, fn func(ctx context.Context) error) error
	// Backup writes a consistent copy of the whole database to the file out, which must not exist, while servers
	// keep reading and writing, and says what the copy holds: SQLite copies with VACUUM INTO and verifies the copy
	// before renaming it into place; PostgreSQL runs pg_dump in the snapshot it verified.
	Backup(ctx context.Context, out string) (*Verification, error)
	// Verify checks the whole database, so that a backup or a restore is known good before anyone relies on it:
	// the engine's own integrity check where it has one, and every rollup against the records it sums.
	Verify(ctx context.Context) (*Verification, error)
}

// Verification is what Verify found in a database: every check passed, with these figures.
type Verification struct {
	// DataVersion is the version every write bumps; a copy carries its source's at the moment of the copy.
	DataVersion int64
	// Migrations is the number of applied migrations.
	Migrations int
	// Records counts the rows of the record tables, by table (units, people, honors, volunteer_records,
	// practice_activities, assessments).
	Records map[string]int64
}

// BootstrapOptions says how to prepare a database on first start.
type BootstrapOptions struct {
	// Dataset builds what an empty database is loaded with (the real catalogue, with or without demo records).
	Dataset func() (*Dataset, error)
	// AdminPassword is the first admin's password; generated when empty.
	AdminPassword string
	// BcryptCost hashes it; DefaultBcryptCost when 0.
	BcryptCost int
}

// BootstrapResult says what a first start did.
type BootstrapResult struct {
	// Seeded is the dataset loaded into an empty database, or nil when it held data already.
	Seeded *Dataset
	// AdminCreated is true when the first admin was made; GeneratedPassword is its password when generated.
	AdminCreated      bool
	GeneratedPassword string
}

// Bootstrap prepares a database on start, under the backend's exclusive lock: it loads the dataset into an empty
// database and creates the first admin when none exists. Run again, it does nothing.
func Bootstrap(ctx context.Context, b Backend, opts BootstrapOptions) (*BootstrapResult, error) {
	res := &BootstrapResult{}
	err := b.Exclusive(ctx, func(ctx context.Context) error {
		empty, err := b.IsEmpty(ctx)
		if err != nil {
			return err
		}
		if empty && opts.Dataset != nil {
			ds, err := opts.Dataset()
			if err != nil {
				return err
			}
			if err := b.Load(ctx, ds); err != nil {
				return err
			}
			// The demo dataset comes with a reporting task in every state (none without demo units).
			if err := SeedDemoReporting(ctx, b, ds, time.Now()); err != nil {
				return err
			}
			res.Seeded = ds
		}
		res.AdminCreated, res.GeneratedPassword, err = Accounts{Store: b, BcryptCost: opts.BcryptCost}.EnsureAdmin(ctx, opts.AdminPassword)
		return err
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}
