package db

import (
	"context"
	"fmt"
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
	// MaxUnzippedBytes bounds what an XLSX may expand to, against zip bombs (the importer's default when 0).
	MaxUnzippedBytes int64
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
	// Warnings list rows that import but look wrong (a name one slip from a record's), at most MaxImportErrors;
	// WarningCount counts them all. They never stop an import.
	Warnings     []*ImportError
	WarningCount int
	DryRun       bool
	// Written is true when the rows were committed: never on a dry run or when any row is invalid.
	Written bool
}

// MaxImportErrors bounds the errors a report lists, so that a wholly wrong file of a million rows stays small.
const MaxImportErrors = 1000

// ImportError is one problem with one cell (or row, or header) of an imported file, explained in Chinese and in
// English.
type ImportError struct {
	// Row is the row number as the spreadsheet shows it: the header is row 1.
	Row int
	// Column is the spreadsheet column letter (A, B, …), or "" when the problem is the whole row.
	Column string
	// Field is the column's header in the template, e.g. 服务日期.
	Field string
	// Message says what is wrong, in Chinese.
	Message string
	// MessageEn says the same in English, from the translation table (messages_en.go).
	MessageEn string
}

// ImportErrorf builds a row's error from a Chinese format, with its English from the translation table, so that
// every import error carries both languages; headers and cell values stay as the file has them.
func ImportErrorf(row int, format string, args ...any) *ImportError {
	en, ok := english(false, format, args)
	if !ok {
		en = CodeMessageEn(EINVALID)
	}
	return &ImportError{Row: row, Message: fmt.Sprintf(format, args...), MessageEn: en}
}

// At places the error in a column (letter and header), for the errors that concern one cell.
func (e *ImportError) At(column, field string) *ImportError {
	e.Column, e.Field = column, field
	return e
}

// Importer imports spreadsheet files all-or-nothing, matching rows to existing records on natural keys. Backends
// implement it with importer.Run over their ImportStaging, so that every backend validates and counts alike.
type Importer interface {
	Import(ctx context.Context, req ImportRequest) (*ImportReport, error)
}

// ImportStaging is what a backend offers the import's orchestration (db/importer): the transaction of the writing
// pass. The rules (two passes, validation, demo flags, counts, dry runs) live in db/importer, the SQL in the backend.
type ImportStaging interface {
	// ImportCatalog returns the reference data the validating pass resolves names against.
	ImportCatalog(ctx context.Context) (*Catalog, error)
	// BeginImport opens the writing pass of an import of the kind, in one transaction.
	BeginImport(ctx context.Context, kind ImportKind) (ImportTx, error)
}

// ImportTx is the writing pass of one import, in one transaction: the catalogue as the transaction sees it, upserts
// matched on the kind's natural key, and a commit that writes the audit entry and bumps the data version when
// anything changed. Close rolls back whatever was not committed.
type ImportTx interface {
	// Catalog returns the reference data as the transaction sees it.
	Catalog(ctx context.Context) (*Catalog, error)
	// Stage queues one parsed record (*Unit, *Person, *Honor …) of the file's row, to be upserted by natural key.
	Stage(row int, rec any) error
	// Flush applies what is queued and returns the tally so far.
	Flush() (*ImportTally, error)
	// Commit writes the audit entry with the summary, bumps the data version when changed, and commits.
	Commit(ctx context.Context, summary string, changed bool) error
	// Close rolls back unless committed.
	Close()
}

// ImportTally counts what the staged rows did. Rows whose matching record has the other demo flag are not applied:
// an import never turns a demo record into a real one, or the reverse; they are listed as mismatches.
type ImportTally struct {
	Created, Updated, Unchanged int
	// Mismatches lists at most MaxImportErrors rows refused for their demo flag; MismatchCount counts them all.
	Mismatches    []DemoMismatch
	MismatchCount int
}

// DemoMismatch is a row whose record exists with the other demo flag.
type DemoMismatch struct {
	Row      int
	RecordID int64
	// RecordDemo is the existing record's flag; the row says the opposite.
	RecordDemo bool
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
