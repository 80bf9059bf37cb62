package postgres_test

import (
	"context"
	"strings"
	"testing"

	"github.com/wenming/wenming/db/postgres"
	"github.com/wenming/wenming/db/postgres/pgtest"
	"github.com/wenming/wenming/db/seed"
)

// TestCheckRollups proves that CheckRollups finds a rollup that drifted from its records, in every rollup: a
// changed aggregate and a row the records do not give, each on its own copy of the demo data. The conformance
// suite only sees it pass.
func TestCheckRollups(t *testing.T) {
	ctx := context.Background()
	demo := pgtest.Template(t, "wenming_demo_rollups", func(ctx context.Context, dsn string) error {
		d, err := postgres.Open(ctx, dsn)
		if err != nil {
			return err
		}
		defer d.Close()
		ds, err := seed.Demo()
		if err != nil {
			return err
		}
		return d.Load(ctx, ds)
	})
	if err := open(t, demo).CheckRollups(ctx); err != nil {
		t.Fatalf("after load: %v", err)
	}
	for _, tc := range []struct{ table, breakSQL string }{
		{"rollup_volunteer", `UPDATE rollup_volunteer SET minutes = minutes + 1 WHERE ctid = (SELECT ctid FROM rollup_volunteer WHERE records <> 0 LIMIT 1)`},
		{"rollup_volunteer_year", `UPDATE rollup_volunteer_year SET volunteers = volunteers + 1 WHERE ctid = (SELECT ctid FROM rollup_volunteer_year WHERE records <> 0 LIMIT 1)`},
		{"rollup_honor", `UPDATE rollup_honor SET honors = honors + 1 WHERE ctid = (SELECT ctid FROM rollup_honor WHERE honors <> 0 LIMIT 1)`},
		{"rollup_activity", `INSERT INTO rollup_activity (year, kind, demo, activities, sessions, participants) VALUES (1950, 'ROUTINE', true, 1, 1, 1)`},
		{"rollup_assessment", `UPDATE rollup_assessment SET total_sum = total_sum + 0.5 WHERE ctid = (SELECT ctid FROM rollup_assessment WHERE assessed <> vetoed LIMIT 1)`},
		{"rollup_unit_year", `UPDATE rollup_unit_year SET honor_points = honor_points + 0.5 WHERE ctid = (SELECT ctid FROM rollup_unit_year WHERE honors <> 0 LIMIT 1)`},
	} {
		t.Run(tc.table, func(t *testing.T) {
			d := open(t, demo)
			tag, err := d.Pool().Exec(ctx, tc.breakSQL)
			if err != nil {
				t.Fatal(err)
			}
			if tag.RowsAffected() != 1 {
				t.Fatalf("the demo data has no row to change in %s", tc.table)
			}
			err = d.CheckRollups(ctx)
			if err == nil || !strings.HasPrefix(err.Error(), tc.table+":") {
				t.Errorf("CheckRollups = %v, want a difference in %s", err, tc.table)
			}
		})
	}
}
