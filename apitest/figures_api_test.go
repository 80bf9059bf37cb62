package apitest

import (
	"strings"
	"testing"
)

const figuresQuery = `query($section: String) { publishedFigures(section: $section) {
	id key section labelZh value unit qualifier quote tracked source { id title publishedOn } } }`

func TestPublishedFigures(t *testing.T) {
	m := SharedMain(t)
	all := Query[struct{ PublishedFigures []figure }](t, m.URL(), figuresQuery, nil).PublishedFigures

	t.Run("All45WithProvenance", func(t *testing.T) {
		if len(all) != 45 {
			t.Fatalf("got %d figures, want 45", len(all))
		}
		keys := map[string]bool{}
		for _, f := range all {
			if keys[f.Key] {
				t.Errorf("duplicate key %s", f.Key)
			}
			keys[f.Key] = true
			if !contains([]string{"EXACT", "AT_LEAST", "APPROXIMATE", "APPROXIMATE_AT_LEAST"}, f.Qualifier) {
				t.Errorf("%s: qualifier %q", f.Key, f.Qualifier)
			}
			if f.Quote == "" || f.Unit == "" || f.LabelZh == "" || f.Section == "" {
				t.Errorf("%s: empty quote, unit, label or section: %+v", f.Key, f)
			}
			if f.Source.Title == "" || f.Source.PublishedOn != "2024-10-15" {
				t.Errorf("%s: source %+v", f.Key, f.Source)
			}
		}
	})

	t.Run("Values", func(t *testing.T) {
		byKey := map[string]figure{}
		for _, f := range all {
			byKey[f.Key] = f
		}
		for _, tc := range []struct {
			key, qualifier, unit string
			value                float64
		}{
			{"works_collected", "AT_LEAST", "个", 3500},
			{"covid_volunteers", "AT_LEAST", "名", 29000},
			{"covid_hours", "AT_LEAST", "小时", 800000},
			{"covid_materials", "APPROXIMATE_AT_LEAST", "元", 1640000}, // 「约164万余元」: both 约 and 余
			{"flood_cash", "AT_LEAST", "元", 50000000},
			{"flood_social", "EXACT", "元", 1845000000},
			{"national_units", "EXACT", "个", 43},
			{"practice_centres", "EXACT", "个", 158},
			{"federation_group_members", "EXACT", "个", 159},
			{"federation_individual_members", "EXACT", "个", 131},
		} {
			t.Run(tc.key, func(t *testing.T) {
				f, ok := byKey[tc.key]
				if !ok {
					t.Fatalf("no figure %s", tc.key)
				}
				if f.Value != tc.value || f.Qualifier != tc.qualifier || f.Unit != tc.unit {
					t.Errorf("got %v %s %s, want %v %s %s", f.Value, f.Unit, f.Qualifier, tc.value, tc.unit, tc.qualifier)
				}
			})
		}
	})

	t.Run("SectionFilter", func(t *testing.T) {
		sections := map[string]int{}
		for _, f := range all {
			sections[f.Section]++
		}
		if len(sections) != 4 {
			t.Errorf("got %d sections, want 4: %v", len(sections), sections)
		}
		sum := 0
		for sec, n := range sections {
			got := Query[struct{ PublishedFigures []figure }](t, m.URL(), figuresQuery, map[string]any{"section": sec}).PublishedFigures
			if len(got) != n {
				t.Errorf("section %s: got %d, want %d", sec, len(got), n)
			}
			for _, f := range got {
				if f.Section != sec {
					t.Errorf("section %s returned %s from %s", sec, f.Key, f.Section)
				}
			}
			sum += len(got)
		}
		if sum != 45 {
			t.Errorf("sections add up to %d, want 45", sum)
		}
		none := Query[struct{ PublishedFigures []figure }](t, m.URL(), figuresQuery, map[string]any{"section": "不存在的章节"}).PublishedFigures
		if len(none) != 0 {
			t.Errorf("unknown section returned %d figures", len(none))
		}
	})

	t.Run("SourceDocuments", func(t *testing.T) {
		docs := Query[struct {
			SourceDocuments []struct {
				ID, Title, Publisher, PublishedOn string
				Demo                              bool
			}
		}](t, m.URL(), `{ sourceDocuments { id title publisher publishedOn url demo } }`, nil).SourceDocuments
		// The article, and the flagged invented source that demo records cite instead of it.
		if len(docs) != 2 || docs[0].PublishedOn != "2024-10-15" || docs[0].Publisher == "" || docs[0].ID != all[0].Source.ID ||
			docs[0].Demo || !docs[1].Demo || !strings.Contains(docs[1].Title, "演示") {
			t.Errorf("got %+v", docs)
		}
	})
}

type reconRow struct {
	Figure struct {
		Key, Qualifier string
		Tracked        bool
		Value          float64
	}
	RecordedValue *float64
	Status        string
	Note          string
}

const reconQuery = `{ reconciliation { figure { key qualifier tracked value } recordedValue status note } }`

func TestReconciliation(t *testing.T) {
	t.Run("DemoMatchesEveryTrackedFigure", func(t *testing.T) {
		m := SharedMain(t)
		rows := Query[struct{ Reconciliation []reconRow }](t, m.URL(), reconQuery, nil).Reconciliation
		if len(rows) != 45 {
			t.Fatalf("got %d rows, want 45", len(rows))
		}
		var untracked []string
		for _, r := range rows {
			if r.Note == "" {
				t.Errorf("%s: empty note", r.Figure.Key)
			}
			switch r.Status {
			case "NOT_TRACKED":
				untracked = append(untracked, r.Figure.Key)
				if r.RecordedValue != nil || r.Figure.Tracked {
					t.Errorf("%s: NOT_TRACKED with recordedValue %v, tracked %v", r.Figure.Key, deref(r.RecordedValue), r.Figure.Tracked)
				}
			case "MATCH":
				if r.RecordedValue == nil || !r.Figure.Tracked {
					t.Errorf("%s: MATCH without a recorded value", r.Figure.Key)
				}
			case "BELOW":
				// 157 centres are linked; the 158th is unidentified, and saying so is the honest answer.
				if r.Figure.Key != "practice_centres" || r.RecordedValue == nil || *r.RecordedValue != 157 || !strings.Contains(r.Note, "未识别的第158个县级文明实践中心") {
					t.Errorf("%s: BELOW, recorded %v, note %s", r.Figure.Key, deref(r.RecordedValue), r.Note)
				}
			default:
				t.Errorf("%s (%s %v): status %s, recorded %v, note %s", r.Figure.Key, r.Figure.Qualifier, r.Figure.Value, r.Status, deref(r.RecordedValue), r.Note)
			}
		}
		if len(untracked) != 2 || !contains(untracked, "six_actions") || !contains(untracked, "flood_social") {
			t.Errorf("untracked = %v, want [six_actions flood_social]", untracked)
		}
	})

	// Without the demo records the tracked figures have nothing behind them, which shows that reconciliation can
	// fail. The 158 practice centres count through the links records make, so the catalogue alone counts none.
	t.Run("WithoutDemoFiguresFallShort", func(t *testing.T) {
		m := MustRunMain(t, func(c *MainConfig) { c.Demo = false })
		rows := Query[struct{ Reconciliation []reconRow }](t, m.URL(), reconQuery, nil).Reconciliation
		if len(rows) != 45 {
			t.Fatalf("got %d rows, want 45", len(rows))
		}
		below := 0
		for _, r := range rows {
			want := "BELOW"
			switch r.Figure.Key {
			case "six_actions", "flood_social":
				want = "NOT_TRACKED"
			}
			if r.Status != want {
				t.Errorf("%s: status %s (recorded %v), want %s", r.Figure.Key, r.Status, deref(r.RecordedValue), want)
			}
			if r.Status == "BELOW" {
				below++
			}
		}
		if below != 43 {
			t.Errorf("%d figures BELOW, want 43", below)
		}
		ds := Query[struct {
			Dataset struct {
				HasDemo     bool
				DemoRecords int
			}
		}](t, m.URL(), `{ dataset { hasDemo demoRecords } }`, nil).Dataset
		if ds.HasDemo || ds.DemoRecords != 0 {
			t.Errorf("dataset without demo: %+v", ds)
		}
	})
}

// deref shows an optional value in messages: its value, or nil.
func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

type kpi struct {
	Key       string
	LabelZh   string
	Value     float64
	Unit      string
	Published *struct {
		Key   string
		Value float64
	}
}

type overview struct {
	FromYear, ToYear int
	Kpis             []kpi
	IncludesDemo     bool
}

const overviewQuery = `query($from: Int, $to: Int) { overview(fromYear: $from, toYear: $to) {
	fromYear toYear includesDemo kpis { key labelZh value unit published { key value } } } }`

func TestOverview(t *testing.T) {
	m := SharedMain(t)
	full := Query[struct{ Overview overview }](t, m.URL(), overviewQuery, nil).Overview

	t.Run("DefaultPeriod", func(t *testing.T) {
		if full.FromYear != 2019 || full.ToYear != 2024 || !full.IncludesDemo {
			t.Errorf("got %d–%d includesDemo=%v", full.FromYear, full.ToYear, full.IncludesDemo)
		}
		if len(full.Kpis) == 0 {
			t.Fatal("no KPIs")
		}
		withFigure := 0
		for _, k := range full.Kpis {
			if k.LabelZh == "" || k.Unit == "" {
				t.Errorf("%s: empty label or unit", k.Key)
			}
			if k.Published != nil {
				withFigure++
				// Over the whole period every KPI with a figure reconciles, so it is at least the figure.
				if k.Value < k.Published.Value*0.95 {
					t.Errorf("%s: value %v below published %v", k.Key, k.Value, k.Published.Value)
				}
			}
		}
		if withFigure < 10 {
			t.Errorf("only %d KPIs carry a published figure", withFigure)
		}
		byKey := map[string]kpi{}
		for _, k := range full.Kpis {
			byKey[k.Key] = k
		}
		if k := byKey["national_units"]; k.Value != 43 || k.Published == nil || k.Published.Key != "national_units" {
			t.Errorf("national_units: %+v", k)
		}
		if k := byKey["volunteers"]; k.Published != nil || k.Value <= 0 {
			t.Errorf("volunteers KPI should have a value and no figure: %+v", k)
		}
	})

	t.Run("NarrowerRangeIsSmallerOrEqual", func(t *testing.T) {
		part := Query[struct{ Overview overview }](t, m.URL(), overviewQuery, map[string]any{"from": 2021, "to": 2022}).Overview
		if part.FromYear != 2021 || part.ToYear != 2022 || len(part.Kpis) != len(full.Kpis) {
			t.Fatalf("got %d–%d with %d KPIs", part.FromYear, part.ToYear, len(part.Kpis))
		}
		smaller := 0
		for i, k := range part.Kpis {
			f := full.Kpis[i]
			if k.Key != f.Key {
				t.Fatalf("KPI order differs: %s vs %s", k.Key, f.Key)
			}
			if k.Value > f.Value {
				t.Errorf("%s: 2021–2022 value %v exceeds 2019–2024 value %v", k.Key, k.Value, f.Value)
			}
			if k.Value < f.Value {
				smaller++
			}
		}
		if smaller == 0 {
			t.Error("no KPI is smaller over 2021–2022 than over 2019–2024")
		}
	})

	t.Run("OneOpenBound", func(t *testing.T) {
		o := Query[struct{ Overview overview }](t, m.URL(), overviewQuery, map[string]any{"from": 2023}).Overview
		if o.FromYear != 2023 || o.ToYear != 2024 {
			t.Errorf("got %d–%d, want 2023–2024", o.FromYear, o.ToYear)
		}
	})

	for _, tc := range []struct {
		name  string
		vars  map[string]any
		field string
	}{
		{"FromAfterTo", map[string]any{"from": 2024, "to": 2020}, "fromYear"},
		{"YearTooEarly", map[string]any{"from": 1800}, "fromYear"},
		{"YearTooLate", map[string]any{"to": 3000}, "toYear"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := wantBadInput(t, m.URL(), overviewQuery, tc.vars)
			if e.Extensions["field"] != tc.field {
				t.Errorf("extensions.field = %v, want %s", e.Extensions["field"], tc.field)
			}
		})
	}
}

type yearValue struct {
	Year   int
	Value  float64
	Target *float64
}

func TestProgress(t *testing.T) {
	m := SharedMain(t)
	const q = `query($m: ProgressMetric!, $from: Int, $to: Int, $c: Boolean) {
		progress(metric: $m, fromYear: $from, toYear: $to, cumulative: $c) { year value target } }`
	metrics := []string{"HONORS_NATIONAL", "HONORS_PROVINCIAL", "HONORS_PROVINCIAL_DIRECT", "HONORS_TOTAL", "HONORS_TREATMENT_RECOGNISED", "HONORS_RECOMMENDED", "VOLUNTEER_HOURS",
		"VOLUNTEERS", "PRACTICE_ACTIVITIES", "AVERAGE_ASSESSMENT_SCORE", "GOOD_PEOPLE", "MORAL_MODELS"}

	t.Run("EveryMetricIsInTheSchema", func(t *testing.T) {
		got := enumValues(t, m.URL(), "ProgressMetric")
		if mustJSON(t, got) != mustJSON(t, metrics) {
			t.Errorf("ProgressMetric = %v, test covers %v", got, metrics)
		}
	})

	for _, metric := range metrics {
		t.Run(metric, func(t *testing.T) {
			yearly := Query[struct{ Progress []yearValue }](t, m.URL(), q, map[string]any{"m": metric}).Progress
			if len(yearly) != 6 {
				t.Fatalf("got %d years, want 6", len(yearly))
			}
			var sum float64
			for i, v := range yearly {
				if v.Year != 2019+i {
					t.Errorf("year[%d] = %d", i, v.Year)
				}
				if v.Value < 0 {
					t.Errorf("%d: negative value %v", v.Year, v.Value)
				}
				sum += v.Value
			}
			if sum == 0 {
				t.Errorf("all values are 0 in the demo dataset")
			}
			cum := Query[struct{ Progress []yearValue }](t, m.URL(), q, map[string]any{"m": metric, "c": true}).Progress
			if len(cum) != 6 {
				t.Fatalf("cumulative: got %d years", len(cum))
			}
			for i := 1; i < len(cum); i++ {
				if cum[i].Value < cum[i-1].Value {
					t.Errorf("cumulative decreases at %d", cum[i].Year)
				}
			}
			if !approxEqual(cum[5].Value, sum) {
				t.Errorf("cumulative last = %v, sum of yearly = %v", cum[5].Value, sum)
			}
		})
	}

	t.Run("TargetsForVolunteerHours", func(t *testing.T) {
		vs := Query[struct{ Progress []yearValue }](t, m.URL(), q, map[string]any{"m": "VOLUNTEER_HOURS"}).Progress
		var sum float64
		for _, v := range vs {
			if v.Target == nil || *v.Target <= 0 {
				t.Fatalf("%d: no target", v.Year)
			}
			sum += *v.Target
		}
		cum := Query[struct{ Progress []yearValue }](t, m.URL(), q, map[string]any{"m": "VOLUNTEER_HOURS", "c": true}).Progress
		if last := cum[len(cum)-1].Target; last == nil || !approxEqual(*last, sum) {
			t.Errorf("cumulative last target = %v, want %v", deref(last), sum)
		}
	})

	t.Run("NoTargetsForGoodPeople", func(t *testing.T) {
		for _, v := range Query[struct{ Progress []yearValue }](t, m.URL(), q, map[string]any{"m": "GOOD_PEOPLE"}).Progress {
			if v.Target != nil {
				t.Errorf("%d: unexpected target %v", v.Year, *v.Target)
			}
		}
	})

	t.Run("Range", func(t *testing.T) {
		vs := Query[struct{ Progress []yearValue }](t, m.URL(), q, map[string]any{"m": "HONORS_TOTAL", "from": 2021, "to": 2023}).Progress
		if len(vs) != 3 || vs[0].Year != 2021 || vs[2].Year != 2023 {
			t.Errorf("got %+v", vs)
		}
	})

	for _, tc := range []struct {
		name string
		vars map[string]any
	}{
		{"YearOutOfRange", map[string]any{"m": "HONORS_TOTAL", "from": 10}},
		{"ToYearOutOfRange", map[string]any{"m": "HONORS_TOTAL", "to": 99999}},
		{"FromAfterTo", map[string]any{"m": "HONORS_TOTAL", "from": 2024, "to": 2019}},
	} {
		t.Run(tc.name, func(t *testing.T) { wantBadInput(t, m.URL(), q, tc.vars) })
	}

	t.Run("UnknownMetric", func(t *testing.T) {
		_, errs := GQL(t, m.URL(), q, map[string]any{"m": "NOPE"})
		if len(errs) == 0 {
			t.Fatal("unknown enum value accepted")
		}
	})

	t.Run("Targets", func(t *testing.T) {
		all := Query[struct {
			Targets []struct {
				ID, Metric string
				Year       int
				Value      float64
				Demo       bool
			}
		}](t, m.URL(), `{ targets { id metric year value demo } }`, nil).Targets
		if len(all) != 18 {
			t.Errorf("got %d targets, want 18 (3 metrics × 6 years)", len(all))
		}
		for _, x := range all {
			if !x.Demo || x.ID == "" {
				t.Errorf("target %+v", x)
			}
		}
		vh := Query[struct{ Targets []struct{ Metric string } }](t, m.URL(), `{ targets(metric: VOLUNTEER_HOURS) { metric } }`, nil).Targets
		if len(vh) != 6 {
			t.Errorf("VOLUNTEER_HOURS: got %d targets, want 6", len(vh))
		}
		for _, x := range vh {
			if x.Metric != "VOLUNTEER_HOURS" {
				t.Errorf("filter leaked %s", x.Metric)
			}
		}
	})
}

// enumValues lists an enum's values by introspection, in schema order.
func enumValues(tb testing.TB, base, name string) []string {
	tb.Helper()
	r := Query[struct {
		Type struct{ EnumValues []struct{ Name string } } `json:"__type"`
	}](tb, base, `query($n: String!) { __type(name: $n) { enumValues { name } } }`, map[string]any{"n": name})
	var out []string
	for _, v := range r.Type.EnumValues {
		out = append(out, v.Name)
	}
	return out
}

// Each progress series adds up, over 2019–2024, to what the other queries report for the same records.
func TestProgressAgreesWithOtherQueries(t *testing.T) {
	m := SharedMain(t)
	base := m.URL()
	sum := func(metric string) float64 {
		var s float64
		for _, v := range Query[struct{ Progress []yearValue }](t, base, `query($m: ProgressMetric!) { progress(metric: $m) { year value } }`,
			map[string]any{"m": metric}).Progress {
			s += v.Value
		}
		return s
	}
	// Progress by level counts awards only: 待遇 recognitions and recommended candidates are series of their own.
	levels := map[string]int{}
	for _, b := range honorStats(t, base, []string{"LEVEL"}, map[string]any{"fromYear": 2019, "toYear": 2024, "statuses": []string{"AWARDED"}}) {
		levels[*b.Level] = b.Count
	}
	categories := map[string]int{}
	for _, b := range honorStats(t, base, []string{"CATEGORY"}, map[string]any{"fromYear": 2019, "toYear": 2024, "statuses": []string{"AWARDED"}}) {
		categories[*b.Category] = b.Count
	}
	statuses := map[string]int{}
	for _, b := range honorStats(t, base, []string{"STATUS"}, map[string]any{"fromYear": 2019, "toYear": 2024}) {
		statuses[*b.Status] = b.Count
	}
	vol := totalOf(t, volunteerStats(t, base, []string{}, map[string]any{"fromYear": 2019, "toYear": 2024}))
	sessions := Query[struct {
		PracticeSummary struct{ ActivitySessions int }
	}](t, base, `{ practiceSummary { activitySessions } }`, nil).PracticeSummary.ActivitySessions
	kpis := map[string]float64{}
	for _, k := range Query[struct{ Overview overview }](t, base, overviewQuery, nil).Overview.Kpis {
		kpis[k.Key] = k.Value
	}

	for _, tc := range []struct {
		metric string
		want   float64
	}{
		{"HONORS_NATIONAL", float64(levels["NATIONAL"])},
		{"HONORS_PROVINCIAL", float64(levels["PROVINCIAL"])},
		{"HONORS_PROVINCIAL_DIRECT", float64(levels["PROVINCIAL_DIRECT"])},
		{"HONORS_TOTAL", float64(levels["NATIONAL"] + levels["PROVINCIAL"] + levels["PROVINCIAL_DIRECT"])},
		{"HONORS_TREATMENT_RECOGNISED", float64(statuses["TREATMENT_RECOGNISED"])},
		{"HONORS_RECOMMENDED", float64(statuses["RECOMMENDED"])},
		{"VOLUNTEER_HOURS", vol.hours},
		{"VOLUNTEERS", float64(vol.volunteers)},
		{"PRACTICE_ACTIVITIES", float64(sessions)},
		{"GOOD_PEOPLE", float64(categories["CHINA_GOOD_PERSON"] + categories["HENAN_GOOD_PERSON"] + categories["DIRECT_GOOD_PERSON"])},
		{"MORAL_MODELS", float64(categories["DIRECT_MORAL_MODEL"] + categories["DIRECT_MORAL_MODEL_NOMINEE"])},
	} {
		t.Run(tc.metric, func(t *testing.T) {
			if got := sum(tc.metric); !approxEqual(got, tc.want) {
				t.Errorf("progress adds up to %v, other queries say %v", got, tc.want)
			}
		})
	}
	t.Run("OverviewKpis", func(t *testing.T) {
		for key, want := range map[string]float64{
			"volunteers": float64(vol.volunteers), "volunteer_hours": vol.hours, "good_people": sum("GOOD_PEOPLE"), "moral_models": sum("MORAL_MODELS"),
		} {
			if !approxEqual(kpis[key], want) {
				t.Errorf("KPI %s = %v, want %v", key, kpis[key], want)
			}
		}
	})
}

type figure struct {
	ID        string  `json:"id"`
	Key       string  `json:"key"`
	Section   string  `json:"section"`
	LabelZh   string  `json:"labelZh"`
	Value     float64 `json:"value"`
	Unit      string  `json:"unit"`
	Qualifier string  `json:"qualifier"`
	Quote     string  `json:"quote"`
	Tracked   bool    `json:"tracked"`
	Source    struct {
		ID          string `json:"id"`
		Title       string `json:"title"`
		PublishedOn string `json:"publishedOn"`
	} `json:"source"`
}
