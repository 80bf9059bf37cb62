package postgres

import (
	"context"
	"fmt"
	"iter"

	"github.com/jackc/pgx/v5"
	"github.com/wenming/wenming/db"
)

// Load writes a whole dataset in one transaction: either every row lands or none does.
func (d *DB) Load(ctx context.Context, ds *db.Dataset) error {
	return d.LoadBulk(ctx, &db.BulkDataset{Base: ds})
}

// LoadBulk writes a dataset, streaming its large tables through COPY, in one transaction: either every row lands or
// none does. Memory stays flat however many rows the streams yield. The rollup triggers stand aside for the
// transaction (wenming.bulk_load) and the rollups are rebuilt set-wise at the end, as SQLite's loader does.
func (d *DB) LoadBulk(ctx context.Context, b *db.BulkDataset) error {
	tx, err := d.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(ctx, `SET LOCAL wenming.bulk_load = 'on'`); err != nil {
		return err
	}
	if err := loadAll(ctx, tx, b); err != nil {
		return db.Errorf(db.EINVALID, "导入数据集失败，未写入任何记录：%v", constraintError(err))
	}
	if _, err := tx.Exec(ctx, `SET LOCAL wenming.bulk_load = 'off'`); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, rebuildRollups); err != nil {
		return fmt.Errorf("rebuild rollups: %w", err)
	}
	if err := syncIdentities(ctx, tx); err != nil {
		return err
	}
	// The planner's statistics of freshly filled tables are empty until autovacuum comes by; a plan chosen on
	// them reads millions of rows by nested loop.
	if _, err := tx.Exec(ctx, `ANALYZE`); err != nil {
		return err
	}
	if err := bumpVersion(ctx, tx); err != nil {
		return err
	}
	defer d.ver.forget()
	return tx.Commit(ctx)
}

// rebuildRollups recomputes every rollup from the records, set-wise, as db/sqlite/rollup.go's rebuildRollups does.
// It takes the rollup lock first, as the triggers do (migrations/0002_rollups.sql).
const rebuildRollups = `
SELECT wenming_lock_rollups();
DELETE FROM rollup_volunteer;
DELETE FROM rollup_honor;
DELETE FROM rollup_activity;
DELETE FROM rollup_assessment;
DELETE FROM rollup_unit_year;
DELETE FROM rollup_volunteer_year;
INSERT INTO rollup_volunteer (month, year, campaign_id, unit_kind, method, verified, demo, volunteers, minutes, records)
SELECT v.month, v.year, coalesce(v.campaign_id, 0), u.kind, v.method, v.verified, v.demo, sum(v.volunteers), sum(v.minutes), count(*)
FROM volunteer_records v JOIN units u ON u.id = v.unit_id GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO rollup_honor (year, category_id, status, recipient_kind, unit_kind, edition, demo, honors)
SELECT h.year, h.category_id, h.status, h.recipient_kind, coalesce(u.kind, ''), coalesce(h.edition, ''), h.demo, count(*)
FROM honors h LEFT JOIN units u ON u.id = h.unit_id GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO rollup_activity (year, kind, demo, activities, sessions, participants)
SELECT year, kind, demo, count(*), sum(sessions), sum(participants) FROM practice_activities GROUP BY 1, 2, 3;
INSERT INTO rollup_assessment (year, demo, assessed, vetoed, total_sum)
SELECT year, demo, count(*), count(*) FILTER (WHERE veto), coalesce(sum(base_score + bonus) FILTER (WHERE NOT veto), 0)
FROM assessments GROUP BY 1, 2;
INSERT INTO rollup_unit_year (unit_id, year, honors, honor_points, volunteers, minutes, verified_minutes, records, sessions, participants)
SELECT unit_id, year, sum(honors), sum(honor_points), sum(volunteers), sum(minutes), sum(verified_minutes), sum(records), sum(sessions), sum(participants)
FROM (
  SELECT h.unit_id, h.year, count(*) AS honors, sum(c.weight) AS honor_points, 0 AS volunteers, 0 AS minutes, 0 AS verified_minutes,
    0 AS records, 0 AS sessions, 0 AS participants
  FROM honors h JOIN honor_categories c ON c.id = h.category_id WHERE h.unit_id IS NOT NULL GROUP BY 1, 2
  UNION ALL
  SELECT unit_id, year, 0, 0, sum(volunteers), sum(minutes), coalesce(sum(minutes) FILTER (WHERE verified), 0), count(*), 0, 0
  FROM volunteer_records GROUP BY 1, 2
  UNION ALL
  SELECT unit_id, year, 0, 0, 0, 0, 0, 0, sum(sessions), sum(participants) FROM practice_activities GROUP BY 1, 2
) parts GROUP BY unit_id, year;
INSERT INTO rollup_volunteer_year (year, campaign_id, unit_kind, method, verified, demo, volunteers, minutes, records)
SELECT year, campaign_id, unit_kind, method, verified, demo, sum(volunteers), sum(minutes), sum(records)
FROM rollup_volunteer GROUP BY 1, 2, 3, 4, 5, 6;
`

// syncIdentities moves every table's id identity past the largest id present, after rows were written with
// explicit ids (a load, a copy from SQLite, a restore from the bin), so that the next insert without an id does not
// collide.
func syncIdentities(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.table_name FROM information_schema.columns c
    WHERE c.table_schema = current_schema() AND c.column_name = 'id' AND c.is_identity = 'YES' ORDER BY 1 LOOP
    EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''), coalesce((SELECT max(id) FROM %I), 0) + 1, false)', t, t);
  END LOOP;
END $$`)
	return err
}

// copyRows streams rows into table through COPY.
func copyRows(ctx context.Context, tx pgx.Tx, table string, cols []string, src pgx.CopyFromSource) error {
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{table}, cols, src); err != nil {
		return fmt.Errorf("%s: %w", table, err)
	}
	return nil
}

// copySlice copies a slice, one row per element.
func copySlice[T any](ctx context.Context, tx pgx.Tx, table string, cols []string, xs []T, row func(int, T) []any) error {
	if len(xs) == 0 {
		return nil
	}
	return copyRows(ctx, tx, table, cols, pgx.CopyFromSlice(len(xs), func(i int) ([]any, error) { return row(i, xs[i]), nil }))
}

// seqSource is a COPY source over a stream, pulled one row at a time.
type seqSource[T any] struct {
	next func() (T, bool)
	row  func(T) []any
	cur  []any
}

func (s *seqSource[T]) Next() bool {
	x, ok := s.next()
	if !ok {
		return false
	}
	s.cur = s.row(x)
	return true
}

func (s *seqSource[T]) Values() ([]any, error) { return s.cur, nil }
func (s *seqSource[T]) Err() error             { return nil }

// copySeq copies a slice and then a stream into the same table.
func copySeq[T any](ctx context.Context, tx pgx.Tx, table string, cols []string, xs []T, seq iter.Seq[T], row func(T) []any) error {
	if err := copySlice(ctx, tx, table, cols, xs, func(_ int, x T) []any { return row(x) }); err != nil {
		return err
	}
	if seq == nil {
		return nil
	}
	next, stop := iter.Pull(seq)
	defer stop()
	return copyRows(ctx, tx, table, cols, &seqSource[T]{next: next, row: row})
}

var (
	honorCols = []string{"id", "category_id", "recipient_kind", "recipient_name", "unit_id", "person_id", "project_id", "work_id", "year",
		"date", "edition", "status", "source_id", "demo"}
	recordCols     = []string{"id", "unit_id", "campaign_id", "service_date", "volunteers", "minutes", "method", "verified", "demo"}
	activityCols   = []string{"id", "unit_id", "center_id", "activity_date", "kind", "theme", "sessions", "participants", "demo", "action"}
	assessmentCols = []string{"id", "unit_id", "year", "base_score", "bonus", "veto", "stage", "demo"}
)

func honorRow(x *db.Honor) []any {
	return []any{x.ID, x.CategoryID, x.RecipientKind, x.RecipientName, x.UnitID, x.PersonID, x.ProjectID, x.WorkID, x.Year, x.Date, x.Edition,
		x.Status, x.SourceID, x.Demo}
}

func recordRow(x *db.VolunteerRecord) []any {
	return []any{x.ID, x.UnitID, x.CampaignID, x.Date, x.Volunteers, x.Minutes, x.Method, x.Verified, x.Demo}
}

func activityRow(x *db.PracticeActivity) []any {
	return []any{x.ID, x.UnitID, x.CenterID, x.Date, x.Kind, x.Theme, x.Sessions, x.Participants, x.Demo, x.Action}
}

func assessmentRow(x *db.Assessment) []any {
	return []any{x.ID, x.UnitID, x.Year, x.BaseScore, x.Bonus, x.Veto, x.Stage, x.Demo}
}

// loadAll writes the tables parents before children, as db/sqlite/load.go does; the streams follow their tables'
// slices. Indicator scores come last, so that they may score streamed assessments too.
func loadAll(ctx context.Context, tx pgx.Tx, b *db.BulkDataset) error {
	ds := b.Base
	if ds == nil {
		ds = &db.Dataset{}
	}
	steps := []func() error{
		func() error {
			return copySlice(ctx, tx, "source_documents", []string{"id", "title", "publisher", "published_on", "url", "demo"}, ds.Sources,
				func(_ int, x *db.SourceDocument) []any {
					return []any{x.ID, x.Title, x.Publisher, x.PublishedOn, x.URL, x.Demo}
				})
		},
		func() error {
			return copySlice(ctx, tx, "published_figures", []string{"id", "key", "position", "section", "label_zh", "label_en", "value", "unit",
				"qualifier", "quote", "source_id", "metric", "note_zh", "statuses", "basis"}, ds.Figures,
				func(i int, x *db.PublishedFigure) []any {
					return []any{x.ID, x.Key, i, x.Section, x.LabelZh, x.LabelEn, x.Value, x.Unit, x.Qualifier, x.Quote, x.SourceID, x.Metric,
						x.NoteZh, db.JoinEnums(x.Statuses), x.Basis.Or(db.BasisPublished)}
				})
		},
		func() error {
			return copySlice(ctx, tx, "honor_categories", []string{"id", "code", "position", "name_zh", "name_en", "level", "recipient_kind",
				"weight", "default_status", "recipient_kinds", "weight_basis", "note_zh"}, ds.Categories,
				func(i int, x *db.HonorCategory) []any {
					kinds := x.RecipientKinds
					if len(kinds) == 0 {
						kinds = []db.RecipientKind{x.RecipientKind}
					}
					return []any{x.ID, x.Code, i, x.NameZh, x.NameEn, x.Level, x.RecipientKind, x.Weight, x.DefaultStatus,
						db.JoinEnums(kinds), x.WeightBasis.Or(db.BasisDefault), x.NoteZh}
				})
		},
		func() error {
			return copySlice(ctx, tx, "units", []string{"id", "name", "kind", "sector", "service_window", "demo"}, ds.Units,
				func(_ int, x *db.Unit) []any { return []any{x.ID, x.Name, x.Kind, x.Sector, x.ServiceWindow, x.Demo} })
		},
		func() error {
			return copySlice(ctx, tx, "people", []string{"id", "name", "unit_id", "citation", "demo"}, ds.People,
				func(_ int, x *db.Person) []any { return []any{x.ID, x.Name, x.UnitID, x.Citation, x.Demo} })
		},
		func() error {
			return copySlice(ctx, tx, "volunteer_projects", []string{"id", "name", "brand", "field", "unit_id", "demo"}, ds.Projects,
				func(_ int, x *db.VolunteerProject) []any {
					return []any{x.ID, x.Name, x.Brand, x.Field, x.UnitID, x.Demo}
				})
		},
		func() error {
			return copySlice(ctx, tx, "works", []string{"id", "title", "kind", "unit_id", "year", "selection", "demo"}, ds.Works,
				func(_ int, x *db.Work) []any {
					return []any{x.ID, x.Title, x.Kind, x.UnitID, x.Year, x.Selection, x.Demo}
				})
		},
		func() error { return copySeq(ctx, tx, "honors", honorCols, ds.Honors, b.Honors, honorRow) },
		func() error {
			return copySlice(ctx, tx, "campaigns", []string{"id", "code", "name_zh", "name_en", "kind", "start_date", "end_date", "description",
				"start_basis", "end_basis"}, ds.Campaigns,
				func(_ int, x *db.Campaign) []any {
					return []any{x.ID, x.Code, x.NameZh, x.NameEn, x.Kind, x.StartDate, x.EndDate, x.Description,
						x.StartBasis.Or(db.BasisOffice), x.EndBasis.Or(db.BasisOffice)}
				})
		},
		func() error {
			return copySeq(ctx, tx, "volunteer_records", recordCols, ds.VolunteerRecords, b.VolunteerRecords, recordRow)
		},
		func() error {
			return copySlice(ctx, tx, "donations", []string{"id", "campaign_id", "unit_id", "kind", "amount", "boxes", "batch", "donation_date",
				"description", "demo"}, ds.Donations,
				func(_ int, x *db.Donation) []any {
					return []any{x.ID, x.CampaignID, x.UnitID, x.Kind, int64(x.Amount), x.Boxes, x.Batch, x.Date, x.Description, x.Demo}
				})
		},
		func() error {
			return copySlice(ctx, tx, "federation_members", []string{"id", "is_group", "name", "joined_year", "demo"}, ds.Federation,
				func(_ int, x *db.FederationMember) []any { return []any{x.ID, x.Group, x.Name, x.JoinedYear, x.Demo} })
		},
		func() error {
			return copySlice(ctx, tx, "practice_centers", []string{"id", "code", "name", "county", "prefecture", "prefecture_code", "identified",
				"note"}, ds.Centers,
				func(_ int, x *db.PracticeCenter) []any {
					return []any{x.ID, x.Code, x.Name, x.County, x.Prefecture, x.PrefectureCode, x.Identified, x.Note}
				})
		},
		func() error {
			return copySlice(ctx, tx, "practice_links", []string{"id", "unit_id", "center_id", "since_year", "demo"}, ds.Links,
				func(_ int, x *db.PracticeLink) []any { return []any{x.ID, x.UnitID, x.CenterID, x.SinceYear, x.Demo} })
		},
		func() error {
			return copySlice(ctx, tx, "pairings", []string{"id", "unit_id", "township", "center_id", "since_year", "demo"}, ds.Pairings,
				func(_ int, x *db.Pairing) []any {
					return []any{x.ID, x.UnitID, x.Township, x.CenterID, x.SinceYear, x.Demo}
				})
		},
		func() error {
			return copySeq(ctx, tx, "practice_activities", activityCols, ds.Activities, b.Activities, activityRow)
		},
		func() error {
			return copySlice(ctx, tx, "assessment_indicators", []string{"year", "code", "position", "name_zh", "name_en", "max_score", "basis"},
				ds.Indicators, func(i int, x *db.AssessmentIndicator) []any {
					return []any{x.Year, x.Code, i, x.NameZh, x.NameEn, x.MaxScore, x.Basis.Or(db.BasisDefault)}
				})
		},
		func() error {
			return copySeq(ctx, tx, "assessments", assessmentCols, ds.Assessments, b.Assessments, assessmentRow)
		},
		func() error {
			return copySlice(ctx, tx, "ranking_weights", []string{"from_year", "component", "label_zh", "weight", "basis"}, ds.Weights,
				func(_ int, x *db.RankingWeight) []any {
					return []any{x.FromYear, x.Component, x.LabelZh, x.Weight, x.Basis.Or(db.BasisDefault)}
				})
		},
		func() error {
			return copySlice(ctx, tx, "milestones", []string{"id", "date", "precision", "title_zh", "title_en", "kind", "end_date", "source_id",
				"date_basis"}, ds.Milestones,
				func(_ int, x *db.Milestone) []any {
					return []any{x.ID, x.Date, x.Precision, x.TitleZh, x.TitleEn, x.Kind, x.EndDate, x.SourceID,
						x.DateBasis.Or(db.BasisPublished)}
				})
		},
		func() error {
			return copySlice(ctx, tx, "targets", []string{"id", "metric", "year", "value", "demo", "basis"}, ds.Targets,
				func(_ int, x *db.Target) []any {
					return []any{x.ID, x.Metric, x.Year, x.Value, x.Demo, x.Basis.Or(db.BasisOffice)}
				})
		},
		func() error { return loadArticle(ctx, tx, &ds.Article) },
		func() error { return loadScores(ctx, tx, ds.Scores) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// loadArticle writes the article's entities (db/sqlite/article.go's loader part).
func loadArticle(ctx context.Context, tx pgx.Tx, a *db.ArticleData) error {
	if err := copySlice(ctx, tx, "practice_actions", []string{"code", "position", "name_zh", "name_en", "identified", "quote", "source_id", "note"},
		a.Actions, func(_ int, x *db.PracticeActionInfo) []any {
			return []any{x.Code, x.Position, x.NameZh, x.NameEn, x.Identified, x.Quote, x.SourceID, x.Note}
		}); err != nil {
		return err
	}
	var contents [][]any
	for pid, items := range a.PairingContents {
		for _, it := range items {
			contents = append(contents, []any{pid, it})
		}
	}
	if len(contents) > 0 {
		if err := copyRows(ctx, tx, "pairing_contents", []string{"pairing_id", "item"}, pgx.CopyFromRows(contents)); err != nil {
			return err
		}
	}
	if err := copySlice(ctx, tx, "wishes", []string{"id", "title", "beneficiary", "pairing_id", "stage", "unit_id", "collected_on", "note", "demo"},
		a.Wishes, func(_ int, x *db.Wish) []any {
			return []any{x.ID, x.Title, x.Beneficiary, x.PairingID, x.Stage, x.UnitID, x.CollectedOn, x.Note, x.Demo}
		}); err != nil {
		return err
	}
	if err := copySlice(ctx, tx, "case_compilations", []string{"id", "title", "quote", "source_id", "demo"}, a.Compilations,
		func(_ int, x *db.CaseCompilation) []any { return []any{x.ID, x.Title, x.Quote, x.SourceID, x.Demo} }); err != nil {
		return err
	}
	if err := copySlice(ctx, tx, "excellent_cases", []string{"id", "compilation_id", "title", "unit_id", "year", "summary", "demo"}, a.Cases,
		func(_ int, x *db.ExcellentCase) []any {
			return []any{x.ID, x.CompilationID, x.Title, x.UnitID, x.Year, x.Summary, x.Demo}
		}); err != nil {
		return err
	}
	if err := copySlice(ctx, tx, "talent_members", []string{"id", "name", "unit_id", "since_year", "roles", "demo"}, a.TalentMembers,
		func(_ int, x *db.TalentMember) []any {
			return []any{x.ID, x.Name, x.UnitID, x.SinceYear, db.TalentRolesJSON(x.Roles), x.Demo}
		}); err != nil {
		return err
	}
	return copySlice(ctx, tx, "civilisation_events", []string{"id", "kind", "title", "event_date", "place", "milestone_id", "quote", "source_id",
		"demo"}, a.Events, func(_ int, x *db.CivilisationEvent) []any {
		return []any{x.ID, x.Kind, x.Title, x.Date, x.Place, x.MilestoneID, x.Quote, x.SourceID, x.Demo}
	})
}

// loadScores writes indicator scores with the indicator version in force for each assessment's year, through a
// staging table; a score whose assessment is absent is skipped, as in SQLite.
func loadScores(ctx context.Context, tx pgx.Tx, scores []*db.IndicatorScore) error {
	if len(scores) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `CREATE TEMP TABLE load_scores (assessment_id bigint, code text, score numeric) ON COMMIT DROP`); err != nil {
		return err
	}
	if err := copySlice(ctx, tx, "load_scores", []string{"assessment_id", "code", "score"}, scores,
		func(_ int, x *db.IndicatorScore) []any { return []any{x.AssessmentID, x.Code, x.Score} }); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `INSERT INTO indicator_scores (assessment_id, version_year, code, score)
		SELECT a.id, (SELECT max(i.year) FROM assessment_indicators i WHERE i.year <= a.year), s.code, s.score
		FROM load_scores s JOIN assessments a ON a.id = s.assessment_id`)
	return err
}
