package apitest

import "testing"

// TestUnitRankingHistory checks Unit.rankingHistory against each year's full ranking: the same rank, score and
// number of units ranked, one point a year 2019–2024 in order.
func TestUnitRankingHistory(t *testing.T) {
	m := SharedMain(t)
	base := m.URL()
	top := rankings(t, base, map[string]any{"y": 2024, "m": "CREATION_INDEX", "n": 3})
	if len(top) == 0 {
		t.Fatal("no ranking to check against")
	}
	for _, metric := range []string{"CREATION_INDEX", "VOLUNTEER_HOURS"} {
		t.Run(metric, func(t *testing.T) {
			id := top[len(top)-1].Unit.ID
			type point struct {
				Year, Rank, Of int
				Score          float64
			}
			got := Query[struct {
				Node struct{ RankingHistory []point }
			}](t, base, `query($id: ID!, $m: RankingMetric!) { node(id: $id) { ... on Unit { rankingHistory(metric: $m) { year rank of score } } } }`,
				map[string]any{"id": id, "m": metric}).Node.RankingHistory
			if len(got) != 6 {
				t.Fatalf("want 6 years, got %+v", got)
			}
			for i, p := range got {
				if p.Year != 2019+i {
					t.Fatalf("point %d is year %d", i, p.Year)
				}
				all := rankings(t, base, map[string]any{"y": p.Year, "m": metric, "n": 500})
				if p.Of != len(all) {
					t.Errorf("%d: of = %d, ranking has %d", p.Year, p.Of, len(all))
				}
				found := false
				for _, e := range all {
					if e.Unit.ID == id {
						found = true
						if e.Rank != p.Rank || e.Score != p.Score {
							t.Errorf("%d: history says rank %d score %v, ranking says %d %v", p.Year, p.Rank, p.Score, e.Rank, e.Score)
						}
					}
				}
				if !found {
					t.Errorf("%d: unit not in the ranking", p.Year)
				}
			}
		})
	}
	t.Run("PricedAsSixRankings", func(t *testing.T) {
		// One unit's history is cheap enough for its page; fifty units' histories at once are refused.
		_, errs := GQL(t, base, `{ units(first: 50) { edges { node { rankingHistory(metric: CREATION_INDEX) { year rank of score } } } } }`, nil)
		if len(errs) == 0 || errs[0].Code() != "COMPLEXITY_LIMIT_EXCEEDED" {
			t.Fatalf("fifty histories: want COMPLEXITY_LIMIT_EXCEEDED, got %+v", errs)
		}
		_, errs = GQL(t, base, `{ units(first: 2) { edges { node { rankingHistory(metric: CREATION_INDEX) { year rank of score } } } } }`, nil)
		if len(errs) != 0 {
			t.Fatalf("two histories refused: %+v", errs)
		}
	})
	t.Run("BadMetric", func(t *testing.T) {
		_, errs := GQL(t, base, `{ units(first: 1) { edges { node { rankingHistory(metric: NOPE) { year } } } } }`, nil)
		if len(errs) == 0 {
			t.Fatal("an unknown metric was accepted")
		}
	})
}

// TestUnitRankingHistoryFollowsWrites checks that a cached answer holding a unit's ranking history is not served
// after a write that moves it: a volunteer record of many hours in 2024 raises the unit's 2024 score.
func TestUnitRankingHistoryFollowsWrites(t *testing.T) {
	base, _, editor, _ := writers(t)
	all := rankings(t, base, map[string]any{"y": 2024, "m": "VOLUNTEER_HOURS", "n": 500})
	unit := all[len(all)-1].Unit.ID
	const q = `query($id: ID!) { node(id: $id) { ... on Unit { rankingHistory(metric: VOLUNTEER_HOURS) { year rank score } } } }`
	type point struct {
		Year, Rank int
		Score      float64
	}
	history := func() []point {
		return Query[struct {
			Node struct{ RankingHistory []point }
		}](t, base, q, map[string]any{"id": unit}).Node.RankingHistory
	}
	before := history()
	_ = history() // a second read, answered from the response cache when it is on
	r := As(t, base, editor, `mutation($u: ID!) { createVolunteerRecord(input: {unitId: $u, date: "2024-06-01", volunteers: 5, hours: 100000, method: SHIFT}) { id } }`,
		map[string]any{"u": unit})
	if len(r.Errors) > 0 {
		t.Fatalf("createVolunteerRecord: %+v", r.Errors)
	}
	after := history()
	if len(before) != 6 || len(after) != 6 {
		t.Fatalf("want six points, got %d and %d", len(before), len(after))
	}
	if after[5].Score <= before[5].Score || after[5].Rank != 1 {
		t.Fatalf("2024 after the write: %+v, before: %+v; want a higher score at rank 1", after[5], before[5])
	}
	if after[0] != before[0] {
		t.Errorf("2019 moved: %+v → %+v", before[0], after[0])
	}
}
