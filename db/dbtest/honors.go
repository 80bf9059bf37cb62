package dbtest

import (
	"context"
	"encoding/base64"
	"sort"
	"testing"

	"github.com/wenming/wenming/db"
)

// honorDataset is the base catalogue with eleven honours across 2019–2024, one of them demo.
func honorDataset() *db.Dataset {
	ds := baseDataset()
	unit := func(id int64) *int64 { return &id }
	ds.Honors = []*db.Honor{
		{ID: 1, CategoryID: catNationalUnit, RecipientKind: db.RecipientUnit, RecipientName: "省交通运输厅", UnitID: unit(unitTransport), Year: 2019, Date: ptr(db.Date("2019-05-01")), Edition: ptr("第六届"), Status: db.StatusAwarded, SourceID: ptr(int64(1))},
		{ID: 2, CategoryID: catProvincialUnit, RecipientKind: db.RecipientUnit, RecipientName: "省电力公司", UnitID: unit(unitPower), Year: 2020, Status: db.StatusAwarded},
		{ID: 3, CategoryID: catNationalCampus, RecipientKind: db.RecipientCampus, RecipientName: "郑州大学", UnitID: unit(unitZhengzhouU), Year: 2020, Edition: ptr("第二届"), Status: db.StatusRecommended},
		{ID: 4, CategoryID: catGoodPerson, RecipientKind: db.RecipientPerson, RecipientName: "张三", PersonID: unit(1), Year: 2021, Status: db.StatusAwarded},
		{ID: 5, CategoryID: catMoralModel, RecipientKind: db.RecipientPerson, RecipientName: "李四", PersonID: unit(2), Year: 2021, Status: db.StatusNominated},
		{ID: 6, CategoryID: catModelUnit, RecipientKind: db.RecipientUnit, RecipientName: "省人民医院", UnitID: unit(unitHospital), Year: 2022, Status: db.StatusTreatmentRecognised},
		{ID: 7, CategoryID: catProject, RecipientKind: db.RecipientProject, RecipientName: "义务植树", ProjectID: unit(1), Year: 2022, Status: db.StatusAwarded},
		{ID: 8, CategoryID: catProvincialUnit, RecipientKind: db.RecipientUnit, RecipientName: "省实验中学", UnitID: unit(unitSchool), Year: 2023, Status: db.StatusAwarded, Demo: true},
		{ID: 9, CategoryID: catNationalUnit, RecipientKind: db.RecipientUnit, RecipientName: "省人民医院", UnitID: unit(unitHospital), Year: 2023, Edition: ptr("第七届"), Status: db.StatusAwarded},
		{ID: 10, CategoryID: catChinaGood, RecipientKind: db.RecipientPerson, RecipientName: "张三", PersonID: unit(1), Year: 2024, Status: db.StatusAwarded},
		{ID: 11, CategoryID: catProvincialUnit, RecipientKind: db.RecipientUnit, RecipientName: "省交通运输厅", UnitID: unit(unitTransport), Year: 2024, Status: db.StatusAwarded},
	}
	return ds
}

func honorIDs(p *db.HonorPage) []int64 {
	var ids []int64
	for _, e := range p.Edges {
		ids = append(ids, e.Node.ID)
	}
	return ids
}

func testHonors_Filter(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, honorDataset())

	for _, tc := range []struct {
		name   string
		filter db.HonorCriteria
		want   []int64
	}{
		{"None", db.HonorCriteria{}, []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}},
		{"YearRange", db.HonorCriteria{Years: db.YearRange{From: 2020, To: 2021}}, []int64{2, 3, 4, 5}},
		{"YearFromOnly", db.HonorCriteria{Years: db.YearRange{From: 2023}}, []int64{8, 9, 10, 11}},
		{"YearToOnly", db.HonorCriteria{Years: db.YearRange{To: 2019}}, []int64{1}},
		{"Level", db.HonorCriteria{Levels: []db.HonorLevel{db.LevelNational}}, []int64{1, 3, 9, 10}},
		{"Levels", db.HonorCriteria{Levels: []db.HonorLevel{db.LevelProvincial, db.LevelProvincialDirect}}, []int64{2, 4, 5, 6, 7, 8, 11}},
		{"Category", db.HonorCriteria{Categories: []string{"PROVINCIAL_UNIT"}}, []int64{2, 8, 11}},
		{"Categories", db.HonorCriteria{Categories: []string{"DIRECT_GOOD_PERSON", "CHINA_GOOD_PERSON"}}, []int64{4, 10}},
		{"RecipientKind", db.HonorCriteria{RecipientKinds: []db.RecipientKind{db.RecipientPerson}}, []int64{4, 5, 10}},
		{"RecipientKinds", db.HonorCriteria{RecipientKinds: []db.RecipientKind{db.RecipientCampus, db.RecipientProject}}, []int64{3, 7}},
		{"Statuses", db.HonorCriteria{Statuses: []db.HonorStatus{db.StatusNominated, db.StatusRecommended}}, []int64{3, 5}},
		{"Unit", db.HonorCriteria{UnitID: unitHospital}, []int64{6, 9}},
		{"UnitKind", db.HonorCriteria{UnitKind: "机关"}, []int64{1, 11}},
		{"UnitKindSchool", db.HonorCriteria{UnitKind: "中小学"}, []int64{8}},
		{"Edition", db.HonorCriteria{Edition: "第六届"}, []int64{1}},
		{"DemoOnly", db.HonorCriteria{Demo: ptr(true)}, []int64{8}},
		{"RealOnly", db.HonorCriteria{Demo: ptr(false)}, []int64{1, 2, 3, 4, 5, 6, 7, 9, 10, 11}},
		{"Combined", db.HonorCriteria{Years: db.YearRange{From: 2020, To: 2024}, Levels: []db.HonorLevel{db.LevelNational}, RecipientKinds: []db.RecipientKind{db.RecipientUnit, db.RecipientCampus}}, []int64{3, 9}},
		{"NoMatch", db.HonorCriteria{Years: db.YearRange{From: 2019, To: 2019}, Statuses: []db.HonorStatus{db.StatusNominated}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := d.Honors(ctx, tc.filter, db.HonorOrder{}, db.Page{First: db.MaxPageSize})
			if err != nil {
				t.Fatal(err)
			}
			assertIDs(t, honorIDs(p), tc.want)
			assertEqual(t, "total count", p.TotalCount, len(tc.want))
			assertEqual(t, "has next page", p.PageInfo.HasNextPage, false)
		})
	}

	t.Run("ReturnsAllFields", func(t *testing.T) {
		p, err := d.Honors(ctx, db.HonorCriteria{Edition: "第六届"}, db.HonorOrder{}, db.Page{First: 10})
		if err != nil {
			t.Fatal(err)
		}
		want := honorDataset().Honors[0]
		want.Version = 1 // every stored record starts at version 1
		assertEqual(t, "honour", p.Edges[0].Node, want)
	})
}

// expectedHonorOrder sorts the dataset's honours the way the store should, independently of its SQL.
func expectedHonorOrder(field db.HonorOrderField, desc bool) []int64 {
	ds := honorDataset()
	code := map[int64]string{}
	for _, c := range ds.Categories {
		code[c.ID] = c.Code
	}
	hs := ds.Honors
	less := func(a, b *db.Honor) int {
		switch field {
		case db.HonorOrderByCategory:
			if code[a.CategoryID] != code[b.CategoryID] {
				return cmpString(code[a.CategoryID], code[b.CategoryID])
			}
		case db.HonorOrderByRecipient:
			if a.RecipientName != b.RecipientName {
				return cmpString(a.RecipientName, b.RecipientName)
			}
		default:
			if a.Year != b.Year {
				return a.Year - b.Year
			}
		}
		return int(a.ID - b.ID)
	}
	sort.Slice(hs, func(i, j int) bool {
		c := less(hs[i], hs[j])
		if desc {
			return c > 0
		}
		return c < 0
	})
	ids := make([]int64, len(hs))
	for i, h := range hs {
		ids[i] = h.ID
	}
	return ids
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func testHonors_OrderAndPaging(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, honorDataset())
	total := len(honorDataset().Honors)

	for _, field := range db.AllHonorOrderFields {
		for _, dir := range db.AllOrderDirections {
			t.Run(string(field)+"_"+string(dir), func(t *testing.T) {
				order := db.HonorOrder{Field: field, Direction: dir}
				want := expectedHonorOrder(field, dir == db.OrderDirectionDesc)

				all, err := d.Honors(ctx, db.HonorCriteria{}, order, db.Page{First: db.MaxPageSize})
				if err != nil {
					t.Fatal(err)
				}
				assertIDs(t, honorIDs(all), want)

				// Walk two at a time: every row exactly once, in the same order.
				var got []int64
				after := ""
				for pages := 1; ; pages++ {
					p, err := d.Honors(ctx, db.HonorCriteria{}, order, db.Page{First: 2, After: after})
					if err != nil {
						t.Fatalf("page %d: %v", pages, err)
					}
					assertEqual(t, "total count", p.TotalCount, total)
					assertEqual(t, "has previous page", p.PageInfo.HasPreviousPage, after != "")
					got = append(got, honorIDs(p)...)
					last := len(got) == total
					assertEqual(t, "has next page", p.PageInfo.HasNextPage, !last)
					if len(p.Edges) > 0 {
						assertEqual(t, "start cursor", *p.PageInfo.StartCursor, p.Edges[0].Cursor)
						assertEqual(t, "end cursor", *p.PageInfo.EndCursor, p.Edges[len(p.Edges)-1].Cursor)
					}
					if !p.PageInfo.HasNextPage {
						break
					}
					if pages > total {
						t.Fatal("paging does not terminate")
					}
					after = *p.PageInfo.EndCursor
				}
				assertIDs(t, got, want)
			})
		}
	}

	t.Run("PagingWithFilter", func(t *testing.T) {
		f := db.HonorCriteria{Levels: []db.HonorLevel{db.LevelProvincial}}
		order := db.HonorOrder{Field: db.HonorOrderByRecipient, Direction: db.OrderDirectionAsc}
		p1, err := d.Honors(ctx, f, order, db.Page{First: 2})
		if err != nil {
			t.Fatal(err)
		}
		p2, err := d.Honors(ctx, f, order, db.Page{First: 2, After: *p1.PageInfo.EndCursor})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "total", p2.TotalCount, 4)
		// 省交通运输厅 < 省人民医院 < 省实验中学 < 省电力公司 in byte (code point) order.
		assertIDs(t, append(honorIDs(p1), honorIDs(p2)...), []int64{11, 6, 8, 2})
		assertEqual(t, "has next", p2.PageInfo.HasNextPage, false)
	})

	t.Run("EmptyPage", func(t *testing.T) {
		p, err := d.Honors(ctx, db.HonorCriteria{Years: db.YearRange{From: 2030}}, db.HonorOrder{}, db.Page{First: 5})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "edges", len(p.Edges), 0)
		if p.PageInfo.StartCursor != nil || p.PageInfo.EndCursor != nil || p.PageInfo.HasNextPage {
			t.Fatalf("page info of empty page = %+v", p.PageInfo)
		}
	})
}

func testHonors_ErrInvalidCursor(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, honorDataset())
	yearPage, err := d.Honors(ctx, db.HonorCriteria{}, db.HonorOrder{Field: db.HonorOrderByYear}, db.Page{First: 2})
	if err != nil {
		t.Fatal(err)
	}
	yearCursor := *yearPage.PageInfo.EndCursor

	for _, tc := range []struct {
		name   string
		order  db.HonorOrder
		cursor string
	}{
		{"NotBase64", db.HonorOrder{}, "!!not a cursor!!"},
		{"NotJSON", db.HonorOrder{}, base64.RawURLEncoding.EncodeToString([]byte("hello"))},
		{"ZeroID", db.HonorOrder{}, base64.RawURLEncoding.EncodeToString([]byte(`{"v":2020,"id":0}`))},
		{"YearCursorForCategoryOrder", db.HonorOrder{Field: db.HonorOrderByCategory}, yearCursor},
		{"StringCursorForYearOrder", db.HonorOrder{Field: db.HonorOrderByYear}, base64.RawURLEncoding.EncodeToString([]byte(`{"v":"abc","id":3}`))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := d.Honors(ctx, db.HonorCriteria{}, tc.order, db.Page{First: 2, After: tc.cursor})
			assertCode(t, err, db.EINVALID)
			if db.ErrorField(err) != "after" {
				t.Fatalf("error field = %q, want after", db.ErrorField(err))
			}
		})
	}
}

func testHonorStats(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, honorDataset())

	t.Run("ByYearAndLevel", func(t *testing.T) {
		got, err := d.HonorStats(ctx, []db.HonorDimension{db.HonorDimYear, db.HonorDimLevel}, db.HonorCriteria{})
		if err != nil {
			t.Fatal(err)
		}
		type row struct {
			year   int
			level  db.HonorLevel
			count  int
			points float64
		}
		want := []row{
			{2019, db.LevelNational, 1, 10},
			{2020, db.LevelNational, 1, 10},
			{2020, db.LevelProvincial, 1, 5},
			{2021, db.LevelProvincialDirect, 2, 3},
			{2022, db.LevelProvincial, 1, 6},
			{2022, db.LevelProvincialDirect, 1, 1.5},
			{2023, db.LevelNational, 1, 10},
			{2023, db.LevelProvincial, 1, 5},
			{2024, db.LevelNational, 1, 3},
			{2024, db.LevelProvincial, 1, 5},
		}
		if len(got) != len(want) {
			t.Fatalf("got %d buckets, want %d", len(got), len(want))
		}
		for i, b := range got {
			if b.Year == nil || b.Level == nil {
				t.Fatalf("bucket %d: grouped dimension is nil: %+v", i, b)
			}
			assertEqual(t, "bucket", row{*b.Year, *b.Level, b.Count, b.Points}, want[i])
			if b.Category != nil || b.CategoryNameZh != nil || b.RecipientKind != nil || b.Status != nil || b.UnitKind != nil || b.Edition != nil {
				t.Fatalf("bucket %d: ungrouped dimension is set: %+v", i, b)
			}
		}
	})

	t.Run("GroupOrderDoesNotMoveColumns", func(t *testing.T) {
		got, err := d.HonorStats(ctx, []db.HonorDimension{db.HonorDimLevel, db.HonorDimYear, db.HonorDimLevel}, db.HonorCriteria{Years: db.YearRange{From: 2021, To: 2021}})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "buckets", len(got), 1)
		assertEqual(t, "year", *got[0].Year, 2021)
		assertEqual(t, "level", *got[0].Level, db.LevelProvincialDirect)
		assertEqual(t, "count", got[0].Count, 2)
	})

	t.Run("ByCategoryWithFilter", func(t *testing.T) {
		got, err := d.HonorStats(ctx, []db.HonorDimension{db.HonorDimCategory}, db.HonorCriteria{Years: db.YearRange{From: 2019, To: 2023}, Demo: ptr(false)})
		if err != nil {
			t.Fatal(err)
		}
		type row struct {
			code, nameZh, nameEn string
			count                int
			points               float64
		}
		var rows []row
		for _, b := range got {
			if b.Year != nil || b.Level != nil {
				t.Fatalf("ungrouped dimension set: %+v", b)
			}
			rows = append(rows, row{*b.Category, *b.CategoryNameZh, *b.CategoryNameEn, b.Count, b.Points})
		}
		assertEqual(t, "buckets", rows, []row{
			{"DIRECT_GOOD_PERSON", "省直好人", "Provincial-direct good person", 1, 1},
			{"DIRECT_MORAL_MODEL", "省直道德模范", "Provincial-direct moral model", 1, 2},
			{"DIRECT_VOLUNTEER_PROJECT", "省直优秀志愿服务项目", "Provincial-direct volunteer project", 1, 1.5},
			{"NATIONAL_CIVILISED_CAMPUS", "全国文明校园", "National civilised campus", 1, 10},
			{"NATIONAL_CIVILISED_UNIT", "全国文明单位", "National civilised unit", 2, 20},
			{"PROVINCIAL_MODEL_UNIT", "河南省文明单位标兵", "Henan civilised-unit pacesetter", 1, 6},
			{"PROVINCIAL_UNIT", "河南省文明单位", "Henan civilised unit", 1, 5},
		})
	})

	t.Run("ByUnitKindAndStatus", func(t *testing.T) {
		got, err := d.HonorStats(ctx, []db.HonorDimension{db.HonorDimUnitKind}, db.HonorCriteria{})
		if err != nil {
			t.Fatal(err)
		}
		counts := map[string]int{}
		for _, b := range got {
			k := "<none>"
			if b.UnitKind != nil {
				k = *b.UnitKind
			}
			counts[k] += b.Count
		}
		assertEqual(t, "counts by unit kind", counts, map[string]int{"<none>": 4, "机关": 2, "高校": 1, "医院": 2, "国有企业": 1, "中小学": 1})

		got, err = d.HonorStats(ctx, []db.HonorDimension{db.HonorDimStatus}, db.HonorCriteria{})
		if err != nil {
			t.Fatal(err)
		}
		byStatus := map[db.HonorStatus]int{}
		for _, b := range got {
			byStatus[*b.Status] = b.Count
		}
		assertEqual(t, "counts by status", byStatus, map[db.HonorStatus]int{db.StatusAwarded: 8, db.StatusRecommended: 1, db.StatusNominated: 1, db.StatusTreatmentRecognised: 1})
	})

	t.Run("Ungrouped", func(t *testing.T) {
		got, err := d.HonorStats(ctx, nil, db.HonorCriteria{})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "buckets", len(got), 1)
		assertEqual(t, "count", got[0].Count, 11)
		assertEqual(t, "points", got[0].Points, 10+5+10+1+2+6+1.5+5+10+3+5.0)
	})

	t.Run("ErrUnknownDimension", func(t *testing.T) {
		_, err := d.HonorStats(ctx, []db.HonorDimension{"COLOUR"}, db.HonorCriteria{})
		assertCode(t, err, db.EINVALID)
	})
}

func testHonorsByRecipients(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, honorDataset())
	ids := func(hs []*db.Honor) []int64 {
		var out []int64
		for _, h := range hs {
			out = append(out, h.ID)
		}
		return out
	}

	t.Run("ByUnits", func(t *testing.T) {
		m, err := d.HonorsByUnits(ctx, []int64{unitTransport, unitHospital, unitZhengzhouU, unitFinance})
		if err != nil {
			t.Fatal(err)
		}
		assertIDs(t, ids(m[unitTransport]), []int64{1, 11})
		assertIDs(t, ids(m[unitHospital]), []int64{6, 9})
		assertIDs(t, ids(m[unitZhengzhouU]), []int64{3})
		if _, ok := m[unitFinance]; ok {
			t.Fatal("unit without honours has an entry")
		}
		assertEqual(t, "keys", len(m), 3)
	})

	t.Run("ByPeople", func(t *testing.T) {
		m, err := d.HonorsByPeople(ctx, []int64{1, 2})
		if err != nil {
			t.Fatal(err)
		}
		assertIDs(t, ids(m[1]), []int64{4, 10})
		assertIDs(t, ids(m[2]), []int64{5})
	})

	t.Run("ByProjects", func(t *testing.T) {
		m, err := d.HonorsByProjects(ctx, []int64{1, 2})
		if err != nil {
			t.Fatal(err)
		}
		assertIDs(t, ids(m[1]), []int64{7})
		assertEqual(t, "keys", len(m), 1)
	})

	t.Run("ByIDs", func(t *testing.T) {
		m, err := d.HonorsByIDs(ctx, []int64{3, 7, 404})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "keys", len(m), 2)
		assertEqual(t, "honour 3", m[3].RecipientName, "郑州大学")
	})

	t.Run("NoIDs", func(t *testing.T) {
		m, err := d.HonorsByUnits(ctx, nil)
		if err != nil || len(m) != 0 {
			t.Fatalf("HonorsByUnits(nil) = %v, %v", m, err)
		}
	})
}

func testPeople(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, honorDataset())
	names := func(p *db.PersonPage) []string {
		var out []string
		for _, e := range p.Edges {
			out = append(out, e.Node.Name)
		}
		return out
	}

	t.Run("ByCategory", func(t *testing.T) {
		p, err := d.People(ctx, db.PersonCriteria{Categories: []string{"DIRECT_MORAL_MODEL"}}, db.Page{First: 10})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "people", names(p), []string{"李四"})
	})

	t.Run("NameContains", func(t *testing.T) {
		p, err := d.People(ctx, db.PersonCriteria{NameContains: "三"}, db.Page{First: 10})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "people", names(p), []string{"张三"})
	})

	t.Run("Paging", func(t *testing.T) {
		p1, err := d.People(ctx, db.PersonCriteria{}, db.Page{First: 1})
		if err != nil {
			t.Fatal(err)
		}
		p2, err := d.People(ctx, db.PersonCriteria{}, db.Page{First: 1, After: *p1.PageInfo.EndCursor})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "pages", append(names(p1), names(p2)...), []string{"张三", "李四"})
		assertEqual(t, "first has next", p1.PageInfo.HasNextPage, true)
		assertEqual(t, "second has next", p2.PageInfo.HasNextPage, false)
		assertEqual(t, "total", p2.TotalCount, 2)
	})
}
