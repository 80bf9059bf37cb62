package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/wenming/wenming/db"
)

// bumpVersion increments the data version; writeTx and the loaders run it as the last statements of the
// transaction. The row lock it takes is held until commit, so writers pass it one at a time and versions follow
// commit order (a sequence would follow call order: see migrations/0001_init.sql). Holding it only from the end
// keeps the hot row's lock short. It then sets the version of every domain the transaction changed to the new total
// (0014_domain_versions.sql): every writer holds the total's row first, so the domain rows are never taken in
// opposite orders. The upsert recreates a domain's row if a copied database lacks it. The rows' trigger sends the
// NOTIFY that WatchChanges listens for.
func bumpVersion(ctx context.Context, tx pgx.Tx, domains db.DomainSet) error {
	var total int64
	if err := tx.QueryRow(ctx, `UPDATE meta SET value = value + 1 WHERE key = 'data_version' RETURNING value`).Scan(&total); err != nil {
		return err
	}
	var keys []string
	for _, d := range domains.List() {
		keys = append(keys, d.VersionKey())
	}
	_, err := tx.Exec(ctx, `INSERT INTO meta (key, value) SELECT k, $2 FROM unnest($1::text[]) AS k ORDER BY k
		ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, keys, total)
	return err
}

// DataVersions reads the data version with every domain's version in one statement, so in one snapshot, and records
// them for CachedVersions.
func (d *DB) DataVersions(ctx context.Context) (db.Versions, error) {
	started := time.Now()
	v, err := d.ReadVersions(ctx)
	if err != nil {
		return v, err
	}
	d.noteTimeline(v.Timeline)
	d.ver.observe(v, started)
	return v, nil
}

// DataVersion reads the version every write bumps from the database (with the domains', for CachedVersions).
func (d *DB) DataVersion(ctx context.Context) (int64, error) {
	v, err := d.DataVersions(ctx)
	return v.Global, err
}

// CachedVersions is CachedVersion with every domain's version: the versions this replica was last told about while
// it listens for changes and confirmed within versionMaxAge, otherwise a fresh read (see versionTracker).
func (d *DB) CachedVersions(ctx context.Context) (db.Versions, error) {
	if v, ok := d.ver.known(time.Now()); ok {
		return v, nil
	}
	return d.DataVersions(ctx)
}
