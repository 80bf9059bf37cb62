package sqlite_test

import (
	"context"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/seed"
)

// TestDemoReconciles loads the real demo dataset and checks every tracked published figure is MATCH.
func TestDemoReconciles(t *testing.T) {
	ctx := context.Background()
	d := MustOpenDB(t)
	ds, err := seed.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Load(ctx, ds); err != nil {
		t.Fatal(err)
	}
	rows, err := db.BuildReconciliation(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	tracked := 0
	for _, r := range rows {
		t.Run(r.Figure.Key, func(t *testing.T) {
			if !r.Figure.Tracked() {
				if r.Status != db.ReconNotTracked {
					t.Fatalf("untracked figure has status %s", r.Status)
				}
				return
			}
			tracked++
			if r.Status != db.ReconMatch {
				t.Fatalf("status = %s (figure %v %s, recorded %v): %s", r.Status, r.Figure.Value, r.Figure.Qualifier, *r.RecordedValue, r.Note)
			}
		})
	}
	if tracked != 43 {
		t.Errorf("tracked figures = %d, want 43", tracked)
	}

	t.Run("RealOnlyFallsShort", func(t *testing.T) {
		d := MustOpenDB(t)
		real, err := seed.Real()
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Load(ctx, real); err != nil {
			t.Fatal(err)
		}
		rows, err := db.BuildReconciliation(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if r.Figure.Key == "national_units" && r.Status != db.ReconBelow {
				t.Fatalf("without demo records national_units is %s, want BELOW", r.Status)
			}
		}
	})
}
