package db_test

import (
	"math"
	"testing"

	"github.com/wenming/wenming/db"
)

func TestMinutesFromHours(t *testing.T) {
	for _, tc := range []struct {
		name  string
		hours float64
		want  int64
		code  string
	}{
		{"Whole", 2, 120, ""},
		{"Half", 1.5, 90, ""},
		{"OneMinute", 1.0 / 60, 1, ""},
		{"Zero", 0, 0, ""},
		{"ErrNotWholeMinutes", 1.01, 0, db.EINVALID},
		{"ErrNegative", -1, 0, db.EINVALID},
		{"ErrNaN", math.NaN(), 0, db.EINVALID},
		{"ErrInfinite", math.Inf(1), 0, db.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := db.MinutesFromHours("hours", tc.hours)
			assertCode(t, err, tc.code)
			if err == nil && got != tc.want {
				t.Fatalf("minutes = %d, want %d", got, tc.want)
			}
			if err != nil && db.ErrorField(err) != "hours" {
				t.Fatalf("field = %q", db.ErrorField(err))
			}
		})
	}
}

func TestValidateRankingWeights(t *testing.T) {
	ok := []db.RankingWeightFields{{Component: db.ComponentHonors, Weight: 0.4}, {Component: db.ComponentVolunteer, Weight: 0.2},
		{Component: db.ComponentPractice, Weight: 0.15}, {Component: db.ComponentAssessment, Weight: 0.25}}
	with := func(f func(ws []db.RankingWeightFields) []db.RankingWeightFields) []db.RankingWeightFields {
		return f(append([]db.RankingWeightFields(nil), ok...))
	}
	for _, tc := range []struct {
		name string
		year int
		ws   []db.RankingWeightFields
		code string
	}{
		{"Valid", 2024, ok, ""},
		{"ErrYear", 1900, ok, db.EINVALID},
		{"ErrSum", 2024, with(func(ws []db.RankingWeightFields) []db.RankingWeightFields { ws[0].Weight = 0.3; return ws }), db.EINVALID},
		{"ErrMissing", 2024, ok[:3], db.EINVALID},
		{"ErrDuplicate", 2024, with(func(ws []db.RankingWeightFields) []db.RankingWeightFields {
			ws[3].Component = db.ComponentHonors
			return ws
		}), db.EINVALID},
		{"ErrUnknown", 2024, with(func(ws []db.RankingWeightFields) []db.RankingWeightFields { ws[3].Component = "luck"; return ws }), db.EINVALID},
		{"ErrNegative", 2024, with(func(ws []db.RankingWeightFields) []db.RankingWeightFields {
			ws[0].Weight, ws[1].Weight = -0.1, 0.7
			return ws
		}), db.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) { assertCode(t, db.ValidateRankingWeights(tc.year, tc.ws), tc.code) })
	}
}

func TestFieldsValidateTrims(t *testing.T) {
	u := db.UnitFields{Name: "  省档案馆\t", Kind: " 事业单位 ", Sector: " 档案 "}
	if err := u.Validate(); err != nil {
		t.Fatal(err)
	}
	if u.Name != "省档案馆" || u.Kind != "事业单位" || u.Sector != "档案" {
		t.Fatalf("not trimmed: %+v", u)
	}
	h := db.HonorFields{CategoryCode: "X", Year: 2024, Edition: new(string)}
	if err := h.Validate(); err != nil {
		t.Fatal(err)
	}
	if h.Edition != nil {
		t.Fatal("blank edition kept")
	}
}
