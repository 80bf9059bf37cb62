package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/wenming/wenming/db/seed"
)

// TestRollups proves the triggers keep every rollup equal to the records through inserts, updates and deletes.
// The writes go through a second connection to the same file, as any other writer would.
func TestRollups(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "rollup.db")
	d := MustOpenDBAt(t, path)
	ds, err := seed.Demo()
	if err != nil {
		t.Fatal(err)
	}
	MustLoad(t, d, ds)
	t.Run("AfterLoad", func(t *testing.T) {
		if err := d.CheckRollups(ctx); err != nil {
			t.Fatal(err)
		}
	})

	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)&_pragma=foreign_keys(ON)")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, tc := range []struct{ name, sql string }{
		{"UpdateRecords", `UPDATE volunteer_records SET minutes = minutes + 7, verified = 1 - verified, service_date = date(service_date, '+3652 days') WHERE id % 9 = 0`},
		{"MoveCampaign", `UPDATE volunteer_records SET campaign_id = NULL WHERE id % 17 = 0`},
		{"DeleteRecords", `DELETE FROM volunteer_records WHERE id % 5 = 0`},
		{"UpdateHonors", `UPDATE honors SET year = 2022, date = NULL, status = 'RECOMMENDED' WHERE id % 7 = 0`},
		{"DeleteHonors", `DELETE FROM honors WHERE id % 11 = 0`},
		{"UpdateActivities", `UPDATE practice_activities SET sessions = sessions + 1, activity_date = date(activity_date, '-3652 days') WHERE id % 3 = 0`},
		{"DeleteActivities", `DELETE FROM practice_activities WHERE id % 4 = 0`},
		{"UpdateAssessments", `UPDATE assessments SET veto = 1 - veto, bonus = 5 WHERE id % 13 = 0`},
		{"DeleteAssessments", `DELETE FROM assessments WHERE id % 19 = 0`},
		{"ChangeUnitKind", `UPDATE units SET kind = '医院' WHERE id = 3`},
		{"ChangeCategoryWeight", `UPDATE honor_categories SET weight = weight + 1 WHERE code = 'PROVINCIAL_UNIT'`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := raw.ExecContext(ctx, tc.sql); err != nil {
				t.Fatal(err)
			}
			if err := d.CheckRollups(ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}
