package db

import (
	"strings"
	"testing"
	"time"
)

// at is an instant in China's time.
func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, ChinaTime)
	if err != nil {
		panic(err)
	}
	return t
}

var window = ReportWindow{OpensOn: "2025-01-10", DueOn: "2025-02-28", ClosesOn: "2025-03-15"}

// TestReportFlow walks every state × action × actor inside the window and compares the answer with the flow as the
// office describes it, written out here (not derived from the code's table): "→ STATE" when allowed, else the
// refusal's code and reason.
func TestReportFlow(t *testing.T) {
	// Per action: for each from-state, the outcome for reporter / editor / admin.
	want := map[ReportAction]map[ReportState][3]string{
		ActionSaveDraft: {
			ReportNotStarted: {"IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS"},
			ReportInProgress: {"IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS"},
			ReportSubmitted:  {"conflict/SUBMITTED", "conflict/SUBMITTED", "conflict/SUBMITTED"},
			ReportReturned:   {"IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS"},
			ReportApproved:   {"conflict/LOCKED", "conflict/LOCKED", "conflict/LOCKED"},
			ReportExempt:     {"conflict/STATE", "conflict/STATE", "conflict/STATE"},
		},
		ActionSubmit: {
			ReportNotStarted: {"SUBMITTED", "SUBMITTED", "SUBMITTED"},
			ReportInProgress: {"SUBMITTED", "SUBMITTED", "SUBMITTED"},
			ReportSubmitted:  {"conflict/SUBMITTED", "conflict/SUBMITTED", "conflict/SUBMITTED"},
			ReportReturned:   {"SUBMITTED", "SUBMITTED", "SUBMITTED"},
			ReportApproved:   {"conflict/LOCKED", "conflict/LOCKED", "conflict/LOCKED"},
			ReportExempt:     {"conflict/STATE", "conflict/STATE", "conflict/STATE"},
		},
		ActionWithdraw: {
			ReportNotStarted: {"conflict/STATE", "forbidden/", "forbidden/"},
			ReportInProgress: {"conflict/STATE", "forbidden/", "forbidden/"},
			ReportSubmitted:  {"IN_PROGRESS", "forbidden/", "forbidden/"},
			ReportReturned:   {"conflict/STATE", "forbidden/", "forbidden/"},
			ReportApproved:   {"conflict/LOCKED", "forbidden/", "forbidden/"},
			ReportExempt:     {"conflict/STATE", "forbidden/", "forbidden/"},
		},
		ActionReturn: {
			ReportNotStarted: {"forbidden/", "conflict/STATE", "conflict/STATE"},
			ReportInProgress: {"forbidden/", "conflict/STATE", "conflict/STATE"},
			ReportSubmitted:  {"forbidden/", "RETURNED", "RETURNED"},
			ReportReturned:   {"forbidden/", "conflict/STATE", "conflict/STATE"},
			ReportApproved:   {"forbidden/", "conflict/LOCKED", "conflict/LOCKED"},
			ReportExempt:     {"forbidden/", "conflict/STATE", "conflict/STATE"},
		},
		ActionApprove: {
			ReportNotStarted: {"forbidden/", "conflict/STATE", "conflict/STATE"},
			ReportInProgress: {"forbidden/", "conflict/STATE", "conflict/STATE"},
			ReportSubmitted:  {"forbidden/", "APPROVED", "APPROVED"},
			ReportReturned:   {"forbidden/", "conflict/STATE", "conflict/STATE"},
			ReportApproved:   {"forbidden/", "conflict/LOCKED", "conflict/LOCKED"},
			ReportExempt:     {"forbidden/", "conflict/STATE", "conflict/STATE"},
		},
		ActionReopen: {
			ReportNotStarted: {"forbidden/", "forbidden/", "conflict/STATE"},
			ReportInProgress: {"forbidden/", "forbidden/", "conflict/STATE"},
			ReportSubmitted:  {"forbidden/", "forbidden/", "conflict/SUBMITTED"},
			ReportReturned:   {"forbidden/", "forbidden/", "conflict/STATE"},
			ReportApproved:   {"forbidden/", "forbidden/", "RETURNED"},
			ReportExempt:     {"forbidden/", "forbidden/", "conflict/STATE"},
		},
		ActionExempt: {
			ReportNotStarted: {"forbidden/", "EXEMPT", "EXEMPT"},
			ReportInProgress: {"forbidden/", "EXEMPT", "EXEMPT"},
			ReportSubmitted:  {"forbidden/", "conflict/SUBMITTED", "conflict/SUBMITTED"},
			ReportReturned:   {"forbidden/", "EXEMPT", "EXEMPT"},
			ReportApproved:   {"forbidden/", "conflict/LOCKED", "conflict/LOCKED"},
			ReportExempt:     {"forbidden/", "conflict/STATE", "conflict/STATE"},
		},
		ActionExtend: {
			ReportNotStarted: {"forbidden/", "NOT_STARTED", "NOT_STARTED"},
			ReportInProgress: {"forbidden/", "IN_PROGRESS", "IN_PROGRESS"},
			ReportSubmitted:  {"forbidden/", "SUBMITTED", "SUBMITTED"},
			ReportReturned:   {"forbidden/", "RETURNED", "RETURNED"},
			ReportApproved:   {"forbidden/", "conflict/LOCKED", "conflict/LOCKED"},
			ReportExempt:     {"forbidden/", "conflict/STATE", "conflict/STATE"},
		},
		// A reminder is no step of the flow (RemindReports records it): stepReport refuses it as an unknown action.
		ActionRemind: {
			ReportNotStarted: {"invalid/", "invalid/", "invalid/"},
			ReportInProgress: {"invalid/", "invalid/", "invalid/"},
			ReportSubmitted:  {"invalid/", "invalid/", "invalid/"},
			ReportReturned:   {"invalid/", "invalid/", "invalid/"},
			ReportApproved:   {"invalid/", "invalid/", "invalid/"},
			ReportExempt:     {"invalid/", "invalid/", "invalid/"},
		},
	}
	actors := [3]ReportActor{ActorReporter, ActorEditor, ActorAdmin}
	now := at("2025-02-01 10:00")
	cases := 0
	for _, action := range AllReportActions {
		for _, from := range AllReportStates {
			for i, who := range actors {
				exp, ok := want[action][from]
				if !ok {
					t.Fatalf("the table has no row for %s from %s", action, from)
				}
				got := outcome(NextReportState(from, action, who, window, now))
				if got != exp[i] {
					t.Errorf("%s by %s from %s: got %s, want %s", action, who, from, got, exp[i])
				}
				cases++
			}
		}
	}
	if cases != len(AllReportActions)*len(AllReportStates)*3 {
		t.Errorf("%d cases", cases)
	}
}

func outcome(s ReportState, err error) string {
	if err != nil {
		return ErrorCode(err) + "/" + ErrorReason(err)
	}
	return string(s)
}

// TestNoReporterActionApproves: whatever a reporter does, from any state and at any time, nothing it does is an
// approval, and nothing leaves an approved report.
func TestNoReporterActionApproves(t *testing.T) {
	for _, now := range []time.Time{at("2025-01-01 00:00"), at("2025-02-01 10:00"), at("2025-04-01 00:00")} {
		for _, from := range AllReportStates {
			for _, action := range AllReportActions {
				to, err := NextReportState(from, action, ActorReporter, window, now)
				if err == nil && to == ReportApproved {
					t.Errorf("a reporter's %s from %s approved", action, from)
				}
				if err == nil && from == ReportApproved {
					t.Errorf("a reporter's %s left an approved report (→ %s)", action, to)
				}
			}
		}
	}
}

// TestReportWindow: the dates are days in China's time; before the opening and after the close a reporter is
// refused with its reason; after the due day a report is late; one unit's extension lets only it in.
func TestReportWindow(t *testing.T) {
	cases := []struct {
		name     string
		w        ReportWindow
		now      string
		reason   string
		late     bool
		overdue  bool
		reporter bool
	}{
		{"BeforeOpening", window, "2025-01-09 23:59", ReasonTaskNotOpen, false, false, false},
		{"OpensAtMidnightInChina", window, "2025-01-10 00:00", "", false, false, true},
		{"DueDayStillOnTime", window, "2025-02-28 23:59", "", false, false, true},
		{"AfterDueIsLate", window, "2025-03-01 00:00", "", true, true, true},
		{"LastDayOfClose", window, "2025-03-15 23:59", "", true, true, true},
		{"AfterClose", window, "2025-03-16 00:00", ReasonTaskClosed, true, true, false},
		{"ExtendedUnitAfterClose", ReportWindow{OpensOn: "2025-01-10", DueOn: "2025-02-28", ClosesOn: "2025-03-15", ExtendedTo: "2025-03-31"},
			"2025-03-20 09:00", "", false, false, true},
		{"ExtensionEnds", ReportWindow{OpensOn: "2025-01-10", DueOn: "2025-02-28", ClosesOn: "2025-03-15", ExtendedTo: "2025-03-31"},
			"2025-04-01 00:00", ReasonTaskClosed, true, true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			now := at(c.now)
			_, err := NextReportState(ReportInProgress, ActionSubmit, ActorReporter, c.w, now)
			if got := ErrorReason(err); got != c.reason || (err == nil) != c.reporter {
				t.Errorf("submit at %s: err %v (reason %q), want reason %q", c.now, err, got, c.reason)
			}
			if got := c.w.Late(now); got != c.late {
				t.Errorf("late = %v, want %v", got, c.late)
			}
			if got := c.w.Overdue(ReportInProgress, now); got != c.overdue {
				t.Errorf("overdue = %v, want %v", got, c.overdue)
			}
			if c.w.Overdue(ReportSubmitted, now) || c.w.Overdue(ReportExempt, now) {
				t.Error("a submitted or exempt unit is never overdue")
			}
			// The office acts whatever the date.
			if _, err := NextReportState(ReportSubmitted, ActionReturn, ActorEditor, c.w, now); err != nil {
				t.Errorf("an editor's return at %s: %v", c.now, err)
			}
		})
	}
	// UTC midnight is 08:00 in China: a task opening on the 10th is closed at 23:00 UTC on the 9th.
	if _, err := NextReportState(ReportInProgress, ActionSubmit, ActorReporter, window, time.Date(2025, 1, 9, 15, 59, 0, 0, time.UTC)); ErrorReason(err) != ReasonTaskNotOpen {
		t.Errorf("15:59 UTC on the 9th is 23:59 in China: %v", err)
	}
}

// TestReportActorFailsClosed: only a reporter bound to a unit, an editor and an admin act on reports.
func TestReportActorFailsClosed(t *testing.T) {
	for _, c := range []struct {
		p    *Principal
		want ReportActor
	}{
		{nil, ""},
		{&Principal{Role: RoleViewer, Via: "session"}, ""},
		{&Principal{Role: RoleViewer, Via: "anonymous"}, ""},
		{&Principal{Role: RoleReporter, Via: "session"}, ""},
		{&Principal{Role: RoleReporter, Via: "session", UnitID: 7}, ActorReporter},
		{&Principal{Role: RoleEditor, Via: "token", Scope: ScopeRead}, ""},
		{&Principal{Role: RoleEditor, Via: "token", Scope: ScopeWrite}, ActorEditor},
		{&Principal{Role: RoleAdmin, Via: "session"}, ActorAdmin},
	} {
		if got := ReportActorOf(c.p); got != c.want {
			t.Errorf("%+v acts as %q, want %q", c.p, got, c.want)
		}
	}
	if !strings.Contains(string(RoleReporter), "REPORTER") || RoleReporter.AtLeast(RoleViewer) || RoleAdmin.AtLeast(RoleReporter) {
		t.Error("REPORTER must stand outside the office's order")
	}
}
