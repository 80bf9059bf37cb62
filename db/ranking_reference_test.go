package db

import (
	"math"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
)

// rankOneByOne is Rank as it was first written, one entry and one breakdown line at a time and sorted as a whole: the
// reference that the cheaper Rank and BuildRankings must equal exactly.
func rankOneByOne(inputs []RankingInput, metric RankingMetric, weights []*RankingWeight) []*RankingEntry {
	best := map[string]float64{}
	for _, in := range inputs {
		for c := range componentLabels {
			best[c] = math.Max(best[c], in.raw(c))
		}
	}
	line := func(key string, raw, weight, contribution float64) *ScoreComponent {
		l := componentLabels[key]
		return &ScoreComponent{Key: key, LabelZh: l[0], LabelEn: l[1], Raw: round4(raw), Weight: weight, Contribution: round4(contribution)}
	}
	var out []*RankingEntry
	for _, in := range inputs {
		e := &RankingEntry{UnitID: in.UnitID}
		switch metric {
		case RankCreationIndex:
			for _, w := range weights {
				raw := in.raw(w.Component)
				var norm float64
				if best[w.Component] > 0 {
					norm = raw / best[w.Component] * 100
				}
				e.Breakdown = append(e.Breakdown, line(w.Component, raw, w.Weight, w.Weight*norm))
				e.Score += w.Weight * norm
			}
		case RankHonorPoints:
			e.Score = in.HonorPoints
			e.Breakdown = []*ScoreComponent{line(ComponentHonors, in.HonorPoints, 1, in.HonorPoints)}
		case RankVolunteerHours:
			e.Score = in.raw(ComponentVolunteer)
			e.Breakdown = []*ScoreComponent{line(ComponentVolunteer, e.Score, 1, e.Score)}
		case RankAssessmentScore:
			if !in.HasAssessment {
				continue
			}
			e.Score = in.AssessmentTotal
			e.Breakdown = []*ScoreComponent{line(ComponentAssessment, e.Score, 1, e.Score)}
		}
		e.Score = round4(e.Score)
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].UnitID < out[j].UnitID
	})
	for i, e := range out {
		if i > 0 && e.Score == out[i-1].Score {
			e.Rank = out[i-1].Rank
		} else {
			e.Rank = i + 1
		}
	}
	return out
}

// randomInputs are n units' inputs drawn from few values, so that ties, zeros and missing assessments are common.
func randomInputs(r *rand.Rand, n int) []RankingInput {
	var out []RankingInput
	for i := range n {
		in := RankingInput{UnitID: int64(3*i + 1 + r.IntN(3)), HonorPoints: float64(r.IntN(4)) * 2.5, VolunteerMinutes: int64(r.IntN(5) * 45),
			PracticeSessions: r.IntN(3)}
		if r.IntN(3) > 0 {
			in.HasAssessment, in.AssessmentTotal = true, float64(60+r.IntN(4)*10)+float64(r.IntN(3))/3
		}
		out = append(out, in)
	}
	return out
}

func TestRank_EqualsOneByOne(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	weightSets := map[string][]*RankingWeight{
		"Shipped": {{Component: ComponentHonors, Weight: 0.4}, {Component: ComponentVolunteer, Weight: 0.3},
			{Component: ComponentPractice, Weight: 0.2}, {Component: ComponentAssessment, Weight: 0.1}},
		"Thirds": {{Component: ComponentAssessment, Weight: 1.0 / 3}, {Component: ComponentHonors, Weight: 1.0 / 3},
			{Component: ComponentVolunteer, Weight: 1.0 / 3}, {Component: ComponentPractice, Weight: 0}},
		"None": nil,
	}
	for _, n := range []int{0, 1, 2, 7, 60, 500} {
		inputs := randomInputs(r, n)
		for name, weights := range weightSets {
			for _, metric := range AllRankingMetrics {
				want := rankOneByOne(inputs, metric, weights)
				if got := Rank(inputs, metric, weights); !reflect.DeepEqual(got, want) {
					t.Fatalf("%d units, weights %s, %s: Rank differs from the one-by-one ranking", n, name, metric)
				}
				// BuildRankings' breakdowns of a few entries, written from the same ranking.
				rk := rank(inputs, metric, weights)
				for i := range rk.order {
					e := rk.entry(i, make([]ScoreComponent, len(rk.lines)))
					if !reflect.DeepEqual(&e, want[i]) {
						t.Fatalf("%d units, weights %s, %s: entry %d = %+v, want %+v", n, name, metric, i, e, *want[i])
					}
				}
			}
		}
	}
}
