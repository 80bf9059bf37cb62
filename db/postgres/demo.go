package postgres

// PurgeDemo, ported from db/sqlite/demo.go. The demo tables and the foreign keys are read from PostgreSQL's
// catalogs (information_schema and pg_constraint), so that tables added by later migrations are purged and checked
// without a list to keep in step.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	"github.com/jackc/pgx/v5"
	"github.com/wenming/wenming/db"
)

var _ db.DemoPurger = (*DB)(nil)

// demoTableZh names the tables that hold demo rows as the dashboard says them; a table added later without a name
// here is still purged, under its stored name.
var demoTableZh = map[string]string{
	"units": "单位", "people": "人物", "volunteer_projects": "志愿服务项目", "works": "作品", "honors": "荣誉",
	"volunteer_records": "志愿服务记录", "donations": "捐赠", "federation_members": "联合会会员", "practice_links": "实践中心联系",
	"pairings": "结对帮创", "practice_activities": "文明实践活动", "assessments": "测评", "targets": "年度目标",
	"source_documents": "来源文件",
}

func tableZh(t string) string {
	if n, ok := demoTableZh[t]; ok {
		return n
	}
	return t
}

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

// deleteOrder sorts the demo tables so that a table comes before every table it points at: children first.
func deleteOrder(demo map[string]bool, fks []foreignKey) []string {
	var tables []string
	for t := range demo {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	// points[a][b]: a has a foreign key to b.
	points := map[string]map[string]bool{}
	for _, k := range fks {
		if demo[k.table] && demo[k.ref] && k.table != k.ref {
			if points[k.table] == nil {
				points[k.table] = map[string]bool{}
			}
			points[k.table][k.ref] = true
		}
	}
	var out []string
	done := map[string]bool{}
	for len(out) < len(tables) {
		progressed := false
		for _, t := range tables {
			if done[t] {
				continue
			}
			// t may go once no remaining table points at it.
			free := true
			for _, o := range tables {
				if !done[o] && o != t && points[o][t] {
					free = false
					break
				}
			}
			if free {
				out, done[t], progressed = append(out, t), true, true
			}
		}
		if !progressed { // a cycle: keep the rest in name order; the foreign-key check at commit still guards it
			for _, t := range tables {
				if !done[t] {
					out, done[t] = append(out, t), true
				}
			}
		}
	}
	return out
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
			c := &db.DemoTableCount{Table: t, NameZh: tableZh(t)}
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
			b := &db.DemoBlocker{Table: k.table, NameZh: tableZh(k.table), Column: k.col, RefTable: k.ref, RefName: tableZh(k.ref)}
			return b, r.Scan(&b.ID, &b.RefID)
		})
		if err != nil {
			return err
		}
		rep.Blockers = append(rep.Blockers, list...)
	}
	return nil
}
