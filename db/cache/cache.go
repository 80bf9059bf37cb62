// Package cache wraps a db.Store with an in-memory cache of its aggregate reads, keyed on the data version that
// every write bumps: a cached answer is never served after the data changed, and nothing needs invalidating.
package cache

import (
	"context"
	"encoding/json"
	"sync"
	"sync/atomic"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/wenming/wenming/db"
)

// Versioner reports the current data version; the SQLite store reads it from its meta table.
type Versioner interface {
	DataVersion(ctx context.Context) (int64, error)
}

// VersionFunc is a Versioner made of a function, such as a backend's CachedVersion.
type VersionFunc func(ctx context.Context) (int64, error)

// DataVersion calls f.
func (f VersionFunc) DataVersion(ctx context.Context) (int64, error) { return f(ctx) }

// Store is a db.Store whose aggregate reads are cached per data version; other reads pass through.
type Store struct {
	db.Store
	v    Versioner
	lru  *lru.Cache[string, any]
	hits atomic.Int64
	miss atomic.Int64
	// accounts is AccountsEpoch.
	accounts atomic.Uint64
	// newest is the newest data version a request has seen (evictOlder).
	newest atomic.Int64
}

// New wraps s with a cache of at most size answers.
func New(s db.Store, v Versioner, size int) *Store {
	c, _ := lru.New[string, any](size)
	return &Store{Store: s, v: v, lru: c}
}

// Stats reports cache hits and misses, for the benchmark and logs.
func (s *Store) Stats() (hits, misses int64) { return s.hits.Load(), s.miss.Load() }

type memoKey struct{}

// versionMemo holds the data version read once for an operation.
type versionMemo struct {
	mu  sync.Mutex
	ok  bool
	ver int64
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

// Version returns the data version for this request (read once per request under Middleware).
func (s *Store) Version(ctx context.Context) (int64, error) { return s.version(ctx) }

func (s *Store) version(ctx context.Context) (int64, error) {
	m, ok := ctx.Value(memoKey{}).(*versionMemo)
	if !ok {
		return s.v.DataVersion(ctx)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.ok {
		m.ver, m.err = s.v.DataVersion(ctx)
		m.ok = m.err == nil
	}
	return m.ver, m.err
}

// cached returns the answer for (method, args) at the current data version, computing it on a miss.
func cached[T any](ctx context.Context, s *Store, method string, args any, compute func() (T, error)) (T, error) {
	var zero T
	ver, err := s.version(ctx)
	if err != nil {
		return zero, err
	}
	s.evictOlder(ver)
	b, err := json.Marshal(args)
	if err != nil {
		return compute()
	}
	key := method + "\x00" + string(b) + "\x00" + itoa(ver)
	if v, ok := s.lru.Get(key); ok {
		s.hits.Add(1)
		return v.(T), nil
	}
	s.miss.Add(1)
	v, err := compute()
	if err == nil {
		s.lru.Add(key, v)
	}
	return v, err
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }

// Measure caches metric values per year range.
func (s *Store) Measure(ctx context.Context, metrics []db.Metric, years db.YearRange) (map[db.Metric]float64, error) {
	return cached(ctx, s, "Measure", []any{metrics, years}, func() (map[db.Metric]float64, error) { return s.Store.Measure(ctx, metrics, years) })
}

// Progress caches a metric's yearly series.
func (s *Store) Progress(ctx context.Context, m db.ProgressMetric, years db.YearRange) ([]db.YearValue, error) {
	return cached(ctx, s, "Progress", []any{m, years}, func() ([]db.YearValue, error) { return s.Store.Progress(ctx, m, years) })
}

// HonorStats caches flat honour counts.
func (s *Store) HonorStats(ctx context.Context, g []db.HonorDimension, f db.HonorCriteria) ([]*db.HonorBucket, error) {
	return cached(ctx, s, "HonorStats", []any{g, f}, func() ([]*db.HonorBucket, error) { return s.Store.HonorStats(ctx, g, f) })
}

// VolunteerStats caches flat volunteer totals.
func (s *Store) VolunteerStats(ctx context.Context, g []db.VolunteerDimension, f db.VolunteerCriteria) ([]*db.VolunteerBucket, error) {
	return cached(ctx, s, "VolunteerStats", []any{g, f}, func() ([]*db.VolunteerBucket, error) { return s.Store.VolunteerStats(ctx, g, f) })
}

// RankingInputs caches each unit's raw ranking components for a year: the SQL part of a ranking.
func (s *Store) RankingInputs(ctx context.Context, year int, kind string) ([]db.RankingInput, error) {
	return cached(ctx, s, "RankingInputs", []any{year, kind}, func() ([]db.RankingInput, error) { return s.Store.RankingInputs(ctx, year, kind) })
}

// RankingWeights caches the weights in force for a year.
func (s *Store) RankingWeights(ctx context.Context, year int) ([]*db.RankingWeight, error) {
	return cached(ctx, s, "RankingWeights", year, func() ([]*db.RankingWeight, error) { return s.Store.RankingWeights(ctx, year) })
}

// DatasetInfo caches the dataset facts.
func (s *Store) DatasetInfo(ctx context.Context) (db.DatasetInfo, error) {
	return cached(ctx, s, "DatasetInfo", nil, func() (db.DatasetInfo, error) { return s.Store.DatasetInfo(ctx) })
}

// PublishedFigures caches the figures of a section.
func (s *Store) PublishedFigures(ctx context.Context, section string) ([]*db.PublishedFigure, error) {
	return cached(ctx, s, "PublishedFigures", section, func() ([]*db.PublishedFigure, error) { return s.Store.PublishedFigures(ctx, section) })
}

// HonorCategories caches the catalogue.
func (s *Store) HonorCategories(ctx context.Context) ([]*db.HonorCategory, error) {
	return cached(ctx, s, "HonorCategories", nil, func() ([]*db.HonorCategory, error) { return s.Store.HonorCategories(ctx) })
}

// Campaigns caches the campaigns with their totals.
func (s *Store) Campaigns(ctx context.Context) ([]*db.Campaign, error) {
	return cached(ctx, s, "Campaigns", nil, func() ([]*db.Campaign, error) { return s.Store.Campaigns(ctx) })
}

// PracticeSummary caches the practice summary.
func (s *Store) PracticeSummary(ctx context.Context, years db.YearRange) (*db.PracticeSummary, error) {
	return cached(ctx, s, "PracticeSummary", years, func() (*db.PracticeSummary, error) { return s.Store.PracticeSummary(ctx, years) })
}

// PracticeActivityStats caches activity buckets.
func (s *Store) PracticeActivityStats(ctx context.Context, years db.YearRange) ([]*db.PracticeActivityBucket, error) {
	return cached(ctx, s, "PracticeActivityStats", years, func() ([]*db.PracticeActivityBucket, error) { return s.Store.PracticeActivityStats(ctx, years) })
}

// Milestones caches the timeline.
func (s *Store) Milestones(ctx context.Context) ([]*db.Milestone, error) {
	return cached(ctx, s, "Milestones", nil, func() ([]*db.Milestone, error) { return s.Store.Milestones(ctx) })
}

// UnitKinds caches unit counts per kind.
func (s *Store) UnitKinds(ctx context.Context) ([]*db.UnitKindCount, error) {
	return cached(ctx, s, "UnitKinds", nil, func() ([]*db.UnitKindCount, error) { return s.Store.UnitKinds(ctx) })
}

// AccountsEpoch counts the writes through this store that can end or change a caller's rights (password, role,
// logout, token revocation), so that a principal cache above it (httpapi.Auth) drops what it learned before one.
func (s *Store) AccountsEpoch() uint64 { return s.accounts.Load() }

// SetPassword replaces a password and ends the user's sessions, then moves AccountsEpoch on.
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
