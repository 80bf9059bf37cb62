package db

import (
	"context"
	"fmt"
	"io"
	"strconv"
)

// ReportChangeKind says how an item differs between two versions of a unit's report.
type ReportChangeKind string

// AllReportChangeKinds lists every ReportChangeKind.
var AllReportChangeKinds = []ReportChangeKind{ChangeAdded, ChangeRemoved, ChangeChanged}

// MarshalGQL writes the value as a GraphQL enum.
func (v ReportChangeKind) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *ReportChangeKind) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "kind", AllReportChangeKinds)
}

// Values of ReportChangeKind.
const (
	ChangeAdded   ReportChangeKind = "ADDED"
	ChangeRemoved ReportChangeKind = "REMOVED"
	ChangeChanged ReportChangeKind = "CHANGED"
)

// ReportChange is one difference between two versions of a unit's report, for the reviewer: an item added or
// removed, or one field of an item changed. Items are matched on their natural key (a volunteer record on its date,
// campaign and method; an activity on its date, kind and theme; an indicator on its code; an application on its
// category and nominee), so that a row inserted above does not mark every row below as changed.
type ReportChange struct {
	Kind ReportChangeKind
	// Item names the item as a reviewer reads it, such as "志愿服务记录 2025-03-05 SIGN_IN".
	Item string
	// Field is the changed field of a CHANGED item (hours, volunteers, note …), empty otherwise.
	Field         string
	Before, After string
}

// reportItem is an item of a report flattened for comparison: its key, its name and its fields in order.
type reportItem struct {
	key, name string
	fields    [][2]string
}

func reportItems(c *ReportContent) []reportItem {
	if c == nil {
		return nil
	}
	var out []reportItem
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	for _, v := range c.VolunteerRecords {
		campaign := ""
		if v.CampaignCode != nil {
			campaign = *v.CampaignCode
		}
		out = append(out, reportItem{key: "v|" + string(v.Date) + "|" + campaign + "|" + string(v.Method),
			name:   fmt.Sprintf("志愿服务记录 %s %s %s", v.Date, campaign, v.Method),
			fields: [][2]string{{"volunteers", strconv.Itoa(v.Volunteers)}, {"hours", num(v.Hours)}}})
	}
	for _, a := range c.PracticeActivities {
		out = append(out, reportItem{key: "a|" + string(a.Date) + "|" + string(a.Kind) + "|" + a.Theme,
			name:   fmt.Sprintf("文明实践活动 %s %s", a.Date, a.Theme),
			fields: [][2]string{{"sessions", strconv.Itoa(a.Sessions)}, {"participants", strconv.Itoa(a.Participants)}}})
	}
	if a := c.Assessment; a != nil {
		out = append(out, reportItem{key: "s", name: "测评自评", fields: [][2]string{{"baseScore", num(a.BaseScore)}, {"bonus", num(a.Bonus)}}})
		for _, s := range a.Scores {
			out = append(out, reportItem{key: "s|" + s.Code, name: "测评指标 " + s.Code, fields: [][2]string{{"score", num(s.Score)}, {"note", s.Note}}})
		}
	}
	for _, t := range c.TitleApplications {
		out = append(out, reportItem{key: "t|" + t.CategoryCode + "|" + t.Nominee, name: "称号申报 " + t.CategoryCode + " " + t.Nominee,
			fields: [][2]string{{"citation", t.Citation}, {"phone", t.Phone}}})
	}
	return out
}

// DiffReports lists what changed from one version of a unit's report to the next: items removed, then, in the
// newer version's order, items added and fields changed.
func DiffReports(before, after *ReportContent) []*ReportChange {
	old := map[string]reportItem{}
	for _, it := range reportItems(before) {
		old[it.key] = it
	}
	seen := map[string]bool{}
	var added []*ReportChange
	for _, it := range reportItems(after) {
		seen[it.key] = true
		prev, ok := old[it.key]
		if !ok {
			added = append(added, &ReportChange{Kind: ChangeAdded, Item: it.name})
			continue
		}
		for i, f := range it.fields {
			if prev.fields[i][1] != f[1] {
				added = append(added, &ReportChange{Kind: ChangeChanged, Item: it.name, Field: f[0], Before: prev.fields[i][1], After: f[1]})
			}
		}
	}
	var out []*ReportChange
	for _, it := range reportItems(before) {
		if !seen[it.key] {
			out = append(out, &ReportChange{Kind: ChangeRemoved, Item: it.name})
		}
	}
	return append(out, added...)
}

// RecordsStore is what reading a unit's records as report content needs.
type RecordsStore interface {
	EachVolunteerRecord(ctx context.Context, f VolunteerCriteria, fn func(*VolunteerRecord) error) error
	EachPracticeActivity(ctx context.Context, f PracticeActivityCriteria, fn func(*PracticeActivity) error) error
	EachAssessment(ctx context.Context, f AssessmentCriteria, fn func(*Assessment) error) error
	IndicatorScoresByAssessments(ctx context.Context, assessmentIDs []int64) (map[int64][]*IndicatorScore, error)
	CampaignsByIDs(ctx context.Context, ids []int64) (map[int64]*Campaign, error)
}

// RecordsContent reads a unit's records of a year as report content (volunteer records, practice activities and
// the assessment, in the caller's scope), so that a reviewer can see how a submission differs from what the records
// hold now (DiffReports).
func RecordsContent(ctx context.Context, s RecordsStore, unitID int64, year int) (*ReportContent, error) {
	c := &ReportContent{}
	years := YearRange{From: year, To: year}
	var campaigns []int64
	err := s.EachVolunteerRecord(ctx, VolunteerCriteria{Years: years, UnitID: unitID}, func(v *VolunteerRecord) error {
		r := &ReportedVolunteerRecord{Date: v.Date, Volunteers: v.Volunteers, Hours: HoursOf(v.Minutes), Method: v.Method}
		if v.CampaignID != nil {
			code := strconv.FormatInt(*v.CampaignID, 10)
			r.CampaignCode = &code
			campaigns = append(campaigns, *v.CampaignID)
		}
		c.VolunteerRecords = append(c.VolunteerRecords, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(campaigns) > 0 {
		byID, err := s.CampaignsByIDs(ctx, campaigns)
		if err != nil {
			return nil, err
		}
		for _, r := range c.VolunteerRecords {
			if r.CampaignCode != nil {
				id, _ := strconv.ParseInt(*r.CampaignCode, 10, 64)
				if cp := byID[id]; cp != nil {
					*r.CampaignCode = cp.Code
				}
			}
		}
	}
	err = s.EachPracticeActivity(ctx, PracticeActivityCriteria{Years: years, UnitID: unitID}, func(a *PracticeActivity) error {
		c.PracticeActivities = append(c.PracticeActivities, &ReportedActivity{Date: a.Date, Kind: a.Kind, Theme: a.Theme, Sessions: a.Sessions,
			Participants: a.Participants})
		return nil
	})
	if err != nil {
		return nil, err
	}
	var assessment *Assessment
	if err := s.EachAssessment(ctx, AssessmentCriteria{Year: year, UnitID: unitID}, func(a *Assessment) error { assessment = a; return nil }); err != nil {
		return nil, err
	}
	if assessment != nil {
		scores, err := s.IndicatorScoresByAssessments(ctx, []int64{assessment.ID})
		if err != nil {
			return nil, err
		}
		c.Assessment = &ReportedAssessment{BaseScore: assessment.BaseScore, Bonus: assessment.Bonus}
		for _, sc := range scores[assessment.ID] {
			c.Assessment.Scores = append(c.Assessment.Scores, &ReportedScore{Code: sc.Code, Score: sc.Score})
		}
	}
	return c, nil
}

// DiffAgainstRecords lists how a submission differs from what the unit's records hold now (RecordsContent): what it
// would add, change or (if approved in place of them) leave out. Explanations of self-scores, which records do not
// keep, are not differences.
func DiffAgainstRecords(records, submission *ReportContent) []*ReportChange {
	var out []*ReportChange
	for _, c := range DiffReports(records, submission) {
		if c.Field != "note" {
			out = append(out, c)
		}
	}
	return out
}
