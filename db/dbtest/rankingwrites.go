package dbtest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/wenming/wenming/db"
)

// rankingYears are the years the ranking tests rank: every year their records fall in, and one without any.
var rankingYears = []int{2020, 2021, 2022, 2023}

// Unit IDs of rankingWritesDataset beyond the base dataset's, spread over several blocks of the store's change counts
// (64 unit IDs each), with both edges of a block.
const (
	unitBlockEnd   = 63  // 机关, the last ID of the first block
	unitBlockStart = 64  // 机关, the first ID of the second
	unitFarAway    = 640 // 国有企业
	unitDemoFirst  = 1000
	demoUnitBlocks = 20 // demo units, one in each of 20 blocks: more than a store re-reads one by one
)

// rankingWritesDataset is rankingDataset with units in many blocks of unit IDs, some of them demo, each with
// records that feed the rankings of 2021 and 2022.
func rankingWritesDataset() *db.Dataset {
	ds := rankingDataset()
	u := func(id int64) *int64 { return &id }
	add := func(id int64, name, kind string, demo bool, minutes int64, sessions int, score float64) {
		ds.Units = append(ds.Units, &db.Unit{ID: id, Name: name, Kind: kind, Sector: "测试", Demo: demo})
		for _, year := range []int{2021, 2022} {
			n := int64(len(ds.VolunteerRecords) + 1)
			ds.VolunteerRecords = append(ds.VolunteerRecords, &db.VolunteerRecord{ID: n, UnitID: id, Date: db.Date(fmt.Sprintf("%d-06-01", year)),
				Volunteers: 3, Minutes: minutes, Method: db.MethodSignIn, Demo: demo})
			a := int64(len(ds.Activities) + 1)
			ds.Activities = append(ds.Activities, &db.PracticeActivity{ID: a, UnitID: id, Date: db.Date(fmt.Sprintf("%d-07-01", year)),
				Kind: db.ActivityRoutine, Theme: "宣讲", Sessions: sessions, Demo: demo})
		}
		ds.Assessments = append(ds.Assessments, &db.Assessment{ID: int64(len(ds.Assessments) + 1), UnitID: id, Year: 2021, BaseScore: score,
			Stage: db.StageApplied, Demo: demo})
	}
	add(unitBlockEnd, "排名测试厅甲", "机关", false, 720, 2, 85)
	add(unitBlockStart, "排名测试厅乙", "机关", false, 360, 4, 91)
	add(unitFarAway, "排名测试公司丙", "国有企业", false, 1500, 1, 70)
	ds.Honors = append(ds.Honors,
		&db.Honor{ID: 101, CategoryID: catProvincialUnit, RecipientKind: db.RecipientUnit, RecipientName: "排名测试厅乙", UnitID: u(unitBlockStart), Year: 2021, Status: db.StatusAwarded},
		&db.Honor{ID: 102, CategoryID: catModelUnit, RecipientKind: db.RecipientUnit, RecipientName: "排名测试公司丙", UnitID: u(unitFarAway), Year: 2022, Status: db.StatusAwarded})
	for i := range demoUnitBlocks {
		add(unitDemoFirst+int64(i)*64, fmt.Sprintf("排名测试演示单位%02d（演示）", i), db.UnitKinds[i%len(db.UnitKinds)], true, int64(60*(i+1)), 1+i%3, float64(60+i))
	}
	return ds
}

// testRankingFollowsWrites writes every kind of record a ranking reads, one write at a time, and after each compares
// every ranking (each year, metric and unit kind, and every unit's) with one computed from the records read one by
// one: the store may keep a year's inputs between reads, but never a stale one.
func testRankingFollowsWrites(t *testing.T, open Opener) {
	d := mustOpenLoaded(t, open, rankingWritesDataset())
	ctx := adminCtx()
	mustRankingsFromRecords(t, d)

	i64 := func(v int64) *int64 { return &v }
	var unitID, honorID, recordID, activityID, assessmentID int64
	version := map[string]int{}
	must := func(t *testing.T, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	bin := map[string]int64{}
	del := func(name string, e db.Entity, id *int64) func(t *testing.T) {
		return func(t *testing.T) {
			b, err := d.DeleteRecord(ctx, e, *id, version[name])
			must(t, err)
			bin[name] = b.ID
		}
	}
	restore := func(name string) func(t *testing.T) {
		return func(t *testing.T) {
			_, err := d.RestoreRecord(ctx, bin[name])
			must(t, err)
		}
	}
	steps := []struct {
		name  string
		write func(t *testing.T)
	}{
		{"CreateUnit", func(t *testing.T) {
			u, err := d.CreateUnit(ctx, db.UnitFields{Name: "排名测试新单位", Kind: "医院", Sector: "卫生"})
			must(t, err)
			unitID, version["unit"] = u.ID, u.Version
			r, err := d.CreateVolunteerRecord(ctx, db.VolunteerRecordFields{UnitID: u.ID, Date: "2021-09-09", Volunteers: 4, Minutes: 5000, Method: db.MethodShift})
			must(t, err)
			recordID, version["record"] = r.ID, r.Version
		}},
		{"UpdateUnitKind", func(t *testing.T) {
			units, err := d.UnitsByIDs(ctx, []int64{unitBlockEnd})
			must(t, err)
			_, err = d.UpdateUnit(ctx, unitBlockEnd, units[unitBlockEnd].Version, db.UnitFields{Name: "排名测试厅甲", Kind: "国有企业", Sector: "测试"})
			must(t, err)
		}},
		{"CreateHonor", func(t *testing.T) {
			h, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "NATIONAL_CIVILISED_UNIT", UnitID: i64(unitFarAway), Year: 2021})
			must(t, err)
			honorID, version["honor"] = h.ID, h.Version
		}},
		{"UpdateHonorYearAndUnit", func(t *testing.T) {
			h, err := d.UpdateHonor(ctx, honorID, version["honor"], db.HonorFields{CategoryCode: "NATIONAL_CIVILISED_UNIT", UnitID: i64(unitBlockStart), Year: 2022})
			must(t, err)
			version["honor"] = h.Version
		}},
		{"DeleteHonor", del("honor", db.EntityHonor, &honorID)},
		{"RestoreHonor", restore("honor")},
		{"SetCategoryPoints", func(t *testing.T) {
			_, err := d.SetHonorCategoryPoints(ctx, "PROVINCIAL_UNIT", 7.5)
			must(t, err)
		}},
		{"UpdateVolunteerRecordAcrossBlocksAndYears", func(t *testing.T) {
			r, err := d.UpdateVolunteerRecord(ctx, recordID, version["record"], db.VolunteerRecordFields{UnitID: unitFarAway, Date: "2022-02-02", Volunteers: 4,
				Minutes: 90, Method: db.MethodShift})
			must(t, err)
			version["record"] = r.Version
		}},
		{"DeleteVolunteerRecord", del("record", db.EntityVolunteerRecord, &recordID)},
		{"RestoreVolunteerRecord", restore("record")},
		{"CreatePracticeActivity", func(t *testing.T) {
			a, err := d.CreatePracticeActivity(ctx, db.PracticeActivityFields{UnitID: unitBlockStart, Date: "2022-03-03", Kind: db.ActivityRoutine, Theme: "宣讲",
				Sessions: 9})
			must(t, err)
			activityID, version["activity"] = a.ID, a.Version
		}},
		{"UpdatePracticeActivity", func(t *testing.T) {
			a, err := d.UpdatePracticeActivity(ctx, activityID, version["activity"], db.PracticeActivityFields{UnitID: unitTransport, Date: "2021-03-03",
				Kind: db.ActivityRoutine, Theme: "宣讲", Sessions: 4})
			must(t, err)
			version["activity"] = a.Version
		}},
		{"DeletePracticeActivity", del("activity", db.EntityPracticeActivity, &activityID)},
		{"RestorePracticeActivity", restore("activity")},
		{"CreateAssessment", func(t *testing.T) {
			a, err := d.CreateAssessment(ctx, db.AssessmentFields{UnitID: unitFarAway, Year: 2022, BaseScore: 99, Bonus: 1, Stage: db.StageApplied})
			must(t, err)
			assessmentID, version["assessment"] = a.ID, a.Version
		}},
		{"UpdateAssessmentVeto", func(t *testing.T) {
			a, err := d.UpdateAssessment(ctx, assessmentID, version["assessment"], db.AssessmentFields{UnitID: unitFarAway, Year: 2022, BaseScore: 99, Bonus: 1,
				Veto: true, Stage: db.StageRevoked})
			must(t, err)
			version["assessment"] = a.Version
		}},
		{"DeleteAssessment", del("assessment", db.EntityAssessment, &assessmentID)},
		{"RestoreAssessment", restore("assessment")},
		{"DeleteUnit", func(t *testing.T) {
			// A unit with records cannot go; its records go first.
			_, err := d.DeleteRecord(ctx, db.EntityVolunteerRecord, recordID, 0)
			must(t, err)
			units, err := d.UnitsByIDs(ctx, []int64{unitID})
			must(t, err)
			b, err := d.DeleteRecord(ctx, db.EntityUnit, unitID, units[unitID].Version)
			must(t, err)
			bin["unit"] = b.ID
		}},
		{"RestoreUnit", restore("unit")},
		{"SetWeights", func(t *testing.T) {
			_, err := d.SetRankingWeights(ctx, 2021, []db.RankingWeightFields{{Component: db.ComponentHonors, Weight: 0.125},
				{Component: db.ComponentVolunteer, Weight: 0.5}, {Component: db.ComponentPractice, Weight: 0.125}, {Component: db.ComponentAssessment, Weight: 0.25}})
			must(t, err)
		}},
		{"DeleteWeights", func(t *testing.T) {
			b, err := d.DeleteRecord(ctx, db.EntityRankingWeights, 2022, 0)
			must(t, err)
			bin["weights"] = b.ID
		}},
		{"RestoreWeights", restore("weights")},
		{"Import", func(t *testing.T) {
			mustImport(t, d, db.ImportUnits, writeFile(t, "units.csv", "单位名称,单位类型,所属系统,服务窗口单位\n排名测试导入单位,医院,卫生健康系统,否\n"), false)
			mustImport(t, d, db.ImportVolunteerRecords, writeFile(t, "records.csv", "单位名称,服务日期,专项行动,志愿者人数,服务总时长（小时）,记录方式,是否核实\n"+
				"排名测试导入单位,2022-05-05,,20,300,签到签退,是\n"+
				"排名测试厅乙,2022-05-06,,10,40.5,按班次,否\n"+
				"排名测试演示单位03（演示）,2021-05-07,,10,12,补录,否\n"), false)
		}},
		{"ApproveReport", func(t *testing.T) { approveRankingReport(t, d, unitBlockStart) }},
		{"LoadBulk", func(t *testing.T) {
			// A bulk load's triggers stand aside: its end counts every block.
			err := d.LoadBulk(ctx, &db.BulkDataset{Base: &db.Dataset{
				Units: []*db.Unit{{ID: 3000, Name: "排名测试载入单位", Kind: "机关", Sector: "测试"}},
				VolunteerRecords: []*db.VolunteerRecord{
					{ID: 900, UnitID: 3000, Date: "2022-04-04", Volunteers: 2, Minutes: 240, Method: db.MethodSignIn},
					{ID: 901, UnitID: unitFarAway, Date: "2021-04-04", Volunteers: 2, Minutes: 30, Method: db.MethodSignIn},
				}}})
			must(t, err)
		}},
		{"ReadManyYears", func(t *testing.T) {
			// More years than a store may keep in memory: the ones it dropped are read again whole.
			for year := 2005; year <= 2030; year++ {
				_, err := d.RankingInputs(ctx, year, "")
				must(t, err)
			}
			_, err := d.CreateVolunteerRecord(ctx, db.VolunteerRecordFields{UnitID: unitBlockEnd, Date: "2023-01-01", Volunteers: 1, Minutes: 30, Method: db.MethodSelfReport})
			must(t, err)
		}},
		{"PurgeDemo", func(t *testing.T) {
			_, err := d.PurgeDemo(ctx, false)
			must(t, err)
		}},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			s.write(t)
			mustRankingsFromRecords(t, d)
		})
	}
}

// approveRankingReport walks one unit's report of 2022 (volunteer records, an activity and its self-assessment)
// through the flow to the office's approval, which writes them into the records.
func approveRankingReport(t *testing.T, d db.Backend, unit int64) {
	t.Helper()
	now := time.Now()
	day := func(n int) db.Date { return db.Date(now.In(db.ChinaTime).AddDate(0, 0, n).Format(time.DateOnly)) }
	office := adminCtx()
	task := &db.ReportTask{Year: 2022, Title: "2022年度排名测试上报", Kinds: []db.ReportKind{db.ReportVolunteerRecords, db.ReportPracticeActivities, db.ReportAssessmentScores},
		ReportWindow: db.ReportWindow{OpensOn: day(-1), DueOn: day(5), ClosesOn: day(10)}}
	if err := d.CreateReportTask(office, task, []int64{unit}); err != nil {
		t.Fatal(err)
	}
	reporter := db.WithPrincipal(context.Background(), &db.Principal{Username: "排名测试填报员", Role: db.RoleReporter, UnitID: unit, Via: "session"})
	a, err := d.SaveReportDraft(reporter, db.ReportStep{TaskID: task.ID, UnitID: unit, ExpectedVersion: 1, Now: now}, &db.ReportContent{
		VolunteerRecords:   []*db.ReportedVolunteerRecord{{Date: "2022-08-08", Volunteers: 12, Hours: 10.5, Method: db.MethodSignIn}},
		PracticeActivities: []*db.ReportedActivity{{Date: "2022-08-09", Kind: db.ActivityRoutine, Theme: "宣讲", Sessions: 6, Participants: 30}},
		Assessment:         &db.ReportedAssessment{BaseScore: 93, Bonus: 2},
	})
	if err != nil {
		t.Fatal(err)
	}
	if a, err = d.StepReport(reporter, db.ReportStep{TaskID: task.ID, UnitID: unit, Action: db.ActionSubmit, ExpectedVersion: a.Version, Now: now}); err != nil {
		t.Fatal(err)
	}
	if _, err = d.StepReport(office, db.ReportStep{TaskID: task.ID, UnitID: unit, Action: db.ActionApprove, ExpectedVersion: a.Version, Round: 1, Now: now}); err != nil {
		t.Fatal(err)
	}
}

// mustRankingsFromRecords fails the test unless every ranking of rankingYears, by every metric, over every unit and
// each kind, equals db.Rank over inputs summed from the records read one by one: the whole ranking
// (db.ComputeRankings), and its first and last few with their previous ranks (db.BuildRankings).
func mustRankingsFromRecords(t *testing.T, d db.Backend) {
	t.Helper()
	ctx := context.Background()
	inputs, err := rankingInputsFromRecords(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	for _, year := range rankingYears {
		for _, metric := range db.AllRankingMetrics {
			for _, kind := range append([]string{""}, db.UnitKinds...) {
				want, err := rankFromRecords(ctx, d, inputs, year, metric, kind)
				if err != nil {
					t.Fatal(err)
				}
				got, err := db.ComputeRankings(ctx, d, year, metric, kind)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("ranking %d %s %q:\n got %s\nwant %s", year, metric, kind, describeRanking(got), describeRanking(want))
				}
				prev, err := rankFromRecords(ctx, d, inputs, year-1, metric, kind)
				if err != nil {
					t.Fatal(err)
				}
				for _, order := range []db.RankingOrder{db.RankingTop, db.RankingBottom} {
					got, err := db.BuildRankings(ctx, d, year, metric, kind, rankingsShown, order)
					if err != nil {
						t.Fatal(err)
					}
					if want := withPreviousRanks(want, prev, metric, order); !reflect.DeepEqual(got, want) {
						t.Fatalf("rankings %d %s %q %s:\n got %s\nwant %s", year, metric, kind, order, describeRanking(got), describeRanking(want))
					}
				}
			}
		}
	}
}

// unitYearInputs are the ranking inputs of every unit by year, summed from the records, and each unit's kind.
type unitYearInputs struct {
	units []*db.Unit
	of    map[int]map[int64]*db.RankingInput
}

func rankingInputsFromRecords(ctx context.Context, d db.Backend) (*unitYearInputs, error) {
	in := &unitYearInputs{of: map[int]map[int64]*db.RankingInput{}}
	at := func(unit int64, year int) *db.RankingInput {
		if in.of[year] == nil {
			in.of[year] = map[int64]*db.RankingInput{}
		}
		if in.of[year][unit] == nil {
			in.of[year][unit] = &db.RankingInput{UnitID: unit}
		}
		return in.of[year][unit]
	}
	if err := d.EachUnit(ctx, db.UnitCriteria{}, func(u *db.Unit) error { in.units = append(in.units, u); return nil }); err != nil {
		return nil, err
	}
	slices.SortFunc(in.units, func(a, b *db.Unit) int { return int(a.ID - b.ID) })
	cats, err := d.HonorCategories(ctx)
	if err != nil {
		return nil, err
	}
	points := map[int64]float64{}
	for _, c := range cats {
		points[c.ID] = c.Weight
	}
	if err := d.EachHonor(ctx, db.HonorCriteria{}, func(h *db.Honor) error {
		if h.UnitID != nil {
			at(*h.UnitID, h.Year).HonorPoints += points[h.CategoryID]
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := d.EachVolunteerRecord(ctx, db.VolunteerCriteria{}, func(r *db.VolunteerRecord) error {
		at(r.UnitID, r.Date.Year()).VolunteerMinutes += r.Minutes
		return nil
	}); err != nil {
		return nil, err
	}
	if err := d.EachPracticeActivity(ctx, db.PracticeActivityCriteria{}, func(a *db.PracticeActivity) error {
		at(a.UnitID, a.Date.Year()).PracticeSessions += a.Sessions
		return nil
	}); err != nil {
		return nil, err
	}
	err = d.EachAssessment(ctx, db.AssessmentCriteria{}, func(a *db.Assessment) error {
		x := at(a.UnitID, a.Year)
		x.HasAssessment = true
		if !a.Veto {
			x.AssessmentTotal = a.BaseScore + a.Bonus
		}
		return nil
	})
	return in, err
}

// rankFromRecords is the ranking of a year over the units of a kind (every unit for ""), with the weights in force.
func rankFromRecords(ctx context.Context, d db.Backend, in *unitYearInputs, year int, metric db.RankingMetric, kind string) ([]*db.RankingEntry, error) {
	var rows []db.RankingInput
	for _, u := range in.units {
		if kind != "" && u.Kind != kind {
			continue
		}
		x := db.RankingInput{UnitID: u.ID}
		if v := in.of[year][u.ID]; v != nil {
			x = *v
		}
		rows = append(rows, x)
	}
	w, err := d.RankingWeights(ctx, year)
	if err != nil {
		return nil, err
	}
	return db.Rank(rows, metric, w), nil
}

// rankingsShown is how many entries of the top and of the bottom the ranking tests ask for.
const rankingsShown = 5

// withPreviousRanks is the first (or last) rankingsShown entries of a ranking, each with its rank of the year before
// where it scored there (any rank, for assessment scores), as db.BuildRankings documents.
func withPreviousRanks(cur, prev []*db.RankingEntry, metric db.RankingMetric, order db.RankingOrder) []*db.RankingEntry {
	ranks := map[int64]int{}
	for _, e := range prev {
		if e.Score > 0 || metric == db.RankAssessmentScore {
			ranks[e.UnitID] = e.Rank
		}
	}
	picked := cur[:min(len(cur), rankingsShown)]
	if order == db.RankingBottom {
		picked = cur[len(cur)-len(picked):]
	}
	out := []*db.RankingEntry{}
	for _, e := range picked {
		c := *e
		if r, ok := ranks[e.UnitID]; ok {
			c.PreviousRank = &r
		}
		out = append(out, &c)
	}
	return out
}

func describeRanking(es []*db.RankingEntry) string {
	s := ""
	for _, e := range es {
		s += fmt.Sprintf(" #%d u%d %v", e.Rank, e.UnitID, e.Score)
		for _, c := range e.Breakdown {
			s += fmt.Sprintf(" %s=%v", c.Key, c.Raw)
		}
	}
	return s
}
