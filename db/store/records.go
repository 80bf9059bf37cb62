package store

import (
	"context"

	"github.com/wenming/wenming/db"
)

const activityCols = `a.id, a.unit_id, a.center_id, a.activity_date, a.kind, a.theme, a.sessions, a.participants, a.demo, a.version, a.action`

func scanActivity(r Rows, extra ...any) (*db.PracticeActivity, error) {
	a := &db.PracticeActivity{}
	return a, r.Scan(append([]any{&a.ID, &a.UnitID, &a.CenterID, &a.Date, &a.Kind, &a.Theme, &a.Sessions, &a.Participants, &a.Demo, &a.Version, &a.Action},
		extra...)...)
}

// activitySort: by date unless the client asks for another field.
var activitySort = listSort{id: "a.id", fields: map[string]sortField{
	"ID": byNumber("a.id"), "DATE": byColumn("a.activity_date"), "SESSIONS": byNumber("a.sessions"), "PARTICIPANTS": byNumber("a.participants"),
}, def: db.ListOrder{Field: "DATE", Direction: db.OrderDirectionAsc}, defName: "DATE/ASC"}

// PracticeActivities returns one page of practice activities, by date then ID unless the page asks for another order.
func (s *Store) PracticeActivities(ctx context.Context, f db.PracticeActivityCriteria, page db.Page) (*db.PracticeActivityConnection, error) {
	w := s.activityWhere(f)
	scopeUnits(ctx, w, "a.unit_id")
	out := &db.PracticeActivityConnection{}
	if err := s.eng.Read().QueryRow(ctx, `SELECT count(*) FROM practice_activities a`+w.sql(), w.args...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	k, err := activitySort.plan(s, w, page)
	if err != nil {
		return nil, err
	}
	out.Edges, out.PageInfo, err = orderedPage(ctx, s, k, activityCols, ` FROM practice_activities a`+w.sql(), w.args, page, scanActivity,
		func(a *db.PracticeActivity) int64 { return a.ID },
		func(c string, a *db.PracticeActivity) *db.PracticeActivityEdge {
			return &db.PracticeActivityEdge{Cursor: c, Node: a}
		})
	return out, err
}

func (s *Store) activityWhere(f db.PracticeActivityCriteria) *where {
	w := s.where()
	w.years("a.year", f.Years)
	addIn(w, "a.kind", f.Kinds)
	if f.CenterID != 0 {
		w.add("a.center_id = ?", f.CenterID)
	}
	if f.UnitID != 0 {
		w.add("a.unit_id = ?", f.UnitID)
	}
	if f.Demo != nil {
		w.add("a.demo = ?", *f.Demo)
	}
	return w
}

// PracticeActivitiesByIDs loads practice activities by ID.
func (s *Store) PracticeActivitiesByIDs(ctx context.Context, ids []int64) (map[int64]*db.PracticeActivity, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	w := s.scopedIn(ctx, "a.id", ids, "a.unit_id")
	rows, err := s.eng.Read().Query(ctx, `SELECT `+activityCols+` FROM practice_activities a`+w.sql(), w.args...)
	if err != nil {
		return nil, err
	}
	as, err := collect(rows, plain(scanActivity))
	return byID(as, func(a *db.PracticeActivity) int64 { return a.ID }), err
}

const assessmentCols = `a.id, a.unit_id, a.year, a.base_score, a.bonus, a.veto, a.stage, a.demo, a.version`

const assessmentFrom = ` FROM assessments a JOIN units u ON u.id = a.unit_id`

func scanAssessment(r Rows, extra ...any) (*db.Assessment, error) {
	a := &db.Assessment{}
	return a, r.Scan(append([]any{&a.ID, &a.UnitID, &a.Year, &a.BaseScore, &a.Bonus, &a.Veto, &a.Stage, &a.Demo, &a.Version}, extra...)...)
}

// assessmentSort: by year unless the client asks for another field.
var assessmentSort = listSort{id: "a.id", fields: map[string]sortField{"ID": byNumber("a.id"), "YEAR": byNumber("a.year"), "UNIT": byText("u.name")},
	def: db.ListOrder{Field: "YEAR", Direction: db.OrderDirectionAsc}, defName: "YEAR/ASC"}

func (s *Store) assessmentWhere(f db.AssessmentCriteria) *where {
	w := s.where()
	if f.Year != 0 {
		w.add("a.year = ?", f.Year)
	}
	if f.UnitKind != "" {
		w.add("u.kind = ?", f.UnitKind)
	}
	addIn(w, "a.stage", f.Stages)
	if f.UnitID != 0 {
		w.add("a.unit_id = ?", f.UnitID)
	}
	if f.Demo != nil {
		w.add("a.demo = ?", *f.Demo)
	}
	return w
}

// Assessments returns one page of assessments, by year then ID unless the page asks for another order.
func (s *Store) Assessments(ctx context.Context, f db.AssessmentCriteria, page db.Page) (*db.AssessmentConnection, error) {
	w := s.assessmentWhere(f)
	scopeUnits(ctx, w, "a.unit_id")
	out := &db.AssessmentConnection{}
	if err := s.eng.Read().QueryRow(ctx, `SELECT count(*)`+assessmentFrom+w.sql(), w.args...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	k, err := assessmentSort.plan(s, w, page)
	if err != nil {
		return nil, err
	}
	out.Edges, out.PageInfo, err = orderedPage(ctx, s, k, assessmentCols, assessmentFrom+w.sql(), w.args, page, scanAssessment,
		func(a *db.Assessment) int64 { return a.ID },
		func(c string, a *db.Assessment) *db.AssessmentEdge { return &db.AssessmentEdge{Cursor: c, Node: a} })
	return out, err
}

// volunteerSort: by ID unless the client asks for another field; unit names compare as the database's collation
// always compared them here.
var volunteerSort = listSort{id: "v.id", fields: map[string]sortField{
	string(db.VolunteerOrderByID): byNumber("v.id"), string(db.VolunteerOrderByDate): byColumn("v.service_date"),
	string(db.VolunteerOrderByHours): byNumber("v.minutes"), string(db.VolunteerOrderByVolunteers): byNumber("v.volunteers"),
	string(db.VolunteerOrderByUnit): byColumn("u.name"),
}, def: db.ListOrder{Field: string(db.VolunteerOrderByID), Direction: db.OrderDirectionAsc}}

// VolunteerRecordsInOrder returns one keyset page of volunteer records sorted by a field; ties break on ID, and
// the cursor names its ordering so that it cannot continue another.
func (s *Store) VolunteerRecordsInOrder(ctx context.Context, f db.VolunteerCriteria, order db.VolunteerRecordOrder, page db.Page) (*db.VolunteerRecordPage, error) {
	w := s.volunteerWhere(f)
	narrowed := scopeUnits(ctx, w, "v.unit_id")
	out := &db.VolunteerRecordPage{}
	count, countArgs := `SELECT count(*)`+recordFrom+w.sql(), w.args
	if f.UnitID == 0 && !narrowed {
		rw := s.rollupVolunteerWhere(f)
		count, countArgs = `SELECT coalesce(sum(v.records), 0)`+yearVolunteerFrom+rw.sql(), rw.args
	}
	if err := s.eng.Read().QueryRow(ctx, count, countArgs...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	page.Order = db.ListOrder{Field: string(order.Field), Direction: order.Direction}
	k, err := volunteerSort.plan(s, w, page)
	if err != nil {
		return nil, err
	}
	out.Edges, out.PageInfo, err = orderedPage(ctx, s, k, recordCols, recordFrom+w.sql(), w.args, page, scanRecord,
		func(v *db.VolunteerRecord) int64 { return v.ID },
		func(c string, v *db.VolunteerRecord) *db.VolunteerRecordEdge {
			return &db.VolunteerRecordEdge{Cursor: c, Node: v}
		})
	return out, err
}
