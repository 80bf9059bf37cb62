package apitest

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"testing"
)

// The drill-down views (practice centres, progress) export what the API answers for the same filter.
func TestExportDrillViews(t *testing.T) {
	m := MustRunMain(t)
	base := m.URL()
	csvOf := func(t *testing.T, path string) [][]string {
		t.Helper()
		res := Do(t, http.MethodGet, base+path, nil, nil, "")
		raw, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Fatalf("%s: status %d: %s", path, res.StatusCode, raw)
		}
		recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\ufeff")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return recs
	}

	t.Run("ProgressMatchesTheAPI", func(t *testing.T) {
		recs := csvOf(t, "/export/progress.csv?metric=HONORS_TOTAL&fromYear=2019&toYear=2024&cumulative=true")
		api := Query[struct {
			Progress []struct {
				Year  int
				Value float64
			}
		}](t, base, `{ progress(metric: HONORS_TOTAL, fromYear: 2019, toYear: 2024, cumulative: true) { year value } }`, nil).Progress
		if len(recs)-1 != len(api) || len(api) != 6 {
			t.Fatalf("exported %d rows, the API has %d", len(recs)-1, len(api))
		}
		for i, p := range api {
			got, _ := strconv.ParseFloat(recs[i+1][2], 64)
			if recs[i+1][1] != fmt.Sprint(p.Year) || got != p.Value {
				t.Errorf("row %d = %v, API %+v", i+1, recs[i+1], p)
			}
		}
	})

	t.Run("PracticeCentersOfAPrefecture", func(t *testing.T) {
		api := Query[struct {
			PracticeCenters []struct{ Code, Prefecture string }
		}](t, base, `{ practiceCenters { code prefecture } }`, nil).PracticeCenters
		want := 0
		for _, c := range api {
			if c.Prefecture == "郑州市" {
				want++
			}
		}
		recs := csvOf(t, "/export/practice-centers.csv?prefecture=%E9%83%91%E5%B7%9E%E5%B8%82&toYear=2024")
		if len(recs)-1 != want || want == 0 {
			t.Fatalf("exported %d centres of 郑州市, the API has %d", len(recs)-1, want)
		}
		for _, r := range recs[1:] {
			if r[0] != "郑州市" {
				t.Fatalf("row outside the filter: %v", r)
			}
		}
	})

	t.Run("BadMetric", func(t *testing.T) {
		for _, path := range []string{"/export/progress.csv", "/export/progress.csv?metric=NOPE", "/export/practice-centers.csv?colour=red"} {
			res := Do(t, http.MethodGet, base+path, nil, nil, "")
			res.Body.Close()
			if res.StatusCode != http.StatusBadRequest {
				t.Errorf("%s: status %d, want 400", path, res.StatusCode)
			}
		}
	})
}
