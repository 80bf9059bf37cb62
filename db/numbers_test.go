package db_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/wenming/wenming/db"
)

// proseCases is db/testdata/prose_numbers.json, the list the dashboard's formatter is tested against too.
type proseCases struct {
	Cases []struct {
		Name   string  `json:"name"`
		Value  float64 `json:"value"`
		Zh, En string
	} `json:"cases"`
}

func TestProseNumber(t *testing.T) {
	raw, err := os.ReadFile("testdata/prose_numbers.json")
	if err != nil {
		t.Fatal(err)
	}
	var pc proseCases
	if err := json.Unmarshal(raw, &pc); err != nil {
		t.Fatal(err)
	}
	if len(pc.Cases) < 10 {
		t.Fatalf("only %d cases", len(pc.Cases))
	}
	for _, c := range pc.Cases {
		t.Run(c.Name, func(t *testing.T) {
			if got := db.ProseNumber(c.Value, db.SummaryZh); got != c.Zh {
				t.Errorf("zh %v: got %q, want %q", c.Value, got, c.Zh)
			}
			if got := db.ProseNumber(c.Value, db.SummaryEn); got != c.En {
				t.Errorf("en %v: got %q, want %q", c.Value, got, c.En)
			}
		})
	}
}

func TestProseRecordValueKeepsTheArticlesForm(t *testing.T) {
	f := &db.PublishedFigure{Value: 1845000000, Qualifier: db.QualifierExact}
	if got := db.ProseRecordValue(1845000000, f, db.SummaryZh); got != "18.45亿" {
		t.Errorf("equal to the figure: %q", got)
	}
	if got := db.ProseRecordValue(1845100000, f, db.SummaryZh); got != "18.5亿" {
		t.Errorf("different from the figure: %q", got)
	}
}
