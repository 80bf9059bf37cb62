package sqlite_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/seed"
	"github.com/wenming/wenming/db/sqlite"
)

// BenchmarkRankingAfterWrite measures one ranking as the dashboard asks for it after a write: the 2024 creation
// index, top 10 with the previous year's ranks (db.BuildRankings), straight from the store with no answer cache, each
// time right after a volunteer record of 2024 changed (the write itself is not timed), at scale 1 (5,000 units, 2
// million volunteer records). RankingInputs runs the same without the scoring. WENMING_BENCH_DB names a seeded
// scale-1 file to work on a copy of (wenming seed --scale 1 --db FILE); without it the benchmark seeds one, which
// takes about a minute.
func BenchmarkRankingAfterWrite(b *testing.B) {
	d := scaleOneDB(b)
	ctx := editor()
	u, err := d.CreateUnit(ctx, db.UnitFields{Name: "排名基准单位", Kind: "机关", Sector: "基准"})
	if err != nil {
		b.Fatal(err)
	}
	in := db.VolunteerRecordFields{UnitID: u.ID, Date: "2024-03-01", Volunteers: 2, Minutes: 60, Method: db.MethodBackfill}
	rec, err := d.CreateVolunteerRecord(ctx, in)
	if err != nil {
		b.Fatal(err)
	}
	write := func(b *testing.B, i int) {
		b.StopTimer()
		in.Minutes = int64(60 + i%2*60)
		if rec, err = d.UpdateVolunteerRecord(ctx, rec.ID, rec.Version, in); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.Run("BuildRankings", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			write(b, i)
			es, err := db.BuildRankings(ctx, d, 2024, db.RankCreationIndex, "", 10, db.RankingTop)
			if err != nil || len(es) != 10 {
				b.Fatal(len(es), err)
			}
		}
	})
	b.Run("RankingInputs", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			write(b, i)
			if _, err := d.RankingInputs(ctx, 2024, ""); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// scaleOneDB opens a copy of the file WENMING_BENCH_DB names, or a freshly seeded scale-1 database.
func scaleOneDB(b *testing.B) *sqlite.DB {
	b.Helper()
	path := filepath.Join(b.TempDir(), "scale-1.db")
	src := os.Getenv("WENMING_BENCH_DB")
	if src == "" {
		ds, err := seed.Scale(1)
		if err != nil {
			b.Fatal(err)
		}
		d := MustOpenDBAt(b, path)
		if err := d.LoadBulk(context.Background(), ds); err != nil {
			b.Fatal(err)
		}
		return d
	}
	from, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer from.Close()
	to, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(to, from); err != nil {
		b.Fatal(err)
	}
	if err := to.Close(); err != nil {
		b.Fatal(err)
	}
	return MustOpenDBAt(b, path)
}
