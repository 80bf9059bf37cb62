package store

// The shared write path: entity tables and their JSON snapshots, the audit log, and create/update with optimistic
// concurrency. The store files (write_records.go, …) build their writes from these.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/wenming/wenming/db"
)

// Tx is one write transaction: the Querier that runs inside it, and the data domains its writes change, so that the
// engine bumps only their versions.
type Tx struct {
	Querier
	domains db.DomainSet
	noted   bool
}

// NewTx wraps an engine's write transaction for the store's writes.
func NewTx(q Querier) *Tx { return &Tx{Querier: q} }

// Domains returns the data domains whose versions the transaction bumps: those its writes noted, or every domain
// when it noted none.
func (t *Tx) Domains() db.DomainSet {
	if !t.noted {
		return db.AllDomains
	}
	return t.domains
}

// noteWrite records which domains an audited write changes. An import notes nothing of its own, so that it bumps
// every domain.
func (t *Tx) noteWrite(action db.AuditAction, e db.Entity) {
	if action == db.ActionImport {
		return
	}
	t.domains |= db.WriteDomains(action, e)
	t.noted = true
}

// entityTable is how the records of an entity are stored: their table and the stored (not generated) columns
// that a snapshot keeps and a restore puts back.
type entityTable struct {
	table string
	cols  []string
	// child is the child rows the snapshot carries and a restore puts back (restoreChildren).
	child *child
	// names are the names of the records the row points at, which the snapshot carries under "names" (keyed by the
	// GraphQL field, such as unit or category) so that its audit entries name them after those records are gone; a
	// restore ignores them.
	names []named
}

// named is one name a snapshot carries: its key and the SQL of its value, over the entity's table by its name.
type named struct{ key, sql string }

// nameOf is the name of the record that the column of table points at: the col of the other table's row.
func nameOf(key, table, col, other, otherCol string) named {
	return named{key, `(SELECT n.` + otherCol + ` FROM ` + other + ` n WHERE n.id = ` + table + `.` + col + `)`}
}

// unitName is the name of the unit a row of table points at through unit_id.
func unitName(table string) named { return nameOf("unit", table, "unit_id", "units", "name") }

// child is a list of child rows kept in the parent's snapshot under key: the values of cols (one column) or objects
// of them (several), from a table and its WHERE, in order.
type child struct {
	key, from, order string
	cols             []string
}

var entityTables = map[db.Entity]entityTable{
	db.EntityUnit: {table: "units", cols: []string{"id", "name", "kind", "sector", "service_window", "contact_name", "contact_phone", "demo", "version"}},
	db.EntityPerson: {table: "people", cols: []string{"id", "name", "unit_id", "citation", "demo", "version"},
		names: []named{unitName("people")}},
	db.EntityHonor: {table: "honors", cols: []string{"id", "category_id", "recipient_kind", "recipient_name", "unit_id", "person_id", "project_id",
		"work_id", "year", "date", "edition", "status", "source_id", "demo", "version"},
		names: []named{unitName("honors"), nameOf("category", "honors", "category_id", "honor_categories", "name_zh"),
			nameOf("categoryEn", "honors", "category_id", "honor_categories", "name_en"), nameOf("person", "honors", "person_id", "people", "name"),
			nameOf("project", "honors", "project_id", "volunteer_projects", "name"), nameOf("work", "honors", "work_id", "works", "title"),
			nameOf("source", "honors", "source_id", "source_documents", "title")}},
	db.EntityVolunteerRecord: {table: "volunteer_records", cols: []string{"id", "unit_id", "campaign_id", "service_date", "volunteers", "minutes",
		"method", "verified", "demo", "version"},
		names: []named{unitName("volunteer_records"), nameOf("campaign", "volunteer_records", "campaign_id", "campaigns", "name_zh"),
			nameOf("campaignEn", "volunteer_records", "campaign_id", "campaigns", "name_en")}},
	db.EntityCampaign: {table: "campaigns", cols: []string{"id", "code", "name_zh", "name_en", "kind", "start_date", "end_date", "description", "version", "start_basis", "end_basis"}},
	db.EntityPracticeLink: {table: "practice_links", cols: []string{"id", "unit_id", "center_id", "since_year", "demo", "version"},
		names: []named{unitName("practice_links"), nameOf("center", "practice_links", "center_id", "practice_centers", "name")}},
	db.EntityPracticeActivity: {table: "practice_activities", cols: []string{"id", "unit_id", "center_id", "activity_date", "kind", "theme",
		"sessions", "participants", "demo", "version", "action"},
		names: []named{unitName("practice_activities"), nameOf("center", "practice_activities", "center_id", "practice_centers", "name")}},
	db.EntityAssessment: {table: "assessments", cols: []string{"id", "unit_id", "year", "base_score", "bonus", "veto", "stage", "demo", "version"},
		child: &child{key: "scores", cols: []string{"s.code", "s.version_year", "s.score"},
			from: "indicator_scores s WHERE s.assessment_id = assessments.id", order: "s.code"},
		names: []named{unitName("assessments")}},
	db.EntityTarget: {table: "targets", cols: []string{"id", "metric", "year", "value", "demo", "version", "basis"}},
	db.EntityDonation: {table: "donations", cols: []string{"id", "campaign_id", "unit_id", "kind", "amount", "boxes", "batch", "donation_date",
		"description", "demo", "version"},
		names: []named{unitName("donations"), nameOf("campaign", "donations", "campaign_id", "campaigns", "name_zh"),
			nameOf("campaignEn", "donations", "campaign_id", "campaigns", "name_en")}},
	db.EntityPairing: {table: "pairings", cols: []string{"id", "unit_id", "township", "center_id", "since_year", "demo", "version"},
		child: &child{key: "contents", cols: []string{"c.item"}, from: "pairing_contents c WHERE c.pairing_id = pairings.id",
			order: contentOrder("c.item")},
		names: []named{unitName("pairings"), nameOf("center", "pairings", "center_id", "practice_centers", "name")}},
	db.EntityWish: {table: "wishes", cols: []string{"id", "title", "beneficiary", "pairing_id", "stage", "unit_id", "collected_on", "note",
		"demo", "version"},
		names: []named{nameOf("claimedBy", "wishes", "unit_id", "units", "name"),
			{"pairing", `(SELECT u.name || ' · ' || p.township FROM pairings p JOIN units u ON u.id = p.unit_id WHERE p.id = wishes.pairing_id)`}}},
	db.EntityExcellentCase: {table: "excellent_cases", cols: []string{"id", "compilation_id", "title", "unit_id", "year", "summary", "demo",
		"version"},
		names: []named{unitName("excellent_cases"), nameOf("compilation", "excellent_cases", "compilation_id", "case_compilations", "title")}},
	db.EntityTalentMember: {table: "talent_members", cols: []string{"id", "name", "unit_id", "since_year", "roles", "demo", "version"},
		names: []named{unitName("talent_members")}},
	db.EntityCivilisationEvent: {table: "civilisation_events", cols: []string{"id", "kind", "title", "event_date", "place", "milestone_id",
		"quote", "source_id", "demo", "version"},
		names: []named{nameOf("milestone", "civilisation_events", "milestone_id", "milestones", "title_zh"),
			nameOf("milestoneEn", "civilisation_events", "milestone_id", "milestones", "title_en"),
			nameOf("source", "civilisation_events", "source_id", "source_documents", "title")}},
}

// namesSQL is the SQL of the JSON object of a snapshot's names.
func (s *Store) namesSQL(names []named) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = "'" + n.key + "', " + n.sql
	}
	return s.eng.JSONObject(strings.Join(parts, ", "))
}

// contentOrder is SQL that sorts 「四送一助力」 items in the article's order.
func contentOrder(col string) string {
	return `CASE ` + col + ` WHEN 'POLICY' THEN 1 WHEN 'CULTURE' THEN 2 WHEN 'HEALTH' THEN 3 WHEN 'WARMTH' THEN 4 ELSE 5 END`
}

// pairs lists 'key', value pairs of the JSON object that snapshots the columns, each keyed by its own name.
func pairs(cols ...string) string {
	parts := make([]string, 0, len(cols))
	for _, c := range cols {
		parts = append(parts, "'"+c[strings.IndexByte(c, '.')+1:]+"', "+c)
	}
	return strings.Join(parts, ", ")
}

// snapshotSQL selects one record of the entity as a JSON object of its stored columns, in column order.
func (s *Store) snapshotSQL(t entityTable) string {
	p := pairs(t.cols...)
	if c := t.child; c != nil {
		elem := c.cols[0]
		if len(c.cols) > 1 {
			elem = s.eng.JSONObject(pairs(c.cols...))
		}
		p += ", '" + c.key + "', " + s.eng.JSONArray(elem, c.from, c.order)
	}
	if len(t.names) > 0 {
		p += ", 'names', " + s.namesSQL(t.names)
	}
	return `SELECT CAST(` + s.eng.JSONObject(p) + ` AS TEXT) FROM ` + t.table + ` WHERE id = ?`
}

// snapshot returns the record as JSON, or nil when it does not exist.
func (s *Store) snapshot(ctx context.Context, tx *Tx, e db.Entity, id int64) (*string, error) {
	var q string
	switch e {
	case db.EntityRankingWeights:
		q = `SELECT CAST(` + s.eng.JSONObject(`'from_year', from_year, 'weights', `+s.eng.JSONArray(s.eng.JSONObject(
			pairs("component", "label_zh", "weight", "basis")), "ranking_weights w WHERE w.from_year = v.from_year", "component")) +
			` AS TEXT) FROM (SELECT DISTINCT from_year FROM ranking_weights WHERE from_year = ?) v`
	case db.EntityHonorCategory:
		q = `SELECT CAST(` + s.eng.JSONObject(pairs("id", "code", "weight", "weight_basis")+`, 'names', `+
			s.namesSQL([]named{{"category", "name_zh"}, {"categoryEn", "name_en"}})) + ` AS TEXT) FROM honor_categories WHERE id = ?`
	default:
		t, ok := entityTables[e]
		if !ok {
			return nil, db.FieldErrorf("entity", "未知的记录类型：%s", e)
		}
		q = s.snapshotSQL(t)
	}
	var out string
	err := tx.QueryRow(ctx, q, id).Scan(&out)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return &out, err
}

// timeNow is the clock of the audit log and the recycle bin.
var timeNow = time.Now

// actor names who writes: the principal of the request, or "system" for the seed and the CLI.
func actor(ctx context.Context) (*int64, string) {
	p := db.PrincipalFrom(ctx)
	if p == nil || p.Username == "" {
		return nil, "system"
	}
	if p.UserID == 0 {
		return nil, p.Username
	}
	id := p.UserID
	return &id, p.Username
}

// writeAudit appends one entry to the audit log inside the write's transaction.
func (s *Store) writeAudit(ctx context.Context, tx *Tx, action db.AuditAction, e db.Entity, recordID *int64, before, after *string) error {
	tx.noteWrite(action, e)
	uid, name := actor(ctx)
	return s.insertAudit(ctx, tx, uid, name, action, e, recordID, before, after)
}

// insertAudit appends one entry to the audit log as the given actor.
func (s *Store) insertAudit(ctx context.Context, tx *Tx, uid *int64, name string, action db.AuditAction, e db.Entity, recordID *int64, before, after *string) error {
	_, err := tx.Exec(ctx, `INSERT INTO audit_log (at, user_id, username, action, entity, record_id, before, after) VALUES (?,?,?,?,?,?,?,?)`,
		s.eng.Instant(timeNow(), time.Millisecond), uid, name, action, e, recordID, before, after)
	return err
}

// create inserts a record under a fresh ID and audits it, in one transaction.
func (s *Store) create(ctx context.Context, e db.Entity, insert func(tx *Tx, id int64) error) (int64, error) {
	var id int64
	err := s.eng.WriteTx(ctx, func(tx *Tx) error {
		var err error
		id, err = s.createIn(ctx, tx, e, insert)
		return err
	})
	return id, err
}

// createIn inserts a record under a fresh ID and audits it inside tx, so that one transaction can create several
// (an approved report).
func (s *Store) createIn(ctx context.Context, tx *Tx, e db.Entity, insert func(tx *Tx, id int64) error) (int64, error) {
	id, err := s.eng.NextID(ctx, tx, entityTables[e].table, e)
	if err != nil {
		return 0, err
	}
	if err := insert(tx, id); err != nil {
		return 0, err
	}
	after, err := s.snapshot(ctx, tx, e, id)
	if err != nil {
		return 0, err
	}
	return id, s.writeAudit(ctx, tx, db.ActionCreate, e, &id, nil, after)
}

// checkVersion locks the record where the engine has row locks, and fails with ENOTFOUND when it is gone, or
// ECONFLICT when it changed since the client read it (expected 0 skips the version check) or an approved report
// locks it.
func (s *Store) checkVersion(ctx context.Context, tx *Tx, e db.Entity, id int64, expected int) error {
	t := entityTables[e]
	var v int
	err := tx.QueryRow(ctx, `SELECT version FROM `+t.table+` WHERE id = ?`+s.eng.ForUpdate(), id).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return db.Errorf(db.ENOTFOUND, "%s不存在或已被删除：%d", e.NameZh(), id)
	} else if err != nil {
		return err
	}
	if expected != 0 && v != expected {
		return db.Errorf(db.ECONFLICT, "该%s已被他人修改（当前版本 %d，您提交的版本 %d），请刷新后重试。", e.NameZh(), v, expected)
	}
	return refuseLocked(ctx, tx, e, id)
}

// update checks the version, applies fn (which must bump version), and audits before and after, in one
// transaction.
func (s *Store) update(ctx context.Context, e db.Entity, id int64, expected int, fn func(tx *Tx) error) error {
	if expected < 1 {
		return db.FieldErrorf("expectedVersion", "expectedVersion 须为读取时的版本号（≥ 1）")
	}
	return s.eng.WriteTx(ctx, func(tx *Tx) error {
		if err := s.checkVersion(ctx, tx, e, id, expected); err != nil {
			return err
		}
		before, err := s.snapshot(ctx, tx, e, id)
		if err != nil {
			return err
		}
		if err := fn(tx); err != nil {
			return err
		}
		after, err := s.snapshot(ctx, tx, e, id)
		if err != nil {
			return err
		}
		return s.writeAudit(ctx, tx, db.ActionUpdate, e, &id, before, after)
	})
}

// exists fails with a field error naming what is missing when no row of table has the id.
func exists(ctx context.Context, tx *Tx, table, field, label string, id int64) error {
	var n int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM `+table+` WHERE id = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return db.FieldErrorf(field, "%s不存在：%d", label, id)
	}
	return nil
}

func existsOpt(ctx context.Context, tx *Tx, table, field, label string, id *int64) error {
	if id == nil {
		return nil
	}
	return exists(ctx, tx, table, field, label, *id)
}

// one loads a single record after a write through a ByIDs method of the store.
func one[T any](ctx context.Context, id int64, load func(context.Context, []int64) (map[int64]T, error)) (T, error) {
	m, err := load(ctx, []int64{id})
	if err != nil {
		var zero T
		return zero, err
	}
	v, ok := m[id]
	if !ok {
		var zero T
		return zero, fmt.Errorf("record %d vanished after write", id)
	}
	return v, nil
}
