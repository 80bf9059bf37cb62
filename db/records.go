package db

import (
	"context"
	"io"
)

// RecordStore serves record-level connections the dashboard drills down to.
type RecordStore interface {
	PracticeActivities(ctx context.Context, filter PracticeActivityCriteria, page Page) (*PracticeActivityConnection, error)
	PracticeActivitiesByIDs(ctx context.Context, ids []int64) (map[int64]*PracticeActivity, error)
	Assessments(ctx context.Context, filter AssessmentCriteria, page Page) (*AssessmentConnection, error)
	// VolunteerRecordsInOrder is VolunteerRecords sorted by a field; the cursor carries the ordering.
	VolunteerRecordsInOrder(ctx context.Context, filter VolunteerCriteria, order VolunteerRecordOrder, page Page) (*VolunteerRecordPage, error)
}

// PracticeActivityCriteria narrows practice activities; zero fields do not filter.
type PracticeActivityCriteria struct {
	Years    YearRange
	Kinds    []ActivityKind
	CenterID int64
	UnitID   int64
	Demo     *bool
}

// PracticeActivityEdge is an activity with its cursor.
type PracticeActivityEdge struct {
	Cursor string
	Node   *PracticeActivity
}

// PracticeActivityConnection is one page of practice activities, by date then ID.
type PracticeActivityConnection struct {
	Edges      []*PracticeActivityEdge
	PageInfo   PageInfo
	TotalCount int
}

// AssessmentCriteria narrows assessments; zero fields do not filter.
type AssessmentCriteria struct {
	Year     int
	UnitKind string
	Stages   []AssessmentStage
	UnitID   int64
	Demo     *bool
}

// AssessmentEdge is an assessment with its cursor.
type AssessmentEdge struct {
	Cursor string
	Node   *Assessment
}

// AssessmentConnection is one page of assessments, by year then ID.
type AssessmentConnection struct {
	Edges      []*AssessmentEdge
	PageInfo   PageInfo
	TotalCount int
}

// VolunteerRecordOrderField is what volunteer records can be sorted by.
type VolunteerRecordOrderField string

// Values of VolunteerRecordOrderField.
const (
	VolunteerOrderByID         VolunteerRecordOrderField = "ID"
	VolunteerOrderByDate       VolunteerRecordOrderField = "DATE"
	VolunteerOrderByHours      VolunteerRecordOrderField = "HOURS"
	VolunteerOrderByVolunteers VolunteerRecordOrderField = "VOLUNTEERS"
	VolunteerOrderByUnit       VolunteerRecordOrderField = "UNIT"
)

// AllVolunteerRecordOrderFields lists every valid VolunteerRecordOrderField.
var AllVolunteerRecordOrderFields = []VolunteerRecordOrderField{VolunteerOrderByID, VolunteerOrderByDate, VolunteerOrderByHours, VolunteerOrderByVolunteers, VolunteerOrderByUnit}

// MarshalGQL writes the value as a GraphQL enum.
func (v VolunteerRecordOrderField) MarshalGQL(w io.Writer) { marshalEnum(w, v) }

// UnmarshalGQL validates a GraphQL enum input.
func (v *VolunteerRecordOrderField) UnmarshalGQL(x any) error {
	return unmarshalEnum(v, x, "field", AllVolunteerRecordOrderFields)
}

// VolunteerRecordOrder sorts volunteer records; ties always break on ID so that pages are stable.
type VolunteerRecordOrder struct {
	Field     VolunteerRecordOrderField
	Direction OrderDirection
}
