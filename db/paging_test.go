package db_test

import (
	"testing"

	"github.com/wenming/wenming/db"
)

func TestCursor(t *testing.T) {
	t.Run("RoundTrip", func(t *testing.T) {
		c, err := db.DecodeCursor(db.EncodeCursor("hours", 12.5, 7))
		if err != nil || c.V != 12.5 || c.ID != 7 || c.O != "hours" {
			t.Fatalf("decoded %+v %v", c, err)
		}
	})
	for _, bad := range []string{"", "%%%", "eyJpZCI6MH0"} { // the last is {"id":0}
		t.Run("ErrInvalid/"+bad, func(t *testing.T) {
			if _, err := db.DecodeCursor(bad); db.ErrorCode(err) != db.EINVALID || db.ErrorField(err) != "after" {
				t.Fatalf("err = %v", err)
			}
		})
	}
}

func TestPaged(t *testing.T) {
	rows := []int{1, 2, 3}
	cur := func(n int) string { return db.EncodeCursor("", nil, int64(n)) }
	edge := func(c string, n int) int { return n }
	t.Run("ProbeRowMeansANextPage", func(t *testing.T) {
		edges, pi := db.Paged(rows, db.Page{First: 2}, cur, edge)
		if len(edges) != 2 || !pi.HasNextPage || pi.HasPreviousPage || *pi.EndCursor != cur(2) || *pi.StartCursor != cur(1) {
			t.Fatalf("edges %v, info %+v", edges, pi)
		}
	})
	t.Run("LastPage", func(t *testing.T) {
		edges, pi := db.Paged(rows[2:], db.Page{First: 2, After: cur(2)}, cur, edge)
		if len(edges) != 1 || pi.HasNextPage || !pi.HasPreviousPage {
			t.Fatalf("edges %v, info %+v", edges, pi)
		}
	})
	t.Run("Empty", func(t *testing.T) {
		_, pi := db.Paged([]int{}, db.Page{First: 2}, cur, edge)
		if pi.StartCursor != nil || pi.EndCursor != nil || pi.HasNextPage {
			t.Fatalf("info %+v", pi)
		}
	})
}
