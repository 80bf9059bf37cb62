package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/store"
)

var _ db.Importer = (*DB)(nil)

// IdentityIDs is true: replicas create records side by side, so every new record draws its ID from the identity.
func (engine) IdentityIDs() bool { return true }

// keyExpr is one key column of an index: its expression and the type the index stores.
type keyExpr struct{ expr, typ string }

// keyExprs reads the key expressions of a unique index from the catalog, as PostgreSQL prints them: column names
// and expressions over the table's unqualified columns.
func keyExprs(ctx context.Context, tx pgx.Tx, index string) ([]keyExpr, error) {
	rows, err := tx.Query(ctx, `SELECT pg_get_indexdef(i.indexrelid, k, true), format_type(a.atttypid, a.atttypmod)
		FROM pg_index i CROSS JOIN generate_series(1, i.indnkeyatts) k JOIN pg_attribute a ON a.attrelid = i.indexrelid AND a.attnum = k
		WHERE i.indexrelid = to_regclass($1) AND i.indisunique ORDER BY k`, index)
	if err != nil {
		return nil, err
	}
	keys, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (keyExpr, error) {
		var k keyExpr
		return k, r.Scan(&k.expr, &k.typ)
	})
	if err == nil && len(keys) == 0 {
		err = fmt.Errorf("natural key index %s not found", index)
	}
	return keys, err
}

// BeginImport opens an import's transaction and locks the target table against other writers (readers go on)
// until the import ends, so that a record created meanwhile through another replica cannot slip between the
// matching and the insert: the import sees the table as SQLite's single writer would. The staging table has the
// target's columns with the target's types, so that IS NOT DISTINCT FROM compares them exactly as stored, and the
// natural key is computed on it by generated columns from the key index's own expressions, read from the catalog,
// so that matching and the index never drift apart and every probe uses the index.
func (e engine) BeginImport(ctx context.Context, table, keyIndex string, cols []string) (store.ImportStage, [][2]string, error) {
	tx, err := e.d.pool.Begin(ctx)
	if err != nil {
		return nil, nil, err
	}
	st := &importStage{storeQuerier: storeQuerier{q: tx, d: e.d, limit: e.d.opts.LongStatementTimeout}, d: e.d, tx: tx, cols: cols}
	pairs, err := st.create(ctx, table, keyIndex)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, pairs, nil
}

func (st *importStage) create(ctx context.Context, table, keyIndex string) ([][2]string, error) {
	if _, err := st.tx.Exec(ctx, `LOCK TABLE `+table+` IN SHARE ROW EXCLUSIVE MODE`); err != nil {
		return nil, err
	}
	keys, err := keyExprs(ctx, st.tx, keyIndex)
	if err != nil {
		return nil, err
	}
	if _, err := st.tx.Exec(ctx, `CREATE TEMP TABLE import_stage ON COMMIT DROP AS SELECT 0::integer AS "row", NULL::bigint AS target,
		NULL::boolean AS changed, `+strings.Join(st.cols, ", ")+` FROM `+table+` WITH NO DATA`); err != nil {
		return nil, err
	}
	pairs := make([][2]string, len(keys))
	for i, k := range keys {
		name := "key_" + strconv.Itoa(i+1)
		if _, err := st.tx.Exec(ctx, `ALTER TABLE import_stage ADD COLUMN `+name+` `+k.typ+` GENERATED ALWAYS AS (`+k.expr+`) STORED`); err != nil {
			return nil, fmt.Errorf("stage key %s: %w", k.expr, err)
		}
		// Over the target's alias the unqualified columns of k are the target's, so that the expression is the
		// index's own and the planner probes the index.
		pairs[i] = [2]string{k.expr, "s." + name}
	}
	return pairs, nil
}

// importStage is an import's transaction; the staging table goes with it.
type importStage struct {
	storeQuerier
	d    *DB
	tx   pgx.Tx
	cols []string
	done bool
}

// Put replaces the staged rows through COPY.
func (st *importStage) Put(ctx context.Context, rows [][]any) error {
	if _, err := st.tx.Exec(ctx, `TRUNCATE import_stage`); err != nil {
		return err
	}
	_, err := st.tx.CopyFrom(ctx, pgx.Identifier{"import_stage"}, append([]string{"row"}, st.cols...), pgx.CopyFromRows(rows))
	return err
}

// Commit bumps the data version when asked, as the last statement, and commits.
func (st *importStage) Commit(ctx context.Context, bump bool) error {
	if bump {
		if err := bumpVersion(ctx, st.tx, db.AllDomains); err != nil {
			return err
		}
	}
	err := st.tx.Commit(ctx)
	st.d.ver.forget()
	st.done = err == nil
	return err
}

// Close rolls back unless committed.
func (st *importStage) Close() {
	if !st.done {
		st.tx.Rollback(context.Background())
	}
}
