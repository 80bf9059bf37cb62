package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/wenming/wenming/db"
)

// The records of db/article.go: the 六大行动, pairing content, wishes, cases, the talent pool and events.

// PracticeActions lists the 六大行动 in the article's order, with the activities filed under each.
func (s *Store) PracticeActions(ctx context.Context) ([]*db.PracticeActionInfo, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT p.code, p.position, p.name_zh, p.name_en, p.identified, p.quote, p.source_id, p.note,
		count(a.id), coalesce(sum(a.sessions), 0), count(a.id) FILTER (WHERE a.demo = TRUE)
		FROM practice_actions p LEFT JOIN practice_activities a ON a.action = p.code
		GROUP BY p.code ORDER BY p.position`)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) (*db.PracticeActionInfo, error) {
		x := &db.PracticeActionInfo{}
		return x, r.Scan(&x.Code, &x.Position, &x.NameZh, &x.NameEn, &x.Identified, &x.Quote, &x.SourceID, &x.Note,
			&x.Activities, &x.Sessions, &x.DemoActivities)
	})
}

// PairingContents loads the 「四送一助力」 items of several pairings, in the article's order.
func (s *Store) PairingContents(ctx context.Context, ids []int64) (map[int64][]db.PairingContent, error) {
	out := map[int64][]db.PairingContent{}
	if len(ids) == 0 {
		return out, nil
	}
	in, args := s.in("pairing_id", ids)
	rows, err := s.eng.Read().Query(ctx, `SELECT pairing_id, item FROM pairing_contents WHERE `+in+`
		ORDER BY pairing_id, CASE item WHEN 'POLICY' THEN 1 WHEN 'CULTURE' THEN 2 WHEN 'HEALTH' THEN 3 WHEN 'WARMTH' THEN 4 ELSE 5 END`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var it db.PairingContent
		if err := rows.Scan(&id, &it); err != nil {
			return nil, err
		}
		out[id] = append(out[id], it)
	}
	return out, rows.Err()
}

// PairingContentCounts counts, for every 「四送一助力」 item (also those no pairing brings), the pairings that bring it.
func (s *Store) PairingContentCounts(ctx context.Context) ([]*db.PairingContentCount, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT c.item, count(*), count(*) FILTER (WHERE p.demo = TRUE)
		FROM pairing_contents c JOIN pairings p ON p.id = c.pairing_id GROUP BY c.item`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	got := map[db.PairingContent]*db.PairingContentCount{}
	for rows.Next() {
		c := &db.PairingContentCount{}
		if err := rows.Scan(&c.Item, &c.Pairings, &c.DemoPairings); err != nil {
			return nil, err
		}
		got[c.Item] = c
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]*db.PairingContentCount, len(db.AllPairingContents))
	for i, it := range db.AllPairingContents {
		if c, ok := got[it]; ok {
			out[i] = c
		} else {
			out[i] = &db.PairingContentCount{Item: it}
		}
	}
	return out, nil
}

const wishCols = `id, title, beneficiary, pairing_id, stage, unit_id, collected_on, note, demo, version`

func scanWish(r Rows, extra ...any) (*db.Wish, error) {
	w := &db.Wish{}
	return w, r.Scan(append([]any{&w.ID, &w.Title, &w.Beneficiary, &w.PairingID, &w.Stage, &w.UnitID, &w.CollectedOn, &w.Note, &w.Demo, &w.Version},
		extra...)...)
}

// wishSort: by collection date unless the client asks for another field.
var wishSort = listSort{id: "id", fields: map[string]sortField{"ID": byNumber("id"), "COLLECTED_ON": byColumn("collected_on"), "TITLE": byText("title")},
	def: db.ListOrder{Field: "COLLECTED_ON", Direction: db.OrderDirectionAsc}, defName: "WISH/COLLECTED_ON"}

// Wishes returns one page of wishes, by collection date then ID unless the page asks for another order.
func (s *Store) Wishes(ctx context.Context, f db.WishCriteria, page db.Page) (*db.WishConnection, error) {
	page, err := page.Validate()
	if err != nil {
		return nil, err
	}
	w := s.where()
	if f.Stage != "" {
		w.add("stage = ?", f.Stage)
	}
	if f.UnitID != 0 {
		w.add("unit_id = ?", f.UnitID)
	}
	if f.Demo != nil {
		w.add("demo = ?", *f.Demo)
	}
	out := &db.WishConnection{}
	if err := s.eng.Read().QueryRow(ctx, `SELECT count(*) FROM wishes`+w.sql(), w.args...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	k, err := wishSort.plan(s, w, page)
	if err != nil {
		return nil, err
	}
	out.Edges, out.PageInfo, err = orderedPage(ctx, s, k, wishCols, ` FROM wishes`+w.sql(), w.args, page, scanWish,
		func(x *db.Wish) int64 { return x.ID }, func(c string, x *db.Wish) *db.WishEdge { return &db.WishEdge{Cursor: c, Node: x} })
	return out, err
}

// WishesByIDs loads wishes by ID.
func (s *Store) WishesByIDs(ctx context.Context, ids []int64) (map[int64]*db.Wish, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := s.in("id", ids)
	rows, err := s.eng.Read().Query(ctx, `SELECT `+wishCols+` FROM wishes WHERE `+in, args...)
	if err != nil {
		return nil, err
	}
	ws, err := collect(rows, plain(scanWish))
	return byID(ws, func(x *db.Wish) int64 { return x.ID }), err
}

// WishFunnel counts the wishes at each of the four stages and those that reached it.
func (s *Store) WishFunnel(ctx context.Context) ([]*db.WishStageCount, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT stage, count(*), count(*) FILTER (WHERE demo = TRUE) FROM wishes GROUP BY stage`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	at, demoAt := map[db.WishStage]int{}, map[db.WishStage]int{}
	for rows.Next() {
		var s db.WishStage
		var n, dn int
		if err := rows.Scan(&s, &n, &dn); err != nil {
			return nil, err
		}
		at[s], demoAt[s] = n, dn
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return db.WishFunnel(at, demoAt), nil
}

// CaseCompilations lists the compilations with how many cases each holds.
func (s *Store) CaseCompilations(ctx context.Context) ([]*db.CaseCompilation, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT c.id, c.title, c.quote, c.source_id, c.demo,
		(SELECT count(*) FROM excellent_cases e WHERE e.compilation_id = c.id),
		(SELECT count(*) FROM excellent_cases e WHERE e.compilation_id = c.id AND e.demo = TRUE)
		FROM case_compilations c ORDER BY c.id`)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r Rows) (*db.CaseCompilation, error) {
		c := &db.CaseCompilation{}
		return c, r.Scan(&c.ID, &c.Title, &c.Quote, &c.SourceID, &c.Demo, &c.CaseCount, &c.DemoCaseCount)
	})
}

const caseCols = `id, compilation_id, title, unit_id, year, summary, demo, version`

func scanCase(r Rows, extra ...any) (*db.ExcellentCase, error) {
	c := &db.ExcellentCase{}
	return c, r.Scan(append([]any{&c.ID, &c.CompilationID, &c.Title, &c.UnitID, &c.Year, &c.Summary, &c.Demo, &c.Version}, extra...)...)
}

// caseSort: by ID unless the client asks for the title.
var caseSort = listSort{id: "id", fields: map[string]sortField{"ID": byNumber("id"), "TITLE": byText("title")},
	def: db.ListOrder{Field: "ID", Direction: db.OrderDirectionAsc}, defName: "CASE/ID"}

// ExcellentCases returns one page of cases, by ID unless the page asks for another order.
func (s *Store) ExcellentCases(ctx context.Context, f db.CaseCriteria, page db.Page) (*db.ExcellentCaseConnection, error) {
	page, err := page.Validate()
	if err != nil {
		return nil, err
	}
	w := s.where()
	if f.CompilationID != 0 {
		w.add("compilation_id = ?", f.CompilationID)
	}
	if f.UnitID != 0 {
		w.add("unit_id = ?", f.UnitID)
	}
	if f.Demo != nil {
		w.add("demo = ?", *f.Demo)
	}
	out := &db.ExcellentCaseConnection{}
	if err := s.eng.Read().QueryRow(ctx, `SELECT count(*) FROM excellent_cases`+w.sql(), w.args...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	k, err := caseSort.plan(s, w, page)
	if err != nil {
		return nil, err
	}
	out.Edges, out.PageInfo, err = orderedPage(ctx, s, k, caseCols, ` FROM excellent_cases`+w.sql(), w.args, page, scanCase,
		func(x *db.ExcellentCase) int64 { return x.ID },
		func(c string, x *db.ExcellentCase) *db.ExcellentCaseEdge {
			return &db.ExcellentCaseEdge{Cursor: c, Node: x}
		})
	return out, err
}

// ExcellentCasesByIDs loads cases by ID.
func (s *Store) ExcellentCasesByIDs(ctx context.Context, ids []int64) (map[int64]*db.ExcellentCase, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := s.in("id", ids)
	rows, err := s.eng.Read().Query(ctx, `SELECT `+caseCols+` FROM excellent_cases WHERE `+in, args...)
	if err != nil {
		return nil, err
	}
	cs, err := collect(rows, plain(scanCase))
	return byID(cs, func(x *db.ExcellentCase) int64 { return x.ID }), err
}

const talentCols = `id, name, unit_id, since_year, CAST(roles AS TEXT), demo, version`

func scanTalent(r Rows, extra ...any) (*db.TalentMember, error) {
	m := &db.TalentMember{}
	var roles string
	if err := r.Scan(append([]any{&m.ID, &m.Name, &m.UnitID, &m.SinceYear, &roles, &m.Demo, &m.Version}, extra...)...); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(roles), &m.Roles); err != nil {
		return nil, fmt.Errorf("talent member %d roles: %w", m.ID, err)
	}
	return m, nil
}

// talentSort: by ID unless the client asks for the name or the year a member joined.
var talentSort = listSort{id: "id", fields: map[string]sortField{"ID": byNumber("id"), "NAME": byText("name"), "SINCE_YEAR": byNumber("since_year")},
	def: db.ListOrder{Field: "ID", Direction: db.OrderDirectionAsc}, defName: "TALENT/ID"}

// TalentMembers returns one page of the talent pool, by ID unless the page asks for another order.
func (s *Store) TalentMembers(ctx context.Context, f db.TalentCriteria, page db.Page) (*db.TalentMemberConnection, error) {
	page, err := page.Validate()
	if err != nil {
		return nil, err
	}
	w := s.where()
	if f.Role != "" {
		w.add("EXISTS (SELECT 1 FROM "+s.eng.JSONRows("roles", "", "j")+" WHERE j.value = ?)", f.Role)
	}
	if f.Demo != nil {
		w.add("demo = ?", *f.Demo)
	}
	out := &db.TalentMemberConnection{}
	if err := s.eng.Read().QueryRow(ctx, `SELECT count(*) FROM talent_members`+w.sql(), w.args...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	k, err := talentSort.plan(s, w, page)
	if err != nil {
		return nil, err
	}
	out.Edges, out.PageInfo, err = orderedPage(ctx, s, k, talentCols, ` FROM talent_members`+w.sql(), w.args, page, scanTalent,
		func(x *db.TalentMember) int64 { return x.ID },
		func(c string, x *db.TalentMember) *db.TalentMemberEdge {
			return &db.TalentMemberEdge{Cursor: c, Node: x}
		})
	return out, err
}

// TalentMembersByIDs loads members by ID.
func (s *Store) TalentMembersByIDs(ctx context.Context, ids []int64) (map[int64]*db.TalentMember, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := s.in("id", ids)
	rows, err := s.eng.Read().Query(ctx, `SELECT `+talentCols+` FROM talent_members WHERE `+in, args...)
	if err != nil {
		return nil, err
	}
	ms, err := collect(rows, plain(scanTalent))
	return byID(ms, func(x *db.TalentMember) int64 { return x.ID }), err
}

// TalentRoleCounts counts the members serving in each kind of work, every role listed.
func (s *Store) TalentRoleCounts(ctx context.Context) ([]*db.TalentRoleCount, error) {
	rows, err := s.eng.Read().Query(ctx, `SELECT j.value, count(*), count(*) FILTER (WHERE m.demo = TRUE)
		FROM talent_members m, `+s.eng.JSONRows("m.roles", "", "j")+` GROUP BY j.value`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	got := map[db.TalentRole][2]int{}
	for rows.Next() {
		var r db.TalentRole
		var n, dn int
		if err := rows.Scan(&r, &n, &dn); err != nil {
			return nil, err
		}
		got[r] = [2]int{n, dn}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]*db.TalentRoleCount, len(db.AllTalentRoles))
	for i, r := range db.AllTalentRoles {
		out[i] = &db.TalentRoleCount{Role: r, Members: got[r][0], DemoMembers: got[r][1]}
	}
	return out, nil
}

const eventCols = `id, kind, title, event_date, place, milestone_id, quote, source_id, demo, version`

// eventOrder sorts dated events by date and undated ones after them; '~' sorts after every digit in byte order.
func (s *Store) eventOrder() string {
	return s.eng.ByteOrder(`coalesce(CAST(event_date AS TEXT), '~')`)
}

func scanEvent(r Rows, extra ...any) (*db.CivilisationEvent, error) {
	e := &db.CivilisationEvent{}
	return e, r.Scan(append([]any{&e.ID, &e.Kind, &e.Title, &e.Date, &e.Place, &e.MilestoneID, &e.Quote, &e.SourceID, &e.Demo, &e.Version}, extra...)...)
}

// eventSort: dated events by date and the undated after them, unless the client asks for another field; the date's
// expression depends on the engine's byte order.
func (s *Store) eventSort() listSort {
	return listSort{id: "id", fields: map[string]sortField{"ID": byNumber("id"), "DATE": byColumn(s.eventOrder()), "TITLE": byText("title")},
		def: db.ListOrder{Field: "DATE", Direction: db.OrderDirectionAsc}, defName: "EVENT/DATE"}
}

// CivilisationEvents returns one page of events: dated ones by date, then the undated ones, each by ID (unless the
// page asks for another order).
func (s *Store) CivilisationEvents(ctx context.Context, f db.EventCriteria, page db.Page) (*db.CivilisationEventConnection, error) {
	page, err := page.Validate()
	if err != nil {
		return nil, err
	}
	w := s.where()
	if f.Kind != "" {
		w.add("kind = ?", f.Kind)
	}
	if f.Dated != nil {
		if *f.Dated {
			w.add("event_date IS NOT NULL")
		} else {
			w.add("event_date IS NULL")
		}
	}
	if f.Demo != nil {
		w.add("demo = ?", *f.Demo)
	}
	out := &db.CivilisationEventConnection{}
	if err := s.eng.Read().QueryRow(ctx, `SELECT count(*) FROM civilisation_events`+w.sql(), w.args...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	k, err := s.eventSort().plan(s, w, page)
	if err != nil {
		return nil, err
	}
	out.Edges, out.PageInfo, err = orderedPage(ctx, s, k, eventCols, ` FROM civilisation_events`+w.sql(), w.args, page, scanEvent,
		func(x *db.CivilisationEvent) int64 { return x.ID },
		func(c string, x *db.CivilisationEvent) *db.CivilisationEventEdge {
			return &db.CivilisationEventEdge{Cursor: c, Node: x}
		})
	return out, err
}

// CivilisationEventsByIDs loads events by ID.
func (s *Store) CivilisationEventsByIDs(ctx context.Context, ids []int64) (map[int64]*db.CivilisationEvent, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := s.in("id", ids)
	rows, err := s.eng.Read().Query(ctx, `SELECT `+eventCols+` FROM civilisation_events WHERE `+in, args...)
	if err != nil {
		return nil, err
	}
	es, err := collect(rows, plain(scanEvent))
	return byID(es, func(x *db.CivilisationEvent) int64 { return x.ID }), err
}

// checkWishRefs checks that the wish's pairing and claiming unit exist.
func checkWishRefs(ctx context.Context, tx *Tx, in db.WishFields) error {
	if err := existsOpt(ctx, tx, "pairings", "pairingId", "结对帮创", in.PairingID); err != nil {
		return err
	}
	return existsOpt(ctx, tx, "units", "unitId", "认领单位", in.UnitID)
}

// CreateWish adds a wish.
func (s *Store) CreateWish(ctx context.Context, in db.WishFields) (*db.Wish, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := s.create(ctx, db.EntityWish, func(tx *Tx, id int64) error {
		if err := checkWishRefs(ctx, tx, in); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO wishes (id, title, beneficiary, pairing_id, stage, unit_id, collected_on, note) VALUES (?,?,?,?,?,?,?,?)`,
			id, in.Title, in.Beneficiary, in.PairingID, in.Stage, in.UnitID, in.CollectedOn, in.Note)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.WishesByIDs)
}

// UpdateWish changes a wish, such as moving it to its next stage.
func (s *Store) UpdateWish(ctx context.Context, id int64, expected int, in db.WishFields) (*db.Wish, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := s.update(ctx, db.EntityWish, id, expected, func(tx *Tx) error {
		if err := checkWishRefs(ctx, tx, in); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE wishes SET title = ?, beneficiary = ?, pairing_id = ?, stage = ?, unit_id = ?, collected_on = ?, note = ?,
			version = version + 1 WHERE id = ?`, in.Title, in.Beneficiary, in.PairingID, in.Stage, in.UnitID, in.CollectedOn, in.Note, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.WishesByIDs)
}

func checkCaseRefs(ctx context.Context, tx *Tx, in db.ExcellentCaseFields) error {
	if err := exists(ctx, tx, "case_compilations", "compilationId", "案例汇编", in.CompilationID); err != nil {
		return err
	}
	return existsOpt(ctx, tx, "units", "unitId", "单位", in.UnitID)
}

// CreateExcellentCase adds a case to a compilation.
func (s *Store) CreateExcellentCase(ctx context.Context, in db.ExcellentCaseFields) (*db.ExcellentCase, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := s.create(ctx, db.EntityExcellentCase, func(tx *Tx, id int64) error {
		if err := checkCaseRefs(ctx, tx, in); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO excellent_cases (id, compilation_id, title, unit_id, year, summary) VALUES (?,?,?,?,?,?)`,
			id, in.CompilationID, in.Title, in.UnitID, in.Year, in.Summary)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.ExcellentCasesByIDs)
}

// UpdateExcellentCase changes a case.
func (s *Store) UpdateExcellentCase(ctx context.Context, id int64, expected int, in db.ExcellentCaseFields) (*db.ExcellentCase, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := s.update(ctx, db.EntityExcellentCase, id, expected, func(tx *Tx) error {
		if err := checkCaseRefs(ctx, tx, in); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE excellent_cases SET compilation_id = ?, title = ?, unit_id = ?, year = ?, summary = ?, version = version + 1
			WHERE id = ?`, in.CompilationID, in.Title, in.UnitID, in.Year, in.Summary, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.ExcellentCasesByIDs)
}

// CreateTalentMember adds a member to the talent pool.
func (s *Store) CreateTalentMember(ctx context.Context, in db.TalentMemberFields) (*db.TalentMember, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := s.create(ctx, db.EntityTalentMember, func(tx *Tx, id int64) error {
		if err := existsOpt(ctx, tx, "units", "unitId", "单位", in.UnitID); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO talent_members (id, name, unit_id, since_year, roles) VALUES (?,?,?,?,?)`,
			id, in.Name, in.UnitID, in.SinceYear, db.TalentRolesJSON(in.Roles))
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.TalentMembersByIDs)
}

// UpdateTalentMember changes a member of the talent pool.
func (s *Store) UpdateTalentMember(ctx context.Context, id int64, expected int, in db.TalentMemberFields) (*db.TalentMember, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := s.update(ctx, db.EntityTalentMember, id, expected, func(tx *Tx) error {
		if err := existsOpt(ctx, tx, "units", "unitId", "单位", in.UnitID); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE talent_members SET name = ?, unit_id = ?, since_year = ?, roles = ?, version = version + 1 WHERE id = ?`,
			in.Name, in.UnitID, in.SinceYear, db.TalentRolesJSON(in.Roles), id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.TalentMembersByIDs)
}

// CreateCivilisationEvent adds an event the office records; it cites no source.
func (s *Store) CreateCivilisationEvent(ctx context.Context, in db.CivilisationEventFields) (*db.CivilisationEvent, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	id, err := s.create(ctx, db.EntityCivilisationEvent, func(tx *Tx, id int64) error {
		_, err := tx.Exec(ctx, `INSERT INTO civilisation_events (id, kind, title, event_date, place) VALUES (?,?,?,?,?)`,
			id, in.Kind, in.Title, in.Date, in.Place)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.CivilisationEventsByIDs)
}

// UpdateCivilisationEvent changes an event. An event quoted from the article keeps its quote and source only while
// its kind, title and date stay as the article gives them; an edit of any of them drops the citation, since the
// article no longer says what the record says.
func (s *Store) UpdateCivilisationEvent(ctx context.Context, id int64, expected int, in db.CivilisationEventFields) (*db.CivilisationEvent, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	err := s.update(ctx, db.EntityCivilisationEvent, id, expected, func(tx *Tx) error {
		_, err := tx.Exec(ctx, `UPDATE civilisation_events SET
			quote = CASE WHEN kind = ?1 AND title = ?2 AND event_date IS NOT DISTINCT FROM ?3 THEN quote ELSE '' END,
			source_id = CASE WHEN kind = ?1 AND title = ?2 AND event_date IS NOT DISTINCT FROM ?3 THEN source_id END,
			milestone_id = CASE WHEN event_date IS NOT DISTINCT FROM ?3 THEN milestone_id END,
			kind = ?1, title = ?2, event_date = ?3, place = ?4, version = version + 1 WHERE id = ?5`, in.Kind, in.Title, in.Date, in.Place, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, id, s.CivilisationEventsByIDs)
}
