package db

import "strings"

// SourceDocument is a published document that figures are quoted from, such as the 2024 five-year summary.
type SourceDocument struct {
	ID          int64
	Title       string
	Publisher   string
	PublishedOn Date
	URL         *string
	// Demo marks the invented source that demo records cite, so that no demo record cites the real article.
	Demo bool
}

// PublishedFigure is one number a source document states, kept with its exact value, unit, qualifier and quote.
type PublishedFigure struct {
	ID        int64
	Key       string
	Section   string
	LabelZh   string
	LabelEn   string
	Value     float64
	Unit      string
	Qualifier FigureQualifier
	Quote     string
	SourceID  int64
	// Source is filled by the store, so that listing figures needs no second lookup.
	Source *SourceDocument
	// Metric names the records that add up to this figure; empty when no records track it.
	Metric Metric
	// NoteZh explains, in Chinese, what the figure counts or why it is not tracked.
	NoteZh string
	// Statuses lists the honour statuses an honours figure counts, stored with the figure rather than read from its
	// verb: 「推荐认定…享受…待遇」 counts TREATMENT_RECOGNISED and 「推荐13个项目入选」 counts AWARDED.
	Statuses []HonorStatus
	// Basis is PUBLISHED for every figure quoted from a source document.
	Basis Basis
}

// MeasuredMetric is the metric that records are summed by: an honours metric narrowed to the figure's statuses.
func (f *PublishedFigure) MeasuredMetric() Metric {
	if kind, _ := f.Metric.Parts(); kind != "honors" || len(f.Statuses) == 0 {
		return f.Metric
	}
	parts := make([]string, len(f.Statuses))
	for i, s := range f.Statuses {
		parts[i] = string(s)
	}
	return Metric(string(f.Metric) + "@" + strings.Join(parts, ","))
}

// FromYear is the first year the figure covers. Every figure in the store is quoted from the office's five-year
// summary of 2019–2024, so its period is the reporting period; a card names it beside the figure so that a reader
// never takes a five-year figure for one year's.
func (f *PublishedFigure) FromYear() int { return FirstYear }

// ToYear is the last year the figure covers (see FromYear).
func (f *PublishedFigure) ToYear() int { return LastYear }

// Tracked reports whether records are reconciled against the figure.
func (f *PublishedFigure) Tracked() bool { return f.Metric != "" }

// ReconciliationRow sets a published figure beside the value its records add up to.
type ReconciliationRow struct {
	Figure        *PublishedFigure
	RecordedValue *float64
	Status        ReconciliationStatus
	Note          string
}

// Kpi is one headline number of the overview, computed from records and set beside its published figure.
type Kpi struct {
	Key       string
	LabelZh   string
	LabelEn   string
	Value     float64
	Unit      string
	Published *PublishedFigure
	// Companion is the figure the article states beside this one and the card does not count, such as the campuses
	// of 「36个单位、6个校园获评“河南省文明单位标兵”」.
	Companion *PublishedFigure
	// NoteZh and NoteEn say what the records count when it differs from the figure, such as 「记录为人次」.
	NoteZh string
	NoteEn string
	// Kind says whether Value sums the years (FLOW) or stands at the end of the last year (STOCK).
	Kind KpiKind
	// Comparison is the published figure reconciled with Value, set only when the selected years cover the same
	// period as the figure (all of 2019–2024 for a flow; a last year of 2024 for a stock): comparing one year's
	// records with a five-year figure would call every year a shortfall.
	Comparison *ReconciliationRow
}

// Comparable reports whether records over the years count the same period as a published figure of the kind.
func Comparable(kind KpiKind, years YearRange, f *PublishedFigure) bool {
	if f == nil {
		return false
	}
	if kind == KpiStock {
		return years.To == f.ToYear()
	}
	return years.From == f.FromYear() && years.To == f.ToYear()
}

// Overview is the set of headline KPIs for a range of years.
type Overview struct {
	FromYear     int
	ToYear       int
	Kpis         []*Kpi
	IncludesDemo bool
}

// YearValue is one year's value of a progress metric, with the year's target when one is set.
type YearValue struct {
	Year   int
	Value  float64
	Target *float64
}

// Target is the planned value of a progress metric for a year, so that progress can be shown against plan.
type Target struct {
	ID      int64
	Metric  ProgressMetric
	Year    int
	Value   float64
	Demo    bool
	Version int
	// Basis is OFFICE: targets are the office's plan, never a published fact.
	Basis Basis
}

// Milestone is a dated event on the five-year timeline, or a period such as the COVID years.
type Milestone struct {
	ID        int64
	Date      Date
	Precision string
	TitleZh   string
	TitleEn   string
	Kind      string
	EndDate   *Date
	SourceID  *int64
	// Source is filled by the store when SourceID is set.
	Source *SourceDocument
	// DateBasis says whether the dates come from the source (PUBLISHED) or are ours (ESTIMATE), as for the COVID years.
	DateBasis Basis
}
