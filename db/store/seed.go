package store

import (
	"iter"

	"github.com/wenming/wenming/db"
)

// SeedTable is one table of a dataset as an engine bulk-writes it (SQLite in multi-row INSERTs, PostgreSQL with
// COPY): its name, its columns, and its rows in order.
type SeedTable struct {
	Name string
	Cols []string
	Rows iter.Seq[[]any]
}

// seed is a table of rows from a slice and, for the large tables, a stream after it.
func seed[T any](name string, cols []string, xs []T, stream iter.Seq[T], row func(i int, x T) []any) SeedTable {
	return SeedTable{Name: name, Cols: cols, Rows: func(yield func([]any) bool) {
		for i, x := range xs {
			if !yield(row(i, x)) {
				return
			}
		}
		if stream == nil {
			return
		}
		i := len(xs)
		for x := range stream {
			if !yield(row(i, x)) {
				return
			}
			i++
		}
	}}
}

// SeedTables lists the tables of a dataset, parents before children, each large table's stream after its slice.
// Indicator scores are left to the engine: their indicator version follows from the assessment's year, which only
// the database knows once the streamed assessments are in.
func SeedTables(b *db.BulkDataset) []SeedTable {
	ds := b.Base
	if ds == nil {
		ds = &db.Dataset{}
	}
	a := &ds.Article
	var contents [][2]any
	for pid, items := range a.PairingContents {
		for _, it := range items {
			contents = append(contents, [2]any{pid, it})
		}
	}
	return []SeedTable{
		seed("source_documents", []string{"id", "title", "publisher", "published_on", "url", "demo"}, ds.Sources, nil,
			func(_ int, x *db.SourceDocument) []any {
				return []any{x.ID, x.Title, x.Publisher, x.PublishedOn, x.URL, x.Demo}
			}),
		seed("published_figures", []string{"id", "key", "position", "section", "label_zh", "label_en", "value", "unit", "qualifier", "quote",
			"source_id", "metric", "note_zh", "statuses", "basis"}, ds.Figures, nil,
			func(i int, x *db.PublishedFigure) []any {
				return []any{x.ID, x.Key, i, x.Section, x.LabelZh, x.LabelEn, x.Value, x.Unit, x.Qualifier, x.Quote, x.SourceID, x.Metric,
					x.NoteZh, db.JoinEnums(x.Statuses), x.Basis.Or(db.BasisPublished)}
			}),
		seed("honor_categories", []string{"id", "code", "position", "name_zh", "name_en", "level", "recipient_kind", "weight", "default_status",
			"recipient_kinds", "weight_basis", "note_zh"}, ds.Categories, nil,
			func(i int, x *db.HonorCategory) []any {
				kinds := x.RecipientKinds
				if len(kinds) == 0 {
					kinds = []db.RecipientKind{x.RecipientKind}
				}
				return []any{x.ID, x.Code, i, x.NameZh, x.NameEn, x.Level, x.RecipientKind, x.Weight, x.DefaultStatus,
					db.JoinEnums(kinds), x.WeightBasis.Or(db.BasisDefault), x.NoteZh}
			}),
		seed("units", []string{"id", "name", "kind", "sector", "service_window", "demo"}, ds.Units, nil,
			func(_ int, x *db.Unit) []any { return []any{x.ID, x.Name, x.Kind, x.Sector, x.ServiceWindow, x.Demo} }),
		seed("people", []string{"id", "name", "unit_id", "citation", "demo"}, ds.People, nil,
			func(_ int, x *db.Person) []any { return []any{x.ID, x.Name, x.UnitID, x.Citation, x.Demo} }),
		seed("volunteer_projects", []string{"id", "name", "brand", "field", "unit_id", "demo"}, ds.Projects, nil,
			func(_ int, x *db.VolunteerProject) []any {
				return []any{x.ID, x.Name, x.Brand, x.Field, x.UnitID, x.Demo}
			}),
		seed("works", []string{"id", "title", "kind", "unit_id", "year", "selection", "demo"}, ds.Works, nil,
			func(_ int, x *db.Work) []any {
				return []any{x.ID, x.Title, x.Kind, x.UnitID, x.Year, x.Selection, x.Demo}
			}),
		seed("honors", []string{"id", "category_id", "recipient_kind", "recipient_name", "unit_id", "person_id", "project_id", "work_id", "year",
			"date", "edition", "status", "source_id", "demo"}, ds.Honors, b.Honors,
			func(_ int, x *db.Honor) []any {
				return []any{x.ID, x.CategoryID, x.RecipientKind, x.RecipientName, x.UnitID, x.PersonID, x.ProjectID, x.WorkID, x.Year, x.Date,
					x.Edition, x.Status, x.SourceID, x.Demo}
			}),
		seed("campaigns", []string{"id", "code", "name_zh", "name_en", "kind", "start_date", "end_date", "description", "start_basis",
			"end_basis"}, ds.Campaigns, nil,
			func(_ int, x *db.Campaign) []any {
				return []any{x.ID, x.Code, x.NameZh, x.NameEn, x.Kind, x.StartDate, x.EndDate, x.Description,
					x.StartBasis.Or(db.BasisOffice), x.EndBasis.Or(db.BasisOffice)}
			}),
		seed("volunteer_records", []string{"id", "unit_id", "campaign_id", "service_date", "volunteers", "minutes", "method", "verified", "demo"},
			ds.VolunteerRecords, b.VolunteerRecords,
			func(_ int, x *db.VolunteerRecord) []any {
				return []any{x.ID, x.UnitID, x.CampaignID, x.Date, x.Volunteers, x.Minutes, x.Method, x.Verified, x.Demo}
			}),
		seed("donations", []string{"id", "campaign_id", "unit_id", "kind", "amount", "boxes", "batch", "donation_date", "description", "demo"},
			ds.Donations, nil,
			func(_ int, x *db.Donation) []any {
				return []any{x.ID, x.CampaignID, x.UnitID, x.Kind, int64(x.Amount), x.Boxes, x.Batch, x.Date, x.Description, x.Demo}
			}),
		seed("federation_members", []string{"id", "is_group", "name", "joined_year", "demo"}, ds.Federation, nil,
			func(_ int, x *db.FederationMember) []any { return []any{x.ID, x.Group, x.Name, x.JoinedYear, x.Demo} }),
		seed("practice_centers", []string{"id", "code", "name", "county", "prefecture", "prefecture_code", "identified", "note"}, ds.Centers, nil,
			func(_ int, x *db.PracticeCenter) []any {
				return []any{x.ID, x.Code, x.Name, x.County, x.Prefecture, x.PrefectureCode, x.Identified, x.Note}
			}),
		seed("practice_links", []string{"id", "unit_id", "center_id", "since_year", "demo"}, ds.Links, nil,
			func(_ int, x *db.PracticeLink) []any { return []any{x.ID, x.UnitID, x.CenterID, x.SinceYear, x.Demo} }),
		seed("pairings", []string{"id", "unit_id", "township", "center_id", "since_year", "demo"}, ds.Pairings, nil,
			func(_ int, x *db.Pairing) []any {
				return []any{x.ID, x.UnitID, x.Township, x.CenterID, x.SinceYear, x.Demo}
			}),
		seed("practice_activities", []string{"id", "unit_id", "center_id", "activity_date", "kind", "theme", "sessions", "participants", "demo",
			"action"}, ds.Activities, b.Activities,
			func(_ int, x *db.PracticeActivity) []any {
				return []any{x.ID, x.UnitID, x.CenterID, x.Date, x.Kind, x.Theme, x.Sessions, x.Participants, x.Demo, x.Action}
			}),
		seed("assessment_indicators", []string{"year", "code", "position", "name_zh", "name_en", "max_score", "basis"}, ds.Indicators, nil,
			func(i int, x *db.AssessmentIndicator) []any {
				return []any{x.Year, x.Code, i, x.NameZh, x.NameEn, x.MaxScore, x.Basis.Or(db.BasisDefault)}
			}),
		seed("assessments", []string{"id", "unit_id", "year", "base_score", "bonus", "veto", "stage", "demo"}, ds.Assessments, b.Assessments,
			func(_ int, x *db.Assessment) []any {
				return []any{x.ID, x.UnitID, x.Year, x.BaseScore, x.Bonus, x.Veto, x.Stage, x.Demo}
			}),
		seed("ranking_weights", []string{"from_year", "component", "label_zh", "weight", "basis"}, ds.Weights, nil,
			func(_ int, x *db.RankingWeight) []any {
				return []any{x.FromYear, x.Component, x.LabelZh, x.Weight, x.Basis.Or(db.BasisDefault)}
			}),
		seed("milestones", []string{"id", "date", "precision", "title_zh", "title_en", "kind", "end_date", "source_id", "date_basis"},
			ds.Milestones, nil,
			func(_ int, x *db.Milestone) []any {
				return []any{x.ID, x.Date, x.Precision, x.TitleZh, x.TitleEn, x.Kind, x.EndDate, x.SourceID, x.DateBasis.Or(db.BasisPublished)}
			}),
		seed("targets", []string{"id", "metric", "year", "value", "demo", "basis"}, ds.Targets, nil,
			func(_ int, x *db.Target) []any {
				return []any{x.ID, x.Metric, x.Year, x.Value, x.Demo, x.Basis.Or(db.BasisOffice)}
			}),
		seed("practice_actions", []string{"code", "position", "name_zh", "name_en", "identified", "quote", "source_id", "note"}, a.Actions, nil,
			func(_ int, x *db.PracticeActionInfo) []any {
				return []any{x.Code, x.Position, x.NameZh, x.NameEn, x.Identified, x.Quote, x.SourceID, x.Note}
			}),
		seed("pairing_contents", []string{"pairing_id", "item"}, contents, nil, func(_ int, x [2]any) []any { return x[:] }),
		seed("wishes", []string{"id", "title", "beneficiary", "pairing_id", "stage", "unit_id", "collected_on", "note", "demo"}, a.Wishes, nil,
			func(_ int, x *db.Wish) []any {
				return []any{x.ID, x.Title, x.Beneficiary, x.PairingID, x.Stage, x.UnitID, x.CollectedOn, x.Note, x.Demo}
			}),
		seed("case_compilations", []string{"id", "title", "quote", "source_id", "demo"}, a.Compilations, nil,
			func(_ int, x *db.CaseCompilation) []any { return []any{x.ID, x.Title, x.Quote, x.SourceID, x.Demo} }),
		seed("excellent_cases", []string{"id", "compilation_id", "title", "unit_id", "year", "summary", "demo"}, a.Cases, nil,
			func(_ int, x *db.ExcellentCase) []any {
				return []any{x.ID, x.CompilationID, x.Title, x.UnitID, x.Year, x.Summary, x.Demo}
			}),
		seed("talent_members", []string{"id", "name", "unit_id", "since_year", "roles", "demo"}, a.TalentMembers, nil,
			func(_ int, x *db.TalentMember) []any {
				return []any{x.ID, x.Name, x.UnitID, x.SinceYear, db.TalentRolesJSON(x.Roles), x.Demo}
			}),
		seed("civilisation_events", []string{"id", "kind", "title", "event_date", "place", "milestone_id", "quote", "source_id", "demo"},
			a.Events, nil,
			func(_ int, x *db.CivilisationEvent) []any {
				return []any{x.ID, x.Kind, x.Title, x.Date, x.Place, x.MilestoneID, x.Quote, x.SourceID, x.Demo}
			}),
	}
}
