package db

import (
	"math"
	"sort"
)

// RankingInput is a unit's raw ranking components for one year, as a backend reads them.
type RankingInput struct {
	UnitID           int64
	HonorPoints      float64
	VolunteerMinutes int64
	PracticeSessions int
	AssessmentTotal  float64
	HasAssessment    bool
}

// RankingWeight is the weight of one creation-index component from a year on; weights are versioned by year.
type RankingWeight struct {
	FromYear  int
	Component string
	LabelZh   string
	Weight    float64
	// Basis is DEFAULT for the shipped weights and OFFICE once an admin sets a version.
	Basis Basis
}

// Creation-index components, in the order the breakdown lists them.
const (
	ComponentHonors     = "honors"
	ComponentVolunteer  = "volunteer_hours"
	ComponentPractice   = "practice"
	ComponentAssessment = "assessment"
)

var componentLabels = map[string][2]string{
	ComponentHonors:     {"荣誉积分", "Honour points"},
	ComponentVolunteer:  {"志愿服务时长", "Volunteer hours"},
	ComponentPractice:   {"文明实践活动场次", "Practice sessions"},
	ComponentAssessment: {"测评总分", "Assessment total"},
}

// ScoreComponent is one part of a unit's ranking score.
type ScoreComponent struct {
	Key          string
	LabelZh      string
	LabelEn      string
	Raw          float64
	Weight       float64
	Contribution float64
}

// RankingEntry is a unit's place in a ranking.
type RankingEntry struct {
	Rank         int
	PreviousRank *int
	UnitID       int64
	Score        float64
	Breakdown    []*ScoreComponent
}

func (in RankingInput) raw(component string) float64 {
	switch component {
	case ComponentHonors:
		return in.HonorPoints
	case ComponentVolunteer:
		return HoursOf(in.VolunteerMinutes)
	case ComponentPractice:
		return float64(in.PracticeSessions)
	case ComponentAssessment:
		return in.AssessmentTotal
	}
	return 0
}

// Rank scores and orders units for a metric.
//
// CREATION_INDEX is Σ weight × (raw ÷ the year's best raw × 100) over the four components, so it lies in 0–100.
// The other metrics score the raw value. ASSESSMENT_SCORE leaves out units without an assessment that year.
// Scores are rounded to 4 decimals; equal scores share a rank (1, 2, 2, 4) and are listed by unit ID, so that
// the order is the same on every run.
func Rank(inputs []RankingInput, metric RankingMetric, weights []*RankingWeight) []*RankingEntry {
	best := map[string]float64{}
	for _, in := range inputs {
		for c := range componentLabels {
			best[c] = math.Max(best[c], in.raw(c))
		}
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
				e.Breakdown = append(e.Breakdown, component(w.Component, raw, w.Weight, w.Weight*norm))
				e.Score += w.Weight * norm
			}
		case RankHonorPoints:
			e.Score = in.HonorPoints
			e.Breakdown = []*ScoreComponent{component(ComponentHonors, in.HonorPoints, 1, in.HonorPoints)}
		case RankVolunteerHours:
			e.Score = in.raw(ComponentVolunteer)
			e.Breakdown = []*ScoreComponent{component(ComponentVolunteer, e.Score, 1, e.Score)}
		case RankAssessmentScore:
			if !in.HasAssessment {
				continue
			}
			e.Score = in.AssessmentTotal
			e.Breakdown = []*ScoreComponent{component(ComponentAssessment, e.Score, 1, e.Score)}
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

func component(key string, raw, weight, contribution float64) *ScoreComponent {
	l := componentLabels[key]
	return &ScoreComponent{Key: key, LabelZh: l[0], LabelEn: l[1], Raw: round4(raw), Weight: weight, Contribution: round4(contribution)}
}

func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }
