// Code in this file describes writes: what a client may set on each record, how it is validated before any
// database work, and the recycle bin and audit log that every write feeds.

package db

import (
	"context"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// WriteStore creates, updates and soft-deletes records. Every method runs in one transaction that also appends
// to the audit log (as the principal in ctx) and bumps the data version. Updates take the version the client
// read, and fail with ECONFLICT when the record changed since.
type WriteStore interface {
	CreateUnit(ctx context.Context, in UnitFields) (*Unit, error)
	UpdateUnit(ctx context.Context, id int64, expectedVersion int, in UnitFields) (*Unit, error)
	CreatePerson(ctx context.Context, in PersonFields) (*Person, error)
	UpdatePerson(ctx context.Context, id int64, expectedVersion int, in PersonFields) (*Person, error)
	CreateHonor(ctx context.Context, in HonorFields) (*Honor, error)
	UpdateHonor(ctx context.Context, id int64, expectedVersion int, in HonorFields) (*Honor, error)
	CreateVolunteerRecord(ctx context.Context, in VolunteerRecordFields) (*VolunteerRecord, error)
	UpdateVolunteerRecord(ctx context.Context, id int64, expectedVersion int, in VolunteerRecordFields) (*VolunteerRecord, error)
	CreateCampaign(ctx context.Context, in CampaignFields) (*Campaign, error)
	UpdateCampaign(ctx context.Context, id int64, expectedVersion int, in CampaignFields) (*Campaign, error)
	CreatePracticeLink(ctx context.Context, in PracticeLinkFields) (*PracticeLink, error)
	UpdatePracticeLink(ctx context.Context, id int64, expectedVersion int, in PracticeLinkFields) (*PracticeLink, error)
	CreatePracticeActivity(ctx context.Context, in PracticeActivityFields) (*PracticeActivity, error)
	UpdatePracticeActivity(ctx context.Context, id int64, expectedVersion int, in PracticeActivityFields) (*PracticeActivity, error)
	CreateAssessment(ctx context.Context, in AssessmentFields) (*Assessment, error)
	UpdateAssessment(ctx context.Context, id int64, expectedVersion int, in AssessmentFields) (*Assessment, error)
	CreateTarget(ctx context.Context, in TargetFields) (*Target, error)
	UpdateTarget(ctx context.Context, id int64, expectedVersion int, in TargetFields) (*Target, error)
	// SetRankingWeights replaces the weights version that starts in fromYear (creating it if absent).
	SetRankingWeights(ctx context.Context, fromYear int, in []RankingWeightFields) ([]*RankingWeight, error)
	// SetHonorCategoryPoints sets the ranking points of the category with the code; their basis becomes OFFICE.
	SetHonorCategoryPoints(ctx context.Context, code string, points float64) (*HonorCategory, error)

	// DeleteRecord moves a record to the recycle bin; expectedVersion 0 skips the version check. For
	// EntityRankingWeights, id is the version's fromYear.
	DeleteRecord(ctx context.Context, entity Entity, id int64, expectedVersion int) (*DeletedRecord, error)
	// RestoreRecord puts a binned record back under its old ID, with its version bumped.
	RestoreRecord(ctx context.Context, binID int64) (*DeletedRecord, error)
	DeletedRecords(ctx context.Context, filter DeletedCriteria, page Page) (*DeletedRecordConnection, error)
	DeletedRecordsByIDs(ctx context.Context, ids []int64) (map[int64]*DeletedRecord, error)
	AuditLog(ctx context.Context, filter AuditCriteria, page Page) (*AuditEntryConnection, error)
}

// Entity names a kind of record that writes, the recycle bin and the audit log refer to.
type Entity string

// Entities that clients write.
const (
	EntityUnit             Entity = "UNIT"
	EntityPerson           Entity = "PERSON"
	EntityHonor            Entity = "HONOR"
	EntityVolunteerRecord  Entity = "VOLUNTEER_RECORD"
	EntityCampaign         Entity = "CAMPAIGN"
	EntityPracticeLink     Entity = "PRACTICE_LINK"
	EntityPracticeActivity Entity = "PRACTICE_ACTIVITY"
	EntityAssessment       Entity = "ASSESSMENT"
	EntityTarget           Entity = "TARGET"
	EntityRankingWeights   Entity = "RANKING_WEIGHTS"
	// EntityDemoData is the whole demo dataset, as the audit log names what a demo purge removed; no single record.
	EntityDemoData Entity = "DEMO_DATA"
	// EntityHonorCategory is a category's ranking points, which admins set.
	EntityHonorCategory Entity = "HONOR_CATEGORY"
	// EntityUser is an account, as the audit log names its creation, role changes, password resets and refused
	// sign-ins; accounts are not records and are never binned.
	EntityUser Entity = "USER"
	// EntityAPIToken is an API token, as the audit log names its creation and revocation.
	EntityAPIToken Entity = "API_TOKEN"
)

// AllEntities lists every Entity.
var AllEntities = []Entity{EntityUnit, EntityPerson, EntityHonor, EntityVolunteerRecord, EntityCampaign, EntityPracticeLink,
	EntityPracticeActivity, EntityAssessment, EntityTarget, EntityRankingWeights, EntityDemoData, EntityHonorCategory, EntityUser, EntityAPIToken}

// MarshalGQL writes the value as a GraphQL enum.
func (v Entity) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *Entity) UnmarshalGQL(x any) error { return unmarshalEnum(v, x, "entity", AllEntities) }

// NameZh is the entity's Chinese name, for messages.
func (v Entity) NameZh() string { return entityZh[v] }

var entityZh = map[Entity]string{
	EntityUnit: "单位", EntityPerson: "人物", EntityHonor: "荣誉", EntityVolunteerRecord: "志愿服务记录", EntityCampaign: "专项行动",
	EntityPracticeLink: "实践中心联系", EntityPracticeActivity: "文明实践活动", EntityAssessment: "测评", EntityTarget: "年度目标",
	EntityRankingWeights: "排名权重", EntityDemoData: "全部演示数据", EntityHonorCategory: "荣誉类别积分",
	EntityUser: "用户", EntityAPIToken: "API 令牌",
}

// AdminOnly reports whether writing the entity needs the ADMIN role rather than EDITOR.
func (v Entity) AdminOnly() bool {
	return v == EntityTarget || v == EntityRankingWeights || v == EntityDemoData || v == EntityHonorCategory || v.Account()
}

// Account reports whether the entity is an account or a token rather than a record of the dashboard: its audit
// entries come from the account store, and its writes bump no data version.
func (v Entity) Account() bool { return v == EntityUser || v == EntityAPIToken }

// AuditAction is what a write did.
type AuditAction string

// Audit actions.
const (
	ActionCreate  AuditAction = "CREATE"
	ActionUpdate  AuditAction = "UPDATE"
	ActionDelete  AuditAction = "DELETE"
	ActionRestore AuditAction = "RESTORE"
	ActionImport  AuditAction = "IMPORT"
	// ActionPurgeDemo removed every demo record at once (wenming demo purge, or the admin page's button).
	ActionPurgeDemo AuditAction = "PURGE_DEMO"
	// ActionRevoke revoked an API token.
	ActionRevoke AuditAction = "REVOKE"
	// ActionRoleChange changed a user's role.
	ActionRoleChange AuditAction = "ROLE_CHANGE"
	// ActionDisable disabled a user, ending their sessions and revoking their tokens.
	ActionDisable AuditAction = "DISABLE"
	// ActionEnable enabled a disabled user again.
	ActionEnable AuditAction = "ENABLE"
	// ActionPasswordChange is a user changing their own password.
	ActionPasswordChange AuditAction = "PASSWORD_CHANGE"
	// ActionPasswordReset is an admin (or the command line) setting another user's password.
	ActionPasswordReset AuditAction = "PASSWORD_RESET"
	// ActionSignInRefused is a refused sign-in to an existing account (a wrong password, or a disabled account).
	ActionSignInRefused AuditAction = "SIGN_IN_REFUSED"
)

// AllAuditActions lists every AuditAction.
var AllAuditActions = []AuditAction{ActionCreate, ActionUpdate, ActionDelete, ActionRestore, ActionImport, ActionPurgeDemo,
	ActionRevoke, ActionRoleChange, ActionDisable, ActionEnable, ActionPasswordChange, ActionPasswordReset, ActionSignInRefused}

// MarshalGQL writes the value as a GraphQL enum.
func (v AuditAction) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *AuditAction) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "action", AllAuditActions)
}

// AuditEntry is one row of the audit log: who did what to which record, with the record before and after as JSON.
type AuditEntry struct {
	ID       int64
	At       time.Time
	UserID   *int64
	Username string
	Action   AuditAction
	Entity   Entity
	RecordID *int64
	Before   *string
	After    *string
}

// AuditCriteria narrows the audit log; zero fields do not filter. To is exclusive.
type AuditCriteria struct {
	UserID   int64
	Username string
	Entity   Entity
	Action   AuditAction
	From, To time.Time
	// RecordID keeps one record's entries; it is set together with Entity, since row IDs repeat across entities.
	RecordID int64
}

// AuditEntryEdge is an audit entry with its cursor.
type AuditEntryEdge struct {
	Cursor string
	Node   *AuditEntry
}

// AuditEntryConnection is one page of the audit log, newest first.
type AuditEntryConnection struct {
	Edges      []*AuditEntryEdge
	PageInfo   PageInfo
	TotalCount int
}

// DeletedRecord is a record in the recycle bin, with the JSON snapshot it will be restored from.
type DeletedRecord struct {
	ID            int64
	Entity        Entity
	RecordID      int64
	Data          string
	DeletedBy     *int64
	DeletedByName string
	DeletedAt     time.Time
	RestoredAt    *time.Time
}

// DeletedCriteria narrows the recycle bin.
type DeletedCriteria struct {
	Entity          Entity
	IncludeRestored bool
}

// DeletedRecordEdge is a binned record with its cursor.
type DeletedRecordEdge struct {
	Cursor string
	Node   *DeletedRecord
}

// DeletedRecordConnection is one page of the recycle bin, newest first.
type DeletedRecordConnection struct {
	Edges      []*DeletedRecordEdge
	PageInfo   PageInfo
	TotalCount int
}

// UnitFields is what a client sets on a unit.
type UnitFields struct {
	Name          string
	Kind          string
	Sector        string
	ServiceWindow bool
}

// PersonFields is what a client sets on a person.
type PersonFields struct {
	Name     string
	UnitID   *int64
	Citation string
}

// HonorFields is what a client sets on an honour. The recipient must match the category's recipient kind;
// RecipientName defaults to the recipient's own name, and Status to the category's default.
type HonorFields struct {
	CategoryCode  string
	UnitID        *int64
	PersonID      *int64
	ProjectID     *int64
	WorkID        *int64
	RecipientName string
	Year          int
	Date          *Date
	Edition       *string
	Status        *HonorStatus
}

// VolunteerRecordFields is what a client sets on a volunteer record; Minutes comes from hours, exactly.
type VolunteerRecordFields struct {
	UnitID     int64
	CampaignID *int64
	Date       Date
	Volunteers int
	Minutes    int64
	Method     RecordingMethod
	Verified   bool
}

// CampaignFields is what a client sets on a campaign.
type CampaignFields struct {
	Code        string
	NameZh      string
	NameEn      string
	Kind        CampaignKind
	StartDate   Date
	EndDate     *Date
	Description string
}

// PracticeLinkFields is what a client sets on a unit's link to a practice centre.
type PracticeLinkFields struct {
	UnitID    int64
	CenterID  int64
	SinceYear int
}

// PracticeActivityFields is what a client sets on a practice activity.
type PracticeActivityFields struct {
	UnitID       int64
	CenterID     *int64
	Date         Date
	Kind         ActivityKind
	Theme        string
	Sessions     int
	Participants int
	// Action files the activity under one of the named 六大行动; nil leaves it unfiled.
	Action *PracticeAction
	// KeepAction makes an update leave the stored action as it is, because the client did not send one; an update
	// that sends no action must not silently unfile the activity. A create ignores it.
	KeepAction bool
}

// AssessmentFields is what a client sets on an assessment, with its indicator scores (replaced as a whole).
type AssessmentFields struct {
	UnitID    int64
	Year      int
	BaseScore float64
	Bonus     float64
	Veto      bool
	Stage     AssessmentStage
	Scores    []IndicatorScoreFields
}

// IndicatorScoreFields is one indicator score of an assessment.
type IndicatorScoreFields struct {
	Code  string
	Score float64
}

// TargetFields is what an admin sets on a yearly target.
type TargetFields struct {
	Metric ProgressMetric
	Year   int
	Value  float64
}

// RankingWeightFields is one component's weight in a version of the ranking weights.
type RankingWeightFields struct {
	Component string
	Weight    float64
}

// MaxTextLength bounds free-text fields, so that one record cannot carry a megabyte.
const MaxTextLength = 2000

// MaxNameLength bounds names and titles.
const MaxNameLength = 200

// cleanName trims a required name and checks its length.
func cleanName(field, label string, s *string) error {
	*s = strings.TrimSpace(*s)
	if *s == "" {
		return FieldErrorf(field, "%s不能为空", label)
	}
	if utf8.RuneCountInString(*s) > MaxNameLength {
		return FieldErrorf(field, "%s不能超过 %d 个字", label, MaxNameLength)
	}
	return CheckText(field, label, *s, false)
}

// cleanText trims an optional free text and checks its length.
func cleanText(field, label string, s *string) error {
	*s = strings.TrimSpace(*s)
	if utf8.RuneCountInString(*s) > MaxTextLength {
		return FieldErrorf(field, "%s不能超过 %d 个字", label, MaxTextLength)
	}
	return CheckText(field, label, *s, true)
}

// CheckYear rejects a year outside 1949–2100.
func CheckYear(field string, y int) error {
	if y < MinYear || y > MaxYear {
		return FieldErrorf(field, "年份须在 %d 到 %d 之间，收到 %d", MinYear, MaxYear, y)
	}
	return nil
}

// checkDate validates a date's form and that its year is in range.
func checkDate(field string, d Date) error {
	if _, err := ParseDate(string(d)); err != nil {
		return FieldErrorf(field, "日期格式应为 YYYY-MM-DD：%q", d)
	}
	if y := d.Year(); y < MinYear || y > MaxYear {
		return FieldErrorf(field, "日期的年份须在 %d 到 %d 之间：%s", MinYear, MaxYear, d)
	}
	return nil
}

func checkID(field string, id int64) error {
	if id <= 0 {
		return FieldErrorf(field, "%s 不能为空", field)
	}
	return nil
}

// Validate trims and checks a unit's fields.
func (f *UnitFields) Validate() error {
	if err := cleanName("name", "单位名称", &f.Name); err != nil {
		return err
	}
	f.Kind = strings.TrimSpace(f.Kind)
	if !slices.Contains(UnitKinds, f.Kind) {
		return FieldErrorf("kind", "未知的单位类型：%q（可选：%s）", f.Kind, strings.Join(UnitKinds, "、"))
	}
	return cleanText("sector", "所属系统", &f.Sector)
}

// Validate trims and checks a person's fields.
func (f *PersonFields) Validate() error {
	if err := cleanName("name", "姓名", &f.Name); err != nil {
		return err
	}
	return cleanText("citation", "事迹简介", &f.Citation)
}

// Validate checks what an honour's fields say on their own; the store checks the category and recipient.
func (f *HonorFields) Validate() error {
	f.CategoryCode = strings.TrimSpace(f.CategoryCode)
	if f.CategoryCode == "" {
		return FieldErrorf("categoryCode", "荣誉类别不能为空")
	}
	if err := CheckYear("year", f.Year); err != nil {
		return err
	}
	if f.Date != nil {
		if err := checkDate("date", *f.Date); err != nil {
			return err
		}
		if f.Date.Year() != f.Year {
			return FieldErrorf("date", "日期 %s 不在荣誉年份 %d 内", *f.Date, f.Year)
		}
	}
	if f.Edition != nil {
		e := strings.TrimSpace(*f.Edition)
		if e == "" {
			f.Edition = nil
		} else if utf8.RuneCountInString(e) > MaxNameLength {
			return FieldErrorf("edition", "届次不能超过 %d 个字", MaxNameLength)
		} else if err := CheckText("edition", "届次", e, false); err != nil {
			return err
		} else {
			f.Edition = &e
		}
	}
	if f.Status != nil && !f.Status.Valid() {
		return FieldErrorf("status", "荣誉状态无效：%q", *f.Status)
	}
	f.RecipientName = strings.TrimSpace(f.RecipientName)
	if utf8.RuneCountInString(f.RecipientName) > MaxNameLength {
		return FieldErrorf("recipientName", "获得者名称不能超过 %d 个字", MaxNameLength)
	}
	if err := CheckText("recipientName", "获得者名称", f.RecipientName, false); err != nil {
		return err
	}
	for _, id := range []struct {
		field string
		v     *int64
	}{{"unitId", f.UnitID}, {"personId", f.PersonID}, {"projectId", f.ProjectID}, {"workId", f.WorkID}} {
		if id.v != nil && *id.v <= 0 {
			return FieldErrorf(id.field, "%s 无效", id.field)
		}
	}
	return nil
}

// MinutesFromHours converts hours to whole minutes, refusing negative hours and hours that are no whole number of
// minutes (1.5 is 90 minutes; 1.01 is 60.6 and is refused), so that sums stay exact.
func MinutesFromHours(field string, hours float64) (int64, error) {
	if math.IsNaN(hours) || math.IsInf(hours, 0) {
		return 0, FieldErrorf(field, "时长无效")
	}
	if hours < 0 {
		return 0, FieldErrorf(field, "时长不能为负数：%v", hours)
	}
	if hours > MaxHours {
		return 0, FieldErrorf(field, "时长须在 0 到 %d 小时之间，收到 %v 小时", MaxHours, hours)
	}
	m := hours * 60
	r := math.Round(m)
	if math.Abs(m-r) > 1e-6 {
		return 0, FieldErrorf(field, "时长须为整分钟（小时 × 60 为整数），收到 %v 小时", hours)
	}
	return int64(r), nil
}

// Validate checks a volunteer record's fields.
func (f *VolunteerRecordFields) Validate() error {
	if err := checkID("unitId", f.UnitID); err != nil {
		return err
	}
	if err := checkDate("date", f.Date); err != nil {
		return err
	}
	if f.Volunteers < 0 {
		return FieldErrorf("volunteers", "志愿者人数不能为负数：%d", f.Volunteers)
	}
	if f.Minutes < 0 {
		return FieldErrorf("hours", "时长不能为负数")
	}
	if err := CheckVolunteerCounts(int64(f.Volunteers), f.Minutes); err != nil {
		return err
	}
	if !f.Method.Valid() {
		return FieldErrorf("method", "记录方式无效：%q", f.Method)
	}
	return nil
}

var campaignCode = regexp.MustCompile(`^[A-Z][A-Z0-9_]{1,31}$`)

// Validate trims and checks a campaign's fields.
func (f *CampaignFields) Validate() error {
	f.Code = strings.TrimSpace(f.Code)
	if !campaignCode.MatchString(f.Code) {
		return FieldErrorf("code", "代码须为 2–32 位大写字母、数字或下划线，以字母开头：%q", f.Code)
	}
	if f.Code == RoutineCampaign || f.Code == AllCampaigns {
		return FieldErrorf("code", "代码 %s 为保留字", f.Code)
	}
	if err := cleanName("nameZh", "中文名称", &f.NameZh); err != nil {
		return err
	}
	if err := cleanName("nameEn", "英文名称", &f.NameEn); err != nil {
		return err
	}
	if !f.Kind.Valid() {
		return FieldErrorf("kind", "专项行动类型无效：%q", f.Kind)
	}
	if err := checkDate("startDate", f.StartDate); err != nil {
		return err
	}
	if f.EndDate != nil {
		if err := checkDate("endDate", *f.EndDate); err != nil {
			return err
		}
		if *f.EndDate < f.StartDate {
			return FieldErrorf("endDate", "结束日期 %s 早于开始日期 %s", *f.EndDate, f.StartDate)
		}
	}
	return cleanText("description", "说明", &f.Description)
}

// Validate checks a practice link's fields.
func (f *PracticeLinkFields) Validate() error {
	if err := checkID("unitId", f.UnitID); err != nil {
		return err
	}
	if err := checkID("centerId", f.CenterID); err != nil {
		return err
	}
	return CheckYear("sinceYear", f.SinceYear)
}

// Validate trims and checks a practice activity's fields.
func (f *PracticeActivityFields) Validate() error {
	if err := checkID("unitId", f.UnitID); err != nil {
		return err
	}
	if err := checkDate("date", f.Date); err != nil {
		return err
	}
	if !f.Kind.Valid() {
		return FieldErrorf("kind", "活动类型无效：%q", f.Kind)
	}
	if err := cleanName("theme", "活动主题", &f.Theme); err != nil {
		return err
	}
	if f.Sessions < 1 {
		return FieldErrorf("sessions", "场次至少为 1，收到 %d", f.Sessions)
	}
	if f.Participants < 0 {
		return FieldErrorf("participants", "参与人次不能为负数：%d", f.Participants)
	}
	if err := CheckActivityCounts(int64(f.Sessions), int64(f.Participants)); err != nil {
		return err
	}
	if f.Action != nil && !f.Action.Named() {
		return FieldErrorf("action", "原文未列出该行动的名称，活动不能归入：%q", *f.Action)
	}
	return nil
}

// Validate checks an assessment's fields; the store checks the indicator codes against the year's version.
func (f *AssessmentFields) Validate() error {
	if err := checkID("unitId", f.UnitID); err != nil {
		return err
	}
	if err := CheckYear("year", f.Year); err != nil {
		return err
	}
	if math.IsNaN(f.BaseScore) || f.BaseScore < 0 || f.BaseScore > 100 {
		return FieldErrorf("baseScore", "基础分须在 0 到 100 之间，收到 %v", f.BaseScore)
	}
	if math.IsNaN(f.Bonus) || f.Bonus < 0 || f.Bonus > MaxBonus {
		return FieldErrorf("bonus", "加分须在 0 到 %d 之间，收到 %v", MaxBonus, f.Bonus)
	}
	if !f.Stage.Valid() {
		return FieldErrorf("stage", "测评阶段无效：%q", f.Stage)
	}
	seen := map[string]bool{}
	for i := range f.Scores {
		s := &f.Scores[i]
		s.Code = strings.TrimSpace(s.Code)
		if s.Code == "" {
			return FieldErrorf("scores", "第 %d 项指标代码为空", i+1)
		}
		if seen[s.Code] {
			return FieldErrorf("scores", "指标 %s 重复", s.Code)
		}
		seen[s.Code] = true
		if math.IsNaN(s.Score) || s.Score < 0 {
			return FieldErrorf("scores", "指标 %s 的得分不能为负数：%v", s.Code, s.Score)
		}
		if s.Score > MaxIndicatorScore {
			return FieldErrorf("scores", "指标 %s 的得分须在 0 到 %d 之间，收到 %v", s.Code, MaxIndicatorScore, s.Score)
		}
	}
	return nil
}

// Validate checks a target's fields.
func (f *TargetFields) Validate() error {
	if !f.Metric.Valid() {
		return FieldErrorf("metric", "指标无效：%q", f.Metric)
	}
	if err := CheckYear("year", f.Year); err != nil {
		return err
	}
	if math.IsNaN(f.Value) || math.IsInf(f.Value, 0) || f.Value < 0 {
		return FieldErrorf("value", "目标值不能为负数：%v", f.Value)
	}
	if f.Value > MaxTargetValue {
		return FieldErrorf("value", "目标值须在 0 到 %g 之间，收到 %v", MaxTargetValue, f.Value)
	}
	return nil
}

// MaxCategoryPoints bounds a category's ranking points, so that one category cannot swamp every ranking by typo.
const MaxCategoryPoints = 100

// ValidateCategoryPoints checks that a category's ranking points are a number from 0 to MaxCategoryPoints.
func ValidateCategoryPoints(code string, points float64) error {
	if strings.TrimSpace(code) == "" {
		return FieldErrorf("code", "请填写荣誉类别代码")
	}
	if math.IsNaN(points) || math.IsInf(points, 0) || points < 0 || points > MaxCategoryPoints {
		return FieldErrorf("points", "积分须在 0 到 %d 之间，收到 %v", MaxCategoryPoints, points)
	}
	return nil
}

// RankingComponents lists the creation-index components a weights version must cover, each once.
var RankingComponents = []string{ComponentHonors, ComponentVolunteer, ComponentPractice, ComponentAssessment}

// ValidateRankingWeights checks that a weights version covers every component once, each in 0–1, adding up to 1.
func ValidateRankingWeights(fromYear int, ws []RankingWeightFields) error {
	if err := CheckYear("fromYear", fromYear); err != nil {
		return err
	}
	seen := map[string]bool{}
	var sum float64
	for _, w := range ws {
		if !slices.Contains(RankingComponents, w.Component) {
			return FieldErrorf("weights", "未知的组成项：%q（可选：%s）", w.Component, strings.Join(RankingComponents, "、"))
		}
		if seen[w.Component] {
			return FieldErrorf("weights", "组成项 %s 重复", w.Component)
		}
		seen[w.Component] = true
		if math.IsNaN(w.Weight) || w.Weight < 0 || w.Weight > 1 {
			return FieldErrorf("weights", "组成项 %s 的权重须在 0 到 1 之间，收到 %v", w.Component, w.Weight)
		}
		sum += w.Weight
	}
	if len(seen) != len(RankingComponents) {
		return FieldErrorf("weights", "须为全部 %d 个组成项各给一个权重（%s）", len(RankingComponents), strings.Join(RankingComponents, "、"))
	}
	if math.Abs(sum-1) > 1e-9 {
		return FieldErrorf("weights", "各项权重之和须为 1，收到 %s", fmt.Sprint(math.Round(sum*1e6)/1e6))
	}
	return nil
}

// RankingComponentLabelZh is the Chinese label of a creation-index component.
func RankingComponentLabelZh(component string) string { return componentLabels[component][0] }
