// Code in this file lists the enums shared by the store and the API; each validates itself when read from input.

package db

import (
	"io"
	"strings"
)

// FigureQualifier is how a published number is qualified: exact, 「余」 (at least), 「约」 (approximately), or both
// 「约…余」 (approximately, and at least), as in 「约164万余元」.
type FigureQualifier string

// Values of FigureQualifier.
const (
	QualifierExact FigureQualifier = "EXACT"

	QualifierAtLeast FigureQualifier = "AT_LEAST"

	QualifierApproximate FigureQualifier = "APPROXIMATE"

	QualifierApproximateAtLeast FigureQualifier = "APPROXIMATE_AT_LEAST"
)

// AllFigureQualifiers lists every valid FigureQualifier, in display order.
var AllFigureQualifiers = []FigureQualifier{QualifierExact, QualifierAtLeast, QualifierApproximate, QualifierApproximateAtLeast}

// MarshalGQL writes the value as a GraphQL enum.
func (v FigureQualifier) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *FigureQualifier) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "qualifier", AllFigureQualifiers)
}

// Valid reports whether v is a known FigureQualifier.
func (v FigureQualifier) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// ReconciliationStatus is the outcome of comparing a published figure with its records.
type ReconciliationStatus string

// Values of ReconciliationStatus.
const (
	ReconMatch ReconciliationStatus = "MATCH"

	ReconBelow ReconciliationStatus = "BELOW"

	ReconAbove ReconciliationStatus = "ABOVE"

	ReconNotTracked ReconciliationStatus = "NOT_TRACKED"
)

// AllReconciliationStatuses lists every valid ReconciliationStatus, in display order.
var AllReconciliationStatuses = []ReconciliationStatus{ReconMatch, ReconBelow, ReconAbove, ReconNotTracked}

// MarshalGQL writes the value as a GraphQL enum.
func (v ReconciliationStatus) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *ReconciliationStatus) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "status", AllReconciliationStatuses)
}

// Valid reports whether v is a known ReconciliationStatus.
func (v ReconciliationStatus) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// HonorLevel is the level that grants an honour: national, provincial or provincial-direct (省直).
type HonorLevel string

// Values of HonorLevel.
const (
	LevelNational HonorLevel = "NATIONAL"

	LevelProvincial HonorLevel = "PROVINCIAL"

	LevelProvincialDirect HonorLevel = "PROVINCIAL_DIRECT"
)

// AllHonorLevels lists every valid HonorLevel, in display order.
var AllHonorLevels = []HonorLevel{LevelNational, LevelProvincial, LevelProvincialDirect}

// MarshalGQL writes the value as a GraphQL enum.
func (v HonorLevel) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *HonorLevel) UnmarshalGQL(x any) error { return unmarshalEnum(v, x, "level", AllHonorLevels) }

// Valid reports whether v is a known HonorLevel.
func (v HonorLevel) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// RecipientKind is what kind of recipient an honour goes to; campuses count apart from units.
type RecipientKind string

// Values of RecipientKind.
const (
	RecipientUnit RecipientKind = "UNIT"

	RecipientCampus RecipientKind = "CAMPUS"

	RecipientPerson RecipientKind = "PERSON"

	RecipientProject RecipientKind = "PROJECT"

	RecipientWork RecipientKind = "WORK"

	RecipientWindow RecipientKind = "WINDOW"
	// RecipientCommunity is a 社区 (优秀志愿服务社区 of 「四个优秀」); it has no record table, so its honours carry only
	// the recipient name.
	RecipientCommunity RecipientKind = "COMMUNITY"
)

// AllRecipientKinds lists every valid RecipientKind, in display order.
var AllRecipientKinds = []RecipientKind{RecipientUnit, RecipientCampus, RecipientPerson, RecipientProject, RecipientWork, RecipientWindow, RecipientCommunity}

// MarshalGQL writes the value as a GraphQL enum.
func (v RecipientKind) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *RecipientKind) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "recipientKind", AllRecipientKinds)
}

// Valid reports whether v is a known RecipientKind.
func (v RecipientKind) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// HonorStatus is where an honour stands: awarded, recommended, recognised as enjoying a title's treatment, or nominated.
type HonorStatus string

// Values of HonorStatus.
const (
	StatusAwarded HonorStatus = "AWARDED"

	StatusRecommended HonorStatus = "RECOMMENDED"

	StatusTreatmentRecognised HonorStatus = "TREATMENT_RECOGNISED"

	StatusNominated HonorStatus = "NOMINATED"
)

// AllHonorStatuses lists every valid HonorStatus, in display order.
var AllHonorStatuses = []HonorStatus{StatusAwarded, StatusRecommended, StatusTreatmentRecognised, StatusNominated}

// MarshalGQL writes the value as a GraphQL enum.
func (v HonorStatus) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *HonorStatus) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "status", AllHonorStatuses)
}

// Valid reports whether v is a known HonorStatus.
func (v HonorStatus) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// HonorDimension is a dimension honours can be grouped by in flat statistics.
type HonorDimension string

// Values of HonorDimension.
const (
	HonorDimYear HonorDimension = "YEAR"

	HonorDimLevel HonorDimension = "LEVEL"

	HonorDimCategory HonorDimension = "CATEGORY"

	HonorDimRecipientKind HonorDimension = "RECIPIENT_KIND"

	HonorDimStatus HonorDimension = "STATUS"

	HonorDimUnitKind HonorDimension = "UNIT_KIND"

	HonorDimEdition HonorDimension = "EDITION"
)

// AllHonorDimensions lists every valid HonorDimension, in display order.
var AllHonorDimensions = []HonorDimension{HonorDimYear, HonorDimLevel, HonorDimCategory, HonorDimRecipientKind, HonorDimStatus, HonorDimUnitKind, HonorDimEdition}

// MarshalGQL writes the value as a GraphQL enum.
func (v HonorDimension) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *HonorDimension) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "groupBy", AllHonorDimensions)
}

// Valid reports whether v is a known HonorDimension.
func (v HonorDimension) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// HonorOrderField is the field honours can be sorted by.
type HonorOrderField string

// Values of HonorOrderField.
const (
	HonorOrderByID HonorOrderField = "ID"

	HonorOrderByYear HonorOrderField = "YEAR"

	HonorOrderByCategory HonorOrderField = "CATEGORY"

	HonorOrderByRecipient HonorOrderField = "RECIPIENT"
)

// AllHonorOrderFields lists every valid HonorOrderField, in display order.
var AllHonorOrderFields = []HonorOrderField{HonorOrderByID, HonorOrderByYear, HonorOrderByCategory, HonorOrderByRecipient}

// MarshalGQL writes the value as a GraphQL enum.
func (v HonorOrderField) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *HonorOrderField) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "field", AllHonorOrderFields)
}

// Valid reports whether v is a known HonorOrderField.
func (v HonorOrderField) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// OrderDirection is a sort direction.
type OrderDirection string

// Values of OrderDirection.
const (
	OrderDirectionAsc OrderDirection = "ASC"

	OrderDirectionDesc OrderDirection = "DESC"
)

// AllOrderDirections lists every valid OrderDirection, in display order.
var AllOrderDirections = []OrderDirection{OrderDirectionAsc, OrderDirectionDesc}

// MarshalGQL writes the value as a GraphQL enum.
func (v OrderDirection) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *OrderDirection) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "direction", AllOrderDirections)
}

// Valid reports whether v is a known OrderDirection.
func (v OrderDirection) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// RecordingMethod is how volunteer hours were captured, after 《志愿服务记录与证明出具办法》.
type RecordingMethod string

// Values of RecordingMethod.
const (
	MethodSignIn RecordingMethod = "SIGN_IN"

	MethodShift RecordingMethod = "SHIFT"

	MethodSelfReport RecordingMethod = "SELF_REPORT"

	MethodBackfill RecordingMethod = "BACKFILL"
)

// AllRecordingMethods lists every valid RecordingMethod, in display order.
var AllRecordingMethods = []RecordingMethod{MethodSignIn, MethodShift, MethodSelfReport, MethodBackfill}

// MarshalGQL writes the value as a GraphQL enum.
func (v RecordingMethod) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *RecordingMethod) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "method", AllRecordingMethods)
}

// Valid reports whether v is a known RecordingMethod.
func (v RecordingMethod) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// VolunteerDimension is a dimension volunteer records can be grouped by in flat statistics.
type VolunteerDimension string

// Values of VolunteerDimension.
const (
	VolDimYear VolunteerDimension = "YEAR"

	VolDimMonth VolunteerDimension = "MONTH"

	VolDimCampaign VolunteerDimension = "CAMPAIGN"

	VolDimUnitKind VolunteerDimension = "UNIT_KIND"

	VolDimUnit VolunteerDimension = "UNIT"

	VolDimMethod VolunteerDimension = "METHOD"

	VolDimVerified VolunteerDimension = "VERIFIED"
)

// AllVolunteerDimensions lists every valid VolunteerDimension, in display order.
var AllVolunteerDimensions = []VolunteerDimension{VolDimYear, VolDimMonth, VolDimCampaign, VolDimUnitKind, VolDimUnit, VolDimMethod, VolDimVerified}

// MarshalGQL writes the value as a GraphQL enum.
func (v VolunteerDimension) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *VolunteerDimension) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "groupBy", AllVolunteerDimensions)
}

// Valid reports whether v is a known VolunteerDimension.
func (v VolunteerDimension) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// CampaignKind is the kind of relief campaign.
type CampaignKind string

// Values of CampaignKind.
const (
	CampaignEpidemic CampaignKind = "EPIDEMIC"

	CampaignFlood CampaignKind = "FLOOD"

	CampaignAid CampaignKind = "AID"
)

// AllCampaignKinds lists every valid CampaignKind, in display order.
var AllCampaignKinds = []CampaignKind{CampaignEpidemic, CampaignFlood, CampaignAid}

// MarshalGQL writes the value as a GraphQL enum.
func (v CampaignKind) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *CampaignKind) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "kind", AllCampaignKinds)
}

// Valid reports whether v is a known CampaignKind.
func (v CampaignKind) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// DonationKind is whether a donation is cash or materials valued in yuan.
type DonationKind string

// Values of DonationKind.
const (
	DonationCash DonationKind = "CASH"

	DonationMaterial DonationKind = "MATERIAL"
)

// AllDonationKinds lists every valid DonationKind, in display order.
var AllDonationKinds = []DonationKind{DonationCash, DonationMaterial}

// MarshalGQL writes the value as a GraphQL enum.
func (v DonationKind) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *DonationKind) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "kind", AllDonationKinds)
}

// Valid reports whether v is a known DonationKind.
func (v DonationKind) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// ActivityKind is the kind of civilisation-practice activity.
type ActivityKind string

// Values of ActivityKind.
const (
	ActivityPromotionWeek ActivityKind = "PROMOTION_WEEK"

	ActivityHeritageTalk ActivityKind = "HERITAGE_TALK"

	ActivityPairing ActivityKind = "PAIRING"

	ActivityRoutine ActivityKind = "ROUTINE"
)

// AllActivityKinds lists every valid ActivityKind, in display order.
var AllActivityKinds = []ActivityKind{ActivityPromotionWeek, ActivityHeritageTalk, ActivityPairing, ActivityRoutine}

// MarshalGQL writes the value as a GraphQL enum.
func (v ActivityKind) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *ActivityKind) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "kind", AllActivityKinds)
}

// Valid reports whether v is a known ActivityKind.
func (v ActivityKind) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// WorkSelection is the highest level a 赶考路上有我 work was selected at.
type WorkSelection string

// Values of WorkSelection.
const (
	WorkCollected WorkSelection = "COLLECTED"

	WorkProvincialDirect WorkSelection = "PROVINCIAL_DIRECT"

	WorkProvincial WorkSelection = "PROVINCIAL"
)

// AllWorkSelections lists every valid WorkSelection, in display order.
var AllWorkSelections = []WorkSelection{WorkCollected, WorkProvincialDirect, WorkProvincial}

// MarshalGQL writes the value as a GraphQL enum.
func (v WorkSelection) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *WorkSelection) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "selection", AllWorkSelections)
}

// Valid reports whether v is a known WorkSelection.
func (v WorkSelection) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// AssessmentStage is the stage a unit's assessment reached: 申报 → 网络评审 → 实地考察 → 公示 → 命名 → 复查/撤销.
type AssessmentStage string

// Values of AssessmentStage.
const (
	StageApplied AssessmentStage = "APPLIED"

	StageOnlineReview AssessmentStage = "ONLINE_REVIEW"

	StageSiteVisit AssessmentStage = "SITE_VISIT"

	StagePublicNotice AssessmentStage = "PUBLIC_NOTICE"

	StageNamed AssessmentStage = "NAMED"

	StageReviewed AssessmentStage = "REVIEWED"

	StageRevoked AssessmentStage = "REVOKED"
)

// AllAssessmentStages lists every valid AssessmentStage, in display order.
var AllAssessmentStages = []AssessmentStage{StageApplied, StageOnlineReview, StageSiteVisit, StagePublicNotice, StageNamed, StageReviewed, StageRevoked}

// MarshalGQL writes the value as a GraphQL enum.
func (v AssessmentStage) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *AssessmentStage) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "stage", AllAssessmentStages)
}

// Valid reports whether v is a known AssessmentStage.
func (v AssessmentStage) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// ProgressMetric is a metric with a yearly series on the dashboard.
type ProgressMetric string

// Values of ProgressMetric.
const (
	ProgressHonorsNational ProgressMetric = "HONORS_NATIONAL"

	ProgressHonorsProvincial ProgressMetric = "HONORS_PROVINCIAL"

	ProgressHonorsProvincialDirect ProgressMetric = "HONORS_PROVINCIAL_DIRECT"

	ProgressHonorsTotal ProgressMetric = "HONORS_TOTAL"

	ProgressHonorsTreatment ProgressMetric = "HONORS_TREATMENT_RECOGNISED"

	ProgressHonorsRecommended ProgressMetric = "HONORS_RECOMMENDED"

	ProgressVolunteerHours ProgressMetric = "VOLUNTEER_HOURS"

	ProgressVolunteers ProgressMetric = "VOLUNTEERS"

	ProgressPracticeActivities ProgressMetric = "PRACTICE_ACTIVITIES"

	ProgressAverageAssessmentScore ProgressMetric = "AVERAGE_ASSESSMENT_SCORE"

	ProgressGoodPeople ProgressMetric = "GOOD_PEOPLE"

	ProgressMoralModels ProgressMetric = "MORAL_MODELS"
)

// AllProgressMetrics lists every valid ProgressMetric, in display order.
var AllProgressMetrics = []ProgressMetric{ProgressHonorsNational, ProgressHonorsProvincial, ProgressHonorsProvincialDirect, ProgressHonorsTotal, ProgressHonorsTreatment, ProgressHonorsRecommended, ProgressVolunteerHours, ProgressVolunteers, ProgressPracticeActivities, ProgressAverageAssessmentScore, ProgressGoodPeople, ProgressMoralModels}

// MarshalGQL writes the value as a GraphQL enum.
func (v ProgressMetric) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *ProgressMetric) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "metric", AllProgressMetrics)
}

// Valid reports whether v is a known ProgressMetric.
func (v ProgressMetric) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// RankingMetric is a metric units can be ranked by.
type RankingMetric string

// Values of RankingMetric.
const (
	RankCreationIndex RankingMetric = "CREATION_INDEX"

	RankHonorPoints RankingMetric = "HONOR_POINTS"

	RankVolunteerHours RankingMetric = "VOLUNTEER_HOURS"

	RankAssessmentScore RankingMetric = "ASSESSMENT_SCORE"
)

// AllRankingMetrics lists every valid RankingMetric, in display order.
var AllRankingMetrics = []RankingMetric{RankCreationIndex, RankHonorPoints, RankVolunteerHours, RankAssessmentScore}

// MarshalGQL writes the value as a GraphQL enum.
func (v RankingMetric) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *RankingMetric) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "metric", AllRankingMetrics)
}

// Valid reports whether v is a known RankingMetric.
func (v RankingMetric) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// RankingOrder is whether a ranking lists its top or its bottom.
type RankingOrder string

// Values of RankingOrder.
const (
	RankingTop RankingOrder = "TOP"

	RankingBottom RankingOrder = "BOTTOM"
)

// AllRankingOrders lists every valid RankingOrder, in display order.
var AllRankingOrders = []RankingOrder{RankingTop, RankingBottom}

// MarshalGQL writes the value as a GraphQL enum.
func (v RankingOrder) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *RankingOrder) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "order", AllRankingOrders)
}

// Valid reports whether v is a known RankingOrder.
func (v RankingOrder) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// Basis is where a value comes from, so that a leader can tell a published fact from configuration or an estimate.
type Basis string

// Values of Basis.
const (
	// BasisPublished is a value from a source document (公布).
	BasisPublished Basis = "PUBLISHED"

	// BasisOffice is a value the office entered, such as a target or a weight an admin set (本办录入).
	BasisOffice Basis = "OFFICE"

	// BasisDefault is shipped configuration that nobody has confirmed yet (默认配置).
	BasisDefault Basis = "DEFAULT"

	// BasisEstimate is our own estimate, such as a campaign's end date (估计).
	BasisEstimate Basis = "ESTIMATE"
)

// AllBases lists every valid Basis, in display order.
var AllBases = []Basis{BasisPublished, BasisOffice, BasisDefault, BasisEstimate}

// MarshalGQL writes the value as a GraphQL enum.
func (v Basis) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *Basis) UnmarshalGQL(x any) error { return unmarshalEnum(v, x, "basis", AllBases) }

// Valid reports whether v is a known Basis.
func (v Basis) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// Or is the basis, or def for a row that carries none, so that a stored row always says where its value comes from.
func (v Basis) Or(def Basis) Basis {
	if v == "" {
		return def
	}
	return v
}

// JoinEnums is how a list of enum values is stored: one comma-separated column, the same on every engine.
func JoinEnums[T ~string](vs []T) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = string(v)
	}
	return strings.Join(parts, ",")
}

// SplitEnums reads a list stored by JoinEnums back; an empty column is an empty list.
func SplitEnums[T ~string](s string) []T {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	out := make([]T, len(parts))
	for i, p := range parts {
		out[i] = T(p)
	}
	return out
}

// KpiKind says how a KPI adds up over a range of years.
type KpiKind string

// Values of KpiKind.
const (
	// KpiFlow sums the records of every selected year (honours, hours, person-times, donations).
	KpiFlow KpiKind = "FLOW"
	// KpiStock counts what stands at the end of the last selected year (linked units, centres, federation members).
	KpiStock KpiKind = "STOCK"
)

// AllKpiKinds lists every valid KpiKind.
var AllKpiKinds = []KpiKind{KpiFlow, KpiStock}

// MarshalGQL writes the value as a GraphQL enum.
func (v KpiKind) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *KpiKind) UnmarshalGQL(x any) error { return unmarshalEnum(v, x, "kind", AllKpiKinds) }
