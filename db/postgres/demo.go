package postgres

// PurgeDemo, ported from db/sqlite/demo.go. The demo tables and the foreign keys are read from PostgreSQL's
// catalogs (information_schema and pg_constraint), so that tables added by later migrations are purged and checked
// without a list to keep in step.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/wenming/wenming/db"
)

var _ db.DemoPurger = (*DB)(nil)

// foreignKey is one column of a table that points at another table's id.
type foreignKey struct {
	table, col, ref, refCol, onDelete string
	// hasID tells whether the pointing table has an id column to name its blockers by.
	hasID bool
}

// demoSchema finds, from the catalogs, every table of the current schema with a demo column (rollups aside) and
// every single-column foreign key; on-delete actions are spelled as SQLite spells them (CASCADE, SET NULL, …).
func demoSchema(ctx context.Context, tx pgx.Tx) (demo map[string]bool, fks []foreignKey, err error) {
	demo = map[string]bool{}
	rows, err := tx.Query(ctx, `SELECT c.table_name::text FROM information_schema.columns c
		JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
		WHERE c.table_schema = current_schema() AND c.column_name = 'demo' AND c.table_name NOT LIKE 'rollup\_%'`)
	if err != nil {
		return nil, nil, err
	}
	names, err := collect(rows, func(r pgx.Rows) (string, error) {
		var s string
		return s, r.Scan(&s)
	})
	if err != nil {
		return nil, nil, err
	}
	for _, n := range names {
		demo[n] = true
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
	fks, err = collect(rows, func(r pgx.Rows) (foreignKey, error) {
		var k foreignKey
		return k, r.Scan(&k.table, &k.col, &k.ref, &k.refCol, &k.onDelete, &k.hasID)
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

// errPurgeStop ends PurgeDemo's transaction without writing: a dry run, blockers, or nothing to purge.
var errPurgeStop = errors.New("purge: nothing written")

// binnedDemo matches recycle-bin snapshots of demo records; a snapshot copied from SQLite says 1 where PostgreSQL's
// says true.
const binnedDemo = `data -> 'demo' IN ('true'::jsonb, '1'::jsonb)`

// PurgeDemo hard-deletes every demo record in one transaction with its audit entry, refusing while real records
// still point at demo ones. Rollups follow through their triggers, and the data version is bumped (writeTx); a dry
// run, a refusal or an empty purge rolls back and bumps nothing.
func (d *DB) PurgeDemo(ctx context.Context, dryRun bool) (*db.DemoPurgeReport, error) {
	if err := db.Require(ctx, db.RoleAdmin); err != nil {
		return nil, err
	}
	var rep *db.DemoPurgeReport
	err := d.writeTx(ctx, func(tx pgx.Tx) error {
		rep = &db.DemoPurgeReport{DryRun: dryRun}
		demo, fks, err := demoSchema(ctx, tx)
		if err != nil {
			return fmt.Errorf("read schema: %w", err)
		}
		order := deleteOrder(demo, fks)
		for _, t := range order {
			c := &db.DemoTableCount{Table: t, NameZh: db.DemoTableZh(t)}
			if err := tx.QueryRow(ctx, `SELECT count(*) FROM `+t+` WHERE demo`).Scan(&c.Count); err != nil {
				return err
			}
			if c.Count > 0 {
				rep.Tables = append(rep.Tables, c)
			}
		}
		var binned int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM deleted_records WHERE `+binnedDemo).Scan(&binned); err != nil {
			return err
		}
		if binned > 0 {
			rep.Tables = append(rep.Tables, &db.DemoTableCount{Table: "deleted_records", NameZh: "回收站中的演示记录", Count: binned})
		}
		if err := demoBlockers(ctx, tx, demo, fks, rep); err != nil {
			return err
		}
		if dryRun || rep.BlockerCount > 0 || rep.Total() == 0 {
			return errPurgeStop
		}
		counts := map[string]int{}
		for _, t := range order {
			tag, err := tx.Exec(ctx, `DELETE FROM `+t+` WHERE demo`)
			if err != nil {
				return fmt.Errorf("delete demo %s: %w", t, err)
			}
			if n := tag.RowsAffected(); n > 0 {
				counts[t] = int(n)
			}
		}
		if binned > 0 {
			if _, err := tx.Exec(ctx, `DELETE FROM deleted_records WHERE `+binnedDemo); err != nil {
				return err
			}
			counts["deleted_records"] = binned
		}
		summary, _ := json.Marshal(map[string]any{"deleted": counts, "total": rep.Total()})
		s := string(summary)
		return writeAudit(ctx, tx, db.ActionPurgeDemo, db.EntityDemoData, nil, &s, nil)
	})
	if errors.Is(err, errPurgeStop) {
		return rep, nil
	}
	if err != nil {
		return nil, err
	}
	rep.Purged = true
	return rep, nil
}

// demoBlockers lists the real rows that point at demo rows: a real row of a table with a demo flag, or any row of a
// table without one unless the database removes it with its parent (ON DELETE CASCADE or SET NULL).
func demoBlockers(ctx context.Context, tx pgx.Tx, demo map[string]bool, fks []foreignKey, rep *db.DemoPurgeReport) error {
	for _, k := range fks {
		if !demo[k.ref] {
			continue
		}
		realChild := "true"
		if demo[k.table] {
			realChild = "NOT c.demo"
		} else if k.onDelete == "CASCADE" || k.onDelete == "SET NULL" {
			continue
		}
		q := `FROM ` + k.table + ` c JOIN ` + k.ref + ` p ON p.` + k.refCol + ` = c.` + k.col + ` WHERE p.demo AND ` + realChild
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) `+q).Scan(&n); err != nil {
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
		// A table without an id names its blockers 0; ctid is no stable name to show.
		childID := "0::bigint"
		if k.hasID {
			childID = "c.id"
		}
		rows, err := tx.Query(ctx, `SELECT `+childID+`, p.id `+q+` ORDER BY `+childID+`, p.id LIMIT $1`, room)
		if err != nil {
			return err
		}
		list, err := collect(rows, func(r pgx.Rows) (*db.DemoBlocker, error) {
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
