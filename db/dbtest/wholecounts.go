package dbtest

import (
	"reflect"
	"testing"

	"github.com/wenming/wenming/db"
)

// testWholeCountsFollowWrites reads the two answers the store keeps until the next write (the dataset's demo count
// and version, the units per kind), writes, and reads them again, for every kind of write that moves them: each
// read after a write must show it. The expected answers are the first read's (made with nothing kept) moved by what
// each write did, and the dataset's version must be the data version of the moment.
func testWholeCountsFollowWrites(t *testing.T, open Opener) {
	ds := rankingWritesDataset()
	d := mustOpenLoaded(t, open, ds)
	ctx := editorCtx()

	kinds := func(t *testing.T) map[string]int {
		t.Helper()
		got, err := d.UnitKinds(ctx)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]int{}
		for _, k := range got {
			m[k.Kind] = k.Count
		}
		return m
	}
	info := func(t *testing.T) db.DatasetInfo {
		t.Helper()
		got, err := d.DatasetInfo(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if v := dataVersions(t, d).Global; int64(got.Version) != v {
			t.Fatalf("dataset version %d, but the data version is %d: a kept answer outlived a write", got.Version, v)
		}
		return got
	}
	wantKinds, wantInfo := kinds(t), info(t)
	if !wantInfo.HasDemo || wantInfo.DemoRecords == 0 {
		t.Fatalf("the dataset has demo records, but DatasetInfo says %+v", wantInfo)
	}
	// Twice in a row: the second read is the kept one, and equal.
	if again := kinds(t); !reflect.DeepEqual(again, wantKinds) {
		t.Fatalf("units per kind read twice: %v, then %v", wantKinds, again)
	}
	check := func(t *testing.T) {
		t.Helper()
		if got := kinds(t); !reflect.DeepEqual(got, wantKinds) {
			t.Errorf("units per kind %v, want %v", got, wantKinds)
		}
		if got := info(t); got.DemoRecords != wantInfo.DemoRecords || got.HasDemo != wantInfo.HasDemo {
			t.Errorf("demo records %d (has demo %v), want %d (%v)", got.DemoRecords, got.HasDemo, wantInfo.DemoRecords, wantInfo.HasDemo)
		}
	}

	var unit *db.Unit
	t.Run("CreateUnit", func(t *testing.T) {
		var err error
		if unit, err = d.CreateUnit(ctx, db.UnitFields{Name: "计数测试厅", Kind: "医院"}); err != nil {
			t.Fatal(err)
		}
		wantKinds["医院"]++
		check(t)
	})
	t.Run("UnitChangesKind", func(t *testing.T) {
		var err error
		if unit, err = d.UpdateUnit(ctx, unit.ID, unit.Version, db.UnitFields{Name: "计数测试厅", Kind: "高校"}); err != nil {
			t.Fatal(err)
		}
		wantKinds["医院"]--
		wantKinds["高校"]++
		if wantKinds["医院"] == 0 {
			delete(wantKinds, "医院")
		}
		check(t)
	})
	t.Run("DeleteUnit", func(t *testing.T) {
		if _, err := d.DeleteRecord(ctx, db.EntityUnit, unit.ID, unit.Version); err != nil {
			t.Fatal(err)
		}
		if wantKinds["高校"]--; wantKinds["高校"] == 0 {
			delete(wantKinds, "高校")
		}
		check(t)
	})
	t.Run("DeleteDemoRecord", func(t *testing.T) {
		var id int64
		for _, r := range ds.VolunteerRecords {
			if r.Demo {
				id = r.ID
				break
			}
		}
		got, err := d.VolunteerRecordsByIDs(ctx, []int64{id})
		if err != nil || got[id] == nil {
			t.Fatalf("demo record %d: %v", id, err)
		}
		if _, err := d.DeleteRecord(ctx, db.EntityVolunteerRecord, id, got[id].Version); err != nil {
			t.Fatal(err)
		}
		wantInfo.DemoRecords--
		check(t)
	})
	t.Run("PurgeDemo", func(t *testing.T) {
		rep, err := d.PurgeDemo(adminCtx(), false)
		if err != nil {
			t.Fatal(err)
		}
		if !rep.Purged {
			t.Fatalf("nothing purged: %+v", rep.Blockers)
		}
		wantInfo.DemoRecords, wantInfo.HasDemo = 0, false
		// What is left is the dataset's real units (the one this test created is deleted).
		wantKinds = map[string]int{}
		for _, u := range ds.Units {
			if !u.Demo {
				wantKinds[u.Kind]++
			}
		}
		check(t)
	})
}
