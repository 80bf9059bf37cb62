package db

import (
	"context"
	"io"
)

// ImportKind is the kind of record a spreadsheet import carries; each has its own template.
type ImportKind string

// Values of ImportKind.
const (
	ImportUnits            ImportKind = "UNITS"
	ImportPeople           ImportKind = "PEOPLE"
	ImportHonors           ImportKind = "HONORS"
	ImportVolunteerRecords ImportKind = "VOLUNTEER_RECORDS"
	ImportAssessments      ImportKind = "ASSESSMENTS"
	ImportActivities       ImportKind = "ACTIVITIES"
)

// AllImportKinds lists every ImportKind, in the order records depend on each other (units before people …).
var AllImportKinds = []ImportKind{ImportUnits, ImportPeople, ImportHonors, ImportVolunteerRecords, ImportAssessments, ImportActivities}

// MarshalGQL writes the value as a GraphQL enum.
func (v ImportKind) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *ImportKind) UnmarshalGQL(x any) error { return unmarshalEnum(v, x, "kind", AllImportKinds) }

// Valid reports whether v is a known ImportKind.
func (v ImportKind) Valid() bool { return v.UnmarshalGQL(string(v)) == nil }

// ImportRequest asks a store to import one spreadsheet file (XLSX or CSV) that sits on the local disk.
type ImportRequest struct {
	Kind ImportKind
	// Path is the file to read; it is read twice (validate, then write), so it must be a regular file.
	Path string
	// Name is the file's name as the user knows it, for the audit log.
	Name string
	// DryRun validates and counts what would change, then rolls back.
	DryRun bool
}

// ImportReport is the outcome of an import: every bad cell with its reason, or the counts of what changed.
type ImportReport struct {
	Kind ImportKind
	// Rows is the number of data rows read (the header row excluded, blank rows skipped).
	Rows int
	// Valid is the number of rows that passed validation.
	Valid     int
	Created   int
	Updated   int
	Unchanged int
	// Errors lists bad cells, at most MaxImportErrors of them; ErrorCount counts them all.
	Errors     []*ImportError
	ErrorCount int
	DryRun     bool
	// Written is true when the rows were committed: never on a dry run or when any row is invalid.
	Written bool
}

// MaxImportErrors bounds the errors a report lists, so that a wholly wrong file of a million rows stays small.
const MaxImportErrors = 1000

// ImportError is one problem with one cell (or row, or header) of an imported file, explained in Chinese.
type ImportError struct {
	// Row is the row number as the spreadsheet shows it: the header is row 1.
	Row int
	// Column is the spreadsheet column letter (A, B, …), or "" when the problem is the whole row.
	Column string
	// Field is the column's header in the template, e.g. 服务日期.
	Field   string
	Message string
}

// Importer imports spreadsheet files all-or-nothing, matching rows to existing records on natural keys.
type Importer interface {
	Import(ctx context.Context, req ImportRequest) (*ImportReport, error)
}

// ExportStore streams whole filtered tables for export, without the page limit of the connections.
type ExportStore interface {
	EachHonor(ctx context.Context, f HonorCriteria, fn func(*Honor) error) error
	EachVolunteerRecord(ctx context.Context, f VolunteerCriteria, fn func(*VolunteerRecord) error) error
	EachUnit(ctx context.Context, f UnitCriteria, fn func(*Unit) error) error
	EachPerson(ctx context.Context, f PersonCriteria, fn func(*Person) error) error
	EachAssessment(ctx context.Context, f AssessmentCriteria, fn func(*Assessment) error) error
	EachPracticeActivity(ctx context.Context, f PracticeActivityCriteria, fn func(*PracticeActivity) error) error
	// ImportCatalog returns the reference data that imports resolve names against and exports print names from.
	ImportCatalog(ctx context.Context) (*Catalog, error)
}

// Catalog is the reference data an import resolves names against: units, categories, campaigns, people,
// projects, works and practice centres. It is small (thousands of rows) even at province scale.
type Catalog struct {
	Units      []*Unit
	Categories []*HonorCategory
	Campaigns  []*Campaign
	People     []*Person
	Projects   []*VolunteerProject
	Works      []*Work
	Centers    []*PracticeCenter
}
