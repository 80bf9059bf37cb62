package dbtest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/seed"
)

// recordCounts counts what a Verification counts, through the Store's own reads.
func recordCounts(tb testing.TB, d db.Backend) map[string]int64 {
	tb.Helper()
	ctx := context.Background()
	n := map[string]int64{}
	if err := d.EachUnit(ctx, db.UnitCriteria{}, func(*db.Unit) error { n["units"]++; return nil }); err != nil {
		tb.Fatal(err)
	}
	if err := d.EachHonor(ctx, db.HonorCriteria{}, func(*db.Honor) error { n["honors"]++; return nil }); err != nil {
		tb.Fatal(err)
	}
	if err := d.EachVolunteerRecord(ctx, db.VolunteerCriteria{}, func(*db.VolunteerRecord) error { n["volunteer_records"]++; return nil }); err != nil {
		tb.Fatal(err)
	}
	if err := d.EachPracticeActivity(ctx, db.PracticeActivityCriteria{}, func(*db.PracticeActivity) error { n["practice_activities"]++; return nil }); err != nil {
		tb.Fatal(err)
	}
	if err := d.EachAssessment(ctx, db.AssessmentCriteria{}, func(*db.Assessment) error { n["assessments"]++; return nil }); err != nil {
		tb.Fatal(err)
	}
	return n
}

// mustVerifyAs fails the test unless v holds d's data version, migrations and record counts.
func mustVerifyAs(tb testing.TB, v *db.Verification, d db.Backend) {
	tb.Helper()
	ctx := context.Background()
	version, err := d.DataVersion(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	migrations, err := d.AppliedMigrations(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	if v.DataVersion != version || v.Migrations != len(migrations) {
		tb.Fatalf("verification: data version %d, %d migrations; the database has %d, %d", v.DataVersion, v.Migrations, version, len(migrations))
	}
	for table, n := range recordCounts(tb, d) {
		if v.Records[table] != n {
			tb.Fatalf("verification counts %d %s, the store reads %d", v.Records[table], table, n)
		}
	}
	if v.Records["people"] == 0 {
		tb.Fatalf("verification counts no people: %v", v.Records)
	}
}

// testVerify proves that Verify passes a loaded database and reports what it holds.
func testVerify(t *testing.T, open Opener) {
	ds, err := seed.Demo()
	if err != nil {
		t.Fatal(err)
	}
	d := mustOpenLoaded(t, open, ds)
	v, err := d.Verify(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	mustVerifyAs(t, v, d)
}

// testBackup proves that Backup writes a file and reports the database it copied, and never overwrites a file.
func testBackup(t *testing.T, open Opener) {
	ds, err := seed.Demo()
	if err != nil {
		t.Fatal(err)
	}
	d := mustOpenLoaded(t, open, ds)
	out := filepath.Join(t.TempDir(), "backup")
	v, err := d.Backup(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	mustVerifyAs(t, v, d)
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		t.Fatalf("backup file: %v %v", st, err)
	}
	t.Run("ErrOutExists", func(t *testing.T) {
		_, err := d.Backup(context.Background(), out)
		assertCode(t, err, db.EINVALID)
	})
}
