// Code in this file models what the 2019–2024 summary article describes but the other records do not hold: the
// 六大行动 of civilisation practice, 「四送一助力」 pairing content, 「灾后助重建点亮微心愿」 wishes, the
// 《省直精神文明建设工作优秀案例汇编》 and its cases, the 省直精神文明建设工作人才库, and the meetings and trainings.

package db

import (
	"context"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// PracticeAction is one of the 六大行动 of civilisation practice. The article names four; the fifth and sixth
// stand for the two it counts but does not name, and are never given invented names.
type PracticeAction string

// Values of PracticeAction.
const (
	ActionTheory   PracticeAction = "THEORY"
	ActionValues   PracticeAction = "VALUES"
	ActionCulture  PracticeAction = "CULTURE"
	ActionService  PracticeAction = "SERVICE"
	ActionUnnamed5 PracticeAction = "UNNAMED_5"
	ActionUnnamed6 PracticeAction = "UNNAMED_6"
)

// AllPracticeActions lists every PracticeAction, in the article's order.
var AllPracticeActions = []PracticeAction{ActionTheory, ActionValues, ActionCulture, ActionService, ActionUnnamed5, ActionUnnamed6}

// MarshalGQL writes the value as a GraphQL enum.
func (v PracticeAction) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *PracticeAction) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "action", AllPracticeActions)
}

// Valid reports whether v is a known PracticeAction.
func (v PracticeAction) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// Named reports whether the article names the action, so that an activity may be filed under it.
func (v PracticeAction) Named() bool { return v != ActionUnnamed5 && v != ActionUnnamed6 && v.Valid() }

// PracticeActionInfo is a row of the 六大行动 catalogue, with how many activities are filed under it.
type PracticeActionInfo struct {
	Code     PracticeAction
	Position int
	NameZh   string
	NameEn   string
	// Identified is false for the two actions the article counts but does not name.
	Identified bool
	Quote      string
	SourceID   *int64
	Note       string
	// Activities, Sessions and DemoActivities are counted from the practice activities filed under the action.
	Activities     int
	Sessions       int
	DemoActivities int
}

// PairingContent is one item of 「四送一助力」, the content a 结对帮创 pairing brings to its township.
type PairingContent string

// Values of PairingContent, in the article's order: 送政策、送文化、送健康、送温暖、助力乡村振兴.
const (
	ContentPolicy  PairingContent = "POLICY"
	ContentCulture PairingContent = "CULTURE"
	ContentHealth  PairingContent = "HEALTH"
	ContentWarmth  PairingContent = "WARMTH"
	ContentRural   PairingContent = "RURAL_REVITALISATION"
)

// AllPairingContents lists every PairingContent, in the article's order.
var AllPairingContents = []PairingContent{ContentPolicy, ContentCulture, ContentHealth, ContentWarmth, ContentRural}

// MarshalGQL writes the value as a GraphQL enum.
func (v PairingContent) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *PairingContent) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "content", AllPairingContents)
}

// NameZh is the item as the article writes it.
func (v PairingContent) NameZh() string { return pairingContentZh[v] }

var pairingContentZh = map[PairingContent]string{ContentPolicy: "送政策", ContentCulture: "送文化", ContentHealth: "送健康",
	ContentWarmth: "送温暖", ContentRural: "助力乡村振兴"}

// PairingContentQuote is the article's sentence that lists the 「四送一助力」 items.
const PairingContentQuote = "开展以“送政策、送文化、送健康、送温暖和助力乡村振兴”为主要内容的“四送一助力”结对帮创活动"

// PairingContentCount counts the pairings that bring one item, and how many of them are demo records.
type PairingContentCount struct {
	Item         PairingContent
	Pairings     int
	DemoPairings int
}

// WishStage is where a 「微心愿」 stands among the article's four steps: 征集、发布、认领、实施.
type WishStage string

// Values of WishStage, in order.
const (
	WishCollected WishStage = "COLLECTED"
	WishPublished WishStage = "PUBLISHED"
	WishClaimed   WishStage = "CLAIMED"
	WishFulfilled WishStage = "FULFILLED"
)

// AllWishStages lists every WishStage, in the article's order.
var AllWishStages = []WishStage{WishCollected, WishPublished, WishClaimed, WishFulfilled}

// MarshalGQL writes the value as a GraphQL enum.
func (v WishStage) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *WishStage) UnmarshalGQL(x any) error { return unmarshalEnum(v, x, "stage", AllWishStages) }

// Valid reports whether v is a known WishStage.
func (v WishStage) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// Claimed reports whether a unit has claimed the wish at this stage (认领 or 实施).
func (v WishStage) Claimed() bool { return v == WishClaimed || v == WishFulfilled }

// WishQuote is the article's sentence on the wishes.
const WishQuote = "组织开展“灾后助重建点亮微心愿”志愿服务活动,动员各级文明单位面向结对帮扶村、共建社区,通过征集、发布、认领、实施“微心愿”,力所能及为群众办实事"

// Wish is one 「微心愿」 of a paired village or community; a unit claims it from 认领 on.
type Wish struct {
	ID          int64
	Title       string
	Beneficiary string
	PairingID   *int64
	Stage       WishStage
	UnitID      *int64
	CollectedOn Date
	Note        string
	Demo        bool
	Version     int
}

// WishCriteria narrows the wishes; zero fields do not filter.
type WishCriteria struct {
	Stage  WishStage
	UnitID int64
	Demo   *bool
}

// WishEdge is a wish with its cursor.
type WishEdge struct {
	Cursor string
	Node   *Wish
}

// WishConnection is one page of wishes, by collection date then ID.
type WishConnection struct {
	Edges      []*WishEdge
	PageInfo   PageInfo
	TotalCount int
}

// WishStageCount is one step of the wish funnel: the wishes standing at the stage now, and those that reached it
// (standing there or further on), each with how many of them are demo records.
type WishStageCount struct {
	Stage       WishStage
	AtStage     int
	Reached     int
	DemoAtStage int
	DemoReached int
}

// WishFunnel turns the wishes standing at each stage into the funnel of the four stages: a wish being carried out
// (实施) was also collected, published and claimed, so "reached" sums its own stage and every later one.
func WishFunnel(at, demoAt map[WishStage]int) []*WishStageCount {
	out := make([]*WishStageCount, len(AllWishStages))
	reached, demoReached := 0, 0
	for i := len(AllWishStages) - 1; i >= 0; i-- {
		s := AllWishStages[i]
		reached += at[s]
		demoReached += demoAt[s]
		out[i] = &WishStageCount{Stage: s, AtStage: at[s], Reached: reached, DemoAtStage: demoAt[s], DemoReached: demoReached}
	}
	return out
}

// CaseCompilation is a compilation of excellent cases; the 《省直精神文明建设工作优秀案例汇编》 is real.
type CaseCompilation struct {
	ID       int64
	Title    string
	Quote    string
	SourceID *int64
	Demo     bool
	// CaseCount and DemoCaseCount count the cases filed in it.
	CaseCount     int
	DemoCaseCount int
}

// ExcellentCase is one case in a compilation: a unit's successful experience or new practice.
type ExcellentCase struct {
	ID            int64
	CompilationID int64
	Title         string
	UnitID        *int64
	Year          *int
	Summary       string
	Demo          bool
	Version       int
}

// CaseCriteria narrows the cases; zero fields do not filter.
type CaseCriteria struct {
	CompilationID int64
	UnitID        int64
	Demo          *bool
}

// ExcellentCaseEdge is a case with its cursor.
type ExcellentCaseEdge struct {
	Cursor string
	Node   *ExcellentCase
}

// ExcellentCaseConnection is one page of cases, by ID.
type ExcellentCaseConnection struct {
	Edges      []*ExcellentCaseEdge
	PageInfo   PageInfo
	TotalCount int
}

// TalentRole is work a member of the 省直精神文明建设工作人才库 serves in; the article names 「网络评审、实地考察、
// 先进评选等工作」.
type TalentRole string

// Values of TalentRole, in the article's order.
const (
	RoleOnlineReview      TalentRole = "ONLINE_REVIEW"
	RoleSiteVisit         TalentRole = "SITE_VISIT"
	RoleAdvancedSelection TalentRole = "ADVANCED_SELECTION"
)

// talentRoleListForError names the roles in messages, code and Chinese together.
const talentRoleListForError = "ONLINE_REVIEW（网络评审）、SITE_VISIT（实地考察）、ADVANCED_SELECTION（先进评选）"

// AllTalentRoles lists every TalentRole, in the article's order.
var AllTalentRoles = []TalentRole{RoleOnlineReview, RoleSiteVisit, RoleAdvancedSelection}

// TalentRolesJSON is how a member's roles are stored: a JSON array, which both engines can search.
func TalentRolesJSON(rs []TalentRole) string {
	if len(rs) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(rs)
	return string(b)
}

// MarshalGQL writes the value as a GraphQL enum.
func (v TalentRole) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *TalentRole) UnmarshalGQL(x any) error { return unmarshalEnum(v, x, "role", AllTalentRoles) }

// Valid reports whether v is a known TalentRole.
func (v TalentRole) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// TalentPoolQuote is the article's sentence on the talent pool.
const TalentPoolQuote = "更新调整省直精神文明建设工作人才库,注重在网络评审、实地考察、先进评选等工作中发挥作用"

// TalentMember is a member of the 省直精神文明建设工作人才库 and the work they serve in.
type TalentMember struct {
	ID        int64
	Name      string
	UnitID    *int64
	SinceYear int
	Roles     []TalentRole
	Demo      bool
	Version   int
}

// TalentCriteria narrows the talent pool; zero fields do not filter.
type TalentCriteria struct {
	Role TalentRole
	Demo *bool
}

// TalentMemberEdge is a member with its cursor.
type TalentMemberEdge struct {
	Cursor string
	Node   *TalentMember
}

// TalentMemberConnection is one page of the talent pool, by ID.
type TalentMemberConnection struct {
	Edges      []*TalentMemberEdge
	PageInfo   PageInfo
	TotalCount int
}

// TalentRoleCount counts the members serving in one kind of work.
type TalentRoleCount struct {
	Role        TalentRole
	Members     int
	DemoMembers int
}

// EventKind is the kind of a meeting or training of provincial-direct civilisation work.
type EventKind string

// Values of EventKind.
const (
	EventTraining            EventKind = "TRAINING"
	EventProgressMeeting     EventKind = "PROGRESS_MEETING"
	EventObservation         EventKind = "OBSERVATION_EXCHANGE"
	EventBusinessEnvironment EventKind = "BUSINESS_ENVIRONMENT_MEETING"
	EventLaunchCeremony      EventKind = "LAUNCH_CEREMONY"
)

// AllEventKinds lists every EventKind.
var AllEventKinds = []EventKind{EventTraining, EventProgressMeeting, EventObservation, EventBusinessEnvironment, EventLaunchCeremony}

// MarshalGQL writes the value as a GraphQL enum.
func (v EventKind) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *EventKind) UnmarshalGQL(x any) error { return unmarshalEnum(v, x, "kind", AllEventKinds) }

// Valid reports whether v is a known EventKind.
func (v EventKind) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// CivilisationEvent is a meeting or training. Date is nil when the source gives none; such an event is shown as
// 「原文未注明日期」, never given a guessed date.
type CivilisationEvent struct {
	ID          int64
	Kind        EventKind
	Title       string
	Date        *Date
	Place       string
	MilestoneID *int64
	Quote       string
	SourceID    *int64
	Demo        bool
	Version     int
}

// EventCriteria narrows the events; zero fields do not filter.
type EventCriteria struct {
	Kind  EventKind
	Dated *bool
	Demo  *bool
}

// CivilisationEventEdge is an event with its cursor.
type CivilisationEventEdge struct {
	Cursor string
	Node   *CivilisationEvent
}

// CivilisationEventConnection is one page of events: dated ones by date, then undated ones, each by ID.
type CivilisationEventConnection struct {
	Edges      []*CivilisationEventEdge
	PageInfo   PageInfo
	TotalCount int
}

// ArticleData is the part of a dataset this file models, loaded with the rest of it.
type ArticleData struct {
	Actions         []*PracticeActionInfo
	PairingContents map[int64][]PairingContent
	Wishes          []*Wish
	Compilations    []*CaseCompilation
	Cases           []*ExcellentCase
	TalentMembers   []*TalentMember
	Events          []*CivilisationEvent
}

// ArticleStore reads and writes the records of this file; writes follow WriteStore's rules (one transaction,
// audit entry, data version, expectedVersion).
type ArticleStore interface {
	PracticeActions(ctx context.Context) ([]*PracticeActionInfo, error)
	PairingContents(ctx context.Context, pairingIDs []int64) (map[int64][]PairingContent, error)
	PairingContentCounts(ctx context.Context) ([]*PairingContentCount, error)
	Wishes(ctx context.Context, filter WishCriteria, page Page) (*WishConnection, error)
	WishesByIDs(ctx context.Context, ids []int64) (map[int64]*Wish, error)
	WishFunnel(ctx context.Context) ([]*WishStageCount, error)
	CaseCompilations(ctx context.Context) ([]*CaseCompilation, error)
	ExcellentCases(ctx context.Context, filter CaseCriteria, page Page) (*ExcellentCaseConnection, error)
	ExcellentCasesByIDs(ctx context.Context, ids []int64) (map[int64]*ExcellentCase, error)
	TalentMembers(ctx context.Context, filter TalentCriteria, page Page) (*TalentMemberConnection, error)
	TalentMembersByIDs(ctx context.Context, ids []int64) (map[int64]*TalentMember, error)
	TalentRoleCounts(ctx context.Context) ([]*TalentRoleCount, error)
	CivilisationEvents(ctx context.Context, filter EventCriteria, page Page) (*CivilisationEventConnection, error)
	CivilisationEventsByIDs(ctx context.Context, ids []int64) (map[int64]*CivilisationEvent, error)

	CreateWish(ctx context.Context, in WishFields) (*Wish, error)
	UpdateWish(ctx context.Context, id int64, expectedVersion int, in WishFields) (*Wish, error)
	CreateExcellentCase(ctx context.Context, in ExcellentCaseFields) (*ExcellentCase, error)
	UpdateExcellentCase(ctx context.Context, id int64, expectedVersion int, in ExcellentCaseFields) (*ExcellentCase, error)
	CreateTalentMember(ctx context.Context, in TalentMemberFields) (*TalentMember, error)
	UpdateTalentMember(ctx context.Context, id int64, expectedVersion int, in TalentMemberFields) (*TalentMember, error)
	CreateCivilisationEvent(ctx context.Context, in CivilisationEventFields) (*CivilisationEvent, error)
	UpdateCivilisationEvent(ctx context.Context, id int64, expectedVersion int, in CivilisationEventFields) (*CivilisationEvent, error)
}

// Entities of this file, for writes, the recycle bin and the audit log.
const (
	EntityWish              Entity = "WISH"
	EntityExcellentCase     Entity = "EXCELLENT_CASE"
	EntityTalentMember      Entity = "TALENT_MEMBER"
	EntityCivilisationEvent Entity = "CIVILISATION_EVENT"
)

func init() {
	AllEntities = append(AllEntities, EntityWish, EntityExcellentCase, EntityTalentMember, EntityCivilisationEvent)
	entityZh[EntityWish] = "微心愿"
	entityZh[EntityExcellentCase] = "优秀案例"
	entityZh[EntityTalentMember] = "人才库成员"
	entityZh[EntityCivilisationEvent] = "会议培训活动"
}

// WishFields is what an editor sets on a wish. A claimed or fulfilled wish names the unit that claimed it; a wish
// still being collected or published names none.
type WishFields struct {
	Title       string
	Beneficiary string
	PairingID   *int64
	Stage       WishStage
	UnitID      *int64
	CollectedOn Date
	Note        string
}

// Validate trims and checks a wish's fields.
func (f *WishFields) Validate() error {
	if err := cleanName("title", "心愿内容", &f.Title); err != nil {
		return err
	}
	if err := cleanName("beneficiary", "心愿所在村（社区）", &f.Beneficiary); err != nil {
		return err
	}
	if !f.Stage.Valid() {
		return FieldErrorf("stage", "心愿阶段无效：%q（可选：COLLECTED 征集、PUBLISHED 发布、CLAIMED 认领、FULFILLED 实施）", f.Stage)
	}
	if f.Stage.Claimed() && f.UnitID == nil {
		return FieldErrorf("unitId", "已认领或实施的心愿须填写认领单位")
	}
	if !f.Stage.Claimed() && f.UnitID != nil {
		return FieldErrorf("unitId", "心愿尚在征集或发布阶段，不应填写认领单位")
	}
	if f.UnitID != nil && *f.UnitID <= 0 {
		return FieldErrorf("unitId", "unitId 无效")
	}
	if f.PairingID != nil && *f.PairingID <= 0 {
		return FieldErrorf("pairingId", "pairingId 无效")
	}
	if err := checkDate("collectedOn", f.CollectedOn); err != nil {
		return err
	}
	return cleanText("note", "备注", &f.Note)
}

// ExcellentCaseFields is what an editor sets on a case.
type ExcellentCaseFields struct {
	CompilationID int64
	Title         string
	UnitID        *int64
	Year          *int
	Summary       string
}

// Validate trims and checks a case's fields.
func (f *ExcellentCaseFields) Validate() error {
	if err := checkID("compilationId", f.CompilationID); err != nil {
		return err
	}
	if err := cleanName("title", "案例标题", &f.Title); err != nil {
		return err
	}
	if f.UnitID != nil && *f.UnitID <= 0 {
		return FieldErrorf("unitId", "unitId 无效")
	}
	if f.Year != nil {
		if err := CheckYear("year", *f.Year); err != nil {
			return err
		}
	}
	return cleanText("summary", "案例简介", &f.Summary)
}

// TalentMemberFields is what an editor sets on a member of the talent pool.
type TalentMemberFields struct {
	Name      string
	UnitID    *int64
	SinceYear int
	Roles     []TalentRole
}

// Validate trims and checks a member's fields; roles are kept once each, in the article's order.
func (f *TalentMemberFields) Validate() error {
	if err := cleanName("name", "姓名", &f.Name); err != nil {
		return err
	}
	if f.UnitID != nil && *f.UnitID <= 0 {
		return FieldErrorf("unitId", "unitId 无效")
	}
	if err := CheckYear("sinceYear", f.SinceYear); err != nil {
		return err
	}
	if len(f.Roles) == 0 {
		return FieldErrorf("roles", "须至少选择一项承担的工作：%s", talentRoleListForError)
	}
	var roles []TalentRole
	for _, r := range AllTalentRoles {
		if slices.Contains(f.Roles, r) {
			roles = append(roles, r)
		}
	}
	for _, r := range f.Roles {
		if !r.Valid() {
			return FieldErrorf("roles", "承担的工作无效：%q（可选：%s）", r, talentRoleListForError)
		}
	}
	f.Roles = roles
	return nil
}

// CivilisationEventFields is what an editor sets on an event. Editors record events of the office; the article's
// own quotes and source are set only by the seed.
type CivilisationEventFields struct {
	Kind  EventKind
	Title string
	Date  *Date
	Place string
}

// Validate trims and checks an event's fields.
func (f *CivilisationEventFields) Validate() error {
	if !f.Kind.Valid() {
		return FieldErrorf("kind", "活动类型无效：%q", f.Kind)
	}
	if err := cleanName("title", "活动名称", &f.Title); err != nil {
		return err
	}
	if f.Date != nil {
		if strings.TrimSpace(string(*f.Date)) == "" {
			f.Date = nil
		} else if err := checkDate("date", *f.Date); err != nil {
			return err
		}
	}
	f.Place = strings.TrimSpace(f.Place)
	if utf8.RuneCountInString(f.Place) > MaxNameLength {
		return FieldErrorf("place", "地点不能超过 %d 个字", MaxNameLength)
	}
	return CheckText("place", "地点", f.Place, false)
}
