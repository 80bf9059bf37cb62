package dbtest

import (
	"context"
	"testing"

	"github.com/wenming/wenming/db"
)

// addPractice adds five centres in two prefectures (one unidentified), four links, two pairings and five activities.
func addPractice(ds *db.Dataset) *db.Dataset {
	c := func(id int64) *int64 { return &id }
	ds.Centers = []*db.PracticeCenter{
		{ID: 1, Code: "410102", Name: "中原区新时代文明实践中心", County: "中原区", Prefecture: "郑州市", PrefectureCode: "4101", Identified: true},
		{ID: 2, Code: "410183", Name: "新密市新时代文明实践中心", County: "新密市", Prefecture: "郑州市", PrefectureCode: "4101", Identified: true},
		{ID: 3, Code: "410323", Name: "新安县新时代文明实践中心", County: "新安县", Prefecture: "洛阳市", PrefectureCode: "4103", Identified: true},
		{ID: 4, Name: "洛阳市某县新时代文明实践中心", Prefecture: "洛阳市", PrefectureCode: "4103", Note: "原文只给数量"},
		{ID: 5, Code: "410122", Name: "中牟县新时代文明实践中心", County: "中牟县", Prefecture: "郑州市", PrefectureCode: "4101", Identified: true},
	}
	ds.Links = []*db.PracticeLink{
		{ID: 1, UnitID: unitTransport, CenterID: 1, SinceYear: 2019},
		{ID: 2, UnitID: unitTransport, CenterID: 2, SinceYear: 2020},
		{ID: 3, UnitID: unitZhengzhouU, CenterID: 3, SinceYear: 2021},
		{ID: 4, UnitID: unitHospital, CenterID: 1, SinceYear: 2022, Demo: true},
	}
	ds.Pairings = []*db.Pairing{
		{ID: 1, UnitID: unitTransport, Township: "中原区须水街道", CenterID: c(1), SinceYear: 2019},
		{ID: 2, UnitID: unitPower, Township: "兰考县某乡", SinceYear: 2021},
	}
	ds.Activities = []*db.PracticeActivity{
		{ID: 1, UnitID: unitTransport, CenterID: c(1), Date: "2020-05-10", Kind: db.ActivityPromotionWeek, Theme: "文明交通", Sessions: 3, Participants: 120},
		{ID: 2, UnitID: unitTransport, CenterID: c(2), Date: "2021-06-01", Kind: db.ActivityHeritageTalk, Theme: "红色家风", Sessions: 2, Participants: 80},
		{ID: 3, UnitID: unitZhengzhouU, CenterID: c(3), Date: "2021-09-09", Kind: db.ActivityPromotionWeek, Theme: "科普进乡村", Sessions: 5, Participants: 200},
		{ID: 4, UnitID: unitHospital, CenterID: c(1), Date: "2022-01-15", Kind: db.ActivityRoutine, Theme: "义诊", Sessions: 1, Participants: 30, Demo: true},
		{ID: 5, UnitID: unitPower, Date: "2021-10-10", Kind: db.ActivityPairing, Theme: "结对帮创", Sessions: 4, Participants: 60},
	}
	return ds
}

func practiceDataset() *db.Dataset { return addPractice(baseDataset()) }

func testPracticeCenters(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, practiceDataset())
	ids := func(cs []*db.PracticeCenter) []int64 {
		var out []int64
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return out
	}

	for _, tc := range []struct {
		name, prefecture string
		want             []int64
	}{
		// Identified centres by code, then the unidentified one.
		{"All", "", []int64{1, 5, 2, 3, 4}},
		{"PrefectureName", "郑州市", []int64{1, 5, 2}},
		{"PrefectureCode", "4103", []int64{3, 4}},
		{"UnknownPrefecture", "开封市", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs, err := d.PracticeCenters(ctx, tc.prefecture)
			if err != nil {
				t.Fatal(err)
			}
			assertIDs(t, ids(cs), tc.want)
		})
	}

	t.Run("ByIDs", func(t *testing.T) {
		m, err := d.PracticeCentersByIDs(ctx, []int64{4})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "centre 4", m[4], practiceDataset().Centers[3])
	})
}

func testPracticeSummary(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, practiceDataset())

	t.Run("AllYears", func(t *testing.T) {
		s, err := d.PracticeSummary(ctx, db.YearRange{From: 2019, To: 2024})
		if err != nil {
			t.Fatal(err)
		}
		got := *s
		got.ByPrefecture = nil
		assertEqual(t, "summary", got, db.PracticeSummary{
			Centers: 5, IdentifiedCenters: 4, LinkedUnits: 3, CoveredCenters: 3,
			ActivitySessions: 15, Participants: 490, Pairings: 2,
		})
	})

	t.Run("ActivitiesLimitedToYears", func(t *testing.T) {
		s, err := d.PracticeSummary(ctx, db.YearRange{From: 2021, To: 2021})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "sessions", s.ActivitySessions, 11)
		assertEqual(t, "participants", s.Participants, 340)
		assertEqual(t, "centres are not limited", s.Centers, 5)
	})

	t.Run("ByPrefecture", func(t *testing.T) {
		s, err := d.PracticeSummary(ctx, db.YearRange{From: 2019, To: 2024})
		if err != nil {
			t.Fatal(err)
		}
		var got []db.PrefectureBucket
		for _, b := range s.ByPrefecture {
			got = append(got, *b)
		}
		// 郑州市: units 1 (two centres) and 3 link to it, so two linked units; sessions 3+1 at centre 1, 2 at centre 2.
		assertEqual(t, "by prefecture", got, []db.PrefectureBucket{
			{Prefecture: "郑州市", PrefectureCode: "4101", Centers: 3, LinkedUnits: 2, ActivitySessions: 6},
			{Prefecture: "洛阳市", PrefectureCode: "4103", Centers: 2, LinkedUnits: 1, ActivitySessions: 5},
		})
	})
}

func testPracticeActivityStats(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, practiceDataset())

	got, err := d.PracticeActivityStats(ctx, db.YearRange{From: 2020, To: 2021})
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		year int
		kind db.ActivityKind
	}
	rows := map[key][3]int{}
	for i, b := range got {
		if i > 0 && b.Year < got[i-1].Year {
			t.Fatalf("years out of order: %d after %d", b.Year, got[i-1].Year)
		}
		rows[key{b.Year, b.Kind}] = [3]int{b.Activities, b.Sessions, b.Participants}
	}
	assertEqual(t, "buckets", rows, map[key][3]int{
		{2020, db.ActivityPromotionWeek}: {1, 3, 120},
		{2021, db.ActivityHeritageTalk}:  {1, 2, 80},
		{2021, db.ActivityPromotionWeek}: {1, 5, 200},
		{2021, db.ActivityPairing}:       {1, 4, 60},
	})
}

func testCenterSessions(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, practiceDataset())

	m, err := d.CenterSessions(ctx, []int64{1, 2, 3, 5})
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, "sessions", m, map[int64]int{1: 4, 2: 2, 3: 5})
}

func testPracticeLinks(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, practiceDataset())
	ids := func(ls []*db.PracticeLink) []int64 {
		var out []int64
		for _, l := range ls {
			out = append(out, l.ID)
		}
		return out
	}

	t.Run("ByUnits", func(t *testing.T) {
		m, err := d.PracticeLinksByUnits(ctx, []int64{unitTransport, unitZhengzhouU, unitPower})
		if err != nil {
			t.Fatal(err)
		}
		assertIDs(t, ids(m[unitTransport]), []int64{1, 2})
		assertIDs(t, ids(m[unitZhengzhouU]), []int64{3})
		if _, ok := m[unitPower]; ok {
			t.Fatal("unit without links has an entry")
		}
	})

	t.Run("ByCenters", func(t *testing.T) {
		m, err := d.PracticeLinksByCenters(ctx, []int64{1, 4})
		if err != nil {
			t.Fatal(err)
		}
		assertIDs(t, ids(m[1]), []int64{1, 4})
		assertEqual(t, "keys", len(m), 1)
	})

	t.Run("ByIDs", func(t *testing.T) {
		m, err := d.PracticeLinksByIDs(ctx, []int64{4})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "link 4", *m[4], db.PracticeLink{ID: 4, UnitID: unitHospital, CenterID: 1, SinceYear: 2022, Demo: true, Version: 1})
	})

	t.Run("PairingsByUnits", func(t *testing.T) {
		m, err := d.PairingsByUnits(ctx, []int64{unitTransport, unitPower, unitHospital})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "keys", len(m), 2)
		assertEqual(t, "transport township", m[unitTransport][0].Township, "中原区须水街道")
		assertEqual(t, "power pairing centre", m[unitPower][0].CenterID, (*int64)(nil))
	})
}
