package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/wenming/wenming/db"
)

const honorCols = `h.id, h.category_id, h.recipient_kind, h.recipient_name, h.unit_id, h.person_id, h.project_id, h.work_id,
	h.year, h.date, h.edition, h.status, h.source_id, h.demo, h.version`

func scanHonor(r Rows) (*db.Honor, error) {
	h := &db.Honor{}
	return h, r.Scan(&h.ID, &h.CategoryID, &h.RecipientKind, &h.RecipientName, &h.UnitID, &h.PersonID, &h.ProjectID, &h.WorkID,
		&h.Year, &h.Date, &h.Edition, &h.Status, &h.SourceID, &h.Demo, &h.Version)
}

// HonorCategories returns the catalogue in its display order.
func (s *Store) HonorCategories(ctx context.Context) ([]*db.HonorCategory, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT id, code, name_zh, name_en, level, recipient_kind, weight, default_status,
		recipient_kinds, weight_basis, note_zh FROM honor_categories ORDER BY position`)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanCategory)
}

// scanCategory reads a category with its list of accepted recipient kinds.
func scanCategory(r Rows) (*db.HonorCategory, error) {
	c := &db.HonorCategory{}
	var kinds string
	err := r.Scan(&c.ID, &c.Code, &c.NameZh, &c.NameEn, &c.Level, &c.RecipientKind, &c.Weight, &c.DefaultStatus, &kinds, &c.WeightBasis, &c.NoteZh)
	c.RecipientKinds = db.SplitEnums[db.RecipientKind](kinds)
	if len(c.RecipientKinds) == 0 {
		c.RecipientKinds = []db.RecipientKind{c.RecipientKind}
	}
	return c, err
}

// honorWhere turns criteria into conditions over honors h joined to categories c and units u.
func (s *Store) honorWhere(f db.HonorCriteria) *where { return s.honorConds(f, "u.kind", "h.edition") }

// rollupHonorWhere is honorWhere over rollup_honor h, which keeps the unit kind and edition itself (” for none).
func (s *Store) rollupHonorWhere(f db.HonorCriteria) *where {
	return s.honorConds(f, "h.unit_kind", "h.edition")
}

func (s *Store) honorConds(f db.HonorCriteria, unitKindCol, editionCol string) *where {
	w := s.where()
	w.years("h.year", f.Years)
	addIn(w, "c.level", f.Levels)
	addIn(w, "c.code", f.Categories)
	addIn(w, "h.recipient_kind", f.RecipientKinds)
	addIn(w, "h.status", f.Statuses)
	if f.UnitID != 0 {
		w.add("h.unit_id = ?", f.UnitID)
	}
	if f.UnitKind != "" {
		w.add(unitKindCol+" = ?", f.UnitKind)
	}
	if f.Edition != "" {
		w.add(editionCol+" = ?", f.Edition)
	}
	if f.Demo != nil {
		w.add("h.demo = ?", *f.Demo)
	}
	return w
}

const honorFrom = ` FROM honors h JOIN honor_categories c ON c.id = h.category_id LEFT JOIN units u ON u.id = h.unit_id`

const rollupHonorFrom = ` FROM rollup_honor h JOIN honor_categories c ON c.id = h.category_id`

// Honors returns one keyset page of honours in the requested order; ties break on ID.
func (s *Store) Honors(ctx context.Context, f db.HonorCriteria, order db.HonorOrder, page db.Page) (*db.HonorPage, error) {
	col := map[db.HonorOrderField]string{db.HonorOrderByYear: "h.year", db.HonorOrderByCategory: "c.code", db.HonorOrderByRecipient: "h.recipient_name"}[order.Field]
	if col == "" {
		col, order.Field = "h.year", db.HonorOrderByYear
	}
	desc := order.Direction == db.OrderDirectionDesc
	w := s.honorWhere(f)
	out := &db.HonorPage{}
	count := `SELECT count(*)` + honorFrom + w.sql()
	countArgs := w.args
	if f.UnitID == 0 {
		rw := s.rollupHonorWhere(f)
		count, countArgs = `SELECT coalesce(sum(h.honors), 0)`+rollupHonorFrom+rw.sql(), rw.args
	}
	if err := s.eng.Read().QueryRow(ctx, count, countArgs...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	orderName := string(order.Field) + "/" + string(order.Direction)
	if page.After != "" {
		c, err := db.DecodeCursor(page.After)
		if err != nil {
			return nil, err
		}
		if c.O != orderName {
			return nil, db.FieldErrorf("after", "游标属于另一种排序方式，请从第一页重新开始")
		}
		v := c.V
		if order.Field == db.HonorOrderByYear {
			n, ok := v.(float64)
			if !ok {
				return nil, db.FieldErrorf("after", "游标与排序方式不符")
			}
			v = int64(n)
		} else if _, ok := v.(string); !ok {
			return nil, db.FieldErrorf("after", "游标与排序方式不符")
		}
		op := ">"
		if desc {
			op = "<"
		}
		// A row-value comparison lets SQLite seek the (column, id) index instead of scanning from the start.
		w.add(fmt.Sprintf("(%s, h.id) %s (?, ?)", col, op), v, c.ID)
	}
	dir := "ASC"
	if desc {
		dir = "DESC"
	}
	q := `SELECT ` + honorCols + `, ` + col + honorFrom + w.sql() + fmt.Sprintf(` ORDER BY %s %s, h.id %s LIMIT ?`, col, dir, dir)
	rows, err := s.eng.Read().Query(ctx, q, append(w.args, page.First+1)...)
	if err != nil {
		return nil, err
	}
	edges, err := collect(rows, func(r Rows) (*db.HonorEdge, error) {
		h := &db.Honor{}
		var key any
		err := r.Scan(&h.ID, &h.CategoryID, &h.RecipientKind, &h.RecipientName, &h.UnitID, &h.PersonID, &h.ProjectID, &h.WorkID,
			&h.Year, &h.Date, &h.Edition, &h.Status, &h.SourceID, &h.Demo, &h.Version, &key)
		return &db.HonorEdge{Cursor: db.EncodeCursor(orderName, key, h.ID), Node: h}, err
	})
	if err != nil {
		return nil, err
	}
	out.Edges, out.PageInfo = db.Paged(edges, page, func(e *db.HonorEdge) string { return e.Cursor },
		func(_ string, e *db.HonorEdge) *db.HonorEdge { return e })
	return out, nil
}

func (s *Store) honorsWhere(ctx context.Context, cond string, ids []int64) ([]*db.Honor, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := s.in(cond, ids)
	rows, err := s.eng.Read().Query(ctx, `SELECT `+honorCols+` FROM honors h WHERE `+in+` ORDER BY h.year, h.id`, args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanHonor)
}

// HonorsByIDs loads honours by ID.
func (s *Store) HonorsByIDs(ctx context.Context, ids []int64) (map[int64]*db.Honor, error) {
	hs, err := s.honorsWhere(ctx, "h.id", ids)
	return byID(hs, func(h *db.Honor) int64 { return h.ID }), err
}

// HonorsByUnits loads the honours of several units at once, for the dataloader.
func (s *Store) HonorsByUnits(ctx context.Context, ids []int64) (map[int64][]*db.Honor, error) {
	hs, err := s.honorsWhere(ctx, "h.unit_id", ids)
	return groupBy(hs, func(h *db.Honor) int64 { return *h.UnitID }), err
}

// HonorsByPeople loads the honours of several people at once.
func (s *Store) HonorsByPeople(ctx context.Context, ids []int64) (map[int64][]*db.Honor, error) {
	hs, err := s.honorsWhere(ctx, "h.person_id", ids)
	return groupBy(hs, func(h *db.Honor) int64 { return *h.PersonID }), err
}

// HonorsByProjects loads the honours of several projects at once.
func (s *Store) HonorsByProjects(ctx context.Context, ids []int64) (map[int64][]*db.Honor, error) {
	hs, err := s.honorsWhere(ctx, "h.project_id", ids)
	return groupBy(hs, func(h *db.Honor) int64 { return *h.ProjectID }), err
}

// HonorStats counts honours grouped by the given dimensions, as flat rows in a stable order. Without a unit
// filter it reads the rollup, which holds every other dimension.
func (s *Store) HonorStats(ctx context.Context, groupBy []db.HonorDimension, f db.HonorCriteria) ([]*db.HonorBucket, error) {
	dims := map[db.HonorDimension]string{
		db.HonorDimYear: "h.year", db.HonorDimLevel: "c.level", db.HonorDimCategory: "c.code", db.HonorDimRecipientKind: "h.recipient_kind",
		db.HonorDimStatus: "h.status", db.HonorDimUnitKind: "u.kind", db.HonorDimEdition: "h.edition",
	}
	from, w, count, points := honorFrom, s.honorWhere(f), "count(*)", "sum(c.weight)"
	if f.UnitID == 0 {
		dims[db.HonorDimUnitKind], dims[db.HonorDimEdition] = "nullif(h.unit_kind, '')", "nullif(h.edition, '')"
		from, w, count, points = rollupHonorFrom, s.rollupHonorWhere(f), "CAST(coalesce(sum(h.honors), 0) AS BIGINT)", "sum(h.honors * c.weight)"
	}
	var sel, grp []string
	seen := map[db.HonorDimension]bool{}
	for _, g := range groupBy {
		if seen[g] {
			continue
		}
		seen[g] = true
		col, ok := dims[g]
		if !ok {
			return nil, db.FieldErrorf("groupBy", "不支持的分组维度：%s", g)
		}
		grp = append(grp, col)
	}
	for _, g := range db.AllHonorDimensions {
		if seen[g] {
			sel = append(sel, dims[g])
		} else {
			sel = append(sel, "NULL")
		}
	}
	q := `SELECT ` + strings.Join(sel, ", ") + `, min(c.name_zh), min(c.name_en), ` + count + `, ` + points + from + w.sql()
	if len(grp) > 0 {
		q += ` GROUP BY ` + strings.Join(grp, ", ") + ` HAVING ` + count + ` > 0 ORDER BY ` + strings.Join(grp, ", ")
	}
	rows, err := s.eng.Read().Query(ctx, q, w.args...)
	if err != nil {
		return nil, err
	}
	out, err := collect(rows, func(r Rows) (*db.HonorBucket, error) {
		b := &db.HonorBucket{}
		var nameZh, nameEn *string
		var points *float64
		err := r.Scan(&b.Year, &b.Level, &b.Category, &b.RecipientKind, &b.Status, &b.UnitKind, &b.Edition, &nameZh, &nameEn, &b.Count, &points)
		if b.Category != nil {
			b.CategoryNameZh, b.CategoryNameEn = nameZh, nameEn
		}
		if points != nil {
			b.Points = *points
		}
		return b, err
	})
	return out, err
}

const personCols = `p.id, p.name, p.unit_id, p.citation, p.demo, p.version`

func scanPerson(r Rows) (*db.Person, error) {
	p := &db.Person{}
	return p, r.Scan(&p.ID, &p.Name, &p.UnitID, &p.Citation, &p.Demo, &p.Version)
}

// People returns one page of people, ordered by ID.
func (s *Store) People(ctx context.Context, f db.PersonCriteria, page db.Page) (*db.PersonPage, error) {
	w := s.where()
	if len(f.Categories) > 0 {
		in, args := inList(s.list, "c.code", f.Categories)
		w.add(`EXISTS (SELECT 1 FROM honors h JOIN honor_categories c ON c.id = h.category_id WHERE h.person_id = p.id AND `+in+`)`, args...)
	}
	if f.NameContains != "" {
		w.add(s.eng.Contains("p.name"), f.NameContains)
	}
	out := &db.PersonPage{}
	if err := s.eng.Read().QueryRow(ctx, `SELECT count(*) FROM people p`+w.sql(), w.args...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	if err := afterID(w, "p.id", page.After); err != nil {
		return nil, err
	}
	rows, err := s.eng.Read().Query(ctx, `SELECT `+personCols+` FROM people p`+w.sql()+` ORDER BY p.id LIMIT ?`, append(w.args, page.First+1)...)
	if err != nil {
		return nil, err
	}
	ps, err := collect(rows, scanPerson)
	if err != nil {
		return nil, err
	}
	out.Edges, out.PageInfo = db.Paged(ps, page, func(p *db.Person) string { return db.EncodeCursor("", nil, p.ID) },
		func(c string, p *db.Person) *db.PersonEdge { return &db.PersonEdge{Cursor: c, Node: p} })
	return out, nil
}

// PeopleByIDs loads people by ID.
func (s *Store) PeopleByIDs(ctx context.Context, ids []int64) (map[int64]*db.Person, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := s.in("p.id", ids)
	rows, err := s.eng.Read().Query(ctx, `SELECT `+personCols+` FROM people p WHERE `+in, args...)
	if err != nil {
		return nil, err
	}
	ps, err := collect(rows, scanPerson)
	return byID(ps, func(p *db.Person) int64 { return p.ID }), err
}

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
