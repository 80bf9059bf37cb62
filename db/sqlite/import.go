package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/importer"
	"github.com/wenming/wenming/db/store"
)

var _ db.Importer = (*DB)(nil)
var _ db.ExportStore = (*DB)(nil)

// importTable is where the records of an import kind are stored, the SQL of their natural key (the same
// expressions as the kind's unique index, so that matching a row is one probe of it), and the columns an import sets.
type importTable struct {
	// entity names the records in the recycle bin and the audit log.
	entity string
	table  string
	// keys are SQL expressions over the table alias "t" (naturalKeys); they are applied to the staged rows too.
	keys []string
	// cols are the columns an import writes, demo last; a matched record is compared on all of them.
	cols []string
	// args returns the values of cols for a parsed record.
	args func(rec any) []any
}

// keyOf returns the natural key of the table among naturalKeys, or the given columns for tables whose key was
// unique from the start (units.name, assessments (unit_id, year)).
func keyOf(table string, cols ...string) []string {
	for _, k := range naturalKeys {
		if k.table == table {
			return k.keys
		}
	}
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = "t." + c
	}
	return out
}

var importTables = map[db.ImportKind]*importTable{
	db.ImportUnits: {entity: string(db.EntityUnit), table: "units", keys: keyOf("units", "name"), cols: []string{"name", "kind", "sector", "service_window", "demo"},
		args: func(rec any) []any {
			x := rec.(*db.Unit)
			return []any{x.Name, x.Kind, x.Sector, x.ServiceWindow, x.Demo}
		}},
	db.ImportPeople: {entity: string(db.EntityPerson), table: "people", keys: keyOf("people"), cols: []string{"name", "unit_id", "citation", "demo"},
		args: func(rec any) []any {
			x := rec.(*db.Person)
			return []any{x.Name, x.UnitID, x.Citation, x.Demo}
		}},
	db.ImportHonors: {entity: string(db.EntityHonor), table: "honors", keys: keyOf("honors"),
		cols: []string{"category_id", "recipient_kind", "recipient_name", "unit_id", "person_id", "project_id", "work_id", "year", "date", "edition", "status", "demo"},
		args: func(rec any) []any {
			x := rec.(*db.Honor)
			return []any{x.CategoryID, x.RecipientKind, x.RecipientName, x.UnitID, x.PersonID, x.ProjectID, x.WorkID, x.Year, x.Date, x.Edition, x.Status, x.Demo}
		}},
	db.ImportVolunteerRecords: {entity: string(db.EntityVolunteerRecord), table: "volunteer_records", keys: keyOf("volunteer_records"),
		cols: []string{"unit_id", "service_date", "campaign_id", "method", "volunteers", "minutes", "verified", "demo"},
		args: func(rec any) []any {
			x := rec.(*db.VolunteerRecord)
			return []any{x.UnitID, x.Date, x.CampaignID, x.Method, x.Volunteers, x.Minutes, x.Verified, x.Demo}
		}},
	db.ImportAssessments: {entity: string(db.EntityAssessment), table: "assessments", keys: keyOf("assessments", "unit_id", "year"),
		cols: []string{"unit_id", "year", "base_score", "bonus", "veto", "stage", "demo"},
		args: func(rec any) []any {
			x := rec.(*db.Assessment)
			return []any{x.UnitID, x.Year, x.BaseScore, x.Bonus, x.Veto, x.Stage, x.Demo}
		}},
	db.ImportActivities: {entity: string(db.EntityPracticeActivity), table: "practice_activities", keys: keyOf("practice_activities"),
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

// importTx is the writing pass of one import: a transaction on the writer with its stager.
type importTx struct {
	d         *DB
	tx        *sql.Tx
	t         *importTable
	kind      db.ImportKind
	s         *stager
	committed bool
}

// BeginImport opens the writing pass of an import on the writer.
func (d *DB) BeginImport(ctx context.Context, kind db.ImportKind) (db.ImportTx, error) {
	t := importTables[kind]
	if t == nil {
		return nil, db.FieldErrorf("kind", "未知的导入类型：%q", kind)
	}
	tx, err := d.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	s, err := newStager(ctx, tx, t)
	if err != nil {
		tx.Rollback()
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
	if changed {
		if err := bumpVersion(ctx, x.tx, db.AllDomains); err != nil {
			return storageError(err)
		}
	}
	if err := x.d.AuditImport(ctx, store.NewTx(storeQuerier{x.tx}), x.kind, &summary); err != nil {
		return storageError(err)
	}
	x.s.close()
	if err := x.tx.Commit(); err != nil {
		return constraintError(err)
	}
	x.committed = true
	return nil
}

// Close drops the staging table and rolls back unless committed.
func (x *importTx) Close() {
	if !x.committed {
		x.s.close()
		x.tx.Rollback()
	}
}

// stager upserts rows in batches through a temporary table: a batch is inserted there in one statement, matched to
// existing records with one index probe per row, compared, and applied with one UPDATE … FROM and one INSERT …
// SELECT, so that a million rows take a few thousand statements.
type stager struct {
	ctx  context.Context
	tx   *sql.Tx
	t    *importTable
	cols []string
	// batch is the rows per statement, under SQLite's limit of 32766 variables.
	batch                                                  int
	rows                                                   []any
	n                                                      int
	nextID                                                 int64
	insert                                                 map[int]*sql.Stmt
	stmts                                                  []*sql.Stmt
	match, compare, mismatch, count, update, create, clear *sql.Stmt

	created, updated, unchanged int
	// mismatches are rows whose record has the other demo flag; mismatchCount counts them all.
	mismatches    []db.DemoMismatch
	mismatchCount int
}

// stagedAlias turns a key expression over the table alias t into the same expression over the staged row s.
var stagedAlias = regexp.MustCompile(`\bt\.`)

func newStager(ctx context.Context, tx *sql.Tx, t *importTable) (*stager, error) {
	cols := t.cols
	s := &stager{ctx: ctx, tx: tx, t: t, cols: cols, batch: min(500, 32000/(len(cols)+1)), insert: map[int]*sql.Stmt{}}
	if _, err := tx.ExecContext(ctx, `DROP TABLE IF EXISTS temp.import_stage`); err != nil {
		return nil, err
	}
	// Untyped columns keep each value's type, so that IS compares them exactly as stored.
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE import_stage (row INTEGER PRIMARY KEY, target INTEGER, changed INTEGER, `+
		strings.Join(cols, ", ")+`)`); err != nil {
		return nil, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT max(coalesce((SELECT max(id) FROM `+t.table+`), 0),
		coalesce((SELECT max(record_id) FROM deleted_records WHERE entity = ?), 0))`, t.entity).Scan(&s.nextID); err != nil {
		return nil, err
	}
	same := func(cols []string, a, b string) string {
		parts := make([]string, len(cols))
		for i, c := range cols {
			parts[i] = a + "." + c + " IS " + b + "." + c
		}
		return strings.Join(parts, " AND ")
	}
	set := make([]string, len(cols))
	for i, c := range cols {
		set[i] = c + " = s." + c
	}
	key := make([]string, len(t.keys))
	for i, k := range t.keys {
		key[i] = k + " = " + stagedAlias.ReplaceAllString(k, "s.")
	}
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.PrepareContext(ctx, q)
		s.stmts = append(s.stmts, st)
		return st
	}
	s.match = prep(`UPDATE temp.import_stage AS s SET target = (SELECT min(t.id) FROM ` + t.table + ` t WHERE ` + strings.Join(key, " AND ") + `)`)
	s.compare = prep(`UPDATE temp.import_stage AS s SET changed = NOT EXISTS (SELECT 1 FROM ` + t.table + ` t WHERE t.id = s.target AND ` +
		same(cols, "t", "s") + `) WHERE target IS NOT NULL`)
	s.mismatch = prep(`SELECT s.row, s.target, t.demo FROM temp.import_stage s JOIN ` + t.table + ` t ON t.id = s.target WHERE t.demo IS NOT s.demo ORDER BY s.row`)
	s.count = prep(`SELECT count(*) FILTER (WHERE target IS NULL), count(*) FILTER (WHERE changed) FROM temp.import_stage`)
	s.update = prep(`UPDATE ` + t.table + ` SET ` + strings.Join(set, ", ") + `, version = version + 1 FROM temp.import_stage s
		WHERE ` + t.table + `.id = s.target AND s.changed`)
	s.create = prep(`INSERT INTO ` + t.table + ` (id, ` + strings.Join(cols, ", ") + `) SELECT ? + row_number() OVER (ORDER BY row), ` +
		strings.Join(cols, ", ") + ` FROM temp.import_stage WHERE target IS NULL ORDER BY row`)
	s.clear = prep(`DELETE FROM temp.import_stage`)
	if err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

func (s *stager) add(row int, args []any) error {
	s.rows = append(s.rows, row)
	s.rows = append(s.rows, args...)
	if s.n++; s.n >= s.batch {
		return s.flush()
	}
	return nil
}

// flush applies the queued rows.
func (s *stager) flush() error {
	if s.n == 0 {
		return nil
	}
	ins, ok := s.insert[s.n]
	if !ok {
		row := "(" + strings.TrimSuffix(strings.Repeat("?,", len(s.cols)+1), ",") + "),"
		var err error
		ins, err = s.tx.PrepareContext(s.ctx, `INSERT INTO temp.import_stage (row, `+strings.Join(s.cols, ", ")+`) VALUES `+
			strings.TrimSuffix(strings.Repeat(row, s.n), ","))
		if err != nil {
			return err
		}
		s.insert[s.n] = ins
		s.stmts = append(s.stmts, ins)
	}
	if _, err := ins.ExecContext(s.ctx, s.rows...); err != nil {
		return fmt.Errorf("stage: %w", err)
	}
	for _, st := range []*sql.Stmt{s.match, s.compare} {
		if _, err := st.ExecContext(s.ctx); err != nil {
			return fmt.Errorf("match: %w", err)
		}
	}
	if err := s.refuseDemoChanges(); err != nil {
		return err
	}
	var created, changed int
	if err := s.count.QueryRowContext(s.ctx).Scan(&created, &changed); err != nil {
		return err
	}
	if changed > 0 {
		if _, err := s.update.ExecContext(s.ctx); err != nil {
			return err
		}
	}
	if created > 0 {
		if _, err := s.create.ExecContext(s.ctx, s.nextID); err != nil {
			return err
		}
		s.nextID += int64(created)
	}
	if _, err := s.clear.ExecContext(s.ctx); err != nil {
		return err
	}
	s.created += created
	s.updated += changed
	s.unchanged += s.n - created - changed
	s.rows, s.n = s.rows[:0], 0
	return nil
}

// refuseDemoChanges reports every staged row whose record has the other demo flag: an import never turns demo
// records into real ones, or the reverse, without saying so.
func (s *stager) refuseDemoChanges() error {
	rows, err := s.mismatch.QueryContext(s.ctx)
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

func (s *stager) close() {
	for _, st := range s.stmts {
		if st != nil {
			st.Close()
		}
	}
	s.tx.ExecContext(context.WithoutCancel(s.ctx), `DROP TABLE IF EXISTS temp.import_stage`)
}
