package db_test

import (
	"reflect"
	"testing"

	"github.com/wenming/wenming/db"
)

type placing struct {
	Rank   int
	UnitID int64
	Score  float64
}

func placings(es []*db.RankingEntry) []placing {
	var out []placing
	for _, e := range es {
		out = append(out, placing{e.Rank, e.UnitID, e.Score})
	}
	return out
}

func TestRank_CreationIndex(t *testing.T) {
	weights := []*db.RankingWeight{
		{Component: db.ComponentHonors, Weight: 0.4},
		{Component: db.ComponentVolunteer, Weight: 0.3},
		{Component: db.ComponentPractice, Weight: 0.2},
		{Component: db.ComponentAssessment, Weight: 0.1},
	}
	inputs := []db.RankingInput{
		// Best at honours and practice.
		{UnitID: 1, HonorPoints: 20, VolunteerMinutes: 600, PracticeSessions: 8, AssessmentTotal: 90, HasAssessment: true},
		// Best at volunteer hours and assessment.
		{UnitID: 2, HonorPoints: 5, VolunteerMinutes: 1200, PracticeSessions: 2, AssessmentTotal: 100, HasAssessment: true},
		// Nothing at all.
		{UnitID: 3},
	}
	got := db.Rank(inputs, db.RankCreationIndex, weights)

	t.Run("Normalised", func(t *testing.T) {
		// Unit 1: 0.4×100 + 0.3×50 + 0.2×100 + 0.1×90 = 84. Unit 2: 0.4×25 + 0.3×100 + 0.2×25 + 0.1×100 = 55.
		want := []placing{{1, 1, 84}, {2, 2, 55}, {3, 3, 0}}
		if !reflect.DeepEqual(placings(got), want) {
			t.Fatalf("ranking = %+v, want %+v", placings(got), want)
		}
	})

	t.Run("BestUnitGetsFullWeight", func(t *testing.T) {
		contrib := map[string]float64{}
		for _, c := range got[0].Breakdown {
			contrib[c.Key] = c.Contribution
		}
		if contrib[db.ComponentHonors] != 40 || contrib[db.ComponentPractice] != 20 {
			t.Fatalf("unit 1 breakdown = %v, want honours 40 and practice 20", contrib)
		}
		for _, c := range got[1].Breakdown {
			if c.Key == db.ComponentVolunteer && (c.Contribution != 30 || c.Raw != 20 || c.Weight != 0.3) {
				t.Fatalf("unit 2 volunteer component = %+v, want raw 20 h, weight 0.3, contribution 30", c)
			}
		}
	})

	t.Run("BreakdownFollowsWeights", func(t *testing.T) {
		var keys []string
		for _, c := range got[0].Breakdown {
			keys = append(keys, c.Key)
			if c.LabelZh == "" || c.LabelEn == "" {
				t.Fatalf("component %s has no label", c.Key)
			}
		}
		want := []string{db.ComponentHonors, db.ComponentVolunteer, db.ComponentPractice, db.ComponentAssessment}
		if !reflect.DeepEqual(keys, want) {
			t.Fatalf("breakdown keys = %v, want %v", keys, want)
		}
	})

	t.Run("AllZeroIsNotNaN", func(t *testing.T) {
		got := db.Rank([]db.RankingInput{{UnitID: 1}, {UnitID: 2}}, db.RankCreationIndex, weights)
		want := []placing{{1, 1, 0}, {1, 2, 0}}
		if !reflect.DeepEqual(placings(got), want) {
			t.Fatalf("ranking = %+v, want %+v", placings(got), want)
		}
	})
}

func TestRank_Ties(t *testing.T) {
	inputs := []db.RankingInput{
		{UnitID: 3, HonorPoints: 7},
		{UnitID: 2, HonorPoints: 5},
		{UnitID: 4, HonorPoints: 10},
		{UnitID: 1, HonorPoints: 7},
	}
	got := db.Rank(inputs, db.RankHonorPoints, nil)
	want := []placing{{1, 4, 10}, {2, 1, 7}, {2, 3, 7}, {4, 2, 5}}
	if !reflect.DeepEqual(placings(got), want) {
		t.Fatalf("ranking = %+v, want %+v", placings(got), want)
	}

	t.Run("TiesAfterRounding", func(t *testing.T) {
		// Scores equal to 4 decimals share a rank.
		got := db.Rank([]db.RankingInput{{UnitID: 9, HonorPoints: 1.00001}, {UnitID: 8, HonorPoints: 1.00002}}, db.RankHonorPoints, nil)
		want := []placing{{1, 8, 1}, {1, 9, 1}}
		if !reflect.DeepEqual(placings(got), want) {
			t.Fatalf("ranking = %+v, want %+v", placings(got), want)
		}
	})
}

func TestRank_VolunteerHours(t *testing.T) {
	got := db.Rank([]db.RankingInput{{UnitID: 1, VolunteerMinutes: 90}, {UnitID: 2, VolunteerMinutes: 20}}, db.RankVolunteerHours, nil)
	// Hours are rounded to two decimals everywhere: 20 minutes is 0.33 hours, never 0.3333….
	want := []placing{{1, 1, 1.5}, {2, 2, 0.33}}
	if !reflect.DeepEqual(placings(got), want) {
		t.Fatalf("ranking = %+v, want %+v", placings(got), want)
	}
}

func TestRank_AssessmentScore(t *testing.T) {
	inputs := []db.RankingInput{
		{UnitID: 1, AssessmentTotal: 95, HasAssessment: true},
		{UnitID: 2},                      // not assessed: left out
		{UnitID: 3, HasAssessment: true}, // vetoed: assessed with total 0
		{UnitID: 4, AssessmentTotal: 101.5, HasAssessment: true},
	}
	got := db.Rank(inputs, db.RankAssessmentScore, nil)
	want := []placing{{1, 4, 101.5}, {2, 1, 95}, {3, 3, 0}}
	if !reflect.DeepEqual(placings(got), want) {
		t.Fatalf("ranking = %+v, want %+v", placings(got), want)
	}
}

func TestRank_Empty(t *testing.T) {
	if got := db.Rank(nil, db.RankCreationIndex, nil); len(got) != 0 {
		t.Fatalf("ranking of nothing = %+v", got)
	}
}
