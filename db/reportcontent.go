package db

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// ReportContent is what a unit enters for a task: kept as a draft in its assignment, frozen as a submission at
// each submit, and written into the records only when the office approves it. It is stored as one JSON document,
// so the unit never has to be named in it: the server sets it from the assignment.
type ReportContent struct {
	VolunteerRecords   []*ReportedVolunteerRecord  `json:"volunteerRecords,omitempty"`
	PracticeActivities []*ReportedActivity         `json:"practiceActivities,omitempty"`
	Assessment         *ReportedAssessment         `json:"assessment,omitempty"`
	TitleApplications  []*ReportedTitleApplication `json:"titleApplications,omitempty"`
	// Explanations are the unit's sentences about the plausibility warnings, by field (ReportWarning).
	Explanations []*ReportExplanation `json:"explanations,omitempty"`
}

// ReportedVolunteerRecord is a volunteer record as a unit reports it; hours become whole minutes on approval.
type ReportedVolunteerRecord struct {
	Date       Date            `json:"date"`
	Volunteers int             `json:"volunteers"`
	Hours      float64         `json:"hours"`
	Method     RecordingMethod `json:"method"`
	// CampaignCode files the record under a campaign (专项行动) by its code, when it belongs to one.
	CampaignCode *string `json:"campaignCode,omitempty"`
}

// ReportedActivity is a practice activity as a unit reports it.
type ReportedActivity struct {
	Date         Date         `json:"date"`
	Kind         ActivityKind `json:"kind"`
	Theme        string       `json:"theme"`
	Sessions     int          `json:"sessions"`
	Participants int          `json:"participants"`
}

// ReportedAssessment is a unit's self-assessment (测评自评) for the task's year.
type ReportedAssessment struct {
	BaseScore float64          `json:"baseScore"`
	Bonus     float64          `json:"bonus"`
	Scores    []*ReportedScore `json:"scores,omitempty"`
}

// ReportedScore is one indicator's self-score with the unit's explanation (说明).
type ReportedScore struct {
	Code  string  `json:"code"`
	Score float64 `json:"score"`
	Note  string  `json:"note,omitempty"`
}

// ReportedTitleApplication is a title application (称号申报): for the unit itself, or a nomination of a person
// (好人, 道德模范), whose story and phone are personal data that only the office and the unit read.
type ReportedTitleApplication struct {
	CategoryCode string `json:"categoryCode"`
	// Nominee is the person's name for a person's title; empty for the unit's own.
	Nominee  string `json:"nominee,omitempty"`
	Citation string `json:"citation,omitempty"`
	Phone    string `json:"phone,omitempty"`
}

// Limits of what a unit may enter in one report.
const (
	// MaxReportedItems bounds the items of one kind in one report.
	MaxReportedItems = 500
	// MaxScoreNote is the longest explanation of one indicator's self-score, in characters.
	MaxScoreNote = 500
	// MaxCommentLength bounds one review comment.
	MaxCommentLength = 2000
)

// Empty reports whether the content holds nothing to submit.
func (c *ReportContent) Empty() bool {
	return c == nil || len(c.VolunteerRecords) == 0 && len(c.PracticeActivities) == 0 && c.Assessment == nil && len(c.TitleApplications) == 0
}

// itemAt names an item's field in a path a form can put its message beside, such as volunteerRecords[2].hours.
func itemAt(list string, i int, err error) error {
	return fieldUnder(fmt.Sprintf("%s[%d]", list, i), err)
}

// fieldUnder puts an invalid-input error's field under a path prefix (assessment.baseScore); other errors pass.
func fieldUnder(prefix string, err error) error {
	var e *Error
	if errors.As(err, &e) && e.Code == EINVALID {
		c := *e
		c.Field = prefix
		if e.Field != "" {
			c.Field += "." + e.Field
		}
		return &c
	}
	return err
}

// Validate checks a report against its task, with the rules of the records it becomes: only the kinds the task asks
// for, every date in the task's year, and each item valid as a mutation's input would be. The store checks what
// needs the database (campaign codes, indicator codes, title categories) when it applies the report.
func (c *ReportContent) Validate(t *ReportTask) error {
	asks := func(k ReportKind, present bool, field string) error {
		if present && !slices.Contains(t.Kinds, k) {
			return FieldErrorf(field, "本任务不要求上报此项内容")
		}
		return nil
	}
	for _, k := range []struct {
		kind    ReportKind
		present bool
		field   string
		n       int
	}{
		{ReportVolunteerRecords, len(c.VolunteerRecords) > 0, "volunteerRecords", len(c.VolunteerRecords)},
		{ReportPracticeActivities, len(c.PracticeActivities) > 0, "practiceActivities", len(c.PracticeActivities)},
		{ReportAssessmentScores, c.Assessment != nil, "assessment", 0},
		{ReportTitleApplications, len(c.TitleApplications) > 0, "titleApplications", len(c.TitleApplications)},
	} {
		if err := asks(k.kind, k.present, k.field); err != nil {
			return err
		}
		if k.n > MaxReportedItems {
			return FieldErrorf(k.field, "一次上报最多 %d 条，收到 %d 条", MaxReportedItems, k.n)
		}
	}
	if err := validateExplanations(c.Explanations); err != nil {
		return err
	}
	inYear := func(d Date) error {
		if d.Year() != t.Year {
			return FieldErrorf("date", "日期 %s 不在任务年度 %d 内", d, t.Year)
		}
		return nil
	}
	// Two items with one natural key would be one record: the approval could not write both.
	seen := map[string]int{}
	same := func(list string, i int, key string) error {
		if j, ok := seen[list+key]; ok {
			return itemAt(list, i, FieldErrorf("date", "与第 %d 条是同一条记录（日期、类型相同），请合并", j+1))
		}
		seen[list+key] = i
		return nil
	}
	for i, v := range c.VolunteerRecords {
		if v == nil {
			return FieldErrorf("volunteerRecords", "第 %d 条为空", i+1)
		}
		campaign := ""
		if v.CampaignCode != nil {
			campaign = *v.CampaignCode
		}
		if err := same("volunteerRecords", i, fmt.Sprint(v.Date, campaign, v.Method)); err != nil {
			return err
		}
		if _, err := v.Fields(1); err != nil {
			return itemAt("volunteerRecords", i, err)
		}
		if err := inYear(v.Date); err != nil {
			return itemAt("volunteerRecords", i, err)
		}
	}
	for i, a := range c.PracticeActivities {
		if a == nil {
			return FieldErrorf("practiceActivities", "第 %d 条为空", i+1)
		}
		f := a.Fields(1)
		if err := f.Validate(); err != nil {
			return itemAt("practiceActivities", i, err)
		}
		a.Theme = f.Theme
		if err := inYear(a.Date); err != nil {
			return itemAt("practiceActivities", i, err)
		}
		if err := same("practiceActivities", i, fmt.Sprint(a.Date, a.Kind, a.Theme)); err != nil {
			return err
		}
	}
	if a := c.Assessment; a != nil {
		f := a.Fields(1, t.Year)
		if err := f.Validate(); err != nil {
			return fieldUnder("assessment", err)
		}
		for i, s := range a.Scores {
			s.Code, s.Note = strings.TrimSpace(s.Code), strings.TrimSpace(s.Note)
			if utf8.RuneCountInString(s.Note) > MaxScoreNote {
				return itemAt("assessment.scores", i, FieldErrorf("note", "说明不能超过 %d 个字", MaxScoreNote))
			}
			if err := CheckText("note", "说明", s.Note, true); err != nil {
				return itemAt("assessment.scores", i, err)
			}
		}
	}
	for i, a := range c.TitleApplications {
		if a == nil {
			return FieldErrorf("titleApplications", "第 %d 条为空", i+1)
		}
		a.CategoryCode, a.Nominee, a.Phone = strings.TrimSpace(a.CategoryCode), strings.TrimSpace(a.Nominee), strings.TrimSpace(a.Phone)
		if a.CategoryCode == "" {
			return itemAt("titleApplications", i, FieldErrorf("categoryCode", "荣誉类别不能为空"))
		}
		if a.Nominee != "" {
			p := PersonFields{Name: a.Nominee, Citation: a.Citation}
			if err := p.Validate(); err != nil {
				return itemAt("titleApplications", i, err)
			}
			a.Citation = p.Citation
		}
		if err := CheckPhone("phone", a.Phone); err != nil {
			return itemAt("titleApplications", i, err)
		}
	}
	return nil
}

// CheckPhone checks a phone number as people write it: digits, spaces, "-" and "+", at most 20 characters; empty
// is allowed.
func CheckPhone(field, phone string) error {
	if len(phone) > 20 || strings.Trim(phone, "0123456789 -+") != "" {
		return FieldErrorf(field, "电话号码只能包含数字、空格、“-”和“+”，最多 20 位：%q", phone)
	}
	return nil
}

// Fields is the volunteer record the report becomes for a unit.
func (v *ReportedVolunteerRecord) Fields(unitID int64) (VolunteerRecordFields, error) {
	m, err := MinutesFromHours("hours", v.Hours)
	if err != nil {
		return VolunteerRecordFields{}, err
	}
	f := VolunteerRecordFields{UnitID: unitID, Date: v.Date, Volunteers: v.Volunteers, Minutes: m, Method: v.Method}
	return f, f.Validate()
}

// Fields is the practice activity the report becomes for a unit.
func (a *ReportedActivity) Fields(unitID int64) PracticeActivityFields {
	return PracticeActivityFields{UnitID: unitID, Date: a.Date, Kind: a.Kind, Theme: a.Theme, Sessions: a.Sessions, Participants: a.Participants}
}

// Fields is the assessment the self-assessment becomes for a unit and year, at the 申报 stage.
func (a *ReportedAssessment) Fields(unitID int64, year int) AssessmentFields {
	f := AssessmentFields{UnitID: unitID, Year: year, BaseScore: a.BaseScore, Bonus: a.Bonus, Stage: StageApplied}
	for _, s := range a.Scores {
		f.Scores = append(f.Scores, IndicatorScoreFields{Code: s.Code, Score: s.Score})
	}
	return f
}

// ReportSubmission is one frozen version of a unit's report: what it submitted in one round, never changed.
type ReportSubmission struct {
	TaskID, UnitID int64
	// Year is the task's year, which the plausibility warnings compare with the year before.
	Year        int
	Round       int
	Content     *ReportContent
	SubmittedBy string
	SubmittedAt time.Time
	// Withdrawn is set when the unit took the version back before review.
	Withdrawn bool
	// Previous is the round before's content, read with it (nil for the first round), so that what changed between
	// them needs no second read.
	Previous *ReportContent
}

// ReportComment is a reviewer's comment on one round of a unit's report, on one field or (Field empty) the whole
// of it. Comments are never changed or removed while their task lives.
type ReportComment struct {
	ID             int64
	TaskID, UnitID int64
	Round          int
	Field          string
	Author         string
	At             time.Time
	Text           string
}

// ReportDraft is a unit's draft as last saved.
type ReportDraft struct {
	TaskID, UnitID int64
	// Year is the task's year, which the plausibility warnings compare with the year before.
	Year    int
	Content *ReportContent
	SavedBy string
	SavedAt time.Time
}

// ReportContentStore keeps what units enter: drafts, frozen submissions and review comments, read through the
// caller's scope; the contents (drafts and submissions) only for the unit itself and the office's editors.
type ReportContentStore interface {
	// SaveReportDraft replaces a unit's draft and moves it to 填报中, by the flow's rules, in one transaction.
	SaveReportDraft(ctx context.Context, step ReportStep, content *ReportContent) (*ReportAssignment, error)
	// ReportDraft loads a unit's draft, or nil when there is none or the caller may not read contents.
	ReportDraft(ctx context.Context, taskID, unitID int64) (*ReportDraft, error)
	// ReportSubmissions lists a unit's frozen versions, newest first (empty for callers who may not read contents).
	ReportSubmissions(ctx context.Context, taskID, unitID int64) ([]*ReportSubmission, error)
	// ReportComments lists the review comments on a unit's report, oldest first.
	ReportComments(ctx context.Context, taskID, unitID int64) ([]*ReportComment, error)
	// CommentReport adds a reviewer's comment to the unit's last submitted round, as of expectedVersion (office
	// editors).
	CommentReport(ctx context.Context, taskID, unitID int64, expectedVersion int, field, text string) (*ReportComment, error)
	// ReportSources says which records an approval wrote, and from which report, in the caller's scope.
	ReportSources(ctx context.Context, keys []ReportSourceKey) (map[ReportSourceKey]*ReportSource, error)
}

// ValidateComment checks a review comment: some text, at most MaxCommentLength characters; a field path at most
// 200 characters.
func ValidateComment(field, text string) error {
	if strings.TrimSpace(text) == "" {
		return FieldErrorf("text", "意见不能为空")
	}
	if utf8.RuneCountInString(text) > MaxCommentLength {
		return FieldErrorf("text", "意见不能超过 %d 个字", MaxCommentLength)
	}
	if len(field) > 200 {
		return FieldErrorf("field", "字段路径过长")
	}
	return CheckText("text", "意见", text, true)
}

// ReportSource is the unit report an approval wrote a record from: the task, the unit and the approved round. The
// record stays locked while the report is approved.
type ReportSource struct {
	Entity    Entity
	RecordID  int64
	TaskID    int64
	TaskTitle string
	UnitID    int64
	Round     int
	Locked    bool
}

// ReportSourceKey names one record whose report source is asked for.
type ReportSourceKey struct {
	Entity Entity
	ID     int64
}
