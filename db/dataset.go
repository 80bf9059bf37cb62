package db

import "iter"

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
	// Article holds the 六大行动, pairing content, wishes, cases, talent pool and events (db/article.go).
	Article ArticleData
}

// BulkDataset is a dataset whose large tables are streamed, so that millions of generated or imported rows
// never sit in memory at once. Base holds the small tables and is loaded first.
type BulkDataset struct {
	Base             *Dataset
	Honors           iter.Seq[*Honor]
	VolunteerRecords iter.Seq[*VolunteerRecord]
	Activities       iter.Seq[*PracticeActivity]
	Assessments      iter.Seq[*Assessment]
}
