package db

import (
	"fmt"
	"math"
	"strings"
)

// Metric names a quantity that records add up to, in a small language every backend evaluates:
//
//	honors:CODE[,CODE…]           honours in the categories (any status)
//	works:collected               works of 赶考路上有我
//	volunteers:CAMPAIGN           volunteers (person-times) of a campaign's records
//	hours:CAMPAIGN                service hours of a campaign's records
//	cash:CAMPAIGN                 cash donated to a campaign, in yuan
//	material:CAMPAIGN             materials donated to a campaign, valued in yuan
//	boxes:CAMPAIGN                boxes of materials shipped to a campaign
//	batches:CAMPAIGN              shipments (批次) to a campaign
//	donors:CAMPAIGN               units that donated to a campaign
//	federation:GROUP|INDIVIDUAL   federation members
//	practice:linked_units         units linked to a practice centre
//	practice:centers              practice centres
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
}

// OverviewKpis is the overview's list of headline KPIs, in display order.
var OverviewKpis = []KpiDef{
	{"national_units", "全国文明单位", "National civilised units", "个", "honors:NATIONAL_CIVILISED_UNIT", "national_units"},
	{"national_campus", "全国文明校园", "National civilised campuses", "个", "honors:NATIONAL_CIVILISED_CAMPUS", "national_campus"},
	{"provincial_model_units", "河南省文明单位标兵", "Henan civilised-unit pacesetters", "个", "honors:PROVINCIAL_MODEL_UNIT", "provincial_model_units"},
	{"provincial_units", "河南省文明单位", "Henan civilised units", "个", "honors:PROVINCIAL_UNIT", "provincial_units"},
	{"moral_models", "省直道德模范及提名奖", "Moral models and nominees", "名", "honors:DIRECT_MORAL_MODEL,DIRECT_MORAL_MODEL_NOMINEE", "moral_models"},
	{"good_people", "好人（中国、河南、省直）", "Good people (national, Henan, provincial-direct)", "人", "honors:CHINA_GOOD_PERSON,HENAN_GOOD_PERSON,DIRECT_GOOD_PERSON", ""},
	{"volunteers", "志愿者人次", "Volunteers (person-times)", "人次", "volunteers:ALL", ""},
	{"volunteer_hours", "志愿服务时长", "Volunteer hours", "小时", "hours:ALL", ""},
	{"covid_volunteers", "疫情防控志愿者", "COVID-19 volunteers", "名", "volunteers:COVID19", "covid_volunteers"},
	{"flood_cash", "7·20 救灾现金捐赠", "7·20 flood relief cash donations", "元", "cash:FLOOD720", "flood_cash"},
	{"practice_units", "联系实践中心的单位", "Units linked to practice centres", "个", "practice:linked_units", "practice_units"},
	{"practice_centers", "县级文明实践中心", "County practice centres", "个", "practice:centers", "practice_centres"},
	{"works_collected", "“赶考路上有我”征集作品", "Works collected (赶考路上有我)", "个", "works:collected", "works_collected"},
	{"federation_groups", "联合会团体会员", "Federation group members", "个", "federation:GROUP", "federation_group_members"},
}

// ApproximateTolerance is the relative tolerance within which an APPROXIMATE (「约」) figure matches.
const ApproximateTolerance = 0.05

// Reconcile compares a published figure with the value its records add up to, honouring the qualifier:
// EXACT must be equal, AT_LEAST (「余」) must be at least the figure, APPROXIMATE (「约」) must lie within 5%.
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

// Cumulate turns yearly values into running totals, leaving targets as they are.
func Cumulate(vs []YearValue) []YearValue {
	out := make([]YearValue, len(vs))
	var sum float64
	for i, v := range vs {
		sum += v.Value
		out[i] = YearValue{Year: v.Year, Value: sum, Target: v.Target}
	}
	return out
}
