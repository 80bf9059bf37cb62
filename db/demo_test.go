package db_test

import (
	"slices"
	"testing"

	"github.com/wenming/wenming/db"
)

func TestDeleteOrder(t *testing.T) {
	t.Run("ChildrenFirst", func(t *testing.T) {
		got := db.DeleteOrder([]string{"units", "honors", "people"}, [][2]string{{"honors", "units"}, {"honors", "people"}, {"people", "units"}})
		if !slices.Equal(got, []string{"honors", "people", "units"}) {
			t.Fatalf("order %v", got)
		}
	})
	t.Run("ACycleKeepsEveryTable", func(t *testing.T) {
		got := db.DeleteOrder([]string{"a", "b", "c"}, [][2]string{{"a", "b"}, {"b", "a"}})
		if len(got) != 3 || got[0] != "c" {
			t.Fatalf("order %v, want c first and all three", got)
		}
	})
}
