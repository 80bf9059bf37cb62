package apitest

import (
	"regexp"
	"strconv"
	"testing"
)

type volunteerBucket struct {
	Year              *int
	Month             *string
	Campaign          *string
	CampaignNameZh    *string
	UnitKind          *string
	UnitID            *string
	UnitName          *string
	Method            *string
	Verified          *bool
	Volunteers        int
	Hours             float64
	VerifiedHours     float64
	Records           int
	CashDonations     string
	MaterialDonations string
}

const volunteerStatsQuery = `query($g: [VolunteerDimension!]!, $f: VolunteerFilter) { volunteerStats(groupBy: $g, filter: $f) {
	year month campaign campaignNameZh unitKind unitId unitName method verified
	volunteers hours verifiedHours records cashDonations materialDonations } }`

// yuan parses a Yuan scalar, which must be a decimal string of whole yuan.
func yuan(tb testing.TB, s string) int64 {
	tb.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		tb.Fatalf("Yuan %q is not a decimal string: %v", s, err)
	}
	return n
}

type volunteerTotal struct {
	volunteers, records int
	hours               float64
	cash, material      int64
}

func totalOf(tb testing.TB, bs []volunteerBucket) volunteerTotal {
	tb.Helper()
	var t volunteerTotal
	for _, b := range bs {
		t.volunteers += b.Volunteers
		t.records += b.Records
		t.hours += b.Hours
		t.cash += yuan(tb, b.CashDonations)
		t.material += yuan(tb, b.MaterialDonations)
	}
	return t
}

// articleYears filters to the article's years, 2019–2024: the demo dataset's reporting task has written records of
// a later year (db.SeedDemoReporting).
var articleYears = map[string]any{"fromYear": 2019, "toYear": 2024}

func TestVolunteerStats(t *testing.T) {
	m := SharedMain(t)
	base := m.URL()
	all := volunteerStats(t, base, []string{}, articleYears)
	if len(all) != 1 {
		t.Fatalf("ungrouped stats gave %d rows", len(all))
	}
	grand := totalOf(t, all)

	t.Run("ByCampaign", func(t *testing.T) {
		bs := volunteerStats(t, base, []string{"CAMPAIGN"}, articleYears)
		by := map[string]volunteerBucket{}
		for _, b := range bs {
			if b.Campaign == nil || b.CampaignNameZh == nil || *b.CampaignNameZh == "" || b.Year != nil {
				t.Errorf("bucket %s", mustJSON(t, b))
				continue
			}
			by[*b.Campaign] = b
		}
		for _, code := range []string{"ROUTINE", "COVID19", "FLOOD720", "AID_JILIN_SHANGHAI"} {
			if _, ok := by[code]; !ok {
				t.Errorf("no %s bucket", code)
			}
		}
		covid, flood := by["COVID19"], by["FLOOD720"]
		if covid.Volunteers < 29000 || covid.Hours < 800000 {
			t.Errorf("COVID19: %d volunteers, %v hours", covid.Volunteers, covid.Hours)
		}
		if flood.Volunteers < 22000 || flood.Hours < 70000 {
			t.Errorf("FLOOD720: %d volunteers, %v hours", flood.Volunteers, flood.Hours)
		}
		if yuan(t, flood.CashDonations) < 50_000_000 || yuan(t, flood.MaterialDonations) < 6_000_000 {
			t.Errorf("FLOOD720 donations: cash %s, material %s", flood.CashDonations, flood.MaterialDonations)
		}
		if yuan(t, by["ROUTINE"].CashDonations) != 0 {
			t.Errorf("routine service has cash donations %s", by["ROUTINE"].CashDonations)
		}
		if got := totalOf(t, bs); got != grand {
			t.Errorf("by campaign adds up to %+v, ungrouped %+v", got, grand)
		}
	})

	t.Run("ByYear", func(t *testing.T) {
		bs := volunteerStats(t, base, []string{"YEAR"}, articleYears)
		if len(bs) != 6 {
			t.Fatalf("got %d years", len(bs))
		}
		for i, b := range bs {
			if b.Year == nil || *b.Year != 2019+i {
				t.Errorf("row %d: year %v", i, deref(b.Year))
			}
		}
		if got := totalOf(t, bs); got.volunteers != grand.volunteers || !approxEqual(got.hours, grand.hours) || got.cash != grand.cash || got.records != grand.records {
			t.Errorf("by year adds up to %+v, ungrouped %+v", got, grand)
		}
		// Routine service grows year on year, so volunteers in 2024 exceed 2019.
		if bs[5].Volunteers <= bs[0].Volunteers {
			t.Errorf("2024 volunteers %d not above 2019 %d", bs[5].Volunteers, bs[0].Volunteers)
		}
	})

	t.Run("ByMonth", func(t *testing.T) {
		bs := volunteerStats(t, base, []string{"MONTH"}, articleYears)
		if len(bs) < 12 {
			t.Fatalf("only %d months", len(bs))
		}
		month := regexp.MustCompile(`^20(19|2[0-4])-(0[1-9]|1[0-2])$`)
		prev := ""
		for _, b := range bs {
			if b.Month == nil || !month.MatchString(*b.Month) {
				t.Fatalf("month %v", deref(b.Month))
			}
			if *b.Month <= prev {
				t.Errorf("months out of order: %s after %s", *b.Month, prev)
			}
			prev = *b.Month
		}
		if got := totalOf(t, bs); got.volunteers != grand.volunteers || got.records != grand.records {
			t.Errorf("by month adds up to %+v, ungrouped %+v", got, grand)
		}
	})

	t.Run("ByVerified", func(t *testing.T) {
		bs := volunteerStats(t, base, []string{"VERIFIED"}, articleYears)
		if len(bs) != 2 {
			t.Fatalf("got %d buckets, want 2", len(bs))
		}
		for _, b := range bs {
			if b.Verified == nil {
				t.Fatal("verified is null")
			}
			want := 0.0
			if *b.Verified {
				want = b.Hours
			}
			if !approxEqual(b.VerifiedHours, want) {
				t.Errorf("verified=%v: verifiedHours %v, want %v", *b.Verified, b.VerifiedHours, want)
			}
		}
		if got := totalOf(t, bs); got.records != grand.records {
			t.Errorf("by verified: %d records, want %d", got.records, grand.records)
		}
	})

	t.Run("ByUnitKindAndUnit", func(t *testing.T) {
		kinds := volunteerStats(t, base, []string{"UNIT_KIND"}, articleYears)
		if got := totalOf(t, kinds); got.volunteers != grand.volunteers {
			t.Errorf("by unit kind: %d volunteers, want %d", got.volunteers, grand.volunteers)
		}
		units := volunteerStats(t, base, []string{"UNIT"}, map[string]any{"campaigns": []string{"FLOOD720"}})
		for _, b := range units {
			if b.UnitID == nil || b.UnitName == nil || *b.UnitName == "" {
				t.Fatalf("unit bucket %s", mustJSON(t, b))
			}
		}
	})

	t.Run("Filters", func(t *testing.T) {
		for _, tc := range []struct {
			name   string
			filter map[string]any
		}{
			{"Years", map[string]any{"fromYear": 2021, "toYear": 2021}},
			{"Routine", map[string]any{"campaigns": []string{"ROUTINE"}}},
			{"UnitKind", map[string]any{"unitKind": "医院"}},
			{"Methods", map[string]any{"methods": []string{"SIGN_IN", "SHIFT"}}},
			{"Verified", map[string]any{"verified": false}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got := totalOf(t, volunteerStats(t, base, []string{}, tc.filter))
				if got.records == 0 || got.records >= grand.records {
					t.Errorf("%d records of %d", got.records, grand.records)
				}
				n := Query[struct{ VolunteerRecords struct{ TotalCount int } }](t, base,
					`query($f: VolunteerFilter) { volunteerRecords(filter: $f) { totalCount } }`, map[string]any{"f": tc.filter}).VolunteerRecords.TotalCount
				if n != got.records {
					t.Errorf("volunteerRecords totalCount %d, stats records %d", n, got.records)
				}
			})
		}
		if got := totalOf(t, volunteerStats(t, base, []string{}, map[string]any{"demo": false})); got.records != 0 {
			t.Errorf("demo=false: %d records", got.records)
		}
	})

	t.Run("Errors", func(t *testing.T) {
		e := wantBadInput(t, base, volunteerStatsQuery, map[string]any{"g": []string{"CAMPAIGN"}, "f": map[string]any{"campaigns": []string{"NOPE"}}})
		if e.Extensions["field"] != "campaigns" {
			t.Errorf("field = %v", e.Extensions["field"])
		}
		wantBadInput(t, base, volunteerStatsQuery, map[string]any{"g": []string{"YEAR"}, "f": map[string]any{"fromYear": 2023, "toYear": 2020}})
		wantBadInput(t, base, volunteerStatsQuery, map[string]any{"g": []string{"YEAR"}, "f": map[string]any{"unitId": "not-an-id"}})
	})
}

type volunteerRecord struct {
	ID         string
	Date       string
	Volunteers int
	Hours      float64
	Method     string
	Verified   bool
	Demo       bool
	Unit       struct{ ID, Name string }
	Campaign   *struct{ Code string }
}

func TestVolunteerRecords(t *testing.T) {
	m := SharedMain(t)
	base := m.URL()
	const q = `query($f: VolunteerFilter, $first: Int, $after: String) { volunteerRecords(filter: $f, first: $first, after: $after) {
		totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
		edges { cursor node { id date volunteers hours method verified demo unit { id name } campaign { code } } } } }`
	type conn struct {
		VolunteerRecords struct {
			TotalCount int
			PageInfo   pageInfo
			Edges      []struct {
				Cursor string
				Node   volunteerRecord
			}
		}
	}

	t.Run("WalkFlood720", func(t *testing.T) {
		filter := map[string]any{"campaigns": []string{"FLOOD720"}}
		var all []volunteerRecord
		var after any
		total := -1
		for pages := 0; ; pages++ {
			c := Query[conn](t, base, q, map[string]any{"f": filter, "first": 100, "after": after}).VolunteerRecords
			if total < 0 {
				total = c.TotalCount
			}
			for _, e := range c.Edges {
				all = append(all, e.Node)
			}
			if !c.PageInfo.HasNextPage {
				break
			}
			if pages > 100 {
				t.Fatal("pagination does not terminate")
			}
			after = *c.PageInfo.EndCursor
		}
		if total != 240 || len(all) != total {
			t.Errorf("walked %d records, totalCount %d, want 240", len(all), total)
		}
		seen := map[string]bool{}
		var volunteers int
		var hours float64
		for _, r := range all {
			if seen[r.ID] {
				t.Errorf("record %s twice", r.ID)
			}
			seen[r.ID] = true
			if r.Campaign == nil || r.Campaign.Code != "FLOOD720" || r.Unit.ID == "" || !r.Demo {
				t.Errorf("record %+v", r)
			}
			if r.Date < "2021-07-20" || r.Date > "2021-09-30" {
				t.Errorf("record %s dated %s, outside the campaign", r.ID, r.Date)
			}
			volunteers += r.Volunteers
			hours += r.Hours
		}
		stats := totalOf(t, volunteerStats(t, base, []string{}, filter))
		if volunteers != stats.volunteers || !approxEqual(hours, stats.hours) {
			t.Errorf("records add up to %d volunteers / %v hours; stats say %d / %v", volunteers, hours, stats.volunteers, stats.hours)
		}
	})

	t.Run("RoutineHasNoCampaign", func(t *testing.T) {
		c := Query[conn](t, base, q, map[string]any{"f": map[string]any{"campaigns": []string{"ROUTINE"}}, "first": 50}).VolunteerRecords
		for _, e := range c.Edges {
			if e.Node.Campaign != nil {
				t.Fatalf("routine record with campaign %s", e.Node.Campaign.Code)
			}
		}
	})

	t.Run("Errors", func(t *testing.T) {
		for name, vars := range map[string]map[string]any{
			"FirstTooLarge":   {"first": 101},
			"FirstNegative":   {"first": -5},
			"GarbageCursor":   {"after": "%%%"},
			"UnknownCampaign": {"f": map[string]any{"campaigns": []string{"COVID20"}}},
		} {
			t.Run(name, func(t *testing.T) { wantBadInput(t, base, q, vars) })
		}
	})
}

type campaign struct {
	ID, Code, NameZh, NameEn, Kind, StartDate string
	EndDate                                   *string
	Description                               string
	Volunteers                                int
	Hours                                     float64
	CashDonations, MaterialDonations          string
	Boxes, Batches, DonorUnits                int
	Donations                                 []struct {
		ID, Kind, Amount, Date string
		Boxes                  int
		Batch                  *int
		Demo                   bool
		Unit                   *struct{ ID string }
		Campaign               struct{ Code string }
	}
}

const campaignsQuery = `{ campaigns { id code nameZh nameEn kind startDate endDate description volunteers hours
	cashDonations materialDonations boxes batches donorUnits
	donations { id kind amount date boxes batch demo unit { id } campaign { code } } } }`

func TestCampaigns(t *testing.T) {
	m := SharedMain(t)
	cs := Query[struct{ Campaigns []campaign }](t, m.URL(), campaignsQuery, nil).Campaigns
	if len(cs) != 3 {
		t.Fatalf("got %d campaigns, want 3", len(cs))
	}
	stats := map[string]volunteerBucket{}
	for _, b := range volunteerStats(t, m.URL(), []string{"CAMPAIGN"}, nil) {
		stats[*b.Campaign] = b
	}
	by := map[string]campaign{}
	for _, c := range cs {
		by[c.Code] = c
		t.Run(c.Code, func(t *testing.T) {
			if len(c.Donations) == 0 {
				t.Fatal("no donations")
			}
			var cash, material int64
			boxes := 0
			for _, d := range c.Donations {
				if d.Campaign.Code != c.Code || d.Unit == nil || !d.Demo {
					t.Errorf("donation %+v", d)
				}
				switch d.Kind {
				case "CASH":
					cash += yuan(t, d.Amount)
				case "MATERIAL":
					material += yuan(t, d.Amount)
				}
				boxes += d.Boxes
			}
			if yuan(t, c.CashDonations) != cash || yuan(t, c.MaterialDonations) != material || c.Boxes != boxes {
				t.Errorf("totals cash %s material %s boxes %d; donations add up to %d, %d, %d", c.CashDonations, c.MaterialDonations, c.Boxes, cash, material, boxes)
			}
			s := stats[c.Code]
			if c.Volunteers != s.Volunteers || !approxEqual(c.Hours, s.Hours) {
				t.Errorf("campaign says %d volunteers / %v hours, stats %d / %v", c.Volunteers, c.Hours, s.Volunteers, s.Hours)
			}
		})
	}
	if c := by["COVID19"]; c.Kind != "EPIDEMIC" || c.Volunteers < 29000 || c.Hours < 800000 {
		t.Errorf("COVID19: %+v", c)
	}
	if c := by["FLOOD720"]; c.Kind != "FLOOD" || c.StartDate != "2021-07-20" || yuan(t, c.CashDonations) < 50_000_000 {
		t.Errorf("FLOOD720: %s %s cash %s", c.Kind, c.StartDate, c.CashDonations)
	}
	if c := by["AID_JILIN_SHANGHAI"]; c.Kind != "AID" || c.Batches != 3 || c.DonorUnits != 31 || c.Boxes < 7600 || yuan(t, c.MaterialDonations) < 1_040_000 {
		t.Errorf("AID: batches %d donors %d boxes %d material %s", c.Batches, c.DonorUnits, c.Boxes, c.MaterialDonations)
	}
}

func TestVolunteerProjectsAndFederation(t *testing.T) {
	m := SharedMain(t)
	const q = `query($b: Boolean) { volunteerProjects(brandOnly: $b) { id name brand field demo unit { id } honors { id category { code } } } }`
	type project struct {
		ID, Name, Field string
		Brand, Demo     bool
		Unit            *struct{ ID string }
		Honors          []struct{ ID string }
	}
	all := Query[struct{ VolunteerProjects []project }](t, m.URL(), q, nil).VolunteerProjects
	brands := Query[struct{ VolunteerProjects []project }](t, m.URL(), q, map[string]any{"b": true}).VolunteerProjects

	t.Run("Brands", func(t *testing.T) {
		names := []string{}
		for _, p := range brands {
			if !p.Brand || p.Demo {
				t.Errorf("brand %+v", p)
			}
			names = append(names, p.Name)
		}
		for _, want := range []string{"义务植树", "文明交通", "无偿献血"} {
			if !contains(names, want) {
				t.Errorf("brand %s missing from %v", want, names)
			}
		}
		if len(brands) != 3 {
			t.Errorf("got %d brands, want 3", len(brands))
		}
	})

	t.Run("All", func(t *testing.T) {
		if len(all) <= len(brands) {
			t.Fatalf("got %d projects", len(all))
		}
		names := []string{}
		honoured := 0
		for _, p := range all {
			names = append(names, p.Name)
			if len(p.Honors) > 0 {
				honoured++
			}
		}
		for _, want := range []string{"i科普", "急救地摊", "金秋支教"} {
			if !contains(names, want) {
				t.Errorf("project %s missing", want)
			}
		}
		if honoured == 0 {
			t.Error("no project carries honours")
		}
	})

	t.Run("Federation", func(t *testing.T) {
		f := Query[struct {
			Federation struct {
				GroupMembers, IndividualMembers int
				ByYear                          []struct{ Year, GroupMembers, IndividualMembers int }
			}
		}](t, m.URL(), `{ federation { groupMembers individualMembers byYear { year groupMembers individualMembers } } }`, nil).Federation
		if f.GroupMembers != 159 || f.IndividualMembers != 131 {
			t.Errorf("got %d groups, %d individuals; want 159, 131", f.GroupMembers, f.IndividualMembers)
		}
		g, i := 0, 0
		for _, y := range f.ByYear {
			g += y.GroupMembers
			i += y.IndividualMembers
		}
		if g != 159 || i != 131 || len(f.ByYear) == 0 {
			t.Errorf("byYear adds up to %d, %d", g, i)
		}
	})
}

func volunteerStats(tb testing.TB, base string, groupBy []string, filter map[string]any) []volunteerBucket {
	tb.Helper()
	return Query[struct{ VolunteerStats []volunteerBucket }](tb, base, volunteerStatsQuery, map[string]any{"g": groupBy, "f": filter}).VolunteerStats
}
