package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"iter"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
	"github.com/wenming/wenming/db/seed"
)

// seedScale implements `wenming seed --scale N`: it streams the scale dataset into an empty database.
func seedScale(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("wenming seed", flag.ContinueOnError)
	fs.SetOutput(stderr)
	scale := fs.Float64("scale", 1, "multiplier of the province-sized base (0.1, 1, 3 …)")
	path := dbFlag(fs)
	quiet := fs.Bool("quiet", false, "show no progress on stderr")
	if err := fs.Parse(args); err != nil {
		return err
	}
	start := time.Now()
	d, err := dial.Open(ctx, *path)
	if err != nil {
		return err
	}
	defer d.Close()
	if empty, err := d.IsEmpty(ctx); err != nil {
		return err
	} else if !empty {
		return db.Errorf(db.ECONFLICT, "数据库 %s 已有数据；规模数据只能写入空库", *path)
	}
	b, err := seed.Scale(*scale)
	if err != nil {
		return err
	}
	prog := newProgress(stderr, *quiet)
	countRows(prog, b, *scale)
	err = d.LoadBulk(ctx, b)
	prog.Finish()
	if err != nil {
		return err
	}
	took := time.Since(start)
	rows := int(float64(seed.ScaleHonors+seed.ScaleRecords+seed.ScaleActivities) * *scale)
	fmt.Fprintf(stdout, "seeded scale %g into %s: %d units, %d honours, %d volunteer records, %d activities in %s (%.0f rows/s)\n",
		*scale, *path, int(seed.ScaleUnits**scale), int(seed.ScaleHonors**scale), int(seed.ScaleRecords**scale), int(seed.ScaleActivities**scale),
		took.Round(time.Millisecond), float64(rows)/took.Seconds())
	return nil
}

// countRows makes the scale dataset's streams report their rows as they are read, each stream a phase of its own,
// so that a load of millions of rows shows how far it has got.
func countRows(p *progress, b *db.BulkDataset, scale float64) {
	if p == nil {
		return
	}
	b.Honors = counted(p, "honors", int64(float64(seed.ScaleHonors)*scale), b.Honors)
	b.VolunteerRecords = counted(p, "volunteer records", int64(float64(seed.ScaleRecords)*scale), b.VolunteerRecords)
	b.Activities = counted(p, "activities", int64(float64(seed.ScaleActivities)*scale), b.Activities)
	b.Assessments = counted(p, "assessments", -1, b.Assessments)
}

// counted wraps a stream so that reading it starts a phase and counts each item.
func counted[T any](p *progress, name string, total int64, seq iter.Seq[T]) iter.Seq[T] {
	if seq == nil {
		return nil
	}
	return func(yield func(T) bool) {
		p.Phase(name, total)
		for v := range seq {
			p.Add(1)
			if !yield(v) {
				return
			}
		}
	}
}
