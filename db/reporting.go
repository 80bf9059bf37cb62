package db

import (
	"context"
	"io"
	"slices"
	"time"
)

// ReportState is where one unit stands in one yearly reporting task. Overdue and late are derived from the dates,
// not states.
type ReportState string

// Values of ReportState.
const (
	// ReportNotStarted (未填报): nothing saved yet.
	ReportNotStarted ReportState = "NOT_STARTED"
	// ReportInProgress (填报中): a draft saved, not submitted (or withdrawn before review).
	ReportInProgress ReportState = "IN_PROGRESS"
	// ReportSubmitted (已上报): a version frozen and waiting for review.
	ReportSubmitted ReportState = "SUBMITTED"
	// ReportReturned (已退回): sent back with comments, to be fixed and submitted again.
	ReportReturned ReportState = "RETURNED"
	// ReportApproved (已通过): applied to the records, which it locks.
	ReportApproved ReportState = "APPROVED"
	// ReportExempt (免报): the office excused the unit, with a reason.
	ReportExempt ReportState = "EXEMPT"
)

// AllReportStates lists every ReportState in the order of the flow.
var AllReportStates = []ReportState{ReportNotStarted, ReportInProgress, ReportSubmitted, ReportReturned, ReportApproved, ReportExempt}

// MarshalGQL writes the value as a GraphQL enum.
func (v ReportState) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *ReportState) UnmarshalGQL(x any) error { return unmarshalEnum(v, x, "state", AllReportStates) }

// ReportAction is what someone does to a unit's report.
type ReportAction string

// Values of ReportAction.
const (
	ActionSaveDraft ReportAction = "SAVE_DRAFT"
	ActionSubmit    ReportAction = "SUBMIT"
	ActionWithdraw  ReportAction = "WITHDRAW"
	ActionReturn    ReportAction = "RETURN"
	ActionApprove   ReportAction = "APPROVE"
	ActionReopen    ReportAction = "REOPEN"
	ActionExempt    ReportAction = "EXEMPT"
	ActionExtend    ReportAction = "EXTEND"
	// ActionRemind (催报) reminds a unit that has not submitted; it keeps the state and is no step of the flow.
	ActionRemind ReportAction = "REMIND"
)

// AllReportActions lists every ReportAction.
var AllReportActions = []ReportAction{ActionSaveDraft, ActionSubmit, ActionWithdraw, ActionReturn, ActionApprove, ActionReopen, ActionExempt, ActionExtend, ActionRemind}

// Refusal reasons of the reporting flow (extensions.reason), beside the code.
const (
	ReasonLocked      = "LOCKED"
	ReasonSubmitted   = "SUBMITTED"
	ReasonTaskClosed  = "TASK_CLOSED"
	ReasonTaskNotOpen = "TASK_NOT_OPEN"
	ReasonOutdated    = "OUTDATED"
	ReasonEmpty       = "EMPTY"
	ReasonState       = "STATE"
)

// ReportWindow is a task's dates, read as whole days in China's time (UTC+8): a task opens at the start of OpensOn
// and closes at the end of ClosesOn; a report after the end of DueOn is late. A unit's extension moves its own
// close (and due) to the end of that day.
type ReportWindow struct {
	OpensOn, DueOn, ClosesOn Date
	// ExtendedTo is the unit's own last day, when the office extended its deadline.
	ExtendedTo Date
}

// dayStart is the instant a date begins in China's time.
func dayStart(d Date) time.Time {
	t, _ := time.ParseInLocation(time.DateOnly, string(d), ChinaTime)
	return t
}

// Open reports whether a unit may still report at now: after the task opened, and before its close or the unit's
// extension ended.
func (w ReportWindow) Open(now time.Time) bool {
	return !now.Before(dayStart(w.OpensOn)) && now.Before(w.end())
}

// NotYetOpen reports whether the task has not opened at now.
func (w ReportWindow) NotYetOpen(now time.Time) bool { return now.Before(dayStart(w.OpensOn)) }

// end is when reporting ends for the unit: the day after its close, or after its extension when that is later.
func (w ReportWindow) end() time.Time {
	end := dayStart(w.ClosesOn).AddDate(0, 0, 1)
	if w.ExtendedTo != "" {
		if e := dayStart(w.ExtendedTo).AddDate(0, 0, 1); e.After(end) {
			end = e
		}
	}
	return end
}

// Late reports whether a report made at t comes after the due day (or the unit's extension).
func (w ReportWindow) Late(t time.Time) bool {
	due := dayStart(w.DueOn).AddDate(0, 0, 1)
	if w.ExtendedTo != "" {
		if e := dayStart(w.ExtendedTo).AddDate(0, 0, 1); e.After(due) {
			due = e
		}
	}
	return !t.Before(due)
}

// Overdue reports whether a unit that has not submitted is past its due day at now.
func (w ReportWindow) Overdue(state ReportState, now time.Time) bool {
	switch state {
	case ReportNotStarted, ReportInProgress, ReportReturned:
		return w.Late(now)
	}
	return false
}

// ReportActor is who acts on a unit's report: the unit's own reporter, the office's editors, its admins.
type ReportActor string

// Values of ReportActor.
const (
	ActorReporter ReportActor = "REPORTER"
	ActorEditor   ReportActor = "EDITOR"
	ActorAdmin    ReportActor = "ADMIN"
)

// ReportActorOf is the actor a principal acts as, or "" when it may not act on reports (viewers, anonymous
// callers, READ tokens): the flow fails closed.
func ReportActorOf(p *Principal) ReportActor {
	switch p.Effective() {
	case RoleReporter:
		if p.UnitID > 0 {
			return ActorReporter
		}
	case RoleEditor:
		return ActorEditor
	case RoleAdmin:
		return ActorAdmin
	}
	return ""
}

// transitions is the flow: for each action, the states it may start from, the state it leads to, and who may
// take it. An action not listed from a state is refused with ReasonState (or a more telling reason).
var transitions = map[ReportAction]struct {
	from []ReportState
	to   ReportState
	who  []ReportActor
	// window says whether the task must be open for the unit (reporters only; the office acts at any time).
	window bool
}{
	// Drafts and submits are the unit's; the office may save or submit on its behalf (audited).
	ActionSaveDraft: {[]ReportState{ReportNotStarted, ReportInProgress, ReportReturned}, ReportInProgress, []ReportActor{ActorReporter, ActorEditor, ActorAdmin}, true},
	ActionSubmit:    {[]ReportState{ReportNotStarted, ReportInProgress, ReportReturned}, ReportSubmitted, []ReportActor{ActorReporter, ActorEditor, ActorAdmin}, true},
	// A unit may take back what it submitted until the office reviews it.
	ActionWithdraw: {[]ReportState{ReportSubmitted}, ReportInProgress, []ReportActor{ActorReporter}, true},
	ActionReturn:   {[]ReportState{ReportSubmitted}, ReportReturned, []ReportActor{ActorEditor, ActorAdmin}, false},
	ActionApprove:  {[]ReportState{ReportSubmitted}, ReportApproved, []ReportActor{ActorEditor, ActorAdmin}, false},
	// Only an admin unlocks an approved report, with a reason.
	ActionReopen: {[]ReportState{ReportApproved}, ReportReturned, []ReportActor{ActorAdmin}, false},
	ActionExempt: {[]ReportState{ReportNotStarted, ReportInProgress, ReportReturned}, ReportExempt, []ReportActor{ActorEditor, ActorAdmin}, false},
	// An extension keeps the state; it moves the unit's own deadline.
	ActionExtend: {[]ReportState{ReportNotStarted, ReportInProgress, ReportReturned, ReportSubmitted}, "", []ReportActor{ActorEditor, ActorAdmin}, false},
}

// NextReportState decides one step of the flow: the state an action leads to from a state, for an actor, at now
// in the unit's window, or why it is refused. An extension answers the state it starts from.
func NextReportState(from ReportState, action ReportAction, who ReportActor, w ReportWindow, now time.Time) (ReportState, error) {
	t, ok := transitions[action]
	if !ok {
		return "", FieldErrorf("action", "未知的上报操作：%s", action)
	}
	allowed := false
	for _, a := range t.who {
		allowed = allowed || a == who
	}
	if !allowed {
		return "", Errorf(EFORBIDDEN, "无权进行此上报操作")
	}
	startsHere := false
	for _, s := range t.from {
		startsHere = startsHere || s == from
	}
	if !startsHere {
		switch {
		case from == ReportApproved:
			return "", Errorf(ECONFLICT, "本单位的上报已通过审核并锁定，须管理员重新打开后才能修改").Because(ReasonLocked)
		case from == ReportSubmitted:
			return "", Errorf(ECONFLICT, "本单位已上报，正在等待审核；如需修改请先撤回").Because(ReasonSubmitted)
		}
		return "", Errorf(ECONFLICT, "当前状态（%s）不能进行此操作", ReportStateZh[from]).Because(ReasonState)
	}
	if t.window && who == ActorReporter {
		if w.NotYetOpen(now) {
			return "", Errorf(ECONFLICT, "上报任务尚未开始（%s 开始）", w.OpensOn).Because(ReasonTaskNotOpen)
		}
		if !w.Open(now) {
			return "", Errorf(ECONFLICT, "上报任务已截止，请联系省直文明办延期").Because(ReasonTaskClosed)
		}
	}
	if t.to == "" {
		return from, nil
	}
	return t.to, nil
}

// ReportStateZh names each state as the office says it, for messages and exports.
var ReportStateZh = map[ReportState]string{
	ReportNotStarted: "未填报", ReportInProgress: "填报中", ReportSubmitted: "已上报", ReportReturned: "已退回",
	ReportApproved: "已通过", ReportExempt: "免报",
}

// ReportKind is a kind of record a task asks units for.
type ReportKind string

// Values of ReportKind.
const (
	ReportVolunteerRecords   ReportKind = "VOLUNTEER_RECORDS"
	ReportPracticeActivities ReportKind = "PRACTICE_ACTIVITIES"
	ReportAssessmentScores   ReportKind = "ASSESSMENT_SCORES"
	ReportTitleApplications  ReportKind = "TITLE_APPLICATIONS"
)

// AllReportKinds lists every ReportKind.
var AllReportKinds = []ReportKind{ReportVolunteerRecords, ReportPracticeActivities, ReportAssessmentScores, ReportTitleApplications}

// MarshalGQL writes the value as a GraphQL enum.
func (v ReportKind) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *ReportKind) UnmarshalGQL(x any) error { return unmarshalEnum(v, x, "kinds", AllReportKinds) }

// ReportTask is a yearly reporting task the office opens for the units it covers.
type ReportTask struct {
	ID           int64
	Year         int
	Title        string
	Kinds        []ReportKind
	Instructions string
	ReportWindow
	CreatedBy string
	CreatedAt time.Time
	// Demo marks the demo dataset's task: what its approvals write is demo too, and `wenming demo purge` removes it.
	Demo bool
}

// ReportAssignment is one unit's place in one task.
type ReportAssignment struct {
	TaskID, UnitID int64
	State          ReportState
	// Rounds counts the unit's submissions.
	Rounds       int
	SubmittedAt  *time.Time
	Late         bool
	ReviewedBy   string
	ReviewedAt   *time.Time
	ExtendedTo   Date
	ExemptReason string
	Version      int
	// Reminders counts the office's reminders (催报); LastRemindedAt is the latest.
	Reminders      int
	LastRemindedAt *time.Time
	// Window is the task's dates with this unit's extension, read with the assignment.
	Window ReportWindow
}

// ReportEvent is one step of an assignment's history; events are never changed or removed.
type ReportEvent struct {
	ID       int64
	TaskID   int64
	UnitID   int64
	Action   ReportAction
	From, To ReportState
	Actor    string
	At       time.Time
	Comment  string
}

// ReportStep asks for one action on a unit's assignment.
type ReportStep struct {
	TaskID, UnitID int64
	Action         ReportAction
	// ExpectedVersion is the assignment's version the caller saw; a stale one is CONFLICT (reason OUTDATED).
	ExpectedVersion int
	// Comment is the review's comment (RETURN), the reason (EXEMPT, REOPEN), or a note.
	Comment string
	// ExtendTo is the unit's new last day (EXTEND).
	ExtendTo Date
	// Round is the submitted version an approval approves (APPROVE); an older one is CONFLICT (reason OUTDATED).
	Round int
	// Now is when the step happens (an injected clock in tests).
	Now time.Time
}

// TaskProgress counts a task's units by state, with the overdue and late ones, for leaders and reporting tools.
type TaskProgress struct {
	TaskID                                                               int64
	Units, NotStarted, InProgress, Submitted, Returned, Approved, Exempt int
	// Overdue units have not submitted after their due day; Late ones submitted after it.
	Overdue, Late int
	// Reminded counts the units reminded at least once.
	Reminded int
}

// ReportStore keeps tasks, assignments and their history, each read through the caller's scope (ScopeOf with ReportingRows):
// a reporter reads its own unit's rows only, and a row it may not read answers as a missing one.
type ReportStore interface {
	// CreateReportTask opens a task and an assignment for every unit it covers (all when unitIDs is empty).
	CreateReportTask(ctx context.Context, t *ReportTask, unitIDs []int64) error
	// ReportTasks lists the tasks the caller may see, newest first.
	ReportTasks(ctx context.Context) ([]*ReportTask, error)
	// ReportTask loads one task the caller may see, or ENOTFOUND.
	ReportTask(ctx context.Context, id int64) (*ReportTask, error)
	// ReportAssignments lists a task's assignments the caller may see, by unit.
	ReportAssignments(ctx context.Context, taskID int64) ([]*ReportAssignment, error)
	// ReportEvents lists an assignment's history, oldest first.
	ReportEvents(ctx context.Context, taskID, unitID int64) ([]*ReportEvent, error)
	// StepReport takes one action on an assignment, in one transaction, by the flow's rules (NextReportState).
	StepReport(ctx context.Context, step ReportStep) (*ReportAssignment, error)
	// RemindReports reminds the task's units that have not submitted (all, or those named), at now, office editors
	// only; each reminder joins the unit's history.
	RemindReports(ctx context.Context, taskID int64, unitIDs []int64, now time.Time) ([]*ReminderResult, error)
}

// ValidateReportTask checks a new task: a title, at least one kind (each once), and opens ≤ due ≤ closes.
func ValidateReportTask(t *ReportTask) error {
	if t.Title == "" {
		return FieldErrorf("title", "任务标题不能为空")
	}
	if t.Year < MinYear || t.Year > MaxYear {
		return FieldErrorf("year", "年度超出范围（%d–%d）：%d", MinYear, MaxYear, t.Year)
	}
	if len(t.Kinds) == 0 {
		return FieldErrorf("kinds", "请至少选择一项上报内容")
	}
	seen := map[ReportKind]bool{}
	for _, k := range t.Kinds {
		if seen[k] {
			return FieldErrorf("kinds", "上报内容重复：%s", k)
		}
		seen[k] = true
	}
	for _, d := range []struct {
		field string
		v     Date
	}{{"opensOn", t.OpensOn}, {"dueOn", t.DueOn}, {"closesOn", t.ClosesOn}} {
		if _, err := ParseDate(string(d.v)); err != nil {
			return FieldErrorf(d.field, "日期格式应为 YYYY-MM-DD：%q", d.v)
		}
	}
	if t.OpensOn > t.DueOn || t.DueOn > t.ClosesOn {
		return FieldErrorf("dueOn", "日期应满足：开始 ≤ 截止 ≤ 关闭")
	}
	return nil
}

// ProgressOf counts a task's assignments by state at now.
func ProgressOf(t *ReportTask, as []*ReportAssignment, now time.Time) *TaskProgress {
	p := &TaskProgress{TaskID: t.ID, Units: len(as)}
	for _, a := range as {
		switch a.State {
		case ReportNotStarted:
			p.NotStarted++
		case ReportInProgress:
			p.InProgress++
		case ReportSubmitted:
			p.Submitted++
		case ReportReturned:
			p.Returned++
		case ReportApproved:
			p.Approved++
		case ReportExempt:
			p.Exempt++
		}
		if a.Window.Overdue(a.State, now) {
			p.Overdue++
		}
		if a.Late {
			p.Late++
		}
		if a.Reminders > 0 {
			p.Reminded++
		}
	}
	return p
}

// ReportAssignmentFilter narrows a task's assignments for reporting tools; zero fields do not filter.
type ReportAssignmentFilter struct {
	// UnitID reads one unit's report (a review opens one).
	UnitID  int64
	States  []ReportState
	Overdue *bool
}

// ReportAssignmentEdge is an assignment with its cursor.
type ReportAssignmentEdge struct {
	Cursor string
	Node   *ReportAssignment
}

// ReportAssignmentConnection is one page of a task's assignments, by unit.
type ReportAssignmentConnection struct {
	Edges      []*ReportAssignmentEdge
	PageInfo   PageInfo
	TotalCount int
}

// PageAssignments filters a task's assignments (already in the caller's scope, by unit) at now and cuts one page
// after the cursor's unit: a task covers at most a few hundred units, so the page is cut in memory.
func PageAssignments(as []*ReportAssignment, f ReportAssignmentFilter, page Page, now time.Time) (*ReportAssignmentConnection, error) {
	after := int64(0)
	if page.After != "" {
		c, err := DecodeCursor(page.After)
		if err != nil {
			return nil, err
		}
		after = c.ID
	}
	var match, rows []*ReportAssignment
	for _, a := range as {
		if f.UnitID != 0 && a.UnitID != f.UnitID || len(f.States) > 0 && !slices.Contains(f.States, a.State) ||
			f.Overdue != nil && a.Window.Overdue(a.State, now) != *f.Overdue {
			continue
		}
		match = append(match, a)
		if a.UnitID > after && len(rows) <= page.First {
			rows = append(rows, a)
		}
	}
	edges, info := Paged(rows, page, func(a *ReportAssignment) string { return EncodeCursor("", nil, a.UnitID) },
		func(c string, a *ReportAssignment) *ReportAssignmentEdge {
			return &ReportAssignmentEdge{Cursor: c, Node: a}
		})
	return &ReportAssignmentConnection{Edges: edges, PageInfo: info, TotalCount: len(match)}, nil
}

// ReminderInterval is how soon a unit may be reminded again: a second reminder within it is skipped.
const ReminderInterval = 24 * time.Hour

// Why a unit was not reminded.
const (
	// ReminderRecent: reminded within ReminderInterval.
	ReminderRecent = "REMINDED_RECENTLY"
	// ReminderNotDue: it submitted, was approved, or was excused (免报 units are never reminded).
	ReminderNotDue = "NOT_DUE"
)

// ReminderResult says what a reminder did for one unit: reminded, or skipped and why.
type ReminderResult struct {
	UnitID   int64
	Reminded bool
	// Skipped is ReminderRecent or ReminderNotDue when the unit was not reminded.
	Skipped string
}

// Remindable reports why a unit in state, last reminded at last, is not reminded at now, or "" when it is: only
// units that have not submitted (未填报, 填报中, 已退回), and not twice within ReminderInterval.
func Remindable(state ReportState, last *time.Time, now time.Time) string {
	switch state {
	case ReportNotStarted, ReportInProgress, ReportReturned:
	default:
		return ReminderNotDue
	}
	if last != nil && now.Sub(*last) < ReminderInterval {
		return ReminderRecent
	}
	return ""
}
