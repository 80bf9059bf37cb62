package db

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
}

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
}
