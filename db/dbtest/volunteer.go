package dbtest

import (
	"context"
	"testing"

	"github.com/wenming/wenming/db"
)

// Campaign IDs of the volunteer dataset.
const (
	campCovid = 1
	campFlood = 2
	campJilin = 3 // donations only, no volunteer records
)

// addVolunteering adds three campaigns, seven records (three routine, one demo), six donations and the federation.
func addVolunteering(ds *db.Dataset) *db.Dataset {
	c := func(id int64) *int64 { return &id }
	ds.Campaigns = []*db.Campaign{
		{ID: campFlood, Code: "FLOOD720", NameZh: "7·20 抗洪救灾", NameEn: "7·20 flood relief", Kind: db.CampaignFlood, StartDate: "2021-07-20"},
		{ID: campCovid, Code: "COVID19", NameZh: "新冠疫情防控", NameEn: "COVID-19", Kind: db.CampaignEpidemic, StartDate: "2020-01-25", EndDate: ptr(db.Date("2022-12-31"))},
		{ID: campJilin, Code: "AID_JILIN", NameZh: "援助吉林", NameEn: "Aid to Jilin", Kind: db.CampaignAid, StartDate: "2022-03-15"},
	}
	ds.VolunteerRecords = []*db.VolunteerRecord{
		{ID: 1, UnitID: unitTransport, CampaignID: c(campCovid), Date: "2020-02-03", Volunteers: 10, Minutes: 600, Method: db.MethodSignIn, Verified: true},
		{ID: 2, UnitID: unitZhengzhouU, CampaignID: c(campCovid), Date: "2020-02-20", Volunteers: 5, Minutes: 300, Method: db.MethodShift},
		{ID: 3, UnitID: unitTransport, Date: "2020-03-05", Volunteers: 4, Minutes: 120, Method: db.MethodSelfReport, Verified: true},
		{ID: 4, UnitID: unitHospital, CampaignID: c(campFlood), Date: "2021-07-22", Volunteers: 20, Minutes: 1200, Method: db.MethodSignIn, Verified: true},
		{ID: 5, UnitID: unitHospital, Date: "2021-07-30", Volunteers: 2, Minutes: 90, Method: db.MethodBackfill},
		{ID: 6, UnitID: unitPower, CampaignID: c(campFlood), Date: "2021-08-01", Volunteers: 8, Minutes: 480, Method: db.MethodShift, Verified: true},
		{ID: 7, UnitID: unitSchool, Date: "2022-03-20", Volunteers: 3, Minutes: 45, Method: db.MethodSignIn, Verified: true, Demo: true},
	}
	ds.Donations = []*db.Donation{
		{ID: 1, CampaignID: campFlood, UnitID: c(unitTransport), Kind: db.DonationCash, Amount: 50000, Date: "2021-07-23"},
		{ID: 2, CampaignID: campFlood, UnitID: c(unitHospital), Kind: db.DonationMaterial, Amount: 12000, Boxes: 40, Batch: ptr(1), Date: "2021-07-24"},
		{ID: 3, CampaignID: campFlood, UnitID: c(unitHospital), Kind: db.DonationMaterial, Amount: 8000, Boxes: 20, Batch: ptr(2), Date: "2021-07-28"},
		{ID: 4, CampaignID: campJilin, UnitID: c(unitPower), Kind: db.DonationMaterial, Amount: 30000, Boxes: 100, Batch: ptr(1), Date: "2022-03-18"},
		{ID: 5, CampaignID: campJilin, Kind: db.DonationCash, Amount: 1000, Date: "2022-03-19", Description: "匿名"},
		{ID: 6, CampaignID: campCovid, UnitID: c(unitZhengzhouU), Kind: db.DonationCash, Amount: 2000, Date: "2020-02-10"},
	}
	ds.Federation = []*db.FederationMember{
		{ID: 1, Group: true, Name: "省直青年志愿者协会", JoinedYear: 2019},
		{ID: 2, Group: true, Name: "省直巾帼志愿服务队", JoinedYear: 2019},
		{ID: 3, Name: "王五", JoinedYear: 2019},
		{ID: 4, Name: "赵六", JoinedYear: 2021},
		{ID: 5, Group: true, Name: "省直医疗志愿服务队", JoinedYear: 2021, Demo: true},
		{ID: 6, Name: "孙七", JoinedYear: 2021},
	}
	return ds
}

func volunteerDataset() *db.Dataset { return addVolunteering(baseDataset()) }

// volRow is the comparable part of a volunteer bucket.
type volRow struct {
	Volunteers      int
	Minutes         int64
	VerifiedMinutes int64
	Records         int
	Cash, Material  db.Yuan
}

func rowOf(b *db.VolunteerBucket) volRow {
	return volRow{b.Volunteers, b.Minutes, b.VerifiedMinutes, b.Records, b.CashDonations, b.MaterialDonations}
}

func testVolunteerStats(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, volunteerDataset())

	t.Run("ByYear", func(t *testing.T) {
		got, err := d.VolunteerStats(ctx, []db.VolunteerDimension{db.VolDimYear}, db.VolunteerCriteria{})
		if err != nil {
			t.Fatal(err)
		}
		want := map[int]volRow{
			2020: {19, 1020, 720, 3, 2000, 0},
			2021: {30, 1770, 1680, 3, 50000, 20000},
			2022: {3, 45, 45, 1, 1000, 30000},
		}
		hours := map[int]float64{2020: 17, 2021: 29.5, 2022: 0.75}
		assertEqual(t, "buckets", len(got), len(want))
		for i, b := range got {
			if b.Year == nil {
				t.Fatalf("bucket %d has no year", i)
			}
			if i > 0 && *b.Year <= *got[i-1].Year {
				t.Fatalf("years out of order: %d after %d", *b.Year, *got[i-1].Year)
			}
			assertEqual(t, "bucket", rowOf(b), want[*b.Year])
			assertEqual(t, "hours", b.Hours(), hours[*b.Year])
			if b.Campaign != nil || b.Month != nil || b.UnitRef != nil || b.Verified != nil || b.Method != nil || b.UnitKind != nil {
				t.Fatalf("ungrouped dimension set: %+v", b)
			}
		}
	})

	t.Run("ByCampaign", func(t *testing.T) {
		got, err := d.VolunteerStats(ctx, []db.VolunteerDimension{db.VolDimCampaign}, db.VolunteerCriteria{})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]volRow{
			"COVID19":  {15, 900, 600, 2, 2000, 0},
			"FLOOD720": {28, 1680, 1680, 2, 50000, 20000},
			"ROUTINE":  {9, 255, 165, 3, 0, 0},
			// Donations only: a row of its own with no records.
			"AID_JILIN": {0, 0, 0, 0, 1000, 30000},
		}
		names := map[string]string{"COVID19": "新冠疫情防控", "FLOOD720": "7·20 抗洪救灾", "ROUTINE": "常态化志愿服务", "AID_JILIN": "援助吉林"}
		gotRows := map[string]volRow{}
		for _, b := range got {
			if b.Campaign == nil {
				t.Fatalf("bucket without campaign: %+v", b)
			}
			gotRows[*b.Campaign] = rowOf(b)
			if b.CampaignNameZh == nil {
				t.Errorf("campaign %s: CampaignNameZh is nil, want %q", *b.Campaign, names[*b.Campaign])
			} else if *b.CampaignNameZh != names[*b.Campaign] {
				t.Errorf("campaign %s: name = %q, want %q", *b.Campaign, *b.CampaignNameZh, names[*b.Campaign])
			}
		}
		assertEqual(t, "buckets", gotRows, want)
	})

	t.Run("DonationOnlyRowsKeepGroupOrder", func(t *testing.T) {
		// Rows are ordered by the grouped dimensions, like the record rows; a donations-only campaign is no exception.
		got, err := d.VolunteerStats(ctx, []db.VolunteerDimension{db.VolDimCampaign}, db.VolunteerCriteria{})
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, b := range got {
			codes = append(codes, *b.Campaign)
		}
		assertEqual(t, "campaign order", codes, []string{"AID_JILIN", "COVID19", "FLOOD720", "ROUTINE"})
	})

	t.Run("ByYearAndCampaign", func(t *testing.T) {
		got, err := d.VolunteerStats(ctx, []db.VolunteerDimension{db.VolDimYear, db.VolDimCampaign}, db.VolunteerCriteria{})
		if err != nil {
			t.Fatal(err)
		}
		type key struct {
			year     int
			campaign string
		}
		gotRows := map[key]volRow{}
		for _, b := range got {
			gotRows[key{*b.Year, *b.Campaign}] = rowOf(b)
		}
		assertEqual(t, "buckets", gotRows, map[key]volRow{
			{2020, "COVID19"}:   {15, 900, 600, 2, 2000, 0},
			{2020, "ROUTINE"}:   {4, 120, 120, 1, 0, 0},
			{2021, "FLOOD720"}:  {28, 1680, 1680, 2, 50000, 20000},
			{2021, "ROUTINE"}:   {2, 90, 0, 1, 0, 0},
			{2022, "ROUTINE"}:   {3, 45, 45, 1, 0, 0},
			{2022, "AID_JILIN"}: {0, 0, 0, 0, 1000, 30000},
		})
	})

	t.Run("ByMonth", func(t *testing.T) {
		got, err := d.VolunteerStats(ctx, []db.VolunteerDimension{db.VolDimMonth}, db.VolunteerCriteria{})
		if err != nil {
			t.Fatal(err)
		}
		var months []string
		gotRows := map[string]volRow{}
		for _, b := range got {
			months = append(months, *b.Month)
			gotRows[*b.Month] = rowOf(b)
		}
		assertEqual(t, "months", months, []string{"2020-02", "2020-03", "2021-07", "2021-08", "2022-03"})
		// Grouped by month, donations are not joined.
		assertEqual(t, "buckets", gotRows, map[string]volRow{
			"2020-02": {15, 900, 600, 2, 0, 0},
			"2020-03": {4, 120, 120, 1, 0, 0},
			"2021-07": {22, 1290, 1200, 2, 0, 0},
			"2021-08": {8, 480, 480, 1, 0, 0},
			"2022-03": {3, 45, 45, 1, 0, 0},
		})
	})

	t.Run("ByVerified", func(t *testing.T) {
		got, err := d.VolunteerStats(ctx, []db.VolunteerDimension{db.VolDimVerified}, db.VolunteerCriteria{})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "buckets", len(got), 2)
		gotRows := map[bool]volRow{}
		for _, b := range got {
			gotRows[*b.Verified] = rowOf(b)
		}
		assertEqual(t, "buckets", gotRows, map[bool]volRow{
			false: {7, 390, 0, 2, 0, 0},
			true:  {45, 2445, 2445, 5, 0, 0},
		})
		assertEqual(t, "verified hours", got[1].VerifiedHours(), 2445.0/60)
	})

	t.Run("ByUnit", func(t *testing.T) {
		got, err := d.VolunteerStats(ctx, []db.VolunteerDimension{db.VolDimUnit}, db.VolunteerCriteria{Years: db.YearRange{From: 2021, To: 2021}})
		if err != nil {
			t.Fatal(err)
		}
		type row struct {
			name string
			volRow
		}
		gotRows := map[int64]row{}
		for _, b := range got {
			name := ""
			if b.UnitName != nil {
				name = *b.UnitName
			}
			gotRows[*b.UnitRef] = row{name, rowOf(b)}
		}
		assertEqual(t, "buckets", gotRows, map[int64]row{
			unitHospital: {"省人民医院", volRow{22, 1290, 1200, 2, 0, 8000 + 12000}},
			unitPower:    {"省电力公司", volRow{8, 480, 480, 1, 0, 0}},
			// Donations only: still a row of its own, named like every unit row.
			unitTransport: {"省交通运输厅", volRow{0, 0, 0, 0, 50000, 0}},
		})
	})

	t.Run("Ungrouped", func(t *testing.T) {
		got, err := d.VolunteerStats(ctx, nil, db.VolunteerCriteria{})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "buckets", len(got), 1)
		assertEqual(t, "total", rowOf(got[0]), volRow{52, 2835, 2445, 7, 53000, 50000})
	})

	t.Run("FilterRoutine", func(t *testing.T) {
		got, err := d.VolunteerStats(ctx, nil, db.VolunteerCriteria{Campaigns: []string{db.RoutineCampaign}})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "total", rowOf(got[0]), volRow{9, 255, 165, 3, 0, 0})
	})

	t.Run("ErrUnknownDimension", func(t *testing.T) {
		_, err := d.VolunteerStats(ctx, []db.VolunteerDimension{"WEEKDAY"}, db.VolunteerCriteria{})
		assertCode(t, err, db.EINVALID)
	})
}

func recordIDs(p *db.VolunteerRecordPage) []int64 {
	var ids []int64
	for _, e := range p.Edges {
		ids = append(ids, e.Node.ID)
	}
	return ids
}

func testVolunteerRecords(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, volunteerDataset())

	for _, tc := range []struct {
		name   string
		filter db.VolunteerCriteria
		want   []int64
	}{
		{"None", db.VolunteerCriteria{}, []int64{1, 2, 3, 4, 5, 6, 7}},
		{"Routine", db.VolunteerCriteria{Campaigns: []string{db.RoutineCampaign}}, []int64{3, 5, 7}},
		{"RoutineAndFlood", db.VolunteerCriteria{Campaigns: []string{"FLOOD720", db.RoutineCampaign}}, []int64{3, 4, 5, 6, 7}},
		{"Covid", db.VolunteerCriteria{Campaigns: []string{"COVID19"}}, []int64{1, 2}},
		{"CampaignWithoutRecords", db.VolunteerCriteria{Campaigns: []string{"AID_JILIN"}}, nil},
		{"Year", db.VolunteerCriteria{Years: db.YearRange{From: 2021, To: 2021}}, []int64{4, 5, 6}},
		{"Unit", db.VolunteerCriteria{UnitID: unitTransport}, []int64{1, 3}},
		{"UnitKind", db.VolunteerCriteria{UnitKind: "医院"}, []int64{4, 5}},
		{"Method", db.VolunteerCriteria{Methods: []db.RecordingMethod{db.MethodSignIn}}, []int64{1, 4, 7}},
		{"Unverified", db.VolunteerCriteria{Verified: ptr(false)}, []int64{2, 5}},
		{"Demo", db.VolunteerCriteria{Demo: ptr(true)}, []int64{7}},
		{"Combined", db.VolunteerCriteria{Campaigns: []string{db.RoutineCampaign}, Verified: ptr(true), Demo: ptr(false)}, []int64{3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := d.VolunteerRecords(ctx, tc.filter, db.Page{First: db.MaxPageSize})
			if err != nil {
				t.Fatal(err)
			}
			assertIDs(t, recordIDs(p), tc.want)
			assertEqual(t, "total", p.TotalCount, len(tc.want))
		})
	}

	t.Run("Paging", func(t *testing.T) {
		var got []int64
		after := ""
		for i := 0; i < 10; i++ {
			p, err := d.VolunteerRecords(ctx, db.VolunteerCriteria{}, db.Page{First: 2, After: after})
			if err != nil {
				t.Fatal(err)
			}
			assertEqual(t, "total", p.TotalCount, 7)
			got = append(got, recordIDs(p)...)
			assertEqual(t, "has next", p.PageInfo.HasNextPage, len(got) < 7)
			if !p.PageInfo.HasNextPage {
				break
			}
			after = *p.PageInfo.EndCursor
		}
		assertIDs(t, got, []int64{1, 2, 3, 4, 5, 6, 7})
	})

	t.Run("ErrInvalidCursor", func(t *testing.T) {
		_, err := d.VolunteerRecords(ctx, db.VolunteerCriteria{}, db.Page{First: 2, After: "%%%"})
		assertCode(t, err, db.EINVALID)
	})

	t.Run("ReturnsAllFields", func(t *testing.T) {
		m, err := d.VolunteerRecordsByIDs(ctx, []int64{1, 7})
		if err != nil {
			t.Fatal(err)
		}
		ds := volunteerDataset()
		ds.VolunteerRecords[0].Version, ds.VolunteerRecords[6].Version = 1, 1 // every stored record starts at version 1
		assertEqual(t, "record 1", m[1], ds.VolunteerRecords[0])
		assertEqual(t, "record 7", m[7], ds.VolunteerRecords[6])
	})
}

func testVolunteerTotalsByUnits(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, volunteerDataset())

	m, err := d.VolunteerTotalsByUnits(ctx, []int64{unitTransport, unitHospital, unitFinance}, db.YearRange{From: 2019, To: 2024})
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, "transport", *m[unitTransport], db.VolunteerTotals{Volunteers: 14, Minutes: 720, VerifiedMinutes: 720, Records: 2})
	assertEqual(t, "hospital", *m[unitHospital], db.VolunteerTotals{Volunteers: 22, Minutes: 1290, VerifiedMinutes: 1200, Records: 2})
	if _, ok := m[unitFinance]; ok {
		t.Fatal("unit without records has totals")
	}

	m, err = d.VolunteerTotalsByUnits(ctx, []int64{unitTransport}, db.YearRange{From: 2021, To: 2024})
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, "totals outside years", len(m), 0)
}

func testCampaigns(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, volunteerDataset())

	cs, err := d.Campaigns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	type totals struct {
		Code                  string
		Volunteers            int
		Minutes               int64
		Cash, Material        db.Yuan
		Boxes, Batches, Donor int
	}
	var got []totals
	for _, c := range cs {
		got = append(got, totals{c.Code, c.Volunteers, c.Minutes, c.CashDonations, c.MaterialDonations, c.Boxes, c.Batches, c.DonorUnits})
	}
	// In start-date order; the anonymous Jilin donation is no donor unit.
	assertEqual(t, "campaigns", got, []totals{
		{"COVID19", 15, 900, 2000, 0, 0, 0, 1},
		{"FLOOD720", 28, 1680, 50000, 20000, 60, 2, 2},
		{"AID_JILIN", 0, 0, 1000, 30000, 100, 1, 1},
	})
	assertEqual(t, "covid end date", *cs[0].EndDate, db.Date("2022-12-31"))
	assertEqual(t, "flood hours", cs[1].Hours(), 28.0)

	t.Run("ByIDs", func(t *testing.T) {
		m, err := d.CampaignsByIDs(ctx, []int64{campFlood})
		if err != nil {
			t.Fatal(err)
		}
		assertEqual(t, "keys", len(m), 1)
		assertEqual(t, "flood donors", m[campFlood].DonorUnits, 2)
	})

	t.Run("DonationsByCampaigns", func(t *testing.T) {
		m, err := d.DonationsByCampaigns(ctx, []int64{campFlood, campJilin, campCovid})
		if err != nil {
			t.Fatal(err)
		}
		ids := func(xs []*db.Donation) []int64 {
			var out []int64
			for _, x := range xs {
				out = append(out, x.ID)
			}
			return out
		}
		assertIDs(t, ids(m[campFlood]), []int64{1, 2, 3})
		assertIDs(t, ids(m[campJilin]), []int64{4, 5})
		assertIDs(t, ids(m[campCovid]), []int64{6})
		assertEqual(t, "anonymous donor", m[campJilin][1].UnitID, (*int64)(nil))
	})
}

func testVolunteerProjects(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, volunteerDataset())
	all, err := d.VolunteerProjects(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, "all projects", len(all), 2)
	assertEqual(t, "brands first", all[0].Name, "义务植树")
	brands, err := d.VolunteerProjects(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, "brands", len(brands), 1)
}

func testFederation(t *testing.T, open Opener) {
	ctx := context.Background()
	d := mustOpenLoaded(t, open, volunteerDataset())

	s, err := d.Federation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, "group members", s.GroupMembers, 3)
	assertEqual(t, "individual members", s.IndividualMembers, 3)
	var years []db.FederationYear
	for _, y := range s.ByYear {
		years = append(years, *y)
	}
	assertEqual(t, "by year", years, []db.FederationYear{
		{Year: 2019, GroupMembers: 2, IndividualMembers: 1},
		{Year: 2021, GroupMembers: 1, IndividualMembers: 2},
	})

	t.Run("Empty", func(t *testing.T) {
		s, err := mustOpenLoaded(t, open, baseDataset()).Federation(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if s.GroupMembers != 0 || s.IndividualMembers != 0 || len(s.ByYear) != 0 {
			t.Fatalf("empty federation = %+v", s)
		}
	})
}
