package main

import (
	"context"
	"sort"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/dial"
)

// measureFloors computes each benchmarked answer straight from the store's SQL (no GraphQL, no HTTP, no cache)
// and returns the p50 of 200 runs per query, keyed by the query's name.
func measureFloors(ctx context.Context, path string) (map[string]time.Duration, error) {
	d, err := dial.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	years := db.YearRange{From: db.FirstYear, To: db.LastYear}
	overview := func() error {
		if _, err := db.BuildOverview(ctx, d, years); err != nil {
			return err
		}
		if _, err := d.PublishedFigures(ctx, ""); err != nil {
			return err
		}
		_, err := d.Milestones(ctx)
		return err
	}
	progress := func() error {
		for _, m := range db.AllProgressMetrics {
			if _, err := d.Progress(ctx, m, years); err != nil {
				return err
			}
		}
		return nil
	}
	dataset := func() error { _, err := d.DatasetInfo(ctx); return err }
	rankings := func() error {
		for _, o := range []db.RankingOrder{db.RankingTop, db.RankingBottom} {
			es, err := db.BuildRankings(ctx, d, 2024, db.RankCreationIndex, "", 10, o)
			if err != nil {
				return err
			}
			ids := make([]int64, len(es))
			for i, e := range es {
				ids[i] = e.UnitID
			}
			if _, err := d.UnitsByIDs(ctx, ids); err != nil {
				return err
			}
		}
		if _, err := d.RankingWeights(ctx, 2024); err != nil {
			return err
		}
		_, err := d.UnitKinds(ctx)
		return err
	}
	fns := map[string]func() error{
		"overview KPIs":        overview,
		"progress (10 series)": progress,
		"dataset":              dataset,
		"honorStats [YEAR,LEVEL]": func() error {
			_, err := d.HonorStats(ctx, []db.HonorDimension{db.HonorDimYear, db.HonorDimLevel}, db.HonorCriteria{})
			return err
		},
		"volunteerStats [CAMPAIGN,YEAR]": func() error {
			_, err := d.VolunteerStats(ctx, []db.VolunteerDimension{db.VolDimCampaign, db.VolDimYear}, db.VolunteerCriteria{})
			return err
		},
		"rankings top+bottom 10": rankings,
		"overview page (3 ops)": func() error {
			for _, f := range []func() error{overview, progress, dataset} {
				if err := f(); err != nil {
					return err
				}
			}
			return nil
		},
	}
	out := map[string]time.Duration{}
	for name, fn := range fns {
		lat := make([]time.Duration, 0, 200)
		for i := 0; i < 200; i++ {
			t0 := time.Now()
			if err := fn(); err != nil {
				return nil, err
			}
			lat = append(lat, time.Since(t0))
		}
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		out[name] = lat[len(lat)/2]
	}
	return out, nil
}
