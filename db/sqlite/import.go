package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/importer"
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
		cols: []string{"unit_id", "activity_date", "kind", "theme", "center_id", "sessions", "participants", "demo"},
		args: func(rec any) []any {
			x := rec.(*db.PracticeActivity)
			return []any{x.UnitID, x.Date, x.Kind, x.Theme, x.CenterID, x.Sessions, x.Participants, x.Demo}
		}},
}

// Import reads a spreadsheet twice: first to validate every row against the catalog (nothing is written when
// any row is bad), then, in one transaction, to upsert the rows in batches, matching each to an existing record
// on its natural key. Memory stays flat however many rows the file holds. A dry run does the second pass too,
// so that its counts are exact, and rolls back. The caller must be an editor.
func (d *DB) Import(ctx context.Context, req db.ImportRequest) (*db.ImportReport, error) {
	if err := db.Require(ctx, db.RoleEditor); err != nil {
		return nil, err
	}
	spec, err := importer.SpecFor(req.Kind)
	if err != nil {
		return nil, err
	}
	t := importTables[req.Kind]
	f, err := importer.Open(req.Path, spec)
	if err != nil {
		return nil, err
	}
	rep := &db.ImportReport{Kind: req.Kind, DryRun: req.DryRun}

	// Pass 1 validates against a snapshot of the catalog from the read pool, without holding the writer.
	cat, err := d.ImportCatalog(ctx)
	if err != nil {
		return nil, err
	}
	res, err := importer.Scan(f, importer.NewParser(f, cat, true), nil)
	if err != nil {
		return nil, err
	}
	rep.Rows, rep.Valid, rep.Errors, rep.ErrorCount = res.Rows, res.Valid, res.Errors, res.ErrorCount
	if res.ErrorCount > 0 {
		return rep, nil
	}

	// Pass 2 re-validates against the catalog as the transaction sees it (it may have changed since) and writes.
	tx, err := d.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if cat, err = catalog(ctx, tx); err != nil {
		return nil, err
	}
	w, err := newStager(ctx, tx, t)
	if err != nil {
		return nil, err
	}
	defer w.close()
	if ci := slices.IndexFunc(spec.Columns, func(c importer.Column) bool { return c.Key == "demo" }); ci >= 0 {
		w.demoColumn = f.Column(ci)
	}
	res, err = importer.Scan(f, importer.NewParser(f, cat, false), func(row int, rec any) error { return w.add(row, t.args(rec)) })
	if err == nil {
		err = w.flush()
	}
	if err != nil {
		return nil, constraintError(err)
	}
	if res.ErrorCount > 0 {
		// The catalog changed between the passes (a unit was renamed or deleted): report, write nothing.
		rep.Valid, rep.Errors, rep.ErrorCount = res.Valid, res.Errors, res.ErrorCount
		return rep, nil
	}
	if w.errCount > 0 {
		// Rows that would change a record's demo flag: report them, write nothing.
		rep.Valid, rep.Errors, rep.ErrorCount = res.Valid-w.errCount, w.errors, w.errCount
		return rep, nil
	}
	rep.Created, rep.Updated, rep.Unchanged = w.created, w.updated, w.unchanged
	if req.DryRun {
		return rep, nil
	}
	if rep.Created+rep.Updated > 0 {
		if err := bumpVersion(ctx, tx); err != nil {
			return nil, err
		}
	}
	name := req.Name
	if name == "" {
		name = filepath.Base(req.Path)
	}
	summary, _ := json.Marshal(map[string]any{"kind": req.Kind, "file": name, "rows": rep.Rows,
		"created": rep.Created, "updated": rep.Updated, "unchanged": rep.Unchanged})
	s := string(summary)
	if err := auditImport(ctx, tx, req.Kind, &s); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, constraintError(err)
	}
	rep.Written = true
	return rep, nil
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
	// demoColumn is the file's column letter of 演示数据, for the errors of rows whose demo flag differs from their record's.
	demoColumn string
	errors     []*db.ImportError
	errCount   int
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
		s.errCount++
		if len(s.errors) >= db.MaxImportErrors {
			continue
		}
		msg := fmt.Sprintf("本行对应的已有记录（编号 %d）是演示数据，而本行未标为演示数据。导入不会把演示记录改为真实记录："+
			"如果这一行就是那条演示记录，请在“%s”列填“是”；如果要录入真实记录，请先清除演示数据再导入。", id, importer.DemoHeader)
		if !demo {
			msg = fmt.Sprintf("本行标为演示数据，而对应的已有记录（编号 %d）是真实记录。导入不会把真实记录改为演示数据：请在“%s”列填“否”或留空。",
				id, importer.DemoHeader)
		}
		s.errors = append(s.errors, &db.ImportError{Row: row, Column: s.demoColumn, Field: importer.DemoHeader, Message: msg})
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

// querier is what both the read pool and a transaction offer.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// ImportCatalog returns the reference data imports resolve names against, from the read pool.
func (d *DB) ImportCatalog(ctx context.Context) (*db.Catalog, error) { return catalog(ctx, d.read) }

func catalog(ctx context.Context, q querier) (*db.Catalog, error) {
	c := &db.Catalog{}
	var err error
	load := func(query string, scan func(*sql.Rows) error) {
		if err != nil {
			return
		}
		var rows *sql.Rows
		if rows, err = q.QueryContext(ctx, query); err != nil {
			return
		}
		defer rows.Close()
		for rows.Next() {
			if err = scan(rows); err != nil {
				return
			}
		}
		err = rows.Err()
	}
	load(`SELECT id, name, kind, sector, service_window, campus, demo FROM units ORDER BY id`, func(r *sql.Rows) error {
		u := &db.Unit{}
		c.Units = append(c.Units, u)
		return r.Scan(&u.ID, &u.Name, &u.Kind, &u.Sector, &u.ServiceWindow, &u.Campus, &u.Demo)
	})
	load(`SELECT id, code, name_zh, name_en, level, recipient_kind, weight, default_status, recipient_kinds, weight_basis, note_zh
		FROM honor_categories ORDER BY position`, func(r *sql.Rows) error {
		k, err := scanCategory(r)
		c.Categories = append(c.Categories, k)
		return err
	})
	load(`SELECT id, code, name_zh, name_en, kind, start_date, end_date FROM campaigns ORDER BY start_date, id`, func(r *sql.Rows) error {
		k := &db.Campaign{}
		c.Campaigns = append(c.Campaigns, k)
		return r.Scan(&k.ID, &k.Code, &k.NameZh, &k.NameEn, &k.Kind, &k.StartDate, &k.EndDate)
	})
	load(`SELECT id, name, unit_id FROM people ORDER BY id`, func(r *sql.Rows) error {
		p := &db.Person{}
		c.People = append(c.People, p)
		return r.Scan(&p.ID, &p.Name, &p.UnitID)
	})
	load(`SELECT id, name, unit_id FROM volunteer_projects ORDER BY id`, func(r *sql.Rows) error {
		p := &db.VolunteerProject{}
		c.Projects = append(c.Projects, p)
		return r.Scan(&p.ID, &p.Name, &p.UnitID)
	})
	load(`SELECT id, title, unit_id FROM works ORDER BY id`, func(r *sql.Rows) error {
		w := &db.Work{}
		c.Works = append(c.Works, w)
		return r.Scan(&w.ID, &w.Title, &w.UnitID)
	})
	load(`SELECT id, code, name, prefecture FROM practice_centers ORDER BY prefecture_code, code`, func(r *sql.Rows) error {
		k := &db.PracticeCenter{}
		c.Centers = append(c.Centers, k)
		return r.Scan(&k.ID, &k.Code, &k.Name, &k.Prefecture)
	})
	if err != nil {
		return nil, fmt.Errorf("load import catalog: %w", err)
	}
	return c, nil
}

// auditImport appends one IMPORT entry, with the import's summary, to the audit log.
func auditImport(ctx context.Context, tx *sql.Tx, kind db.ImportKind, summary *string) error {
	switch kind {
	case db.ImportUnits:
		return writeAudit(ctx, tx, db.ActionImport, db.EntityUnit, nil, nil, summary)
	case db.ImportPeople:
		return writeAudit(ctx, tx, db.ActionImport, db.EntityPerson, nil, nil, summary)
	case db.ImportHonors:
		return writeAudit(ctx, tx, db.ActionImport, db.EntityHonor, nil, nil, summary)
	case db.ImportVolunteerRecords:
		return writeAudit(ctx, tx, db.ActionImport, db.EntityVolunteerRecord, nil, nil, summary)
	case db.ImportAssessments:
		return writeAudit(ctx, tx, db.ActionImport, db.EntityAssessment, nil, nil, summary)
	case db.ImportActivities:
		return writeAudit(ctx, tx, db.ActionImport, db.EntityPracticeActivity, nil, nil, summary)
	}
	return fmt.Errorf("no audit entity for import kind %s", kind)
}
