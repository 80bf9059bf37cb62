package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/wenming/wenming/db"
)

var _ db.DemoPurger = (*DB)(nil)

// foreignKey is one column of a table that points at another table's id.
type foreignKey struct {
	table, col, ref, onDelete string
}

// demoSchema finds, from the schema itself, every record table with a demo column and every foreign key, so that
// tables added by later migrations are purged and checked without a list to keep in step.
func demoSchema(ctx context.Context, tx *sql.Tx) (demo map[string]bool, fks []foreignKey, err error) {
	demo = map[string]bool{}
	rows, err := tx.QueryContext(ctx, `SELECT m.name FROM sqlite_schema m, pragma_table_info(m.name) c
		WHERE m.type = 'table' AND c.name = 'demo' AND m.name NOT LIKE 'rollup\_%' ESCAPE '\' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
	if err != nil {
		return nil, nil, err
	}
	names, err := collect(rows, func(r *sql.Rows) (string, error) {
		var s string
		return s, r.Scan(&s)
	})
	if err != nil {
		return nil, nil, err
	}
	for _, n := range names {
		demo[n] = true
	}
	rows, err = tx.QueryContext(ctx, `SELECT m.name, f."from", f."table", f.on_delete FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY m.name, f.id`)
	if err != nil {
		return nil, nil, err
	}
	fks, err = collect(rows, func(r *sql.Rows) (foreignKey, error) {
		var k foreignKey
		return k, r.Scan(&k.table, &k.col, &k.ref, &k.onDelete)
	})
	return demo, fks, err
}

// deleteOrder lists the demo tables children first, by the foreign keys among them (db.DeleteOrder).
func deleteOrder(demo map[string]bool, fks []foreignKey) []string {
	var tables []string
	for t := range demo {
		tables = append(tables, t)
	}
	var keys [][2]string
	for _, k := range fks {
		if demo[k.table] && demo[k.ref] {
			keys = append(keys, [2]string{k.table, k.ref})
		}
	}
	return db.DeleteOrder(tables, keys)
}

// PurgeDemo hard-deletes every demo record in one transaction with its audit entry, refusing while real records
// still point at demo ones. Rollups follow through their triggers, and the data version is bumped.
func (d *DB) PurgeDemo(ctx context.Context, dryRun bool) (*db.DemoPurgeReport, error) {
	if err := db.Require(ctx, db.RoleAdmin); err != nil {
		return nil, err
	}
	rep := &db.DemoPurgeReport{DryRun: dryRun}
	tx, err := d.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	defer forgetWrites(tx)
	demo, fks, err := demoSchema(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("read schema: %w", err)
	}
	order := deleteOrder(demo, fks)
	for _, t := range order {
		c := &db.DemoTableCount{Table: t, NameZh: db.DemoTableZh(t)}
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+t+` WHERE demo = 1`).Scan(&c.Count); err != nil {
			return nil, err
		}
		if c.Count > 0 {
			rep.Tables = append(rep.Tables, c)
		}
	}
	var binned int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM deleted_records WHERE json_extract(data, '$.demo') = 1`).Scan(&binned); err != nil {
		return nil, err
	}
	if binned > 0 {
		rep.Tables = append(rep.Tables, &db.DemoTableCount{Table: "deleted_records", NameZh: "回收站中的演示记录", Count: binned})
	}
	if err := demoBlockers(ctx, tx, demo, fks, rep); err != nil {
		return nil, err
	}
	if dryRun || rep.BlockerCount > 0 || rep.Total() == 0 {
		return rep, nil
	}
	counts := map[string]int{}
	for _, t := range order {
		res, err := tx.ExecContext(ctx, `DELETE FROM `+t+` WHERE demo = 1`)
		if err != nil {
			return nil, constraintError(fmt.Errorf("delete demo %s: %w", t, err))
		}
		if n, _ := res.RowsAffected(); n > 0 {
			counts[t] = int(n)
		}
	}
	if binned > 0 {
		if _, err := tx.ExecContext(ctx, `DELETE FROM deleted_records WHERE json_extract(data, '$.demo') = 1`); err != nil {
			return nil, err
		}
		counts["deleted_records"] = binned
	}
	summary, _ := json.Marshal(map[string]any{"deleted": counts, "total": rep.Total()})
	s := string(summary)
	if err := writeAudit(ctx, tx, db.ActionPurgeDemo, db.EntityDemoData, nil, &s, nil); err != nil {
		return nil, err
	}
	if err := bumpVersion(ctx, tx); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, constraintError(err)
	}
	rep.Purged = true
	return rep, nil
}

// demoBlockers lists the real rows that point at demo rows: a real row of a table with a demo flag, or any row of a
// table without one unless the database removes it with its parent (ON DELETE CASCADE or SET NULL).
func demoBlockers(ctx context.Context, tx *sql.Tx, demo map[string]bool, fks []foreignKey, rep *db.DemoPurgeReport) error {
	for _, k := range fks {
		if !demo[k.ref] {
			continue
		}
		realChild := "1"
		if demo[k.table] {
			realChild = "c.demo = 0"
		} else if a := strings.ToUpper(k.onDelete); a == "CASCADE" || a == "SET NULL" {
			continue
		}
		q := `FROM ` + k.table + ` c JOIN ` + k.ref + ` p ON p.id = c.` + k.col + ` WHERE p.demo = 1 AND ` + realChild
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) `+q).Scan(&n); err != nil {
			return fmt.Errorf("check %s.%s: %w", k.table, k.col, err)
		}
		if n == 0 {
			continue
		}
		rep.BlockerCount += n
		room := db.MaxDemoBlockers - len(rep.Blockers)
		if room <= 0 {
			continue
		}
		rows, err := tx.QueryContext(ctx, `SELECT c.rowid, p.id `+q+` ORDER BY c.rowid LIMIT ?`, room)
		if err != nil {
			return err
		}
		list, err := collect(rows, func(r *sql.Rows) (*db.DemoBlocker, error) {
			b := &db.DemoBlocker{Table: k.table, NameZh: db.DemoTableZh(k.table), Column: k.col, RefTable: k.ref, RefName: db.DemoTableZh(k.ref)}
			return b, r.Scan(&b.ID, &b.RefID)
		})
		if err != nil {
			return err
		}
		rep.Blockers = append(rep.Blockers, list...)
	}
	return nil
}
