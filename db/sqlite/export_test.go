package sqlite

import (
	"context"
	"strconv"
)

// LimitPages lets the black-box tests fill the disk for real: SQLite's max_page_count on the writer connection (the
// only one that writes) caps the file at its current size plus extra pages, and SQLite then fails writes with
// SQLITE_FULL, exactly as on a full disk. extra < 0 lifts the cap.
func LimitPages(ctx context.Context, d *DB, extra int) error {
	var n int64
	if extra < 0 {
		return d.write.QueryRowContext(ctx, `PRAGMA max_page_count = 4294967294`).Scan(&n)
	}
	var pages int64
	if err := d.write.QueryRowContext(ctx, `PRAGMA page_count`).Scan(&pages); err != nil {
		return err
	}
	return d.write.QueryRowContext(ctx, `PRAGMA max_page_count = `+strconv.FormatInt(pages+int64(extra), 10)).Scan(&n)
}
