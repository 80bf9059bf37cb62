package store

import (
	"context"
	"math"
	"slices"
	"sync"

	"github.com/wenming/wenming/db"
)

// A ranking reads every unit's inputs of a year, and a write changes a few units' inputs: so the store keeps each
// year's inputs in memory, in blocks of consecutive unit IDs, beside the count of changes of each block as it read
// them (rollup_ranking_changes, counted by triggers in the transaction of every write that changes a unit, its row of
// rollup_unit_year or its assessments). A read takes the counts afresh and re-reads only the blocks whose count
// moved: after one volunteer record, 64 units instead of every unit. A block is kept only while its count says that
// no write has touched it, so that the answer is the same as a full read's.

// rankingBlock is how many consecutive unit IDs share one count: unit_block = unit id / 64 in the migrations
// (0024_ranking_changes.sql) and in RebuildRollups.
const rankingBlock = 64

// rankingFullRead is how many moved blocks make a read of every unit cheaper than reading them one by one (an
// import, a demo purge, a category's new weight).
const rankingFullRead = 16

// rankingYearsKept bounds the years held in memory (each about 64 bytes a unit); the least recently read goes first.
const rankingYearsKept = 8

// rankingRow is one unit's inputs with its kind, by which a ranking may be narrowed.
type rankingRow struct {
	kind string
	in   db.RankingInput
}

// rankingYear is one year's inputs as last read, with the counts they were read at. The answers it gives are shared
// by every caller, as the cache shares its answers: a read with nothing new to read copies nothing, and a read after
// a write copies every unit's inputs once.
type rankingYear struct {
	// lock is held by the one caller reading the year (a channel, so that a caller whose context ends stops waiting).
	lock chan struct{}
	// used is when the year was last asked for (rankingBook.clock), under the book's lock.
	used uint64
	read bool
	// stamp is where the database stood when the counts were last read.
	stamp   versionStamp
	changes map[int64]int64
	// inputs is every unit's, in unit order: the answer for every kind; kinds[i] is the kind of inputs[i].
	inputs []db.RankingInput
	kinds  []string
	// byKind are the answers for one kind, made when first asked for since inputs last changed.
	byKind map[string][]db.RankingInput
}

// rankingBook holds the years' inputs of one store.
type rankingBook struct {
	mu    sync.Mutex
	clock uint64
	years map[int]*rankingYear
}

func newRankingBook() *rankingBook { return &rankingBook{years: map[int]*rankingYear{}} }

// year returns the year's inputs, making room for it if need be.
func (b *rankingBook) year(year int) *rankingYear {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.clock++
	y := b.years[year]
	if y == nil {
		if len(b.years) >= rankingYearsKept {
			oldest, used := 0, uint64(math.MaxUint64)
			for k, v := range b.years {
				if v.used < used {
					oldest, used = k, v.used
				}
			}
			delete(b.years, oldest)
		}
		y = &rankingYear{lock: make(chan struct{}, 1)}
		b.years[year] = y
	}
	y.used = b.clock
	return y
}

// RankingInputs returns each unit's raw ranking components for one year (of one kind, unless unitKind is empty), in
// unit order, from the unit-year rollup and the assessments, re-reading only the units whose inputs changed since the
// year was last read. The slice is shared with other callers: read it, never change it.
func (s *Store) RankingInputs(ctx context.Context, year int, unitKind string) ([]db.RankingInput, error) {
	y := s.ranking.year(year)
	select {
	case y.lock <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-y.lock }()
	if err := s.eng.ReadTx(ctx, func(q Querier) error { return s.refreshRanking(ctx, q, year, y) }); err != nil {
		return nil, err
	}
	if unitKind == "" {
		return y.inputs, nil
	}
	if v, ok := y.byKind[unitKind]; ok {
		return v, nil
	}
	var out []db.RankingInput
	for i, k := range y.kinds {
		if k == unitKind {
			out = append(out, y.inputs[i])
		}
	}
	if y.byKind == nil {
		y.byKind = map[string][]db.RankingInput{}
	}
	y.byKind[unitKind] = out
	return out, nil
}

// refreshRanking brings y up to date: the counts first, then the blocks whose count moved, so that a block read
// is never older than the count kept beside it.
func (s *Store) refreshRanking(ctx context.Context, q Querier, year int, y *rankingYear) error {
	stamp, err := s.currentStamp(ctx, q)
	if err != nil {
		return err
	}
	// Every write that changes a count bumps the data version in its transaction: the same stamp, nothing moved,
	// and the counts (a row for each 64 units) need no reading.
	if y.read && stamp == y.stamp {
		return nil
	}
	rows, err := q.Query(ctx, `SELECT unit_block, changes FROM rollup_ranking_changes`)
	if err != nil {
		return err
	}
	pairs, err := collect(rows, func(r Rows) (p [2]int64, err error) { return p, r.Scan(&p[0], &p[1]) })
	if err != nil {
		return err
	}
	changes := make(map[int64]int64, len(pairs))
	for _, p := range pairs {
		changes[p[0]] = p[1]
	}
	// A new timeline (a failover) may have lost writes that a kept count saw: read everything again.
	full := !y.read || stamp.timeline != y.stamp.timeline
	var moved []int64
	if !full {
		for b, n := range changes {
			if was, ok := y.changes[b]; !ok || was != n {
				moved = append(moved, b)
			}
		}
		for b := range y.changes {
			if _, ok := changes[b]; !ok {
				moved = append(moved, b)
			}
		}
		full = len(moved) > rankingFullRead
	}
	switch {
	case full:
		all, err := rankingRows(ctx, q, year, math.MinInt64, math.MaxInt64)
		if err != nil {
			return err
		}
		y.set(nil, all)
	case len(moved) > 0:
		slices.Sort(moved)
		var fresh []rankingRow
		for _, b := range moved {
			rows, err := rankingRows(ctx, q, year, b*rankingBlock, (b+1)*rankingBlock)
			if err != nil {
				return err
			}
			fresh = append(fresh, rows...)
		}
		y.set(moved, fresh)
	}
	y.changes, y.stamp, y.read = changes, stamp, true
	return nil
}

// set replaces the rows of the moved blocks with fresh ones (every row, when moved is nil), in unit order, into new
// slices: the old ones may still be in a caller's hands.
func (y *rankingYear) set(moved []int64, fresh []rankingRow) {
	var old []db.RankingInput
	if moved != nil {
		old = y.inputs
	}
	inputs := make([]db.RankingInput, 0, len(old)+len(fresh))
	kinds := make([]string, 0, cap(inputs))
	i := 0
	// keep takes the old rows of blocks that did not move, up to the unit ID before.
	keep := func(before int64) {
		for ; i < len(old) && old[i].UnitID < before; i++ {
			if _, gone := slices.BinarySearch(moved, old[i].UnitID/rankingBlock); !gone {
				inputs, kinds = append(inputs, old[i]), append(kinds, y.kinds[i])
			}
		}
	}
	for _, r := range fresh {
		keep(r.in.UnitID)
		inputs, kinds = append(inputs, r.in), append(kinds, r.kind)
	}
	keep(math.MaxInt64)
	if len(inputs) == 0 {
		inputs, kinds = nil, nil
	}
	y.inputs, y.kinds, y.byKind = inputs, kinds, nil
}

// rankingRows reads the inputs of the units with IDs in [from, to), in unit order.
func rankingRows(ctx context.Context, q Querier, year int, from, to int64) ([]rankingRow, error) {
	rows, err := q.Query(ctx, `
		SELECT u.id, u.kind, coalesce(r.honor_points, 0), coalesce(r.minutes, 0), coalesce(r.sessions, 0),
		       CASE WHEN a.veto THEN 0 ELSE coalesce(a.base_score + a.bonus, 0) END, a.id IS NOT NULL
		FROM units u
		LEFT JOIN rollup_unit_year r ON r.year = ?1 AND r.unit_id = u.id
		LEFT JOIN assessments a ON a.unit_id = u.id AND a.year = ?1
		WHERE u.id >= ?2 AND u.id < ?3
		ORDER BY u.id`, year, from, to)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) (rankingRow, error) {
		var x rankingRow
		err := r.Scan(&x.in.UnitID, &x.kind, &x.in.HonorPoints, &x.in.VolunteerMinutes, &x.in.PracticeSessions, &x.in.AssessmentTotal, &x.in.HasAssessment)
		// One string per kind, rather than one per unit.
		if i := slices.Index(db.UnitKinds, x.kind); i >= 0 {
			x.kind = db.UnitKinds[i]
		}
		return x, err
	})
}
