package apitest

import (
	"strings"
	"sync"
	"testing"
)

// smokeQueries touch every root field with nested selections; each must answer without errors on any dataset.
var smokeQueries = map[string]string{
	"figures":     `{ sourceDocuments { id title } publishedFigures { key value source { title } } reconciliation { status recordedValue } }`,
	"overview":    `{ overview { fromYear toYear includesDemo kpis { key value published { key } } } dataset { hasDemo demoRecords version firstYear lastYear } }`,
	"progress":    `{ a: progress(metric: HONORS_TOTAL, cumulative: true) { year value target } b: progress(metric: AVERAGE_ASSESSMENT_SCORE) { year value } targets { id metric year value } }`,
	"honors":      `{ honors(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { node { id category { code } unit { id } person { id } source { id } } } } honorStats(groupBy: [YEAR, LEVEL, CATEGORY]) { count points } honorCategories { code } }`,
	"volunteer":   `{ volunteerStats(groupBy: [CAMPAIGN, YEAR]) { campaign year volunteers hours cashDonations } volunteerRecords(first: 5) { totalCount edges { node { id unit { id } campaign { code } } } } }`,
	"rankings":    `{ a: rankings(metric: CREATION_INDEX) { rank score unit { id } breakdown { key } } b: rankings(metric: ASSESSMENT_SCORE, order: BOTTOM) { rank } rankingWeights { component weight } }`,
	"units":       `{ units(first: 5) { totalCount edges { node { id honors { id } volunteerTotals { hours } assessments { total scores { score } } practiceLinks { center { name } } pairings { township } } } } unitKinds { kind count } }`,
	"people":      `{ people(first: 5) { totalCount edges { node { id honors { id } unit { id } } } } }`,
	"campaigns":   `{ campaigns { code volunteers hours cashDonations materialDonations boxes batches donorUnits donations { id amount } } volunteerProjects { name honors { id } unit { id } } federation { groupMembers individualMembers byYear { year } } }`,
	"practice":    `{ practiceCenters { id name activitySessions links { unit { id } } } practiceSummary { centers linkedUnits byPrefecture { prefecture centers } } practiceActivityStats { year kind sessions } workStats { year selection count } }`,
	"assessments": `{ assessmentIndicators(year: 2024) { code maxScore } assessmentStageStats { year stage count } milestones { date titleZh source { title } } }`,
}

func runSmoke(t *testing.T, base string) {
	for name, q := range smokeQueries {
		t.Run(name, func(t *testing.T) {
			if _, errs := GQL(t, base, q, nil); len(errs) > 0 {
				t.Errorf("errors %+v", errs)
			}
		})
	}
}

// The real dataset alone has the catalogue, figures and centres but no records; every query must still work.
func TestRealDatasetOnly(t *testing.T) {
	m := MustRunMain(t, func(c *MainConfig) { c.Demo = false })
	base := m.URL()
	runSmoke(t, base)

	t.Run("Counts", func(t *testing.T) {
		r := Query[struct {
			Honors           struct{ TotalCount int }
			Units            struct{ TotalCount int }
			PracticeCenters  []struct{ ID string }
			HonorCategories  []struct{ Code string }
			PublishedFigures []struct{ Key string }
			Campaigns        []struct {
				Volunteers    int
				CashDonations string
			}
			Rankings []struct{ Rank int }
			Overview struct{ IncludesDemo bool }
		}](t, base, `{ honors { totalCount } units { totalCount } practiceCenters { id } honorCategories { code } publishedFigures { key }
			campaigns { volunteers cashDonations } rankings(metric: HONOR_POINTS) { rank } overview { includesDemo } }`, nil)
		if r.Honors.TotalCount != 0 || r.Units.TotalCount != 0 || len(r.Rankings) != 0 || r.Overview.IncludesDemo {
			t.Errorf("records in the real-only dataset: %+v", r)
		}
		if len(r.PracticeCenters) != 158 || len(r.HonorCategories) != 26 || len(r.PublishedFigures) != 45 || len(r.Campaigns) != 3 {
			t.Errorf("real data missing: %d centres, %d categories, %d figures, %d campaigns",
				len(r.PracticeCenters), len(r.HonorCategories), len(r.PublishedFigures), len(r.Campaigns))
		}
		for _, c := range r.Campaigns {
			if c.Volunteers != 0 || c.CashDonations != "0" {
				t.Errorf("campaign totals without records: %+v", c)
			}
		}
	})
}

func TestDemoDatasetSmoke(t *testing.T) {
	runSmoke(t, MustRunMain(t).URL())
}

// A restart on the same file keeps the data and does not seed a second time.
func TestRestartKeepsData(t *testing.T) {
	path := testDB(t)
	const q = `{ dataset { hasDemo demoRecords version } honors { totalCount } units { totalCount } publishedFigures { id } }`
	first := MustRunMain(t, func(c *MainConfig) { c.DBPath = path })
	before, errs := GQL(t, first.URL(), q, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	// Demo=false on restart must not matter: the database is not empty, so nothing is loaded or removed.
	second := MustRunMain(t, func(c *MainConfig) { c.DBPath = path; c.Demo = false })
	after, errs := GQL(t, second.URL(), q, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if string(before) != string(after) {
		t.Errorf("data changed across a restart:\n%s\n%s", before, after)
	}
}

// Concurrent requests each get their own loaders and read pool connection, and agree with a lone request.
func TestConcurrentReads(t *testing.T) {
	m := MustRunMain(t)
	const q = `{ honors(first: 50, orderBy: {field: RECIPIENT}) { edges { node { id unit { name honors { id } } person { name } category { code } } } }
		rankings(metric: CREATION_INDEX, first: 50) { rank unit { name } } }`
	want, errs := GQL(t, m.URL(), q, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []string
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 5; j++ {
				got, errs := GQL(t, m.URL(), q, nil)
				if len(errs) > 0 || string(got) != string(want) {
					mu.Lock()
					failures = append(failures, strings.TrimSpace(mustJSON(t, errs)))
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if len(failures) > 0 {
		t.Errorf("%d of 80 concurrent requests differed or failed: %v", len(failures), failures[0])
	}
}
