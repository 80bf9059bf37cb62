package store

import (
	"context"

	"github.com/wenming/wenming/db"
)

// each runs a query on the read pool and hands every row to fn as it is scanned, so that an export of millions of
// rows never holds them in memory.
func each[T any](ctx context.Context, s *Store, query string, args []any, scan func(Rows) (T, error), fn func(T) error) error {
	rows, err := s.eng.Read().Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		x, err := scan(rows)
		if err != nil {
			return err
		}
		if err := fn(x); err != nil {
			return err
		}
	}
	return rows.Err()
}

// EachHonor streams every honour matching the criteria, by year then ID.
func (s *Store) EachHonor(ctx context.Context, f db.HonorCriteria, fn func(*db.Honor) error) error {
	w := s.honorWhere(f)
	scopeUnits(ctx, w, "h.unit_id")
	return each(ctx, s, `SELECT `+honorCols+honorFrom+w.sql()+` ORDER BY h.year, h.id`, w.args, plain(scanHonor), fn)
}

// EachPerson streams every person matching the criteria, by ID.
func (s *Store) EachPerson(ctx context.Context, f db.PersonCriteria, fn func(*db.Person) error) error {
	w := s.where()
	if len(f.Categories) > 0 {
		in, args := inList(s.list, "c.code", f.Categories)
		w.add(`EXISTS (SELECT 1 FROM honors h JOIN honor_categories c ON c.id = h.category_id WHERE h.person_id = p.id AND `+in+`)`, args...)
	}
	if f.NameContains != "" {
		w.add(s.eng.Contains("p.name"), f.NameContains)
	}
	return each(ctx, s, `SELECT `+personCols+` FROM people p`+w.sql()+` ORDER BY p.id`, w.args, plain(scanPerson), fn)
}

// EachVolunteerRecord streams every volunteer record matching the criteria, by ID.
func (s *Store) EachVolunteerRecord(ctx context.Context, f db.VolunteerCriteria, fn func(*db.VolunteerRecord) error) error {
	w := s.volunteerWhere(f)
	scopeUnits(ctx, w, "v.unit_id")
	return each(ctx, s, `SELECT `+recordCols+recordFrom+w.sql()+` ORDER BY v.id`, w.args, plain(scanRecord), fn)
}

// EachAssessment streams every assessment matching the criteria, by year then ID.
func (s *Store) EachAssessment(ctx context.Context, f db.AssessmentCriteria, fn func(*db.Assessment) error) error {
	w := s.assessmentWhere(f)
	scopeUnits(ctx, w, "a.unit_id")
	return each(ctx, s, `SELECT `+assessmentCols+assessmentFrom+w.sql()+` ORDER BY a.year, a.id`, w.args, plain(scanAssessment), fn)
}

// EachPracticeActivity streams every practice activity matching the criteria, by date then ID.
func (s *Store) EachPracticeActivity(ctx context.Context, f db.PracticeActivityCriteria, fn func(*db.PracticeActivity) error) error {
	w := s.activityWhere(f)
	scopeUnits(ctx, w, "a.unit_id")
	return each(ctx, s, `SELECT `+activityCols+` FROM practice_activities a`+w.sql()+` ORDER BY a.activity_date, a.id`, w.args, plain(scanActivity), fn)
}

// EachUnit streams every unit matching the criteria, by ID.
func (s *Store) EachUnit(ctx context.Context, f db.UnitCriteria, fn func(*db.Unit) error) error {
	w := s.where()
	if f.Kind != "" {
		w.add("u.kind = ?", f.Kind)
	}
	if f.NameContains != "" {
		w.add(s.eng.Contains("u.name"), f.NameContains)
	}
	if f.ServiceWindow != nil {
		w.add("u.service_window = ?", *f.ServiceWindow)
	}
	if f.LinkedToPractice != nil {
		cond := "EXISTS (SELECT 1 FROM practice_links l WHERE l.unit_id = u.id)"
		if !*f.LinkedToPractice {
			cond = "NOT " + cond
		}
		w.add(cond)
	}
	scopeUnits(ctx, w, "u.id")
	return each(ctx, s, `SELECT `+unitCols+` FROM units u`+w.sql()+` ORDER BY u.id`, w.args, plain(scanUnit), fn)
}
