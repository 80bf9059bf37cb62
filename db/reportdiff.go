package db

import (
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
