package store

import (
	"context"
	"fmt"

	"github.com/wenming/wenming/db"
)

// sortField is one field a list can be sorted by: its SQL expression, whether its value is a whole number (a
// cursor's JSON then holds a number) rather than text or a date (held as text on every engine), and whether it is
// text, which sorts in byte order on every engine so that both answer in the same order.
type sortField struct {
	expr    string
	numeric bool
	text    bool
}

// byNumber sorts on a whole-number expression.
func byNumber(expr string) sortField { return sortField{expr: expr, numeric: true} }

// byText sorts on a text expression, in byte order.
func byText(expr string) sortField { return sortField{expr: expr, text: true} }

// byColumn sorts on an expression as the engine compares it: a date, or text in the order it needs already.
func byColumn(expr string) sortField { return sortField{expr: expr} }

// listSort is how one list may be sorted: its ID column (the tie-breaker), the fields a client may ask for by the
// names of the API's order enum, and the order the list had before clients could choose, with the name its cursors
// have always carried, so that a cursor handed out before stays valid.
type listSort struct {
	id      string
	fields  map[string]sortField
	def     db.ListOrder
	defName string
}

// keyset is one ordering of a list as a page query needs it: the sort key, the direction, and the name its
// cursors carry.
type keyset struct {
	key  sortField
	id   string
	desc bool
	name string
}

// plan resolves the page's order (the list's default when none is asked for) and adds to w the condition that
// continues after the page's cursor: (key, id) beyond the cursor's (value, id), in the order's direction.
func (ls listSort) plan(s *Store, w *where, page db.Page) (keyset, error) {
	o := page.Order
	if o.Field == "" {
		o.Field = ls.def.Field
		if o.Direction == "" {
			o.Direction = ls.def.Direction
		}
	}
	if o.Direction == "" {
		o.Direction = db.OrderDirectionAsc
	}
	f, ok := ls.fields[o.Field]
	if !ok {
		return keyset{}, db.FieldErrorf("orderBy", "不支持的排序字段：%s", o.Field)
	}
	if f.text {
		f.expr = s.eng.ByteOrder(f.expr)
	}
	if o.Direction != db.OrderDirectionAsc && o.Direction != db.OrderDirectionDesc {
		return keyset{}, db.FieldErrorf("orderBy", "排序方向无效：%s", o.Direction)
	}
	k := keyset{key: f, id: ls.id, desc: o.Direction == db.OrderDirectionDesc, name: o.Field + "/" + string(o.Direction)}
	if o == ls.def {
		k.name = ls.defName
	}
	if page.After == "" {
		return k, nil
	}
	c, err := db.DecodeCursor(page.After)
	if err != nil {
		return k, err
	}
	if c.O != k.name {
		return k, db.FieldErrorf("after", "游标属于另一种排序方式，请从第一页重新开始")
	}
	op := ">"
	if k.desc {
		op = "<"
	}
	if f.expr == ls.id {
		w.add(fmt.Sprintf("%s %s ?", ls.id, op), c.ID)
		return k, nil
	}
	v := c.V
	if f.numeric {
		n, ok := v.(float64)
		if !ok {
			return k, db.FieldErrorf("after", "游标与排序方式不符")
		}
		v = int64(n)
	} else if _, ok := v.(string); !ok {
		return k, db.FieldErrorf("after", "游标与排序方式不符")
	}
	// A row-value comparison lets SQLite seek a (key, id) index instead of scanning from the start.
	w.add(fmt.Sprintf("(%s, %s) %s (?, ?)", f.expr, ls.id, op), v, c.ID)
	return k, nil
}

// column is the sort key as the last selected column: text and dates as text, so that a cursor holds the same
// YYYY-MM-DD whichever engine answers. Its own name keeps ORDER BY from mistaking it for the column it casts.
func (k keyset) column() string {
	if k.key.numeric {
		return ", " + k.key.expr + " AS sort_key"
	}
	return ", CAST(" + k.key.expr + " AS TEXT) AS sort_key"
}

// tail is the ORDER BY and LIMIT of the page query; the LIMIT's argument is the page size plus the probe row.
func (k keyset) tail() string {
	dir := "ASC"
	if k.desc {
		dir = "DESC"
	}
	return fmt.Sprintf(" ORDER BY %s %s, %s %s LIMIT ?", k.key.expr, dir, k.id, dir)
}

// cursor is the opaque cursor of a row with the sort value key; ID orderings carry the ID alone, as they always did.
func (k keyset) cursor(key any, id int64) string {
	if k.key.expr == k.id {
		key = nil
	}
	return db.EncodeCursor(k.name, key, id)
}

// orderedPage runs a list's page query (from holds FROM and WHERE; the list's columns come first, then the sort
// key) and builds its edges and page info. scan reads one row's columns into a node, then its extra destination.
func orderedPage[T, E any](ctx context.Context, s *Store, k keyset, cols, from string, args []any, page db.Page,
	scan func(r Rows, extra ...any) (T, error), id func(T) int64, edge func(cursor string, node T) E) ([]E, db.PageInfo, error) {
	type row struct {
		cursor string
		node   T
	}
	rows, err := s.eng.Read().Query(ctx, `SELECT `+cols+k.column()+from+k.tail(), append(args, page.First+1)...)
	if err != nil {
		return nil, db.PageInfo{}, err
	}
	got, err := collect(rows, func(r Rows) (row, error) {
		var key any
		n, err := scan(r, &key)
		if err != nil {
			return row{}, err
		}
		return row{k.cursor(key, id(n)), n}, nil
	})
	if err != nil {
		return nil, db.PageInfo{}, err
	}
	edges, info := db.Paged(got, page, func(r row) string { return r.cursor }, func(c string, r row) E { return edge(c, r.node) })
	return edges, info, nil
}

// plain adapts a scan that takes extra destinations (the sort key of a page query) to one that reads only the
// record's own columns, for batch loads and exports.
func plain[T any](scan func(r Rows, extra ...any) (T, error)) func(Rows) (T, error) {
	return func(r Rows) (T, error) { return scan(r) }
}
