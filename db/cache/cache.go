// Package cache wraps a db.Store with an in-memory cache of its aggregate reads, keyed on the versions of the
// domains each read depends on (db.Domain): every write bumps the versions of what it changed, so a cached answer
// is never served after its data changed, and nothing needs invalidating. Concurrent misses for one answer at one
// set of versions compute it once.
package cache

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/wenming/wenming/db"
)

// Versioner reports the current data versions, the total and each domain's; the backends read them from their meta
// table.
type Versioner = db.VersionsSource

// VersionFunc is a Versioner made of a function, such as a backend's CachedVersions.
type VersionFunc func(ctx context.Context) (db.Versions, error)

// DataVersions calls f.
func (f VersionFunc) DataVersions(ctx context.Context) (db.Versions, error) { return f(ctx) }

// Store is a db.Store whose aggregate reads are cached per data version; other reads pass through.
type Store struct {
	db.Store
	v    Versioner
	lru  *lru.Cache[string, any]
	hits atomic.Int64
	miss atomic.Int64
	// shared counts the misses answered by another caller's computation.
	shared atomic.Int64
	// mu guards running: the computation under way for each answer (method and arguments, without versions).
	mu      sync.Mutex
	running map[string]*flight
	// accounts is AccountsEpoch.
	accounts atomic.Uint64
	// newest is the newest data version a request has seen (evictOlder).
	newest atomic.Int64
	// timeline is the database timeline of newest (db.Versions.Timeline): a failover's moves it on.
	timeline atomic.Int64
}

// New wraps s with a cache of at most size answers.
func New(s db.Store, v Versioner, size int) *Store {
	c, _ := lru.New[string, any](size)
	return &Store{Store: s, v: v, lru: c, running: map[string]*flight{}}
}

// Stats reports cache hits and misses, for the benchmark and logs; a miss that shared another's computation counts
// as a miss.
func (s *Store) Stats() (hits, misses int64) { return s.hits.Load(), s.miss.Load() }

// Shared reports how many misses were answered by a computation another caller ran, rather than computing again.
func (s *Store) Shared() int64 { return s.shared.Load() }

type memoKey struct{}

// versionMemo holds the data version read once for an operation.
type versionMemo struct {
	mu  sync.Mutex
	ok  bool
	ver db.Versions
	err error
}

// WithRequestVersion lets every cached read of one operation share a single read of the data version. Give
// each operation its own (not each connection: a WebSocket carries many operations over time).
func WithRequestVersion(ctx context.Context) context.Context {
	return context.WithValue(ctx, memoKey{}, &versionMemo{})
}

// ForgetVersion makes the operation read the data version again, after it wrote.
func ForgetVersion(ctx context.Context) {
	if m, ok := ctx.Value(memoKey{}).(*versionMemo); ok {
		m.mu.Lock()
		m.ok = false
		m.mu.Unlock()
	}
}

// Version returns the total data version for this request (read once per operation under WithRequestVersion).
func (s *Store) Version(ctx context.Context) (int64, error) {
	v, err := s.version(ctx)
	return v.Global, err
}

// Versions returns the data versions, the total and each domain's, for this request (read once per operation under
// WithRequestVersion): what the response cache keys its answers on.
func (s *Store) Versions(ctx context.Context) (db.Versions, error) { return s.version(ctx) }

func (s *Store) version(ctx context.Context) (db.Versions, error) {
	m, ok := ctx.Value(memoKey{}).(*versionMemo)
	if !ok {
		return s.v.DataVersions(ctx)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.ok {
		m.ver, m.err = s.v.DataVersions(ctx)
		m.ok = m.err == nil
	}
	return m.ver, m.err
}

// flight is one computation of an answer, which the misses that arrive meanwhile wait for.
type flight struct {
	// ver is the versions read before the computation began: its answer is at least that new.
	ver  db.Versions
	done chan struct{}
	val  any
	err  error
}

// covers reports whether an answer computed after reading w is current for a caller that read v: every domain the
// answer reads is at least as new. Versions only grow (a restored database goes back: restart after a restore, as
// docs/operators.md says).
func covers(w, v db.Versions, reads db.DomainSet) bool {
	for _, d := range reads.List() {
		if w.Of[d] < v.Of[d] {
			return false
		}
	}
	return true
}

// cached returns the answer for (method, args) at the current versions of the domains it reads, computing it on a
// miss. The versions are read before the computation, so an answer is never stored under versions newer than the
// data it saw.
//
// At most one computation of an answer runs at a time. A miss waits for the one under way and takes its answer
// when that computation read versions at least as new as the caller's; otherwise it waits for it to end, and the
// first such waiter computes again after reading the versions afresh, for itself and every caller queued behind
// it. So while writes come faster than a computation takes, an answer is computed back to back, once at a time,
// rather than once per write and caller; and every caller still gets an answer that includes every write it could
// have seen. A computation runs without its caller's cancellation, so that a client going away does not fail the
// others waiting on it.
func cached[T any](ctx context.Context, s *Store, method string, reads db.DomainSet, args any, compute func(ctx context.Context) (T, error)) (T, error) {
	var zero T
	ver, err := s.version(ctx)
	if err != nil {
		return zero, err
	}
	s.evictOlder(ver)
	b, err := json.Marshal(args)
	if err != nil {
		return compute(ctx)
	}
	base := method + "\x00" + string(b) + "\x00"
	if v, ok := s.lru.Get(base + ver.Key(reads)); ok {
		s.hits.Add(1)
		return v.(T), nil
	}
	s.miss.Add(1)
	waited := false
	for {
		start := ver
		if waited {
			// Read afresh, so that the next computation is new enough for every caller queued behind the last one.
			fresh, err := s.v.DataVersions(ctx)
			if err != nil {
				return zero, err
			}
			if covers(fresh, ver, reads) {
				start = fresh
			}
		}
		s.mu.Lock()
		// Under mu: a computation stores its answer before it leaves running, so a caller that finds neither an
		// answer (at versions at least as new as its own) nor a computation here must compute.
		if v, ok := s.lru.Get(base + start.Key(reads)); ok {
			s.mu.Unlock()
			s.shared.Add(1)
			return v.(T), nil
		}
		if f := s.running[base]; f != nil {
			s.mu.Unlock()
			select {
			case <-f.done:
			case <-ctx.Done():
				return zero, ctx.Err()
			}
			if covers(f.ver, ver, reads) {
				s.shared.Add(1)
				if f.err != nil {
					return zero, f.err
				}
				return f.val.(T), nil
			}
			waited = true
			continue
		}
		f := &flight{ver: start, done: make(chan struct{})}
		s.running[base] = f
		s.mu.Unlock()
		s.run(ctx, base, reads, f, func(ctx context.Context) (any, error) { return compute(ctx) })
		if f.err != nil {
			return zero, f.err
		}
		return f.val.(T), nil
	}
}

// run computes f, stores a good answer under its versions, and releases its waiters, whatever happens (a panic
// too: the waiters get an error, and the panic goes on to the server's recover function).
func (s *Store) run(ctx context.Context, base string, reads db.DomainSet, f *flight, compute func(context.Context) (any, error)) {
	defer func() {
		if r := recover(); r != nil {
			f.err = fmt.Errorf("cache: computation panicked: %v", r)
			s.finish(base, f)
			panic(r)
		}
		s.finish(base, f)
	}()
	f.val, f.err = compute(context.WithoutCancel(ctx))
	if f.err == nil {
		s.lru.Add(base+f.ver.Key(reads), f.val)
	}
}

func (s *Store) finish(base string, f *flight) {
	s.mu.Lock()
	if s.running[base] == f {
		delete(s.running, base)
	}
	s.mu.Unlock()
	close(f.done)
}

// What each cached read depends on, reviewed against the SQL of both backends. Measure, Progress and DatasetInfo
// read across every domain (the overview's figures, the demo count).
var (
	readsHonors    = db.Domains(db.DomainUnits, db.DomainHonors, db.DomainCatalogue)    // unit kinds group honours; categories, projects and works are recipients
	readsVolunteer = db.Domains(db.DomainUnits, db.DomainVolunteer, db.DomainCatalogue) // unit kinds and campaigns group records; donations are merged in
	readsPractice  = db.Domains(db.DomainUnits, db.DomainPractice, db.DomainCatalogue)  // centres, linked units, activities
)

// Measure caches metric values per year range.
func (s *Store) Measure(ctx context.Context, metrics []db.Metric, years db.YearRange) (map[db.Metric]float64, error) {
	return cached(ctx, s, "Measure", db.AllDomains, []any{metrics, years}, func(ctx context.Context) (map[db.Metric]float64, error) { return s.Store.Measure(ctx, metrics, years) })
}

// Progress caches a metric's yearly series.
func (s *Store) Progress(ctx context.Context, m db.ProgressMetric, years db.YearRange) ([]db.YearValue, error) {
	return cached(ctx, s, "Progress", db.AllDomains, []any{m, years}, func(ctx context.Context) ([]db.YearValue, error) { return s.Store.Progress(ctx, m, years) })
}

// HonorStats caches flat honour counts.
func (s *Store) HonorStats(ctx context.Context, g []db.HonorDimension, f db.HonorCriteria) ([]*db.HonorBucket, error) {
	return cached(ctx, s, "HonorStats", readsHonors, []any{g, f}, func(ctx context.Context) ([]*db.HonorBucket, error) { return s.Store.HonorStats(ctx, g, f) })
}

// VolunteerStats caches flat volunteer totals.
func (s *Store) VolunteerStats(ctx context.Context, g []db.VolunteerDimension, f db.VolunteerCriteria) ([]*db.VolunteerBucket, error) {
	return cached(ctx, s, "VolunteerStats", readsVolunteer, []any{g, f}, func(ctx context.Context) ([]*db.VolunteerBucket, error) { return s.Store.VolunteerStats(ctx, g, f) })
}

// RankingInputs caches each unit's raw ranking components for a year: the SQL part of a ranking.
func (s *Store) RankingInputs(ctx context.Context, year int, kind string) ([]db.RankingInput, error) {
	return cached(ctx, s, "RankingInputs", db.RankingInputReads, []any{year, kind}, func(ctx context.Context) ([]db.RankingInput, error) { return s.Store.RankingInputs(ctx, year, kind) })
}

// Keep caches what the rules compute from the store's reads (db.Keeper), as the aggregates are cached: by name and
// arguments, at the versions of the domains it reads.
func (s *Store) Keep(ctx context.Context, name string, reads db.DomainSet, args any, compute func(context.Context) (any, error)) (any, error) {
	return cached(ctx, s, "Keep."+name, reads, args, compute)
}

// RankingWeights caches the weights in force for a year.
func (s *Store) RankingWeights(ctx context.Context, year int) ([]*db.RankingWeight, error) {
	return cached(ctx, s, "RankingWeights", db.Domains(db.DomainPlans), year, func(ctx context.Context) ([]*db.RankingWeight, error) { return s.Store.RankingWeights(ctx, year) })
}

// DatasetInfo caches the dataset facts.
func (s *Store) DatasetInfo(ctx context.Context) (db.DatasetInfo, error) {
	return cached(ctx, s, "DatasetInfo", db.AllDomains, nil, func(ctx context.Context) (db.DatasetInfo, error) { return s.Store.DatasetInfo(ctx) })
}

// PublishedFigures caches the figures of a section.
func (s *Store) PublishedFigures(ctx context.Context, section string) ([]*db.PublishedFigure, error) {
	return cached(ctx, s, "PublishedFigures", db.Domains(db.DomainCatalogue), section, func(ctx context.Context) ([]*db.PublishedFigure, error) {
		return s.Store.PublishedFigures(ctx, section)
	})
}

// HonorCategories caches the catalogue.
func (s *Store) HonorCategories(ctx context.Context) ([]*db.HonorCategory, error) {
	return cached(ctx, s, "HonorCategories", db.Domains(db.DomainHonors, db.DomainCatalogue), nil, func(ctx context.Context) ([]*db.HonorCategory, error) { return s.Store.HonorCategories(ctx) })
}

// Campaigns caches the campaigns with their totals.
func (s *Store) Campaigns(ctx context.Context) ([]*db.Campaign, error) {
	return cached(ctx, s, "Campaigns", readsVolunteer, nil, func(ctx context.Context) ([]*db.Campaign, error) { return s.Store.Campaigns(ctx) })
}

// PracticeSummary caches the practice summary.
func (s *Store) PracticeSummary(ctx context.Context, years db.YearRange) (*db.PracticeSummary, error) {
	return cached(ctx, s, "PracticeSummary", readsPractice, years, func(ctx context.Context) (*db.PracticeSummary, error) { return s.Store.PracticeSummary(ctx, years) })
}

// PracticeActivityStats caches activity buckets.
func (s *Store) PracticeActivityStats(ctx context.Context, years db.YearRange) ([]*db.PracticeActivityBucket, error) {
	return cached(ctx, s, "PracticeActivityStats", readsPractice, years, func(ctx context.Context) ([]*db.PracticeActivityBucket, error) {
		return s.Store.PracticeActivityStats(ctx, years)
	})
}

// Milestones caches the timeline.
func (s *Store) Milestones(ctx context.Context) ([]*db.Milestone, error) {
	return cached(ctx, s, "Milestones", db.Domains(db.DomainCatalogue), nil, func(ctx context.Context) ([]*db.Milestone, error) { return s.Store.Milestones(ctx) })
}

// UnitKinds caches unit counts per kind.
func (s *Store) UnitKinds(ctx context.Context) ([]*db.UnitKindCount, error) {
	return cached(ctx, s, "UnitKinds", db.Domains(db.DomainUnits), nil, func(ctx context.Context) ([]*db.UnitKindCount, error) { return s.Store.UnitKinds(ctx) })
}

// AccountsEpoch counts the writes through this store that can end or change a caller's rights (password, role,
// logout, token revocation), so that a principal cache above it (httpapi.Auth) drops what it learned before one.
func (s *Store) AccountsEpoch() uint64 { return s.accounts.Load() }

// SetPassword replaces a password, ends the user's sessions and revokes their tokens, then moves AccountsEpoch on.
func (s *Store) SetPassword(ctx context.Context, userID int64, hash string) error {
	defer s.accounts.Add(1) // after the write, whatever its outcome: a lookup begun before it is not reused
	return s.Store.SetPassword(ctx, userID, hash)
}

// SetRole changes a role or disables a user, then moves AccountsEpoch on.
func (s *Store) SetRole(ctx context.Context, userID int64, role db.Role, disabled *bool) error {
	defer s.accounts.Add(1)
	return s.Store.SetRole(ctx, userID, role, disabled)
}

// DeleteSession ends a session (logout), then moves AccountsEpoch on.
func (s *Store) DeleteSession(ctx context.Context, hash string) error {
	defer s.accounts.Add(1)
	return s.Store.DeleteSession(ctx, hash)
}

// RevokeToken revokes a token, then moves AccountsEpoch on.
func (s *Store) RevokeToken(ctx context.Context, id int64, now time.Time) error {
	defer s.accounts.Add(1)
	return s.Store.RevokeToken(ctx, id, now)
}
