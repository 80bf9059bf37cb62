package apitest

import (
	"bytes"
	"testing"
)

type rankingEntry struct {
	Rank         int
	PreviousRank *int
	Score        float64
	Unit         struct{ ID, Name, Kind string }
	Breakdown    []struct {
		Key, LabelZh, LabelEn     string
		Raw, Weight, Contribution float64
	}
}

const rankingsQuery = `query($y: Int, $m: RankingMetric!, $k: String, $n: Int, $o: RankingOrder) {
	rankings(year: $y, metric: $m, unitKind: $k, first: $n, order: $o) {
		rank previousRank score unit { id name kind } breakdown { key labelZh labelEn raw weight contribution } } }`

// checkRanking asserts competition ranking: scores never rise, equal scores share a rank, and a new score's rank is
// its 1-based position.
func checkRanking(tb testing.TB, es []rankingEntry, offset int) {
	tb.Helper()
	for i, e := range es {
		if i == 0 {
			continue
		}
		p := es[i-1]
		switch {
		case e.Score > p.Score:
			tb.Fatalf("score rises at %d: %v then %v", i, p.Score, e.Score)
		case e.Rank < p.Rank:
			tb.Fatalf("rank falls at %d: %d then %d", i, p.Rank, e.Rank)
		case e.Score == p.Score && e.Rank != p.Rank:
			tb.Fatalf("tie at %d does not share a rank: %d and %d (score %v)", i, p.Rank, e.Rank, e.Score)
		case e.Score < p.Score && e.Rank != offset+i+1:
			tb.Fatalf("rank at position %d is %d, want %d", offset+i, e.Rank, offset+i+1)
		}
	}
}

func TestRankings(t *testing.T) {
	m := SharedMain(t)
	base := m.URL()
	metrics := enumValues(t, base, "RankingMetric")
	if len(metrics) != 4 {
		t.Fatalf("RankingMetric has %v", metrics)
	}
	units := Query[struct{ Units struct{ TotalCount int } }](t, base, `{ units { totalCount } }`, nil).Units.TotalCount

	for _, metric := range metrics {
		t.Run(metric, func(t *testing.T) {
			all := rankings(t, base, map[string]any{"m": metric, "n": units})
			if len(all) == 0 || len(all) > units {
				t.Fatalf("got %d entries for %d units", len(all), units)
			}
			if metric != "ASSESSMENT_SCORE" && len(all) != units {
				t.Errorf("got %d entries, want every unit (%d)", len(all), units)
			}
			if all[0].Rank != 1 {
				t.Errorf("first rank %d", all[0].Rank)
			}
			checkRanking(t, all, 0)
			seen := map[string]bool{}
			withPrev := 0
			for _, e := range all {
				if seen[e.Unit.ID] {
					t.Errorf("unit %s ranked twice", e.Unit.ID)
				}
				seen[e.Unit.ID] = true
				if len(e.Breakdown) == 0 {
					t.Errorf("unit %s: empty breakdown", e.Unit.ID)
				}
				if e.PreviousRank != nil {
					withPrev++
				}
			}
			if withPrev == 0 {
				t.Error("no previousRank in 2024")
			}

			t.Run("Top", func(t *testing.T) {
				top := rankings(t, base, map[string]any{"m": metric, "n": 10, "o": "TOP"})
				if mustJSON(t, top) != mustJSON(t, all[:10]) {
					t.Error("TOP 10 is not the head of the full ranking")
				}
				if def := rankings(t, base, map[string]any{"m": metric}); len(def) != 20 {
					t.Errorf("default size %d, want 20", len(def))
				}
			})

			t.Run("Bottom", func(t *testing.T) {
				bottom := rankings(t, base, map[string]any{"m": metric, "n": 10, "o": "BOTTOM"})
				if mustJSON(t, bottom) != mustJSON(t, all[len(all)-10:]) {
					t.Error("BOTTOM 10 is not the tail of the full ranking, in rank order")
				}
			})

			t.Run("UnitKind", func(t *testing.T) {
				kind := rankings(t, base, map[string]any{"m": metric, "k": "高校", "n": units})
				if len(kind) == 0 || len(kind) > 20 {
					t.Fatalf("got %d 高校 entries", len(kind))
				}
				for _, e := range kind {
					if e.Unit.Kind != "高校" {
						t.Fatalf("unit of kind %s in a 高校 ranking", e.Unit.Kind)
					}
				}
				if kind[0].Rank != 1 {
					t.Errorf("ranking within a kind starts at %d", kind[0].Rank)
				}
				checkRanking(t, kind, 0)
			})

			t.Run("FirstYearHasNoPreviousRank", func(t *testing.T) {
				for _, e := range rankings(t, base, map[string]any{"m": metric, "y": 2019, "n": units}) {
					if e.PreviousRank != nil {
						t.Fatalf("2019 entry with previousRank %d", *e.PreviousRank)
					}
				}
			})

			t.Run("Deterministic", func(t *testing.T) {
				vars := map[string]any{"m": metric, "y": 2022, "n": units}
				a, errs := GQL(t, base, rankingsQuery, vars)
				b, errs2 := GQL(t, base, rankingsQuery, vars)
				if len(errs)+len(errs2) > 0 {
					t.Fatal(errs, errs2)
				}
				if !bytes.Equal(a, b) {
					t.Error("the same ranking query gave different JSON")
				}
			})
		})
	}

	t.Run("CreationIndexIsWeightedComposite", func(t *testing.T) {
		for _, e := range rankings(t, base, map[string]any{"m": "CREATION_INDEX", "n": units}) {
			if e.Score < 0 || e.Score > 100.0001 {
				t.Fatalf("score %v outside 0–100", e.Score)
			}
			var sum, weights float64
			for _, c := range e.Breakdown {
				sum += c.Contribution
				weights += c.Weight
			}
			if len(e.Breakdown) != 4 || !approxEqual(weights, 1) || sum-e.Score > 0.001 || e.Score-sum > 0.001 {
				t.Fatalf("unit %s: %d components, weights %v, contributions %v, score %v", e.Unit.ID, len(e.Breakdown), weights, sum, e.Score)
			}
		}
	})

	t.Run("VetoScoresZero", func(t *testing.T) {
		// The demo dataset vetoes one unit's 2021 assessment (一票否决), so that unit comes last.
		last := rankings(t, base, map[string]any{"m": "ASSESSMENT_SCORE", "y": 2021, "n": 1, "o": "BOTTOM"})
		if len(last) != 1 || last[0].Score != 0 {
			t.Errorf("bottom of 2021 assessment ranking: %+v", last)
		}
	})

	t.Run("Errors", func(t *testing.T) {
		// 501 entries with a small selection stay under the complexity limit, so the resolver's own bound answers.
		t.Run("FirstTooLarge", func(t *testing.T) {
			e := wantBadInput(t, base, `{ rankings(metric: HONOR_POINTS, first: 501) { rank } }`, nil)
			if e.Extensions["field"] != "first" {
				t.Errorf("field = %v", e.Extensions["field"])
			}
		})
		for _, tc := range []struct {
			name, field string
			vars        map[string]any
		}{
			{"UnknownUnitKind", "unitKind", map[string]any{"m": "HONOR_POINTS", "k": "外星机构"}},
			{"FirstZero", "first", map[string]any{"m": "HONOR_POINTS", "n": 0}},
			{"FirstNegative", "first", map[string]any{"m": "HONOR_POINTS", "n": -3}},
			{"YearOutOfRange", "year", map[string]any{"m": "HONOR_POINTS", "y": 1800}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				e := wantBadInput(t, base, rankingsQuery, tc.vars)
				if e.Extensions["field"] != tc.field {
					t.Errorf("field = %v, want %s", e.Extensions["field"], tc.field)
				}
			})
		}
	})
}

func TestRankingWeights(t *testing.T) {
	m := SharedMain(t)
	const q = `query($y: Int) { rankingWeights(year: $y) { fromYear component labelZh weight } }`
	for _, year := range []any{nil, 2019, 2024} {
		ws := Query[struct {
			RankingWeights []struct {
				FromYear  int
				Component string
				LabelZh   string
				Weight    float64
			}
		}](t, m.URL(), q, map[string]any{"y": year}).RankingWeights
		var sum float64
		for _, w := range ws {
			sum += w.Weight
			if w.LabelZh == "" || w.FromYear > 2024 {
				t.Errorf("year %v: weight %+v", year, w)
			}
		}
		if len(ws) != 4 || !approxEqual(sum, 1) {
			t.Errorf("year %v: %d weights adding up to %v", year, len(ws), sum)
		}
	}
}

func rankings(tb testing.TB, base string, vars map[string]any) []rankingEntry {
	tb.Helper()
	return Query[struct{ Rankings []rankingEntry }](tb, base, rankingsQuery, vars).Rankings
}
