package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/importer"
)

// ImportCatalog returns the reference data imports resolve names against, from the read pool.
func (s *Store) ImportCatalog(ctx context.Context) (*db.Catalog, error) {
	return Catalog(ctx, s.eng.Read())
}

// Catalog reads the reference data an import resolves names against, over q: the read pool, or the import's own
// transaction, so that the names it resolves are the ones it writes beside.
func Catalog(ctx context.Context, q Querier) (*db.Catalog, error) {
	c := &db.Catalog{}
	var err error
	load := func(query string, scan func(Rows) error) {
		if err != nil {
			return
		}
		var rows Rows
		if rows, err = q.Query(ctx, query); err != nil {
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
	load(`SELECT id, name, kind, sector, service_window, campus, demo FROM units ORDER BY id`, func(r Rows) error {
		u := &db.Unit{}
		c.Units = append(c.Units, u)
		return r.Scan(&u.ID, &u.Name, &u.Kind, &u.Sector, &u.ServiceWindow, &u.Campus, &u.Demo)
	})
	load(`SELECT id, code, name_zh, name_en, level, recipient_kind, weight, default_status, recipient_kinds, weight_basis, note_zh
		FROM honor_categories ORDER BY position`, func(r Rows) error {
		k, err := scanCategory(r)
		c.Categories = append(c.Categories, k)
		return err
	})
	load(`SELECT id, code, name_zh, name_en, kind, CAST(start_date AS TEXT), CAST(end_date AS TEXT) FROM campaigns ORDER BY start_date, id`, func(r Rows) error {
		k := &db.Campaign{}
		c.Campaigns = append(c.Campaigns, k)
		return r.Scan(&k.ID, &k.Code, &k.NameZh, &k.NameEn, &k.Kind, &k.StartDate, &k.EndDate)
	})
	load(`SELECT id, name, unit_id FROM people ORDER BY id`, func(r Rows) error {
		p := &db.Person{}
		c.People = append(c.People, p)
		return r.Scan(&p.ID, &p.Name, &p.UnitID)
	})
	load(`SELECT id, name, unit_id FROM volunteer_projects ORDER BY id`, func(r Rows) error {
		p := &db.VolunteerProject{}
		c.Projects = append(c.Projects, p)
		return r.Scan(&p.ID, &p.Name, &p.UnitID)
	})
	load(`SELECT id, title, unit_id FROM works ORDER BY id`, func(r Rows) error {
		w := &db.Work{}
		c.Works = append(c.Works, w)
		return r.Scan(&w.ID, &w.Title, &w.UnitID)
	})
	load(`SELECT id, code, name, prefecture FROM practice_centers ORDER BY prefecture_code, code`, func(r Rows) error {
		k := &db.PracticeCenter{}
		c.Centers = append(c.Centers, k)
		return r.Scan(&k.ID, &k.Code, &k.Name, &k.Prefecture)
	})
	if err != nil {
		return nil, fmt.Errorf("load import catalog: %w", err)
	}
	return c, nil
}

// importTable is where the records of an import kind are stored, the unique index of their natural key, and the
// columns an import sets.
type importTable struct {
	// entity names the records in the recycle bin and the audit log.
	entity db.Entity
	table  string
	// keyIndex is the unique index whose key says which stored record a row is (Engine.BeginImport).
	keyIndex string
	// cols are the columns an import writes, demo last; a matched record is compared on all of them.
	cols []string
	// args returns the values of cols for a parsed record.
	args func(rec any) []any
}

var importTables = map[db.ImportKind]*importTable{
	db.ImportUnits: {entity: db.EntityUnit, table: "units", keyIndex: "units_name_key", cols: []string{"name", "kind", "sector", "service_window", "demo"},
		args: func(rec any) []any {
			x := rec.(*db.Unit)
			return []any{x.Name, x.Kind, x.Sector, x.ServiceWindow, x.Demo}
		}},
	db.ImportPeople: {entity: db.EntityPerson, table: "people", keyIndex: "people_natural_key", cols: []string{"name", "unit_id", "citation", "demo"},
		args: func(rec any) []any {
			x := rec.(*db.Person)
			return []any{x.Name, x.UnitID, x.Citation, x.Demo}
		}},
	db.ImportHonors: {entity: db.EntityHonor, table: "honors", keyIndex: "honors_natural_key",
		cols: []string{"category_id", "recipient_kind", "recipient_name", "unit_id", "person_id", "project_id", "work_id", "year", "date", "edition", "status", "demo"},
		args: func(rec any) []any {
			x := rec.(*db.Honor)
			return []any{x.CategoryID, x.RecipientKind, x.RecipientName, x.UnitID, x.PersonID, x.ProjectID, x.WorkID, x.Year, x.Date, x.Edition, x.Status, x.Demo}
		}},
	db.ImportVolunteerRecords: {entity: db.EntityVolunteerRecord, table: "volunteer_records", keyIndex: "volunteer_records_natural_key",
		cols: []string{"unit_id", "service_date", "campaign_id", "method", "volunteers", "minutes", "verified", "demo"},
		args: func(rec any) []any {
			x := rec.(*db.VolunteerRecord)
			return []any{x.UnitID, x.Date, x.CampaignID, x.Method, x.Volunteers, x.Minutes, x.Verified, x.Demo}
		}},
	db.ImportAssessments: {entity: db.EntityAssessment, table: "assessments", keyIndex: "assessments_unit_id_year_key",
		cols: []string{"unit_id", "year", "base_score", "bonus", "veto", "stage", "demo"},
		args: func(rec any) []any {
			x := rec.(*db.Assessment)
			return []any{x.UnitID, x.Year, x.BaseScore, x.Bonus, x.Veto, x.Stage, x.Demo}
		}},
	db.ImportActivities: {entity: db.EntityPracticeActivity, table: "practice_activities", keyIndex: "practice_activities_natural_key",
		cols: []string{"unit_id", "activity_date", "kind", "theme", "center_id", "sessions", "participants", "action", "demo"},
		args: func(rec any) []any {
			x := rec.(*db.PracticeActivity)
			return []any{x.UnitID, x.Date, x.Kind, x.Theme, x.CenterID, x.Sessions, x.Participants, x.Action, x.Demo}
		}},
}

// ImportStage is one import's transaction as an engine opens it (Engine.BeginImport): the import's target locked
// against other writers where writers run side by side, and a temporary table import_stage of the columns "row",
// target and changed, then the import's columns, which holds values exactly as the target stores them.
type ImportStage interface {
	// Querier runs SQL inside the import's transaction.
	Querier
	// Put replaces the staged rows with rows, each the row number and then the values of the import's columns.
	Put(ctx context.Context, rows [][]any) error
	// Commit bumps every domain's data version when bump is set, as the last statement, and commits.
	Commit(ctx context.Context, bump bool) error
	// Close drops the staging table and rolls back, unless committed.
	Close()
}

// importBatch is how many rows are staged, matched and applied at once: a million rows take a few thousand
// statements.
const importBatch = 5000

// Import imports a spreadsheet through the shared orchestration of db/importer, over the store's staging.
func (s *Store) Import(ctx context.Context, req db.ImportRequest) (*db.ImportReport, error) {
	return importer.Run(ctx, s, req)
}

// importTx is the writing pass of one import: the engine's staging, and the statements that upsert a staged batch.
// A batch is matched to existing records with one probe of the natural key's unique index per row, compared,
// checked for demo-flag mismatches, and applied with one UPDATE … FROM and one INSERT … SELECT.
type importTx struct {
	s     *Store
	ctx   context.Context
	stage ImportStage
	t     *importTable
	kind  db.ImportKind
	rows  [][]any

	match, compare, mismatch, count, update, create string
	// numbered is set where the store numbers the records it creates (not Engine.IdentityIDs), from nextID.
	numbered bool
	nextID   int64
	tally    db.ImportTally
}

// BeginImport opens the writing pass of an import, in one transaction of the engine's (Engine.BeginImport).
func (s *Store) BeginImport(ctx context.Context, kind db.ImportKind) (db.ImportTx, error) {
	t := importTables[kind]
	if t == nil {
		return nil, db.FieldErrorf("kind", "未知的导入类型：%q", kind)
	}
	stage, keys, err := s.eng.BeginImport(ctx, t.table, t.keyIndex, t.cols)
	if err != nil {
		return nil, err
	}
	x := &importTx{s: s, ctx: ctx, stage: stage, t: t, kind: kind}
	cols := strings.Join(t.cols, ", ")
	x.create = `INSERT INTO ` + t.table + ` (` + cols + `) SELECT ` + cols + ` FROM import_stage WHERE target IS NULL ORDER BY "row"`
	if x.numbered = !s.eng.IdentityIDs(); x.numbered {
		if x.nextID, err = s.eng.NextID(ctx, NewTx(stage), t.table, t.entity); err != nil {
			stage.Close()
			return nil, err
		}
		x.create = `INSERT INTO ` + t.table + ` (id, ` + cols + `) SELECT ? + row_number() OVER (ORDER BY "row"), ` + cols +
			` FROM import_stage WHERE target IS NULL ORDER BY "row"`
	}
	match := make([]string, len(keys))
	for i, k := range keys {
		match[i] = "(" + k[0] + ") = " + k[1]
	}
	same := make([]string, len(t.cols))
	set := make([]string, len(t.cols))
	for i, c := range t.cols {
		same[i] = "t." + c + " IS NOT DISTINCT FROM s." + c
		set[i] = c + " = s." + c
	}
	x.match = `UPDATE import_stage AS s SET target = (SELECT min(t.id) FROM ` + t.table + ` t WHERE ` + strings.Join(match, " AND ") + `)`
	x.compare = `UPDATE import_stage AS s SET changed = NOT EXISTS (SELECT 1 FROM ` + t.table + ` t WHERE t.id = s.target AND ` +
		strings.Join(same, " AND ") + `) WHERE target IS NOT NULL`
	x.mismatch = `SELECT s."row", s.target, t.demo FROM import_stage s JOIN ` + t.table + ` t ON t.id = s.target
		WHERE t.demo IS DISTINCT FROM s.demo ORDER BY s."row"`
	x.count = `SELECT count(*) FILTER (WHERE target IS NULL), count(*) FILTER (WHERE changed) FROM import_stage`
	x.update = `UPDATE ` + t.table + ` SET ` + strings.Join(set, ", ") + `, version = version + 1 FROM import_stage s
		WHERE ` + t.table + `.id = s.target AND s.changed`
	return x, nil
}

// Catalog reads the reference data inside the import's transaction.
func (x *importTx) Catalog(ctx context.Context) (*db.Catalog, error) { return Catalog(ctx, x.stage) }

// Stage queues a parsed record; a full batch is applied at once.
func (x *importTx) Stage(row int, rec any) error {
	x.rows = append(x.rows, append([]any{row}, x.t.args(rec)...))
	if len(x.rows) < importBatch {
		return nil
	}
	return x.s.eng.ConstraintError(x.apply())
}

// Flush applies the queued rows and returns the tally.
func (x *importTx) Flush() (*db.ImportTally, error) {
	if err := x.apply(); err != nil {
		return nil, x.s.eng.ConstraintError(err)
	}
	tally := x.tally
	return &tally, nil
}

// apply stages the queued rows and upserts them.
func (x *importTx) apply() error {
	ctx, n := x.ctx, len(x.rows)
	if n == 0 {
		return nil
	}
	if err := x.stage.Put(ctx, x.rows); err != nil {
		return fmt.Errorf("stage: %w", err)
	}
	for _, q := range []string{x.match, x.compare} {
		if _, err := x.stage.Exec(ctx, q); err != nil {
			return fmt.Errorf("match: %w", err)
		}
	}
	if err := x.refuseDemoChanges(); err != nil {
		return err
	}
	if err := x.refuseLocked(); err != nil {
		return err
	}
	var created, changed int
	if err := x.stage.QueryRow(ctx, x.count).Scan(&created, &changed); err != nil {
		return err
	}
	if changed > 0 {
		if _, err := x.stage.Exec(ctx, x.update); err != nil {
			return err
		}
	}
	if created > 0 {
		var args []any
		if x.numbered {
			args = []any{x.nextID - 1}
		}
		if _, err := x.stage.Exec(ctx, x.create, args...); err != nil {
			return err
		}
		x.nextID += int64(created)
	}
	x.tally.Created += created
	x.tally.Updated += changed
	x.tally.Unchanged += n - created - changed
	x.rows = x.rows[:0]
	return nil
}

// refuseDemoChanges reports every staged row whose record has the other demo flag: an import never turns demo
// records into real ones, or the reverse, without saying so.
func (x *importTx) refuseDemoChanges() error {
	rows, err := x.stage.Query(x.ctx, x.mismatch)
	if err != nil {
		return fmt.Errorf("demo check: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var m db.DemoMismatch
		if err := rows.Scan(&m.Row, &m.RecordID, &m.RecordDemo); err != nil {
			return err
		}
		if x.tally.MismatchCount++; len(x.tally.Mismatches) < db.MaxImportErrors {
			x.tally.Mismatches = append(x.tally.Mismatches, m)
		}
	}
	return rows.Err()
}

// refuseLocked fails the import (CONFLICT, reason LOCKED) when a row would change a record that an approved report
// locked, naming the first such row: an import is all or nothing.
func (x *importTx) refuseLocked() error {
	var row int
	err := x.stage.QueryRow(x.ctx, lockedImportRows, x.t.entity).Scan(&row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	} else if err != nil {
		return fmt.Errorf("lock check: %w", err)
	}
	return db.Errorf(db.ECONFLICT, "第 %d 行要修改的%s来自已审核通过的上报，已锁定；须管理员重新打开该单位的上报后才能导入", row, x.t.entity.NameZh()).Because(db.ReasonLocked)
}

// Commit writes the audit entry and the success of the import's job, bumps the data version when anything
// changed, and commits: a job reads SUCCEEDED exactly when its rows were written (db.WithImportJob).
func (x *importTx) Commit(ctx context.Context, summary string, changed bool) error {
	if j := db.ImportJobFrom(ctx); j != nil {
		if err := x.s.finishImportJob(ctx, NewTx(x.stage), j); err != nil {
			return err
		}
	}
	if err := x.s.writeAudit(ctx, NewTx(x.stage), db.ActionImport, x.t.entity, nil, nil, &summary); err != nil {
		return x.s.eng.ConstraintError(err)
	}
	return x.s.eng.ConstraintError(x.stage.Commit(ctx, changed))
}

// Close rolls back unless committed.
func (x *importTx) Close() { x.stage.Close() }
