package db

import (
	"context"
	"slices"
)

// BuildReconciliation compares every published figure with what its records add up to over 2019–2024.
func BuildReconciliation(ctx context.Context, s Store) ([]*ReconciliationRow, error) {
	figs, err := s.PublishedFigures(ctx, "")
	if err != nil {
		return nil, err
	}
	var metrics []Metric
	for _, f := range figs {
		if f.Tracked() {
			metrics = append(metrics, f.MeasuredMetric())
		}
	}
	vals, err := s.Measure(ctx, metrics, YearRange{From: FirstYear, To: LastYear})
	if err != nil {
		return nil, err
	}
	out := make([]*ReconciliationRow, len(figs))
	for i, f := range figs {
		var rec *float64
		if v, ok := vals[f.MeasuredMetric()]; ok && f.Tracked() {
			rec = &v
		}
		out[i] = Reconcile(f, rec)
	}
	return out, nil
}

// BuildOverview computes the headline KPIs for the years, each beside its published figure.
func BuildOverview(ctx context.Context, s Store, years YearRange) (*Overview, error) {
	figs, err := s.PublishedFigures(ctx, "")
	if err != nil {
		return nil, err
	}
	byKey := map[string]*PublishedFigure{}
	for _, f := range figs {
		byKey[f.Key] = f
	}
	metrics := make([]Metric, len(OverviewKpis))
	for i, k := range OverviewKpis {
		metrics[i] = k.Metric
	}
	vals, err := s.Measure(ctx, metrics, years)
	if err != nil {
		return nil, err
	}
	info, err := s.DatasetInfo(ctx)
	if err != nil {
		return nil, err
	}
	o := &Overview{FromYear: years.From, ToYear: years.To, IncludesDemo: info.HasDemo}
	for _, k := range OverviewKpis {
		kind := k.Kind
		if kind == "" {
			kind = KpiFlow
		}
		kpi := &Kpi{Key: k.Key, LabelZh: k.LabelZh, LabelEn: k.LabelEn, Value: vals[k.Metric], Unit: k.Unit, Kind: kind,
			Published: byKey[k.FigureKey], Companion: byKey[k.CompanionKey], NoteZh: k.NoteZh, NoteEn: k.NoteEn}
		if Comparable(kind, years, kpi.Published) {
			v := kpi.Value
			kpi.Comparison = Reconcile(kpi.Published, &v)
		}
		o.Kpis = append(o.Kpis, kpi)
	}
	return o, nil
}

// BuildProgress returns a metric's yearly values, as running totals when cumulative (targets too, where every
// year so far has one).
func BuildProgress(ctx context.Context, s Store, metric ProgressMetric, years YearRange, cumulative bool) ([]*YearValue, error) {
	vs, err := s.Progress(ctx, metric, years)
	if err != nil {
		return nil, err
	}
	if cumulative {
		vs = Cumulate(vs)
		var sum float64
		for i := range vs {
			if vs[i].Target == nil || (i > 0 && vs[i-1].Target == nil) {
				vs[i].Target = nil
				continue
			}
			sum += *vs[i].Target
			t := sum
			vs[i].Target = &t
		}
	}
	out := make([]*YearValue, len(vs))
	for i := range vs {
		out[i] = &vs[i]
	}
	return out, nil
}

// MaxRankingSize bounds `first` on rankings.
const MaxRankingSize = 500

// ComputeRankings ranks every unit (of a kind) for a year from the store's raw inputs and the weights in force: the
// rules live here, the backends only supply the inputs.
func ComputeRankings(ctx context.Context, s Store, year int, metric RankingMetric, unitKind string) ([]*RankingEntry, error) {
	r, err := computeRanking(ctx, s, year, metric, unitKind)
	if err != nil {
		return nil, err
	}
	return r.entries(), nil
}

// RankingInputReads are the domains whose writes can change a year's ranking inputs: units (their kinds), honours and
// the catalogue (honour points), volunteer service, practice and assessments.
var RankingInputReads = Domains(DomainUnits, DomainHonors, DomainVolunteer, DomainPractice, DomainAssessments, DomainCatalogue)

// Keeper is a store that keeps what the rules compute from its reads, by the versions of the domains they read, as
// it keeps its own aggregates (db/cache): a ranking is then computed once per data version, not once per caller.
type Keeper interface {
	Keep(ctx context.Context, name string, reads DomainSet, args any, compute func(context.Context) (any, error)) (any, error)
}

// computeRanking is ComputeRankings without the breakdowns, which BuildRankings writes for the entries it returns;
// a Keeper keeps it (it is never changed once made).
func computeRanking(ctx context.Context, s Store, year int, metric RankingMetric, unitKind string) (*ranking, error) {
	compute := func(ctx context.Context) (any, error) {
		in, err := s.RankingInputs(ctx, year, unitKind)
		if err != nil {
			return nil, err
		}
		w, err := s.RankingWeights(ctx, year)
		if err != nil {
			return nil, err
		}
		return rankings.rank(in, metric, w), nil
	}
	var r any
	var err error
	if k, ok := s.(Keeper); ok {
		r, err = k.Keep(ctx, "Ranking", RankingInputReads|Domains(DomainPlans), []any{year, metric, unitKind}, compute)
	} else {
		r, err = compute(ctx)
	}
	if err != nil {
		return nil, err
	}
	return r.(*ranking), nil
}

// BuildRankings validates the arguments, takes the year's ranking, fills each entry's rank in the previous year,
// and returns the first n from the top or the bottom (bottom entries stay in rank order).
func BuildRankings(ctx context.Context, s Store, year int, metric RankingMetric, unitKind string, n int, order RankingOrder) ([]*RankingEntry, error) {
	if year < MinYear || year > MaxYear {
		return nil, FieldErrorf("year", "年份超出范围：%d", year)
	}
	if unitKind != "" && !slices.Contains(UnitKinds, unitKind) {
		return nil, FieldErrorf("unitKind", "未知的单位类型：%q", unitKind)
	}
	if n < 1 || n > MaxRankingSize {
		return nil, FieldErrorf("first", "first 必须在 1 到 %d 之间，收到 %d", MaxRankingSize, n)
	}
	cur, err := computeRanking(ctx, s, year, metric, unitKind)
	if err != nil {
		return nil, err
	}
	prev, err := computeRanking(ctx, s, year-1, metric, unitKind)
	if err != nil {
		return nil, err
	}
	n = min(n, len(cur.order))
	from := 0
	if order == RankingBottom {
		from = len(cur.order) - n
	}
	// The previous year's rank of the picked units only, where they scored.
	prevRank := make(map[int64]int, n)
	for _, p := range cur.order[from : from+n] {
		prevRank[p.unitID] = 0
	}
	for _, p := range prev.order {
		if _, ok := prevRank[p.unitID]; ok && (p.score > 0 || metric == RankAssessmentScore) {
			prevRank[p.unitID] = p.rank
		}
	}
	out := make([]*RankingEntry, n)
	comps := make([]ScoreComponent, n*len(cur.lines))
	for i := range out {
		k := i * len(cur.lines)
		e := cur.entry(from+i, comps[k:k+len(cur.lines):k+len(cur.lines)])
		if r := prevRank[e.UnitID]; r > 0 {
			e.PreviousRank = &r
		}
		out[i] = &e
	}
	return out, nil
}
