package apitest

import (
	"testing"
)

type unitNode struct {
	ID, Name, Kind, Sector string
	ServiceWindow, Campus  bool
	Demo                   bool
}

const unitsQuery = `query($f: UnitFilter, $first: Int, $after: String) { units(filter: $f, first: $first, after: $after) {
	totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
	edges { cursor node { id name kind sector serviceWindow campus demo } } } }`

// walkUnits pages through units to the end and returns them with the total count.
func walkUnits(tb testing.TB, base string, filter map[string]any, first int) ([]unitNode, int) {
	tb.Helper()
	var all []unitNode
	var after any
	for page := 0; ; page++ {
		c := Query[struct {
			Units struct {
				TotalCount int
				PageInfo   pageInfo
				Edges      []struct{ Node unitNode }
			}
		}](tb, base, unitsQuery, map[string]any{"f": filter, "first": first, "after": after}).Units
		for _, e := range c.Edges {
			all = append(all, e.Node)
		}
		if c.PageInfo.HasPreviousPage != (page > 0) {
			tb.Errorf("page %d: hasPreviousPage %v", page, c.PageInfo.HasPreviousPage)
		}
		if !c.PageInfo.HasNextPage {
			return all, c.TotalCount
		}
		if page > 1000 {
			tb.Fatal("pagination does not terminate")
		}
		after = *c.PageInfo.EndCursor
	}
}

func TestUnits(t *testing.T) {
	m := SharedMain(t)
	base := m.URL()

	kinds := Query[struct {
		UnitKinds []struct {
			Kind  string
			Count int
		}
	}](t, base, `{ unitKinds { kind count } }`, nil).UnitKinds
	kindCount := map[string]int{}
	sum := 0
	for _, k := range kinds {
		kindCount[k.Kind] = k.Count
		sum += k.Count
	}

	t.Run("PagingToTheEnd", func(t *testing.T) {
		all, total := walkUnits(t, base, nil, 37)
		if total != 240 || len(all) != total {
			t.Errorf("walked %d units, totalCount %d, want 240", len(all), total)
		}
		seen := map[string]bool{}
		for _, u := range all {
			if seen[u.ID] {
				t.Errorf("unit %s twice", u.ID)
			}
			seen[u.ID] = true
			if !u.Demo || u.Name == "" || u.Sector == "" {
				t.Errorf("unit %+v", u)
			}
		}
	})

	t.Run("UnitKinds", func(t *testing.T) {
		want := map[string]int{"机关": 90, "事业单位": 60, "国有企业": 40, "高校": 20, "中小学": 15, "医院": 15}
		if len(kinds) != len(want) || sum != 240 {
			t.Errorf("unit kinds %v", kindCount)
		}
		for k, n := range want {
			if kindCount[k] != n {
				t.Errorf("%s: %d, want %d", k, kindCount[k], n)
			}
		}
	})

	t.Run("Filters", func(t *testing.T) {
		for _, tc := range []struct {
			name   string
			filter map[string]any
			want   int
			ok     func(unitNode) bool
		}{
			{"Kind", map[string]any{"kind": "高校"}, kindCount["高校"], func(u unitNode) bool { return u.Kind == "高校" && u.Campus }},
			{"NameContains", map[string]any{"nameContains": "青禾"}, -1, func(u unitNode) bool { return contains([]rune(u.Name), '青') }},
			{"ServiceWindow", map[string]any{"serviceWindow": true}, -1, func(u unitNode) bool { return u.ServiceWindow }},
			{"LinkedToPractice", map[string]any{"linkedToPractice": true}, 191, func(u unitNode) bool { return true }},
			{"KindAndWindow", map[string]any{"kind": "医院", "serviceWindow": true}, -1, func(u unitNode) bool { return u.Kind == "医院" && u.ServiceWindow }},
			{"NoMatch", map[string]any{"nameContains": "不存在的单位名"}, 0, func(u unitNode) bool { return false }},
		} {
			t.Run(tc.name, func(t *testing.T) {
				all, total := walkUnits(t, base, tc.filter, 100)
				if len(all) != total {
					t.Errorf("walked %d, totalCount %d", len(all), total)
				}
				if tc.want >= 0 && total != tc.want {
					t.Errorf("totalCount %d, want %d", total, tc.want)
				}
				if tc.want != 0 && (total == 0 || total >= 240) {
					t.Errorf("totalCount %d does not narrow 240", total)
				}
				for _, u := range all {
					if !tc.ok(u) {
						t.Fatalf("unit outside the filter: %+v", u)
					}
				}
			})
		}
	})

	t.Run("Errors", func(t *testing.T) {
		wantBadInput(t, base, unitsQuery, map[string]any{"first": 101})
		wantBadInput(t, base, unitsQuery, map[string]any{"after": "nonsense"})
	})
}

func TestUnit(t *testing.T) {
	m := SharedMain(t)
	base := m.URL()
	// A unit linked to a practice centre has links and pairings as well as honours and assessments.
	linked := Query[struct {
		Units struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}](t, base, `{ units(filter: {linkedToPractice: true}, first: 100) { edges { node { id } } } }`, nil).Units.Edges

	const q = `query($id: ID!) { unit(id: $id) {
		id name kind demo
		honors { id year category { code } unit { id } }
		all: volunteerTotals { volunteers hours verifiedHours records }
		y2021: volunteerTotals(fromYear: 2021, toYear: 2021) { volunteers hours verifiedHours records }
		assessments { id year baseScore bonus veto total stage demo unit { id } scores { code nameZh score maxScore } }
		practiceLinks { id sinceYear demo unit { id } center { id name county prefecture identified } }
		pairings { id township sinceYear demo unit { id } }
	} }`
	type totals struct {
		Volunteers, Records  int
		Hours, VerifiedHours float64
	}
	type unitDetail struct {
		ID, Name, Kind string
		Demo           bool
		Honors         []struct {
			ID       string
			Year     int
			Category struct{ Code string }
			Unit     struct{ ID string }
		}
		All, Y2021  totals
		Assessments []struct {
			ID                      string
			Year                    int
			BaseScore, Bonus, Total float64
			Veto, Demo              bool
			Stage                   string
			Unit                    struct{ ID string }
			Scores                  []struct {
				Code, NameZh    string
				Score, MaxScore float64
			}
		}
		PracticeLinks []struct {
			ID        string
			SinceYear int
			Unit      struct{ ID string }
			Center    struct {
				ID, Name, County, Prefecture string
				Identified                   bool
			}
		}
		Pairings []struct {
			ID, Township string
			SinceYear    int
			Unit         struct{ ID string }
		}
	}

	honoured := 0
	for _, e := range linked[:40] {
		id := e.Node.ID
		u := Query[struct{ Unit *unitDetail }](t, base, q, map[string]any{"id": id}).Unit
		if u == nil {
			t.Fatalf("unit %s is null", id)
		}
		if u.ID != id {
			t.Errorf("asked %s, got %s", id, u.ID)
		}
		if len(u.Honors) > 0 {
			honoured++
		}
		for _, h := range u.Honors {
			if h.Unit.ID != id {
				t.Errorf("unit %s lists honour %s of unit %s", id, h.ID, h.Unit.ID)
			}
		}
		if u.All.Records == 0 || u.Y2021.Records > u.All.Records || u.Y2021.Hours > u.All.Hours || u.All.VerifiedHours > u.All.Hours {
			t.Errorf("unit %s volunteer totals: all %+v, 2021 %+v", id, u.All, u.Y2021)
		}
		// A unit's totals default to the article's years, 2019–2024.
		stats := totalOf(t, volunteerStats(t, base, []string{}, map[string]any{"unitId": id, "fromYear": 2019, "toYear": 2024}))
		if stats.records != u.All.Records || stats.volunteers != u.All.Volunteers {
			t.Errorf("unit %s totals %+v, volunteerStats %+v", id, u.All, stats)
		}
		if len(u.Assessments) != 6 {
			t.Errorf("unit %s has %d assessments, want 6", id, len(u.Assessments))
		}
		for _, a := range u.Assessments {
			var sum, max float64
			for _, s := range a.Scores {
				sum += s.Score
				max += s.MaxScore
				if s.Score > s.MaxScore || s.NameZh == "" {
					t.Errorf("assessment %s: score %+v", a.ID, s)
				}
			}
			if len(a.Scores) == 0 || !approxEqual(max, 100) || sum-a.BaseScore > 0.05 || a.BaseScore-sum > 0.05 {
				t.Errorf("assessment %s: %d scores add up to %v of %v, base %v", a.ID, len(a.Scores), sum, max, a.BaseScore)
			}
			want := a.BaseScore + a.Bonus
			if a.Veto {
				want = 0
			}
			if !approxEqual(a.Total, want) || a.Bonus > 10 || a.Unit.ID != id {
				t.Errorf("assessment %s: base %v bonus %v veto %v total %v", a.ID, a.BaseScore, a.Bonus, a.Veto, a.Total)
			}
		}
		if len(u.PracticeLinks) == 0 || len(u.Pairings) == 0 {
			t.Errorf("linked unit %s: %d links, %d pairings", id, len(u.PracticeLinks), len(u.Pairings))
		}
		for _, l := range u.PracticeLinks {
			if l.Unit.ID != id || l.Center.Name == "" || !l.Center.Identified {
				t.Errorf("link %+v", l)
			}
		}
		for _, p := range u.Pairings {
			if p.Unit.ID != id || p.Township == "" {
				t.Errorf("pairing %+v", p)
			}
		}
	}
	if honoured == 0 {
		t.Error("none of the sampled units has honours")
	}

	t.Run("UnknownIsNull", func(t *testing.T) {
		data, errs := GQL(t, base, `query($id: ID!) { unit(id: $id) { id } }`, map[string]any{"id": globalID("Unit", 999999)})
		if len(errs) > 0 || string(data) != `{"unit":null}` {
			t.Errorf("data %s, errors %+v", data, errs)
		}
	})
	for name, id := range map[string]string{
		"Malformed":     "not base64!",
		"WrongType":     globalID("Honor", 1),
		"ZeroRow":       globalID("Unit", 0),
		"NonNumericRow": b64("Unit:abc"),
	} {
		t.Run(name, func(t *testing.T) {
			e := wantBadInput(t, base, `query($id: ID!) { unit(id: $id) { id } }`, map[string]any{"id": id})
			if e.Extensions["field"] != "id" {
				t.Errorf("field = %v", e.Extensions["field"])
			}
		})
	}
	t.Run("VolunteerTotalsBadRange", func(t *testing.T) {
		wantBadInput(t, base, `query($id: ID!) { unit(id: $id) { volunteerTotals(fromYear: 2024, toYear: 2020) { records } } }`,
			map[string]any{"id": linked[0].Node.ID})
	})
}

func TestPeople(t *testing.T) {
	m := SharedMain(t)
	base := m.URL()
	const q = `query($f: PersonFilter, $first: Int, $after: String) { people(filter: $f, first: $first, after: $after) {
		totalCount pageInfo { hasNextPage endCursor }
		edges { node { id name citation demo unit { id } honors { id recipientName category { code } person { id } } } } } }`
	type person struct {
		ID, Name, Citation string
		Demo               bool
		Unit               *struct{ ID string }
		Honors             []struct {
			ID, RecipientName string
			Category          struct{ Code string }
			Person            struct{ ID string }
		}
	}
	walk := func(t *testing.T, filter map[string]any) ([]person, int) {
		var all []person
		var after any
		for page := 0; ; page++ {
			c := Query[struct {
				People struct {
					TotalCount int
					PageInfo   pageInfo
					Edges      []struct{ Node person }
				}
			}](t, base, q, map[string]any{"f": filter, "first": 100, "after": after}).People
			for _, e := range c.Edges {
				all = append(all, e.Node)
			}
			if !c.PageInfo.HasNextPage {
				return all, c.TotalCount
			}
			if page > 100 {
				t.Fatal("pagination does not terminate")
			}
			after = *c.PageInfo.EndCursor
		}
	}

	t.Run("All", func(t *testing.T) {
		all, total := walk(t, nil)
		if total == 0 || len(all) != total {
			t.Fatalf("walked %d, totalCount %d", len(all), total)
		}
		seen := map[string]bool{}
		for _, p := range all {
			if seen[p.ID] {
				t.Errorf("person %s twice", p.ID)
			}
			seen[p.ID] = true
			if len(p.Honors) == 0 || p.Citation == "" || !p.Demo || p.Unit == nil {
				t.Errorf("person %+v", p)
			}
			for _, h := range p.Honors {
				if h.Person.ID != p.ID || h.RecipientName != p.Name {
					t.Errorf("person %s lists honour %s of %s", p.ID, h.ID, h.Person.ID)
				}
			}
		}
	})

	t.Run("Categories", func(t *testing.T) {
		all, total := walk(t, map[string]any{"categories": []string{"CHINA_GOOD_PERSON"}})
		if total != 7 || len(all) != 7 {
			t.Errorf("China Good People: %d (walked %d), want 7", total, len(all))
		}
		for _, p := range all {
			found := false
			for _, h := range p.Honors {
				found = found || h.Category.Code == "CHINA_GOOD_PERSON"
			}
			if !found {
				t.Errorf("%s holds no CHINA_GOOD_PERSON honour", p.ID)
			}
		}
	})

	t.Run("NameContains", func(t *testing.T) {
		all, total := walk(t, map[string]any{"nameContains": "赵"})
		if total == 0 || len(all) != total {
			t.Fatalf("got %d", total)
		}
		for _, p := range all {
			if !contains([]rune(p.Name), '赵') {
				t.Errorf("%s does not contain 赵", p.Name)
			}
		}
	})

	t.Run("Errors", func(t *testing.T) {
		t.Run("FirstTooLarge", func(t *testing.T) { wantBadInput(t, base, q, map[string]any{"first": 101}) })
		t.Run("GarbageCursor", func(t *testing.T) { wantBadInput(t, base, q, map[string]any{"after": "@@"}) })
		// An unknown category code is a typo, as honors and honorStats treat it, not an empty result.
		t.Run("UnknownCategory", func(t *testing.T) {
			e := wantBadInput(t, base, q, map[string]any{"f": map[string]any{"categories": []string{"NO_SUCH_CATEGORY"}}})
			if e.Extensions["field"] != "categories" {
				t.Errorf("field = %v", e.Extensions["field"])
			}
		})
	})
}

func TestPractice(t *testing.T) {
	m := SharedMain(t)
	base := m.URL()
	type center struct {
		ID, Code, Name, County, Prefecture, PrefectureCode, Note string
		Identified                                               bool
		ActivitySessions                                         int
		Links                                                    []struct{ Unit struct{ ID string } }
	}
	const centersQuery = `query($p: String) { practiceCenters(prefecture: $p) {
		id code name county prefecture prefectureCode identified note activitySessions links { unit { id } } } }`
	centers := Query[struct{ PracticeCenters []center }](t, base, centersQuery, nil).PracticeCenters

	t.Run("Centers", func(t *testing.T) {
		if len(centers) != 158 {
			t.Fatalf("got %d centres, want 158", len(centers))
		}
		unidentified := 0
		linked := 0
		for _, c := range centers {
			if c.Name == "" {
				t.Errorf("centre %s has no name", c.ID)
			}
			if !c.Identified {
				unidentified++
				if c.Code != "" || c.Note == "" {
					t.Errorf("unidentified centre should have no code and a note: %+v", c)
				}
			} else if len(c.Code) != 6 {
				t.Errorf("centre %s: code %q", c.Name, c.Code)
			}
			if len(c.Links) > 0 {
				linked++
			}
		}
		if unidentified != 1 {
			t.Errorf("%d unidentified centres, want exactly 1", unidentified)
		}
		if linked != 157 {
			t.Errorf("%d centres have a linked unit, want every identified one (157)", linked)
		}
	})

	t.Run("PrefectureFilter", func(t *testing.T) {
		want := 0
		for _, c := range centers {
			if c.Prefecture == "郑州市" {
				want++
			}
		}
		got := Query[struct{ PracticeCenters []center }](t, base, centersQuery, map[string]any{"p": "郑州市"}).PracticeCenters
		if want == 0 || len(got) != want {
			t.Errorf("郑州市: got %d, want %d", len(got), want)
		}
		for _, c := range got {
			if c.Prefecture != "郑州市" {
				t.Errorf("%s is in %s", c.Name, c.Prefecture)
			}
		}
	})

	type summary struct {
		Centers, IdentifiedCenters, LinkedUnits, CoveredCenters, ActivitySessions, Participants, Pairings int
		ByPrefecture                                                                                      []struct {
			Prefecture, PrefectureCode             string
			Centers, LinkedUnits, ActivitySessions int
		}
	}
	const summaryQuery = `query($from: Int, $to: Int) { practiceSummary(fromYear: $from, toYear: $to) {
		centers identifiedCenters linkedUnits coveredCenters activitySessions participants pairings
		byPrefecture { prefecture prefectureCode centers linkedUnits activitySessions } } }`

	t.Run("Summary", func(t *testing.T) {
		s := Query[struct{ PracticeSummary summary }](t, base, summaryQuery, nil).PracticeSummary
		if s.Centers != 158 || s.IdentifiedCenters != 157 || s.LinkedUnits != 191 || s.CoveredCenters != 157 || s.Pairings != 191 {
			t.Errorf("summary %+v", s)
		}
		n := 0
		for _, p := range s.ByPrefecture {
			n += p.Centers
		}
		if n != 158 {
			t.Errorf("byPrefecture adds up to %d centres", n)
		}
		part := Query[struct{ PracticeSummary summary }](t, base, summaryQuery, map[string]any{"from": 2023, "to": 2023}).PracticeSummary
		if part.ActivitySessions >= s.ActivitySessions || part.ActivitySessions == 0 {
			t.Errorf("2023 sessions %d vs all %d", part.ActivitySessions, s.ActivitySessions)
		}
		wantBadInput(t, base, summaryQuery, map[string]any{"from": 2024, "to": 2019})
	})

	t.Run("ActivityStats", func(t *testing.T) {
		const q = `query($from: Int, $to: Int) { practiceActivityStats(fromYear: $from, toYear: $to) { year kind activities sessions participants } }`
		bs := Query[struct {
			PracticeActivityStats []struct {
				Year                               int
				Kind                               string
				Activities, Sessions, Participants int
			}
		}](t, base, q, nil).PracticeActivityStats
		sessions, participants := map[string]int{}, map[string]int{}
		total := 0
		for _, b := range bs {
			sessions[b.Kind] += b.Sessions
			participants[b.Kind] += b.Participants
			total += b.Sessions
		}
		if sessions["PROMOTION_WEEK"] < 1000 || sessions["HERITAGE_TALK"] < 50 || participants["HERITAGE_TALK"] < 10000 {
			t.Errorf("sessions %v, participants %v", sessions, participants)
		}
		s := Query[struct{ PracticeSummary summary }](t, base, summaryQuery, nil).PracticeSummary
		if total != s.ActivitySessions {
			t.Errorf("activity stats add up to %d sessions, summary %d", total, s.ActivitySessions)
		}
		wantBadInput(t, base, q, map[string]any{"from": 3000})
	})

	t.Run("WorkStats", func(t *testing.T) {
		const q = `query($from: Int, $to: Int) { workStats(fromYear: $from, toYear: $to) { year selection count } }`
		bs := Query[struct {
			WorkStats []struct {
				Year      int
				Selection string
				Count     int
			}
		}](t, base, q, nil).WorkStats
		by := map[string]int{}
		total := 0
		for _, b := range bs {
			by[b.Selection] += b.Count
			total += b.Count
		}
		if total < 3500 || by["PROVINCIAL"] != 86 || by["PROVINCIAL_DIRECT"] != 450 {
			t.Errorf("works %d, by selection %v", total, by)
		}
		wantBadInput(t, base, q, map[string]any{"from": 2023, "to": 2021})
	})
}

func TestAssessments(t *testing.T) {
	m := SharedMain(t)
	base := m.URL()
	const q = `query($y: Int!) { assessmentIndicators(year: $y) { year code nameZh nameEn maxScore } }`
	type indicator struct {
		Year                 int
		Code, NameZh, NameEn string
		MaxScore             float64
	}
	versions := map[int]string{}
	for _, year := range []int{2019, 2022, 2023, 2024} {
		t.Run("Indicators"+itoa(year), func(t *testing.T) {
			is := Query[struct{ AssessmentIndicators []indicator }](t, base, q, map[string]any{"y": year}).AssessmentIndicators
			var sum float64
			for _, i := range is {
				sum += i.MaxScore
				if i.NameZh == "" || i.Code == "" {
					t.Errorf("indicator %+v", i)
				}
			}
			if len(is) == 0 || !approxEqual(sum, 100) {
				t.Errorf("%d indicators adding up to %v", len(is), sum)
			}
			versions[year] = mustJSON(t, is)
		})
	}
	t.Run("WeightsChangeIn2023", func(t *testing.T) {
		if versions[2019] == versions[2024] {
			t.Error("2019 and 2024 use the same indicator weights")
		}
	})
	t.Run("IndicatorYearOutOfRange", func(t *testing.T) {
		e := wantBadInput(t, base, q, map[string]any{"y": 1800})
		if e.Extensions["field"] != "year" {
			t.Errorf("field = %v", e.Extensions["field"])
		}
	})

	t.Run("StageStats", func(t *testing.T) {
		const sq = `query($from: Int, $to: Int) { assessmentStageStats(fromYear: $from, toYear: $to) { year stage count } }`
		bs := Query[struct {
			AssessmentStageStats []struct {
				Year  int
				Stage string
				Count int
			}
		}](t, base, sq, nil).AssessmentStageStats
		perYear := map[int]int{}
		revoked := 0
		for _, b := range bs {
			perYear[b.Year] += b.Count
			if b.Stage == "REVOKED" {
				revoked += b.Count
			}
		}
		if len(perYear) != 6 {
			t.Errorf("years %v", perYear)
		}
		for y, n := range perYear {
			if n != 240 {
				t.Errorf("%d: %d assessments, want one per unit (240)", y, n)
			}
		}
		if revoked != 2 {
			t.Errorf("%d revoked, want 2", revoked)
		}
		wantBadInput(t, base, sq, map[string]any{"from": 2022, "to": 2021})
	})
}

func TestTimelineAndDataset(t *testing.T) {
	m := SharedMain(t)
	base := m.URL()
	t.Run("Milestones", func(t *testing.T) {
		ms := Query[struct {
			Milestones []struct {
				ID, Date, Precision, TitleZh, TitleEn, Kind string
				EndDate                                     *string
				Source                                      *struct{ Title string }
			}
		}](t, base, `{ milestones { id date precision titleZh titleEn kind endDate source { title } } }`, nil).Milestones
		var dates []string
		for i, x := range ms {
			dates = append(dates, x.Date)
			if x.TitleZh == "" || x.Source == nil || (x.Precision != "DAY" && x.Precision != "YEAR") {
				t.Errorf("milestone %+v", x)
			}
			if i > 0 && x.Date < ms[i-1].Date {
				t.Errorf("milestones out of order at %s", x.Date)
			}
			if x.Kind == "PERIOD" && (x.EndDate == nil || *x.EndDate < x.Date) {
				t.Errorf("period %s without a proper end date", x.TitleZh)
			}
		}
		for _, d := range []string{"2021-07-20", "2023-08-03", "2024-03-05", "2024-10-15"} {
			if !contains(dates, d) {
				t.Errorf("no milestone on %s", d)
			}
		}
	})

	t.Run("Dataset", func(t *testing.T) {
		ds := Query[struct {
			Dataset struct {
				HasDemo                                   bool
				DemoRecords, Version, FirstYear, LastYear int
			}
		}](t, base, `{ dataset { hasDemo demoRecords version firstYear lastYear } }`, nil).Dataset
		if !ds.HasDemo || ds.DemoRecords == 0 || ds.FirstYear != 2019 || ds.LastYear != 2024 || ds.Version < 1 {
			t.Errorf("dataset %+v", ds)
		}
	})
}
