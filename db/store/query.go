package store

import (
	"database/sql"
	"strings"
	"time"

	"github.com/wenming/wenming/db"
)

// where collects SQL conditions and their arguments, so that filters compose without string concatenation of values.
type where struct {
	conds []string
	args  []any
	// list is the engine's Engine.ListParam.
	list bool
}

// where starts an empty condition list for this store's engine.
func (s *Store) where() *where { return &where{list: s.list} }

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// addIn adds "col is one of vals" for a non-empty list.
func addIn[T any](w *where, col string, vals []T) {
	if len(vals) == 0 {
		return
	}
	cond, args := inList(w.list, col, vals)
	w.add(cond, args...)
}

// inList is the condition "col is one of vals" and its arguments: one array parameter, or one placeholder a value.
func inList[T any](list bool, col string, vals []T) (string, []any) {
	if list {
		return col + " = ANY(?)", []any{vals}
	}
	args := make([]any, len(vals))
	for i, v := range vals {
		args[i] = v
	}
	return col + " IN (" + strings.TrimSuffix(strings.Repeat("?,", len(vals)), ",") + ")", args
}

// in is "col is one of ids", for batch loads.
func (s *Store) in(col string, ids []int64) (string, []any) { return inList(s.list, col, ids) }

func (w *where) years(col string, r db.YearRange) {
	if r.From != 0 {
		w.add(col+" >= ?", r.From)
	}
	if r.To != 0 {
		w.add(col+" <= ?", r.To)
	}
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// collect scans every row with fn and closes rows.
func collect[T any](rows Rows, fn func(Rows) (T, error)) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := fn(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// instant scans an instant stored as UTC text (SQLite) or as a timestamptz (PostgreSQL) into a UTC time.
type instant struct{ t *time.Time }

// instantFormat is the text form of instants in SQLite: UTC, to the millisecond, so that text order is time order.
const instantFormat = "2006-01-02T15:04:05.000Z"

// Scan implements sql.Scanner for both engines' forms of an instant.
func (i instant) Scan(src any) error {
	switch v := src.(type) {
	case time.Time:
		*i.t = v.UTC()
	case string:
		*i.t, _ = time.Parse(time.RFC3339, v)
	case []byte:
		*i.t, _ = time.Parse(time.RFC3339, string(v))
	case nil:
		*i.t = time.Time{}
	}
	return nil
}

// nullInstant scans an instant that may be NULL.
type nullInstant struct{ t **time.Time }

// Scan implements sql.Scanner: NULL is nil, anything else an instant.
func (n nullInstant) Scan(src any) error {
	if src == nil {
		*n.t = nil
		return nil
	}
	var t time.Time
	err := instant{&t}.Scan(src)
	*n.t = &t
	return err
}

var (
	_ sql.Scanner = instant{}
	_ sql.Scanner = nullInstant{}
)
