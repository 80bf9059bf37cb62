package seed_test

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/seed"
)

// numberRe finds the numbers written in a quote, with 万 and 亿 expanded and whether 「余」 or 「约」 qualify them.
var numberRe = regexp.MustCompile(`(约)?([0-9]+(?:\.[0-9]+)?)(万|亿)?(余)?`)

func TestFigures(t *testing.T) {
	ds, err := seed.Real()
	if err != nil {
		t.Fatal(err)
	}
	t.Run("Count", func(t *testing.T) {
		if got := len(ds.Figures); got != 45 {
			t.Fatalf("figures = %d, want 45", got)
		}
	})
	t.Run("UniqueKeys", func(t *testing.T) {
		seen := map[string]bool{}
		for _, f := range ds.Figures {
			if seen[f.Key] {
				t.Errorf("duplicate key %s", f.Key)
			}
			seen[f.Key] = true
		}
	})
	for _, f := range ds.Figures {
		t.Run(f.Key, func(t *testing.T) {
			if !strings.Contains(seed.Article, f.Quote) {
				t.Fatalf("quote %q is not in the article", f.Quote)
			}
			if !f.Qualifier.Valid() || f.Unit == "" || f.LabelZh == "" || f.LabelEn == "" || f.SourceID != seed.SourceID {
				t.Fatalf("incomplete figure %+v", f)
			}
			if f.Key == "six_actions" {
				if !strings.Contains(f.Quote, "六大行动") || f.Value != 6 {
					t.Fatalf("six_actions = %v", f.Value)
				}
				return
			}
			// The value, written the article's way, must appear in the quote with the qualifier the figure claims.
			found := false
			for _, loc := range numberRe.FindAllStringSubmatchIndex(f.Quote, -1) {
				m := make([]string, 5)
				for i := range m {
					if loc[2*i] >= 0 {
						m[i] = f.Quote[loc[2*i]:loc[2*i+1]]
					}
				}
				n, _ := strconv.ParseFloat(m[2], 64)
				switch m[3] {
				case "万":
					n *= 1e4
				case "亿":
					n *= 1e8
				}
				if fmt.Sprintf("%.0f", n) != fmt.Sprintf("%.0f", f.Value) || !strings.HasPrefix(f.Quote[loc[1]:], f.Unit) {
					continue
				}
				found = true
				want := db.QualifierExact
				switch {
				case m[1] == "约" && m[4] == "余":
					want = db.QualifierApproximateAtLeast
				case m[1] == "约":
					want = db.QualifierApproximate
				case m[4] == "余":
					want = db.QualifierAtLeast
				}
				if f.Qualifier != want {
					t.Errorf("qualifier = %s, want %s for %q", f.Qualifier, want, m[0])
				}
			}
			if !found {
				t.Errorf("value %v %s not written in quote %q", f.Value, f.Unit, f.Quote)
			}
		})
	}
}

func TestCatalogue(t *testing.T) {
	ds, err := seed.Real()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, c := range ds.Categories {
		names[c.NameZh] = true
		if !c.Level.Valid() || !c.RecipientKind.Valid() || !c.DefaultStatus.Valid() {
			t.Errorf("invalid category %+v", c)
		}
	}
	for _, want := range []string{"全国文明单位", "全国文明校园", "河南省文明单位标兵", "河南省文明单位标兵（校园）", "河南省文明单位", "河南省文明单位（校园）",
		"享受全国文明单位待遇", "享受河南省文明单位标兵待遇", "享受河南省文明单位待遇", "省直十大道德模范", "省直道德模范提名奖", "全国道德模范候选人",
		"河南省道德模范候选人", "中国好人", "河南好人", "省直身边好人", "河南省“四个优秀”先进典型", "省直“四个优秀”先进典型", "河南省文明实践志愿服务优秀项目",
		"河南省志愿服务优秀项目典型案例", "省直文明服务示范窗口", "省直文明优质服务标兵", "河南省文明服务示范窗口", "河南省文明优质服务标兵", "河南省优秀作品", "省直优秀作品"} {
		t.Run(want, func(t *testing.T) {
			if !names[want] {
				t.Fatalf("category %s missing", want)
			}
		})
	}
}

func TestCentres(t *testing.T) {
	ds, err := seed.Real()
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Centers) != 158 {
		t.Fatalf("centres = %d, want 158", len(ds.Centers))
	}
	unidentified := 0
	for _, c := range ds.Centers {
		if !c.Identified {
			unidentified++
			if c.Code != "" || c.Note == "" {
				t.Errorf("unidentified centre must have no code and a note: %+v", c)
			}
			continue
		}
		if len(c.Code) != 6 || !strings.HasPrefix(c.Code, "41") || c.Prefecture == "" || !strings.HasSuffix(c.Name, "新时代文明实践中心") {
			t.Errorf("bad centre %+v", c)
		}
	}
	if unidentified != 1 {
		t.Errorf("unidentified centres = %d, want 1", unidentified)
	}
}

func TestDemo(t *testing.T) {
	a, err := seed.Demo()
	if err != nil {
		t.Fatal(err)
	}
	t.Run("Deterministic", func(t *testing.T) {
		b, err := seed.Demo()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Fatal("two demo builds differ")
		}
	})
	t.Run("FictionalNamesFlagged", func(t *testing.T) {
		for _, u := range a.Units {
			if !u.Demo || !strings.Contains(u.Name, "（演示") {
				t.Errorf("unit not flagged as demo: %+v", u)
			}
		}
		for _, p := range a.People {
			if !p.Demo || !strings.Contains(p.Name, "（演示）") {
				t.Errorf("person not flagged as demo: %+v", p)
			}
		}
		for _, h := range a.Honors {
			if !h.Demo {
				t.Errorf("honour %d not flagged demo", h.ID)
			}
		}
		for _, r := range a.VolunteerRecords {
			if !r.Demo {
				t.Fatalf("record %d not flagged demo", r.ID)
			}
		}
		for _, p := range a.Pairings {
			if p.CenterID != nil {
				t.Errorf("demo pairing %d names a real county centre", p.ID)
			}
		}
		for _, x := range a.Activities {
			if x.CenterID != nil {
				t.Errorf("demo activity %d names a real county centre", x.ID)
			}
		}
	})
	t.Run("YearsInPeriod", func(t *testing.T) {
		for _, h := range a.Honors {
			if h.Year < db.FirstYear || h.Year > db.LastYear {
				t.Errorf("honour %d in %d", h.ID, h.Year)
			}
		}
	})
}

// TestFigureRules checks the issue-8 rules on the real figures: full headings, provincial-direct labels, explicit
// statuses and bases.
func TestFigureRules(t *testing.T) {
	ds, err := seed.Real()
	if err != nil {
		t.Fatal(err)
	}
	t.Run("SectionsQuoteHeadingsInFull", func(t *testing.T) {
		for _, f := range ds.Figures {
			if !strings.Contains(seed.Article, "  "+f.Section+"\n") {
				t.Errorf("%s: section %q is not a heading of the article", f.Key, f.Section)
			}
		}
		if len(seed.Sections) != 4 {
			t.Fatalf("sections = %v", seed.Sections)
		}
	})
	t.Run("ProvincialDirectInEnglish", func(t *testing.T) {
		direct := regexp.MustCompile(`省直([0-9]|“|单位)`)
		for _, f := range ds.Figures {
			if f.Key == "practice_centres" { // the quote's 158 centres are 全省's, not 省直's
				continue
			}
			if (strings.Contains(f.LabelZh, "省直") || direct.MatchString(f.Quote)) && !strings.Contains(strings.ToLower(f.LabelEn), "provincial-direct") {
				t.Errorf("%s: %q / %q says 省直 but the English label %q does not say provincial-direct", f.Key, f.LabelZh, f.Quote, f.LabelEn)
			}
		}
	})
	t.Run("HonourFiguresStoreStatuses", func(t *testing.T) {
		for _, f := range ds.Figures {
			kind, _ := f.Metric.Parts()
			if f.Basis != db.BasisPublished {
				t.Errorf("%s: basis %q, want PUBLISHED", f.Key, f.Basis)
			}
			if kind != "honors" {
				if len(f.Statuses) != 0 {
					t.Errorf("%s: statuses on a figure that counts no honours", f.Key)
				}
				continue
			}
			if len(f.Statuses) == 0 {
				t.Errorf("%s: honours figure with no statuses", f.Key)
			}
			want := db.StatusAwarded
			switch {
			case strings.Contains(f.Quote, "待遇"):
				want = db.StatusTreatmentRecognised
			case strings.Contains(f.Quote, "入选"):
				want = db.StatusAwarded
			case strings.HasPrefix(f.Quote, "推荐"):
				want = db.StatusRecommended
			}
			if !reflect.DeepEqual(f.Statuses, []db.HonorStatus{want}) {
				t.Errorf("%s (%q): statuses %v, want [%s]", f.Key, f.Quote, f.Statuses, want)
			}
		}
	})
	t.Run("FourExcellentScope", func(t *testing.T) {
		for _, c := range ds.Categories {
			if !strings.Contains(c.NameZh, "四个优秀") {
				continue
			}
			for _, k := range []db.RecipientKind{db.RecipientPerson, db.RecipientUnit, db.RecipientProject} {
				if !c.Accepts(k) {
					t.Errorf("%s does not accept %s", c.Code, k)
				}
			}
			if !strings.Contains(c.NoteZh, "优秀志愿服务社区") || !strings.Contains(c.NoteZh, "非原文所载") {
				t.Errorf("%s note %q does not say where the four names come from", c.Code, c.NoteZh)
			}
		}
	})
	t.Run("ConfigurationIsNotPublished", func(t *testing.T) {
		for _, c := range ds.Categories {
			if c.WeightBasis != db.BasisDefault {
				t.Errorf("category %s points basis %s, want DEFAULT", c.Code, c.WeightBasis)
			}
		}
		for _, w := range ds.Weights {
			if w.Basis != db.BasisDefault {
				t.Errorf("weight %s basis %s, want DEFAULT", w.Component, w.Basis)
			}
		}
		for _, i := range ds.Indicators {
			if i.Basis != db.BasisDefault {
				t.Errorf("indicator %d/%s basis %s, want DEFAULT", i.Year, i.Code, i.Basis)
			}
		}
		for _, c := range ds.Campaigns {
			if c.EndBasis != db.BasisEstimate {
				t.Errorf("campaign %s end basis %s, want ESTIMATE", c.Code, c.EndBasis)
			}
		}
		for _, m := range ds.Milestones {
			if want := db.BasisPublished; m.Kind == "PERIOD" && m.DateBasis != db.BasisEstimate || m.Kind != "PERIOD" && m.DateBasis != want {
				t.Errorf("milestone %s date basis %s", m.TitleZh, m.DateBasis)
			}
		}
	})
	t.Run("The158thCentre", func(t *testing.T) {
		c := ds.Centers[len(ds.Centers)-1]
		if c.Identified || !strings.Contains(c.Note, "吉利区") || !strings.Contains(c.Note, "孟津区") || !strings.Contains(c.Note, "未经证实") {
			t.Fatalf("158th centre %+v: want unidentified, with the unverified 吉利区 explanation", c)
		}
	})
}
