package store

import (
	"context"
	"slices"

	"github.com/wenming/wenming/db"
)

const unitCols = `u.id, u.name, u.kind, u.sector, u.service_window, u.campus, u.demo, u.version, u.contact_name, u.contact_phone`

func scanUnit(r Rows, extra ...any) (*db.Unit, error) {
	u := &db.Unit{}
	return u, r.Scan(append([]any{&u.ID, &u.Name, &u.Kind, &u.Sector, &u.ServiceWindow, &u.Campus, &u.Demo, &u.Version, &u.Contact.Name, &u.Contact.Phone}, extra...)...)
}

// unitSort: by ID unless the client asks for name or kind.
var unitSort = listSort{id: "u.id", fields: map[string]sortField{"ID": byNumber("u.id"), "NAME": byText("u.name"), "KIND": byText("u.kind")},
	def: db.ListOrder{Field: "ID", Direction: db.OrderDirectionAsc}}

// Units returns one page of units, by ID unless the page asks for another order.
func (s *Store) Units(ctx context.Context, f db.UnitCriteria, page db.Page) (*db.UnitPage, error) {
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
		if *f.LinkedToPractice {
			w.add("EXISTS (SELECT 1 FROM practice_links l WHERE l.unit_id = u.id)")
		} else {
			w.add("NOT EXISTS (SELECT 1 FROM practice_links l WHERE l.unit_id = u.id)")
		}
	}
	scopeUnits(ctx, w, "u.id")
	out := &db.UnitPage{}
	if err := s.eng.Read().QueryRow(ctx, `SELECT count(*) FROM units u`+w.sql(), w.args...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	k, err := unitSort.plan(s, w, page)
	if err != nil {
		return nil, err
	}
	out.Edges, out.PageInfo, err = orderedPage(ctx, s, k, unitCols, ` FROM units u`+w.sql(), w.args, page, scanUnit,
		func(u *db.Unit) int64 { return u.ID }, func(c string, u *db.Unit) *db.UnitEdge { return &db.UnitEdge{Cursor: c, Node: u} })
	return out, err
}

// UnitsByIDs loads units by ID.
func (s *Store) UnitsByIDs(ctx context.Context, ids []int64) (map[int64]*db.Unit, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	w := s.scopedIn(ctx, "u.id", ids, "u.id")
	rows, err := s.eng.Read().Query(ctx, `SELECT `+unitCols+` FROM units u`+w.sql(), w.args...)
	if err != nil {
		return nil, err
	}
	us, err := collect(rows, plain(scanUnit))
	return byID(us, func(u *db.Unit) int64 { return u.ID }), err
}

// UnitKinds counts units per kind, in the office's display order. The count reads every unit, so it is kept until
// the next write (versionMemo).
func (s *Store) UnitKinds(ctx context.Context) ([]*db.UnitKindCount, error) {
	stamp, err := s.currentStamp(ctx, s.eng.Read())
	if err != nil {
		return nil, err
	}
	counts, ok := s.unitKinds.get(stamp)
	if !ok {
		// The stamp is read in the statement of the counts, so in their snapshot; no unit, no row, nothing kept.
		rows, err := s.eng.Read().Query(ctx, `SELECT kind, count(*), `+s.eng.Timeline()+`, (SELECT value FROM meta WHERE key = 'data_version')
			FROM units GROUP BY kind`)
		if err != nil {
			return nil, err
		}
		got, err := collect(rows, func(r Rows) (k db.UnitKindCount, err error) {
			return k, r.Scan(&k.Kind, &k.Count, &stamp.timeline, &stamp.version)
		})
		if err != nil {
			return nil, err
		}
		counts = make([]db.UnitKindCount, 0, len(got))
		for _, kind := range db.UnitKinds {
			if i := slices.IndexFunc(got, func(k db.UnitKindCount) bool { return k.Kind == kind }); i >= 0 {
				counts = append(counts, got[i])
			}
		}
		if len(got) > 0 {
			s.unitKinds.put(stamp, counts)
		}
	}
	// Each caller gets its own copies: the kept ones are shared.
	out := make([]*db.UnitKindCount, len(counts))
	for i := range counts {
		k := counts[i]
		out[i] = &k
	}
	return out, nil
}

// RankingWeights returns the creation-index weights in force for a year: the latest version at or before it.
func (s *Store) RankingWeights(ctx context.Context, year int) ([]*db.RankingWeight, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT from_year, component, label_zh, weight, basis FROM ranking_weights
		WHERE from_year = (SELECT coalesce(max(from_year), (SELECT min(from_year) FROM ranking_weights)) FROM ranking_weights WHERE from_year <= ?)
		ORDER BY CASE component WHEN 'honors' THEN 1 WHEN 'volunteer_hours' THEN 2 WHEN 'practice' THEN 3 ELSE 4 END`, year)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) (*db.RankingWeight, error) {
		w := &db.RankingWeight{}
		return w, r.Scan(&w.FromYear, &w.Component, &w.LabelZh, &w.Weight, &w.Basis)
	})
}

// AssessmentsByUnits loads the assessments of several units, by year.
func (s *Store) AssessmentsByUnits(ctx context.Context, ids []int64) (map[int64][]*db.Assessment, error) {
	as, err := s.assessmentsWhere(ctx, "unit_id", ids)
	return groupBy(as, func(a *db.Assessment) int64 { return a.UnitID }), err
}

// AssessmentsByIDs loads assessments by ID.
func (s *Store) AssessmentsByIDs(ctx context.Context, ids []int64) (map[int64]*db.Assessment, error) {
	as, err := s.assessmentsWhere(ctx, "id", ids)
	return byID(as, func(a *db.Assessment) int64 { return a.ID }), err
}

func (s *Store) assessmentsWhere(ctx context.Context, col string, ids []int64) ([]*db.Assessment, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	w := s.scopedIn(ctx, col, ids, "unit_id")
	rows, err := s.eng.Read().Query(ctx, `SELECT id, unit_id, year, base_score, bonus, veto, stage, demo, version FROM assessments`+
		w.sql()+` ORDER BY year, id`, w.args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) (*db.Assessment, error) {
		a := &db.Assessment{}
		return a, r.Scan(&a.ID, &a.UnitID, &a.Year, &a.BaseScore, &a.Bonus, &a.Veto, &a.Stage, &a.Demo, &a.Version)
	})
}

// IndicatorScoresByAssessments loads the indicator scores of several assessments.
func (s *Store) IndicatorScoresByAssessments(ctx context.Context, ids []int64) (map[int64][]*db.IndicatorScore, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := s.in("s.assessment_id", ids)
	rows, err := s.eng.Read().Query(ctx, `SELECT s.assessment_id, s.code, i.name_zh, s.score, i.max_score
		FROM indicator_scores s JOIN assessment_indicators i ON i.year = s.version_year AND i.code = s.code
		WHERE `+in+` ORDER BY s.assessment_id, i.position`, args...)
	if err != nil {
		return nil, err
	}
	ss, err := collect(rows, func(r Rows) (*db.IndicatorScore, error) {
		s := &db.IndicatorScore{}
		return s, r.Scan(&s.AssessmentID, &s.Code, &s.NameZh, &s.Score, &s.MaxScore)
	})
	return groupBy(ss, func(s *db.IndicatorScore) int64 { return s.AssessmentID }), err
}

// AssessmentIndicators returns the indicators and maximum points in force for a year.
func (s *Store) AssessmentIndicators(ctx context.Context, year int) ([]*db.AssessmentIndicator, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT year, code, name_zh, name_en, max_score, basis FROM assessment_indicators
		WHERE year = (SELECT coalesce(max(year), (SELECT min(year) FROM assessment_indicators)) FROM assessment_indicators WHERE year <= ?)
		ORDER BY position`, year)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) (*db.AssessmentIndicator, error) {
		i := &db.AssessmentIndicator{}
		return i, r.Scan(&i.Year, &i.Code, &i.NameZh, &i.NameEn, &i.MaxScore, &i.Basis)
	})
}

// AssessmentStageStats counts assessments per year and stage.
func (s *Store) AssessmentStageStats(ctx context.Context, years db.YearRange) ([]*db.AssessmentStageBucket, error) {
	w := s.where()
	w.years("year", years)
	rows, err := s.eng.Read().Query(ctx, `SELECT year, stage, count(*) FROM assessments`+w.sql()+` GROUP BY year, stage
		ORDER BY year, CASE stage WHEN 'APPLIED' THEN 1 WHEN 'ONLINE_REVIEW' THEN 2 WHEN 'SITE_VISIT' THEN 3 WHEN 'PUBLIC_NOTICE' THEN 4
		WHEN 'NAMED' THEN 5 WHEN 'REVIEWED' THEN 6 ELSE 7 END`, w.args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) (*db.AssessmentStageBucket, error) {
		b := &db.AssessmentStageBucket{}
		return b, r.Scan(&b.Year, &b.Stage, &b.Count)
	})
}
