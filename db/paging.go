package db

import (
	"encoding/base64"
	"encoding/json"
)

// Cursor is the decoded form of an opaque Relay page cursor: the sort value of the last row and its ID. Every
// backend pages the same way, so that a cursor means the same thing whichever database answers.
type Cursor struct {
	V  any   `json:"v,omitempty"`
	ID int64 `json:"id"`
	// O names the ordering the cursor belongs to, so that a cursor from one ordering is refused by another.
	O string `json:"o,omitempty"`
}

// EncodeCursor makes the opaque cursor of a row in an ordering ("" for the default one).
func EncodeCursor(order string, v any, id int64) string {
	b, _ := json.Marshal(Cursor{V: v, ID: id, O: order})
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeCursor reads an opaque cursor, or fails with EINVALID on the after argument.
func DecodeCursor(s string) (Cursor, error) {
	var c Cursor
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err != nil || c.ID <= 0 {
		return c, FieldErrorf("after", "游标无效：%q", s)
	}
	return c, nil
}

// Paged trims the probe row a backend fetched past the page (it asks for First+1 rows), builds each edge with its
// cursor, and fills the page info.
func Paged[T, E any](rows []T, page Page, cursor func(T) string, edge func(cursor string, node T) E) ([]E, PageInfo) {
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
	return edges, NewPageInfo(cursors, hasMore, page.After != "")
}

// NewPageInfo fills Relay page info from the cursors of a page and whether rows follow or precede it.
func NewPageInfo(cursors []string, hasMore, hasPrev bool) PageInfo {
	pi := PageInfo{HasNextPage: hasMore, HasPreviousPage: hasPrev}
	if len(cursors) > 0 {
		pi.StartCursor = &cursors[0]
		pi.EndCursor = &cursors[len(cursors)-1]
	}
	return pi
}
