package db

import (
	"slices"
	"testing"
)

// TestPlausibilityRules walks each rule with a report that trips it and one that stays just inside it, and checks
// that an explanation on the warning's field is attached and lets the report through.
func TestPlausibilityRules(t *testing.T) {
	score := 70.0
	last := ReportHistory{Minutes: 600, PersonTimes: 20, Score: &score}
	rec := func(date Date, volunteers int, hours float64) *ReportedVolunteerRecord {
		return &ReportedVolunteerRecord{Date: date, Volunteers: volunteers, Hours: hours, Method: MethodSignIn}
	}
	cases := []struct {
		name    string
		content ReportContent
		history ReportHistory
		want    []string // rule@field
	}{
		{"NothingToSay", ReportContent{VolunteerRecords: []*ReportedVolunteerRecord{rec("2025-03-05", 10, 40)}}, last, nil},
		{"TwelveHoursAVolunteerIsAllowed", ReportContent{VolunteerRecords: []*ReportedVolunteerRecord{rec("2025-03-05", 2, 24)}}, ReportHistory{}, nil},
		{"ThirteenHoursAVolunteer", ReportContent{VolunteerRecords: []*ReportedVolunteerRecord{rec("2025-03-05", 2, 26)}}, ReportHistory{},
			[]string{"HOURS_PER_VOLUNTEER@volunteerRecords[0].hours"}},
		{"FiveTimesTheYearBeforeIsAllowed", ReportContent{VolunteerRecords: []*ReportedVolunteerRecord{rec("2025-03-05", 50, 50)}}, last, nil},
		{"MoreThanFiveTimesTheHours", ReportContent{VolunteerRecords: []*ReportedVolunteerRecord{rec("2025-03-05", 50, 50), rec("2025-04-05", 10, 1)}}, last,
			[]string{"YEAR_ON_YEAR@volunteerRecords"}},
		{"MoreThanFiveTimesThePersonTimes", ReportContent{VolunteerRecords: []*ReportedVolunteerRecord{rec("2025-03-05", 101, 12)}}, last,
			[]string{"YEAR_ON_YEAR@volunteerRecords"}},
		{"NoYearBeforeNoComparison", ReportContent{VolunteerRecords: []*ReportedVolunteerRecord{rec("2025-03-05", 101, 120)}}, ReportHistory{}, nil},
		{"TenPointsUpIsAllowed", ReportContent{Assessment: &ReportedAssessment{BaseScore: 78, Bonus: 2}}, last, nil},
		{"MoreThanTenPointsUp", ReportContent{Assessment: &ReportedAssessment{BaseScore: 79, Bonus: 2}}, last, []string{"SELF_SCORE@assessment.baseScore"}},
		{"NearDuplicate", ReportContent{VolunteerRecords: []*ReportedVolunteerRecord{rec("2025-03-05", 4, 8), rec("2025-03-06", 4, 8)}}, ReportHistory{},
			[]string{"NEAR_DUPLICATE@volunteerRecords[1].date"}},
		{"TwoDaysApartIsNoDuplicate", ReportContent{VolunteerRecords: []*ReportedVolunteerRecord{rec("2025-03-05", 4, 8), rec("2025-03-07", 4, 8)}}, ReportHistory{}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ws := c.content.Warnings(c.history)
			var got []string
			for _, w := range ws {
				got = append(got, w.Rule+"@"+w.Field)
				if w.Message == "" || w.MessageEn == "" {
					t.Errorf("warning %+v says nothing", w)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("warnings %v, want %v", got, c.want)
			}
			if len(ws) == 0 {
				if err := RequireExplanations(ws); err != nil {
					t.Fatalf("no warning, but %v", err)
				}
				return
			}
			if err := RequireExplanations(ws); ErrorCode(err) != ECONFLICT || err.(*Error).Reason != ReasonExplanationRequired {
				t.Fatalf("an unexplained warning: %v", err)
			}
			for _, w := range ws {
				c.content.Explanations = append(c.content.Explanations, &ReportExplanation{Field: w.Field, Text: "已核实：当天为集中服务日。"})
			}
			ws = c.content.Warnings(c.history)
			if err := RequireExplanations(ws); err != nil || ws[0].Explanation == "" {
				t.Fatalf("explained warnings %+v: %v", ws, err)
			}
		})
	}
}
