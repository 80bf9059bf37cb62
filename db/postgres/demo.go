package postgres

// DemoSchemaSQL reads the catalogs (information_schema and pg_constraint), single-column keys only. A pointing row
// is named by its id, or 0 where its table has none (ctid is no stable name).
func (engine) DemoSchemaSQL() (demoTables, foreignKeys string) {
	return `SELECT c.table_name::text FROM information_schema.columns c
		JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
		WHERE c.table_schema = current_schema() AND c.column_name = 'demo' AND c.table_name NOT LIKE 'rollup\_%'`,
		`SELECT t.relname::text, a.attname::text, r.relname::text, ra.attname::text,
			CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' WHEN 'r' THEN 'RESTRICT' ELSE 'NO ACTION' END,
			CASE WHEN EXISTS (SELECT 1 FROM pg_attribute i WHERE i.attrelid = c.conrelid AND i.attname = 'id' AND NOT i.attisdropped)
				THEN 'c.id' ELSE '0::bigint' END
		FROM pg_constraint c
		JOIN pg_class t ON t.oid = c.conrelid
		JOIN pg_class r ON r.oid = c.confrelid
		JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
		JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]
		WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 AND c.connamespace = current_schema()::regnamespace
		ORDER BY t.relname, c.conname`
}
