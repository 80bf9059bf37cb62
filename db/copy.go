package db

import "context"

// TableSource streams a backend's stored rows table by table, so that `wenming copy` can move an office's database
// (records, audit log, users, tokens) onto another backend without knowing its SQL.
type TableSource interface {
	// CopyTables lists the tables that hold data worth moving, parents before children; derived tables (rollups)
	// and bookkeeping (migrations) are left out, since the target rebuilds them.
	CopyTables(ctx context.Context) ([]string, error)
	// DumpTable calls fn with each row of the table, values in the order of cols, as the driver returns them.
	DumpTable(ctx context.Context, table string, cols []string, fn func(row []any) error) error
	// CountRows counts the rows of a table, to verify a copy.
	CountRows(ctx context.Context, table string) (int64, error)
}

// TableSink loads dumped rows into an empty backend, converting each value to its column's type, and then rebuilds
// what it derives (rollups, identity counters).
type TableSink interface {
	// CopyColumns lists the columns of a table that a copy writes (generated columns excluded).
	CopyColumns(ctx context.Context, table string) ([]string, error)
	// RestoreTables loads each table in order from its rows, in one transaction, then rebuilds derived data.
	RestoreTables(ctx context.Context, tables []string, rows func(table string, cols []string, fn func(row []any) error) error) error
	// CountRows counts the rows of a table, to verify a copy.
	CountRows(ctx context.Context, table string) (int64, error)
}
