package sqlite

import (
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
