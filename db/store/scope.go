package store

import (
	"context"

	"github.com/wenming/wenming/db"
)

// scopeUnits is the one place where the caller's unit scope over published records (db.ScopeOf) becomes SQL: it
// adds to w the condition that the row's unit, in col, is one the caller may read. A scope of every unit adds
// nothing; a unit's scope adds that unit; a scope of nothing adds a condition no row meets, so that a list answers
// no rows and a lookup answers as a missing ID. narrowed reports whether a condition was added (a narrowed read
// cannot be answered from a rollup of every unit).
func scopeUnits(ctx context.Context, w *where, col string) (narrowed bool) {
	return scopeRows(ctx, db.PublishedRows, w, col)
}

// scopeRows is scopeUnits over rows of either kind: the reporting's reads (scopeWhere) can take the same path with
// db.ReportingRows.
func scopeRows(ctx context.Context, kind db.RowKind, w *where, col string) (narrowed bool) {
	sc := db.ScopeOf(ctx, kind)
	switch {
	case sc.All:
		return false
	case sc.None():
		w.add("1 = 0")
	default:
		w.add(col+" = ?", sc.UnitID)
	}
	return true
}

// scopedIn is the condition "col is one of ids" for a batch load, with the caller's unit scope over unitCol added.
func (s *Store) scopedIn(ctx context.Context, col string, ids []int64, unitCol string) *where {
	w := s.where()
	addIn(w, col, ids)
	scopeUnits(ctx, w, unitCol)
	return w
}
