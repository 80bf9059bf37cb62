package db

import (
	"fmt"
	"slices"
	"testing"
)

// TestDiffReports compares two versions of a report: a row inserted above others marks only itself, a changed field
// names its before and after, and a removed item is listed first.
func TestDiffReports(t *testing.T) {
	rec := func(date Date, volunteers int, hours float64) *ReportedVolunteerRecord {
		return &ReportedVolunteerRecord{Date: date, Volunteers: volunteers, Hours: hours, Method: MethodSignIn}
	}
	before := &ReportContent{
		VolunteerRecords: []*ReportedVolunteerRecord{rec("2025-03-05", 10, 20), rec("2025-04-01", 4, 8)},
		Assessment:       &ReportedAssessment{BaseScore: 80, Scores: []*ReportedScore{{Code: "A1", Score: 5, Note: "见附件"}}},
	}
	after := &ReportContent{
		VolunteerRecords: []*ReportedVolunteerRecord{rec("2025-02-01", 2, 4), rec("2025-03-05", 10, 22.5)},
		Assessment:       &ReportedAssessment{BaseScore: 80, Scores: []*ReportedScore{{Code: "A1", Score: 5, Note: "见照片"}}},
	}
	var got []string
	for _, c := range DiffReports(before, after) {
		got = append(got, fmt.Sprintf("%s %s %s %s→%s", c.Kind, c.Item, c.Field, c.Before, c.After))
	}
	want := []string{
		"REMOVED 志愿服务记录 2025-04-01  SIGN_IN  →",
		"ADDED 志愿服务记录 2025-02-01  SIGN_IN  →",
		"CHANGED 志愿服务记录 2025-03-05  SIGN_IN hours 20→22.5",
		"CHANGED 测评指标 A1 note 见附件→见照片",
	}
	if !slices.Equal(got, want) {
		t.Errorf("changes\n%q\nwant\n%q", got, want)
	}
	if d := DiffReports(after, after); len(d) != 0 {
		t.Errorf("a version differs from itself: %+v", d)
	}
	if d := DiffReports(nil, after); len(d) != 4 {
		t.Errorf("against nothing every item is added: %d changes", len(d))
	}
}
