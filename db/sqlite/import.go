package sqlite

import (
	"context"
	"database/sql"
	"regexp"
	"strings"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/store"
)

var _ db.Importer = (*DB)(nil)
var _ db.ExportStore = (*DB)(nil)

// uniqueKeys are the natural keys that were unique from the start (units.name, assessments (unit_id, year)); the
// others are naturalKeys, indexed on expressions since 0008.
var uniqueKeys = map[string][]string{"units": {"t.name"}, "assessments": {"t.unit_id", "t.year"}}

// stagedAlias turns a key expression over the table alias t into the same expression over the staged row s.
var stagedAlias = regexp.MustCompile(`\bt\.`)

// IdentityIDs is false: under the single writer an import numbers its records on from NextID, past binned IDs too.
func (engine) IdentityIDs() bool { return false }

// BeginImport opens an import's transaction on the single writer, with an untyped temporary staging table: its
// columns keep each value's type, so that IS NOT DISTINCT FROM compares them exactly as stored. The key is the
// table's naturalKeys (or uniqueKeys), the expressions its unique index holds.
func (e engine) BeginImport(ctx context.Context, table, _ string, cols []string) (store.ImportStage, [][2]string, error) {
	keys := uniqueKeys[table]
	for _, k := range naturalKeys {
		if k.table == table {
			keys = k.keys
		}
	}
	pairs := make([][2]string, len(keys))
	for i, k := range keys {
		pairs[i] = [2]string{k, stagedAlias.ReplaceAllString(k, "s.")}
	}
	tx, err := e.d.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, err
	}
	st := &importStage{storeQuerier: storeQuerier{tx}, tx: tx, cols: cols, insert: map[int]*sql.Stmt{}}
	if _, err := tx.ExecContext(ctx, `DROP TABLE IF EXISTS temp.import_stage`); err != nil {
		st.Close()
		return nil, nil, err
	}
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE import_stage ("row" INTEGER PRIMARY KEY, target INTEGER, changed INTEGER, `+
		strings.Join(cols, ", ")+`)`); err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, pairs, nil
}

// importStage is an import's transaction on the writer, with the prepared INSERTs that stage its rows.
type importStage struct {
	storeQuerier
	tx   *sql.Tx
	cols []string
	// insert holds the INSERT of n rows, by n.
	insert map[int]*sql.Stmt
	done   bool
}

// Put replaces the staged rows, in INSERTs of at most 500 rows and under SQLite's limit of 32766 variables.
func (st *importStage) Put(ctx context.Context, rows [][]any) error {
	if _, err := st.tx.ExecContext(ctx, `DELETE FROM temp.import_stage`); err != nil {
		return err
	}
	per := min(500, 32000/(len(st.cols)+1))
	var args []any
	for len(rows) > 0 {
		n := min(per, len(rows))
		ins, ok := st.insert[n]
		if !ok {
			row := "(" + strings.TrimSuffix(strings.Repeat("?,", len(st.cols)+1), ",") + "),"
			var err error
			if ins, err = st.tx.PrepareContext(ctx, `INSERT INTO temp.import_stage ("row", `+strings.Join(st.cols, ", ")+`) VALUES `+
				strings.TrimSuffix(strings.Repeat(row, n), ",")); err != nil {
				return err
			}
			st.insert[n] = ins
		}
		args = args[:0]
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		if _, err := ins.ExecContext(ctx, args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// Commit bumps the data version when asked, drops the staging table and commits.
func (st *importStage) Commit(ctx context.Context, bump bool) error {
	if bump {
		if err := bumpVersion(ctx, st.tx, db.AllDomains); err != nil {
			return storageError(err)
		}
	}
	st.release(ctx)
	if err := st.tx.Commit(); err != nil {
		return err
	}
	st.done = true
	return nil
}

// Close drops the staging table and rolls back, unless committed.
func (st *importStage) Close() {
	if !st.done {
		st.release(context.Background())
		st.tx.Rollback()
	}
}

// release closes the prepared statements and drops the staging table, inside the transaction.
func (st *importStage) release(ctx context.Context) {
	for _, ins := range st.insert {
		ins.Close()
	}
	st.tx.ExecContext(context.WithoutCancel(ctx), `DROP TABLE IF EXISTS temp.import_stage`)
}
