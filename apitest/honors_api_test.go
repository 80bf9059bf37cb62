package apitest

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

type pageInfo struct {
	HasNextPage     bool
	HasPreviousPage bool
	StartCursor     *string
	EndCursor       *string
}

type honor struct {
	ID            string
	Year          int
	RecipientKind string
	RecipientName string
	Status        string
	Edition       *string
	Date          *string
	Demo          bool
	Category      struct{ Code, NameZh, Level, RecipientKind string }
	Unit          *struct{ ID, Name, Kind string }
	Person        *struct{ ID, Name string }
	Source        *struct{ ID, Title string }
}

type honorConnection struct {
	TotalCount int
	PageInfo   pageInfo
	Edges      []struct {
		Cursor string
		Node   honor
	}
}

const honorsQuery = `query($filter: HonorFilter, $order: HonorOrder, $first: Int, $after: String) {
	honors(filter: $filter, orderBy: $order, first: $first, after: $after) {
		totalCount
		pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
		edges { cursor node {
			id year recipientKind recipientName status edition date demo
			category { code nameZh level recipientKind }
			unit { id name kind }
			person { id name }
			source { id title }
		} }
	} }`

func honors(tb testing.TB, base string, vars map[string]any) honorConnection {
	tb.Helper()
	return Query[struct{ Honors honorConnection }](tb, base, honorsQuery, vars).Honors
}

// walkHonors follows the connection to its end, checking the page info on the way, and returns every honour.
func walkHonors(tb testing.TB, base string, filter, order map[string]any, first int) (all []honor, total int) {
	tb.Helper()
	var after any
	for page := 0; ; page++ {
		c := honors(tb, base, map[string]any{"filter": filter, "order": order, "first": first, "after": after})
		if page == 0 {
			total = c.TotalCount
		} else if c.TotalCount != total {
			tb.Fatalf("totalCount changed from %d to %d on page %d", total, c.TotalCount, page)
		}
		if c.PageInfo.HasPreviousPage != (page > 0) {
			tb.Errorf("page %d: hasPreviousPage = %v", page, c.PageInfo.HasPreviousPage)
		}
		if len(c.Edges) > first {
			tb.Fatalf("page %d has %d edges, more than first=%d", page, len(c.Edges), first)
		}
		if c.PageInfo.HasNextPage && len(c.Edges) != first {
			tb.Errorf("page %d: short page of %d with hasNextPage", page, len(c.Edges))
		}
		if n := len(c.Edges); n > 0 {
			if deref(c.PageInfo.StartCursor) != c.Edges[0].Cursor || deref(c.PageInfo.EndCursor) != c.Edges[n-1].Cursor {
				tb.Errorf("page %d: start/end cursors do not match the edges", page)
			}
		}
		for _, e := range c.Edges {
			all = append(all, e.Node)
		}
		if !c.PageInfo.HasNextPage {
			return all, total
		}
		if page > total {
			tb.Fatal("pagination does not terminate")
		}
		after = *c.PageInfo.EndCursor
	}
}

// rowID reads the row number out of a global ID (base64url of "Type:N"), to check that ties break on it.
func rowID(tb testing.TB, gid string) int64 {
	tb.Helper()
	raw, err := base64.RawURLEncoding.DecodeString(gid)
	if err != nil {
		tb.Fatalf("global ID %q: %v", gid, err)
	}
	_, num, _ := strings.Cut(string(raw), ":")
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil {
		tb.Fatalf("global ID %q decodes to %q", gid, raw)
	}
	return n
}

func TestHonors(t *testing.T) {
	m := SharedMain(t)
	base := m.URL()
	total := honors(t, base, map[string]any{"first": 1}).TotalCount
	if total < 1000 {
		t.Fatalf("only %d honours in the demo dataset", total)
	}

	t.Run("Pagination", func(t *testing.T) {
		for _, tc := range []struct {
			field, dir string
			key        func(honor) string
		}{
			{"YEAR", "ASC", func(h honor) string { return fmt.Sprintf("%04d", h.Year) }},
			{"YEAR", "DESC", func(h honor) string { return fmt.Sprintf("%04d", h.Year) }},
			{"CATEGORY", "DESC", func(h honor) string { return h.Category.Code }},
			{"CATEGORY", "ASC", func(h honor) string { return h.Category.Code }},
			{"RECIPIENT", "ASC", func(h honor) string { return h.RecipientName }},
		} {
			t.Run(tc.field+"_"+tc.dir, func(t *testing.T) {
				all, n := walkHonors(t, base, nil, map[string]any{"field": tc.field, "direction": tc.dir}, 37)
				if n != total {
					t.Errorf("totalCount %d, want %d", n, total)
				}
				seen := map[string]bool{}
				for _, h := range all {
					if seen[h.ID] {
						t.Errorf("honour %s appears twice", h.ID)
					}
					seen[h.ID] = true
				}
				if len(seen) != total || len(all) != total {
					t.Errorf("walked %d honours (%d distinct), totalCount %d", len(all), len(seen), total)
				}
				desc := tc.dir == "DESC"
				for i := 1; i < len(all); i++ {
					a, b := tc.key(all[i-1]), tc.key(all[i])
					if desc {
						a, b = b, a
					}
					if a > b {
						t.Fatalf("order broken at %d: %q then %q", i, tc.key(all[i-1]), tc.key(all[i]))
					}
					// Ties break on the row ID, in the same direction.
					if a == b {
						x, y := rowID(t, all[i-1].ID), rowID(t, all[i].ID)
						if desc {
							x, y = y, x
						}
						if x >= y {
							t.Fatalf("tie at %d not broken by ID: %s then %s", i, all[i-1].ID, all[i].ID)
						}
					}
				}
			})
		}
	})

	t.Run("DefaultOrderIsYearAscending", func(t *testing.T) {
		c := honors(t, base, map[string]any{"first": 100})
		if len(c.Edges) != 100 || !c.PageInfo.HasNextPage || c.PageInfo.HasPreviousPage {
			t.Fatalf("got %d edges, pageInfo %+v", len(c.Edges), c.PageInfo)
		}
		for i := 1; i < len(c.Edges); i++ {
			if c.Edges[i].Node.Year < c.Edges[i-1].Node.Year {
				t.Fatalf("not ascending by year at %d", i)
			}
		}
	})

	t.Run("DefaultPageSize", func(t *testing.T) {
		if c := honors(t, base, nil); len(c.Edges) != 20 {
			t.Errorf("got %d edges without first, want 20", len(c.Edges))
		}
	})

	t.Run("NestedAndDemo", func(t *testing.T) {
		all, _ := walkHonors(t, base, nil, nil, 100)
		kinds := map[string]int{}
		for _, h := range all {
			kinds[h.RecipientKind]++
			if !h.Demo {
				t.Errorf("%s: demo=false in the demo dataset", h.ID)
			}
			if h.Category.Code == "" || h.Category.NameZh == "" || h.Category.RecipientKind != h.RecipientKind {
				t.Errorf("%s: category %+v for recipient kind %s", h.ID, h.Category, h.RecipientKind)
			}
			if h.Source == nil || h.Source.Title == "" {
				t.Errorf("%s: no source", h.ID)
			}
			switch h.RecipientKind {
			case "UNIT", "CAMPUS", "WINDOW":
				if h.Unit == nil || h.Unit.Name != h.RecipientName {
					t.Errorf("%s: unit %+v, recipient %s", h.ID, h.Unit, h.RecipientName)
				}
			case "PERSON":
				if h.Person == nil || h.Person.Name != h.RecipientName {
					t.Errorf("%s: person %+v, recipient %s", h.ID, h.Person, h.RecipientName)
				}
			}
			if h.RecipientKind != "PERSON" && h.Person != nil {
				t.Errorf("%s: %s honour with a person", h.ID, h.RecipientKind)
			}
		}
		for _, k := range []string{"UNIT", "CAMPUS", "PERSON", "PROJECT", "WORK", "WINDOW"} {
			if kinds[k] == 0 {
				t.Errorf("no %s honours", k)
			}
		}
	})

	// Each filter narrows the connection, every returned honour satisfies it, and honorStats agrees on the count.
	t.Run("Filters", func(t *testing.T) {
		sample := honors(t, base, map[string]any{"filter": map[string]any{"recipientKinds": []string{"UNIT"}}, "first": 1}).Edges[0].Node
		unitID := sample.Unit.ID
		ed := "第六届"
		for _, tc := range []struct {
			name   string
			filter map[string]any
			want   int // exact count, or -1 to only require a reduction
			ok     func(honor) bool
		}{
			{"YearRange", map[string]any{"fromYear": 2021, "toYear": 2022}, -1, func(h honor) bool { return h.Year >= 2021 && h.Year <= 2022 }},
			{"FromYearOnly", map[string]any{"fromYear": 2024}, -1, func(h honor) bool { return h.Year == 2024 }},
			{"Levels", map[string]any{"levels": []string{"NATIONAL"}}, -1, func(h honor) bool { return h.Category.Level == "NATIONAL" }},
			{"TwoLevels", map[string]any{"levels": []string{"NATIONAL", "PROVINCIAL_DIRECT"}}, -1, func(h honor) bool { return h.Category.Level != "PROVINCIAL" }},
			{"Categories", map[string]any{"categories": []string{"NATIONAL_CIVILISED_UNIT"}}, 43, func(h honor) bool { return h.Category.Code == "NATIONAL_CIVILISED_UNIT" }},
			{"RecipientKinds", map[string]any{"recipientKinds": []string{"CAMPUS"}}, 14, func(h honor) bool { return h.RecipientKind == "CAMPUS" }},
			{"Statuses", map[string]any{"statuses": []string{"TREATMENT_RECOGNISED"}}, 65, func(h honor) bool { return h.Status == "TREATMENT_RECOGNISED" }},
			{"UnitID", map[string]any{"unitId": unitID}, -1, func(h honor) bool { return h.Unit != nil && h.Unit.ID == unitID }},
			{"UnitKind", map[string]any{"unitKind": "高校"}, -1, func(h honor) bool { return h.Unit != nil && h.Unit.Kind == "高校" }},
			{"Edition", map[string]any{"edition": ed}, 24, func(h honor) bool { return h.Edition != nil && *h.Edition == ed }},
			{"DemoFalse", map[string]any{"demo": false}, 0, func(h honor) bool { return !h.Demo }},
			{"Combined", map[string]any{"fromYear": 2021, "levels": []string{"PROVINCIAL"}, "recipientKinds": []string{"UNIT"}}, -1,
				func(h honor) bool {
					return h.Year >= 2021 && h.Category.Level == "PROVINCIAL" && h.RecipientKind == "UNIT"
				}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				all, n := walkHonors(t, base, tc.filter, nil, 100)
				if tc.want >= 0 && n != tc.want {
					t.Errorf("totalCount %d, want %d", n, tc.want)
				}
				if n >= total || (tc.want != 0 && n == 0) {
					t.Errorf("totalCount %d does not narrow %d", n, total)
				}
				if len(all) != n {
					t.Errorf("walked %d, totalCount %d", len(all), n)
				}
				for _, h := range all {
					if !tc.ok(h) {
						t.Fatalf("honour outside the filter: %+v", h)
					}
				}
				if s := statsTotal(t, base, []string{"YEAR", "LEVEL"}, tc.filter); s != n {
					t.Errorf("honorStats adds up to %d, honors totalCount %d", s, n)
				}
			})
		}
		t.Run("DemoTrue", func(t *testing.T) {
			if n := honors(t, base, map[string]any{"filter": map[string]any{"demo": true}, "first": 1}).TotalCount; n != total {
				t.Errorf("demo=true gives %d, want all %d", n, total)
			}
		})
	})

	t.Run("Errors", func(t *testing.T) {
		yearCursor := honors(t, base, map[string]any{"first": 1}).PageInfo.EndCursor
		for _, tc := range []struct {
			name  string
			vars  map[string]any
			field string
		}{
			{"FirstTooLarge", map[string]any{"first": 101}, "first"},
			{"FirstNegative", map[string]any{"first": -1}, "first"},
			// first: 0 is outside 1–100 as rankings treat it; it must not silently mean "the default 20".
			{"FirstZero", map[string]any{"first": 0}, "first"},
			{"GarbageCursor", map[string]any{"after": "garbage!!"}, "after"},
			{"Base64ButNotACursor", map[string]any{"after": base64.RawURLEncoding.EncodeToString([]byte("hello"))}, "after"},
			{"CursorOfAnotherOrder", map[string]any{"after": *yearCursor, "order": map[string]any{"field": "RECIPIENT"}}, "after"},
			{"UnknownCategory", map[string]any{"filter": map[string]any{"categories": []string{"NO_SUCH_CATEGORY"}}}, "categories"},
			{"MalformedUnitID", map[string]any{"filter": map[string]any{"unitId": "???"}}, "unitId"},
			{"UnitIDOfAnotherType", map[string]any{"filter": map[string]any{"unitId": base64.RawURLEncoding.EncodeToString([]byte("Person:1"))}}, "unitId"},
			{"FromAfterTo", map[string]any{"filter": map[string]any{"fromYear": 2024, "toYear": 2019}}, "fromYear"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				e := wantBadInput(t, base, honorsQuery, tc.vars)
				if e.Extensions["field"] != tc.field {
					t.Errorf("extensions.field = %v, want %s", e.Extensions["field"], tc.field)
				}
			})
		}
	})
}

type honorBucket struct {
	Year           *int
	Level          *string
	Category       *string
	CategoryNameZh *string
	RecipientKind  *string
	Status         *string
	UnitKind       *string
	Edition        *string
	Count          int
	Points         float64
}

const honorStatsQuery = `query($g: [HonorDimension!]!, $f: HonorFilter) { honorStats(groupBy: $g, filter: $f) {
	year level category categoryNameZh recipientKind status unitKind edition count points } }`

func statsTotal(tb testing.TB, base string, groupBy []string, filter map[string]any) int {
	tb.Helper()
	n := 0
	for _, b := range honorStats(tb, base, groupBy, filter) {
		n += b.Count
	}
	return n
}

func TestHonorStats(t *testing.T) {
	m := SharedMain(t)
	base := m.URL()
	total := honors(t, base, map[string]any{"first": 1}).TotalCount

	t.Run("YearLevelAddsUpToTotal", func(t *testing.T) {
		bs := honorStats(t, base, []string{"YEAR", "LEVEL"}, nil)
		seen := map[string]bool{}
		sum := 0
		for _, b := range bs {
			if b.Year == nil || b.Level == nil || b.Category != nil || b.Status != nil {
				t.Errorf("bucket has wrong dimensions: %s", mustJSON(t, b))
				continue
			}
			k := fmt.Sprint(*b.Year, *b.Level)
			if seen[k] {
				t.Errorf("bucket %s twice", k)
			}
			seen[k] = true
			sum += b.Count
		}
		if sum != total {
			t.Errorf("buckets add up to %d, honors totalCount %d", sum, total)
		}
	})

	t.Run("EveryDimensionAddsUpToTotal", func(t *testing.T) {
		for _, dim := range enumValues(t, base, "HonorDimension") {
			t.Run(dim, func(t *testing.T) {
				if n := statsTotal(t, base, []string{dim}, nil); n != total {
					t.Errorf("grouped by %s: %d, want %d", dim, n, total)
				}
			})
		}
	})

	t.Run("NoGroupingIsOneRow", func(t *testing.T) {
		bs := honorStats(t, base, []string{}, nil)
		if len(bs) != 1 || bs[0].Count != total {
			t.Errorf("got %s", mustJSON(t, bs))
		}
	})

	// The demo records are built to agree with the article, so per-category counts equal the published figures.
	t.Run("CategoriesMatchPublishedFigures", func(t *testing.T) {
		counts := map[string]int{}
		points := map[string]float64{}
		for _, b := range honorStats(t, base, []string{"CATEGORY"}, nil) {
			counts[*b.Category] = b.Count
			points[*b.Category] = b.Points
			if b.CategoryNameZh == nil || *b.CategoryNameZh == "" {
				t.Errorf("%s: no Chinese name", *b.Category)
			}
		}
		figs := map[string]float64{}
		for _, f := range Query[struct{ PublishedFigures []figure }](t, base, figuresQuery, nil).PublishedFigures {
			figs[f.Key] = f.Value
		}
		for _, tc := range []struct {
			figure string
			codes  []string
		}{
			{"national_units", []string{"NATIONAL_CIVILISED_UNIT"}},
			{"national_campus", []string{"NATIONAL_CIVILISED_CAMPUS"}},
			{"provincial_model_units", []string{"PROVINCIAL_MODEL_UNIT"}},
			{"provincial_model_campus", []string{"PROVINCIAL_MODEL_CAMPUS"}},
			{"provincial_units", []string{"PROVINCIAL_UNIT"}},
			{"provincial_campus", []string{"PROVINCIAL_CAMPUS"}},
			{"treat_national", []string{"TREAT_NATIONAL_UNIT"}},
			{"treat_provincial_model", []string{"TREAT_PROVINCIAL_MODEL_UNIT"}},
			{"treat_provincial", []string{"TREAT_PROVINCIAL_UNIT"}},
			{"moral_models", []string{"DIRECT_MORAL_MODEL", "DIRECT_MORAL_MODEL_NOMINEE"}},
			{"moral_model_candidates", []string{"NATIONAL_MORAL_MODEL_CANDIDATE", "PROVINCIAL_MORAL_MODEL_CANDIDATE"}},
			{"china_good_people", []string{"CHINA_GOOD_PERSON"}},
			{"henan_good_people", []string{"HENAN_GOOD_PERSON"}},
			{"direct_good_people", []string{"DIRECT_GOOD_PERSON"}},
			{"henan_four_excellent", []string{"HENAN_FOUR_EXCELLENT"}},
			{"direct_four_excellent", []string{"DIRECT_FOUR_EXCELLENT"}},
			{"practice_excellent_projects", []string{"PRACTICE_EXCELLENT_PROJECT"}},
			{"volunteer_typical_cases", []string{"VOLUNTEER_TYPICAL_CASE"}},
			{"direct_demo_windows", []string{"DIRECT_DEMO_WINDOW"}},
			{"direct_service_stars", []string{"DIRECT_SERVICE_STAR"}},
			{"provincial_demo_windows", []string{"PROVINCIAL_DEMO_WINDOW"}},
			{"provincial_service_stars", []string{"PROVINCIAL_SERVICE_STAR"}},
			{"works_provincial_excellent", []string{"PROVINCIAL_EXCELLENT_WORK"}},
			{"works_direct_excellent", []string{"DIRECT_EXCELLENT_WORK"}},
		} {
			t.Run(tc.figure, func(t *testing.T) {
				n := 0
				for _, c := range tc.codes {
					n += counts[c]
				}
				want, ok := figs[tc.figure]
				if !ok {
					t.Fatalf("no published figure %s", tc.figure)
				}
				if float64(n) != want {
					t.Errorf("%v count %d, published %v", tc.codes, n, want)
				}
			})
		}
		if counts["NATIONAL_CIVILISED_UNIT"] != 43 {
			t.Errorf("NATIONAL_CIVILISED_UNIT = %d, want 43", counts["NATIONAL_CIVILISED_UNIT"])
		}
		// Points are count × the category's weight.
		for _, c := range honorCategories(t, base, nil) {
			if want := float64(counts[c.Code]) * c.Weight; !approxEqual(points[c.Code], want) {
				t.Errorf("%s: points %v, want %d × %v", c.Code, points[c.Code], counts[c.Code], c.Weight)
			}
		}
	})

	t.Run("Filtered", func(t *testing.T) {
		bs := honorStats(t, base, []string{"EDITION"}, map[string]any{"categories": []string{"DIRECT_MORAL_MODEL", "DIRECT_MORAL_MODEL_NOMINEE"}})
		got := map[string]int{}
		for _, b := range bs {
			got[str(b.Edition)] = b.Count
		}
		if got["第六届"] != 24 || got["第七届"] != 23 || got["第八届"] != 23 {
			t.Errorf("moral models by edition: %v", got)
		}
	})

	t.Run("UnknownCategory", func(t *testing.T) {
		wantBadInput(t, base, honorStatsQuery, map[string]any{"g": []string{"YEAR"}, "f": map[string]any{"categories": []string{"NOPE"}}})
	})
	t.Run("UnknownDimension", func(t *testing.T) {
		_, errs := GQL(t, base, honorStatsQuery, map[string]any{"g": []string{"COLOUR"}})
		if len(errs) == 0 {
			t.Error("unknown dimension accepted")
		}
	})
}

// str reads an optional string, "" for null.
func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

type honorCategory struct {
	ID, Code, NameZh, NameEn, Level, RecipientKind, DefaultStatus string
	Weight                                                        float64
}

func honorCategories(tb testing.TB, base string, level any) []honorCategory {
	tb.Helper()
	return Query[struct{ HonorCategories []honorCategory }](tb, base,
		`query($l: HonorLevel) { honorCategories(level: $l) { id code nameZh nameEn level recipientKind weight defaultStatus } }`,
		map[string]any{"l": level}).HonorCategories
}

func TestHonorCategories(t *testing.T) {
	m := SharedMain(t)
	all := honorCategories(t, m.URL(), nil)
	if len(all) != 26 {
		t.Fatalf("got %d categories, want 26", len(all))
	}
	byLevel := map[string]int{}
	for _, c := range all {
		byLevel[c.Level]++
		if c.NameZh == "" || c.NameEn == "" || c.Weight <= 0 || c.ID == "" {
			t.Errorf("category %+v", c)
		}
	}
	for _, level := range []string{"NATIONAL", "PROVINCIAL", "PROVINCIAL_DIRECT"} {
		t.Run(level, func(t *testing.T) {
			got := honorCategories(t, m.URL(), level)
			if len(got) != byLevel[level] || len(got) == 0 {
				t.Errorf("got %d, want %d", len(got), byLevel[level])
			}
			for _, c := range got {
				if c.Level != level {
					t.Errorf("%s has level %s", c.Code, c.Level)
				}
			}
		})
	}
}

func honorStats(tb testing.TB, base string, groupBy []string, filter map[string]any) []honorBucket {
	tb.Helper()
	return Query[struct{ HonorStats []honorBucket }](tb, base, honorStatsQuery, map[string]any{"g": groupBy, "f": filter}).HonorStats
}
