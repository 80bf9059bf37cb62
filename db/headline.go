package db

import "context"

// HeadlineDef defines one number of the overview's headline row, so that every client shows the same few numbers
// with the same year-on-year rule.
type HeadlineDef struct {
	Key     string
	LabelZh string
	LabelEn string
	Unit    string
	// Progress is the yearly series the number reads, and whose yearly targets give its 完成率.
	Progress ProgressMetric
}

// HeadlineNumbers is the headline row, in display order: the three quantities the office sets yearly targets for
// (hours, honours, practice activities), the person-times that measure reach, and the two honours leaders ask for
// by name.
var HeadlineNumbers = []HeadlineDef{
	{Key: "volunteer_hours", LabelZh: "志愿服务时长", LabelEn: "Volunteer hours", Unit: "小时", Progress: ProgressVolunteerHours},
	{Key: "volunteers", LabelZh: "志愿者人次", LabelEn: "Volunteers (person-times)", Unit: "人次", Progress: ProgressVolunteers},
	{Key: "honors_total", LabelZh: "获评荣誉", LabelEn: "Honours awarded", Unit: "项", Progress: ProgressHonorsTotal},
	{Key: "national_honors", LabelZh: "全国级荣誉", LabelEn: "National honours", Unit: "项", Progress: ProgressHonorsNational},
	{Key: "good_people", LabelZh: "好人", LabelEn: "Good people", Unit: "人", Progress: ProgressGoodPeople},
	{Key: "practice_activities", LabelZh: "文明实践活动", LabelEn: "Practice activities", Unit: "场次", Progress: ProgressPracticeActivities},
}

// HeadlineNumber is one number of the headline row: the selected years' total, the last year beside the year before
// it, and the last year against its target.
type HeadlineNumber struct {
	Key     string
	LabelZh string
	LabelEn string
	Unit    string
	// Value is the sum over the selected years.
	Value float64
	// Year is the last selected year, which the comparisons are about.
	Year          int
	YearValue     float64
	PreviousValue float64
	// Change is (YearValue − PreviousValue) ÷ PreviousValue; nil when either year has no records (无可比数据), never
	// a percentage from zero.
	Change *float64
	// Target is the last year's target (年度目标), nil when none is set.
	Target *float64
	// Completion is YearValue ÷ Target, nil without a target.
	Completion *float64
}

// LeadingUnitCount is how many units the headline names as leading.
const LeadingUnitCount = 5

// Headline is the overview's five-second answer: a few numbers with 同比 and 完成率, and the leading units.
type Headline struct {
	FromYear int
	ToYear   int
	Numbers  []*HeadlineNumber
	// Leaders are the top units of the creation index in the last selected year, with their rank the year before.
	Leaders []*RankingEntry
}

// BuildHeadline computes the headline row for the years from the yearly series and targets every backend serves.
func BuildHeadline(ctx context.Context, s Store, years YearRange) (*Headline, error) {
	h := &Headline{FromYear: years.From, ToYear: years.To}
	span := YearRange{From: min(years.From, years.To-1), To: years.To}
	for _, d := range HeadlineNumbers {
		vs, err := s.Progress(ctx, d.Progress, span)
		if err != nil {
			return nil, err
		}
		n := &HeadlineNumber{Key: d.Key, LabelZh: d.LabelZh, LabelEn: d.LabelEn, Unit: d.Unit, Year: years.To}
		for _, v := range vs {
			if v.Year >= years.From && v.Year <= years.To {
				n.Value += v.Value
			}
			switch v.Year {
			case years.To:
				n.YearValue, n.Target = v.Value, v.Target
			case years.To - 1:
				n.PreviousValue = v.Value
			}
		}
		n.Change = YearOnYear(n.YearValue, n.PreviousValue)
		if n.Target != nil && *n.Target > 0 {
			c := n.YearValue / *n.Target
			n.Completion = &c
		}
		h.Numbers = append(h.Numbers, n)
	}
	leaders, err := BuildRankings(ctx, s, years.To, RankCreationIndex, "", LeadingUnitCount, RankingTop)
	if err != nil {
		return nil, err
	}
	for _, e := range leaders {
		if e.Score > 0 {
			h.Leaders = append(h.Leaders, e)
		}
	}
	return h, nil
}

// YearOnYear is the change from the previous year's value to this year's (同比), or nil when either year has
// nothing recorded: a change from zero is no comparison.
func YearOnYear(this, previous float64) *float64 {
	if this == 0 || previous == 0 {
		return nil
	}
	c := (this - previous) / previous
	return &c
}
