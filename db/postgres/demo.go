package postgres

import (
	"context"

	"github.com/wenming/wenming/db/store"
)

// DemoSchema finds, from the catalogs, every table of the current schema with a demo column (rollups aside) and
// every single-column foreign key, so that tables added by later migrations are purged and checked without a list
// to keep in step. A pointing row is named by its id, or 0 where its table has none (ctid is no stable name).
func (engine) DemoSchema(ctx context.Context, tx *store.Tx) (demo map[string]bool, fks []store.ForeignKey, err error) {
	demo = map[string]bool{}
	rows, err := tx.Query(ctx, `SELECT c.table_name::text FROM information_schema.columns c
		JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
		WHERE c.table_schema = current_schema() AND c.column_name = 'demo' AND c.table_name NOT LIKE 'rollup\_%'`)
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
	rows, err = tx.Query(ctx, `SELECT t.relname::text, a.attname::text, r.relname::text, ra.attname::text,
			CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' WHEN 'r' THEN 'RESTRICT' ELSE 'NO ACTION' END,
			EXISTS (SELECT 1 FROM pg_attribute i WHERE i.attrelid = c.conrelid AND i.attname = 'id' AND NOT i.attisdropped)
		FROM pg_constraint c
		JOIN pg_class t ON t.oid = c.conrelid
		JOIN pg_class r ON r.oid = c.confrelid
		JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
		JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]
		WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 AND c.connamespace = current_schema()::regnamespace
		ORDER BY t.relname, c.conname`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var k store.ForeignKey
		var hasID bool
		if err := rows.Scan(&k.Table, &k.Col, &k.Ref, &k.RefCol, &k.OnDelete, &hasID); err != nil {
			return nil, nil, err
		}
		k.ChildID = "0::bigint"
		if hasID {
			k.ChildID = "c.id"
		}
		fks = append(fks, k)
	}
	return demo, fks, rows.Err()
}
