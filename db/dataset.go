package db

// Dataset is a whole set of records to load into an empty database: the real catalogue and published figures,
// and, optionally, the demo records. IDs are assigned by whoever builds it, so that loads are deterministic.
type Dataset struct {
	Sources          []*SourceDocument
	Figures          []*PublishedFigure
	Categories       []*HonorCategory
	Units            []*Unit
	People           []*Person
	Projects         []*VolunteerProject
	Works            []*Work
	Honors           []*Honor
	Campaigns        []*Campaign
	VolunteerRecords []*VolunteerRecord
	Donations        []*Donation
	Federation       []*FederationMember
	Centers          []*PracticeCenter
	Links            []*PracticeLink
	Pairings         []*Pairing
	Activities       []*PracticeActivity
	Indicators       []*AssessmentIndicator
	Assessments      []*Assessment
	Scores           []*IndicatorScore
	Weights          []*RankingWeight
	Milestones       []*Milestone
	Targets          []*Target
}
