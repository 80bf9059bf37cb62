package sqlite

// DemoSchemaSQL reads the schema itself: sqlite_schema and its pragmas. A pointing row is named by its rowid.
func (engine) DemoSchemaSQL() (demoTables, foreignKeys string) {
	return `SELECT m.name FROM sqlite_schema m, pragma_table_info(m.name) c
		WHERE m.type = 'table' AND c.name = 'demo' AND m.name NOT LIKE 'rollup\_%' ESCAPE '\' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'`,
		`SELECT m.name, f."from", f."table", 'id', upper(f.on_delete), 'c.rowid' FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY m.name, f.id`
}
