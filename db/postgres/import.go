package postgres

// Imports, ported from db/sqlite/import.go: db/importer.Run orchestrates, this file stages. One import is one
// transaction: its rows are copied (COPY) into a temporary table typed like the target, matched to existing
// records on the expressions of the kind's natural-key unique index (read from the catalog, so that matching and
// the index never drift apart and every probe uses the index), compared, checked for demo-flag mismatches, and
// applied with one UPDATE … FROM and one INSERT … SELECT per batch. Running the same file twice changes nothing the
// second time; a failure anywhere rolls the whole import back.

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/importer"
	"github.com/wenming/wenming/db/store"
)

var _ db.Importer = (*DB)(nil)

// importTable is where the records of an import kind are stored, the unique index of their natural key, and the
// columns an import sets.
type importTable struct {
	// entity names the records in the recycle bin and the audit log.
	entity string
	table  string
	// keyIndex is the unique index whose key expressions say which stored record a row is.
	keyIndex string
	// cols are the columns an import writes, demo last; a matched record is compared on all of them.
	cols []string
	// args returns the values of cols for a parsed record.
	args func(rec any) []any
}

var importTables = map[db.ImportKind]*importTable{
	db.ImportUnits: {entity: string(db.EntityUnit), table: "units", keyIndex: "units_name_key", cols: []string{"name", "kind", "sector", "service_window", "demo"},
		args: func(rec any) []any {
			x := rec.(*db.Unit)
			return []any{x.Name, x.Kind, x.Sector, x.ServiceWindow, x.Demo}
		}},
	db.ImportPeople: {entity: string(db.EntityPerson), table: "people", keyIndex: "people_natural_key", cols: []string{"name", "unit_id", "citation", "demo"},
		args: func(rec any) []any {
			x := rec.(*db.Person)
			return []any{x.Name, x.UnitID, x.Citation, x.Demo}
		}},
	db.ImportHonors: {entity: string(db.EntityHonor), table: "honors", keyIndex: "honors_natural_key",
		cols: []string{"category_id", "recipient_kind", "recipient_name", "unit_id", "person_id", "project_id", "work_id", "year", "date", "edition", "status", "demo"},
		args: func(rec any) []any {
			x := rec.(*db.Honor)
			return []any{x.CategoryID, x.RecipientKind, x.RecipientName, x.UnitID, x.PersonID, x.ProjectID, x.WorkID, x.Year, x.Date, x.Edition, x.Status, x.Demo}
		}},
	db.ImportVolunteerRecords: {entity: string(db.EntityVolunteerRecord), table: "volunteer_records", keyIndex: "volunteer_records_natural_key",
		cols: []string{"unit_id", "service_date", "campaign_id", "method", "volunteers", "minutes", "verified", "demo"},
		args: func(rec any) []any {
			x := rec.(*db.VolunteerRecord)
			return []any{x.UnitID, x.Date, x.CampaignID, x.Method, x.Volunteers, x.Minutes, x.Verified, x.Demo}
		}},
	db.ImportAssessments: {entity: string(db.EntityAssessment), table: "assessments", keyIndex: "assessments_unit_id_year_key",
		cols: []string{"unit_id", "year", "base_score", "bonus", "veto", "stage", "demo"},
		args: func(rec any) []any {
			x := rec.(*db.Assessment)
			return []any{x.UnitID, x.Year, x.BaseScore, x.Bonus, x.Veto, x.Stage, x.Demo}
		}},
	db.ImportActivities: {entity: string(db.EntityPracticeActivity), table: "practice_activities", keyIndex: "practice_activities_natural_key",
		cols: []string{"unit_id", "activity_date", "kind", "theme", "center_id", "sessions", "participants", "action", "demo"},
		args: func(rec any) []any {
			x := rec.(*db.PracticeActivity)
			return []any{x.UnitID, x.Date, x.Kind, x.Theme, x.CenterID, x.Sessions, x.Participants, x.Action, x.Demo}
		}},
}

var _ db.ImportStaging = (*DB)(nil)

// Import imports a spreadsheet through the shared orchestration of db/importer, over this backend's staging.
func (d *DB) Import(ctx context.Context, req db.ImportRequest) (*db.ImportReport, error) {
	return importer.Run(ctx, d, req)
}

// importTx is the writing pass of one import: a transaction with its stager.
type importTx struct {
	d         *DB
	tx        pgx.Tx
	t         *importTable
	kind      db.ImportKind
	s         *stager
	committed bool
}

// BeginImport opens the writing pass of an import. It locks the target table against other writers (readers go
// on) until the import ends, so that a record created meanwhile through another replica cannot slip between the
// matching and the insert: the import sees the table as SQLite's single writer would.
func (d *DB) BeginImport(ctx context.Context, kind db.ImportKind) (db.ImportTx, error) {
	t := importTables[kind]
	if t == nil {
		return nil, db.FieldErrorf("kind", "未知的导入类型：%q", kind)
	}
	tx, err := d.pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := tx.Exec(ctx, `LOCK TABLE `+t.table+` IN SHARE ROW EXCLUSIVE MODE`); err != nil {
		tx.Rollback(context.WithoutCancel(ctx))
		return nil, err
	}
	s, err := newStager(ctx, tx, t)
	if err != nil {
		tx.Rollback(context.WithoutCancel(ctx))
		return nil, err
	}
	return &importTx{d: d, tx: tx, t: t, kind: kind, s: s}, nil
}

// Catalog reads the reference data inside the import's transaction.
func (x *importTx) Catalog(ctx context.Context) (*db.Catalog, error) {
	return store.Catalog(ctx, storeQuerier{x.tx})
}

// Stage queues a parsed record; a full batch is applied at once.
func (x *importTx) Stage(row int, rec any) error {
	return constraintError(x.s.add(row, x.t.args(rec)))
}

// Flush applies the queued rows and returns the tally.
func (x *importTx) Flush() (*db.ImportTally, error) {
	if err := x.s.flush(); err != nil {
		return nil, constraintError(err)
	}
	return &db.ImportTally{Created: x.s.created, Updated: x.s.updated, Unchanged: x.s.unchanged,
		Mismatches: x.s.mismatches, MismatchCount: x.s.mismatchCount}, nil
}

// Commit bumps the data version when anything changed, writes the audit entry and commits.
func (x *importTx) Commit(ctx context.Context, summary string, changed bool) error {
	if err := x.d.AuditImport(ctx, store.NewTx(storeQuerier{x.tx}), x.kind, &summary); err != nil {
		return constraintError(err)
	}
	if changed {
		if err := bumpVersion(ctx, x.tx, db.AllDomains); err != nil {
			return err
		}
	}
	err := x.tx.Commit(ctx)
	x.d.ver.forget()
	if err != nil {
		return constraintError(err)
	}
	x.committed = true
	return nil
}

// Close rolls back unless committed; the staging table goes with the transaction.
func (x *importTx) Close() {
	if !x.committed {
		x.tx.Rollback(context.WithoutCancel(x.s.ctx))
	}
}

// importBatch is how many rows one COPY stages before they are applied.
const importBatch = 5000

// stager upserts rows in batches through a temporary table: a batch is copied there with COPY, matched to existing
// records with one probe of the natural-key index per row, compared, and applied with one UPDATE … FROM and one
// INSERT … SELECT.
type stager struct {
	ctx  context.Context
	tx   pgx.Tx
	t    *importTable
	cols []string
	rows [][]any

	match, compare, mismatch, count, update, create string

	created, updated, unchanged int
	// mismatches are rows whose record has the other demo flag; mismatchCount counts them all.
	mismatches    []db.DemoMismatch
	mismatchCount int
}

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

func newStager(ctx context.Context, tx pgx.Tx, t *importTable) (*stager, error) {
	cols := t.cols
	s := &stager{ctx: ctx, tx: tx, t: t, cols: cols}
	keys, err := keyExprs(ctx, tx, t.keyIndex)
	if err != nil {
		return nil, err
	}
	// The staging table has the target's columns with the target's types, so that IS NOT DISTINCT FROM compares
	// them exactly as stored; the natural key is computed on it by generated columns from the index's own
	// expressions.
	if _, err := tx.Exec(ctx, `CREATE TEMP TABLE import_stage ON COMMIT DROP AS SELECT 0::integer AS "row", NULL::bigint AS target,
		NULL::boolean AS changed, `+strings.Join(cols, ", ")+` FROM `+t.table+` WITH NO DATA`); err != nil {
		return nil, err
	}
	match := make([]string, len(keys))
	for i, k := range keys {
		name := "key_" + strconv.Itoa(i+1)
		if _, err := tx.Exec(ctx, `ALTER TABLE import_stage ADD COLUMN `+name+` `+k.typ+` GENERATED ALWAYS AS (`+k.expr+`) STORED`); err != nil {
			return nil, fmt.Errorf("stage key %s: %w", k.expr, err)
		}
		// Inside the subquery below the unqualified columns of k are the target table's, so that the expression is
		// the index's own and the planner probes the index.
		match[i] = "(" + k.expr + ") = s." + name
	}
	same := make([]string, len(cols))
	set := make([]string, len(cols))
	for i, c := range cols {
		same[i] = "t." + c + " IS NOT DISTINCT FROM s." + c
		set[i] = c + " = s." + c
	}
	s.match = `UPDATE import_stage AS s SET target = (SELECT min(id) FROM ` + t.table + ` WHERE ` + strings.Join(match, " AND ") + `)`
	s.compare = `UPDATE import_stage AS s SET changed = NOT EXISTS (SELECT 1 FROM ` + t.table + ` t WHERE t.id = s.target AND ` +
		strings.Join(same, " AND ") + `) WHERE target IS NOT NULL`
	s.mismatch = `SELECT s."row", s.target, t.demo FROM import_stage s JOIN ` + t.table + ` t ON t.id = s.target
		WHERE t.demo IS DISTINCT FROM s.demo ORDER BY s."row"`
	s.count = `SELECT count(*) FILTER (WHERE target IS NULL), count(*) FILTER (WHERE changed) FROM import_stage`
	s.update = `UPDATE ` + t.table + ` SET ` + strings.Join(set, ", ") + `, version = version + 1 FROM import_stage s
		WHERE ` + t.table + `.id = s.target AND s.changed`
	// New records take their IDs from the identity, in row order.
	s.create = `INSERT INTO ` + t.table + ` (` + strings.Join(cols, ", ") + `) SELECT ` + strings.Join(cols, ", ") +
		` FROM import_stage WHERE target IS NULL ORDER BY "row"`
	return s, nil
}

func (s *stager) add(row int, args []any) error {
	s.rows = append(s.rows, append([]any{row}, args...))
	if len(s.rows) >= importBatch {
		return s.flush()
	}
	return nil
}

// flush applies the queued rows.
func (s *stager) flush() error {
	n := len(s.rows)
	if n == 0 {
		return nil
	}
	if _, err := s.tx.CopyFrom(s.ctx, pgx.Identifier{"import_stage"}, append([]string{"row"}, s.cols...), pgx.CopyFromRows(s.rows)); err != nil {
		return fmt.Errorf("stage: %w", err)
	}
	for _, q := range []string{s.match, s.compare} {
		if _, err := s.tx.Exec(s.ctx, q); err != nil {
			return fmt.Errorf("match: %w", err)
		}
	}
	if err := s.refuseDemoChanges(); err != nil {
		return err
	}
	var created, changed int
	if err := s.tx.QueryRow(s.ctx, s.count).Scan(&created, &changed); err != nil {
		return err
	}
	if changed > 0 {
		if _, err := s.tx.Exec(s.ctx, s.update); err != nil {
			return err
		}
	}
	if created > 0 {
		if _, err := s.tx.Exec(s.ctx, s.create); err != nil {
			return err
		}
	}
	if _, err := s.tx.Exec(s.ctx, `TRUNCATE import_stage`); err != nil {
		return err
	}
	s.created += created
	s.updated += changed
	s.unchanged += n - created - changed
	s.rows = s.rows[:0]
	return nil
}

// refuseDemoChanges reports every staged row whose record has the other demo flag: an import never turns demo
// records into real ones, or the reverse, without saying so.
func (s *stager) refuseDemoChanges() error {
	rows, err := s.tx.Query(s.ctx, s.mismatch)
	if err != nil {
		return fmt.Errorf("demo check: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var row int
		var id int64
		var demo bool
		if err := rows.Scan(&row, &id, &demo); err != nil {
			return err
		}
		s.mismatchCount++
		if len(s.mismatches) < db.MaxImportErrors {
			s.mismatches = append(s.mismatches, db.DemoMismatch{Row: row, RecordID: id, RecordDemo: demo})
		}
	}
	return rows.Err()
}
