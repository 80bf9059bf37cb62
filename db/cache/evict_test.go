package cache_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/cache"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/db/seed"
)

// TestStaleAnswersLeave checks that the answers of an older data version leave the cache once a request sees a
// newer one, rather than filling it to its count bound: under steady writes that bound was what held memory.
func TestStaleAnswersLeave(t *testing.T) {
	ctx := context.Background()
	d, err := dial.Open(ctx, filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ds, err := seed.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Load(ctx, ds); err != nil {
		t.Fatal(err)
	}
	c := cache.New(d, d, 1000)
	read := func(years int) {
		t.Helper()
		if _, err := c.HonorStats(ctx, []db.HonorDimension{db.HonorDimYear}, db.HonorCriteria{Years: db.YearRange{From: 2019, To: 2019 + years}}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 5 {
		read(i)
	}
	if n := c.Len(); n != 5 {
		t.Fatalf("%d answers cached, want 5", n)
	}
	editor := db.WithPrincipal(ctx, &db.Principal{Username: "t", Role: db.RoleEditor, Via: "cli"})
	if _, err := d.CreateUnit(editor, db.UnitFields{Name: "缓存测试单位（演示）", Kind: "机关"}); err != nil {
		t.Fatal(err)
	}
	read(0)
	if n := c.Len(); n != 1 {
		t.Errorf("%d answers cached after a write and one read, want 1: the older version's answers stayed", n)
	}
}
