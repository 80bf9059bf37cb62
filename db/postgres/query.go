package postgres

import (
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/wenming/wenming/db"
)

// where collects SQL conditions and their arguments, so that filters compose without string concatenation of
// values. Conditions are written with ? as in db/sqlite; add numbers them $1, $2, … in the order added.
type where struct {
	conds []string
	args  []any
}

// add appends a condition whose ? placeholders take args, in order.
func (w *where) add(cond string, args ...any) {
	var b strings.Builder
	i := 0
	for _, r := range cond {
		if r == '?' && i < len(args) {
			w.args = append(w.args, args[i])
			i++
			b.WriteString("$" + strconv.Itoa(len(w.args)))
			continue
		}
		b.WriteRune(r)
	}
	w.conds = append(w.conds, b.String())
}

// arg appends one argument and returns its placeholder, for the parts of a query after the WHERE clause
// (ORDER BY, LIMIT): `… LIMIT ` + w.arg(n).
func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return "$" + strconv.Itoa(len(w.args))
}

// addIn adds "col = ANY($n)" for a non-empty list: one array parameter, however long the list.
func addIn[T any](w *where, col string, vals []T) {
	if len(vals) == 0 {
		return
	}
	w.add(col+" = ANY(?)", vals)
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

// collect scans every row with fn and closes rows, as db/sqlite's collect does; pgx.CollectRows with
// pgx.RowTo/RowToStructByName serves as well.
func collect[T any](rows pgx.Rows, fn func(pgx.Rows) (T, error)) ([]T, error) {
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

// joinEnums stores a list of enum values as one comma-separated column, as in SQLite.
func joinEnums[T ~string](vs []T) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = string(v)
	}
	return strings.Join(parts, ",")
}

// splitEnums reads a comma-separated enum column back; an empty column is an empty list.
func splitEnums[T ~string](s string) []T {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	out := make([]T, len(parts))
	for i, p := range parts {
		out[i] = T(p)
	}
	return out
}

// basisOr is the basis given, or the default for rows that carry none.
func basisOr(b, def db.Basis) db.Basis {
	if b == "" {
		return def
	}
	return b
}
