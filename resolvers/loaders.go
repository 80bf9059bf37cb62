package resolvers

import (
	"context"
	"errors"
	"time"

	"github.com/vikstrous/dataloadgen"
	"github.com/wenming/wenming/db"
)

// Loaders batch the nested lookups of one request, so that a list of N units costs one query per field, not N.
type Loaders struct {
	Units           *dataloadgen.Loader[int64, *db.Unit]
	People          *dataloadgen.Loader[int64, *db.Person]
	Projects        *dataloadgen.Loader[int64, *db.VolunteerProject]
	Works           *dataloadgen.Loader[int64, *db.Work]
	Categories      *dataloadgen.Loader[int64, *db.HonorCategory]
	Sources         *dataloadgen.Loader[int64, *db.SourceDocument]
	Campaigns       *dataloadgen.Loader[int64, *db.Campaign]
	Centers         *dataloadgen.Loader[int64, *db.PracticeCenter]
	HonorsByUnit    *dataloadgen.Loader[int64, []*db.Honor]
	HonorsByPerson  *dataloadgen.Loader[int64, []*db.Honor]
	HonorsByProject *dataloadgen.Loader[int64, []*db.Honor]
	Assessments     *dataloadgen.Loader[int64, []*db.Assessment]
	Scores          *dataloadgen.Loader[int64, []*db.IndicatorScore]
	LinksByUnit     *dataloadgen.Loader[int64, []*db.PracticeLink]
	LinksByCenter   *dataloadgen.Loader[int64, []*db.PracticeLink]
	Pairings        *dataloadgen.Loader[int64, []*db.Pairing]
	CenterSessions  *dataloadgen.Loader[int64, int]
	Donations       *dataloadgen.Loader[int64, []*db.Donation]
	VolunteerTotals *dataloadgen.Loader[unitYears, *db.VolunteerTotals]
	ReportSources   *dataloadgen.Loader[db.ReportSourceKey, *db.ReportSource]
}

// unitYears keys a unit's volunteer totals over a range of years.
type unitYears struct {
	unit  int64
	years db.YearRange
}

// NewLoaders builds a fresh set of loaders for one request.
func NewLoaders(s db.Store) *Loaders {
	wait := dataloadgen.WithWait(250 * time.Microsecond)
	return &Loaders{
		Units:           dataloadgen.NewMappedLoader(s.UnitsByIDs, wait),
		People:          dataloadgen.NewMappedLoader(s.PeopleByIDs, wait),
		Projects:        dataloadgen.NewMappedLoader(s.VolunteerProjectsByIDs, wait),
		Works:           dataloadgen.NewMappedLoader(s.WorksByIDs, wait),
		Categories:      dataloadgen.NewMappedLoader(categoriesByIDs(s), wait),
		Sources:         dataloadgen.NewMappedLoader(s.SourceDocumentsByIDs, wait),
		Campaigns:       dataloadgen.NewMappedLoader(s.CampaignsByIDs, wait),
		Centers:         dataloadgen.NewMappedLoader(s.PracticeCentersByIDs, wait),
		HonorsByUnit:    dataloadgen.NewMappedLoader(s.HonorsByUnits, wait),
		HonorsByPerson:  dataloadgen.NewMappedLoader(s.HonorsByPeople, wait),
		HonorsByProject: dataloadgen.NewMappedLoader(s.HonorsByProjects, wait),
		Assessments:     dataloadgen.NewMappedLoader(s.AssessmentsByUnits, wait),
		Scores:          dataloadgen.NewMappedLoader(s.IndicatorScoresByAssessments, wait),
		LinksByUnit:     dataloadgen.NewMappedLoader(s.PracticeLinksByUnits, wait),
		LinksByCenter:   dataloadgen.NewMappedLoader(s.PracticeLinksByCenters, wait),
		Pairings:        dataloadgen.NewMappedLoader(s.PairingsByUnits, wait),
		CenterSessions:  dataloadgen.NewMappedLoader(s.CenterSessions, wait),
		Donations:       dataloadgen.NewMappedLoader(s.DonationsByCampaigns, wait),
		VolunteerTotals: dataloadgen.NewMappedLoader(volunteerTotals(s), wait),
		ReportSources:   dataloadgen.NewMappedLoader(s.ReportSources, wait),
	}
}

func categoriesByIDs(s db.Store) func(context.Context, []int64) (map[int64]*db.HonorCategory, error) {
	return func(ctx context.Context, _ []int64) (map[int64]*db.HonorCategory, error) {
		cs, err := s.HonorCategories(ctx)
		m := make(map[int64]*db.HonorCategory, len(cs))
		for _, c := range cs {
			m[c.ID] = c
		}
		return m, err
	}
}

// volunteerTotals batches keys by year range (a request almost always uses one) and fills zero totals.
func volunteerTotals(s db.Store) func(context.Context, []unitYears) (map[unitYears]*db.VolunteerTotals, error) {
	return func(ctx context.Context, keys []unitYears) (map[unitYears]*db.VolunteerTotals, error) {
		byRange := map[db.YearRange][]int64{}
		for _, k := range keys {
			byRange[k.years] = append(byRange[k.years], k.unit)
		}
		out := make(map[unitYears]*db.VolunteerTotals, len(keys))
		for r, ids := range byRange {
			got, err := s.VolunteerTotalsByUnits(ctx, ids, r)
			if err != nil {
				return nil, err
			}
			for _, id := range ids {
				t := got[id]
				if t == nil {
					t = &db.VolunteerTotals{}
				}
				out[unitYears{id, r}] = t
			}
		}
		return out, nil
	}
}

type loadersKey struct{}

// WithLoaders gives one GraphQL operation its own loaders; the server calls it per operation, so that a
// WebSocket connection's operations never share what an earlier one loaded.
func WithLoaders(ctx context.Context, s db.Store) context.Context {
	return context.WithValue(ctx, loadersKey{}, NewLoaders(s))
}

// loaders returns the request's loaders, building a private set when a caller (a test, a CLI) skipped the middleware.
func (r *Resolver) loaders(ctx context.Context) *Loaders {
	if l, ok := ctx.Value(loadersKey{}).(*Loaders); ok {
		return l
	}
	return NewLoaders(r.Store)
}

// one loads a single value; a missing row gives nil without an error, since a dangling optional link is not a failure.
func one[K comparable, V any](ctx context.Context, l *dataloadgen.Loader[K, V], key K) (V, error) {
	v, err := l.Load(ctx, key)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		var zero V
		return zero, nil
	}
	return v, err
}

// optional loads a value behind a nullable foreign key.
func optional[V any](ctx context.Context, l *dataloadgen.Loader[int64, *V], id *int64) (*V, error) {
	if id == nil {
		return nil, nil
	}
	return one(ctx, l, *id)
}
