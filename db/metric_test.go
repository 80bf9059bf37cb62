package db_test

import (
	"strings"
	"testing"

	"github.com/wenming/wenming/db"
)

func figure(value float64, q db.FigureQualifier, m db.Metric) *db.PublishedFigure {
	return &db.PublishedFigure{Key: "k", Value: value, Qualifier: q, Metric: m, NoteZh: "（按年度口径）"}
}

func TestReconcile(t *testing.T) {
	for _, tc := range []struct {
		name     string
		q        db.FigureQualifier
		value    float64
		recorded float64
		want     db.ReconciliationStatus
	}{
		{"ExactEqual", db.QualifierExact, 128, 128, db.ReconMatch},
		{"ExactBelow", db.QualifierExact, 128, 127, db.ReconBelow},
		{"ExactAbove", db.QualifierExact, 128, 128.5, db.ReconAbove},
		{"AtLeastEqual", db.QualifierAtLeast, 1000, 1000, db.ReconMatch},
		{"AtLeastMore", db.QualifierAtLeast, 1000, 5000, db.ReconMatch},
		{"AtLeastBelow", db.QualifierAtLeast, 1000, 999, db.ReconBelow},
		{"ApproxEqual", db.QualifierApproximate, 1000, 1000, db.ReconMatch},
		{"ApproxLowerEdge", db.QualifierApproximate, 1000, 950, db.ReconMatch},
		{"ApproxUpperEdge", db.QualifierApproximate, 1000, 1050, db.ReconMatch},
		{"ApproxBelow", db.QualifierApproximate, 1000, 949, db.ReconBelow},
		{"ApproxAbove", db.QualifierApproximate, 1000, 1051, db.ReconAbove},
		// 「约164万余元」: approximately and at least — from 95% of the figure up, with no upper bound.
		{"ApproxAtLeastEqual", db.QualifierApproximateAtLeast, 1640000, 1640000, db.ReconMatch},
		{"ApproxAtLeastLowerEdge", db.QualifierApproximateAtLeast, 1640000, 1558000, db.ReconMatch},
		{"ApproxAtLeastFarAbove", db.QualifierApproximateAtLeast, 1640000, 2500000, db.ReconMatch},
		{"ApproxAtLeastBelow", db.QualifierApproximateAtLeast, 1640000, 1557999, db.ReconBelow},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := figure(tc.value, tc.q, "volunteers:ALL")
			rec := tc.recorded
			row := db.Reconcile(f, &rec)
			if row.Status != tc.want {
				t.Fatalf("status = %s, want %s (note %q)", row.Status, tc.want, row.Note)
			}
			if row.Figure != f || row.RecordedValue == nil || *row.RecordedValue != tc.recorded {
				t.Fatalf("row does not carry figure and recorded value: %+v", row)
			}
			if !strings.HasSuffix(row.Note, f.NoteZh) {
				t.Fatalf("note %q does not end with the figure's note", row.Note)
			}
		})
	}

	t.Run("ExactNoteGivesDifference", func(t *testing.T) {
		rec := 120.0
		row := db.Reconcile(figure(128, db.QualifierExact, "honors:X"), &rec)
		if !strings.Contains(row.Note, "8") {
			t.Fatalf("note %q does not give the difference 8", row.Note)
		}
	})

	t.Run("Untracked", func(t *testing.T) {
		rec := 128.0
		row := db.Reconcile(figure(128, db.QualifierExact, ""), &rec)
		if row.Status != db.ReconNotTracked {
			t.Fatalf("status = %s, want NOT_TRACKED", row.Status)
		}
	})

	t.Run("TrackedWithoutRecordedValue", func(t *testing.T) {
		row := db.Reconcile(figure(128, db.QualifierExact, "honors:X"), nil)
		if row.Status != db.ReconNotTracked {
			t.Fatalf("status = %s, want NOT_TRACKED", row.Status)
		}
	})
}

func TestMetricParts(t *testing.T) {
	for _, tc := range []struct {
		m         db.Metric
		kind, arg string
	}{
		{"honors:A,B", "honors", "A,B"},
		{"practice:linked_units", "practice", "linked_units"},
		{"projects", "projects", ""},
	} {
		kind, arg := tc.m.Parts()
		if kind != tc.kind || arg != tc.arg {
			t.Errorf("%q.Parts() = %q, %q; want %q, %q", tc.m, kind, arg, tc.kind, tc.arg)
		}
	}
}

func TestCumulate(t *testing.T) {
	target := 5.0
	got := db.Cumulate([]db.YearValue{{Year: 2019, Value: 1}, {Year: 2020, Value: 0, Target: &target}, {Year: 2021, Value: 2.5}})
	want := []float64{1, 1, 3.5}
	for i, v := range got {
		if v.Value != want[i] {
			t.Fatalf("year %d: cumulative %v, want %v", v.Year, v.Value, want[i])
		}
	}
	if got[1].Target != &target || got[0].Target != nil {
		t.Fatal("targets are not kept as they are")
	}
}

func TestOverviewKpis(t *testing.T) {
	// Every headline KPI must name a metric that the store knows how to measure.
	kinds := map[string]bool{"honors": true, "works": true, "volunteers": true, "hours": true, "cash": true, "material": true,
		"boxes": true, "batches": true, "donors": true, "federation": true, "practice": true, "sessions": true, "participants": true, "projects": true}
	seen := map[string]bool{}
	for _, k := range db.OverviewKpis {
		kind, arg := k.Metric.Parts()
		if !kinds[kind] || arg == "" {
			t.Errorf("KPI %s has unknown metric %q", k.Key, k.Metric)
		}
		if seen[k.Key] {
			t.Errorf("duplicate KPI key %s", k.Key)
		}
		seen[k.Key] = true
	}
}

func TestReconcile_ApproximateAtLeastNote(t *testing.T) {
	rec := 1700000.0
	row := db.Reconcile(figure(1640000, db.QualifierApproximateAtLeast, "material:COVID19"), &rec)
	if !strings.Contains(row.Note, "「约…余」") {
		t.Fatalf("note %q does not name the qualifier as the article writes it", row.Note)
	}
}

func TestMeasuredMetric(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    *db.PublishedFigure
		want db.Metric
	}{
		{"HonoursNarrowedToStatuses", &db.PublishedFigure{Metric: "honors:TREAT_NATIONAL_UNIT", Statuses: []db.HonorStatus{db.StatusTreatmentRecognised}},
			"honors:TREAT_NATIONAL_UNIT@TREATMENT_RECOGNISED"},
		{"SeveralStatuses", &db.PublishedFigure{Metric: "honors:A,B", Statuses: []db.HonorStatus{db.StatusAwarded, db.StatusRecommended}},
			"honors:A,B@AWARDED,RECOMMENDED"},
		{"OtherMetricsUnchanged", &db.PublishedFigure{Metric: "volunteers:COVID19", Statuses: []db.HonorStatus{db.StatusAwarded}}, "volunteers:COVID19"},
		{"NoStatuses", &db.PublishedFigure{Metric: "honors:A"}, "honors:A"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.f.MeasuredMetric(); got != tc.want {
				t.Fatalf("measured metric = %q, want %q", got, tc.want)
			}
			codes, statuses := tc.want.HonorParts()
			if kind, _ := tc.want.Parts(); kind == "honors" && (len(codes) == 0 || len(statuses) != len(tc.f.Statuses)) {
				t.Fatalf("HonorParts(%q) = %v, %v", tc.want, codes, statuses)
			}
		})
	}
}

func TestHoursOf(t *testing.T) {
	for _, tc := range []struct {
		minutes int64
		want    float64
	}{{69703, 1161.72}, {20, 0.33}, {90, 1.5}, {0, 0}, {1, 0.02}} {
		if got := db.HoursOf(tc.minutes); got != tc.want {
			t.Errorf("HoursOf(%d) = %v, want %v", tc.minutes, got, tc.want)
		}
	}
}

func TestCumulateStaysRounded(t *testing.T) {
	got := db.Cumulate([]db.YearValue{{Year: 2019, Value: 0.1}, {Year: 2020, Value: 0.2}, {Year: 2021, Value: 1161.72}})
	if got[1].Value != 0.3 || got[2].Value != 1162.02 {
		t.Fatalf("running totals = %+v, want 0.3 and 1162.02", got)
	}
}
