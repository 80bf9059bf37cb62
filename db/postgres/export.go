package postgres

// Port of db/sqlite/export.go, query by query.

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/wenming/wenming/db"
)

// each runs a query on the pool and hands every row to fn as it is scanned, so that an export of millions of
// rows never holds them in memory.
func each[T any](ctx context.Context, d *DB, query string, args []any, scan func(pgx.Rows) (T, error), fn func(T) error) error {
	rows, err := d.pool.Query(ctx, query, args...)
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
func (d *DB) EachHonor(ctx context.Context, f db.HonorCriteria, fn func(*db.Honor) error) error {
	w := honorWhere(f)
	return each(ctx, d, `SELECT `+honorSelect+honorFrom+w.sql()+` ORDER BY h.year, h.id`, w.args, scanHonor, fn)
}

// EachVolunteerRecord streams every volunteer record matching the criteria, by ID.
func (d *DB) EachVolunteerRecord(ctx context.Context, f db.VolunteerCriteria, fn func(*db.VolunteerRecord) error) error {
	w := volunteerWhere(f)
	return each(ctx, d, `SELECT `+recordSelect+recordFrom+w.sql()+` ORDER BY v.id`, w.args, scanRecord, fn)
}

// EachUnit streams every unit matching the criteria, by ID.
func (d *DB) EachUnit(ctx context.Context, f db.UnitCriteria, fn func(*db.Unit) error) error {
	w := &where{}
	if f.Kind != "" {
		w.add("u.kind = ?", f.Kind)
	}
	if f.NameContains != "" {
		w.add("strpos(u.name, ?) > 0", f.NameContains)
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
	return each(ctx, d, `SELECT `+unitCols+` FROM units u`+w.sql()+` ORDER BY u.id`, w.args, scanUnit, fn)
}

// EachPerson streams every person matching the criteria, by ID.
func (d *DB) EachPerson(ctx context.Context, f db.PersonCriteria, fn func(*db.Person) error) error {
	w := &where{}
	if len(f.Categories) > 0 {
		w.add(`EXISTS (SELECT 1 FROM honors h JOIN honor_categories c ON c.id = h.category_id WHERE h.person_id = p.id AND c.code = ANY(?))`,
			f.Categories)
	}
	if f.NameContains != "" {
		w.add(`strpos(p.name, ?) > 0`, f.NameContains)
	}
	return each(ctx, d, `SELECT `+personCols+` FROM people p`+w.sql()+` ORDER BY p.id`, w.args, scanPerson, fn)
}

// EachAssessment streams every assessment matching the criteria, by year then ID.
func (d *DB) EachAssessment(ctx context.Context, f db.AssessmentCriteria, fn func(*db.Assessment) error) error {
	w := assessmentWhere(f)
	return each(ctx, d, `SELECT `+assessmentSelect+assessmentFrom+w.sql()+` ORDER BY a.year, a.id`, w.args, scanAssessment, fn)
}

// EachPracticeActivity streams every practice activity matching the criteria, by date then ID.
func (d *DB) EachPracticeActivity(ctx context.Context, f db.PracticeActivityCriteria, fn func(*db.PracticeActivity) error) error {
	w := activityWhere(f)
	return each(ctx, d, `SELECT `+activitySelect+` FROM practice_activities a`+w.sql()+` ORDER BY a.activity_date, a.id`, w.args, scanActivity, fn)
}
