package dbtest

import (
	"context"
	"strconv"
	"testing"

	"github.com/wenming/wenming/db"
)

// rankingDataset gives units honours, service, activities and assessments in 2021, plus noise in other years.
func rankingDataset() *db.Dataset {
	ds := addPractice(baseDataset())
	ds.Activities = nil // replaced by the ranking activities below
	u := func(id int64) *int64 { return &id }
	ds.Honors = []*db.Honor{
		{ID: 1, CategoryID: catNationalUnit, RecipientKind: db.RecipientUnit, RecipientName: "省交通运输厅", UnitID: u(unitTransport), Year: 2021, Status: db.StatusAwarded},
		{ID: 2, CategoryID: catProvincialUnit, RecipientKind: db.RecipientUnit, RecipientName: "省交通运输厅", UnitID: u(unitTransport), Year: 2021, Status: db.StatusAwarded},
		{ID: 3, CategoryID: catModelUnit, RecipientKind: db.RecipientUnit, RecipientName: "省人民医院", UnitID: u(unitHospital), Year: 2021, Status: db.StatusAwarded},
		{ID: 4, CategoryID: catNationalUnit, RecipientKind: db.RecipientUnit, RecipientName: "省交通运输厅", UnitID: u(unitTransport), Year: 2022, Status: db.StatusAwarded},
		// A person's honour has no unit and earns no unit points.
		{ID: 5, CategoryID: catGoodPerson, RecipientKind: db.RecipientPerson, RecipientName: "张三", PersonID: u(1), Year: 2021, Status: db.StatusAwarded},
	}
	ds.VolunteerRecords = []*db.VolunteerRecord{
		{ID: 1, UnitID: unitTransport, Date: "2021-03-01", Volunteers: 5, Minutes: 600, Method: db.MethodSignIn},
		{ID: 2, UnitID: unitTransport, Date: "2021-04-01", Volunteers: 1, Minutes: 60, Method: db.MethodSignIn},
		{ID: 3, UnitID: unitZhengzhouU, Date: "2021-05-01", Volunteers: 2, Minutes: 300, Method: db.MethodShift},
		{ID: 4, UnitID: unitTransport, Date: "2020-12-31", Volunteers: 9, Minutes: 999, Method: db.MethodSignIn},
	}
	ds.Activities = []*db.PracticeActivity{
		{ID: 1, UnitID: unitTransport, Date: "2021-05-10", Kind: db.ActivityRoutine, Theme: "宣讲", Sessions: 3},
		{ID: 2, UnitID: unitTransport, Date: "2021-06-10", Kind: db.ActivityRoutine, Theme: "宣讲", Sessions: 2},
		{ID: 3, UnitID: unitHospital, Date: "2021-07-10", Kind: db.ActivityRoutine, Theme: "义诊", Sessions: 1},
		{ID: 4, UnitID: unitHospital, Date: "2022-07-10", Kind: db.ActivityRoutine, Theme: "义诊", Sessions: 7},
	}
	ds.Assessments = []*db.Assessment{
		{ID: 1, UnitID: unitTransport, Year: 2021, BaseScore: 90, Bonus: 5, Stage: db.StageNamed},
		{ID: 2, UnitID: unitZhengzhouU, Year: 2021, BaseScore: 88, Bonus: 2, Veto: true, Stage: db.StageRevoked},
		{ID: 3, UnitID: unitPower, Year: 2022, BaseScore: 80, Stage: db.StageApplied},
	}
	// Listed out of order on purpose: the store orders components itself.
	ds.Weights = []*db.RankingWeight{
		{FromYear: 2022, Component: db.ComponentAssessment, LabelZh: "测评总分", Weight: 0.25},
		{FromYear: 2019, Component: db.ComponentPractice, LabelZh: "文明实践活动场次", Weight: 0.2},
		{FromYear: 2019, Component: db.ComponentHonors, LabelZh: "荣誉积分", Weight: 0.4},
		{FromYear: 2022, Component: db.ComponentHonors, LabelZh: "荣誉积分", Weight: 0.25},
		{FromYear: 2019, Component: db.ComponentAssessment, LabelZh: "测评总分", Weight: 0.1},
		{FromYear: 2022, Component: db.ComponentVolunteer, LabelZh: "志愿服务时长", Weight: 0.25},
		{FromYear: 2019, Component: db.ComponentVolunteer, LabelZh: "志愿服务时长", Weight: 0.3},
		{FromYear: 2022, Component: db.ComponentPractice, LabelZh: "文明实践活动场次", Weight: 0.25},
	}
	return ds
}

func unitIDs(p *db.UnitPage) []int64 {
	var ids []int64
	for _, e := range p.Edges {
		ids = append(ids, e.Node.ID)
	}
	return ids
}

func testUnits(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, practiceDataset())

	for _, tc := range []struct {
		name   string
		filter db.UnitCriteria
		want   []int64
	}{
		{"None", db.UnitCriteria{}, []int64{1, 2, 3, 4, 5, 6, 7}},
		{"Kind", db.UnitCriteria{Kind: "机关"}, []int64{unitTransport, unitFinance}},
		{"NameContains", db.UnitCriteria{NameContains: "大学"}, []int64{unitZhengzhouU, unitHenanU}},
		{"ServiceWindow", db.UnitCriteria{ServiceWindow: ptr(true)}, []int64{unitHospital}},
		{"NotServiceWindow", db.UnitCriteria{ServiceWindow: ptr(false)}, []int64{1, 2, 4, 5, 6, 7}},
		{"LinkedToPractice", db.UnitCriteria{LinkedToPractice: ptr(true)}, []int64{unitTransport, unitZhengzhouU, unitHospital}},
		{"NotLinkedToPractice", db.UnitCriteria{LinkedToPractice: ptr(false)}, []int64{unitPower, unitSchool, unitFinance, unitHenanU}},
		{"Combined", db.UnitCriteria{Kind: "高校", LinkedToPractice: ptr(true)}, []int64{unitZhengzhouU}},
		{"NoMatch", db.UnitCriteria{NameContains: "不存在"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := d.Units(ctx, tc.filter, db.Page{First: db.MaxPageSize})
			if err != nil {
				t.Fatal(err)
			}
			assertIDs(t, unitIDs(p), tc.want)
			assertEqual(t, "total", p.TotalCount, len(tc.want))
		})
	}

	t.Run("Paging", func(t *testing.T) {
		var got []int64
		after := ""
		for pages := 0; pages < 10; pages++ {
			p, err := d.Units(ctx, db.UnitCriteria{NameContains: "省"}, db.Page{First: 2, After: after})
			if err != nil {
				t.Fatal(err)
			}
			assertEqual(t, "total", p.TotalCount, 5)
			got = append(got, unitIDs(p)...)
			if !p.PageInfo.HasNextPage {
				break
			}
			after = *p.PageInfo.EndCursor
		}
		assertIDs(t, got, []int64{unitTransport, unitHospital, unitPower, unitSchool, unitFinance})
	})

	t.Run("ErrInvalidCursor", func(t *testing.T) {
		_, err := d.Units(ctx, db.UnitCriteria{}, db.Page{First: 2, After: "eyJpZCI6LTF9"}) // {"id":-1}
		assertCode(t, err, db.EINVALID)
	})
}

func testUnitKinds(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, baseDataset())

	got, err := d.UnitKinds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var rows []db.UnitKindCount
	for _, k := range got {
		rows = append(rows, *k)
	}
	// Display order of db.UnitKinds; 事业单位 has no unit and is left out.
	assertEqual(t, "unit kinds", rows, []db.UnitKindCount{
		{Kind: "机关", Count: 2}, {Kind: "国有企业", Count: 1}, {Kind: "高校", Count: 2}, {Kind: "中小学", Count: 1}, {Kind: "医院", Count: 1},
	})
}

func testRankingInputs(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, rankingDataset())

	t.Run("Year2021", func(t *testing.T) {
		got, err := d.RankingInputs(ctx, 2021, "")
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "inputs", got, []db.RankingInput{
			{UnitID: unitTransport, HonorPoints: 15, VolunteerMinutes: 660, PracticeSessions: 5, AssessmentTotal: 95, HasAssessment: true},
			// Vetoed: assessed, but the total is 0.
			{UnitID: unitZhengzhouU, VolunteerMinutes: 300, AssessmentTotal: 0, HasAssessment: true},
			{UnitID: unitHospital, HonorPoints: 6, PracticeSessions: 1},
			{UnitID: unitPower},
			{UnitID: unitSchool},
			{UnitID: unitFinance},
			{UnitID: unitHenanU},
		})
	})

	t.Run("Year2022", func(t *testing.T) {
		got, err := d.RankingInputs(ctx, 2022, "")
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "transport", got[0], db.RankingInput{UnitID: unitTransport, HonorPoints: 10})
		assertEqual(t, "hospital", got[2], db.RankingInput{UnitID: unitHospital, PracticeSessions: 7})
		assertEqual(t, "power", got[3], db.RankingInput{UnitID: unitPower, AssessmentTotal: 80, HasAssessment: true})
	})

	t.Run("UnitKind", func(t *testing.T) {
		got, err := d.RankingInputs(ctx, 2021, "机关")
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "units", len(got), 2)
		assertEqual(t, "first", got[0].UnitID, int64(unitTransport))
		assertEqual(t, "second", got[1].UnitID, int64(unitFinance))
	})
}

func testRankingWeights(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, rankingDataset())

	for _, tc := range []struct {
		year     int
		fromYear int
		weights  []float64
	}{
		{2019, 2019, []float64{0.4, 0.3, 0.2, 0.1}},
		{2021, 2019, []float64{0.4, 0.3, 0.2, 0.1}},
		{2022, 2022, []float64{0.25, 0.25, 0.25, 0.25}},
		{2024, 2022, []float64{0.25, 0.25, 0.25, 0.25}},
	} {
		t.Run(strconv.Itoa(tc.year), func(t *testing.T) {
			ws, err := d.RankingWeights(ctx, tc.year)
			if err != nil {
				t.Fatal(err)
			}
			var comps []string
			var weights []float64
			for _, w := range ws {
				assertEqual(t, "from year", w.FromYear, tc.fromYear)
				comps = append(comps, w.Component)
				weights = append(weights, w.Weight)
			}
			assertEqual(t, "components", comps, []string{db.ComponentHonors, db.ComponentVolunteer, db.ComponentPractice, db.ComponentAssessment})
			assertEqual(t, "weights", weights, tc.weights)
		})
	}
}

func testAssessments(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, rankingDataset())

	m, err := d.AssessmentsByUnits(ctx, []int64{unitTransport, unitZhengzhouU, unitHospital})
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, "keys", len(m), 2)
	assertEqual(t, "transport total", m[unitTransport][0].Total(), 95.0)
	assertEqual(t, "vetoed total", m[unitZhengzhouU][0].Total(), 0.0)

	stages, err := d.AssessmentStageStats(ctx, db.YearRange{From: 2021, To: 2021})
	if err != nil {
		t.Fatal(err)
	}
	var got []db.AssessmentStageBucket
	for _, s := range stages {
		got = append(got, *s)
	}
	assertEqual(t, "stages", got, []db.AssessmentStageBucket{
		{Year: 2021, Stage: db.StageNamed, Count: 1},
		{Year: 2021, Stage: db.StageRevoked, Count: 1},
	})
}
