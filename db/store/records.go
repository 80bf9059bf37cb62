package store

import (
	"context"
	"fmt"

	"github.com/wenming/wenming/db"
)

const activityCols = `a.id, a.unit_id, a.center_id, a.activity_date, a.kind, a.theme, a.sessions, a.participants, a.demo, a.version, a.action`

func scanActivity(r Rows) (*db.PracticeActivity, error) {
	a := &db.PracticeActivity{}
	return a, r.Scan(&a.ID, &a.UnitID, &a.CenterID, &a.Date, &a.Kind, &a.Theme, &a.Sessions, &a.Participants, &a.Demo, &a.Version, &a.Action)
}

// keysetAfter adds the condition that continues an ordered page after the cursor: (col, id) beyond (v, id).
// numeric says whether the sort value is a number (JSON decodes it as float64).
func keysetAfter(w *where, order, after, col, idCol string, numeric, desc bool) error {
	if after == "" {
		return nil
	}
	c, err := db.DecodeCursor(after)
	if err != nil {
		return err
	}
	if c.O != order {
		return db.FieldErrorf("after", "游标属于另一种排序方式，请从第一页重新开始")
	}
	v := c.V
	if numeric {
		n, ok := v.(float64)
		if !ok {
			return db.FieldErrorf("after", "游标与排序方式不符")
		}
		v = int64(n)
	} else if _, ok := v.(string); !ok {
		return db.FieldErrorf("after", "游标与排序方式不符")
	}
	op := ">"
	if desc {
		op = "<"
	}
	w.add(fmt.Sprintf("(%s %s ? OR (%s = ? AND %s %s ?))", col, op, col, idCol, op), v, v, c.ID)
	return nil
}

// PracticeActivities returns one page of practice activities, by date then ID.
func (s *Store) PracticeActivities(ctx context.Context, f db.PracticeActivityCriteria, page db.Page) (*db.PracticeActivityConnection, error) {
	w := s.activityWhere(f)
	out := &db.PracticeActivityConnection{}
	if err := s.eng.Read().QueryRow(ctx, `SELECT count(*) FROM practice_activities a`+w.sql(), w.args...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	const order = "DATE/ASC"
	if err := keysetAfter(w, order, page.After, "a.activity_date", "a.id", false, false); err != nil {
		return nil, err
	}
	rows, err := s.eng.Read().Query(ctx, `SELECT `+activityCols+` FROM practice_activities a`+w.sql()+` ORDER BY a.activity_date, a.id LIMIT ?`,
		append(w.args, page.First+1)...)
	if err != nil {
		return nil, err
	}
	as, err := collect(rows, scanActivity)
	if err != nil {
		return nil, err
	}
	out.Edges, out.PageInfo = db.Paged(as, page, func(a *db.PracticeActivity) string { return db.EncodeCursor(order, string(a.Date), a.ID) },
		func(c string, a *db.PracticeActivity) *db.PracticeActivityEdge {
			return &db.PracticeActivityEdge{Cursor: c, Node: a}
		})
	return out, nil
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
	in, args := s.in("a.id", ids)
	rows, err := s.eng.Read().Query(ctx, `SELECT `+activityCols+` FROM practice_activities a WHERE `+in, args...)
	if err != nil {
		return nil, err
	}
	as, err := collect(rows, scanActivity)
	return byID(as, func(a *db.PracticeActivity) int64 { return a.ID }), err
}

const assessmentCols = `a.id, a.unit_id, a.year, a.base_score, a.bonus, a.veto, a.stage, a.demo, a.version`

const assessmentFrom = ` FROM assessments a JOIN units u ON u.id = a.unit_id`

func scanAssessment(r Rows) (*db.Assessment, error) {
	a := &db.Assessment{}
	return a, r.Scan(&a.ID, &a.UnitID, &a.Year, &a.BaseScore, &a.Bonus, &a.Veto, &a.Stage, &a.Demo, &a.Version)
}

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

// Assessments returns one page of assessments, by year then ID.
func (s *Store) Assessments(ctx context.Context, f db.AssessmentCriteria, page db.Page) (*db.AssessmentConnection, error) {
	w := s.assessmentWhere(f)
	const from = assessmentFrom
	out := &db.AssessmentConnection{}
	if err := s.eng.Read().QueryRow(ctx, `SELECT count(*)`+from+w.sql(), w.args...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	const order = "YEAR/ASC"
	if err := keysetAfter(w, order, page.After, "a.year", "a.id", true, false); err != nil {
		return nil, err
	}
	rows, err := s.eng.Read().Query(ctx, `SELECT `+assessmentCols+from+w.sql()+
		` ORDER BY a.year, a.id LIMIT ?`, append(w.args, page.First+1)...)
	if err != nil {
		return nil, err
	}
	as, err := collect(rows, scanAssessment)
	if err != nil {
		return nil, err
	}
	out.Edges, out.PageInfo = db.Paged(as, page, func(a *db.Assessment) string { return db.EncodeCursor(order, a.Year, a.ID) },
		func(c string, a *db.Assessment) *db.AssessmentEdge { return &db.AssessmentEdge{Cursor: c, Node: a} })
	return out, nil
}

// volunteerOrderCols maps each sort field to its column and whether it is numeric.
var volunteerOrderCols = map[db.VolunteerRecordOrderField]struct {
	col     string
	numeric bool
}{
	db.VolunteerOrderByDate: {"v.service_date", false}, db.VolunteerOrderByHours: {"v.minutes", true},
	db.VolunteerOrderByVolunteers: {"v.volunteers", true}, db.VolunteerOrderByUnit: {"u.name", false},
	db.VolunteerOrderByID: {"v.id", true},
}

// VolunteerRecordsInOrder returns one keyset page of volunteer records sorted by a field; ties break on ID, and
// the cursor names its ordering so that it cannot continue another.
func (s *Store) VolunteerRecordsInOrder(ctx context.Context, f db.VolunteerCriteria, order db.VolunteerRecordOrder, page db.Page) (*db.VolunteerRecordPage, error) {
	if order.Field == "" {
		order.Field = db.VolunteerOrderByID
	}
	if order.Direction == "" {
		order.Direction = db.OrderDirectionAsc
	}
	desc := order.Direction == db.OrderDirectionDesc
	if order.Field == db.VolunteerOrderByID && !desc {
		if page.After != "" {
			if c, err := db.DecodeCursor(page.After); err == nil && c.O != "" {
				return nil, db.FieldErrorf("after", "游标属于另一种排序方式，请从第一页重新开始")
			}
		}
		return s.VolunteerRecords(ctx, f, page)
	}
	oc, ok := volunteerOrderCols[order.Field]
	if !ok {
		return nil, db.FieldErrorf("orderBy", "不支持的排序字段：%s", order.Field)
	}
	w := s.volunteerWhere(f)
	out := &db.VolunteerRecordPage{}
	count, countArgs := `SELECT count(*)`+recordFrom+w.sql(), w.args
	if f.UnitID == 0 {
		rw := s.rollupVolunteerWhere(f)
		count, countArgs = `SELECT coalesce(sum(v.records), 0)`+yearVolunteerFrom+rw.sql(), rw.args
	}
	if err := s.eng.Read().QueryRow(ctx, count, countArgs...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	orderName := string(order.Field) + "/" + string(order.Direction)
	if err := keysetAfter(w, orderName, page.After, oc.col, "v.id", oc.numeric, desc); err != nil {
		return nil, err
	}
	dir := "ASC"
	if desc {
		dir = "DESC"
	}
	key := oc.col
	if !oc.numeric {
		key = "CAST(" + key + " AS TEXT)" // a date's cursor holds YYYY-MM-DD on every engine
	}
	q := `SELECT ` + recordCols + `, ` + key + recordFrom + w.sql() + fmt.Sprintf(` ORDER BY %s %s, v.id %s LIMIT ?`, oc.col, dir, dir)
	rows, err := s.eng.Read().Query(ctx, q, append(w.args, page.First+1)...)
	if err != nil {
		return nil, err
	}
	edges, err := collect(rows, func(r Rows) (*db.VolunteerRecordEdge, error) {
		v := &db.VolunteerRecord{}
		var key any
		err := r.Scan(&v.ID, &v.UnitID, &v.CampaignID, &v.Date, &v.Volunteers, &v.Minutes, &v.Method, &v.Verified, &v.Demo, &v.Version, &key)
		return &db.VolunteerRecordEdge{Cursor: db.EncodeCursor(orderName, key, v.ID), Node: v}, err
	})
	if err != nil {
		return nil, err
	}
	out.Edges, out.PageInfo = db.Paged(edges, page, func(e *db.VolunteerRecordEdge) string { return e.Cursor },
		func(_ string, e *db.VolunteerRecordEdge) *db.VolunteerRecordEdge { return e })
	return out, nil
}
