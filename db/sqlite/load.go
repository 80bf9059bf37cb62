package sqlite

import (
	"context"
	"database/sql"
	"fmt"

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
	l := &loader{ctx: ctx, tx: tx}
	l.dataset(b.Base)
	stream(l, b.Honors, l.honor)
	stream(l, b.VolunteerRecords, l.record)
	stream(l, b.Activities, l.activity)
	stream(l, b.Assessments, l.assessment)
	if l.err != nil {
		return db.Errorf(db.EINVALID, "导入数据集失败，未写入任何记录：%v", l.err)
	}
	if err := bumpVersion(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
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
	l.exec(`INSERT INTO honors (id, category_id, recipient_kind, recipient_name, unit_id, person_id, project_id, work_id, year, date, edition, status, source_id, demo)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		x.ID, x.CategoryID, x.RecipientKind, x.RecipientName, x.UnitID, x.PersonID, x.ProjectID, x.WorkID, x.Year, x.Date, x.Edition, x.Status, x.SourceID, x.Demo)
}

func (l *loader) record(x *db.VolunteerRecord) {
	l.exec(`INSERT INTO volunteer_records (id, unit_id, campaign_id, service_date, volunteers, minutes, method, verified, demo) VALUES (?,?,?,?,?,?,?,?,?)`,
		x.ID, x.UnitID, x.CampaignID, x.Date, x.Volunteers, x.Minutes, x.Method, x.Verified, x.Demo)
}

func (l *loader) activity(x *db.PracticeActivity) {
	l.exec(`INSERT INTO practice_activities (id, unit_id, center_id, activity_date, kind, theme, sessions, participants, demo) VALUES (?,?,?,?,?,?,?,?,?)`,
		x.ID, x.UnitID, x.CenterID, x.Date, x.Kind, x.Theme, x.Sessions, x.Participants, x.Demo)
}

func (l *loader) assessment(x *db.Assessment) {
	l.exec(`INSERT INTO assessments (id, unit_id, year, base_score, bonus, veto, stage, demo) VALUES (?,?,?,?,?,?,?,?)`,
		x.ID, x.UnitID, x.Year, x.BaseScore, x.Bonus, x.Veto, x.Stage, x.Demo)
}

// dataset writes the small tables, parents before children.
func (l *loader) dataset(ds *db.Dataset) {
	if ds == nil {
		return
	}
	for _, x := range ds.Sources {
		l.exec(`INSERT INTO source_documents (id, title, publisher, published_on, url) VALUES (?,?,?,?,?)`,
			x.ID, x.Title, x.Publisher, x.PublishedOn, x.URL)
	}
	for i, x := range ds.Figures {
		l.exec(`INSERT INTO published_figures (id, key, position, section, label_zh, label_en, value, unit, qualifier, quote, source_id, metric, note_zh)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			x.ID, x.Key, i, x.Section, x.LabelZh, x.LabelEn, x.Value, x.Unit, x.Qualifier, x.Quote, x.SourceID, x.Metric, x.NoteZh)
	}
	for i, x := range ds.Categories {
		l.exec(`INSERT INTO honor_categories (id, code, position, name_zh, name_en, level, recipient_kind, weight, default_status) VALUES (?,?,?,?,?,?,?,?,?)`,
			x.ID, x.Code, i, x.NameZh, x.NameEn, x.Level, x.RecipientKind, x.Weight, x.DefaultStatus)
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
		l.exec(`INSERT INTO campaigns (id, code, name_zh, name_en, kind, start_date, end_date, description) VALUES (?,?,?,?,?,?,?,?)`,
			x.ID, x.Code, x.NameZh, x.NameEn, x.Kind, x.StartDate, x.EndDate, x.Description)
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
		l.exec(`INSERT INTO assessment_indicators (year, code, position, name_zh, name_en, max_score) VALUES (?,?,?,?,?,?)`,
			x.Year, x.Code, i, x.NameZh, x.NameEn, x.MaxScore)
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
		l.exec(`INSERT INTO ranking_weights (from_year, component, label_zh, weight) VALUES (?,?,?,?)`, x.FromYear, x.Component, x.LabelZh, x.Weight)
	}
	for _, x := range ds.Milestones {
		l.exec(`INSERT INTO milestones (id, date, precision, title_zh, title_en, kind, end_date, source_id) VALUES (?,?,?,?,?,?,?,?)`,
			x.ID, x.Date, x.Precision, x.TitleZh, x.TitleEn, x.Kind, x.EndDate, x.SourceID)
	}
	for _, x := range ds.Targets {
		l.exec(`INSERT INTO targets (id, metric, year, value, demo) VALUES (?,?,?,?,?)`, x.ID, x.Metric, x.Year, x.Value, x.Demo)
	}
}

// loader runs inserts through cached prepared statements and keeps the first error.
type loader struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	err   error
}

func (l *loader) exec(query string, args ...any) {
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
