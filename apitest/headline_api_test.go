package apitest

import (
	"math"
	"testing"
)

// kpiPeriod is a KPI with its kind and its comparison with the published figure.
type kpiPeriod struct {
	Key       string
	Value     float64
	Kind      string
	Published *struct {
		Value            float64
		FromYear, ToYear int
	}
	Comparison *struct {
		Status        string
		RecordedValue *float64
	}
}

const kpiPeriodQuery = `query($from: Int, $to: Int) { overview(fromYear: $from, toYear: $to) {
	kpis { key value kind published { value fromYear toYear } comparison { status recordedValue } } } }`

func kpisFor(t *testing.T, base string, from, to int) map[string]kpiPeriod {
	t.Helper()
	a := Query[struct{ Overview struct{ Kpis []kpiPeriod } }](t, base, kpiPeriodQuery, map[string]any{"from": from, "to": to})
	out := map[string]kpiPeriod{}
	for _, k := range a.Overview.Kpis {
		out[k.Key] = k
	}
	return out
}

func TestOverviewPeriods(t *testing.T) {
	m := SharedMain(t)
	full, last, before := kpisFor(t, m.URL(), 2019, 2024), kpisFor(t, m.URL(), 2024, 2024), kpisFor(t, m.URL(), 2019, 2023)
	stocks := map[string]bool{"practice_units": true, "practice_centers": true, "federation_groups": true}

	t.Run("FlowsAddUpOverTheYears", func(t *testing.T) {
		for key, k := range full {
			if k.Kind != "FLOW" {
				continue
			}
			if sum := before[key].Value + last[key].Value; math.Abs(sum-k.Value) > 1e-6 {
				t.Errorf("%s: 2019–2023 (%v) + 2024 (%v) = %v, 2019–2024 says %v", key, before[key].Value, last[key].Value, sum, k.Value)
			}
		}
	})

	t.Run("StocksStandAtTheEndOfTheLastYear", func(t *testing.T) {
		for key := range stocks {
			if full[key].Kind != "STOCK" {
				t.Fatalf("%s is a %s", key, full[key].Kind)
			}
			if last[key].Value != full[key].Value || last[key].Value == 0 {
				t.Errorf("%s: at the end of 2024 %v, over 2019–2024 %v", key, last[key].Value, full[key].Value)
			}
		}
		if before["federation_groups"].Value >= full["federation_groups"].Value {
			t.Errorf("federation members at the end of 2023 (%v) not fewer than at the end of 2024 (%v)", before["federation_groups"].Value, full["federation_groups"].Value)
		}
	})

	t.Run("ComparedOnlyOverTheFiguresPeriod", func(t *testing.T) {
		for key, k := range full {
			if k.Published == nil {
				if k.Comparison != nil {
					t.Errorf("%s: compared without a figure", key)
				}
				continue
			}
			if k.Published.FromYear != 2019 || k.Published.ToYear != 2024 {
				t.Errorf("%s: figure period %d–%d", key, k.Published.FromYear, k.Published.ToYear)
			}
			if k.Comparison == nil || k.Comparison.RecordedValue == nil || *k.Comparison.RecordedValue != k.Value {
				t.Errorf("%s: 2019–2024 not compared: %+v", key, k.Comparison)
			}
			// One year's flow beside a five-year figure is no comparison; a stock at the end of 2024 is.
			if c := last[key].Comparison; (c != nil) != stocks[key] {
				t.Errorf("%s (%s) over 2024 alone: comparison %+v", key, k.Kind, c)
			}
			if before[key].Comparison != nil {
				t.Errorf("%s over 2019–2023: compared with a figure of 2019–2024", key)
			}
		}
	})
}

// headlineNumber is one number of the headline row.
type headlineNumber struct {
	Key                             string
	Value, YearValue, PreviousValue float64
	Year                            int
	Change, Target, Completion      *float64
}

const headlineQuery = `query($from: Int, $to: Int) { headline(fromYear: $from, toYear: $to) {
	fromYear toYear numbers { key value year yearValue previousValue change target completion }
	leaders { rank previousRank score unit { id name } } } }`

type headlineAnswer struct {
	Headline struct {
		FromYear, ToYear int
		Numbers          []headlineNumber
		Leaders          []struct {
			Rank         int
			PreviousRank *int
			Score        float64
			Unit         struct{ ID, Name string }
		}
	}
}

func TestHeadline(t *testing.T) {
	m := SharedMain(t)
	progress := func(metric string, from, to int) map[int]yearValue {
		a := Query[struct{ Progress []yearValue }](t, m.URL(), `query($m: ProgressMetric!, $f: Int, $t: Int) { progress(metric: $m, fromYear: $f, toYear: $t) { year value target } }`,
			map[string]any{"m": metric, "f": from, "t": to})
		out := map[int]yearValue{}
		for _, v := range a.Progress {
			out[v.Year] = v
		}
		return out
	}
	metricOf := map[string]string{"volunteer_hours": "VOLUNTEER_HOURS", "volunteers": "VOLUNTEERS", "honors_total": "HONORS_TOTAL",
		"national_honors": "HONORS_NATIONAL", "good_people": "GOOD_PEOPLE", "practice_activities": "PRACTICE_ACTIVITIES"}

	t.Run("YearOnYearAndCompletion", func(t *testing.T) {
		h := Query[headlineAnswer](t, m.URL(), headlineQuery, map[string]any{"from": 2022, "to": 2024}).Headline
		if len(h.Numbers) < 4 || len(h.Numbers) > 6 {
			t.Fatalf("%d headline numbers", len(h.Numbers))
		}
		targets := 0
		for _, n := range h.Numbers {
			p := progress(metricOf[n.Key], 2022, 2024)
			if n.Year != 2024 || n.YearValue != p[2024].Value || n.PreviousValue != p[2023].Value {
				t.Errorf("%s: %+v against progress %+v", n.Key, n, p)
			}
			if sum := p[2022].Value + p[2023].Value + p[2024].Value; math.Abs(sum-n.Value) > 1e-6 {
				t.Errorf("%s: value %v, the years add up to %v", n.Key, n.Value, sum)
			}
			if n.PreviousValue > 0 && n.YearValue > 0 {
				if n.Change == nil || math.Abs(*n.Change-(n.YearValue-n.PreviousValue)/n.PreviousValue) > 1e-9 {
					t.Errorf("%s: change %v for %v after %v", n.Key, n.Change, n.YearValue, n.PreviousValue)
				}
			}
			if (n.Target == nil) != (p[2024].Target == nil) {
				t.Errorf("%s: target %v, progress says %v", n.Key, n.Target, p[2024].Target)
			}
			if n.Target != nil {
				targets++
				if n.Completion == nil || math.Abs(*n.Completion - n.YearValue / *n.Target) > 1e-9 {
					t.Errorf("%s: completion %v of %v against %v", n.Key, n.Completion, n.YearValue, *n.Target)
				}
			} else if n.Completion != nil {
				t.Errorf("%s: completion without a target", n.Key)
			}
		}
		if targets == 0 {
			t.Error("no headline number has a target on the demo data")
		}
	})

	t.Run("NoComparisonFromAnEmptyYear", func(t *testing.T) {
		// 2018 has no records: 2019's change is 无可比数据, never a percentage from zero.
		h := Query[headlineAnswer](t, m.URL(), headlineQuery, map[string]any{"from": 2019, "to": 2019}).Headline
		for _, n := range h.Numbers {
			if n.PreviousValue != 0 || n.Change != nil {
				t.Errorf("%s: previous %v change %v", n.Key, n.PreviousValue, n.Change)
			}
		}
	})

	t.Run("LeadersAreTheCreationIndexTopFive", func(t *testing.T) {
		h := Query[headlineAnswer](t, m.URL(), headlineQuery, map[string]any{"from": 2019, "to": 2024}).Headline
		r := Query[struct {
			Rankings []struct {
				Rank         int
				PreviousRank *int
				Unit         struct{ ID string }
			}
		}](t, m.URL(), `{ rankings(year: 2024, metric: CREATION_INDEX, first: 5) { rank previousRank unit { id } } }`, nil)
		if len(h.Leaders) != 5 || len(r.Rankings) != 5 {
			t.Fatalf("%d leaders, %d ranked", len(h.Leaders), len(r.Rankings))
		}
		for i, l := range h.Leaders {
			w := r.Rankings[i]
			if l.Rank != w.Rank || l.Unit.ID != w.Unit.ID || (l.PreviousRank == nil) != (w.PreviousRank == nil) || l.Unit.Name == "" {
				t.Errorf("leader %d: %+v, rankings say %+v", i, l, w)
			}
		}
	})

	t.Run("BadRange", func(t *testing.T) {
		wantBadInput(t, m.URL(), headlineQuery, map[string]any{"from": 2024, "to": 2020})
	})
}
