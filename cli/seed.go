package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
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
	if err := d.LoadBulk(ctx, b); err != nil {
		return err
	}
	took := time.Since(start)
	rows := int(float64(seed.ScaleHonors+seed.ScaleRecords+seed.ScaleActivities) * *scale)
	fmt.Fprintf(stdout, "seeded scale %g into %s: %d units, %d honours, %d volunteer records, %d activities in %s (%.0f rows/s)\n",
		*scale, *path, int(seed.ScaleUnits**scale), int(seed.ScaleHonors**scale), int(seed.ScaleRecords**scale), int(seed.ScaleActivities**scale),
		took.Round(time.Millisecond), float64(rows)/took.Seconds())
	return nil
}
