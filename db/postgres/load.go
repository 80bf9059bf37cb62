package postgres

import (
	"context"
	"fmt"
	"iter"

	"github.com/jackc/pgx/v5"
	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/store"
)

// Load writes a whole dataset in one transaction: either every row lands or none does.
func (d *DB) Load(ctx context.Context, ds *db.Dataset) error {
	return d.LoadBulk(ctx, &db.BulkDataset{Base: ds})
}

// LoadBulk writes a dataset, streaming its large tables through COPY, in one transaction: either every row lands or
// none does. Memory stays flat however many rows the streams yield. The rollup triggers stand aside for the
// transaction (wenming.bulk_load) and the rollups are rebuilt set-wise at the end, as SQLite's loader does.
func (d *DB) LoadBulk(ctx context.Context, b *db.BulkDataset) error {
	tx, err := d.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(ctx, `SET LOCAL wenming.bulk_load = 'on'`); err != nil {
		return err
	}
	if err := loadAll(ctx, tx, b); err != nil {
		return db.Errorf(db.EINVALID, "导入数据集失败，未写入任何记录：%v", constraintError(err))
	}
	if err := endBulkLoad(ctx, tx); err != nil {
		return err
	}
	// The planner's statistics of freshly filled tables are empty until autovacuum comes by; a plan chosen on
	// them reads millions of rows by nested loop.
	if _, err := tx.Exec(ctx, `ANALYZE`); err != nil {
		return err
	}
	if err := bumpVersion(ctx, tx, db.AllDomains); err != nil {
		return err
	}
	defer d.ver.forget()
	return tx.Commit(ctx)
}

// endBulkLoad ends a bulk write of explicit IDs inside tx (a load, a copy from SQLite): the rollup triggers take over
// again (wenming.bulk_load), the rollups are rebuilt from the records under the lock the triggers take
// (migrations/0002_rollups.sql), and every table's id identity or serial sequence moves past the largest id present, so that the next
// insert without an id does not collide.
func endBulkLoad(ctx context.Context, tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, `SET LOCAL wenming.bulk_load = 'off'; SELECT wenming_lock_rollups();`+store.RebuildRollups); err != nil {
		return fmt.Errorf("rebuild rollups: %w", err)
	}
	_, err := tx.Exec(ctx, `DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.table_name FROM information_schema.columns c
    WHERE c.table_schema = current_schema() AND c.column_name = 'id'
      AND (c.is_identity = 'YES' OR c.column_default LIKE 'nextval(%') ORDER BY 1 LOOP
    EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''), coalesce((SELECT max(id) FROM %I), 0) + 1, false)', t, t);
  END LOOP;
END $$`)
	return err
}

// copyRows streams rows into table through COPY.
func copyRows(ctx context.Context, tx pgx.Tx, table string, cols []string, src pgx.CopyFromSource) error {
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{table}, cols, src); err != nil {
		return fmt.Errorf("%s: %w", table, err)
	}
	return nil
}

// seqSource is a COPY source over a table's rows, pulled one at a time.
type seqSource struct {
	next func() ([]any, bool)
	cur  []any
}

func (s *seqSource) Next() bool {
	var ok bool
	s.cur, ok = s.next()
	return ok
}

func (s *seqSource) Values() ([]any, error) { return s.cur, nil }
func (s *seqSource) Err() error             { return nil }

// loadAll copies the tables of the dataset (store.SeedTables: parents first, each stream after its slice), then
// the indicator scores, which may score streamed assessments too. An empty table costs no round trip.
func loadAll(ctx context.Context, tx pgx.Tx, b *db.BulkDataset) error {
	for _, t := range store.SeedTables(b) {
		next, stop := iter.Pull(t.Rows)
		first, ok := next()
		if ok {
			started := false
			err := copyRows(ctx, tx, t.Name, t.Cols, &seqSource{next: func() ([]any, bool) {
				if !started {
					started = true
					return first, true
				}
				return next()
			}})
			if err != nil {
				stop()
				return err
			}
		}
		stop()
	}
	if b.Base == nil {
		return nil
	}
	return loadScores(ctx, tx, b.Base.Scores)
}

// loadScores writes indicator scores with the indicator version in force for each assessment's year, through a
// staging table; a score whose assessment is absent is skipped, as in SQLite.
func loadScores(ctx context.Context, tx pgx.Tx, scores []*db.IndicatorScore) error {
	if len(scores) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `CREATE TEMP TABLE load_scores (assessment_id bigint, code text, score numeric) ON COMMIT DROP`); err != nil {
		return err
	}
	if err := copyRows(ctx, tx, "load_scores", []string{"assessment_id", "code", "score"}, pgx.CopyFromSlice(len(scores),
		func(i int) ([]any, error) { return []any{scores[i].AssessmentID, scores[i].Code, scores[i].Score}, nil })); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `INSERT INTO indicator_scores (assessment_id, version_year, code, score)
		SELECT a.id, (SELECT max(i.year) FROM assessment_indicators i WHERE i.year <= a.year), s.code, s.score
		FROM load_scores s JOIN assessments a ON a.id = s.assessment_id`)
	return err
}
