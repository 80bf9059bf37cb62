package dbtest

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/wenming/wenming/db"
)

// Opener opens a fresh, empty and migrated database on the backend under test, and closes it when the test ends;
// each call gives a database of its own, so that cases can run in parallel.
type Opener = func(testing.TB) db.Backend

// mustLoad loads ds into d or fails the test.
func mustLoad(tb testing.TB, d db.Backend, ds *db.Dataset) {
	tb.Helper()
	if err := d.Load(context.Background(), ds); err != nil {
		tb.Fatalf("load: %v", err)
	}
}

// mustOpenLoaded opens a fresh database and loads ds into it.
func mustOpenLoaded(tb testing.TB, open Opener, ds *db.Dataset) db.Backend {
	tb.Helper()
	d := open(tb)
	mustLoad(tb, d, ds)
	return d
}

func ptr[T any](v T) *T { return &v }

func assertCode(tb testing.TB, err error, want string) {
	tb.Helper()
	if got := db.ErrorCode(err); got != want {
		tb.Fatalf("error code = %q, want %q (err: %v)", got, want, err)
	}
}

func assertIDs(tb testing.TB, got, want []int64) {
	tb.Helper()
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !slices.Equal(got, want) {
		tb.Fatalf("ids = %v, want %v", got, want)
	}
}

func assertEqual[T any](tb testing.TB, what string, got, want T) {
	tb.Helper()
	if !reflect.DeepEqual(got, want) {
		tb.Fatalf("%s = %+v, want %+v", what, got, want)
	}
}

// Unit IDs of the base dataset.
const (
	unitTransport  = 1 // 机关
	unitZhengzhouU = 2 // 高校
	unitHospital   = 3 // 医院, service window
	unitPower      = 4 // 国有企业
	unitSchool     = 5 // 中小学, demo
	unitFinance    = 6 // 机关
	unitHenanU     = 7 // 高校
)

// Honour category IDs of the base dataset, with their weights.
const (
	catNationalUnit   = 1 // NATIONAL, weight 10
	catNationalCampus = 2 // NATIONAL, weight 10
	catProvincialUnit = 3 // PROVINCIAL, weight 5
	catModelUnit      = 4 // PROVINCIAL, weight 6
	catGoodPerson     = 5 // PROVINCIAL_DIRECT, weight 1
	catMoralModel     = 6 // PROVINCIAL_DIRECT, weight 2
	catProject        = 7 // PROVINCIAL_DIRECT, weight 1.5
	catChinaGood      = 8 // NATIONAL, weight 3
)

// baseDataset is the catalogue every test builds on: a source, the honour categories, units, people and projects.
func baseDataset() *db.Dataset {
	return &db.Dataset{
		Sources: []*db.SourceDocument{
			{ID: 1, Title: "省直文明单位创建五年工作总结", Publisher: "省直文明办", PublishedOn: "2024-06-01"},
		},
		Categories: []*db.HonorCategory{
			{ID: catNationalUnit, Code: "NATIONAL_CIVILISED_UNIT", NameZh: "全国文明单位", NameEn: "National civilised unit", Level: db.LevelNational, RecipientKind: db.RecipientUnit, Weight: 10, DefaultStatus: db.StatusAwarded},
			{ID: catNationalCampus, Code: "NATIONAL_CIVILISED_CAMPUS", NameZh: "全国文明校园", NameEn: "National civilised campus", Level: db.LevelNational, RecipientKind: db.RecipientCampus, Weight: 10, DefaultStatus: db.StatusAwarded},
			{ID: catProvincialUnit, Code: "PROVINCIAL_UNIT", NameZh: "河南省文明单位", NameEn: "Henan civilised unit", Level: db.LevelProvincial, RecipientKind: db.RecipientUnit, Weight: 5, DefaultStatus: db.StatusAwarded},
			{ID: catModelUnit, Code: "PROVINCIAL_MODEL_UNIT", NameZh: "河南省文明单位标兵", NameEn: "Henan civilised-unit pacesetter", Level: db.LevelProvincial, RecipientKind: db.RecipientUnit, Weight: 6, DefaultStatus: db.StatusAwarded},
			{ID: catGoodPerson, Code: "DIRECT_GOOD_PERSON", NameZh: "省直好人", NameEn: "Provincial-direct good person", Level: db.LevelProvincialDirect, RecipientKind: db.RecipientPerson, Weight: 1, DefaultStatus: db.StatusAwarded},
			{ID: catMoralModel, Code: "DIRECT_MORAL_MODEL", NameZh: "省直道德模范", NameEn: "Provincial-direct moral model", Level: db.LevelProvincialDirect, RecipientKind: db.RecipientPerson, Weight: 2, DefaultStatus: db.StatusNominated},
			{ID: catProject, Code: "DIRECT_VOLUNTEER_PROJECT", NameZh: "省直优秀志愿服务项目", NameEn: "Provincial-direct volunteer project", Level: db.LevelProvincialDirect, RecipientKind: db.RecipientProject, Weight: 1.5, DefaultStatus: db.StatusAwarded},
			{ID: catChinaGood, Code: "CHINA_GOOD_PERSON", NameZh: "中国好人", NameEn: "Good person of China", Level: db.LevelNational, RecipientKind: db.RecipientPerson, Weight: 3, DefaultStatus: db.StatusAwarded},
		},
		Units: []*db.Unit{
			{ID: unitTransport, Name: "省交通运输厅", Kind: "机关", Sector: "交通"},
			{ID: unitZhengzhouU, Name: "郑州大学", Kind: "高校", Sector: "教育"},
			{ID: unitHospital, Name: "省人民医院", Kind: "医院", Sector: "卫生", ServiceWindow: true},
			{ID: unitPower, Name: "省电力公司", Kind: "国有企业", Sector: "能源"},
			{ID: unitSchool, Name: "省实验中学", Kind: "中小学", Sector: "教育", Demo: true},
			{ID: unitFinance, Name: "省财政厅", Kind: "机关", Sector: "财政"},
			{ID: unitHenanU, Name: "河南大学", Kind: "高校", Sector: "教育"},
		},
		People: []*db.Person{
			{ID: 1, Name: "张三", UnitID: ptr(int64(unitTransport)), Citation: "见义勇为"},
			{ID: 2, Name: "李四", UnitID: ptr(int64(unitHospital)), Citation: "救死扶伤"},
		},
		Projects: []*db.VolunteerProject{
			{ID: 1, Name: "义务植树", Brand: true, Field: "生态", UnitID: ptr(int64(unitTransport))},
			{ID: 2, Name: "i科普", Field: "科普", UnitID: ptr(int64(unitPower))},
		},
	}
}

func testOpen(t *testing.T, open Opener) {
	ctx := context.Background()

	t.Run("MigrateTwiceIsNoop", func(t *testing.T) {
		d := open(t)
		before, err := d.AppliedMigrations(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(before) == 0 {
			t.Fatal("a fresh database lists no applied migrations")
		}
		if err := d.Migrate(ctx); err != nil {
			t.Fatalf("second Migrate: %v", err)
		}
		after, err := d.AppliedMigrations(ctx)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "applied migrations", after, before)
	})

	t.Run("FreshDatabaseIsEmpty", func(t *testing.T) {
		d := open(t)
		empty, err := d.IsEmpty(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !empty {
			t.Fatal("fresh database not empty")
		}
		if err := d.Ping(ctx); err != nil {
			t.Fatalf("ping: %v", err)
		}
	})
}

func testLoad(t *testing.T, open Opener) {
	ctx := context.Background()

	t.Run("BumpsVersionAndReportsDemo", func(t *testing.T) {
		d := open(t)
		before, err := d.DatasetInfo(ctx)
		if err != nil {
			t.Fatal(err)
		}
		mustLoad(t, d, baseDataset())
		after, err := d.DatasetInfo(ctx)
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "version", after.Version, before.Version+1)
		// Only the school unit is demo in the base dataset.
		assertEqual(t, "demo records", after.DemoRecords, 1)
		assertEqual(t, "has demo", after.HasDemo, true)
	})

	t.Run("CampusIsDerivedFromKind", func(t *testing.T) {
		d := mustOpenLoaded(t, open, baseDataset())
		units, err := d.UnitsByIDs(ctx, []int64{unitTransport, unitZhengzhouU, unitSchool})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "机关 campus", units[unitTransport].Campus, false)
		assertEqual(t, "高校 campus", units[unitZhengzhouU].Campus, true)
		assertEqual(t, "中小学 campus", units[unitSchool].Campus, true)
	})

	// Each case adds one invalid row after valid ones: the load must fail and leave nothing behind.
	invalid := []struct {
		name  string
		spoil func(ds *db.Dataset)
	}{
		{"UnitHonorWithoutUnit", func(ds *db.Dataset) {
			ds.Honors = []*db.Honor{
				{ID: 1, CategoryID: catNationalUnit, RecipientKind: db.RecipientUnit, RecipientName: "省交通运输厅", UnitID: ptr(int64(unitTransport)), Year: 2020, Status: db.StatusAwarded},
				{ID: 2, CategoryID: catNationalUnit, RecipientKind: db.RecipientUnit, RecipientName: "无名单位", Year: 2020, Status: db.StatusAwarded},
			}
		}},
		{"PersonHonorWithoutPerson", func(ds *db.Dataset) {
			ds.Honors = []*db.Honor{{ID: 1, CategoryID: catGoodPerson, RecipientKind: db.RecipientPerson, RecipientName: "张三", UnitID: ptr(int64(unitTransport)), Year: 2020, Status: db.StatusAwarded}}
		}},
		{"HonorDateInOtherYear", func(ds *db.Dataset) {
			ds.Honors = []*db.Honor{{ID: 1, CategoryID: catNationalUnit, RecipientKind: db.RecipientUnit, RecipientName: "省交通运输厅", UnitID: ptr(int64(unitTransport)), Year: 2020, Date: ptr(db.Date("2021-01-05")), Status: db.StatusAwarded}}
		}},
		{"NegativeVolunteerMinutes", func(ds *db.Dataset) {
			ds.VolunteerRecords = []*db.VolunteerRecord{
				{ID: 1, UnitID: unitTransport, Date: "2021-03-05", Volunteers: 3, Minutes: 120, Method: db.MethodSignIn},
				{ID: 2, UnitID: unitTransport, Date: "2021-03-06", Volunteers: 3, Minutes: -60, Method: db.MethodSignIn},
			}
		}},
		{"VolunteerDateNotISO", func(ds *db.Dataset) {
			ds.VolunteerRecords = []*db.VolunteerRecord{{ID: 1, UnitID: unitTransport, Date: "2021/03/05", Volunteers: 3, Minutes: 120, Method: db.MethodSignIn}}
		}},
		{"VolunteerDateImpossible", func(ds *db.Dataset) {
			// Matches the YYYY-MM-DD shape but is no calendar date; db.ParseDate rejects it.
			ds.VolunteerRecords = []*db.VolunteerRecord{{ID: 1, UnitID: unitTransport, Date: "2021-02-30", Volunteers: 3, Minutes: 120, Method: db.MethodSignIn}}
		}},
		{"ActivityDateNotISO", func(ds *db.Dataset) {
			ds.Activities = []*db.PracticeActivity{{ID: 1, UnitID: unitTransport, Date: "五月", Kind: db.ActivityRoutine, Theme: "宣讲", Sessions: 1}}
		}},
		{"DonationDateNotISO", func(ds *db.Dataset) {
			ds.Campaigns = []*db.Campaign{{ID: 1, Code: "FLOOD720", NameZh: "7·20 抗洪救灾", NameEn: "7·20 flood", Kind: db.CampaignFlood, StartDate: "2021-07-20"}}
			ds.Donations = []*db.Donation{{ID: 1, CampaignID: 1, UnitID: ptr(int64(unitTransport)), Kind: db.DonationCash, Amount: 100, Date: "2021年7月"}}
		}},
		{"NegativeDonation", func(ds *db.Dataset) {
			ds.Campaigns = []*db.Campaign{{ID: 1, Code: "FLOOD720", NameZh: "7·20 抗洪救灾", NameEn: "7·20 flood", Kind: db.CampaignFlood, StartDate: "2021-07-20"}}
			ds.Donations = []*db.Donation{{ID: 1, CampaignID: 1, Kind: db.DonationCash, Amount: -1, Date: "2021-07-21"}}
		}},
		{"RoutineCampaignCode", func(ds *db.Dataset) {
			ds.Campaigns = []*db.Campaign{{ID: 1, Code: db.RoutineCampaign, NameZh: "常态", NameEn: "Routine", Kind: db.CampaignAid, StartDate: "2021-07-20"}}
		}},
		{"UnknownUnitKind", func(ds *db.Dataset) {
			ds.Units = append(ds.Units, &db.Unit{ID: 99, Name: "某协会", Kind: "社会组织"})
		}},
		{"RecordOfMissingUnit", func(ds *db.Dataset) {
			ds.VolunteerRecords = []*db.VolunteerRecord{{ID: 1, UnitID: 999, Date: "2021-03-05", Volunteers: 1, Minutes: 1, Method: db.MethodSignIn}}
		}},
		{"DuplicateID", func(ds *db.Dataset) {
			ds.Units = append(ds.Units, &db.Unit{ID: unitTransport, Name: "重复单位", Kind: "机关"})
		}},
	}
	for _, tc := range invalid {
		t.Run("AllOrNothing/"+tc.name, func(t *testing.T) {
			t.Parallel()
			d := open(t)
			ds := baseDataset()
			tc.spoil(ds)
			err := d.Load(ctx, ds)
			assertCode(t, err, db.EINVALID)

			empty, ierr := d.IsEmpty(ctx)
			if ierr != nil {
				t.Fatal(ierr)
			}
			if !empty {
				t.Fatal("failed load left source documents behind")
			}
			units, uerr := d.Units(ctx, db.UnitCriteria{}, db.Page{First: 100})
			if uerr != nil {
				t.Fatal(uerr)
			}
			assertEqual(t, "units after failed load", units.TotalCount, 0)
			info, _ := d.DatasetInfo(ctx)
			assertEqual(t, "version after failed load", info.Version, 0)

			// The same database still accepts a valid load afterwards.
			mustLoad(t, d, baseDataset())
		})
	}
}
