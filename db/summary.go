// Code in this file writes the report's opening summary from the records, in the article's own register, as segments
// that keep every number beside the metric and filter it came from.

package db

import (
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// SummaryLanguage chooses the language a summary is written in.
type SummaryLanguage string

// Values of SummaryLanguage.
const (
	SummaryZh SummaryLanguage = "ZH"
	SummaryEn SummaryLanguage = "EN"
)

// AllSummaryLanguages lists every valid SummaryLanguage.
var AllSummaryLanguages = []SummaryLanguage{SummaryZh, SummaryEn}

// MarshalGQL writes the value as a GraphQL enum.
func (v SummaryLanguage) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *SummaryLanguage) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "language", AllSummaryLanguages)
}

// SegmentKind tells a summary's prose from its numbers, so that a client links each number to its records.
type SegmentKind string

// Values of SegmentKind.
const (
	// SegmentText is prose without a number of its own (years of the period aside).
	SegmentText SegmentKind = "TEXT"
	// SegmentRecords is a value the records add up to, the same as the overview's KPI for the same years.
	SegmentRecords SegmentKind = "RECORDS"
	// SegmentPublished is the published figure, with its qualifier, beside a records value that differs from it.
	SegmentPublished SegmentKind = "PUBLISHED"
	// SegmentDemoNotice says that demo records contributed to the numbers.
	SegmentDemoNotice SegmentKind = "DEMO_NOTICE"
)

// AllSegmentKinds lists every valid SegmentKind.
var AllSegmentKinds = []SegmentKind{SegmentText, SegmentRecords, SegmentPublished, SegmentDemoNotice}

// MarshalGQL writes the value as a GraphQL enum.
func (v SegmentKind) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *SegmentKind) UnmarshalGQL(x any) error { return unmarshalEnum(v, x, "kind", AllSegmentKinds) }

// SummaryFilter is what a number of the summary counts: the KPI, its metric and the years, so that a click finds
// the records behind it.
type SummaryFilter struct {
	Kpi string
	// Metric is the metric expression (see Metric) the number evaluates.
	Metric   string
	FromYear int
	ToYear   int
}

// SummarySegment is one run of the summary's text; numbers carry their value, unit and filter.
type SummarySegment struct {
	Kind      SegmentKind
	Text      string
	Value     *float64
	Unit      string
	Filter    *SummaryFilter
	Published *PublishedFigure
	// Demo is true when demo records contributed to this number.
	Demo bool
}

// SummaryParagraph is one paragraph of the summary.
type SummaryParagraph struct {
	Segments []*SummarySegment
}

// Text joins the paragraph's segments.
func (p *SummaryParagraph) Text() string {
	var b strings.Builder
	for _, s := range p.Segments {
		b.WriteString(s.Text)
	}
	return b.String()
}

// Summary is the report's opening text, written from the records for a range of years.
type Summary struct {
	FromYear   int
	ToYear     int
	Language   SummaryLanguage
	Paragraphs []*SummaryParagraph
	// IncludesDemo is true when demo records contributed to any number of the summary.
	IncludesDemo bool
	// QuotesPublished is true when the range is the published period, so that published figures are quoted.
	QuotesPublished bool
}

// Text joins the paragraphs with blank lines.
func (s *Summary) Text() string {
	parts := make([]string, len(s.Paragraphs))
	for i, p := range s.Paragraphs {
		parts[i] = p.Text()
	}
	return strings.Join(parts, "\n\n")
}

// DemoOnly is the same metric counted over demo records only, so that a summary knows whether demo records
// contributed to a number.
func (m Metric) DemoOnly() Metric { return m + DemoSuffix }

// DemoSuffix marks a metric that counts demo records only.
const DemoSuffix = "~demo"

// SplitDemo strips DemoSuffix and reports whether it was there.
func (m Metric) SplitDemo() (Metric, bool) {
	s, ok := strings.CutSuffix(string(m), DemoSuffix)
	return Metric(s), ok
}

// summaryPart is a placeholder of a sentence: a KPI's value with its unit, or plain text.
type summaryPart struct {
	text string // prose, when kpi is empty
	kpi  string
	// unit follows the number in English (" person-times"); Chinese always writes the KPI's own unit (2.9万人次).
	unit string
}

// summarySentences is the summary's text in each language: one list of parts per paragraph, each KPI by key. A
// published figure that differs from the records follows the number and its unit: 「2.9万人次（公布：2.9万余名）」.
var summarySentences = map[SummaryLanguage][][]summaryPart{
	SummaryZh: {
		{{text: "{period}省直"}, {kpi: "national_units"}, {text: "单位获评“全国文明单位”、"}, {kpi: "national_campus"},
			{text: "校园获评“全国文明校园”，"}, {kpi: "provincial_model_units"}, {text: "单位获评“河南省文明单位标兵”，"},
			{kpi: "provincial_units"}, {text: "单位获评“河南省文明单位”。"}},
		{{text: "选树省直道德模范及提名奖"}, {kpi: "moral_models"}, {text: "，"}, {kpi: "good_people"},
			{text: "获评中国好人、河南好人和省直好人。"}},
		{{text: "志愿服务记录共计"}, {kpi: "volunteers"}, {text: "、服务时长"}, {kpi: "volunteer_hours"},
			{text: "。在疫情防控斗争中，省直志愿者参与志愿服务"}, {kpi: "covid_volunteers"},
			{text: "；郑州“7·20”特大暴雨灾害发生后，省直单位共捐赠现金"}, {kpi: "flood_cash"},
			{text: "。截至{last}年底，省直志愿服务联合会有团体会员"}, {kpi: "federation_groups"}, {text: "。"}},
		{{text: "截至{last}年底，省直"}, {kpi: "practice_units"}, {text: "文明单位联系指导"}, {kpi: "practice_centers"},
			{text: "县级新时代文明实践中心；“赶考路上有我”主题系列活动征集作品"}, {kpi: "works_collected"}, {text: "。"}},
	},
	SummaryEn: {
		{{text: "{period}, provincial-direct units have won these titles — National Civilised Unit: "}, {kpi: "national_units"},
			{text: "; National Civilised Campus: "}, {kpi: "national_campus"}, {text: "; Henan Civilised-Unit Pacesetter: "},
			{kpi: "provincial_model_units", unit: " units"}, {text: "; Henan Civilised Unit: "}, {kpi: "provincial_units", unit: " units"}, {text: "."}},
		{{text: "The office named "}, {kpi: "moral_models"}, {text: " provincial-direct moral models and nominees, and "},
			{kpi: "good_people", unit: " people"}, {text: " were named good people of China, of Henan or of the provincial-direct organs."}},
		{{text: "Volunteer service records add up to "}, {kpi: "volunteers", unit: " person-times"}, {text: " and "},
			{kpi: "volunteer_hours", unit: " hours"}, {text: ". During COVID-19 prevention, provincial-direct volunteers served "},
			{kpi: "covid_volunteers", unit: " person-times"}, {text: "; after the 7·20 rainstorm in Zhengzhou, provincial-direct units donated "},
			{kpi: "flood_cash", unit: " yuan"}, {text: " in cash. At the end of {last}, the provincial-direct volunteer federation had "},
			{kpi: "federation_groups", unit: " group members"}, {text: "."}},
		{{text: "At the end of {last}, "}, {kpi: "practice_units"}, {text: " provincial-direct civilised units linked to and guided "}, {kpi: "practice_centers"},
			{text: " county civilisation-practice centres; the “赶考路上有我” campaign collected "}, {kpi: "works_collected", unit: " works"},
			{text: "."}},
	},
}

// BuildSummary writes the summary for the years from the overview's KPIs, so that every number in it is the API's
// own figure for the same years. Published figures are quoted only for the published period (2019–2024), and
// only where the records differ from them.
func BuildSummary(ctx context.Context, s Store, years YearRange, lang SummaryLanguage) (*Summary, error) {
	if lang == "" {
		lang = SummaryZh
	}
	o, err := BuildOverview(ctx, s, years)
	if err != nil {
		return nil, err
	}
	kpis := map[string]*Kpi{}
	defs := map[string]KpiDef{}
	for i, k := range o.Kpis {
		kpis[k.Key] = k
		defs[k.Key] = OverviewKpis[i]
	}
	demo, err := demoContributions(ctx, s, years)
	if err != nil {
		return nil, err
	}
	sum := &Summary{FromYear: years.From, ToYear: years.To, Language: lang,
		QuotesPublished: years.From == FirstYear && years.To == LastYear}
	for _, parts := range summarySentences[lang] {
		p := &SummaryParagraph{}
		for _, part := range parts {
			if part.kpi == "" {
				text := strings.NewReplacer("{period}", periodPhrase(years, lang), "{last}", strconv.Itoa(years.To)).Replace(part.text)
				p.Segments = append(p.Segments, &SummarySegment{Kind: SegmentText, Text: text})
				continue
			}
			k, def := kpis[part.kpi], defs[part.kpi]
			if k == nil {
				return nil, Errorf(EINTERNAL, "summary names an unknown KPI %q", part.kpi)
			}
			v := k.Value
			filter := &SummaryFilter{Kpi: k.Key, Metric: string(def.Metric), FromYear: years.From, ToYear: years.To}
			text := ProseRecordValue(v, k.Published, lang) + part.unit
			if lang != SummaryEn {
				text = ProseRecordValue(v, k.Published, lang) + k.Unit
			}
			seg := &SummarySegment{Kind: SegmentRecords, Text: text, Value: &v, Unit: k.Unit, Filter: filter,
				Demo: demo[def.Metric]}
			sum.IncludesDemo = sum.IncludesDemo || seg.Demo
			p.Segments = append(p.Segments, seg)
			if f := k.Published; sum.QuotesPublished && f != nil && f.Value != v {
				pv := f.Value
				p.Segments = append(p.Segments, &SummarySegment{Kind: SegmentPublished, Text: publishedAside(f, lang), Value: &pv,
					Unit: f.Unit, Filter: filter, Published: f})
			}
		}
		sum.Paragraphs = append(sum.Paragraphs, p)
	}
	if sum.IncludesDemo {
		notice := "【演示数据】以下数字含演示数据（虚构记录，非真实情况）。"
		if lang == SummaryEn {
			notice = "[Demo data] The figures below include demo records (invented, not real). "
		}
		first := sum.Paragraphs[0]
		first.Segments = append([]*SummarySegment{{Kind: SegmentDemoNotice, Text: notice, Demo: true}}, first.Segments...)
	}
	return sum, nil
}

// demoContributions reports, per KPI metric, whether demo records add anything to it over the years.
func demoContributions(ctx context.Context, s Store, years YearRange) (map[Metric]bool, error) {
	metrics := make([]Metric, len(OverviewKpis))
	for i, k := range OverviewKpis {
		metrics[i] = k.Metric.DemoOnly()
	}
	vals, err := s.Measure(ctx, metrics, years)
	if err != nil {
		return nil, err
	}
	out := map[Metric]bool{}
	for _, k := range OverviewKpis {
		out[k.Metric] = vals[k.Metric.DemoOnly()] != 0
	}
	return out, nil
}

// periodPhrase opens the summary as the article does: 「2019年以来」 for the published period.
func periodPhrase(y YearRange, lang SummaryLanguage) string {
	switch {
	case lang == SummaryEn && y.From == FirstYear && y.To == LastYear:
		return fmt.Sprintf("Since %d", y.From)
	case lang == SummaryEn && y.From == y.To:
		return fmt.Sprintf("In %d", y.From)
	case lang == SummaryEn:
		return fmt.Sprintf("From %d to %d", y.From, y.To)
	case y.From == FirstYear && y.To == LastYear:
		return fmt.Sprintf("%d年以来，", y.From)
	case y.From == y.To:
		return fmt.Sprintf("%d年，", y.From)
	default:
		return fmt.Sprintf("%d年至%d年，", y.From, y.To)
	}
}

// groupThousands inserts commas into the integer part of a decimal number.
func groupThousands(s string) string {
	intPart, frac, hasFrac := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if neg {
		out = "-" + out
	}
	if hasFrac {
		out += "." + frac
	}
	return out
}

// ArticleNumber writes a published value as the article does: 万 and 亿 where the value divides evenly into them
// (2.9万, 164万, 18.45亿), with 「约」 before and 「余」 after as the qualifier says; in English, in English's own
// style (29,000, 1.64 million), 「余」 reads "more than" and 「约」 reads "about".
func ArticleNumber(v float64, q FigureQualifier, lang SummaryLanguage) string {
	approx := q == QualifierApproximate || q == QualifierApproximateAtLeast
	atLeast := q == QualifierAtLeast || q == QualifierApproximateAtLeast
	if lang == SummaryEn {
		n := groupThousands(strconv.FormatFloat(v, 'f', -1, 64))
		for _, u := range []struct {
			div  float64
			name string
		}{{1e9, " billion"}, {1e6, " million"}} {
			if q := v / u.div; q >= 1 && math.Abs(q*1000-math.Round(q*1000)) < 1e-9 {
				n = strconv.FormatFloat(math.Round(q*1000)/1000, 'f', -1, 64) + u.name
				break
			}
		}
		switch {
		case approx && atLeast:
			return "about, and more than, " + n
		case approx:
			return "about " + n
		case atLeast:
			return "more than " + n
		}
		return n
	}
	n := strconv.FormatFloat(v, 'f', -1, 64)
	for _, u := range []struct {
		div  float64
		name string
	}{{1e8, "亿"}, {1e4, "万"}} {
		if q := v / u.div; q >= 1 && math.Abs(q*100-math.Round(q*100)) < 1e-9 {
			n = strconv.FormatFloat(math.Round(q*100)/100, 'f', -1, 64) + u.name
			break
		}
	}
	if approx {
		n = "约" + n
	}
	if atLeast {
		n += "余"
	}
	return n
}

// unitEn names a figure's unit in English ("" for 个, which the sentence names).
var unitEn = map[string]string{"人": "people", "名": "people", "人次": "person-times", "小时": "hours", "元": "yuan",
	"场次": "sessions", "箱": "boxes", "批次": "shipments"}

// publishedAside is the parenthesis that follows a records value and its unit when the published figure differs:
// 「（公布：2.9万余名）」, with the figure's own unit.
func publishedAside(f *PublishedFigure, lang SummaryLanguage) string {
	if lang == SummaryEn {
		n := ArticleNumber(f.Value, f.Qualifier, lang)
		if u := unitEn[f.Unit]; u != "" {
			n += " " + u
		}
		return " (published: " + n + ")"
	}
	return "（公布：" + ArticleNumber(f.Value, f.Qualifier, lang) + f.Unit + "）"
}
