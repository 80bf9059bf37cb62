package db

import (
	"fmt"
	"math"
	"strings"
)

// Metric names a quantity that records add up to, in a small language every backend evaluates:
//
//	honors:CODE[,CODE…][@STATUS[,STATUS…]]
//	                              honours in the categories, of the statuses after @ (any status without @)
//	works:collected               works of 赶考路上有我
//	volunteers:CAMPAIGN           volunteers (person-times) of a campaign's records
//	hours:CAMPAIGN                service hours of a campaign's records
//	cash:CAMPAIGN                 cash donated to a campaign, in yuan
//	material:CAMPAIGN             materials donated to a campaign, valued in yuan
//	boxes:CAMPAIGN                boxes of materials shipped to a campaign
//	batches:CAMPAIGN              shipments (批次) to a campaign
//	donors:CAMPAIGN               units that donated to a campaign
//	federation:GROUP|INDIVIDUAL   federation members who joined by the last year (a stock)
//	practice:linked_units         units linked to a practice centre by the last year (a stock)
//	practice:centers              distinct identified practice centres that links point to (not catalogue rows)
//	sessions:KIND                 practice activity sessions of a kind
//	participants:KIND             practice activity participants of a kind
//	projects:all                  volunteer projects
//	volunteers:ALL, hours:ALL     all volunteer records
type Metric string

// Parts splits a metric into its kind and its argument.
func (m Metric) Parts() (kind, arg string) {
	kind, arg, _ = strings.Cut(string(m), ":")
	return kind, arg
}

// HonorParts splits an honours metric's argument into its category codes and the statuses it counts (none: any).
func (m Metric) HonorParts() (codes []string, statuses []HonorStatus) {
	_, arg := m.Parts()
	cs, ss, _ := strings.Cut(arg, "@")
	codes = strings.Split(cs, ",")
	if ss != "" {
		for _, s := range strings.Split(ss, ",") {
			statuses = append(statuses, HonorStatus(s))
		}
	}
	return codes, statuses
}

// AllCampaigns is the campaign argument of a metric that covers every volunteer record.
const AllCampaigns = "ALL"

// KpiDef defines one headline KPI of the overview, so that every backend computes the same list.
type KpiDef struct {
	Key       string
	LabelZh   string
	LabelEn   string
	Unit      string
	Metric    Metric
	FigureKey string
	// CompanionKey names the figure the article states beside this one and the KPI does not count (campuses).
	CompanionKey string
	// NoteZh and NoteEn say what the records count when it differs from the figure.
	NoteZh, NoteEn string
	// Kind says whether the KPI adds up over the years (a flow) or counts what stands at the end of the last year
	// (a stock), so that a card and a comparison with the published figure say which.
	Kind KpiKind
}

// PersonTimesZh and PersonTimesEn label a count of volunteer records, which count person-times (人次), not people (名).
const (
	PersonTimesZh = "记录为人次"
	PersonTimesEn = "Records count person-times"
)

// OverviewKpis is the overview's list of headline KPIs, in display order.
var OverviewKpis = []KpiDef{
	{Key: "national_units", LabelZh: "全国文明单位", LabelEn: "National civilised units", Unit: "个", Metric: "honors:NATIONAL_CIVILISED_UNIT@AWARDED", FigureKey: "national_units"},
	{Key: "national_campus", LabelZh: "全国文明校园", LabelEn: "National civilised campuses", Unit: "个", Metric: "honors:NATIONAL_CIVILISED_CAMPUS@AWARDED", FigureKey: "national_campus"},
	{Key: "provincial_model_units", LabelZh: "河南省文明单位标兵（单位）", LabelEn: "Henan civilised-unit pacesetters (units)", Unit: "个",
		Metric: "honors:PROVINCIAL_MODEL_UNIT@AWARDED", FigureKey: "provincial_model_units", CompanionKey: "provincial_model_campus",
		NoteZh: "只计单位，另有校园6个", NoteEn: "Units only; the article also counts 6 campuses"},
	{Key: "provincial_units", LabelZh: "河南省文明单位（单位）", LabelEn: "Henan civilised units (units)", Unit: "个",
		Metric: "honors:PROVINCIAL_UNIT@AWARDED", FigureKey: "provincial_units", CompanionKey: "provincial_campus",
		NoteZh: "只计单位，另有校园7个", NoteEn: "Units only; the article also counts 7 campuses"},
	{Key: "moral_models", LabelZh: "省直道德模范及提名奖", LabelEn: "Provincial-direct moral models and nominees", Unit: "名",
		Metric: "honors:DIRECT_MORAL_MODEL,DIRECT_MORAL_MODEL_NOMINEE@AWARDED", FigureKey: "moral_models"},
	{Key: "good_people", LabelZh: "好人（中国、河南、省直）", LabelEn: "Good people (national, Henan, provincial-direct)", Unit: "人",
		Metric: "honors:CHINA_GOOD_PERSON,HENAN_GOOD_PERSON,DIRECT_GOOD_PERSON@AWARDED"},
	{Key: "volunteers", LabelZh: "志愿者人次", LabelEn: "Volunteers (person-times)", Unit: "人次", Metric: "volunteers:ALL",
		NoteZh: PersonTimesZh, NoteEn: PersonTimesEn},
	{Key: "volunteer_hours", LabelZh: "志愿服务时长", LabelEn: "Volunteer hours", Unit: "小时", Metric: "hours:ALL"},
	{Key: "covid_volunteers", LabelZh: "疫情防控志愿者", LabelEn: "Provincial-direct COVID-19 volunteers", Unit: "人次", Metric: "volunteers:COVID19",
		FigureKey: "covid_volunteers", NoteZh: PersonTimesZh, NoteEn: PersonTimesEn},
	{Key: "flood_cash", LabelZh: "7·20 省直单位救灾现金捐赠", LabelEn: "7·20 flood relief cash donated by provincial-direct units", Unit: "元", Metric: "cash:FLOOD720", FigureKey: "flood_cash"},
	{Key: "practice_units", LabelZh: "联系实践中心的省直文明单位", LabelEn: "Provincial-direct civilised units linked to practice centres", Unit: "个",
		Metric: "practice:linked_units", FigureKey: "practice_units", Kind: KpiStock},
	{Key: "practice_centers", LabelZh: "县级文明实践中心", LabelEn: "County practice centres", Unit: "个", Metric: "practice:centers", FigureKey: "practice_centres",
		NoteZh: "按记录关联的中心计", NoteEn: "Centres that records link to", Kind: KpiStock},
	{Key: "works_collected", LabelZh: "“赶考路上有我”征集作品", LabelEn: "Works collected (赶考路上有我)", Unit: "个", Metric: "works:collected", FigureKey: "works_collected"},
	{Key: "federation_groups", LabelZh: "省直志愿服务联合会团体会员", LabelEn: "Provincial-direct volunteer federation group members", Unit: "个", Metric: "federation:GROUP", FigureKey: "federation_group_members", Kind: KpiStock},
}

// ApproximateTolerance is the relative tolerance within which an APPROXIMATE (「约」) figure matches.
const ApproximateTolerance = 0.05

// Reconcile compares a published figure with the value its records add up to, honouring the qualifier:
// EXACT must be equal, AT_LEAST (「余」) must be at least the figure, APPROXIMATE (「约」) must lie within 5%, and
// APPROXIMATE_AT_LEAST (「约…余」) must be no less than 5% below the figure, with no upper bound.
func Reconcile(f *PublishedFigure, recorded *float64) *ReconciliationRow {
	row := &ReconciliationRow{Figure: f, RecordedValue: recorded}
	if !f.Tracked() || recorded == nil {
		row.Status = ReconNotTracked
		row.Note = "无对应记录，不核对。" + f.NoteZh
		return row
	}
	v, want := *recorded, f.Value
	switch f.Qualifier {
	case QualifierExact:
		switch {
		case v == want:
			row.Status, row.Note = ReconMatch, "记录合计与公布数相等。"
		case v < want:
			row.Status, row.Note = ReconBelow, fmt.Sprintf("记录合计比公布数少 %s。", formatNumber(want-v))
		default:
			row.Status, row.Note = ReconAbove, fmt.Sprintf("记录合计比公布数多 %s。", formatNumber(v-want))
		}
	case QualifierAtLeast:
		if v >= want {
			row.Status, row.Note = ReconMatch, "公布数为「余」（至少），记录合计不少于公布数。"
		} else {
			row.Status, row.Note = ReconBelow, fmt.Sprintf("公布数为「余」（至少），记录合计还差 %s。", formatNumber(want-v))
		}
	case QualifierApproximate:
		switch {
		case math.Abs(v-want) <= want*ApproximateTolerance:
			row.Status, row.Note = ReconMatch, "公布数为「约」，记录合计在 ±5% 以内。"
		case v < want:
			row.Status, row.Note = ReconBelow, "公布数为「约」，记录合计低于容差下限（-5%）。"
		default:
			row.Status, row.Note = ReconAbove, "公布数为「约」，记录合计高于容差上限（+5%）。"
		}
	case QualifierApproximateAtLeast:
		if v >= want*(1-ApproximateTolerance) {
			row.Status, row.Note = ReconMatch, "公布数为「约…余」（大约，且至少），记录合计不低于公布数的 95%。"
		} else {
			row.Status, row.Note = ReconBelow, fmt.Sprintf("公布数为「约…余」（大约，且至少），记录合计低于公布数的 95%%，还差 %s。",
				formatNumber(want*(1-ApproximateTolerance)-v))
		}
	}
	if f.NoteZh != "" {
		row.Note += f.NoteZh
	}
	return row
}

func formatNumber(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

// Cumulate turns yearly values into running totals, leaving targets as they are. Totals stay rounded to two
// decimals, as hours are, so that adding 0.1 and 0.2 never answers 0.30000000000000004.
func Cumulate(vs []YearValue) []YearValue {
	out := make([]YearValue, len(vs))
	var sum float64
	for i, v := range vs {
		sum = math.Round((sum+v.Value)*100) / 100
		out[i] = YearValue{Year: v.Year, Value: sum, Target: v.Target}
	}
	return out
}
