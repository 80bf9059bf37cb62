package apitest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/wenming/wenming/db"
)

type summarySegment struct {
	Kind   string   `json:"kind"`
	Text   string   `json:"text"`
	Value  *float64 `json:"value"`
	Unit   string   `json:"unit"`
	Demo   bool     `json:"demo"`
	Filter *struct {
		Kpi      string `json:"kpi"`
		Metric   string `json:"metric"`
		FromYear int    `json:"fromYear"`
		ToYear   int    `json:"toYear"`
	} `json:"filter"`
	Published *struct {
		Key       string  `json:"key"`
		Value     float64 `json:"value"`
		Qualifier string  `json:"qualifier"`
	} `json:"published"`
}

type summaryAnswer struct {
	Summary struct {
		FromYear        int    `json:"fromYear"`
		ToYear          int    `json:"toYear"`
		Text            string `json:"text"`
		IncludesDemo    bool   `json:"includesDemo"`
		QuotesPublished bool   `json:"quotesPublished"`
		Paragraphs      []struct {
			Text     string           `json:"text"`
			Segments []summarySegment `json:"segments"`
		} `json:"paragraphs"`
	} `json:"summary"`
	Overview struct {
		Kpis []struct {
			Key   string  `json:"key"`
			Value float64 `json:"value"`
		} `json:"kpis"`
	} `json:"overview"`
}

const summaryQuery = `query($from: Int, $to: Int, $lang: SummaryLanguage) {
	summary(fromYear: $from, toYear: $to, language: $lang) {
		fromYear toYear text includesDemo quotesPublished
		paragraphs { text segments { kind text value unit demo filter { kpi metric fromYear toYear } published { key value qualifier } } }
	}
	overview(fromYear: $from, toYear: $to) { kpis { key value } }
}`

// segments lists every run of a summary, in order.
func (a summaryAnswer) segments() []summarySegment {
	var out []summarySegment
	for _, p := range a.Summary.Paragraphs {
		out = append(out, p.Segments...)
	}
	return out
}

func TestSummary(t *testing.T) {
	m := SharedMain(t)
	ranges := []struct{ from, to int }{{2019, 2024}, {2021, 2022}, {2023, 2023}}

	t.Run("EveryNumberIsTheAPIsFigure", func(t *testing.T) {
		for _, r := range ranges {
			for _, lang := range []string{"ZH", "EN"} {
				t.Run(fmt.Sprintf("%d-%d/%s", r.from, r.to, lang), func(t *testing.T) {
					a := Query[summaryAnswer](t, m.URL(), summaryQuery, map[string]any{"from": r.from, "to": r.to, "lang": lang})
					kpi := map[string]float64{}
					for _, k := range a.Overview.Kpis {
						kpi[k.Key] = k.Value
					}
					records := 0
					for _, s := range a.segments() {
						switch s.Kind {
						case "RECORDS":
							records++
							if s.Value == nil || s.Filter == nil {
								t.Fatalf("records segment without value or filter: %+v", s)
							}
							want, ok := kpi[s.Filter.Kpi]
							if !ok || *s.Value != want {
								t.Errorf("%s: summary says %v, overview says %v", s.Filter.Kpi, *s.Value, want)
							}
							if s.Filter.FromYear != r.from || s.Filter.ToYear != r.to || s.Filter.Metric == "" {
								t.Errorf("%s: filter %+v", s.Filter.Kpi, s.Filter)
							}
							// The number in the office's register (2.9万, 106.6万; 1.07 million in English), or the
							// article's own form where the records equal the published figure, then its unit.
							L := db.SummaryLanguage(lang)
							if !strings.HasPrefix(s.Text, db.ProseNumber(want, L)) && !strings.HasPrefix(s.Text, db.ArticleNumber(want, db.QualifierExact, L)) {
								t.Errorf("%s: text %q does not show %v as %q", s.Filter.Kpi, s.Text, want, db.ProseNumber(want, L))
							}
							if lang == "ZH" && !strings.HasSuffix(s.Text, s.Unit) {
								t.Errorf("%s: text %q lacks its unit %q", s.Filter.Kpi, s.Text, s.Unit)
							}
						case "TEXT", "DEMO_NOTICE":
							// Prose carries no number of its own: only the period's years and the name of the 7·20 rainstorm.
							rest := strings.NewReplacer(strconv.Itoa(r.from), "", strconv.Itoa(r.to), "", "7·20", "", "COVID-19", "").Replace(s.Text)
							if regexp.MustCompile(`[0-9]`).MatchString(rest) {
								t.Errorf("prose carries a number: %q", s.Text)
							}
							if s.Kind == "TEXT" && s.Filter != nil {
								t.Errorf("prose with a filter: %+v", s)
							}
						}
					}
					if long := regexp.MustCompile(`[0-9]{5,}`).FindString(a.Summary.Text); long != "" {
						t.Errorf("prose writes a number of five or more digits, %s:\n%s", long, a.Summary.Text)
					}
					if records != len(a.Overview.Kpis) {
						t.Errorf("summary quotes %d records values, the overview has %d KPIs", records, len(a.Overview.Kpis))
					}
					joined := ""
					for _, s := range a.segments() {
						joined += s.Text
					}
					if strings.ReplaceAll(a.Summary.Text, "\n\n", "") != joined {
						t.Errorf("text is not its segments joined:\n%s\n%s", a.Summary.Text, joined)
					}
				})
			}
		}
	})

	t.Run("QualifiersAsTheArticleWrites", func(t *testing.T) {
		zh := Query[summaryAnswer](t, m.URL(), summaryQuery, map[string]any{"from": 2019, "to": 2024, "lang": "ZH"})
		en := Query[summaryAnswer](t, m.URL(), summaryQuery, map[string]any{"from": 2019, "to": 2024, "lang": "EN"})
		t.Logf("first paragraph (zh): %s", zh.Summary.Paragraphs[0].Text)
		t.Logf("first paragraph (en): %s", en.Summary.Paragraphs[0].Text)
		if !zh.Summary.QuotesPublished || !strings.HasPrefix(strings.TrimPrefix(zh.Summary.Paragraphs[0].Text, zh.segments()[0].Text), "2019年以来，省直") {
			t.Errorf("zh opening %q", zh.Summary.Paragraphs[0].Text)
		}
		for _, a := range []summaryAnswer{zh, en} {
			segs := a.segments()
			published := 0
			for i, s := range segs {
				if s.Kind != "PUBLISHED" {
					continue
				}
				published++
				prev := segs[i-1]
				if prev.Kind != "RECORDS" || s.Published == nil || *prev.Value == s.Published.Value {
					t.Errorf("a published figure must follow a records value that differs from it: %+v after %+v", s, prev)
					continue
				}
				isZh := a.Summary.Paragraphs[0].Text == zh.Summary.Paragraphs[0].Text
				approx := strings.HasPrefix(s.Published.Qualifier, "APPROXIMATE")
				atLeast := strings.HasSuffix(s.Published.Qualifier, "AT_LEAST")
				if isZh && (strings.Contains(s.Text, "约") != approx || strings.Contains(s.Text, "余") != atLeast || !strings.HasPrefix(s.Text, "（")) {
					t.Errorf("%s %s: %q", s.Published.Key, s.Published.Qualifier, s.Text)
				}
				if !isZh && (strings.Contains(s.Text, "about") != approx || strings.Contains(s.Text, "more than") != atLeast) {
					t.Errorf("%s %s: %q", s.Published.Key, s.Published.Qualifier, s.Text)
				}
			}
			if published == 0 {
				t.Errorf("no published figure quoted for 2019–2024 on the demo data: %s", a.Summary.Text)
			}
		}
		// The article's own words for two figures the demo records differ from.
		// The published figure follows the records' number and unit, with its own unit.
		for _, want := range []string{"人次（公布：2.9万余名）", "万元（公布：5000万余元）"} {
			if !strings.Contains(zh.Summary.Text, want) {
				t.Errorf("zh summary lacks %s:\n%s", want, zh.Summary.Text)
			}
		}
		if !strings.Contains(en.Summary.Text, "(published: more than 29,000 people)") {
			t.Errorf("en summary lacks the covid volunteers' figure:\n%s", en.Summary.Text)
		}
	})

	t.Run("OtherRangesQuoteRecordsOnly", func(t *testing.T) {
		for _, r := range ranges[1:] {
			a := Query[summaryAnswer](t, m.URL(), summaryQuery, map[string]any{"from": r.from, "to": r.to})
			if a.Summary.QuotesPublished {
				t.Errorf("%d–%d quotes published figures", r.from, r.to)
			}
			for _, s := range a.segments() {
				if s.Kind == "PUBLISHED" || strings.Contains(s.Text, "公布") {
					t.Errorf("%d–%d: %q", r.from, r.to, s.Text)
				}
			}
		}
	})

	t.Run("DemoNoticeWhenDemoRecordsContribute", func(t *testing.T) {
		for _, lang := range []string{"ZH", "EN"} {
			a := Query[summaryAnswer](t, m.URL(), summaryQuery, map[string]any{"lang": lang})
			notice := a.segments()[0]
			if !a.Summary.IncludesDemo || notice.Kind != "DEMO_NOTICE" || !strings.Contains(notice.Text, map[string]string{"ZH": "演示数据", "EN": "Demo data"}[lang]) {
				t.Errorf("%s: demo records contributed but the notice is %+v", lang, notice)
			}
		}
		// No record of either kind lies in 2000 (practice links count from their first year on): no notice.
		a := Query[summaryAnswer](t, m.URL(), summaryQuery, map[string]any{"from": 2000, "to": 2000})
		if a.Summary.IncludesDemo || strings.Contains(a.Summary.Text, "演示数据") {
			t.Errorf("2000 has no demo records, yet: %s", a.Summary.Text)
		}
	})

	t.Run("NoNoticeWithoutDemoRecords", func(t *testing.T) {
		real := MustRunMain(t, func(c *MainConfig) { c.Demo = false })
		for _, lang := range []string{"ZH", "EN"} {
			a := Query[summaryAnswer](t, real.URL(), summaryQuery, map[string]any{"lang": lang})
			if a.Summary.IncludesDemo || strings.Contains(a.Summary.Text, "演示数据") || strings.Contains(a.Summary.Text, "Demo") {
				t.Errorf("%s: notice without demo records: %s", lang, a.Summary.Text)
			}
			for _, s := range a.segments() {
				if s.Demo {
					t.Errorf("%s: segment flagged demo: %+v", lang, s)
				}
			}
		}
	})

	t.Run("BadInput", func(t *testing.T) {
		wantBadInput(t, m.URL(), `{ summary(fromYear: 2024, toYear: 2019) { text } }`, nil)
		_, errs := GQL(t, m.URL(), `{ summary(language: FR) { text } }`, nil)
		if len(errs) == 0 {
			t.Error("an unknown language was accepted")
		}
	})
}
