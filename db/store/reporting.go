package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/wenming/wenming/db"
)

// Yearly reporting: tasks, each unit's assignment and its history. Every read goes through scopeWhere, the one
// place a caller's reporting scope becomes SQL: a reporter's reads carry its unit, and a caller with no scope reads
// nothing. Its writes bump no data version: nothing of a report moves the dashboard's figures until it is applied.

// scopeWhere adds the caller's reporting scope to a query of the assignments (aliased a), through the store's one
// scope helper; ok is false when the scope reads nothing, and the caller answers as if nothing existed.
func scopeWhere(ctx context.Context, w *where) (ok bool) {
	if db.ScopeOf(ctx, db.ReportingRows).None() {
		return false
	}
	scopeRows(ctx, db.ReportingRows, w, "a.unit_id")
	return true
}

const reportTaskCols = `t.id, t.year, t.title, t.kinds, t.instructions, CAST(t.opens_on AS TEXT), CAST(t.due_on AS TEXT),
	CAST(t.closes_on AS TEXT), t.created_by, t.created_at, t.demo`

func scanReportTask(r Row) (*db.ReportTask, error) {
	t := &db.ReportTask{}
	var kinds string
	if err := r.Scan(&t.ID, &t.Year, &t.Title, &kinds, &t.Instructions, &t.OpensOn, &t.DueOn, &t.ClosesOn, &t.CreatedBy,
		instant{&t.CreatedAt}, &t.Demo); err != nil {
		return nil, err
	}
	for _, k := range strings.Split(kinds, ",") {
		t.Kinds = append(t.Kinds, db.ReportKind(k))
	}
	return t, nil
}

const reportAssignmentCols = `a.task_id, a.unit_id, a.state, a.rounds, a.submitted_at, a.late, a.reviewed_by, a.reviewed_at,
	CAST(a.extended_to AS TEXT), a.exempt_reason, a.version, CAST(t.opens_on AS TEXT), CAST(t.due_on AS TEXT), CAST(t.closes_on AS TEXT),
	(SELECT count(*) FROM report_events e WHERE e.task_id = a.task_id AND e.unit_id = a.unit_id AND e.action = 'REMIND'),
	(SELECT max(e.at) FROM report_events e WHERE e.task_id = a.task_id AND e.unit_id = a.unit_id AND e.action = 'REMIND')`

// reportAssignmentFrom reads assignments with their task's dates, so that each carries its own window.
const reportAssignmentFrom = ` FROM report_assignments a JOIN report_tasks t ON t.id = a.task_id`

func scanReportAssignment(r Row) (*db.ReportAssignment, error) {
	a := &db.ReportAssignment{}
	var reviewer, extended, reason sql.NullString
	if err := r.Scan(&a.TaskID, &a.UnitID, &a.State, &a.Rounds, nullInstant{&a.SubmittedAt}, &a.Late, &reviewer,
		nullInstant{&a.ReviewedAt}, &extended, &reason, &a.Version, &a.Window.OpensOn, &a.Window.DueOn, &a.Window.ClosesOn,
		&a.Reminders, nullInstant{&a.LastRemindedAt}); err != nil {
		return nil, err
	}
	a.ReviewedBy, a.ExtendedTo, a.ExemptReason = reviewer.String, db.Date(extended.String), reason.String
	a.Window.ExtendedTo = a.ExtendedTo
	return a, nil
}

// CreateReportTask opens a task with an assignment for every unit it covers, in one transaction.
func (s *Store) CreateReportTask(ctx context.Context, t *db.ReportTask, unitIDs []int64) error {
	kinds := make([]string, len(t.Kinds))
	for i, k := range t.Kinds {
		kinds[i] = string(k)
	}
	_, name := actor(ctx)
	t.CreatedBy, t.CreatedAt = name, timeNow()
	return s.eng.Tx(ctx, func(tx *Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO report_tasks (year, title, kinds, instructions, opens_on, due_on, closes_on, created_by, created_at, demo)
			VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id`, t.Year, t.Title, strings.Join(kinds, ","), t.Instructions, t.OpensOn, t.DueOn,
			t.ClosesOn, t.CreatedBy, s.milli(t.CreatedAt), t.Demo).Scan(&t.ID)
		if err != nil {
			return s.eng.ConstraintError(err)
		}
		if len(unitIDs) == 0 {
			_, err = tx.Exec(ctx, `INSERT INTO report_assignments (task_id, unit_id, demo) SELECT ?, id, ? FROM units`, t.ID, t.Demo)
			return err
		}
		for _, u := range unitIDs {
			if _, err := tx.Exec(ctx, `INSERT INTO report_assignments (task_id, unit_id, demo) VALUES (?, ?, ?)`, t.ID, u, t.Demo); err != nil {
				return s.eng.ConstraintError(err)
			}
		}
		return nil
	})
}

// ReportTasks lists the tasks the caller may see (a reporter: those covering its unit), newest first.
func (s *Store) ReportTasks(ctx context.Context) ([]*db.ReportTask, error) {
	w := &where{}
	if !scopeWhere(ctx, w) {
		return nil, nil
	}
	rows, err := s.eng.Read().Query(ctx, `SELECT `+reportTaskCols+` FROM report_tasks t WHERE EXISTS (
		SELECT 1 FROM report_assignments a WHERE a.task_id = t.id`+andConds(w)+`) ORDER BY t.id DESC`, w.args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) (*db.ReportTask, error) { return scanReportTask(r) })
}

// ReportTask loads one task the caller may see; one it may not see is ENOTFOUND, like a missing one.
func (s *Store) ReportTask(ctx context.Context, id int64) (*db.ReportTask, error) {
	w := &where{}
	if !scopeWhere(ctx, w) {
		return nil, errNoTask
	}
	t, err := scanReportTask(s.eng.Read().QueryRow(ctx, `SELECT `+reportTaskCols+` FROM report_tasks t WHERE t.id = ? AND EXISTS (
		SELECT 1 FROM report_assignments a WHERE a.task_id = t.id`+andConds(w)+`)`, append([]any{id}, w.args...)...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNoTask
	}
	return t, err
}

var errNoTask = db.Errorf(db.ENOTFOUND, "上报任务不存在")

// ReportAssignments lists a task's assignments in the caller's scope, by unit.
func (s *Store) ReportAssignments(ctx context.Context, taskID int64) ([]*db.ReportAssignment, error) {
	w := &where{}
	if !scopeWhere(ctx, w) {
		return nil, nil
	}
	w.add("a.task_id = ?", taskID)
	rows, err := s.eng.Read().Query(ctx, `SELECT `+reportAssignmentCols+reportAssignmentFrom+w.sql()+` ORDER BY a.unit_id`, w.args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) (*db.ReportAssignment, error) { return scanReportAssignment(r) })
}

// ReportEvents lists an assignment's history in the caller's scope, oldest first.
func (s *Store) ReportEvents(ctx context.Context, taskID, unitID int64) ([]*db.ReportEvent, error) {
	w := &where{}
	if !scopeWhere(ctx, w) {
		return nil, nil
	}
	w.add("a.task_id = ?", taskID)
	w.add("a.unit_id = ?", unitID)
	rows, err := s.eng.Read().Query(ctx, `SELECT e.id, e.task_id, e.unit_id, e.action, e.from_state, e.to_state, e.actor, e.at, e.comment
		FROM report_events e JOIN report_assignments a ON a.task_id = e.task_id AND a.unit_id = e.unit_id`+w.sql()+` ORDER BY e.id`, w.args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) (*db.ReportEvent, error) {
		e := &db.ReportEvent{}
		return e, r.Scan(&e.ID, &e.TaskID, &e.UnitID, &e.Action, &e.From, &e.To, &e.Actor, instant{&e.At}, &e.Comment)
	})
}

// StepReport takes one action on an assignment in one transaction: the assignment is read in the caller's scope
// and locked, the flow decides (db.NextReportState), the action does its part (a submit freezes the draft, an
// approval applies the round it names), the assignment moves and the step joins its history.
func (s *Store) StepReport(ctx context.Context, step db.ReportStep) (*db.ReportAssignment, error) {
	return s.step(ctx, step, func(tx *Tx, a *db.ReportAssignment, t *db.ReportTask) error {
		switch step.Action {
		case db.ActionSaveDraft:
			return db.FieldErrorf("action", "保存草稿请使用 saveReportDraft")
		case db.ActionSubmit:
			return s.freezeSubmission(ctx, tx, a, t, step.Now)
		case db.ActionWithdraw:
			_, err := tx.Exec(ctx, `UPDATE report_submissions SET withdrawn = TRUE WHERE task_id = ? AND unit_id = ? AND round = ?`, a.TaskID, a.UnitID, a.Rounds)
			return err
		case db.ActionReturn:
			if step.Comment == "" {
				return nil
			}
			if err := db.ValidateComment("", step.Comment); err != nil {
				return err
			}
			_, name := actor(ctx)
			return s.insertComment(ctx, tx, &db.ReportComment{TaskID: a.TaskID, UnitID: a.UnitID, Round: a.Rounds, Author: name, At: step.Now, Text: step.Comment})
		case db.ActionApprove:
			if step.Round != a.Rounds {
				return db.Errorf(db.ECONFLICT, "审核的是第 %d 次上报，但该单位最新的是第 %d 次，请刷新后重试", step.Round, a.Rounds).Because(db.ReasonOutdated)
			}
			return s.applyReport(ctx, tx, t, a, step.Round)
		}
		return nil
	})
}

// step is one step of the flow for an assignment, in one write transaction: the assignment is read in the caller's
// scope and locked, its version checked, the flow decides, then act does the action's own part before the
// assignment moves and the step joins the history (a draft save only when it changes the state). Only an approval
// writes records, and so bumps the data versions.
func (s *Store) step(ctx context.Context, step db.ReportStep, act func(tx *Tx, a *db.ReportAssignment, t *db.ReportTask) error) (*db.ReportAssignment, error) {
	who := db.ReportActorOf(db.PrincipalFrom(ctx))
	if who == "" {
		return nil, db.Errorf(db.EFORBIDDEN, "无权进行此上报操作")
	}
	_, name := actor(ctx)
	var out *db.ReportAssignment
	// Only an approval writes records: it alone moves the data versions that caches and live views follow.
	run := s.eng.Tx
	if step.Action == db.ActionApprove {
		run = s.eng.WriteTx
	}
	err := run(ctx, func(tx *Tx) error {
		a, err := s.lockAssignment(ctx, tx, step.TaskID, step.UnitID)
		if err != nil {
			return err
		}
		if step.ExpectedVersion != 0 && step.ExpectedVersion != a.Version {
			return db.Errorf(db.ECONFLICT, "上报状态已被他人更新（当前版本 %d，您提交的版本 %d），请刷新后重试", a.Version, step.ExpectedVersion).Because(db.ReasonOutdated)
		}
		win := a.Window
		to, err := db.NextReportState(a.State, step.Action, who, win, step.Now)
		if err != nil {
			return err
		}
		switch {
		case step.Action == db.ActionReopen && strings.TrimSpace(step.Comment) == "":
			return db.FieldErrorf("comment", "重新打开须说明理由")
		case step.Action == db.ActionExempt && strings.TrimSpace(step.Comment) == "":
			return db.FieldErrorf("comment", "免报须说明理由")
		case step.Action == db.ActionExtend:
			if _, perr := db.ParseDate(string(step.ExtendTo)); perr != nil || step.ExtendTo <= win.DueOn {
				return db.FieldErrorf("extendTo", "延期日期应晚于截止日期 %s", win.DueOn)
			}
		}
		t, err := scanReportTask(tx.QueryRow(ctx, `SELECT `+reportTaskCols+` FROM report_tasks t WHERE t.id = ?`, a.TaskID))
		if err != nil {
			return err
		}
		if err := act(tx, a, t); err != nil {
			return err
		}
		now := s.milli(step.Now)
		switch step.Action {
		case db.ActionSubmit:
			_, err = tx.Exec(ctx, `UPDATE report_assignments SET state = ?, rounds = rounds + 1, submitted_at = ?, late = ?, version = version + 1
				WHERE task_id = ? AND unit_id = ?`, to, now, win.Late(step.Now), a.TaskID, a.UnitID)
		case db.ActionReturn, db.ActionApprove, db.ActionReopen:
			_, err = tx.Exec(ctx, `UPDATE report_assignments SET state = ?, reviewed_by = ?, reviewed_at = ?, version = version + 1
				WHERE task_id = ? AND unit_id = ?`, to, name, now, a.TaskID, a.UnitID)
		case db.ActionExempt:
			_, err = tx.Exec(ctx, `UPDATE report_assignments SET state = ?, exempt_reason = ?, version = version + 1
				WHERE task_id = ? AND unit_id = ?`, to, step.Comment, a.TaskID, a.UnitID)
		case db.ActionExtend:
			_, err = tx.Exec(ctx, `UPDATE report_assignments SET extended_to = ?, version = version + 1 WHERE task_id = ? AND unit_id = ?`,
				step.ExtendTo, a.TaskID, a.UnitID)
		default:
			_, err = tx.Exec(ctx, `UPDATE report_assignments SET state = ?, version = version + 1 WHERE task_id = ? AND unit_id = ?`,
				to, a.TaskID, a.UnitID)
		}
		if err != nil {
			return err
		}
		if step.Action != db.ActionSaveDraft || to != a.State {
			if _, err := tx.Exec(ctx, `INSERT INTO report_events (task_id, unit_id, action, from_state, to_state, actor, at, comment)
				VALUES (?,?,?,?,?,?,?,?)`, a.TaskID, a.UnitID, step.Action, a.State, to, name, now, step.Comment); err != nil {
				return err
			}
		}
		out, err = scanReportAssignment(tx.QueryRow(ctx, `SELECT `+reportAssignmentCols+reportAssignmentFrom+` WHERE a.task_id = ? AND a.unit_id = ?`,
			a.TaskID, a.UnitID))
		return err
	})
	return out, err
}

var errNoAssignment = db.Errorf(db.ENOTFOUND, "上报任务不存在")

// lockAssignment reads a unit's assignment in the caller's scope inside tx and locks its row where the engine has
// row locks (only that row: steps of other units of the same task go on side by side); one the caller may not see
// is ENOTFOUND, like a missing one.
func (s *Store) lockAssignment(ctx context.Context, tx *Tx, taskID, unitID int64) (*db.ReportAssignment, error) {
	w := &where{}
	if !scopeWhere(ctx, w) {
		return nil, errNoAssignment
	}
	w.add("a.task_id = ?", taskID)
	w.add("a.unit_id = ?", unitID)
	lock := s.eng.ForUpdate()
	if lock != "" {
		lock += " OF a"
	}
	a, err := scanReportAssignment(tx.QueryRow(ctx, `SELECT `+reportAssignmentCols+reportAssignmentFrom+w.sql()+lock, w.args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNoAssignment
	}
	return a, err
}

// RemindReports reminds (催报) the task's units that have not submitted, or of those named the ones that have not,
// skipping a unit reminded within db.ReminderInterval: office editors and admins only. Each reminder joins the
// unit's history as a REMIND step that keeps its state; nothing moves a data version.
func (s *Store) RemindReports(ctx context.Context, taskID int64, unitIDs []int64, now time.Time) ([]*db.ReminderResult, error) {
	if who := db.ReportActorOf(db.PrincipalFrom(ctx)); who != db.ActorEditor && who != db.ActorAdmin {
		return nil, db.Errorf(db.EFORBIDDEN, "无权进行此上报操作")
	}
	_, name := actor(ctx)
	var out []*db.ReminderResult
	err := s.eng.Tx(ctx, func(tx *Tx) error {
		out = nil
		w := s.where()
		if !scopeWhere(ctx, w) {
			return errNoTask
		}
		w.add("a.task_id = ?", taskID)
		addIn(w, "a.unit_id", unitIDs)
		rows, err := tx.Query(ctx, `SELECT `+reportAssignmentCols+reportAssignmentFrom+w.sql()+` ORDER BY a.unit_id`, w.args...)
		if err != nil {
			return err
		}
		as, err := collect(rows, func(r Rows) (*db.ReportAssignment, error) { return scanReportAssignment(r) })
		if err != nil {
			return err
		}
		if len(as) == 0 {
			return errNoTask
		}
		for _, a := range as {
			res := &db.ReminderResult{UnitID: a.UnitID, Skipped: db.Remindable(a.State, a.LastRemindedAt, now)}
			if res.Reminded = res.Skipped == ""; res.Reminded {
				if _, err := tx.Exec(ctx, `INSERT INTO report_events (task_id, unit_id, action, from_state, to_state, actor, at, comment)
					VALUES (?,?,?,?,?,?,?,'')`, a.TaskID, a.UnitID, db.ActionRemind, a.State, a.State, name, s.milli(now)); err != nil {
					return err
				}
			}
			out = append(out, res)
		}
		return nil
	})
	return out, err
}

// andConds is a where's conditions as " AND …" for a query that has its own WHERE.
func andConds(w *where) string {
	if len(w.conds) == 0 {
		return ""
	}
	return " AND " + strings.Join(w.conds, " AND ")
}
