package seed_test

import (
	"strings"
	"testing"

	"github.com/wenming/wenming/db/seed"
)

// TestArticleRecords checks that the article records quote the article word for word, that the real ones are not
// demo, and that every demo one is flagged and marked （演示）.
func TestArticleRecords(t *testing.T) {
	t.Run("QuotesAreTheArticles", func(t *testing.T) {
		for _, q := range seed.ArticleQuotes() {
			if !strings.Contains(seed.Article, q) {
				t.Errorf("quote not in the article: %q", q)
			}
		}
	})
	real, err := seed.Real()
	if err != nil {
		t.Fatal(err)
	}
	t.Run("RealRecordsCite", func(t *testing.T) {
		a := real.Article
		if len(a.Actions) != 6 || len(a.Compilations) != 1 || len(a.Events) != 5 {
			t.Fatalf("real article records: %d actions, %d compilations, %d events", len(a.Actions), len(a.Compilations), len(a.Events))
		}
		if len(a.Wishes)+len(a.Cases)+len(a.TalentMembers)+len(a.PairingContents) != 0 {
			t.Error("the real dataset carries records the article does not give")
		}
		for _, e := range a.Events {
			if e.Demo || e.SourceID == nil || !strings.Contains(seed.Article, e.Quote) {
				t.Errorf("event %q does not cite the article", e.Title)
			}
		}
	})
	t.Run("DemoRecordsFlagged", func(t *testing.T) {
		ds, err := seed.Demo()
		if err != nil {
			t.Fatal(err)
		}
		a := ds.Article
		for _, w := range a.Wishes {
			if !w.Demo || !strings.Contains(w.Title, "（演示）") {
				t.Errorf("wish %+v", w)
			}
		}
		for _, c := range a.Cases {
			if !c.Demo || !strings.Contains(c.Title, "（演示）") {
				t.Errorf("case %+v", c)
			}
		}
		for _, m := range a.TalentMembers {
			if !m.Demo || !strings.HasSuffix(m.Name, "（演示）") || len(m.Roles) == 0 {
				t.Errorf("member %+v", m)
			}
		}
		demoEvents := 0
		for _, e := range a.Events {
			if e.Demo {
				demoEvents++
				if e.SourceID != nil || e.Quote != "" || !strings.Contains(e.Title, "（演示") {
					t.Errorf("demo event %+v cites or is unmarked", e)
				}
			}
		}
		if demoEvents == 0 {
			t.Error("no demo occurrences of events")
		}
		for _, x := range ds.Activities {
			if x.Action != nil && !x.Action.Named() {
				t.Errorf("activity %d filed under unnamed action %s", x.ID, *x.Action)
			}
		}
	})
}
