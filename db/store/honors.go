package store

import (
	"context"
	"strings"

	"github.com/wenming/wenming/db"
)

const honorCols = `h.id, h.category_id, h.recipient_kind, h.recipient_name, h.unit_id, h.person_id, h.project_id, h.work_id,
	h.year, h.date, h.edition, h.status, h.source_id, h.demo, h.version`

func scanHonor(r Rows, extra ...any) (*db.Honor, error) {
	h := &db.Honor{}
	return h, r.Scan(append([]any{&h.ID, &h.CategoryID, &h.RecipientKind, &h.RecipientName, &h.UnitID, &h.PersonID, &h.ProjectID, &h.WorkID,
		&h.Year, &h.Date, &h.Edition, &h.Status, &h.SourceID, &h.Demo, &h.Version}, extra...)...)
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

// honorSort: by year unless the client asks for another field; category codes and recipient names compare as the
// database's collation always compared them here.
var honorSort = listSort{id: "h.id", fields: map[string]sortField{
	string(db.HonorOrderByID): byNumber("h.id"), string(db.HonorOrderByYear): byNumber("h.year"),
	string(db.HonorOrderByCategory): byColumn("c.code"), string(db.HonorOrderByRecipient): byColumn("h.recipient_name"),
}, def: db.ListOrder{Field: string(db.HonorOrderByYear), Direction: db.OrderDirectionAsc}, defName: "YEAR/ASC"}

// Honors returns one keyset page of honours in the requested order; ties break on ID.
func (s *Store) Honors(ctx context.Context, f db.HonorCriteria, order db.HonorOrder, page db.Page) (*db.HonorPage, error) {
	w := s.honorWhere(f)
	narrowed := scopeUnits(ctx, w, "h.unit_id")
	out := &db.HonorPage{}
	count := `SELECT count(*)` + honorFrom + w.sql()
	countArgs := w.args
	if f.UnitID == 0 && !narrowed {
		rw := s.rollupHonorWhere(f)
		count, countArgs = `SELECT coalesce(sum(h.honors), 0)`+rollupHonorFrom+rw.sql(), rw.args
	}
	if err := s.eng.Read().QueryRow(ctx, count, countArgs...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	page.Order = db.ListOrder{Field: string(order.Field), Direction: order.Direction}
	k, err := honorSort.plan(s, w, page)
	if err != nil {
		return nil, err
	}
	out.Edges, out.PageInfo, err = orderedPage(ctx, s, k, honorCols, honorFrom+w.sql(), w.args, page, scanHonor,
		func(h *db.Honor) int64 { return h.ID }, func(c string, h *db.Honor) *db.HonorEdge { return &db.HonorEdge{Cursor: c, Node: h} })
	return out, err
}

func (s *Store) honorsWhere(ctx context.Context, cond string, ids []int64) ([]*db.Honor, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	w := s.scopedIn(ctx, cond, ids, "h.unit_id")
	rows, err := s.eng.Read().Query(ctx, `SELECT `+honorCols+` FROM honors h`+w.sql()+` ORDER BY h.year, h.id`, w.args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, plain(scanHonor))
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

func scanPerson(r Rows, extra ...any) (*db.Person, error) {
	p := &db.Person{}
	return p, r.Scan(append([]any{&p.ID, &p.Name, &p.UnitID, &p.Citation, &p.Demo, &p.Version}, extra...)...)
}

// personSort: by ID unless the client asks for the name.
var personSort = listSort{id: "p.id", fields: map[string]sortField{"ID": byNumber("p.id"), "NAME": byText("p.name")},
	def: db.ListOrder{Field: "ID", Direction: db.OrderDirectionAsc}}

// People returns one page of people, by ID unless the page asks for another order.
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
	k, err := personSort.plan(s, w, page)
	if err != nil {
		return nil, err
	}
	out.Edges, out.PageInfo, err = orderedPage(ctx, s, k, personCols, ` FROM people p`+w.sql(), w.args, page, scanPerson,
		func(p *db.Person) int64 { return p.ID }, func(c string, p *db.Person) *db.PersonEdge { return &db.PersonEdge{Cursor: c, Node: p} })
	return out, err
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
	ps, err := collect(rows, plain(scanPerson))
	return byID(ps, func(p *db.Person) int64 { return p.ID }), err
}

const workCols = `w.id, w.title, w.kind, w.unit_id, w.year, w.selection, w.demo`

func scanWork(r Rows, extra ...any) (*db.Work, error) {
	w := &db.Work{}
	return w, r.Scan(append([]any{&w.ID, &w.Title, &w.Kind, &w.UnitID, &w.Year, &w.Selection, &w.Demo}, extra...)...)
}

// workSort: works list by ID, for a picker.
var workSort = listSort{id: "w.id", fields: map[string]sortField{"ID": byNumber("w.id")}, def: db.ListOrder{Field: "ID", Direction: db.OrderDirectionAsc}}

// Works returns one page of works, by ID.
func (s *Store) Works(ctx context.Context, f db.WorkCriteria, page db.Page) (*db.WorkConnection, error) {
	w := s.where()
	if f.TitleContains != "" {
		w.add(s.eng.Contains("w.title"), f.TitleContains)
	}
	if f.Year != 0 {
		w.add("w.year = ?", f.Year)
	}
	out := &db.WorkConnection{}
	if err := s.eng.Read().QueryRow(ctx, `SELECT count(*) FROM works w`+w.sql(), w.args...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	k, err := workSort.plan(s, w, page)
	if err != nil {
		return nil, err
	}
	out.Edges, out.PageInfo, err = orderedPage(ctx, s, k, workCols, ` FROM works w`+w.sql(), w.args, page, scanWork,
		func(x *db.Work) int64 { return x.ID }, func(c string, x *db.Work) *db.WorkEdge { return &db.WorkEdge{Cursor: c, Node: x} })
	return out, err
}

// WorksByIDs loads works by ID.
func (s *Store) WorksByIDs(ctx context.Context, ids []int64) (map[int64]*db.Work, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := s.in("w.id", ids)
	rows, err := s.eng.Read().Query(ctx, `SELECT `+workCols+` FROM works w WHERE `+in, args...)
	if err != nil {
		return nil, err
	}
	ws, err := collect(rows, plain(scanWork))
	return byID(ws, func(x *db.Work) int64 { return x.ID }), err
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
