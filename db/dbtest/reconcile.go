package dbtest

import (
	"context"
	"strings"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/seed"
)

// testDemoReconciles loads the real demo dataset and checks every tracked published figure is MATCH, except the 158
// county practice centres: 157 are linked and the 158th is unidentified, so the honest answer is BELOW by one.
func testDemoReconciles(t *testing.T, open Opener) {
	ctx := context.Background()
	d := open(t)
	ds, err := seed.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Load(ctx, ds); err != nil {
		t.Fatal(err)
	}
	rows, err := db.BuildReconciliation(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	tracked := 0
	for _, r := range rows {
		t.Run(r.Figure.Key, func(t *testing.T) {
			if !r.Figure.Tracked() {
				if r.Status != db.ReconNotTracked {
					t.Fatalf("untracked figure has status %s", r.Status)
				}
				return
			}
			tracked++
			if r.Figure.Key == "practice_centres" {
				if r.Status != db.ReconBelow || r.RecordedValue == nil || *r.RecordedValue != 157 {
					t.Fatalf("practice_centres = %s, recorded %v; want BELOW with 157 linked", r.Status, r.RecordedValue)
				}
				if !strings.Contains(r.Note, "未识别的第158个县级文明实践中心") {
					t.Fatalf("note %q does not name the unidentified 158th centre", r.Note)
				}
				return
			}
			if r.Status != db.ReconMatch {
				t.Fatalf("status = %s (figure %v %s, recorded %v): %s", r.Status, r.Figure.Value, r.Figure.Qualifier, *r.RecordedValue, r.Note)
			}
		})
	}
	if tracked != 43 {
		t.Errorf("tracked figures = %d, want 43", tracked)
	}

	t.Run("RealOnlyFallsShort", func(t *testing.T) {
		d := open(t)
		real, err := seed.Real()
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Load(ctx, real); err != nil {
			t.Fatal(err)
		}
		rows, err := db.BuildReconciliation(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if r.Figure.Key == "national_units" && r.Status != db.ReconBelow {
				t.Fatalf("without demo records national_units is %s, want BELOW", r.Status)
			}
		}
	})
}

// testReconciliationRules checks what each figure counts, on the demo dataset: each rule of issue 8 fails here when
// broken.
func testReconciliationRules(t *testing.T, open Opener) {
	ctx := context.Background()
	d := open(t)
	ds, err := seed.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Load(ctx, ds); err != nil {
		t.Fatal(err)
	}
	rowsByKey := func() map[string]*db.ReconciliationRow {
		rows, err := db.BuildReconciliation(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]*db.ReconciliationRow{}
		for _, r := range rows {
			out[r.Figure.Key] = r
		}
		return out
	}
	rows := rowsByKey()

	t.Run("ApproximateAtLeast", func(t *testing.T) {
		r := rows["covid_materials"]
		if r.Figure.Qualifier != db.QualifierApproximateAtLeast || r.Status != db.ReconMatch {
			t.Fatalf("covid_materials = %s %s, want APPROXIMATE_AT_LEAST MATCH", r.Figure.Qualifier, r.Status)
		}
		if !strings.Contains(r.Note, "约…余") {
			t.Fatalf("note %q does not say 约…余", r.Note)
		}
	})

	t.Run("StatusesByFigure", func(t *testing.T) {
		for key, want := range map[string]db.HonorStatus{
			"national_units": db.StatusAwarded, "practice_excellent_projects": db.StatusAwarded, "volunteer_typical_cases": db.StatusAwarded,
			"treat_national": db.StatusTreatmentRecognised, "treat_provincial_model": db.StatusTreatmentRecognised,
			"treat_provincial": db.StatusTreatmentRecognised, "moral_model_candidates": db.StatusRecommended,
			"provincial_demo_windows": db.StatusRecommended, "henan_good_people": db.StatusAwarded,
		} {
			if got := rows[key].Figure.Statuses; len(got) != 1 || got[0] != want {
				t.Errorf("%s counts %v, want [%s]", key, got, want)
			}
		}
		for _, r := range rows {
			if kind, _ := r.Figure.Metric.Parts(); kind == "honors" && len(r.Figure.Statuses) == 0 {
				t.Errorf("honours figure %s stores no statuses", r.Figure.Key)
			}
		}
	})

	t.Run("OtherStatusesDoNotCount", func(t *testing.T) {
		// A 待遇 recognition filed under the 全国文明单位 category must not raise 「43个单位获评“全国文明单位”」.
		var unitID int64
		for _, u := range ds.Units {
			if !u.Campus && u.Kind != "高校" && u.Kind != "中小学" {
				unitID = u.ID
				break
			}
		}
		st := db.StatusTreatmentRecognised
		if _, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "NATIONAL_CIVILISED_UNIT", UnitID: &unitID, Year: 2022, Status: &st}); err != nil {
			t.Fatal(err)
		}
		r := rowsByKey()["national_units"]
		if r.Status != db.ReconMatch || *r.RecordedValue != 43 {
			t.Fatalf("national_units = %s %v after a treatment recognition, want MATCH 43", r.Status, *r.RecordedValue)
		}
	})

	t.Run("PersonTimes", func(t *testing.T) {
		for _, key := range []string{"covid_volunteers", "flood_volunteers"} {
			r := rows[key]
			if !strings.Contains(r.Note, "记录为人次") {
				t.Errorf("%s note %q does not say 记录为人次", key, r.Note)
			}
		}
	})

	t.Run("PlaceholderCentreNeverMatches", func(t *testing.T) {
		var placeholder, unit int64
		for _, c := range ds.Centers {
			if !c.Identified {
				placeholder = c.ID
			}
		}
		unit = ds.Units[0].ID
		if _, err := d.CreatePracticeLink(ctx, db.PracticeLinkFields{UnitID: unit, CenterID: placeholder, SinceYear: 2021}); err != nil {
			t.Fatal(err)
		}
		r := rowsByKey()["practice_centres"]
		if r.Status != db.ReconBelow || *r.RecordedValue != 157 {
			t.Fatalf("a link to the placeholder made practice_centres %s %v, want BELOW 157", r.Status, *r.RecordedValue)
		}
	})
}

// testFourExcellentRecipientKinds checks that a category may accept several recipient kinds: 「四个优秀」 goes to
// persons, organisations (units) and projects, and a single-kind category still refuses the others.
func testFourExcellentRecipientKinds(t *testing.T, open Opener) {
	ctx := context.Background()
	d := open(t)
	ds, err := seed.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Load(ctx, ds); err != nil {
		t.Fatal(err)
	}
	var unitID, personID, projectID int64
	for _, u := range ds.Units {
		if u.Kind != "高校" && u.Kind != "中小学" {
			unitID = u.ID
			break
		}
	}
	personID, projectID = ds.People[0].ID, ds.Projects[len(ds.Projects)-1].ID
	for _, tc := range []struct {
		name string
		in   db.HonorFields
		want db.RecipientKind
	}{
		{"Organisation", db.HonorFields{CategoryCode: "DIRECT_FOUR_EXCELLENT", UnitID: &unitID, Year: 2023}, db.RecipientUnit},
		{"Person", db.HonorFields{CategoryCode: "DIRECT_FOUR_EXCELLENT", PersonID: &personID, Year: 2023}, db.RecipientPerson},
		{"Project", db.HonorFields{CategoryCode: "HENAN_FOUR_EXCELLENT", ProjectID: &projectID, Year: 2023}, db.RecipientProject},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, err := d.CreateHonor(ctx, tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if h.RecipientKind != tc.want {
				t.Fatalf("recipient kind = %s, want %s", h.RecipientKind, tc.want)
			}
		})
	}
	t.Run("ErrSingleKindCategory", func(t *testing.T) {
		_, err := d.CreateHonor(ctx, db.HonorFields{CategoryCode: "NATIONAL_CIVILISED_UNIT", PersonID: &personID, Year: 2023})
		assertCode(t, err, db.EINVALID)
	})
}
