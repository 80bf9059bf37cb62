package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/wenming/wenming/db"
)

// ForeignKey is one column of a table that points at another table's key, as the engine's catalog describes it.
type ForeignKey struct {
	Table, Col, Ref, RefCol string
	// OnDelete is the action of the key, spelled as SQL spells it (CASCADE, SET NULL, …).
	OnDelete string
	// ChildID is SQL over the pointing row c that names it in a refusal.
	ChildID string
}

// demoSchema finds every record table with a demo column and every foreign key, from the schema itself, so that
// tables added by later migrations are purged and checked without a list to keep in step.
func (s *Store) demoSchema(ctx context.Context, tx *Tx) (map[string]bool, []ForeignKey, error) {
	demoSQL, fkSQL := s.eng.DemoSchemaSQL()
	rows, err := tx.Query(ctx, demoSQL)
	if err != nil {
		return nil, nil, err
	}
	names, err := collect(rows, func(r Rows) (string, error) {
		var name string
		return name, r.Scan(&name)
	})
	if err != nil {
		return nil, nil, err
	}
	demo := make(map[string]bool, len(names))
	for _, n := range names {
		demo[n] = true
	}
	if rows, err = tx.Query(ctx, fkSQL); err != nil {
		return nil, nil, err
	}
	fks, err := collect(rows, func(r Rows) (ForeignKey, error) {
		var k ForeignKey
		return k, r.Scan(&k.Table, &k.Col, &k.Ref, &k.RefCol, &k.OnDelete, &k.ChildID)
	})
	return demo, fks, err
}

// deleteOrder lists the demo tables children first, by the foreign keys among them (db.DeleteOrder).
func deleteOrder(demo map[string]bool, fks []ForeignKey) []string {
	var tables []string
	for t := range demo {
		tables = append(tables, t)
	}
	var keys [][2]string
	for _, k := range fks {
		if demo[k.Table] && demo[k.Ref] {
			keys = append(keys, [2]string{k.Table, k.Ref})
		}
	}
	return db.DeleteOrder(tables, keys)
}

// errPurgeStop ends PurgeDemo's transaction without writing: a dry run, blockers, or nothing to purge.
var errPurgeStop = errors.New("purge: nothing written")

// PurgeDemo hard-deletes every demo record in one transaction with its audit entry, refusing while real records
// still point at demo ones. Rollups follow through their triggers, and the data version is bumped; a dry run, a
// refusal or an empty purge rolls back and bumps nothing.
func (s *Store) PurgeDemo(ctx context.Context, dryRun bool) (*db.DemoPurgeReport, error) {
	if err := db.Require(ctx, db.RoleAdmin); err != nil {
		return nil, err
	}
	// A snapshot in the bin says 1 on SQLite and true on PostgreSQL (or 1, when copied from SQLite).
	binnedDemo := `CAST(` + s.eng.JSONField("data", "demo") + ` AS TEXT) IN ('1', 'true')`
	var rep *db.DemoPurgeReport
	err := s.eng.WriteTx(ctx, func(tx *Tx) error {
		rep = &db.DemoPurgeReport{DryRun: dryRun}
		demo, fks, err := s.demoSchema(ctx, tx)
		if err != nil {
			return fmt.Errorf("read schema: %w", err)
		}
		order := deleteOrder(demo, fks)
		for _, t := range order {
			c := &db.DemoTableCount{Table: t, NameZh: db.DemoTableZh(t)}
			if err := tx.QueryRow(ctx, `SELECT count(*) FROM `+t+` WHERE demo = TRUE`).Scan(&c.Count); err != nil {
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
			n, err := tx.Exec(ctx, `DELETE FROM `+t+` WHERE demo = TRUE`)
			if err != nil {
				return fmt.Errorf("delete demo %s: %w", t, err)
			}
			if n > 0 {
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
		sum := string(summary)
		return s.writeAudit(ctx, tx, db.ActionPurgeDemo, db.EntityDemoData, nil, &sum, nil)
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
func demoBlockers(ctx context.Context, tx *Tx, demo map[string]bool, fks []ForeignKey, rep *db.DemoPurgeReport) error {
	for _, k := range fks {
		if !demo[k.Ref] {
			continue
		}
		realChild := "TRUE"
		if demo[k.Table] {
			realChild = "c.demo = FALSE"
		} else if k.OnDelete == "CASCADE" || k.OnDelete == "SET NULL" {
			continue
		}
		q := `FROM ` + k.Table + ` c JOIN ` + k.Ref + ` p ON p.` + k.RefCol + ` = c.` + k.Col + ` WHERE p.demo = TRUE AND ` + realChild
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) `+q).Scan(&n); err != nil {
			return fmt.Errorf("check %s.%s: %w", k.Table, k.Col, err)
		}
		if n == 0 {
			continue
		}
		rep.BlockerCount += n
		room := db.MaxDemoBlockers - len(rep.Blockers)
		if room <= 0 {
			continue
		}
		rows, err := tx.Query(ctx, `SELECT `+k.ChildID+`, p.id `+q+` ORDER BY `+k.ChildID+`, p.id LIMIT ?`, room)
		if err != nil {
			return err
		}
		list, err := collect(rows, func(r Rows) (*db.DemoBlocker, error) {
			b := &db.DemoBlocker{Table: k.Table, NameZh: db.DemoTableZh(k.Table), Column: k.Col, RefTable: k.Ref, RefName: db.DemoTableZh(k.Ref)}
			return b, r.Scan(&b.ID, &b.RefID)
		})
		if err != nil {
			return err
		}
		rep.Blockers = append(rep.Blockers, list...)
	}
	return nil
}
