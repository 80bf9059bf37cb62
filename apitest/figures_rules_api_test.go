package apitest

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFigureRulesAPI checks, through the API, what each figure counts and the basis of every value (issue 8).
func TestFigureRulesAPI(t *testing.T) {
	m := SharedMain(t)
	base := m.URL()

	type fig struct {
		Key, Section, LabelEn, Unit, Qualifier, Basis, NoteZh string
		Statuses                                              []string
	}
	figs := map[string]fig{}
	for _, f := range Query[struct{ PublishedFigures []fig }](t, base,
		`{ publishedFigures { key section labelEn unit qualifier basis noteZh statuses } }`, nil).PublishedFigures {
		figs[f.Key] = f
	}

	t.Run("FiguresStoreTheirStatuses", func(t *testing.T) {
		for key, want := range map[string]string{
			"national_units": "AWARDED", "treat_national": "TREATMENT_RECOGNISED", "practice_excellent_projects": "AWARDED",
			"moral_model_candidates": "RECOMMENDED", "provincial_service_stars": "RECOMMENDED",
		} {
			if got := figs[key].Statuses; len(got) != 1 || got[0] != want {
				t.Errorf("%s statuses = %v, want [%s]", key, got, want)
			}
		}
		for key, f := range figs {
			if f.Basis != "PUBLISHED" {
				t.Errorf("%s basis = %s, want PUBLISHED", key, f.Basis)
			}
		}
	})

	t.Run("SectionsAreTheArticlesHeadings", func(t *testing.T) {
		want := map[string]bool{"一、高举旗帜、强化武装,筑牢理想信念根基": true, "二、价值引领、立德树人,文明培育入脑入心": true,
			"三、拓面提质、深化内涵,文明实践汇聚力量": true, "四、围绕中心、服务群众,文明创建提质增效": true}
		for key, f := range figs {
			if !want[f.Section] {
				t.Errorf("%s section %q is not one of the article's headings", key, f.Section)
			}
		}
	})

	t.Run("VolunteersArePeopleRecordsArePersonTimes", func(t *testing.T) {
		for _, key := range []string{"covid_volunteers", "flood_volunteers"} {
			if f := figs[key]; f.Unit != "名" || !strings.Contains(f.NoteZh, "记录为人次") || !strings.HasPrefix(f.LabelEn, "Provincial-direct") {
				t.Errorf("%s = %+v", key, f)
			}
		}
	})

	type kpi struct {
		Key, LabelZh, Unit, NoteZh, NoteEn string
		Value                              float64
		Published                          *struct{ Key string }
		Companion                          *struct {
			Key   string
			Value float64
		}
	}
	kpis := map[string]kpi{}
	for _, k := range Query[struct{ Overview struct{ Kpis []kpi } }](t, base,
		`{ overview { kpis { key labelZh unit noteZh noteEn value published { key } companion { key value } } } }`, nil).Overview.Kpis {
		kpis[k.Key] = k
	}

	t.Run("UnitCardsSayTheyLeaveCampusesOut", func(t *testing.T) {
		for key, want := range map[string]struct {
			label    string
			campuses float64
		}{"provincial_model_units": {"河南省文明单位标兵（单位）", 6}, "provincial_units": {"河南省文明单位（单位）", 7}} {
			k := kpis[key]
			if k.LabelZh != want.label || k.Companion == nil || k.Companion.Value != want.campuses {
				t.Errorf("%s = %+v, want %s beside %v campuses", key, k, want.label, want.campuses)
			}
		}
	})

	t.Run("PersonTimesNeverLabelledMing", func(t *testing.T) {
		for _, key := range []string{"volunteers", "covid_volunteers"} {
			k := kpis[key]
			if k.Unit != "人次" || k.NoteZh != "记录为人次" || k.NoteEn == "" {
				t.Errorf("%s = %+v, want unit 人次 and note 记录为人次", key, k)
			}
		}
	})

	t.Run("HoursRoundedMinutesWhole", func(t *testing.T) {
		type totals struct {
			Hours, VerifiedHours float64
			Minutes              int
		}
		rows := Query[struct{ VolunteerStats []totals }](t, base,
			`{ volunteerStats(groupBy: [UNIT]) { hours verifiedHours minutes } }`, nil).VolunteerStats
		if len(rows) == 0 {
			t.Fatal("no volunteer buckets")
		}
		for _, r := range rows {
			if twoDecimals(r.Hours) != r.Hours || twoDecimals(r.VerifiedHours) != r.VerifiedHours {
				t.Fatalf("hours not rounded to two decimals: %+v", r)
			}
			if math.Abs(float64(r.Minutes)/60-r.Hours) > 0.005 {
				t.Fatalf("minutes %d disagree with hours %v", r.Minutes, r.Hours)
			}
		}
		progress := Query[struct{ Progress []struct{ Value float64 } }](t, base, `{ progress(metric: VOLUNTEER_HOURS) { value } }`, nil).Progress
		for _, p := range progress {
			if twoDecimals(p.Value) != p.Value {
				t.Fatalf("progress hours %v not rounded", p.Value)
			}
		}
	})

	t.Run("ConfigurationCarriesItsBasis", func(t *testing.T) {
		type campaign struct{ Code, StartBasis, EndBasis string }
		for _, c := range Query[struct{ Campaigns []campaign }](t, base, `{ campaigns { code startBasis endBasis } }`, nil).Campaigns {
			if c.EndBasis != "ESTIMATE" {
				t.Errorf("campaign %s end basis %s, want ESTIMATE", c.Code, c.EndBasis)
			}
			if c.Code == "FLOOD720" && c.StartBasis != "PUBLISHED" {
				t.Errorf("7·20 starts on the published date, basis %s", c.StartBasis)
			}
		}
		type milestone struct {
			Kind, DateBasis string
			Source          *struct{ Title string }
		}
		for _, ms := range Query[struct{ Milestones []milestone }](t, base, `{ milestones { kind dateBasis source { title } } }`, nil).Milestones {
			if want := map[bool]string{true: "ESTIMATE", false: "PUBLISHED"}[ms.Kind == "PERIOD"]; ms.DateBasis != want {
				t.Errorf("milestone %s date basis %s, want %s", ms.Kind, ms.DateBasis, want)
			}
		}
		for _, year := range []int{2019, 2023} {
			for _, i := range Query[struct {
				AssessmentIndicators []struct{ Code, Basis string }
			}](t, base,
				`query($y: Int!) { assessmentIndicators(year: $y) { code basis } }`, map[string]any{"y": year}).AssessmentIndicators {
				if i.Basis != "DEFAULT" {
					t.Errorf("%d indicator %s basis %s, want DEFAULT", year, i.Code, i.Basis)
				}
			}
		}
		for _, tg := range Query[struct{ Targets []struct{ Basis string } }](t, base, `{ targets { basis } }`, nil).Targets {
			if tg.Basis != "OFFICE" {
				t.Errorf("target basis %s, want OFFICE", tg.Basis)
			}
		}
		type category struct {
			Code           string
			RecipientKinds []string
			NoteZh         string
		}
		for _, c := range Query[struct{ HonorCategories []category }](t, base, `{ honorCategories { code recipientKinds noteZh } }`, nil).HonorCategories {
			if strings.HasSuffix(c.Code, "FOUR_EXCELLENT") && (strings.Join(c.RecipientKinds, ",") != "PROJECT,PERSON,UNIT,COMMUNITY" ||
				!strings.Contains(c.NoteZh, "学雷锋") || !strings.Contains(c.NoteZh, "原文每级只给一个合计数")) {
				t.Errorf("%s = %+v, want persons, organisations, projects and communities, with the scheme named and one total per level", c.Code, c)
			}
		}
	})

	t.Run("SchemaNoLongerCallsWeightsDocumented", func(t *testing.T) {
		files, err := filepath.Glob("../graph/*.graphqls")
		if err != nil || len(files) == 0 {
			t.Fatalf("schema files: %v", err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(strings.ToLower(string(b)), "documented weight") {
				t.Errorf("%s still calls the weights documented", f)
			}
		}
	})
}

func twoDecimals(v float64) float64 { return math.Round(v*100) / 100 }
