package db

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
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

// componentOrder lists the components, so that a ranking keeps each one's best raw value in an array.
var componentOrder = [...]string{ComponentHonors, ComponentVolunteer, ComponentPractice, ComponentAssessment}

// Rank scores and orders units for a metric.
//
// CREATION_INDEX is Σ weight × (raw ÷ the year's best raw × 100) over the four components, so it lies in 0–100.
// The other metrics score the raw value. ASSESSMENT_SCORE leaves out units without an assessment that year.
// Scores are rounded to 4 decimals; equal scores share a rank (1, 2, 2, 4) and are listed by unit ID, so that
// the order is the same on every run.
func Rank(inputs []RankingInput, metric RankingMetric, weights []*RankingWeight) []*RankingEntry {
	return rank(inputs, metric, weights).entries()
}

// entries is every entry of the ranking with its breakdown, allocated in a few slices rather than one by one.
func (r *ranking) entries() []*RankingEntry {
	if len(r.order) == 0 {
		return nil
	}
	entries := make([]RankingEntry, len(r.order))
	comps := make([]ScoreComponent, len(r.order)*len(r.lines))
	out := make([]*RankingEntry, len(r.order))
	for i := range r.order {
		k := i * len(r.lines)
		entries[i] = r.entry(i, comps[k:k+len(r.lines):k+len(r.lines)])
		out[i] = &entries[i]
	}
	return out
}

// ranking is the order of units under a metric, scored and ranked, with what it takes to write the breakdown of any
// entry: a ranking runs over every unit after every write that moves a ranked year's inputs, and its answers show
// the breakdowns of a few.
type ranking struct {
	inputs []RankingInput
	lines  []breakdownLine
	// order is the ranked units, best first.
	order []placed
}

// placed is one unit's place in a ranking: its score, its rank, and the index of its inputs.
type placed struct {
	unitID int64
	score  float64
	rank   int
	input  int
}

// breakdownLine is what one line of every unit's breakdown shares: its component and labels, and for CREATION_INDEX
// (scaled) the weight and the year's best raw value.
type breakdownLine struct {
	key    string
	labels [2]string
	scaled bool
	weight float64
	best   float64
}

// rankingMemoSize is how many rankings the memo keeps: a page asks for two years of one metric, a big screen for a few.
const rankingMemoSize = 8

// rankings keeps the last rankings made, by the identity of their inputs. The store shares one slice of a year's
// inputs until a write changes them (store.RankingInputs), so that every read between two writes ranks the year
// once, with or without the answer caches in front; a ranking of 25,000 units costs milliseconds, and a read that
// finds its inputs unchanged should not pay them again.
var rankings rankingMemo

// rankingMemo is a small most-recently-used list of rankings. A key points into its inputs' backing array, which
// keeps that array alive: its address cannot be reused for other inputs while it is a key, and the store never
// changes a slice it has shared.
type rankingMemo struct {
	mu      sync.Mutex
	entries []rankingMemoEntry // the most recently used last
}

type rankingMemoKey struct {
	first   *RankingInput
	n       int
	metric  RankingMetric
	weights string
}

type rankingMemoEntry struct {
	key rankingMemoKey
	r   *ranking
}

// rank returns the ranking of inputs, from the memo when the same inputs (the same slice, not equal values) were
// ranked with the same metric and weights.
func (m *rankingMemo) rank(inputs []RankingInput, metric RankingMetric, weights []*RankingWeight) *ranking {
	if len(inputs) == 0 {
		return rank(inputs, metric, weights)
	}
	var w strings.Builder
	for _, x := range weights {
		w.WriteString(x.Component)
		w.WriteByte('=')
		w.WriteString(strconv.FormatFloat(x.Weight, 'g', -1, 64))
		w.WriteByte(';')
	}
	key := rankingMemoKey{first: &inputs[0], n: len(inputs), metric: metric, weights: w.String()}
	m.mu.Lock()
	for i, e := range m.entries {
		if e.key == key {
			m.entries = append(slices.Delete(m.entries, i, i+1), e)
			m.mu.Unlock()
			return e.r
		}
	}
	m.mu.Unlock()
	// Ranked outside the lock: two callers may rank the same inputs at once, and both get the same answer.
	r := rank(inputs, metric, weights)
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.entries) >= rankingMemoSize {
		m.entries = slices.Delete(m.entries, 0, 1)
	}
	m.entries = append(m.entries, rankingMemoEntry{key: key, r: r})
	return r
}

// rank scores and orders units for a metric, as Rank documents, leaving the breakdowns to entry.
func rank(inputs []RankingInput, metric RankingMetric, weights []*RankingWeight) *ranking {
	var best [len(componentOrder)]float64
	for _, in := range inputs {
		for i, c := range componentOrder {
			best[i] = math.Max(best[i], in.raw(c))
		}
	}
	r := &ranking{inputs: inputs}
	switch metric {
	case RankCreationIndex:
		for _, w := range weights {
			l := breakdownLine{key: w.Component, scaled: true, weight: w.Weight}
			if i := slices.Index(componentOrder[:], w.Component); i >= 0 {
				l.best = best[i]
			}
			r.lines = append(r.lines, l)
		}
	case RankHonorPoints:
		r.lines = []breakdownLine{{key: ComponentHonors, weight: 1}}
	case RankVolunteerHours:
		r.lines = []breakdownLine{{key: ComponentVolunteer, weight: 1}}
	case RankAssessmentScore:
		r.lines = []breakdownLine{{key: ComponentAssessment, weight: 1}}
	}
	for i := range r.lines {
		r.lines[i].labels = componentLabels[r.lines[i].key]
	}
	r.order = make([]placed, 0, len(inputs))
	for i, in := range inputs {
		if metric == RankAssessmentScore && !in.HasAssessment {
			continue
		}
		p := placed{unitID: in.UnitID, input: i}
		if metric == RankCreationIndex {
			for _, l := range r.lines {
				_, contribution := l.part(in)
				p.score += contribution
			}
		} else if len(r.lines) > 0 {
			p.score = in.raw(r.lines[0].key)
		}
		p.score = round4(p.score)
		r.order = append(r.order, p)
	}
	slices.SortFunc(r.order, func(a, b placed) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.unitID, b.unitID)
	})
	for i := range r.order {
		if i > 0 && r.order[i].score == r.order[i-1].score {
			r.order[i].rank = r.order[i-1].rank
		} else {
			r.order[i].rank = i + 1
		}
	}
	return r
}

// part is a unit's raw value of the line's component and its contribution to the score: for CREATION_INDEX the
// weight times the raw value against the year's best (scaled to 100); for the other metrics the raw value itself.
func (l breakdownLine) part(in RankingInput) (raw, contribution float64) {
	raw = in.raw(l.key)
	if !l.scaled {
		return raw, raw
	}
	var norm float64
	if l.best > 0 {
		norm = raw / l.best * 100
	}
	return raw, l.weight * norm
}

// entry is the i-th entry of the ranking, its breakdown written into comps (one per line).
func (r *ranking) entry(i int, comps []ScoreComponent) RankingEntry {
	p := r.order[i]
	e := RankingEntry{Rank: p.rank, UnitID: p.unitID, Score: p.score}
	if len(r.lines) == 0 {
		return e
	}
	e.Breakdown = make([]*ScoreComponent, len(r.lines))
	for j, l := range r.lines {
		raw, contribution := l.part(r.inputs[p.input])
		comps[j] = ScoreComponent{Key: l.key, LabelZh: l.labels[0], LabelEn: l.labels[1], Raw: round4(raw), Weight: l.weight,
			Contribution: round4(contribution)}
		e.Breakdown[j] = &comps[j]
	}
	return e
}

func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }
