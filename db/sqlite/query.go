package sqlite

import (
	"encoding/base64"
	"encoding/json"
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

// cursor is the decoded form of an opaque page cursor: the sort value of the last row and its ID.
type cursor struct {
	V  any   `json:"v,omitempty"`
	ID int64 `json:"id"`
	// O names the ordering the cursor belongs to, so that a cursor from one ordering is refused by another.
	O string `json:"o,omitempty"`
}

func encodeCursor(v any, id int64) string { return encodeOrderedCursor("", v, id) }

func encodeOrderedCursor(order string, v any, id int64) string {
	b, _ := json.Marshal(cursor{V: v, ID: id, O: order})
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string) (cursor, error) {
	var c cursor
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err != nil || c.ID <= 0 {
		return c, db.FieldErrorf("after", "游标无效：%q", s)
	}
	return c, nil
}

// paged trims the probe row fetched past the page, builds each edge with its cursor, and fills the page info.
func paged[T, E any](rows []T, page db.Page, cursor func(T) string, edge func(cursor string, node T) E) ([]E, db.PageInfo) {
	hasMore := len(rows) > page.First
	if hasMore {
		rows = rows[:page.First]
	}
	edges := make([]E, len(rows))
	cursors := make([]string, len(rows))
	for i, r := range rows {
		cursors[i] = cursor(r)
		edges[i] = edge(cursors[i], r)
	}
	return edges, pageInfo(cursors, hasMore, page.After != "")
}

// pageInfo fills Relay page info from the fetched rows (one more than asked tells whether a next page exists).
func pageInfo(cursors []string, hasMore, hasPrev bool) db.PageInfo {
	pi := db.PageInfo{HasNextPage: hasMore, HasPreviousPage: hasPrev}
	if len(cursors) > 0 {
		pi.StartCursor = &cursors[0]
		pi.EndCursor = &cursors[len(cursors)-1]
	}
	return pi
}

func boolp(b bool) *bool { return &b }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
