package apitest

import (
	"strings"
	"testing"
)

// TestSectionEn checks that every published figure's section has an English heading for ?lang=en: our translation,
// numbered like the article's heading, with no Chinese left in it.
func TestSectionEn(t *testing.T) {
	m := MustRunMain(t)
	r := Query[struct {
		PublishedFigures []struct {
			Key       string
			Section   string
			SectionEn *string
		}
	}](t, m.URL(), `{ publishedFigures { key section sectionEn } }`, nil)
	if len(r.PublishedFigures) == 0 {
		t.Fatal("no published figures")
	}
	numbers := map[string]string{"一": "1.", "二": "2.", "三": "3.", "四": "4."}
	seen := map[string]string{}
	for _, f := range r.PublishedFigures {
		t.Run(f.Key, func(t *testing.T) {
			if f.SectionEn == nil || HasCJK(*f.SectionEn) {
				t.Fatalf("section %q: sectionEn %v", f.Section, f.SectionEn)
			}
			num := numbers[strings.SplitN(f.Section, "、", 2)[0]]
			if num == "" || !strings.HasPrefix(*f.SectionEn, num+" ") {
				t.Errorf("section %q translated as %q", f.Section, *f.SectionEn)
			}
			if prev, ok := seen[f.Section]; ok && prev != *f.SectionEn {
				t.Errorf("section %q translated two ways", f.Section)
			}
			seen[f.Section] = *f.SectionEn
		})
	}
	if len(seen) != 4 {
		t.Errorf("%d sections, the article has 4", len(seen))
	}
}
