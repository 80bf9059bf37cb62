package db

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"
)

// ReportWarning is a number in a unit's report that looks wrong beside the unit's own history or the item itself. A
// warning does not refuse the report, but the unit must explain it in a sentence before it submits, and the reviewer
// reads warning and explanation side by side.
type ReportWarning struct {
	// Rule names the check (PlausibilityRules).
	Rule string
	// Field is the path of the item the warning is about, as explanations and comments name it.
	Field              string
	Message, MessageEn string
	// Explanation is the unit's sentence about it, or empty.
	Explanation string
}

// ReportExplanation is a unit's sentence about a warning, on the field the warning names.
type ReportExplanation struct {
	Field string `json:"field"`
	Text  string `json:"text"`
}

// ReportHistory is what the plausibility rules compare a report with: the unit's records of the year before the
// task's, as approved into the records.
type ReportHistory struct {
	// Minutes and PersonTimes are the unit's volunteer service of the year before.
	Minutes, PersonTimes int64
	// Score is the unit's assessment total (base score plus bonus) of the year before, when it has one.
	Score *float64
}

// ReasonExplanationRequired refuses a submit while a warning has no explanation.
const ReasonExplanationRequired = "EXPLANATION_REQUIRED"

// Thresholds of the plausibility rules.
const (
	// MaxHoursPerVolunteerDay is the most service one volunteer plausibly gives in a day.
	MaxHoursPerVolunteerDay = 12
	// MaxYearOnYear is how many times its year before a unit's hours or person-times may plausibly grow.
	MaxYearOnYear = 5
	// MaxScoreRise is how many points above its year before a self-score may plausibly rise.
	MaxScoreRise = 10
)

// PlausibilityRule is one check of a report against its history.
type PlausibilityRule struct {
	Name  string
	Check func(c *ReportContent, h ReportHistory) []*ReportWarning
}

// PlausibilityRules are the checks every report goes through, in the order their warnings are listed.
var PlausibilityRules = []PlausibilityRule{
	{"HOURS_PER_VOLUNTEER", func(c *ReportContent, _ ReportHistory) (out []*ReportWarning) {
		for i, v := range c.VolunteerRecords {
			if v.Volunteers > 0 && v.Hours/float64(v.Volunteers) > MaxHoursPerVolunteerDay {
				out = append(out, warn(fmt.Sprintf("volunteerRecords[%d].hours", i),
					fmt.Sprintf("人均服务 %.1f 小时，超过每人每天 %d 小时", v.Hours/float64(v.Volunteers), MaxHoursPerVolunteerDay),
					fmt.Sprintf("%.1f hours per volunteer, more than %d a day", v.Hours/float64(v.Volunteers), MaxHoursPerVolunteerDay)))
			}
		}
		return out
	}},
	{"YEAR_ON_YEAR", func(c *ReportContent, h ReportHistory) (out []*ReportWarning) {
		var minutes, people int64
		for _, v := range c.VolunteerRecords {
			minutes += int64(v.Hours * 60)
			people += int64(v.Volunteers)
		}
		if h.Minutes > 0 && minutes > MaxYearOnYear*h.Minutes {
			out = append(out, warn("volunteerRecords", fmt.Sprintf("服务时长是上一年的 %.1f 倍（超过 %d 倍）", float64(minutes)/float64(h.Minutes), MaxYearOnYear),
				fmt.Sprintf("hours are %.1f times the year before (more than %d)", float64(minutes)/float64(h.Minutes), MaxYearOnYear)))
		} else if h.PersonTimes > 0 && people > MaxYearOnYear*h.PersonTimes {
			out = append(out, warn("volunteerRecords", fmt.Sprintf("服务人次是上一年的 %.1f 倍（超过 %d 倍）", float64(people)/float64(h.PersonTimes), MaxYearOnYear),
				fmt.Sprintf("person-times are %.1f times the year before (more than %d)", float64(people)/float64(h.PersonTimes), MaxYearOnYear)))
		}
		return out
	}},
	{"SELF_SCORE", func(c *ReportContent, h ReportHistory) []*ReportWarning {
		if c.Assessment == nil || h.Score == nil {
			return nil
		}
		if total := c.Assessment.BaseScore + c.Assessment.Bonus; total > *h.Score+MaxScoreRise {
			return []*ReportWarning{warn("assessment.baseScore", fmt.Sprintf("自评 %.1f 分，比上一年的 %.1f 分高 %d 分以上", total, *h.Score, MaxScoreRise),
				fmt.Sprintf("a self-score of %.1f is more than %d points above last year's %.1f", total, MaxScoreRise, *h.Score))}
		}
		return nil
	}},
	{"NEAR_DUPLICATE", func(c *ReportContent, _ ReportHistory) (out []*ReportWarning) {
		for i, v := range c.VolunteerRecords {
			for j := range i {
				w := c.VolunteerRecords[j]
				if sameCampaign(v.CampaignCode, w.CampaignCode) && v.Method == w.Method && v.Volunteers == w.Volunteers && v.Hours == w.Hours &&
					daysApart(v.Date, w.Date) <= 1 {
					out = append(out, warn(fmt.Sprintf("volunteerRecords[%d].date", i), fmt.Sprintf("与第 %d 条只差一天，人数和时长相同，可能重复", j+1),
						fmt.Sprintf("one day from item %d with the same volunteers and hours: a duplicate?", j+1)))
					break
				}
			}
		}
		return out
	}},
}

func warn(field, zh, en string) *ReportWarning {
	return &ReportWarning{Field: field, Message: zh, MessageEn: en}
}

func sameCampaign(a, b *string) bool {
	return (a == nil || *a == "") == (b == nil || *b == "") && (a == nil || b == nil || *a == *b)
}

func daysApart(a, b Date) int {
	d := int(dayStart(a).Sub(dayStart(b)).Hours() / 24)
	if d < 0 {
		d = -d
	}
	return d
}

// Warnings runs every plausibility rule over the content and attaches the unit's explanations.
func (c *ReportContent) Warnings(h ReportHistory) []*ReportWarning {
	var out []*ReportWarning
	for _, r := range PlausibilityRules {
		for _, w := range r.Check(c, h) {
			w.Rule = r.Name
			for _, e := range c.Explanations {
				if e.Field == w.Field {
					w.Explanation = e.Text
				}
			}
			out = append(out, w)
		}
	}
	return out
}

// RequireExplanations refuses a submit while a warning has no explanation (CONFLICT, reason EXPLANATION_REQUIRED),
// naming the first.
func RequireExplanations(ws []*ReportWarning) error {
	for _, w := range ws {
		if strings.TrimSpace(w.Explanation) == "" {
			return Errorf(ECONFLICT, "上报前请说明：%s（%s）", w.Message, w.Field).Because(ReasonExplanationRequired)
		}
	}
	return nil
}

// validateExplanations checks the unit's sentences: each on a field, at most MaxScoreNote characters, plain text.
func validateExplanations(es []*ReportExplanation) error {
	for i, e := range es {
		if e == nil || strings.TrimSpace(e.Field) == "" || len(e.Field) > 200 {
			return itemAt("explanations", i, FieldErrorf("field", "说明须指明所针对的字段"))
		}
		e.Text = strings.TrimSpace(e.Text)
		if utf8.RuneCountInString(e.Text) > MaxScoreNote {
			return itemAt("explanations", i, FieldErrorf("text", "说明不能超过 %d 个字", MaxScoreNote))
		}
		if err := CheckText("text", "说明", e.Text, true); err != nil {
			return itemAt("explanations", i, err)
		}
	}
	return nil
}

// ReportHistoryStore reads what the plausibility rules compare a unit's report with.
type ReportHistoryStore interface {
	// ReportHistory reads a unit's volunteer service and assessment total of a year.
	ReportHistory(ctx context.Context, unitID int64, year int) (ReportHistory, error)
}

// WarningsFor runs the plausibility rules over a unit's content for a task's year, against the unit's year before.
func WarningsFor(ctx context.Context, s ReportHistoryStore, c *ReportContent, unitID int64, year int) ([]*ReportWarning, error) {
	h, err := s.ReportHistory(ctx, unitID, year-1)
	if err != nil {
		return nil, err
	}
	return c.Warnings(h), nil
}
