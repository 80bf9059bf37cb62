package dbtest

import (
	"context"
	"testing"

	"github.com/wenming/wenming/db"
)

// fullDataset combines honours, volunteering and practice with works, figures and targets.
func fullDataset() *db.Dataset {
	ds := addPractice(addVolunteering(honorDataset()))
	ds.Works = []*db.Work{
		{ID: 1, Title: "赶考路上·书法", Kind: "书法", UnitID: ptr(int64(unitTransport)), Year: 2021, Selection: db.WorkCollected},
		{ID: 2, Title: "赶考路上·摄影", Kind: "摄影", UnitID: ptr(int64(unitHospital)), Year: 2021, Selection: db.WorkProvincial},
		{ID: 3, Title: "赶考路上·演讲", Kind: "演讲", Year: 2022, Selection: db.WorkProvincialDirect},
		{ID: 4, Title: "旧作", Kind: "绘画", Year: 2018, Selection: db.WorkCollected},
	}
	fig := func(id int64, key, section string, value float64, q db.FigureQualifier, m db.Metric) *db.PublishedFigure {
		return &db.PublishedFigure{ID: id, Key: key, Section: section, LabelZh: key, LabelEn: key, Value: value, Unit: "个", Qualifier: q, Quote: "原文：" + key, SourceID: 1, Metric: m}
	}
	// IDs deliberately not in article order: position is the order given here.
	ds.Figures = []*db.PublishedFigure{
		fig(30, "national_units", "honors", 2, db.QualifierExact, "honors:NATIONAL_CIVILISED_UNIT"),
		fig(10, "volunteers", "volunteer", 50, db.QualifierAtLeast, "volunteers:ALL"),
		fig(20, "provincial_units", "honors", 3, db.QualifierExact, "honors:PROVINCIAL_UNIT"),
		fig(40, "flood_cash", "volunteer", 50000, db.QualifierApproximate, "cash:FLOOD720"),
		fig(50, "meetings", "other", 12, db.QualifierExact, ""),
	}
	ds.Targets = []*db.Target{
		{ID: 1, Metric: db.ProgressHonorsNational, Year: 2024, Value: 3},
		{ID: 2, Metric: db.ProgressHonorsNational, Year: 2021, Value: 2},
		{ID: 3, Metric: db.ProgressVolunteers, Year: 2021, Value: 100},
	}
	return ds
}

func testPublishedFigures(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, fullDataset())
	keys := func(fs []*db.PublishedFigure) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Key)
		}
		return out
	}

	t.Run("AllInArticleOrder", func(t *testing.T) {
		fs, err := d.PublishedFigures(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "keys", keys(fs), []string{"national_units", "volunteers", "provincial_units", "flood_cash", "meetings"})
		want := *fullDataset().Figures[0]
		want.Basis = db.BasisPublished // the store's default for a figure loaded without one
		if fs[0].Source == nil || fs[0].Source.ID != want.SourceID {
			t.Fatalf("figure source not filled: %+v", fs[0].Source)
		}
		want.Source = fs[0].Source
		assertEqual(t, "first figure", fs[0], &want)
	})

	t.Run("Section", func(t *testing.T) {
		fs, err := d.PublishedFigures(ctx, "volunteer")
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "keys", keys(fs), []string{"volunteers", "flood_cash"})
	})

	t.Run("UnknownSection", func(t *testing.T) {
		fs, err := d.PublishedFigures(ctx, "nope")
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "figures", len(fs), 0)
	})

	t.Run("ByIDs", func(t *testing.T) {
		m, err := d.PublishedFiguresByIDs(ctx, []int64{50})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "untracked", m[50].Tracked(), false)
	})
}

func testMeasure(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, fullDataset())
	all := db.YearRange{From: 2019, To: 2024}

	for _, tc := range []struct {
		metric db.Metric
		years  db.YearRange
		want   float64
	}{
		{"honors:NATIONAL_CIVILISED_UNIT,PROVINCIAL_UNIT", all, 5},
		{"honors:NATIONAL_CIVILISED_UNIT,PROVINCIAL_UNIT", db.YearRange{From: 2020, To: 2023}, 3},
		{"honors:DIRECT_MORAL_MODEL", all, 1}, // any status counts, the nomination included
		{"honors:DIRECT_MORAL_MODEL@AWARDED", all, 0},
		{"honors:DIRECT_MORAL_MODEL@NOMINATED", all, 1},
		{"honors:NATIONAL_CIVILISED_CAMPUS@AWARDED", all, 0},
		{"honors:NATIONAL_CIVILISED_CAMPUS@RECOMMENDED", all, 1},
		{"honors:PROVINCIAL_MODEL_UNIT@AWARDED,TREATMENT_RECOGNISED", all, 1},
		{"hours:ALL", db.YearRange{From: 2022, To: 2022}, 0.75},
		{"works:collected", all, 3},
		{"volunteers:COVID19", all, 15},
		{"hours:COVID19", all, 15},
		{"hours:FLOOD720", all, 28},
		{"volunteers:ALL", all, 52},
		{"volunteers:ALL", db.YearRange{From: 2021, To: 2021}, 30},
		{"hours:ALL", all, 47.25},
		{"volunteers:NO_SUCH_CAMPAIGN", all, 0},
		{"cash:FLOOD720", all, 50000},
		{"cash:ALL", all, 53000},
		{"material:FLOOD720", all, 20000},
		{"boxes:FLOOD720", all, 60},
		{"batches:FLOOD720", all, 2},
		{"donors:FLOOD720", all, 2},
		{"donors:AID_JILIN", all, 1}, // the anonymous donation is no donor unit
		{"federation:GROUP", all, 3},
		{"federation:GROUP", db.YearRange{From: 2019, To: 2020}, 2},
		{"federation:INDIVIDUAL", all, 3},
		{"practice:linked_units", all, 3},
		{"practice:linked_units", db.YearRange{From: 2019, To: 2020}, 1},
		// Distinct centres that links point to (1, 2, 3), not the five catalogue rows.
		{"practice:centers", all, 3},
		{"practice:centers", db.YearRange{From: 2019, To: 2020}, 2},
		{"sessions:PROMOTION_WEEK", all, 8},
		{"sessions:PAIRING", all, 4},
		{"participants:PROMOTION_WEEK", all, 320},
		{"participants:PROMOTION_WEEK", db.YearRange{From: 2021, To: 2024}, 200},
		{"projects:all", all, 2},
	} {
		t.Run(string(tc.metric)+"_"+tc.years.String(), func(t *testing.T) {
			got, err := d.Measure(ctx, []db.Metric{tc.metric}, tc.years)
			if err != nil {
				t.Fatal(err)
			}
			v, ok := got[tc.metric]
			if !ok {
				t.Fatalf("metric %s missing from %v", tc.metric, got)
			}
			assertEqual(t, string(tc.metric), v, tc.want)
		})
	}

	t.Run("SeveralAtOnce", func(t *testing.T) {
		got, err := d.Measure(ctx, []db.Metric{"volunteers:ALL", "", "practice:centers", "volunteers:ALL"}, all)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "measures", got, map[db.Metric]float64{"volunteers:ALL": 52, "practice:centers": 3})
	})

	t.Run("ErrUnknownMetric", func(t *testing.T) {
		_, err := d.Measure(ctx, []db.Metric{"weather:sunny"}, all)
		if err == nil {
			t.Fatal("unknown metric measured without error")
		}
	})
}

func testProgress(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, fullDataset())
	target := func(v float64) *float64 { return &v }

	t.Run("FillsEveryYearWithTargets", func(t *testing.T) {
		got, err := d.Progress(ctx, db.ProgressHonorsNational, db.YearRange{From: 2018, To: 2025})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "progress", got, []db.YearValue{
			{Year: 2018},
			{Year: 2019, Value: 1},
			{Year: 2020}, // the recommended national campus is no national honour awarded
			{Year: 2021, Target: target(2)},
			{Year: 2022},
			{Year: 2023, Value: 1},
			{Year: 2024, Value: 1, Target: target(3)},
			{Year: 2025},
		})
	})

	t.Run("VolunteerHours", func(t *testing.T) {
		got, err := d.Progress(ctx, db.ProgressVolunteerHours, db.YearRange{From: 2019, To: 2022})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "progress", got, []db.YearValue{{Year: 2019}, {Year: 2020, Value: 17}, {Year: 2021, Value: 29.5}, {Year: 2022, Value: 0.75}})
	})

	t.Run("TargetsOfOtherMetricsStayOut", func(t *testing.T) {
		got, err := d.Progress(ctx, db.ProgressVolunteers, db.YearRange{From: 2021, To: 2021})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "progress", got, []db.YearValue{{Year: 2021, Value: 30, Target: target(100)}})
	})

	t.Run("HonorsTotalAndPeople", func(t *testing.T) {
		got, err := d.Progress(ctx, db.ProgressHonorsTotal, db.YearRange{From: 2021, To: 2022})
		if err != nil {
			t.Fatal(err)
		}
		// Awards only: 2021's nomination and 2022's treatment recognition stay out.
		assertEqual(t, "total", got, []db.YearValue{{Year: 2021, Value: 1}, {Year: 2022, Value: 1}})
		got, err = d.Progress(ctx, db.ProgressGoodPeople, db.YearRange{From: 2021, To: 2024})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "good people", got, []db.YearValue{{Year: 2021, Value: 1}, {Year: 2022}, {Year: 2023}, {Year: 2024, Value: 1}})
	})

	t.Run("StatusesApart", func(t *testing.T) {
		years := db.YearRange{From: 2020, To: 2022}
		for _, tc := range []struct {
			metric db.ProgressMetric
			want   []db.YearValue
		}{
			{db.ProgressHonorsTreatment, []db.YearValue{{Year: 2020}, {Year: 2021}, {Year: 2022, Value: 1}}},
			{db.ProgressHonorsRecommended, []db.YearValue{{Year: 2020, Value: 1}, {Year: 2021}, {Year: 2022}}},
			{db.ProgressHonorsProvincial, []db.YearValue{{Year: 2020, Value: 1}, {Year: 2021}, {Year: 2022}}},
		} {
			t.Run(string(tc.metric), func(t *testing.T) {
				got, err := d.Progress(ctx, tc.metric, years)
				if err != nil {
					t.Fatal(err)
				}
				assertEqual(t, "progress", got, tc.want)
			})
		}
	})

	t.Run("ErrUnknownMetric", func(t *testing.T) {
		_, err := d.Progress(ctx, "RAINFALL", db.YearRange{From: 2019, To: 2024})
		assertCode(t, err, db.EINVALID)
	})

	t.Run("Targets", func(t *testing.T) {
		ts, err := d.Targets(ctx, db.ProgressHonorsNational)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "targets", len(ts), 2)
		assertEqual(t, "in year order", [2]int{ts[0].Year, ts[1].Year}, [2]int{2021, 2024})
		all, err := d.Targets(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "all targets", len(all), 3)
	})
}

func testWorkStats(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, fullDataset())

	got, err := d.WorkStats(ctx, db.YearRange{From: 2019, To: 2024})
	if err != nil {
		t.Fatal(err)
	}
	var rows []db.WorkBucket
	for _, b := range got {
		rows = append(rows, *b)
	}
	assertEqual(t, "work buckets", rows, []db.WorkBucket{
		{Year: 2021, Selection: db.WorkCollected, Count: 1},
		{Year: 2021, Selection: db.WorkProvincial, Count: 1},
		{Year: 2022, Selection: db.WorkProvincialDirect, Count: 1},
	})
}
