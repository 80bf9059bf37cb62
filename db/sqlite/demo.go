package sqlite

import (
	"context"
	"strings"

	"github.com/wenming/wenming/db/store"
)

// DemoSchema finds, from the schema itself, every record table with a demo column and every foreign key, so that
// tables added by later migrations are purged and checked without a list to keep in step. A pointing row is named
// by its rowid.
func (engine) DemoSchema(ctx context.Context, tx *store.Tx) (demo map[string]bool, fks []store.ForeignKey, err error) {
	demo = map[string]bool{}
	rows, err := tx.Query(ctx, `SELECT m.name FROM sqlite_schema m, pragma_table_info(m.name) c
		WHERE m.type = 'table' AND c.name = 'demo' AND m.name NOT LIKE 'rollup\_%' ESCAPE '\' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, nil, err
		}
		demo[name] = true
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	rows, err = tx.Query(ctx, `SELECT m.name, f."from", f."table", f.on_delete FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY m.name, f.id`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		k := store.ForeignKey{RefCol: "id", ChildID: "c.rowid"}
		if err := rows.Scan(&k.Table, &k.Col, &k.Ref, &k.OnDelete); err != nil {
			return nil, nil, err
		}
		k.OnDelete = strings.ToUpper(k.OnDelete)
		fks = append(fks, k)
	}
	return demo, fks, rows.Err()
}
