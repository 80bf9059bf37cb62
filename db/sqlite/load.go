package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/wenming/wenming/db"
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
	l.dataset(b.Base)
	stream(l, b.Honors, l.honor)
	stream(l, b.VolunteerRecords, l.record)
	stream(l, b.Activities, l.activity)
	stream(l, b.Assessments, l.assessment)
	l.flush()
	if l.err != nil {
		return db.Errorf(db.EINVALID, "导入数据集失败，未写入任何记录：%v", l.err)
	}
	if err := restore(); err != nil {
		return err
	}
	if err := bumpVersion(ctx, tx); err != nil {
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
		if _, err := tx.ExecContext(ctx, rebuildRollups); err != nil {
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

// stream feeds every row of seq to add until the loader fails.
func stream[T any](l *loader, seq func(func(T) bool), add func(T)) {
	if seq == nil {
		return
	}
	for x := range seq {
		add(x)
		if l.err != nil {
			return
		}
	}
}

func (l *loader) honor(x *db.Honor) {
	l.batch(`INSERT INTO honors (id, category_id, recipient_kind, recipient_name, unit_id, person_id, project_id, work_id, year, date, edition, status, source_id, demo) VALUES `, 14,
		x.ID, x.CategoryID, x.RecipientKind, x.RecipientName, x.UnitID, x.PersonID, x.ProjectID, x.WorkID, x.Year, x.Date, x.Edition, x.Status, x.SourceID, x.Demo)
}

func (l *loader) record(x *db.VolunteerRecord) {
	l.batch(`INSERT INTO volunteer_records (id, unit_id, campaign_id, service_date, volunteers, minutes, method, verified, demo) VALUES `, 9,
		x.ID, x.UnitID, x.CampaignID, x.Date, x.Volunteers, x.Minutes, x.Method, x.Verified, x.Demo)
}

func (l *loader) activity(x *db.PracticeActivity) {
	l.batch(`INSERT INTO practice_activities (id, unit_id, center_id, activity_date, kind, theme, sessions, participants, demo, action) VALUES `, 10,
		x.ID, x.UnitID, x.CenterID, x.Date, x.Kind, x.Theme, x.Sessions, x.Participants, x.Demo, x.Action)
}

func (l *loader) assessment(x *db.Assessment) {
	l.batch(`INSERT INTO assessments (id, unit_id, year, base_score, bonus, veto, stage, demo) VALUES `, 8,
		x.ID, x.UnitID, x.Year, x.BaseScore, x.Bonus, x.Veto, x.Stage, x.Demo)
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

// dataset writes the small tables, parents before children.
func (l *loader) dataset(ds *db.Dataset) {
	if ds == nil {
		return
	}
	for _, x := range ds.Sources {
		l.exec(`INSERT INTO source_documents (id, title, publisher, published_on, url, demo) VALUES (?,?,?,?,?,?)`,
			x.ID, x.Title, x.Publisher, x.PublishedOn, x.URL, x.Demo)
	}
	for i, x := range ds.Figures {
		l.exec(`INSERT INTO published_figures (id, key, position, section, label_zh, label_en, value, unit, qualifier, quote, source_id, metric, note_zh,
			statuses, basis) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			x.ID, x.Key, i, x.Section, x.LabelZh, x.LabelEn, x.Value, x.Unit, x.Qualifier, x.Quote, x.SourceID, x.Metric, x.NoteZh,
			db.JoinEnums(x.Statuses), x.Basis.Or(db.BasisPublished))
	}
	for i, x := range ds.Categories {
		kinds := x.RecipientKinds
		if len(kinds) == 0 {
			kinds = []db.RecipientKind{x.RecipientKind}
		}
		l.exec(`INSERT INTO honor_categories (id, code, position, name_zh, name_en, level, recipient_kind, weight, default_status,
			recipient_kinds, weight_basis, note_zh) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
			x.ID, x.Code, i, x.NameZh, x.NameEn, x.Level, x.RecipientKind, x.Weight, x.DefaultStatus,
			db.JoinEnums(kinds), x.WeightBasis.Or(db.BasisDefault), x.NoteZh)
	}
	for _, x := range ds.Units {
		l.exec(`INSERT INTO units (id, name, kind, sector, service_window, demo) VALUES (?,?,?,?,?,?)`,
			x.ID, x.Name, x.Kind, x.Sector, x.ServiceWindow, x.Demo)
	}
	for _, x := range ds.People {
		l.exec(`INSERT INTO people (id, name, unit_id, citation, demo) VALUES (?,?,?,?,?)`, x.ID, x.Name, x.UnitID, x.Citation, x.Demo)
	}
	for _, x := range ds.Projects {
		l.exec(`INSERT INTO volunteer_projects (id, name, brand, field, unit_id, demo) VALUES (?,?,?,?,?,?)`,
			x.ID, x.Name, x.Brand, x.Field, x.UnitID, x.Demo)
	}
	for _, x := range ds.Works {
		l.exec(`INSERT INTO works (id, title, kind, unit_id, year, selection, demo) VALUES (?,?,?,?,?,?,?)`,
			x.ID, x.Title, x.Kind, x.UnitID, x.Year, x.Selection, x.Demo)
	}
	for _, x := range ds.Honors {
		l.honor(x)
	}
	for _, x := range ds.Campaigns {
		l.exec(`INSERT INTO campaigns (id, code, name_zh, name_en, kind, start_date, end_date, description, start_basis, end_basis) VALUES (?,?,?,?,?,?,?,?,?,?)`,
			x.ID, x.Code, x.NameZh, x.NameEn, x.Kind, x.StartDate, x.EndDate, x.Description, x.StartBasis.Or(db.BasisOffice), x.EndBasis.Or(db.BasisOffice))
	}
	for _, x := range ds.VolunteerRecords {
		l.record(x)
	}
	for _, x := range ds.Donations {
		l.exec(`INSERT INTO donations (id, campaign_id, unit_id, kind, amount, boxes, batch, donation_date, description, demo) VALUES (?,?,?,?,?,?,?,?,?,?)`,
			x.ID, x.CampaignID, x.UnitID, x.Kind, int64(x.Amount), x.Boxes, x.Batch, x.Date, x.Description, x.Demo)
	}
	for _, x := range ds.Federation {
		l.exec(`INSERT INTO federation_members (id, is_group, name, joined_year, demo) VALUES (?,?,?,?,?)`, x.ID, x.Group, x.Name, x.JoinedYear, x.Demo)
	}
	for _, x := range ds.Centers {
		l.exec(`INSERT INTO practice_centers (id, code, name, county, prefecture, prefecture_code, identified, note) VALUES (?,?,?,?,?,?,?,?)`,
			x.ID, x.Code, x.Name, x.County, x.Prefecture, x.PrefectureCode, x.Identified, x.Note)
	}
	for _, x := range ds.Links {
		l.exec(`INSERT INTO practice_links (id, unit_id, center_id, since_year, demo) VALUES (?,?,?,?,?)`, x.ID, x.UnitID, x.CenterID, x.SinceYear, x.Demo)
	}
	for _, x := range ds.Pairings {
		l.exec(`INSERT INTO pairings (id, unit_id, township, center_id, since_year, demo) VALUES (?,?,?,?,?,?)`, x.ID, x.UnitID, x.Township, x.CenterID, x.SinceYear, x.Demo)
	}
	for _, x := range ds.Activities {
		l.activity(x)
	}
	for i, x := range ds.Indicators {
		l.exec(`INSERT INTO assessment_indicators (year, code, position, name_zh, name_en, max_score, basis) VALUES (?,?,?,?,?,?,?)`,
			x.Year, x.Code, i, x.NameZh, x.NameEn, x.MaxScore, x.Basis.Or(db.BasisDefault))
	}
	for _, x := range ds.Assessments {
		l.assessment(x)
	}
	for _, x := range ds.Scores {
		l.exec(`INSERT INTO indicator_scores (assessment_id, version_year, code, score)
			SELECT a.id, (SELECT max(i.year) FROM assessment_indicators i WHERE i.year <= a.year), ?, ? FROM assessments a WHERE a.id = ?`,
			x.Code, x.Score, x.AssessmentID)
	}
	for _, x := range ds.Weights {
		l.exec(`INSERT INTO ranking_weights (from_year, component, label_zh, weight, basis) VALUES (?,?,?,?,?)`, x.FromYear, x.Component, x.LabelZh, x.Weight,
			x.Basis.Or(db.BasisDefault))
	}
	for _, x := range ds.Milestones {
		l.exec(`INSERT INTO milestones (id, date, precision, title_zh, title_en, kind, end_date, source_id, date_basis) VALUES (?,?,?,?,?,?,?,?,?)`,
			x.ID, x.Date, x.Precision, x.TitleZh, x.TitleEn, x.Kind, x.EndDate, x.SourceID, x.DateBasis.Or(db.BasisPublished))
	}
	for _, x := range ds.Targets {
		l.exec(`INSERT INTO targets (id, metric, year, value, demo, basis) VALUES (?,?,?,?,?,?)`, x.ID, x.Metric, x.Year, x.Value, x.Demo, x.Basis.Or(db.BasisOffice))
	}
	l.article(&ds.Article)
	l.flush()
}

// article loads the article records of a dataset, after the units, pairings and milestones they refer to.
func (l *loader) article(a *db.ArticleData) {
	for _, x := range a.Actions {
		l.exec(`INSERT INTO practice_actions (code, position, name_zh, name_en, identified, quote, source_id, note) VALUES (?,?,?,?,?,?,?,?)`,
			x.Code, x.Position, x.NameZh, x.NameEn, x.Identified, x.Quote, x.SourceID, x.Note)
	}
	for pid, items := range a.PairingContents {
		for _, it := range items {
			l.exec(`INSERT INTO pairing_contents (pairing_id, item) VALUES (?,?)`, pid, it)
		}
	}
	for _, x := range a.Wishes {
		l.exec(`INSERT INTO wishes (id, title, beneficiary, pairing_id, stage, unit_id, collected_on, note, demo) VALUES (?,?,?,?,?,?,?,?,?)`,
			x.ID, x.Title, x.Beneficiary, x.PairingID, x.Stage, x.UnitID, x.CollectedOn, x.Note, x.Demo)
	}
	for _, x := range a.Compilations {
		l.exec(`INSERT INTO case_compilations (id, title, quote, source_id, demo) VALUES (?,?,?,?,?)`, x.ID, x.Title, x.Quote, x.SourceID, x.Demo)
	}
	for _, x := range a.Cases {
		l.exec(`INSERT INTO excellent_cases (id, compilation_id, title, unit_id, year, summary, demo) VALUES (?,?,?,?,?,?,?)`,
			x.ID, x.CompilationID, x.Title, x.UnitID, x.Year, x.Summary, x.Demo)
	}
	for _, x := range a.TalentMembers {
		l.exec(`INSERT INTO talent_members (id, name, unit_id, since_year, roles, demo) VALUES (?,?,?,?,?,?)`,
			x.ID, x.Name, x.UnitID, x.SinceYear, db.TalentRolesJSON(x.Roles), x.Demo)
	}
	for _, x := range a.Events {
		l.exec(`INSERT INTO civilisation_events (id, kind, title, event_date, place, milestone_id, quote, source_id, demo) VALUES (?,?,?,?,?,?,?,?,?)`,
			x.ID, x.Kind, x.Title, x.Date, x.Place, x.MilestoneID, x.Quote, x.SourceID, x.Demo)
	}
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
