package sqlite

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/wenming/wenming/db"
)

// where collects SQL conditions and their arguments, so that filters compose without string concatenation of values.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// in adds "col IN (?, …)" for a non-empty list.
func addIn[T any](w *where, col string, vals []T) {
	if len(vals) == 0 {
		return
	}
	ph := strings.TrimSuffix(strings.Repeat("?,", len(vals)), ",")
	args := make([]any, len(vals))
	for i, v := range vals {
		args[i] = v
	}
	w.add(col+" IN ("+ph+")", args...)
}

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

// placeholders returns "?,?,…" and the ids as arguments, for batch loads.
func placeholders(ids []int64) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return strings.TrimSuffix(strings.Repeat("?,", len(ids)), ","), args
}

func boolp(b bool) *bool { return &b }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// afterID adds the keyset condition for ID-ordered connections.
func afterID(w *where, col, after string) error {
	if after == "" {
		return nil
	}
	c, err := db.DecodeCursor(after)
	if err != nil {
		return err
	}
	w.add(col+" > ?", c.ID)
	return nil
}

func byID[T any](xs []T, id func(T) int64) map[int64]T {
	m := make(map[int64]T, len(xs))
	for _, x := range xs {
		m[id(x)] = x
	}
	return m
}

func groupBy[T any](xs []T, key func(T) int64) map[int64][]T {
	m := map[int64][]T{}
	for _, x := range xs {
		k := key(x)
		m[k] = append(m[k], x)
	}
	return m
}

// keysetAfter adds the condition that continues an ordered page after the cursor: (col, id) beyond (v, id).
// numeric says whether the sort value is a number (JSON decodes it as float64).
func keysetAfter(w *where, order, after, col, idCol string, numeric, desc bool) error {
	if after == "" {
		return nil
	}
	c, err := db.DecodeCursor(after)
	if err != nil {
		return err
	}
	if c.O != order {
		return db.FieldErrorf("after", "游标属于另一种排序方式，请从第一页重新开始")
	}
	v := c.V
	if numeric {
		n, ok := v.(float64)
		if !ok {
			return db.FieldErrorf("after", "游标与排序方式不符")
		}
		v = int64(n)
	} else if _, ok := v.(string); !ok {
		return db.FieldErrorf("after", "游标与排序方式不符")
	}
	op := ">"
	if desc {
		op = "<"
	}
	w.add(fmt.Sprintf("(%s %s ? OR (%s = ? AND %s %s ?))", col, op, col, idCol, op), v, v, c.ID)
	return nil
}
