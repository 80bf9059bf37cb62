package db_test

import (
	"testing"

	"github.com/wenming/wenming/db"
)

func TestArticleNumber(t *testing.T) {
	for _, tc := range []struct {
		name   string
		v      float64
		q      db.FigureQualifier
		zh, en string
	}{
		{"TenThousandsAtLeast", 29000, db.QualifierAtLeast, "2.9万余", "more than 29,000"},
		{"ApproximateAtLeast", 1640000, db.QualifierApproximateAtLeast, "约164万余", "about, and more than, 1.64 million"},
		{"HundredMillions", 1845000000, db.QualifierExact, "18.45亿", "1.845 billion"},
		{"BelowOneHundredMillion", 50000000, db.QualifierAtLeast, "5000万余", "more than 50 million"},
		{"Approximate", 7600, db.QualifierApproximate, "约7600", "about 7,600"},
		{"SmallExact", 43, db.QualifierExact, "43", "43"},
		{"NotEvenTenThousands", 12345, db.QualifierExact, "12345", "12,345"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := db.ArticleNumber(tc.v, tc.q, db.SummaryZh); got != tc.zh {
				t.Errorf("zh: got %q, want %q", got, tc.zh)
			}
			if got := db.ArticleNumber(tc.v, tc.q, db.SummaryEn); got != tc.en {
				t.Errorf("en: got %q, want %q", got, tc.en)
			}
		})
	}
}

func TestMetricDemoOnly(t *testing.T) {
	m := db.Metric("honors:NATIONAL_CIVILISED_UNIT@AWARDED")
	base, demo := m.DemoOnly().SplitDemo()
	if base != m || !demo {
		t.Errorf("DemoOnly round trip: %q %v", base, demo)
	}
	if _, demo := m.SplitDemo(); demo {
		t.Error("a plain metric reads as demo-only")
	}
}
