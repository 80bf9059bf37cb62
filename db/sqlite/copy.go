package sqlite

import (
	"context"
	"database/sql"
	"sort"
	"strings"

	"github.com/wenming/wenming/db"
)

var _ db.TableSource = (*DB)(nil)

// copySkipped are tables a copy leaves out: derived data the target rebuilds, bookkeeping of this file, and
// sign-in attempts, which expire within minutes.
func copySkipped(table string) bool {
	return strings.HasPrefix(table, "rollup_") || strings.HasPrefix(table, "sqlite_") || table == "schema_migrations" ||
		table == "login_attempts"
}

// CopyTables lists the tables worth moving, parents before the tables that point at them.
func (d *DB) CopyTables(ctx context.Context) ([]string, error) {
	rows, err := d.read.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	all, err := collect(rows, func(r *sql.Rows) (string, error) {
		var s string
		return s, r.Scan(&s)
	})
	if err != nil {
		return nil, err
	}
	var tables []string
	for _, t := range all {
		if !copySkipped(t) {
			tables = append(tables, t)
		}
	}
	rows, err = d.read.QueryContext(ctx, `SELECT m.name, f."table" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`)
	if err != nil {
		return nil, err
	}
	type edge struct{ child, parent string }
	edges, err := collect(rows, func(r *sql.Rows) (edge, error) {
		var e edge
		return e, r.Scan(&e.child, &e.parent)
	})
	if err != nil {
		return nil, err
	}
	parents := map[string]map[string]bool{}
	for _, e := range edges {
		if e.child != e.parent {
			if parents[e.child] == nil {
				parents[e.child] = map[string]bool{}
			}
			parents[e.child][e.parent] = true
		}
	}
	sort.Strings(tables)
	var out []string
	done := map[string]bool{}
	for len(out) < len(tables) {
		progressed := false
		for _, t := range tables {
			if done[t] {
				continue
			}
			ready := true
			for p := range parents[t] {
				if !done[p] && !copySkipped(p) {
					ready = false
				}
			}
			if ready {
				out, done[t], progressed = append(out, t), true, true
			}
		}
		if !progressed {
			for _, t := range tables {
				if !done[t] {
					out, done[t] = append(out, t), true
				}
			}
		}
	}
	return out, nil
}

// DumpTable streams the named columns of every row of a table, in rowid (or primary key) order.
func (d *DB) DumpTable(ctx context.Context, table string, cols []string, fn func(row []any) error) error {
	if copySkipped(table) || strings.ContainsAny(table, " ;\"'") {
		return db.FieldErrorf("table", "不能复制的表：%s", table)
	}
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
	}
	order := " ORDER BY rowid"
	var withoutRowid bool
	if err := d.read.QueryRowContext(ctx, `SELECT wr FROM pragma_table_list WHERE name = ?`, table).Scan(&withoutRowid); err == nil && withoutRowid {
		order = "" // a WITHOUT ROWID table is read in its primary key's order
	}
	rows, err := d.read.QueryContext(ctx, `SELECT `+strings.Join(quoted, ", ")+` FROM "`+table+`"`+order)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		if err := fn(vals); err != nil {
			return err
		}
	}
	return rows.Err()
}
