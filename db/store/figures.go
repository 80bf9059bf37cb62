package store

import (
	"context"

	"github.com/wenming/wenming/db"
)

func scanSource(r Rows) (*db.SourceDocument, error) {
	s := &db.SourceDocument{}
	return s, r.Scan(&s.ID, &s.Title, &s.Publisher, &s.PublishedOn, &s.URL, &s.Demo)
}

// SourceDocuments lists the source documents, oldest first.
func (s *Store) SourceDocuments(ctx context.Context) ([]*db.SourceDocument, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT id, title, publisher, published_on, url, demo FROM source_documents ORDER BY published_on, id`)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanSource)
}

// SourceDocumentsByIDs loads source documents by ID.
func (s *Store) SourceDocumentsByIDs(ctx context.Context, ids []int64) (map[int64]*db.SourceDocument, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := s.in("id", ids)
	rows, err := s.eng.Read().Query(ctx, `SELECT id, title, publisher, published_on, url, demo FROM source_documents WHERE `+in, args...)
	if err != nil {
		return nil, err
	}
	ss, err := collect(rows, scanSource)
	return byID(ss, func(s *db.SourceDocument) int64 { return s.ID }), err
}

const figureCols = `f.id, f.key, f.section, f.label_zh, f.label_en, f.value, f.unit, f.qualifier, f.quote, f.source_id, f.metric, f.note_zh,
	f.statuses, f.basis, s.id, s.title, s.publisher, s.published_on, s.url`

const figureFrom = ` FROM published_figures f JOIN source_documents s ON s.id = f.source_id`

func scanFigure(r Rows) (*db.PublishedFigure, error) {
	f := &db.PublishedFigure{Source: &db.SourceDocument{}}
	s := f.Source
	var statuses string
	err := r.Scan(&f.ID, &f.Key, &f.Section, &f.LabelZh, &f.LabelEn, &f.Value, &f.Unit, &f.Qualifier, &f.Quote, &f.SourceID, &f.Metric, &f.NoteZh,
		&statuses, &f.Basis, &s.ID, &s.Title, &s.Publisher, &s.PublishedOn, &s.URL)
	f.Statuses = db.SplitEnums[db.HonorStatus](statuses)
	return f, err
}

// PublishedFigures lists the figures in article order, optionally of one section.
func (s *Store) PublishedFigures(ctx context.Context, section string) ([]*db.PublishedFigure, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT `+figureCols+figureFrom+` WHERE (CAST(?1 AS TEXT) = '' OR f.section = ?1) ORDER BY f.position`, section)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanFigure)
}

// PublishedFiguresByIDs loads figures by ID.
func (s *Store) PublishedFiguresByIDs(ctx context.Context, ids []int64) (map[int64]*db.PublishedFigure, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := s.in("f.id", ids)
	rows, err := s.eng.Read().Query(ctx, `SELECT `+figureCols+figureFrom+` WHERE `+in, args...)
	if err != nil {
		return nil, err
	}
	fs, err := collect(rows, scanFigure)
	return byID(fs, func(f *db.PublishedFigure) int64 { return f.ID }), err
}

// metricQuery translates a metric into one SQL query over the years (?1 = from, ?2 = to).
func (s *Store) metricQuery(m db.Metric) (string, []any, error) {
	m, demoOnly := m.SplitDemo()
	kind, arg := m.Parts()
	// dc narrows a query to demo records when the metric asks for them (db.Metric.DemoOnly).
	dc := func(col string) string {
		if demoOnly {
			return " AND " + col + " = TRUE"
		}
		return ""
	}
	campaign := func(col string) (string, []any) {
		if arg == db.AllCampaigns {
			return "TRUE", nil
		}
		return col + " = (SELECT id FROM campaigns WHERE code = ?3)", []any{arg}
	}
	switch kind {
	case "honors":
		codes, statuses := m.HonorParts()
		in, args := inList(s.list, "c.code", codes)
		cond := ""
		if len(statuses) > 0 {
			sts := make([]string, 0, len(statuses))
			for _, st := range statuses {
				if !st.Valid() {
					return "", nil, db.Errorf(db.EINTERNAL, "unknown status in metric %q", m)
				}
				sts = append(sts, string(st))
			}
			stIn, stArgs := inList(s.list, "r.status", sts)
			cond, args = ` AND `+stIn, append(args, stArgs...)
		}
		return `SELECT coalesce(sum(r.honors), 0) FROM rollup_honor r JOIN honor_categories c ON c.id = r.category_id
			WHERE r.year BETWEEN ?1 AND ?2 AND ` + in + cond + dc("r.demo"), args, nil
	case "works":
		return `SELECT count(*) FROM works WHERE year BETWEEN ?1 AND ?2` + dc("demo"), nil, nil
	case "volunteers", "hours":
		cond, args := campaign("campaign_id")
		col := "sum(volunteers)"
		if kind == "hours" {
			col = "round(sum(minutes) / 60.0, 2)"
		}
		return `SELECT coalesce(` + col + `, 0) FROM rollup_volunteer_year WHERE year BETWEEN ?1 AND ?2 AND ` + cond + dc("demo"), args, nil
	case "cash", "material", "boxes", "batches", "donors":
		cond, args := campaign("campaign_id")
		col := map[string]string{
			"cash": "sum(CASE WHEN kind = 'CASH' THEN amount ELSE 0 END)", "material": "sum(CASE WHEN kind = 'MATERIAL' THEN amount ELSE 0 END)",
			"boxes": "sum(boxes)", "batches": "count(DISTINCT batch)", "donors": "count(DISTINCT unit_id)",
		}[kind]
		return `SELECT coalesce(` + col + `, 0) FROM donations WHERE year BETWEEN ?1 AND ?2 AND ` + cond + dc("demo"), args, nil
	case "federation":
		if arg != "GROUP" && arg != "INDIVIDUAL" {
			break
		}
		return `SELECT count(*) FROM federation_members WHERE joined_year <= ?2 AND ?1 <= ?2 AND is_group = ?3` + dc("demo"), []any{arg == "GROUP"}, nil
	case "practice":
		switch arg {
		case "linked_units":
			return `SELECT count(DISTINCT unit_id) FROM practice_links WHERE since_year <= ?2 AND CAST(?1 AS INTEGER) <= CAST(?2 AS INTEGER)` + dc("demo"), nil, nil
		case "centers":
			// Distinct centres that links point to, not catalogue rows; the unidentified placeholder never counts.
			return `SELECT count(DISTINCT l.center_id) FROM practice_links l JOIN practice_centers c ON c.id = l.center_id
				WHERE c.identified = TRUE AND l.since_year <= ?2 AND CAST(?1 AS INTEGER) <= CAST(?2 AS INTEGER)` + dc("l.demo"), nil, nil
		}
	case "sessions", "participants":
		return `SELECT coalesce(sum(` + kind + `), 0) FROM rollup_activity WHERE year BETWEEN ?1 AND ?2 AND kind = ?3` + dc("demo"), []any{arg}, nil
	case "projects":
		return `SELECT count(*) FROM volunteer_projects WHERE CAST(?1 AS INTEGER) <= CAST(?2 AS INTEGER)` + dc("demo"), nil, nil
	}
	return "", nil, db.Errorf(db.EINTERNAL, "unknown metric %q", m)
}

// Measure evaluates each metric over the records of the years, in one snapshot where the engine has one (the
// overview measures some 45 at once).
func (s *Store) Measure(ctx context.Context, metrics []db.Metric, years db.YearRange) (map[db.Metric]float64, error) {
	var batch []Statement
	var order []db.Metric
	seen := make(map[db.Metric]bool, len(metrics))
	for _, m := range metrics {
		if seen[m] || m == "" {
			continue
		}
		seen[m] = true
		q, extra, err := s.metricQuery(m)
		if err != nil {
			return nil, err
		}
		batch = append(batch, Statement{q, append([]any{years.From, years.To}, extra...)})
		order = append(order, m)
	}
	out := make(map[db.Metric]float64, len(order))
	if len(order) == 0 {
		return out, nil
	}
	err := s.eng.Batch(ctx, batch, func(i int, r Row) error {
		var v float64
		err := r.Scan(&v)
		out[order[i]] = v
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// progressQuery is the per-year SQL of each progress metric (?1 = from, ?2 = to); it yields (0, year, value), the
// 0 telling its rows from the targets' beside them (Progress).
var progressQuery = map[db.ProgressMetric]string{
	// Honours by level count awards only: 待遇 recognitions and recommended candidates have series of their own.
	db.ProgressHonorsNational:         honorsPerYear(`c.level = 'NATIONAL' AND h.status = 'AWARDED'`),
	db.ProgressHonorsProvincial:       honorsPerYear(`c.level = 'PROVINCIAL' AND h.status = 'AWARDED'`),
	db.ProgressHonorsProvincialDirect: honorsPerYear(`c.level = 'PROVINCIAL_DIRECT' AND h.status = 'AWARDED'`),
	db.ProgressHonorsTotal:            honorsPerYear(`h.status = 'AWARDED'`),
	db.ProgressHonorsTreatment:        honorsPerYear(`h.status = 'TREATMENT_RECOGNISED'`),
	db.ProgressHonorsRecommended:      honorsPerYear(`h.status = 'RECOMMENDED'`),
	db.ProgressGoodPeople:             honorsPerYear(`c.code IN ('CHINA_GOOD_PERSON', 'HENAN_GOOD_PERSON', 'DIRECT_GOOD_PERSON') AND h.status = 'AWARDED'`),
	db.ProgressMoralModels:            honorsPerYear(`c.code IN ('DIRECT_MORAL_MODEL', 'DIRECT_MORAL_MODEL_NOMINEE') AND h.status = 'AWARDED'`),
	db.ProgressVolunteerHours:         `SELECT 0, year, round(sum(minutes) / 60.0, 2) FROM rollup_volunteer_year WHERE year BETWEEN ?1 AND ?2 GROUP BY year`,
	db.ProgressVolunteers:             `SELECT 0, year, sum(volunteers) FROM rollup_volunteer_year WHERE year BETWEEN ?1 AND ?2 GROUP BY year`,
	db.ProgressPracticeActivities:     `SELECT 0, year, sum(sessions) FROM rollup_activity WHERE year BETWEEN ?1 AND ?2 GROUP BY year`,
	db.ProgressAverageAssessmentScore: `SELECT 0, year, coalesce(round(sum(total_sum) / nullif(sum(assessed) - sum(vetoed), 0), 2), 0) FROM rollup_assessment
		WHERE year BETWEEN ?1 AND ?2 GROUP BY year`,
}

func honorsPerYear(cond string) string {
	return `SELECT 0, h.year, sum(h.honors) FROM rollup_honor h JOIN honor_categories c ON c.id = h.category_id
		WHERE h.year BETWEEN ?1 AND ?2 AND ` + cond + ` GROUP BY h.year`
}

// Progress returns the metric's value for every year of the range (0 where no record exists), with targets. The
// values and the targets come in one statement: a write makes every series of its domain read again at once, and
// on PostgreSQL each statement is a round trip.
func (s *Store) Progress(ctx context.Context, metric db.ProgressMetric, years db.YearRange) ([]db.YearValue, error) {
	q, ok := progressQuery[metric]
	if !ok {
		return nil, db.FieldErrorf("metric", "不支持的指标：%s", metric)
	}
	rows, err := s.eng.Read().Query(ctx, q+`
		UNION ALL SELECT 1, year, value FROM targets WHERE metric = ?3 AND year BETWEEN ?1 AND ?2`, years.From, years.To, metric)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	vals, targets := map[int]float64{}, map[int]float64{}
	for rows.Next() {
		var kind, y int
		var v float64
		if err := rows.Scan(&kind, &y, &v); err != nil {
			return nil, err
		}
		if kind == 0 {
			vals[y] = v
		} else {
			targets[y] = v
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]db.YearValue, 0, years.To-years.From+1)
	for y := years.From; y <= years.To; y++ {
		yv := db.YearValue{Year: y, Value: vals[y]}
		if t, ok := targets[y]; ok {
			yv.Target = &t
		}
		out = append(out, yv)
	}
	return out, nil
}

func scanTarget(r Rows) (*db.Target, error) {
	t := &db.Target{}
	return t, r.Scan(&t.ID, &t.Metric, &t.Year, &t.Value, &t.Demo, &t.Version, &t.Basis)
}

// Targets lists yearly targets, optionally of one metric.
func (s *Store) Targets(ctx context.Context, metric db.ProgressMetric) ([]*db.Target, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT id, metric, year, value, demo, version, basis FROM targets WHERE (CAST(?1 AS TEXT) = '' OR metric = ?1) ORDER BY metric, year`, metric)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanTarget)
}

// TargetsByIDs loads targets by ID.
func (s *Store) TargetsByIDs(ctx context.Context, ids []int64) (map[int64]*db.Target, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := s.in("id", ids)
	rows, err := s.eng.Read().Query(ctx, `SELECT id, metric, year, value, demo, version, basis FROM targets WHERE `+in, args...)
	if err != nil {
		return nil, err
	}
	ts, err := collect(rows, scanTarget)
	return byID(ts, func(t *db.Target) int64 { return t.ID }), err
}

const milestoneCols = `m.id, m.date, m.precision, m.title_zh, m.title_en, m.kind, m.end_date, m.source_id, m.date_basis, s.id, s.title, s.publisher, s.published_on, s.url`

const milestoneFrom = ` FROM milestones m LEFT JOIN source_documents s ON s.id = m.source_id`

func scanMilestone(r Rows) (*db.Milestone, error) {
	m := &db.Milestone{}
	var s struct {
		id                     *int64
		title, publisher, date *string
		url                    *string
	}
	err := r.Scan(&m.ID, &m.Date, &m.Precision, &m.TitleZh, &m.TitleEn, &m.Kind, &m.EndDate, &m.SourceID, &m.DateBasis, &s.id, &s.title, &s.publisher, &s.date, &s.url)
	if s.id != nil {
		m.Source = &db.SourceDocument{ID: *s.id, Title: *s.title, Publisher: *s.publisher, PublishedOn: db.Date(*s.date), URL: s.url}
	}
	return m, err
}

// Milestones lists the timeline in date order.
func (s *Store) Milestones(ctx context.Context) ([]*db.Milestone, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT `+milestoneCols+milestoneFrom+` ORDER BY m.date, m.id`)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanMilestone)
}

// MilestonesByIDs loads milestones by ID.
func (s *Store) MilestonesByIDs(ctx context.Context, ids []int64) (map[int64]*db.Milestone, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := s.in("m.id", ids)
	rows, err := s.eng.Read().Query(ctx, `SELECT `+milestoneCols+milestoneFrom+` WHERE `+in, args...)
	if err != nil {
		return nil, err
	}
	ms, err := collect(rows, scanMilestone)
	return byID(ms, func(m *db.Milestone) int64 { return m.ID }), err
}
