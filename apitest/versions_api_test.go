package apitest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
)

// aggregateQueries are the dashboard's aggregates, read after each write: the overview page as the browser sends
// it, and every statistic, ranking and summary the other pages show.
func aggregateQueries(t *testing.T) map[string]string {
	t.Helper()
	qs := map[string]string{
		"honorStats":            `{ honorStats(groupBy: [YEAR, LEVEL, UNIT_KIND]) { year level unitKind count points } }`,
		"volunteerStats":        `{ volunteerStats(groupBy: [YEAR, CAMPAIGN, UNIT_KIND]) { year campaign unitKind volunteers minutes records } }`,
		"rankingsCreation":      `{ rankings(year: 2024, metric: CREATION_INDEX, first: 20) { rank unit { id name } score breakdown { key raw weight } } }`,
		"rankingsVolunteer":     `{ rankings(year: 2023, metric: VOLUNTEER_HOURS, first: 20) { rank unit { id } score } }`,
		"rankingsHonors":        `{ rankings(year: 2023, metric: HONOR_POINTS, first: 20) { rank unit { id } score } }`,
		"rankingsAssessment":    `{ rankings(year: 2023, metric: ASSESSMENT_SCORE, first: 20, order: BOTTOM) { rank unit { id } score } }`,
		"progressHours":         `{ progress(metric: VOLUNTEER_HOURS, cumulative: true) { year value target } }`,
		"progressHonors":        `{ progress(metric: HONORS_TOTAL) { year value target } }`,
		"progressAssessment":    `{ progress(metric: AVERAGE_ASSESSMENT_SCORE) { year value target } }`,
		"progressPractice":      `{ progress(metric: PRACTICE_ACTIVITIES) { year value target } }`,
		"practiceSummary":       `{ practiceSummary { centers linkedUnits activitySessions participants byPrefecture { prefecture linkedUnits activitySessions } } }`,
		"practiceActivityStats": `{ practiceActivityStats { year kind activities sessions participants } }`,
		"assessmentStageStats":  `{ assessmentStageStats { year stage count } }`,
		"campaigns":             `{ campaigns { code volunteers minutes donorUnits } }`,
		"unitKinds":             `{ unitKinds { kind count } }`,
		"dataset":               `{ dataset { hasDemo demoRecords version } }`,
		"reconciliation":        `{ reconciliation { figure { key } recordedValue status } }`,
		"unitsWithTotals":       `{ units(first: 50) { totalCount edges { node { id name kind volunteerTotals { minutes records } honors { id } } } } }`,
	}
	// The overview page, as the browser sends it.
	for _, f := range []string{"Overview.graphql", "Progress.graphql", "Dataset.graphql"} {
		b, err := os.ReadFile(filepath.Join("../frontend/src/graphql", f))
		if err != nil {
			t.Fatal(err)
		}
		qs["page:"+f] = string(b)
	}
	return qs
}

// pageVars are the variables the overview page's operations take.
var pageVars = map[string]any{"from": 2019, "to": 2024, "cumulative": false}

// TestAggregatesCurrentAfterWrites writes each kind of record as another process would (a second opening of the
// database, so that only the data versions tell the server), and reads every aggregate from the server with its
// caches and from a second server over the same database without them: the answers must be equal after each
// write, on either backend.
func TestAggregatesCurrentAfterWrites(t *testing.T) {
	cached := MustRunMain(t)
	plain := MustRunMain(t, func(c *MainConfig) { c.DBPath = cached.Config.DBPath; c.Cache = false })
	queries := aggregateQueries(t)
	ask := func(base, name string) string {
		vars := map[string]any(nil)
		if len(name) > 5 && name[:5] == "page:" {
			vars = pageVars
		}
		data, errs := GQL(t, base, queries[name], vars)
		if len(errs) > 0 {
			t.Fatalf("%s: %+v", name, errs)
		}
		return string(data)
	}
	// Fill every cache.
	for range 2 {
		for name := range queries {
			ask(cached.URL(), name)
		}
	}
	b, err := dial.Open(context.Background(), cached.Config.DBPath)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	editor := db.WithPrincipal(context.Background(), &db.Principal{Username: "elsewhere", Role: db.RoleEditor, Via: "cli"})
	admin := db.WithPrincipal(context.Background(), &db.Principal{Username: "elsewhere-admin", Role: db.RoleAdmin, Via: "cli"})
	units, err := b.Units(editor, db.UnitCriteria{}, db.Page{First: 2})
	if err != nil || len(units.Edges) < 2 {
		t.Fatalf("units: %v", err)
	}
	u1, u2 := units.Edges[0].Node, units.Edges[1].Node
	var recordID int64
	writes := []struct {
		name  string
		write func() error
	}{
		{"VolunteerRecord", func() error {
			r, err := b.CreateVolunteerRecord(editor, db.VolunteerRecordFields{UnitID: u1.ID, Date: "2023-06-30", Volunteers: 5, Minutes: 300 * 60, Method: db.MethodShift})
			if r != nil {
				recordID = r.ID
			}
			return err
		}},
		{"VolunteerRecordMovedToAnotherYear", func() error {
			_, err := b.UpdateVolunteerRecord(editor, recordID, 1, db.VolunteerRecordFields{UnitID: u2.ID, Date: "2024-01-02", Volunteers: 5, Minutes: 300 * 60, Method: db.MethodShift})
			return err
		}},
		{"Honor", func() error {
			_, err := b.CreateHonor(editor, db.HonorFields{CategoryCode: "PROVINCIAL_UNIT", UnitID: &u1.ID, Year: 2023})
			return err
		}},
		{"Assessment", func() error {
			p, err := b.Assessments(editor, db.AssessmentCriteria{Year: 2023}, db.Page{First: 1})
			if err != nil || len(p.Edges) == 0 {
				t.Fatalf("no 2023 assessment to change: %v", err)
			}
			x := p.Edges[0].Node
			_, err = b.UpdateAssessment(editor, x.ID, x.Version, db.AssessmentFields{UnitID: x.UnitID, Year: x.Year, BaseScore: 1, Bonus: 0, Stage: x.Stage})
			return err
		}},
		{"PracticeActivity", func() error {
			_, err := b.CreatePracticeActivity(editor, db.PracticeActivityFields{UnitID: u1.ID, Date: "2023-05-01", Kind: db.ActivityRoutine, Theme: "宣讲", Sessions: 4, Participants: 80})
			return err
		}},
		{"Target", func() error {
			_, err := b.CreateTarget(admin, db.TargetFields{Metric: db.ProgressVolunteerHours, Year: 2025, Value: 1e6})
			return err
		}},
		{"HonorCategoryPoints", func() error {
			_, err := b.SetHonorCategoryPoints(admin, "PROVINCIAL_UNIT", 9)
			return err
		}},
		{"UnitKind", func() error {
			kind := "国有企业"
			if u1.Kind == kind {
				kind = "机关"
			}
			_, err := b.UpdateUnit(editor, u1.ID, u1.Version, db.UnitFields{Name: u1.Name, Kind: kind, Sector: u1.Sector})
			return err
		}},
		{"DeleteVolunteerRecord", func() error {
			_, err := b.DeleteRecord(editor, db.EntityVolunteerRecord, recordID, 2)
			return err
		}},
	}
	for _, w := range writes {
		t.Run(w.name, func(t *testing.T) {
			before := map[string]string{}
			for name := range queries {
				before[name] = ask(plain.URL(), name)
			}
			if err := w.write(); err != nil {
				t.Fatal(err)
			}
			moved := 0
			for name := range queries {
				if ask(plain.URL(), name) != before[name] {
					moved++
				}
			}
			if moved == 0 {
				t.Fatalf("%s changed no aggregate: the case proves nothing", w.name)
			}
			for name := range queries {
				var got, want string
				if !eventually(cached, func() bool {
					got, want = ask(cached.URL(), name), ask(plain.URL(), name)
					return got == want
				}) {
					t.Errorf("after %s, %s from the caches:\n%s\nwant the current answer:\n%s", w.name, name, got, want)
				}
			}
		})
	}
}
