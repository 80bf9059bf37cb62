package dbtest

import (
	"context"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/seed"
)

func adminCtx() context.Context {
	return db.WithPrincipal(context.Background(), &db.Principal{UserID: 1, Username: "admin", Role: db.RoleAdmin, Via: "session"})
}

// mustDemo loads the real catalogue plus the flagged demo dataset.
func mustDemo(tb testing.TB) *db.Dataset {
	tb.Helper()
	ds, err := seed.Demo()
	if err != nil {
		tb.Fatal(err)
	}
	return ds
}

func testPurgeDemo(t *testing.T, open Opener) {
	t.Run("RemovesEveryDemoRecordAndKeepsTheRealOnes", func(t *testing.T) {
		ds := mustDemo(t)
		d := mustOpenLoaded(t, open, ds)
		ctx := adminCtx()
		before, err := d.DatasetInfo(ctx)
		if err != nil || before.DemoRecords == 0 {
			t.Fatalf("demo dataset has no demo records: %+v %v", before, err)
		}
		figures, _ := d.PublishedFigures(ctx, "")

		dry, err := d.PurgeDemo(ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		if dry.Purged || dry.BlockerCount != 0 || dry.Total() < before.DemoRecords {
			t.Fatalf("dry run = %+v, want counts ≥ %d, nothing purged", dry, before.DemoRecords)
		}
		if after, _ := d.DatasetInfo(ctx); after.DemoRecords != before.DemoRecords || after.Version != before.Version {
			t.Fatalf("dry run changed the data: %+v → %+v", before, after)
		}

		rep, err := d.PurgeDemo(ctx, false)
		if err != nil {
			t.Fatal(err)
		}
		if !rep.Purged || rep.Total() != dry.Total() {
			t.Fatalf("purge = %+v, want %d rows purged", rep, dry.Total())
		}
		after, err := d.DatasetInfo(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if after.HasDemo || after.DemoRecords != 0 || after.Version <= before.Version {
			t.Fatalf("after purge: %+v, want no demo records and a new version", after)
		}
		left, _ := d.PublishedFigures(ctx, "")
		if len(left) != len(figures) || len(left) == 0 {
			t.Fatalf("published figures: %d before, %d after", len(figures), len(left))
		}
		realUnits := 0
		for _, u := range ds.Units {
			if !u.Demo {
				realUnits++
			}
		}
		units, err := d.Units(ctx, db.UnitCriteria{}, db.Page{First: 1})
		if err != nil {
			t.Fatal(err)
		}
		if units.TotalCount != realUnits {
			t.Fatalf("units after purge = %d, want the %d real ones", units.TotalCount, realUnits)
		}
		log, err := d.AuditLog(ctx, db.AuditCriteria{Action: db.ActionPurgeDemo}, db.Page{First: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(log.Edges) != 1 || log.Edges[0].Node.Entity != db.EntityDemoData {
			t.Fatalf("audit entries for the purge = %+v, want one DEMO_DATA entry", log.Edges)
		}
		again, err := d.PurgeDemo(ctx, false)
		if err != nil || again.Total() != 0 || again.Purged {
			t.Fatalf("second purge = %+v, %v; want nothing to do", again, err)
		}
	})

	t.Run("RefusesWhileARealRecordPointsAtADemoOne", func(t *testing.T) {
		ds := mustDemo(t)
		d := mustOpenLoaded(t, open, ds)
		ctx := adminCtx()
		var demoUnit int64
		for _, u := range ds.Units {
			if u.Demo {
				demoUnit = u.ID
				break
			}
		}
		p, err := d.CreatePerson(ctx, db.PersonFields{Name: "真实人物", UnitID: &demoUnit})
		if err != nil {
			t.Fatal(err)
		}
		before, _ := d.DatasetInfo(ctx)
		rep, err := d.PurgeDemo(ctx, false)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Purged || rep.BlockerCount != 1 || len(rep.Blockers) != 1 {
			t.Fatalf("purge = %+v, want a refusal naming one blocker", rep)
		}
		b := rep.Blockers[0]
		if b.Table != "people" || b.ID != p.ID || b.RefTable != "units" || b.RefID != demoUnit || b.NameZh != "人物" {
			t.Fatalf("blocker = %+v, want people %d → units %d", b, p.ID, demoUnit)
		}
		if after, _ := d.DatasetInfo(ctx); after.DemoRecords != before.DemoRecords {
			t.Fatalf("a refused purge deleted records: %d → %d", before.DemoRecords, after.DemoRecords)
		}
	})

	t.Run("NeedsAnAdmin", func(t *testing.T) {
		d := mustOpenLoaded(t, open, mustDemo(t))
		_, err := d.PurgeDemo(editorCtx(), true)
		assertCode(t, err, db.EFORBIDDEN)
		_, err = d.PurgeDemo(context.Background(), true)
		assertCode(t, err, db.EUNAUTHORIZED)
	})

	t.Run("ClearsDemoEntriesOfTheRecycleBin", func(t *testing.T) {
		ds := mustDemo(t)
		d := mustOpenLoaded(t, open, ds)
		ctx := adminCtx()
		var demoHonor *db.Honor
		for _, h := range ds.Honors {
			if h.Demo {
				demoHonor = h
				break
			}
		}
		if _, err := d.DeleteRecord(ctx, db.EntityHonor, demoHonor.ID, 0); err != nil {
			t.Fatal(err)
		}
		rep, err := d.PurgeDemo(ctx, false)
		if err != nil || !rep.Purged {
			t.Fatalf("purge = %+v, %v", rep, err)
		}
		bin, err := d.DeletedRecords(ctx, db.DeletedCriteria{}, db.Page{First: 10})
		if err != nil {
			t.Fatal(err)
		}
		if bin.TotalCount != 0 {
			t.Fatalf("recycle bin still holds %d entries after the purge", bin.TotalCount)
		}
	})
}
