package sqlite

import (
	"context"
	"database/sql"

	"github.com/wenming/wenming/db"
)

// bumpVersion increments the data version inside a write transaction, so that caches keyed on it expire, and sets
// the version of every domain the transaction changed to the new total (0014_domain_versions.sql). The upsert
// recreates a domain's row if a copied or restored database lacks it.
func bumpVersion(ctx context.Context, tx *sql.Tx, domains db.DomainSet) error {
	if _, err := tx.ExecContext(ctx, `UPDATE meta SET value = value + 1 WHERE key = 'data_version'`); err != nil {
		return err
	}
	for _, d := range domains.List() {
		if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, (SELECT value FROM meta WHERE key = 'data_version'))
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, d.VersionKey()); err != nil {
			return err
		}
	}
	return nil
}

// seenVersions is the versions as last read from the database, and the WAL-index header they were read at.
type seenVersions struct {
	hdr [2 * walHeaderSize]byte
	ver db.Versions
}

// DataVersions reads the data version with every domain's version. Every request of the API asks, so it answers
// from memory while the file has had no commit since the last read: SQLite's WAL index (the -shm file, shared by
// every process that opens the database) starts with a header that every commit rewrites (walHeader). Reading those
// 96 bytes from a shared mapping costs a copy instead of a query; whenever the header has moved, cannot be read, or
// is caught mid-update, the versions are read from the database again.
func (d *DB) DataVersions(ctx context.Context) (db.Versions, error) {
	hdr, ok := d.wal.header(d.path)
	if ok {
		if s := d.seen.Load(); s != nil && s.hdr == hdr {
			return s.ver, nil
		}
	}
	// The header was read before the versions: a commit in between makes the next request read again.
	v, err := d.ReadVersions(ctx)
	if err == nil && ok {
		d.seen.Store(&seenVersions{hdr: hdr, ver: v})
	}
	return v, err
}
