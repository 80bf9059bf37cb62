package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/wenming/wenming/db"
)

// What units enter for a task: drafts, frozen submissions, review comments, and the approval that writes a
// submission into the records and locks them. Drafts and submissions are JSON documents beside the records, so
// that nothing a unit enters moves a figure before the office approves it.

// refuseLocked fails with CONFLICT (reason LOCKED) when an approved report wrote the record: it stays as approved
// until an admin reopens the unit's report.
func refuseLocked(ctx context.Context, tx *Tx, e db.Entity, id int64) error {
	var title string
	err := tx.QueryRow(ctx, `SELECT t.title FROM report_applied r JOIN report_assignments a ON a.task_id = r.task_id AND a.unit_id = r.unit_id
		JOIN report_tasks t ON t.id = r.task_id WHERE r.entity = ? AND r.record_id = ? AND a.state = 'APPROVED'`, e, id).Scan(&title)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	} else if err != nil {
		return err
	}
	return db.Errorf(db.ECONFLICT, "该%s来自已审核通过的上报（%s），已锁定；须管理员重新打开该单位的上报后才能修改", e.NameZh(), title).Because(db.ReasonLocked)
}

// lockedImportRows is the first staged row an import would change in a record an approved report locked.
const lockedImportRows = `SELECT s."row" FROM import_stage s JOIN report_applied r ON r.record_id = s.target AND r.entity = ?
	JOIN report_assignments a ON a.task_id = r.task_id AND a.unit_id = r.unit_id WHERE s.changed AND a.state = 'APPROVED' ORDER BY s."row"`

// contentScope is the scope of reads of what units entered: the report scope, narrowed to nothing for callers who
// may see progress but not contents (leaders).
func contentScope(ctx context.Context, w *where) bool {
	return db.ReadsReportContents(ctx) && scopeWhere(ctx, w)
}

// ReportDraft loads a unit's draft in the caller's scope, or nil.
func (s *Store) ReportDraft(ctx context.Context, taskID, unitID int64) (*db.ReportDraft, error) {
	w := &where{}
	if !contentScope(ctx, w) {
		return nil, nil
	}
	w.add("a.task_id = ?", taskID)
	w.add("a.unit_id = ?", unitID)
	d := &db.ReportDraft{TaskID: taskID, UnitID: unitID}
	var content string
	err := s.eng.Read().QueryRow(ctx, `SELECT d.content, d.saved_by, d.saved_at, t.year FROM report_drafts d
		JOIN report_assignments a ON a.task_id = d.task_id AND a.unit_id = d.unit_id JOIN report_tasks t ON t.id = a.task_id`+w.sql(),
		w.args...).Scan(&content, &d.SavedBy, instant{&d.SavedAt}, &d.Year)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	d.Content, err = decodeContent(content)
	return d, err
}

func decodeContent(s string) (*db.ReportContent, error) {
	c := &db.ReportContent{}
	if err := json.Unmarshal([]byte(s), c); err != nil {
		return nil, fmt.Errorf("report content: %w", err)
	}
	return c, nil
}

// ReportSubmissions lists a unit's frozen versions in the caller's scope, newest first.
func (s *Store) ReportSubmissions(ctx context.Context, taskID, unitID int64) ([]*db.ReportSubmission, error) {
	w := &where{}
	if !contentScope(ctx, w) {
		return nil, nil
	}
	w.add("a.task_id = ?", taskID)
	w.add("a.unit_id = ?", unitID)
	rows, err := s.eng.Read().Query(ctx, `SELECT v.task_id, v.unit_id, t.year, v.round, v.content, v.submitted_by, v.submitted_at, v.withdrawn
		FROM report_submissions v JOIN report_assignments a ON a.task_id = v.task_id AND a.unit_id = v.unit_id
		JOIN report_tasks t ON t.id = a.task_id`+w.sql()+` ORDER BY v.round DESC`, w.args...)
	if err != nil {
		return nil, err
	}
	vs, err := collect(rows, func(r Rows) (*db.ReportSubmission, error) {
		v := &db.ReportSubmission{}
		var content string
		if err := r.Scan(&v.TaskID, &v.UnitID, &v.Year, &v.Round, &content, &v.SubmittedBy, instant{&v.SubmittedAt}, &v.Withdrawn); err != nil {
			return nil, err
		}
		var err error
		v.Content, err = decodeContent(content)
		return v, err
	})
	for i := 0; i+1 < len(vs); i++ {
		if vs[i+1].Round == vs[i].Round-1 {
			vs[i].Previous = vs[i+1].Content
		}
	}
	return vs, err
}

// ReportComments lists the review comments on a unit's report in the caller's scope, oldest first. Leaders see
// them too: a comment is the office's own word, not the unit's contents.
func (s *Store) ReportComments(ctx context.Context, taskID, unitID int64) ([]*db.ReportComment, error) {
	w := &where{}
	if !scopeWhere(ctx, w) {
		return nil, nil
	}
	w.add("a.task_id = ?", taskID)
	w.add("a.unit_id = ?", unitID)
	rows, err := s.eng.Read().Query(ctx, `SELECT c.id, c.task_id, c.unit_id, c.round, c.field, c.author, c.at, c.text
		FROM report_comments c JOIN report_assignments a ON a.task_id = c.task_id AND a.unit_id = c.unit_id`+w.sql()+` ORDER BY c.id`, w.args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) (*db.ReportComment, error) {
		c := &db.ReportComment{}
		return c, r.Scan(&c.ID, &c.TaskID, &c.UnitID, &c.Round, &c.Field, &c.Author, instant{&c.At}, &c.Text)
	})
}

// CommentReport adds a reviewer's comment to the unit's last submitted round, as of the version the reviewer read:
// office editors and admins only.
func (s *Store) CommentReport(ctx context.Context, taskID, unitID int64, expectedVersion int, field, text string) (*db.ReportComment, error) {
	if who := db.ReportActorOf(db.PrincipalFrom(ctx)); who != db.ActorEditor && who != db.ActorAdmin {
		return nil, db.Errorf(db.EFORBIDDEN, "无权进行此上报操作")
	}
	if err := db.ValidateComment(field, text); err != nil {
		return nil, err
	}
	_, name := actor(ctx)
	c := &db.ReportComment{TaskID: taskID, UnitID: unitID, Field: field, Author: name, At: timeNow(), Text: text}
	err := s.eng.Tx(ctx, func(tx *Tx) error {
		var version int
		err := tx.QueryRow(ctx, `SELECT rounds, version FROM report_assignments WHERE task_id = ? AND unit_id = ?`, taskID, unitID).Scan(&c.Round, &version)
		if errors.Is(err, sql.ErrNoRows) {
			return errNoAssignment
		} else if err != nil {
			return err
		}
		// A comment is about the round the reviewer read: a report that moved since is refused, not misfiled.
		if expectedVersion != 0 && expectedVersion != version {
			return db.Errorf(db.ECONFLICT, "上报状态已被他人更新（当前版本 %d，您提交的版本 %d），请刷新后重试", version, expectedVersion).Because(db.ReasonOutdated)
		}
		if c.Round == 0 {
			return db.Errorf(db.ECONFLICT, "该单位尚未上报，没有可提意见的版本").Because(db.ReasonState)
		}
		return s.insertComment(ctx, tx, c)
	})
	return c, err
}

func (s *Store) insertComment(ctx context.Context, tx *Tx, c *db.ReportComment) error {
	return tx.QueryRow(ctx, `INSERT INTO report_comments (task_id, unit_id, round, field, author, at, text) VALUES (?,?,?,?,?,?,?) RETURNING id`,
		c.TaskID, c.UnitID, c.Round, c.Field, c.Author, s.milli(c.At), c.Text).Scan(&c.ID)
}

// SaveReportDraft replaces a unit's draft, checked against its task, and moves the unit to 填报中: one step of the
// flow (SAVE_DRAFT), in one transaction that bumps no data version.
func (s *Store) SaveReportDraft(ctx context.Context, step db.ReportStep, content *db.ReportContent) (*db.ReportAssignment, error) {
	step.Action = db.ActionSaveDraft
	return s.step(ctx, step, func(tx *Tx, a *db.ReportAssignment, t *db.ReportTask) error {
		if err := content.Validate(t); err != nil {
			return err
		}
		body, err := json.Marshal(content)
		if err != nil {
			return err
		}
		_, name := actor(ctx)
		n, err := tx.Exec(ctx, `UPDATE report_drafts SET content = ?, saved_by = ?, saved_at = ? WHERE task_id = ? AND unit_id = ?`,
			string(body), name, s.milli(step.Now), a.TaskID, a.UnitID)
		if err != nil || n > 0 {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO report_drafts (task_id, unit_id, content, saved_by, saved_at) VALUES (?,?,?,?,?)`,
			a.TaskID, a.UnitID, string(body), name, s.milli(step.Now))
		return err
	})
}

// freezeSubmission copies the unit's draft into its next round, which never changes; an empty draft is refused
// (reason EMPTY), and so is one with a plausibility warning the unit has not explained (EXPLANATION_REQUIRED).
func (s *Store) freezeSubmission(ctx context.Context, tx *Tx, a *db.ReportAssignment, t *db.ReportTask, now time.Time) error {
	var content string
	err := tx.QueryRow(ctx, `SELECT content FROM report_drafts WHERE task_id = ? AND unit_id = ?`, a.TaskID, a.UnitID).Scan(&content)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	c, derr := decodeContent(content)
	if errors.Is(err, sql.ErrNoRows) || derr != nil || c.Empty() {
		return db.Errorf(db.ECONFLICT, "还没有填写任何内容，不能上报").Because(db.ReasonEmpty)
	}
	ws, err := db.WarningsFor(ctx, s, c, a.UnitID, t.Year)
	if err != nil {
		return err
	}
	if err := db.RequireExplanations(ws); err != nil {
		return err
	}
	_, name := actor(ctx)
	_, err = tx.Exec(ctx, `INSERT INTO report_submissions (task_id, unit_id, round, content, submitted_by, submitted_at) VALUES (?,?,?,?,?,?)`,
		a.TaskID, a.UnitID, a.Rounds+1, content, name, s.milli(now))
	return err
}

// applyReport writes an approved round into the records in the approval's transaction: first it removes what the
// unit's last approval created (a re-approval replaces exactly that), then it creates each item with the rules and
// natural keys of the mutations, audited as the approver's, flagged demo when the task is, and lists each record
// in report_applied, which locks it while the report stays approved.
func (s *Store) applyReport(ctx context.Context, tx *Tx, t *db.ReportTask, a *db.ReportAssignment, round int) error {
	var content string
	err := tx.QueryRow(ctx, `SELECT content FROM report_submissions WHERE task_id = ? AND unit_id = ? AND round = ? AND NOT withdrawn`,
		a.TaskID, a.UnitID, round).Scan(&content)
	if errors.Is(err, sql.ErrNoRows) {
		return db.Errorf(db.ECONFLICT, "第 %d 次上报已撤回或不存在，不能审核通过", round).Because(db.ReasonOutdated)
	} else if err != nil {
		return err
	}
	c, err := decodeContent(content)
	if err != nil {
		return err
	}
	if err := s.unapply(ctx, tx, a); err != nil {
		return err
	}
	ap := &applier{s: s, tx: tx, t: t, a: a, round: round}
	for i, v := range c.VolunteerRecords {
		f, err := v.Fields(a.UnitID)
		if err != nil {
			return err
		}
		if v.CampaignCode != nil && *v.CampaignCode != "" {
			var id int64
			if err := tx.QueryRow(ctx, `SELECT id FROM campaigns WHERE code = ?`, *v.CampaignCode).Scan(&id); err != nil {
				return db.FieldErrorf(fmt.Sprintf("volunteerRecords[%d].campaignCode", i), "专项行动不存在：%s", *v.CampaignCode)
			}
			f.CampaignID = &id
		}
		if err := ap.create(ctx, db.EntityVolunteerRecord, func(tx *Tx, id int64) error { return insertVolunteerRecord(ctx, tx, id, f) }); err != nil {
			return err
		}
	}
	for _, v := range c.PracticeActivities {
		f := v.Fields(a.UnitID)
		if err := ap.create(ctx, db.EntityPracticeActivity, func(tx *Tx, id int64) error { return insertPracticeActivity(ctx, tx, id, f) }); err != nil {
			return err
		}
	}
	if v := c.Assessment; v != nil {
		if err := ap.assessment(ctx, v.Fields(a.UnitID, t.Year)); err != nil {
			return err
		}
	}
	for _, v := range c.TitleApplications {
		if err := ap.title(ctx, v); err != nil {
			return err
		}
	}
	return nil
}

// unapply removes the records the unit's last approval of the task created, children first, each audited as a
// delete; the records it updated stay, to be updated again.
func (s *Store) unapply(ctx context.Context, tx *Tx, a *db.ReportAssignment) error {
	rows, err := tx.Query(ctx, `SELECT entity, record_id FROM report_applied WHERE task_id = ? AND unit_id = ? AND created
		ORDER BY CASE entity WHEN 'HONOR' THEN 0 ELSE 1 END, record_id DESC`, a.TaskID, a.UnitID)
	if err != nil {
		return err
	}
	type rec struct {
		e  db.Entity
		id int64
	}
	recs, err := collect(rows, func(r Rows) (rec, error) {
		var x rec
		return x, r.Scan(&x.e, &x.id)
	})
	if err != nil {
		return err
	}
	for _, x := range recs {
		before, err := s.snapshot(ctx, tx, x.e, x.id)
		if err != nil {
			return err
		}
		if before == nil {
			continue
		}
		if _, err := tx.Exec(ctx, `DELETE FROM `+entityTables[x.e].table+` WHERE id = ?`, x.id); err != nil {
			return err
		}
		id := x.id
		if err := s.writeAudit(ctx, tx, db.ActionDelete, x.e, &id, before, nil); err != nil {
			return err
		}
	}
	_, err = tx.Exec(ctx, `DELETE FROM report_applied WHERE task_id = ? AND unit_id = ?`, a.TaskID, a.UnitID)
	return err
}

// applier writes one approved round's items.
type applier struct {
	s     *Store
	tx    *Tx
	t     *db.ReportTask
	a     *db.ReportAssignment
	round int
}

// note lists a record the approval wrote.
func (ap *applier) note(ctx context.Context, e db.Entity, id int64, created bool) error {
	_, err := ap.tx.Exec(ctx, `INSERT INTO report_applied (task_id, unit_id, round, entity, record_id, created) VALUES (?,?,?,?,?,?)`,
		ap.a.TaskID, ap.a.UnitID, ap.round, e, id, created)
	return err
}

// create makes one record, flagged demo when the task is, and notes it.
func (ap *applier) create(ctx context.Context, e db.Entity, insert func(tx *Tx, id int64) error) error {
	id, err := ap.s.createIn(ctx, ap.tx, e, func(tx *Tx, id int64) error {
		if err := insert(tx, id); err != nil {
			return err
		}
		if !ap.t.Demo {
			return nil
		}
		_, err := tx.Exec(ctx, `UPDATE `+entityTables[e].table+` SET demo = TRUE WHERE id = ?`, id)
		return err
	})
	if err != nil {
		return err
	}
	return ap.note(ctx, e, id, true)
}

// assessment writes the self-assessment under the assessment's natural key (unit, year): it updates the unit's
// assessment of the year when there is one, and creates it otherwise.
func (ap *applier) assessment(ctx context.Context, f db.AssessmentFields) error {
	var id int64
	err := ap.tx.QueryRow(ctx, `SELECT id FROM assessments WHERE unit_id = ? AND year = ?`, f.UnitID, f.Year).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return ap.create(ctx, db.EntityAssessment, func(tx *Tx, id int64) error { return insertAssessment(ctx, tx, id, f) })
	} else if err != nil {
		return err
	}
	if err := refuseLocked(ctx, ap.tx, db.EntityAssessment, id); err != nil {
		return err
	}
	before, err := ap.s.snapshot(ctx, ap.tx, db.EntityAssessment, id)
	if err != nil {
		return err
	}
	if err := updateAssessment(ctx, ap.tx, id, f); err != nil {
		return err
	}
	after, err := ap.s.snapshot(ctx, ap.tx, db.EntityAssessment, id)
	if err != nil {
		return err
	}
	if err := ap.s.writeAudit(ctx, ap.tx, db.ActionUpdate, db.EntityAssessment, &id, before, after); err != nil {
		return err
	}
	_, err = ap.tx.Exec(ctx, `DELETE FROM report_applied WHERE entity = ? AND record_id = ?`, db.EntityAssessment, id)
	if err != nil {
		return err
	}
	return ap.note(ctx, db.EntityAssessment, id, false)
}

// title writes a title application as a nomination (提名) of the task's year: of the unit itself, or of the person
// it nominates, who is created with the unit as theirs and without the application's personal data.
func (ap *applier) title(ctx context.Context, v *db.ReportedTitleApplication) error {
	status := db.StatusNominated
	f := db.HonorFields{CategoryCode: v.CategoryCode, Year: ap.t.Year, Status: &status}
	unit := ap.a.UnitID
	if v.Nominee == "" {
		f.UnitID = &unit
	} else {
		// The nominee's story and phone are personal data: they stay in the submission, which only the unit and
		// the office read, and never reach the public person record.
		p := db.PersonFields{Name: v.Nominee, UnitID: &unit}
		var pid int64
		err := ap.create(ctx, db.EntityPerson, func(tx *Tx, id int64) error {
			pid = id
			return insertPerson(ctx, tx, id, p)
		})
		if err != nil {
			return err
		}
		f.PersonID = &pid
	}
	return ap.create(ctx, db.EntityHonor, func(tx *Tx, id int64) error { return insertHonor(ctx, tx, id, f) })
}

// ReportSources reads, in the caller's report scope, the report each record was written from; records no approval
// wrote, and those of reports the caller may not see, have none.
func (s *Store) ReportSources(ctx context.Context, keys []db.ReportSourceKey) (map[db.ReportSourceKey]*db.ReportSource, error) {
	out := map[db.ReportSourceKey]*db.ReportSource{}
	byEntity := map[db.Entity][]int64{}
	for _, k := range keys {
		byEntity[k.Entity] = append(byEntity[k.Entity], k.ID)
	}
	for e, ids := range byEntity {
		w := s.where()
		if !scopeWhere(ctx, w) {
			return out, nil
		}
		w.add("r.entity = ?", e)
		addIn(w, "r.record_id", ids)
		rows, err := s.eng.Read().Query(ctx, `SELECT r.entity, r.record_id, r.task_id, t.title, r.unit_id, r.round, a.state = 'APPROVED'
			FROM report_applied r JOIN report_assignments a ON a.task_id = r.task_id AND a.unit_id = r.unit_id
			JOIN report_tasks t ON t.id = r.task_id`+w.sql(), w.args...)
		if err != nil {
			return nil, err
		}
		list, err := collect(rows, func(r Rows) (*db.ReportSource, error) {
			x := &db.ReportSource{}
			return x, r.Scan(&x.Entity, &x.RecordID, &x.TaskID, &x.TaskTitle, &x.UnitID, &x.Round, &x.Locked)
		})
		if err != nil {
			return nil, err
		}
		for _, x := range list {
			out[db.ReportSourceKey{Entity: x.Entity, ID: x.RecordID}] = x
		}
	}
	return out, nil
}

// ReportHistory reads a unit's volunteer service and assessment total of a year, from the records (and so from what
// approvals wrote).
func (s *Store) ReportHistory(ctx context.Context, unitID int64, year int) (db.ReportHistory, error) {
	var h db.ReportHistory
	q := s.eng.Read()
	if err := q.QueryRow(ctx, `SELECT coalesce(sum(minutes), 0), coalesce(sum(volunteers), 0) FROM volunteer_records WHERE unit_id = ? AND year = ?`,
		unitID, year).Scan(&h.Minutes, &h.PersonTimes); err != nil {
		return h, err
	}
	var score float64
	err := q.QueryRow(ctx, `SELECT base_score + bonus FROM assessments WHERE unit_id = ? AND year = ?`, unitID, year).Scan(&score)
	if err == nil {
		h.Score = &score
	} else if !errors.Is(err, sql.ErrNoRows) {
		return h, err
	}
	return h, nil
}
