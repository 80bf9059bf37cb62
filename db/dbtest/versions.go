package dbtest

import (
	"context"
	"reflect"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/cache"
)

func dataVersions(tb testing.TB, d db.Backend) db.Versions {
	tb.Helper()
	v, err := d.DataVersions(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

// testDomainVersions checks that every write bumps the total and exactly the domains it can change
// (db.WriteDomains), each to the new total, in its own transaction; that a failed write bumps nothing; and that a
// load bumps every domain.
func testDomainVersions(t *testing.T, open Opener) {
	ctx := editorCtx()
	admin := db.WithPrincipal(context.Background(), &db.Principal{UserID: 1, Username: "admin", Role: db.RoleAdmin, Via: "session"})
	d := mustOpenLoaded(t, open, writeDataset())
	t.Run("LoadBumpsEveryDomain", func(t *testing.T) {
		v := dataVersions(t, d)
		if v.Global == 0 {
			t.Fatal("data version 0 after a load")
		}
		for dom := db.Domain(0); dom < db.NumDomains; dom++ {
			if v.Of[dom] != v.Global {
				t.Fatalf("%s version = %d after the load, want the total %d", dom, v.Of[dom], v.Global)
			}
		}
		if g := dataVersion(t, d); g != v.Global {
			t.Fatalf("DataVersion = %d, DataVersions.Global = %d", g, v.Global)
		}
	})
	var recordID, honorID int64
	writes := []struct {
		name  string
		wants db.DomainSet
		write func() error
	}{
		{"VolunteerRecord", db.Domains(db.DomainVolunteer), func() error {
			r, err := d.CreateVolunteerRecord(ctx, db.VolunteerRecordFields{UnitID: unitPower, Date: "2024-03-05", Volunteers: 9, Minutes: 90, Method: db.MethodSignIn})
			if r != nil {
				recordID = r.ID
			}
			return err
		}},
		{"UpdateVolunteerRecord", db.Domains(db.DomainVolunteer), func() error {
			_, err := d.UpdateVolunteerRecord(ctx, recordID, 1, db.VolunteerRecordFields{UnitID: unitPower, Date: "2023-03-05", Volunteers: 9, Minutes: 120, Method: db.MethodSignIn})
			return err
		}},
		{"Honor", db.Domains(db.DomainHonors), func() error {
			h, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "PROVINCIAL_UNIT", UnitID: ptr(int64(unitPower)), Year: 2022})
			if h != nil {
				honorID = h.ID
			}
			return err
		}},
		{"DeleteHonor", db.Domains(db.DomainHonors), func() error {
			_, err := d.DeleteRecord(ctx, db.EntityHonor, honorID, 1)
			return err
		}},
		{"Person", db.Domains(db.DomainUnits, db.DomainHonors), func() error {
			_, err := d.CreatePerson(ctx, db.PersonFields{Name: "王五", UnitID: ptr(int64(unitPower)), Citation: "扶贫"})
			return err
		}},
		{"Assessment", db.Domains(db.DomainAssessments), func() error {
			_, err := d.CreateAssessment(ctx, db.AssessmentFields{UnitID: unitPower, Year: 2022, BaseScore: 80, Bonus: 5, Stage: db.StageApplied})
			return err
		}},
		{"PracticeActivity", db.Domains(db.DomainPractice), func() error {
			_, err := d.CreatePracticeActivity(ctx, db.PracticeActivityFields{UnitID: unitPower, CenterID: ptr(int64(3)), Date: "2022-05-01",
				Kind: db.ActivityRoutine, Theme: "义务植树", Sessions: 2, Participants: 40})
			return err
		}},
		{"Target", db.Domains(db.DomainPlans), func() error {
			_, err := d.CreateTarget(admin, db.TargetFields{Metric: db.ProgressVolunteers, Year: 2025, Value: 500})
			return err
		}},
		{"HonorCategoryPoints", db.Domains(db.DomainHonors), func() error {
			_, err := d.SetHonorCategoryPoints(admin, "PROVINCIAL_UNIT", 7)
			return err
		}},
		{"TalentMember", db.Domains(db.DomainArticle), func() error {
			_, err := d.CreateTalentMember(ctx, db.TalentMemberFields{Name: "评审专家（演示）", SinceYear: 2023, Roles: []db.TalentRole{"ONLINE_REVIEW"}})
			return err
		}},
		{"Unit", db.AllDomains, func() error {
			_, err := d.UpdateUnit(ctx, unitPower, 1, db.UnitFields{Name: "省电力公司", Kind: "国有企业"})
			return err
		}},
	}
	for _, w := range writes {
		t.Run(w.name, func(t *testing.T) {
			before := dataVersions(t, d)
			if err := w.write(); err != nil {
				t.Fatal(err)
			}
			after := dataVersions(t, d)
			if after.Global != before.Global+1 {
				t.Fatalf("total version %d → %d, want one step", before.Global, after.Global)
			}
			for dom := db.Domain(0); dom < db.NumDomains; dom++ {
				switch {
				case w.wants.Has(dom) && after.Of[dom] != after.Global:
					t.Errorf("%s version = %d, want the new total %d", dom, after.Of[dom], after.Global)
				case !w.wants.Has(dom) && after.Of[dom] != before.Of[dom]:
					t.Errorf("%s version moved %d → %d on a write that cannot change it", dom, before.Of[dom], after.Of[dom])
				}
			}
		})
	}
	t.Run("FailedWriteBumpsNothing", func(t *testing.T) {
		before := dataVersions(t, d)
		_, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "NOPE", UnitID: ptr(int64(unitPower)), Year: 2022})
		assertCode(t, err, db.EINVALID)
		if after := dataVersions(t, d); after != before {
			t.Fatalf("versions moved on a refused write: %+v → %+v", before, after)
		}
	})
	t.Run("PurgeDemoBumpsEveryDomain", func(t *testing.T) {
		before := dataVersions(t, d)
		if _, err := d.PurgeDemo(admin, false); err != nil {
			t.Fatal(err)
		}
		after := dataVersions(t, d)
		for dom := db.Domain(0); dom < db.NumDomains; dom++ {
			if after.Global == before.Global || after.Of[dom] != after.Global {
				t.Fatalf("after a purge: %+v (before %+v)", after, before)
			}
		}
	})
}

// testCachedAggregatesStayCurrent reads every cached aggregate through the version-keyed cache, writes each kind of
// record, and reads them all again: each must equal the backend's own answer (current), and the answers of domains
// the write did not touch must come from the cache.
func testCachedAggregatesStayCurrent(t *testing.T, open Opener) {
	ctx := editorCtx()
	d := mustOpenLoaded(t, open, writeDataset())
	c := cache.New(d, d, 1000)
	years := db.YearRange{From: 2019, To: 2024}
	reads := []struct {
		name string
		read func(s db.Store) (any, error)
	}{
		{"Measure", func(s db.Store) (any, error) {
			return s.Measure(ctx, []db.Metric{"honors:PROVINCIAL_UNIT", "hours:ALL", "volunteers:ALL", "practice:linked_units", "sessions:PAIRING"}, years)
		}},
		{"Progress", func(s db.Store) (any, error) { return s.Progress(ctx, db.ProgressVolunteers, years) }},
		{"HonorStats", func(s db.Store) (any, error) {
			return s.HonorStats(ctx, []db.HonorDimension{db.HonorDimYear, db.HonorDimUnitKind}, db.HonorCriteria{})
		}},
		{"VolunteerStats", func(s db.Store) (any, error) {
			return s.VolunteerStats(ctx, []db.VolunteerDimension{db.VolDimYear, db.VolDimUnitKind}, db.VolunteerCriteria{})
		}},
		{"RankingInputs", func(s db.Store) (any, error) { return s.RankingInputs(ctx, 2024, "") }},
		{"RankingInputs2022", func(s db.Store) (any, error) { return s.RankingInputs(ctx, 2022, "") }},
		{"RankingWeights", func(s db.Store) (any, error) { return s.RankingWeights(ctx, 2024) }},
		{"Rankings", func(s db.Store) (any, error) {
			return db.BuildRankings(ctx, s, 2024, db.RankCreationIndex, "", db.MaxRankingSize, db.RankingTop)
		}},
		{"RankingsBottom2022", func(s db.Store) (any, error) {
			return db.BuildRankings(ctx, s, 2022, db.RankAssessmentScore, "机关", 2, db.RankingBottom)
		}},
		{"ComputeRankings", func(s db.Store) (any, error) { return db.ComputeRankings(ctx, s, 2024, db.RankVolunteerHours, "") }},
		{"DatasetInfo", func(s db.Store) (any, error) { return s.DatasetInfo(ctx) }},
		{"HonorCategories", func(s db.Store) (any, error) { return s.HonorCategories(ctx) }},
		{"Campaigns", func(s db.Store) (any, error) { return s.Campaigns(ctx) }},
		{"PracticeSummary", func(s db.Store) (any, error) { return s.PracticeSummary(ctx, years) }},
		{"PracticeActivityStats", func(s db.Store) (any, error) { return s.PracticeActivityStats(ctx, years) }},
		{"UnitKinds", func(s db.Store) (any, error) { return s.UnitKinds(ctx) }},
	}
	check := func(t *testing.T, after string) {
		t.Helper()
		for _, r := range reads {
			got, err := r.read(c)
			if err != nil {
				t.Fatal(err)
			}
			want, err := r.read(d)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("after %s, cached %s = %+v, want the current %+v", after, r.name, got, want)
			}
		}
	}
	check(t, "the load")
	writes := []struct {
		name  string
		write func() error
	}{
		{"VolunteerRecord2024", func() error {
			_, err := d.CreateVolunteerRecord(ctx, db.VolunteerRecordFields{UnitID: unitPower, Date: "2024-03-05", Volunteers: 9, Minutes: 600, Method: db.MethodSignIn})
			return err
		}},
		{"Honor2024", func() error {
			_, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "PROVINCIAL_UNIT", UnitID: ptr(int64(unitFinance)), Year: 2024})
			return err
		}},
		{"Assessment2024", func() error {
			_, err := d.CreateAssessment(ctx, db.AssessmentFields{UnitID: unitFinance, Year: 2024, BaseScore: 95, Bonus: 5, Stage: db.StageApplied})
			return err
		}},
		{"PracticeActivity2022", func() error {
			_, err := d.CreatePracticeActivity(ctx, db.PracticeActivityFields{UnitID: unitHospital, CenterID: ptr(int64(3)), Date: "2022-05-01",
				Kind: db.ActivityRoutine, Theme: "宣讲", Sessions: 3, Participants: 50})
			return err
		}},
		{"UnitKind", func() error {
			_, err := d.UpdateUnit(ctx, unitFinance, 1, db.UnitFields{Name: "省财政厅", Kind: "国有企业"})
			return err
		}},
		{"RankingWeights", func() error {
			_, err := d.SetRankingWeights(adminCtx(), 2024, []db.RankingWeightFields{{Component: db.ComponentHonors, Weight: 0.5},
				{Component: db.ComponentVolunteer, Weight: 0.5}, {Component: db.ComponentPractice, Weight: 0}, {Component: db.ComponentAssessment, Weight: 0}})
			return err
		}},
	}
	for _, w := range writes {
		t.Run(w.name, func(t *testing.T) {
			if err := w.write(); err != nil {
				t.Fatal(err)
			}
			check(t, w.name)
		})
	}
	t.Run("UntouchedDomainsStayCached", func(t *testing.T) {
		hits0, _ := c.Stats()
		if _, err := c.HonorStats(ctx, []db.HonorDimension{db.HonorDimYear}, db.HonorCriteria{}); err != nil {
			t.Fatal(err)
		}
		if _, err := d.CreateVolunteerRecord(ctx, db.VolunteerRecordFields{UnitID: unitPower, Date: "2024-03-06", Volunteers: 2, Minutes: 60, Method: db.MethodSignIn}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.HonorStats(ctx, []db.HonorDimension{db.HonorDimYear}, db.HonorCriteria{}); err != nil {
			t.Fatal(err)
		}
		if hits, _ := c.Stats(); hits != hits0+1 {
			t.Fatalf("honour counts after a volunteer record: %d hits, want 1 (served from the cache)", hits-hits0)
		}
	})
}
