package db

import (
	"reflect"
	"testing"
)

// The memo answers for the same inputs (the same shared slice) and never for other ones, even with equal values.
func TestRankingMemo(t *testing.T) {
	inputs := []RankingInput{
		{UnitID: 1, HonorPoints: 3, VolunteerMinutes: 600},
		{UnitID: 2, HonorPoints: 5, VolunteerMinutes: 60, PracticeSessions: 2},
		{UnitID: 3, HonorPoints: 1, VolunteerMinutes: 6000, HasAssessment: true, AssessmentTotal: 88},
	}
	weights := []*RankingWeight{{Component: ComponentHonors, Weight: 0.5}, {Component: ComponentVolunteer, Weight: 0.5}}
	order := func(r *ranking) []placed { return r.order }

	t.Run("the same inputs are ranked once", func(t *testing.T) {
		var m rankingMemo
		a := m.rank(inputs, RankCreationIndex, weights)
		if b := m.rank(inputs, RankCreationIndex, weights); a != b {
			t.Fatal("the same slice, metric and weights were ranked again")
		}
		if !reflect.DeepEqual(order(a), order(rank(inputs, RankCreationIndex, weights))) {
			t.Fatal("the memo's ranking differs from a full computation")
		}
	})
	t.Run("equal values in another slice are ranked anew", func(t *testing.T) {
		var m rankingMemo
		a := m.rank(inputs, RankCreationIndex, weights)
		other := append([]RankingInput(nil), inputs...)
		other[0].HonorPoints = 50 // what a write does to a copy: the memo must not answer with the old order
		b := m.rank(other, RankCreationIndex, weights)
		if a == b || order(b)[0].unitID != 1 {
			t.Fatalf("a new slice was answered from the memo: first %d", order(b)[0].unitID)
		}
	})
	t.Run("other weights, metric or length are other keys", func(t *testing.T) {
		var m rankingMemo
		a := m.rank(inputs, RankCreationIndex, weights)
		heavier := []*RankingWeight{{Component: ComponentHonors, Weight: 0.9}, {Component: ComponentVolunteer, Weight: 0.1}}
		for name, r := range map[string]*ranking{
			"weights": m.rank(inputs, RankCreationIndex, heavier),
			"metric":  m.rank(inputs, RankVolunteerHours, weights),
			"length":  m.rank(inputs[:2], RankCreationIndex, weights),
		} {
			if r == a {
				t.Errorf("other %s answered from the memo", name)
			}
		}
		if got := order(m.rank(inputs[:2], RankCreationIndex, weights)); len(got) != 2 {
			t.Errorf("a shorter slice of the same array ranked %d units, want 2", len(got))
		}
	})
	t.Run("the least recently used is forgotten first", func(t *testing.T) {
		var m rankingMemo
		first := m.rank(inputs, RankCreationIndex, weights)
		for i := 0; i < rankingMemoSize; i++ {
			m.rank(append([]RankingInput(nil), inputs...), RankCreationIndex, weights)
		}
		if len(m.entries) != rankingMemoSize {
			t.Fatalf("the memo holds %d rankings, want at most %d", len(m.entries), rankingMemoSize)
		}
		if m.rank(inputs, RankCreationIndex, weights) == first {
			t.Fatal("the oldest ranking was still kept")
		}
	})
}
