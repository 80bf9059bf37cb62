package main_test

import (
	"database/sql"
	"testing"
)

// TestResponseCache checks that a repeated query is answered the same, and that a write which bumps the data
// version is seen by the very next request.
func TestResponseCache(t *testing.T) {
	m := MustRunMain(t)
	type stats struct {
		HonorStats []struct{ Count int } `json:"honorStats"`
	}
	const q = `{ honorStats(groupBy: []) { count } }`
	first := query[stats](t, m.URL(), q, nil).HonorStats[0].Count
	t.Run("Repeat", func(t *testing.T) {
		if again := query[stats](t, m.URL(), q, nil).HonorStats[0].Count; again != first {
			t.Fatalf("repeated query = %d, want %d", again, first)
		}
	})
	t.Run("AfterWrite", func(t *testing.T) {
		raw, err := sql.Open("sqlite", "file:"+m.Config.DBPath+"?_pragma=busy_timeout(5000)")
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close()
		if _, err := raw.Exec(`DELETE FROM honors WHERE id = (SELECT max(id) FROM honors); UPDATE meta SET value = value + 1 WHERE key = 'data_version'`); err != nil {
			t.Fatal(err)
		}
		if got := query[stats](t, m.URL(), q, nil).HonorStats[0].Count; got != first-1 {
			t.Fatalf("after a write = %d, want %d", got, first-1)
		}
	})
}
