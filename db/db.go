// Package db holds the domain of 文明看板: the records of the provincial-direct civilisation work, the store
// interfaces that every backend implements, and the coded errors that the API maps to GraphQL codes.
//
// It imports no database driver. The queries live once in db/store; db/sqlite and db/postgres supply the engines.
package db

import "context"

// Page asks for one page of a Relay connection: at most First items after the opaque cursor After, in the order
// Order (the zero ListOrder is the list's historical order; a cursor belongs to the order it was made in).
type Page struct {
	First int
	After string
	Order ListOrder
}

// ListOrder is how a client asks a list to be sorted: one of the list's sort fields, as the API's order enum spells
// it (NAME, DATE, ID…), and a direction. Ties always break on ID in the same direction, so that pages are stable.
// The zero value keeps the order the list had before clients could choose one, so that a reporting tool that never
// asks sees what it always saw.
type ListOrder struct {
	Field     string
	Direction OrderDirection
}

// MaxPageSize bounds `first` on every connection, so that one request cannot pull a whole table.
const MaxPageSize = 100

// DefaultPageSize is used when a client gives no `first`.
const DefaultPageSize = 20

// Validate checks the page bounds and fills the default size.
func (p Page) Validate() (Page, error) {
	if p.First == 0 {
		p.First = DefaultPageSize
	}
	if p.First < 0 || p.First > MaxPageSize {
		return p, FieldErrorf("first", "first 必须在 1 到 %d 之间，收到 %d", MaxPageSize, p.First)
	}
	return p, nil
}

// PageInfo describes where a page sits in its connection.
type PageInfo struct {
	HasNextPage     bool
	HasPreviousPage bool
	StartCursor     *string
	EndCursor       *string
}

// Store is everything the API reads; each backend (SQLite, PostgreSQL) implements it.
type Store interface {
	FigureStore
	HonorStore
	UnitStore
	VolunteerStore
	PracticeStore
	AssessmentStore
	TimelineStore
	RecordStore
	WriteStore
	AuthStore
	LoginAttempts
	// ArticleStore holds what the article describes beyond the other records (db/article.go).
	ArticleStore
	// DonationStore writes donations and pairings (db/donation_write.go).
	DonationStore
	// UnitContactStore writes each unit's contact (db/unitcontact.go).
	UnitContactStore
	// ReporterImportStore creates many units' reporters at once (db/reporterimport.go).
	ReporterImportStore
	// Importer imports spreadsheets; ExportStore streams whole filtered tables (db/import.go).
	Importer
	ExportStore
	// ImportJobStore keeps the imports' jobs, their progress and their ends (db/importjob.go).
	ImportJobStore
	// ReportStore keeps the yearly reporting tasks, each unit's assignment and its history (db/reporting.go).
	ReportStore
	// ReportContentStore keeps what units enter: drafts, frozen submissions and review comments (db/reportcontent.go).
	ReportContentStore
	// IdempotencyStore keeps the keys of writes and their first answers (db/idempotency.go).
	IdempotencyStore
	// ReportHistoryStore reads what a report's plausibility warnings compare it with (db/reportwarnings.go).
	ReportHistoryStore
	// ReportAttachmentStore keeps the evidence units attach to their reports (db/reportattach.go).
	ReportAttachmentStore
	// DemoPurger removes the demo dataset at once (db/demo.go).
	DemoPurger
	// TokenByID loads one API token, for revocation checks.
	TokenByID(ctx context.Context, id int64) (*APIToken, error)
	// DatasetInfo reports whether demo rows are present and the data version every write bumps.
	DatasetInfo(ctx context.Context) (DatasetInfo, error)
	// Close releases the store's connections.
	Close() error
}

// DatasetInfo tells clients whether they look at demo records, and which data version they read.
type DatasetInfo struct {
	HasDemo     bool
	DemoRecords int
	Version     int
	FirstYear   int
	LastYear    int
}

// FigureStore serves the source documents, the published figures and the measurements that reconcile them.
type FigureStore interface {
	SourceDocuments(ctx context.Context) ([]*SourceDocument, error)
	SourceDocumentsByIDs(ctx context.Context, ids []int64) (map[int64]*SourceDocument, error)
	PublishedFigures(ctx context.Context, section string) ([]*PublishedFigure, error)
	PublishedFiguresByIDs(ctx context.Context, ids []int64) (map[int64]*PublishedFigure, error)
	// Measure computes the value of each named Metric from the records within the years.
	Measure(ctx context.Context, metrics []Metric, years YearRange) (map[Metric]float64, error)
	// Progress returns one value per year in the range for the metric (not cumulative).
	Progress(ctx context.Context, metric ProgressMetric, years YearRange) ([]YearValue, error)
	Targets(ctx context.Context, metric ProgressMetric) ([]*Target, error)
	TargetsByIDs(ctx context.Context, ids []int64) (map[int64]*Target, error)
}

// HonorStore serves honours, their catalogue, and the people who hold them.
type HonorStore interface {
	HonorCategories(ctx context.Context) ([]*HonorCategory, error)
	Honors(ctx context.Context, filter HonorCriteria, order HonorOrder, page Page) (*HonorPage, error)
	HonorsByIDs(ctx context.Context, ids []int64) (map[int64]*Honor, error)
	HonorsByUnits(ctx context.Context, unitIDs []int64) (map[int64][]*Honor, error)
	HonorsByPeople(ctx context.Context, personIDs []int64) (map[int64][]*Honor, error)
	HonorsByProjects(ctx context.Context, projectIDs []int64) (map[int64][]*Honor, error)
	HonorStats(ctx context.Context, groupBy []HonorDimension, filter HonorCriteria) ([]*HonorBucket, error)
	People(ctx context.Context, filter PersonCriteria, page Page) (*PersonPage, error)
	PeopleByIDs(ctx context.Context, ids []int64) (map[int64]*Person, error)
	// Works lists the 赶考路上有我 works, for the honour form to pick the one a work honour goes to.
	Works(ctx context.Context, filter WorkCriteria, page Page) (*WorkConnection, error)
	WorksByIDs(ctx context.Context, ids []int64) (map[int64]*Work, error)
}

// UnitStore serves the provincial-direct units and the raw components of their rankings.
type UnitStore interface {
	Units(ctx context.Context, filter UnitCriteria, page Page) (*UnitPage, error)
	UnitsByIDs(ctx context.Context, ids []int64) (map[int64]*Unit, error)
	UnitKinds(ctx context.Context) ([]*UnitKindCount, error)
	// RankingInputs returns each unit's raw ranking components for a year.
	RankingInputs(ctx context.Context, year int, unitKind string) ([]RankingInput, error)
	RankingWeights(ctx context.Context, year int) ([]*RankingWeight, error)
}

// VolunteerStore serves volunteer service records, campaigns, donations, projects and the federation.
type VolunteerStore interface {
	VolunteerRecords(ctx context.Context, filter VolunteerCriteria, page Page) (*VolunteerRecordPage, error)
	VolunteerRecordsByIDs(ctx context.Context, ids []int64) (map[int64]*VolunteerRecord, error)
	VolunteerStats(ctx context.Context, groupBy []VolunteerDimension, filter VolunteerCriteria) ([]*VolunteerBucket, error)
	VolunteerTotalsByUnits(ctx context.Context, unitIDs []int64, years YearRange) (map[int64]*VolunteerTotals, error)
	Campaigns(ctx context.Context) ([]*Campaign, error)
	CampaignsByIDs(ctx context.Context, ids []int64) (map[int64]*Campaign, error)
	DonationsByCampaigns(ctx context.Context, campaignIDs []int64) (map[int64][]*Donation, error)
	DonationsByIDs(ctx context.Context, ids []int64) (map[int64]*Donation, error)
	VolunteerProjects(ctx context.Context, brandOnly bool) ([]*VolunteerProject, error)
	VolunteerProjectsByIDs(ctx context.Context, ids []int64) (map[int64]*VolunteerProject, error)
	Federation(ctx context.Context) (*FederationSummary, error)
}

// PracticeStore serves the county practice centres, the units' links to them, activities, pairings and works.
type PracticeStore interface {
	PracticeCenters(ctx context.Context, prefecture string) ([]*PracticeCenter, error)
	PracticeCentersByIDs(ctx context.Context, ids []int64) (map[int64]*PracticeCenter, error)
	PracticeLinksByUnits(ctx context.Context, unitIDs []int64) (map[int64][]*PracticeLink, error)
	PracticeLinksByCenters(ctx context.Context, centerIDs []int64) (map[int64][]*PracticeLink, error)
	PracticeLinksByIDs(ctx context.Context, ids []int64) (map[int64]*PracticeLink, error)
	PairingsByUnits(ctx context.Context, unitIDs []int64) (map[int64][]*Pairing, error)
	PairingsByIDs(ctx context.Context, ids []int64) (map[int64]*Pairing, error)
	CenterSessions(ctx context.Context, centerIDs []int64) (map[int64]int, error)
	PracticeSummary(ctx context.Context, years YearRange) (*PracticeSummary, error)
	PracticeActivityStats(ctx context.Context, years YearRange) ([]*PracticeActivityBucket, error)
	WorkStats(ctx context.Context, years YearRange) ([]*WorkBucket, error)
}

// AssessmentStore serves the yearly assessments (测评) and their versioned indicator weights.
type AssessmentStore interface {
	AssessmentsByUnits(ctx context.Context, unitIDs []int64) (map[int64][]*Assessment, error)
	AssessmentsByIDs(ctx context.Context, ids []int64) (map[int64]*Assessment, error)
	IndicatorScoresByAssessments(ctx context.Context, assessmentIDs []int64) (map[int64][]*IndicatorScore, error)
	AssessmentIndicators(ctx context.Context, year int) ([]*AssessmentIndicator, error)
	AssessmentStageStats(ctx context.Context, years YearRange) ([]*AssessmentStageBucket, error)
}

// TimelineStore serves the milestones of the five years.
type TimelineStore interface {
	Milestones(ctx context.Context) ([]*Milestone, error)
	MilestonesByIDs(ctx context.Context, ids []int64) (map[int64]*Milestone, error)
}

// Node is any record the API can fetch by global ID; the API decides which types qualify.
type Node interface{}
