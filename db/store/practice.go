package store

import (
	"context"

	"github.com/wenming/wenming/db"
)

const centerCols = `id, code, name, county, prefecture, prefecture_code, identified, note`

func scanCenter(r Rows) (*db.PracticeCenter, error) {
	c := &db.PracticeCenter{}
	return c, r.Scan(&c.ID, &c.Code, &c.Name, &c.County, &c.Prefecture, &c.PrefectureCode, &c.Identified, &c.Note)
}

// PracticeCenters lists the county centres by code, optionally of one prefecture; unidentified ones come last.
func (s *Store) PracticeCenters(ctx context.Context, prefecture string) ([]*db.PracticeCenter, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT `+centerCols+` FROM practice_centers
		WHERE (CAST(?1 AS TEXT) = '' OR prefecture = ?1 OR prefecture_code = ?1) ORDER BY identified DESC, code, id`, prefecture)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanCenter)
}

// PracticeCentersByIDs loads centres by ID.
func (s *Store) PracticeCentersByIDs(ctx context.Context, ids []int64) (map[int64]*db.PracticeCenter, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := s.in("id", ids)
	rows, err := s.eng.Read().Query(ctx, `SELECT `+centerCols+` FROM practice_centers WHERE `+in, args...)
	if err != nil {
		return nil, err
	}
	cs, err := collect(rows, scanCenter)
	return byID(cs, func(c *db.PracticeCenter) int64 { return c.ID }), err
}

func scanLink(r Rows) (*db.PracticeLink, error) {
	l := &db.PracticeLink{}
	return l, r.Scan(&l.ID, &l.UnitID, &l.CenterID, &l.SinceYear, &l.Demo, &l.Version)
}

func (s *Store) linksWhere(ctx context.Context, col string, ids []int64) ([]*db.PracticeLink, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	w := s.scopedIn(ctx, col, ids, "unit_id")
	rows, err := s.eng.Read().Query(ctx, `SELECT id, unit_id, center_id, since_year, demo, version FROM practice_links`+w.sql()+` ORDER BY id`, w.args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanLink)
}

// PracticeLinksByUnits loads the centre links of several units.
func (s *Store) PracticeLinksByUnits(ctx context.Context, ids []int64) (map[int64][]*db.PracticeLink, error) {
	ls, err := s.linksWhere(ctx, "unit_id", ids)
	return groupBy(ls, func(l *db.PracticeLink) int64 { return l.UnitID }), err
}

// PracticeLinksByCenters loads the unit links of several centres.
func (s *Store) PracticeLinksByCenters(ctx context.Context, ids []int64) (map[int64][]*db.PracticeLink, error) {
	ls, err := s.linksWhere(ctx, "center_id", ids)
	return groupBy(ls, func(l *db.PracticeLink) int64 { return l.CenterID }), err
}

// PracticeLinksByIDs loads links by ID.
func (s *Store) PracticeLinksByIDs(ctx context.Context, ids []int64) (map[int64]*db.PracticeLink, error) {
	ls, err := s.linksWhere(ctx, "id", ids)
	return byID(ls, func(l *db.PracticeLink) int64 { return l.ID }), err
}

func (s *Store) pairingsWhere(ctx context.Context, col string, ids []int64) ([]*db.Pairing, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	w := s.scopedIn(ctx, col, ids, "unit_id")
	rows, err := s.eng.Read().Query(ctx, `SELECT id, unit_id, township, center_id, since_year, demo, version FROM pairings`+w.sql()+` ORDER BY id`, w.args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) (*db.Pairing, error) {
		p := &db.Pairing{}
		return p, r.Scan(&p.ID, &p.UnitID, &p.Township, &p.CenterID, &p.SinceYear, &p.Demo, &p.Version)
	})
}

// PairingsByUnits loads the township pairings of several units.
func (s *Store) PairingsByUnits(ctx context.Context, ids []int64) (map[int64][]*db.Pairing, error) {
	ps, err := s.pairingsWhere(ctx, "unit_id", ids)
	return groupBy(ps, func(p *db.Pairing) int64 { return p.UnitID }), err
}

// PairingsByIDs loads pairings by ID.
func (s *Store) PairingsByIDs(ctx context.Context, ids []int64) (map[int64]*db.Pairing, error) {
	ps, err := s.pairingsWhere(ctx, "id", ids)
	return byID(ps, func(p *db.Pairing) int64 { return p.ID }), err
}

// CenterSessions sums the activity sessions held with several centres.
func (s *Store) CenterSessions(ctx context.Context, ids []int64) (map[int64]int, error) {
	out := map[int64]int{}
	if len(ids) == 0 {
		return out, nil
	}
	in, args := s.in("center_id", ids)
	rows, err := s.eng.Read().Query(ctx, `SELECT center_id, sum(sessions) FROM practice_activities WHERE `+in+` GROUP BY center_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

// PracticeSummary sums up centres, links, activities and pairings; activities are limited to the years.
func (s *Store) PracticeSummary(ctx context.Context, years db.YearRange) (*db.PracticeSummary, error) {
	sum := &db.PracticeSummary{}
	err := s.eng.Read().QueryRow(ctx, `SELECT
		(SELECT count(*) FROM practice_centers), (SELECT count(*) FROM practice_centers WHERE identified = TRUE),
		(SELECT count(DISTINCT unit_id) FROM practice_links), (SELECT count(DISTINCT center_id) FROM practice_links),
		(SELECT coalesce(sum(sessions), 0) FROM rollup_activity WHERE year BETWEEN ?1 AND ?2),
		(SELECT coalesce(sum(participants), 0) FROM rollup_activity WHERE year BETWEEN ?1 AND ?2),
		(SELECT count(*) FROM pairings)`, years.From, years.To).
		Scan(&sum.Centers, &sum.IdentifiedCenters, &sum.LinkedUnits, &sum.CoveredCenters, &sum.ActivitySessions, &sum.Participants, &sum.Pairings)
	if err != nil {
		return nil, err
	}
	rows, err := s.eng.Read().Query(ctx, `SELECT c.prefecture, c.prefecture_code, count(*),
		(SELECT count(DISTINCT l.unit_id) FROM practice_links l JOIN practice_centers c2 ON c2.id = l.center_id
		  WHERE c2.prefecture_code = c.prefecture_code AND c2.prefecture = c.prefecture),
		coalesce(sum((SELECT sum(sessions) FROM practice_activities a WHERE a.center_id = c.id AND a.year BETWEEN ?1 AND ?2)), 0)
		FROM practice_centers c GROUP BY c.prefecture_code, c.prefecture ORDER BY c.prefecture_code = '', c.prefecture_code`, years.From, years.To)
	if err != nil {
		return nil, err
	}
	sum.ByPrefecture, err = collect(rows, func(r Rows) (*db.PrefectureBucket, error) {
		b := &db.PrefectureBucket{}
		return b, r.Scan(&b.Prefecture, &b.PrefectureCode, &b.Centers, &b.LinkedUnits, &b.ActivitySessions)
	})
	return sum, err
}

// PracticeActivityStats sums activities per year and kind.
func (s *Store) PracticeActivityStats(ctx context.Context, years db.YearRange) ([]*db.PracticeActivityBucket, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT year, kind, sum(activities), sum(sessions), sum(participants) FROM rollup_activity
		WHERE year BETWEEN ? AND ? GROUP BY year, kind HAVING sum(activities) > 0 ORDER BY year, CASE kind WHEN 'PROMOTION_WEEK' THEN 1 WHEN 'HERITAGE_TALK' THEN 2 WHEN 'PAIRING' THEN 3 ELSE 4 END`, years.From, years.To)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) (*db.PracticeActivityBucket, error) {
		b := &db.PracticeActivityBucket{}
		return b, r.Scan(&b.Year, &b.Kind, &b.Activities, &b.Sessions, &b.Participants)
	})
}

// WorkStats counts works per year and selection level.
func (s *Store) WorkStats(ctx context.Context, years db.YearRange) ([]*db.WorkBucket, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT year, selection, count(*) FROM works WHERE year BETWEEN ? AND ?
		GROUP BY year, selection ORDER BY year, CASE selection WHEN 'COLLECTED' THEN 1 WHEN 'PROVINCIAL_DIRECT' THEN 2 ELSE 3 END`, years.From, years.To)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) (*db.WorkBucket, error) {
		b := &db.WorkBucket{}
		return b, r.Scan(&b.Year, &b.Selection, &b.Count)
	})
}
