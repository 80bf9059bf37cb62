package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/wenming/wenming/db"
)

var _ db.TableSink = (*DB)(nil)

// CopyColumns lists the columns of a table that a copy writes: every stored column but the generated ones.
func (d *DB) CopyColumns(ctx context.Context, table string) ([]string, error) {
	rows, err := d.pool.Query(ctx, `SELECT column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`, table)
	if err != nil {
		return nil, err
	}
	cols, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, err
	}
	if len(cols) == 0 {
		return nil, db.FieldErrorf("table", "目标数据库没有表 %s", table)
	}
	return cols, nil
}

// columnTypes maps each column of a table to its PostgreSQL type name (boolean, date, jsonb …).
func columnTypes(ctx context.Context, tx pgx.Tx, table string) (map[string]string, error) {
	rows, err := tx.Query(ctx, `SELECT column_name, data_type FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = $1`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var c, t string
		if err := rows.Scan(&c, &t); err != nil {
			return nil, err
		}
		out[c] = t
	}
	return out, rows.Err()
}

// instantLayouts are the ways a source writes instants (audit times, session expiries, created_at).
var instantLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05.000Z07:00", "2006-01-02T15:04:05Z", "2006-01-02 15:04:05"}

// convert turns a source value into what the column's type takes: SQLite keeps flags as 0/1, dates and instants as
// text, JSON as text; files (bytea) keep their bytes.
func convert(v any, typ string) (any, error) {
	if b, ok := v.([]byte); ok {
		if typ == "bytea" {
			return b, nil
		}
		v = string(b)
	}
	if v == nil {
		return nil, nil
	}
	switch typ {
	case "boolean":
		switch x := v.(type) {
		case int64:
			return x != 0, nil
		case bool:
			return x, nil
		}
	case "date":
		if s, ok := v.(string); ok {
			return time.Parse(time.DateOnly, s[:min(len(s), 10)])
		}
	case "timestamp with time zone", "timestamp without time zone":
		if s, ok := v.(string); ok {
			for _, l := range instantLayouts {
				if t, err := time.Parse(l, s); err == nil {
					return t, nil
				}
			}
			return nil, fmt.Errorf("instant %q", s)
		}
	case "bytea":
		if s, ok := v.(string); ok {
			return []byte(s), nil
		}
	case "json", "jsonb":
		if s, ok := v.(string); ok {
			return json.RawMessage(s), nil
		}
	case "text", "character varying":
		if s, ok := v.(string); ok {
			return s, nil
		}
		return fmt.Sprint(v), nil
	}
	return v, nil
}

// RestoreTables loads every table in order, in one transaction, converting each value to its column's type, with
// the rollup triggers standing aside; the rollups and identity counters are rebuilt at the end.
func (d *DB) RestoreTables(ctx context.Context, tables []string, rows func(table string, cols []string, fn func(row []any) error) error) error {
	tx, err := d.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(ctx, `SET LOCAL wenming.bulk_load = 'on'`); err != nil {
		return err
	}
	for _, table := range tables {
		cols, err := d.CopyColumns(ctx, table)
		if err != nil {
			return err
		}
		types, err := columnTypes(ctx, tx, table)
		if err != nil {
			return err
		}
		if table == "meta" {
			// The migrations wrote the initial data version; the source's replaces it.
			if _, err := tx.Exec(ctx, `DELETE FROM meta`); err != nil {
				return err
			}
		}
		if err := copyTable(ctx, tx, table, cols, types, rows); err != nil {
			return fmt.Errorf("%s: %w", table, constraintError(err))
		}
	}
	if err := endBulkLoad(ctx, tx); err != nil {
		return err
	}
	defer d.ver.forget()
	return tx.Commit(ctx)
}

// copyTable streams one table's dumped rows into COPY: the dump pushes rows, COPY pulls them, so a goroutine hands
// them over one batch at a time and memory stays flat.
func copyTable(ctx context.Context, tx pgx.Tx, table string, cols []string, types map[string]string,
	rows func(table string, cols []string, fn func(row []any) error) error) error {
	batches := make(chan [][]any, 2)
	dumpErr := make(chan error, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(batches)
		var batch [][]any
		err := rows(table, cols, func(row []any) error {
			out := make([]any, len(row))
			for i, v := range row {
				c, err := convert(v, types[cols[i]])
				if err != nil {
					return fmt.Errorf("column %s: %w", cols[i], err)
				}
				out[i] = c
			}
			batch = append(batch, out)
			if len(batch) == 1000 {
				select {
				case batches <- batch:
				case <-ctx.Done():
					return ctx.Err()
				}
				batch = nil
			}
			return nil
		})
		if err == nil && len(batch) > 0 {
			select {
			case batches <- batch:
			case <-ctx.Done():
				err = ctx.Err()
			}
		}
		dumpErr <- err
	}()
	src := &batchSource{batches: batches}
	_, err := tx.CopyFrom(ctx, pgx.Identifier{table}, cols, src)
	cancel()
	for range batches {
	}
	if derr := <-dumpErr; derr != nil && err == nil && derr != context.Canceled {
		err = derr
	}
	return err
}

// batchSource feeds COPY from batches of rows.
type batchSource struct {
	batches <-chan [][]any
	cur     [][]any
	i       int
}

func (s *batchSource) Next() bool {
	for s.i+1 >= len(s.cur) {
		b, ok := <-s.batches
		if !ok {
			return false
		}
		s.cur, s.i = b, -1
	}
	s.i++
	return true
}

func (s *batchSource) Values() ([]any, error) { return s.cur[s.i], nil }
func (s *batchSource) Err() error             { return nil }
