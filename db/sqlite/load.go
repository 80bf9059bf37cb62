package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/store"
)

// Load writes a whole dataset in one transaction: either every row lands or none does.
func (d *DB) Load(ctx context.Context, ds *db.Dataset) error {
	return d.LoadBulk(ctx, &db.BulkDataset{Base: ds})
}

// LoadBulk writes a dataset whose large tables are streamed, in one transaction: either every row lands or none
// does. Memory stays flat however many rows the streams yield.
func (d *DB) LoadBulk(ctx context.Context, b *db.BulkDataset) error {
	tx, err := d.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Row-by-row triggers and index upkeep would triple the load time: suspend them, load, then rebuild the
	// indexes and rollups set-wise, all inside this transaction.
	restore, err := suspendUpkeep(ctx, tx)
	if err != nil {
		return err
	}
	l := &loader{ctx: ctx, tx: tx}
	for _, t := range store.SeedTables(b) {
		prefix := `INSERT INTO ` + t.Name + ` (` + strings.Join(t.Cols, ", ") + `) VALUES `
		for row := range t.Rows {
			if l.batch(prefix, len(t.Cols), row...); l.err != nil {
				break
			}
		}
	}
	l.flush()
	if b.Base != nil {
		for _, x := range b.Base.Scores {
			// The indicator version in force for the assessment's year; a score whose assessment is absent is skipped.
			l.exec(`INSERT INTO indicator_scores (assessment_id, version_year, code, score)
				SELECT a.id, (SELECT max(i.year) FROM assessment_indicators i WHERE i.year <= a.year), ?, ? FROM assessments a WHERE a.id = ?`,
				x.Code, x.Score, x.AssessmentID)
		}
	}
	if l.err != nil {
		return db.Errorf(db.EINVALID, "导入数据集失败，未写入任何记录：%v", l.err)
	}
	if err := restore(); err != nil {
		return err
	}
	if err := bumpVersion(ctx, tx, db.AllDomains); err != nil {
		return err
	}
	return tx.Commit()
}

// bulkTables are the large tables whose secondary indexes are rebuilt after a bulk load rather than during it.
var bulkTables = []string{"volunteer_records", "practice_activities", "honors"}

// suspendUpkeep drops the rollup triggers and the bulk tables' secondary indexes inside tx, and returns the
// function that recreates the indexes, rebuilds the rollups from the records and recreates the triggers.
func suspendUpkeep(ctx context.Context, tx *sql.Tx) (func() error, error) {
	ph := strings.TrimSuffix(strings.Repeat("?,", len(bulkTables)), ",")
	args := make([]any, len(bulkTables))
	for i, t := range bulkTables {
		args[i] = t
	}
	rows, err := tx.QueryContext(ctx, `SELECT type, name, sql FROM sqlite_master
		WHERE type = 'trigger' OR (type = 'index' AND sql IS NOT NULL AND tbl_name IN (`+ph+`)) ORDER BY type, name`, args...)
	if err != nil {
		return nil, err
	}
	type object struct{ typ, name, sql string }
	objs, err := collect(rows, func(r *sql.Rows) (object, error) {
		var o object
		return o, r.Scan(&o.typ, &o.name, &o.sql)
	})
	if err != nil {
		return nil, err
	}
	for _, o := range objs {
		if _, err := tx.ExecContext(ctx, `DROP `+strings.ToUpper(o.typ)+` "`+o.name+`"`); err != nil {
			return nil, err
		}
	}
	return func() error {
		for _, o := range objs {
			if o.typ == "index" {
				if _, err := tx.ExecContext(ctx, o.sql); err != nil {
					return fmt.Errorf("recreate %s: %w", o.name, err)
				}
			}
		}
		if _, err := tx.ExecContext(ctx, store.RebuildRollups); err != nil {
			return fmt.Errorf("rebuild rollups: %w", err)
		}
		for _, o := range objs {
			if o.typ == "trigger" {
				if _, err := tx.ExecContext(ctx, o.sql); err != nil {
					return fmt.Errorf("recreate %s: %w", o.name, err)
				}
			}
		}
		return nil
	}, nil
}

// batchRows is how many rows one multi-row INSERT carries; fewer statements make bulk loads about twice as fast.
const batchRows = 64

// batch queues one row for a multi-row INSERT whose prefix ends in VALUES, and runs it when full.
func (l *loader) batch(prefix string, cols int, args ...any) {
	if l.pending != "" && l.pending != prefix {
		l.flush()
	}
	l.pending, l.cols = prefix, cols
	l.args = append(l.args, args...)
	if len(l.args) >= batchRows*cols {
		l.flush()
	}
}

// flush runs the queued rows, if any.
func (l *loader) flush() {
	if l.pending == "" || len(l.args) == 0 {
		return
	}
	n := len(l.args) / l.cols
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", l.cols), ",") + "),"
	l.run(l.pending+strings.TrimSuffix(strings.Repeat(row, n), ","), l.args...)
	l.args = l.args[:0]
}

// loader runs inserts through cached prepared statements and keeps the first error.
type loader struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	err   error
	// pending is the INSERT prefix of the rows queued in args, cols values each.
	pending string
	cols    int
	args    []any
}

// exec runs one statement, after any queued batch so that rows land in the order they were given.
func (l *loader) exec(query string, args ...any) {
	l.flush()
	l.run(query, args...)
}

// run executes through a cached prepared statement and keeps the first error.
func (l *loader) run(query string, args ...any) {
	if l.err != nil {
		return
	}
	if l.stmts == nil {
		l.stmts = map[string]*sql.Stmt{}
	}
	st, ok := l.stmts[query]
	if !ok {
		var err error
		if st, err = l.tx.PrepareContext(l.ctx, query); err != nil {
			l.err = fmt.Errorf("prepare: %w", err)
			return
		}
		l.stmts[query] = st
	}
	if _, err := st.ExecContext(l.ctx, args...); err != nil {
		l.err = fmt.Errorf("%w (args %v)", err, args)
	}
}
