package postgres

// The shared write path, mirroring db/sqlite/write.go: entity tables and their JSON snapshots, the audit log, and
// create/update with optimistic concurrency. writeTx (tx.go) and constraintError (errors.go) sit beside it. The
// store files (write_records.go, write_bin.go, import.go, article.go, …) build their writes from these.

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/store"
)

// entityTable is how the records of an entity are stored: their table and the stored (not generated) columns
// that a snapshot keeps and a restore puts back.
type entityTable struct {
	table string
	cols  []string
	// extra adds child rows to the snapshot (an assessment's indicator scores), as SQL over the row's table.
	extra string
}

var entityTables = map[db.Entity]entityTable{
	db.EntityUnit:   {table: "units", cols: []string{"id", "name", "kind", "sector", "service_window", "demo", "version"}},
	db.EntityPerson: {table: "people", cols: []string{"id", "name", "unit_id", "citation", "demo", "version"}},
	db.EntityHonor: {table: "honors", cols: []string{"id", "category_id", "recipient_kind", "recipient_name", "unit_id", "person_id", "project_id",
		"work_id", "year", "date", "edition", "status", "source_id", "demo", "version"}},
	db.EntityVolunteerRecord: {table: "volunteer_records", cols: []string{"id", "unit_id", "campaign_id", "service_date", "volunteers", "minutes",
		"method", "verified", "demo", "version"}},
	db.EntityCampaign:     {table: "campaigns", cols: []string{"id", "code", "name_zh", "name_en", "kind", "start_date", "end_date", "description", "version", "start_basis", "end_basis"}},
	db.EntityPracticeLink: {table: "practice_links", cols: []string{"id", "unit_id", "center_id", "since_year", "demo", "version"}},
	db.EntityPracticeActivity: {table: "practice_activities", cols: []string{"id", "unit_id", "center_id", "activity_date", "kind", "theme",
		"sessions", "participants", "demo", "version", "action"}},
	db.EntityAssessment: {table: "assessments", cols: []string{"id", "unit_id", "year", "base_score", "bonus", "veto", "stage", "demo", "version"},
		extra: `'scores', (SELECT coalesce(json_agg(json_build_object('code', s.code, 'version_year', s.version_year, 'score', s.score)
			ORDER BY s.code), '[]'::json) FROM indicator_scores s WHERE s.assessment_id = assessments.id)`},
	db.EntityTarget: {table: "targets", cols: []string{"id", "metric", "year", "value", "demo", "version", "basis"}},
}

// snapshotSQL selects one record of the entity as a JSON object of its stored columns, in column order (json,
// not jsonb, keeps the order). Flags come out as JSON booleans and dates as "YYYY-MM-DD" strings.
func (t entityTable) snapshotSQL() string {
	parts := make([]string, 0, len(t.cols))
	for _, c := range t.cols {
		parts = append(parts, "'"+c+"', "+c)
	}
	if t.extra != "" {
		parts = append(parts, t.extra)
	}
	return `SELECT json_build_object(` + strings.Join(parts, ", ") + `)::text FROM ` + t.table + ` WHERE id = $1`
}

// snapshot returns the record as JSON, or nil when it does not exist.
func snapshot(ctx context.Context, tx pgx.Tx, e db.Entity, id int64) (*string, error) {
	if e == db.EntityRankingWeights {
		var s *string
		err := tx.QueryRow(ctx, `SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_build_object('from_year', $1::integer, 'weights',
			json_agg(json_build_object('component', component, 'label_zh', label_zh, 'weight', weight, 'basis', basis) ORDER BY component))::text END
			FROM ranking_weights WHERE from_year = $1`, id).Scan(&s)
		return s, err
	}
	if e == db.EntityHonorCategory {
		var s string
		err := tx.QueryRow(ctx, `SELECT json_build_object('id', id, 'code', code, 'weight', weight, 'weight_basis', weight_basis)::text
			FROM honor_categories WHERE id = $1`, id).Scan(&s)
		if isNoRows(err) {
			return nil, nil
		}
		return &s, err
	}
	t, ok := entityTables[e]
	if !ok {
		return nil, db.FieldErrorf("entity", "未知的记录类型：%s", e)
	}
	var s string
	err := tx.QueryRow(ctx, t.snapshotSQL(), id).Scan(&s)
	if isNoRows(err) {
		return nil, nil
	}
	return &s, err
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

// writeAudit appends one entry to the audit log inside the write's transaction. Other writers of this package
// (the importer) call it with ActionImport. The time is taken in Go, milliseconds, UTC, as SQLite stores it.
func writeAudit(ctx context.Context, tx pgx.Tx, action db.AuditAction, e db.Entity, recordID *int64, before, after *string) error {
	noteWrite(tx, action, e)
	uid, name := actor(ctx)
	_, err := tx.Exec(ctx, `INSERT INTO audit_log (at, user_id, username, action, entity, record_id, before, after) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
		timeNow().UTC().Truncate(time.Millisecond), uid, name, action, e, recordID, before, after)
	return err
}

// nextID allocates a record ID from the table's identity (engine.NextID).
func nextID(ctx context.Context, tx pgx.Tx, e db.Entity) (int64, error) {
	return engine{}.NextID(ctx, store.NewTx(storeQuerier{tx}), entityTables[e].table, e)
}

// create inserts a record under a fresh ID and audits it, in one transaction.
func (d *DB) create(ctx context.Context, e db.Entity, insert func(tx pgx.Tx, id int64) error) (int64, error) {
	var id int64
	err := d.writeTx(ctx, func(tx pgx.Tx) error {
		var err error
		if id, err = nextID(ctx, tx, e); err != nil {
			return err
		}
		if err := insert(tx, id); err != nil {
			return err
		}
		after, err := snapshot(ctx, tx, e, id)
		if err != nil {
			return err
		}
		return writeAudit(ctx, tx, db.ActionCreate, e, &id, nil, after)
	})
	return id, err
}

// checkVersion locks the record (FOR UPDATE, so that two writers cannot both pass the check) and fails with
// ENOTFOUND when it is gone, or ECONFLICT when it changed since the client read it; expected 0 skips the check.
func checkVersion(ctx context.Context, tx pgx.Tx, e db.Entity, id int64, expected int) error {
	t := entityTables[e]
	var v int
	err := tx.QueryRow(ctx, `SELECT version FROM `+t.table+` WHERE id = $1 FOR UPDATE`, id).Scan(&v)
	if isNoRows(err) {
		return db.Errorf(db.ENOTFOUND, "%s不存在或已被删除：%d", e.NameZh(), id)
	} else if err != nil {
		return err
	}
	if expected != 0 && v != expected {
		return db.Errorf(db.ECONFLICT, "该%s已被他人修改（当前版本 %d，您提交的版本 %d），请刷新后重试。", e.NameZh(), v, expected)
	}
	return nil
}

// update checks the version, applies fn (which must bump version), and audits before and after, in one
// transaction.
func (d *DB) update(ctx context.Context, e db.Entity, id int64, expected int, fn func(tx pgx.Tx) error) error {
	if expected < 1 {
		return db.FieldErrorf("expectedVersion", "expectedVersion 须为读取时的版本号（≥ 1）")
	}
	return d.writeTx(ctx, func(tx pgx.Tx) error {
		if err := checkVersion(ctx, tx, e, id, expected); err != nil {
			return err
		}
		before, err := snapshot(ctx, tx, e, id)
		if err != nil {
			return err
		}
		if err := fn(tx); err != nil {
			return err
		}
		after, err := snapshot(ctx, tx, e, id)
		if err != nil {
			return err
		}
		return writeAudit(ctx, tx, db.ActionUpdate, e, &id, before, after)
	})
}

// exists fails with a field error naming what is missing when no row of table has the id.
func exists(ctx context.Context, tx pgx.Tx, table, field, label string, id int64) error {
	var ok bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM `+table+` WHERE id = $1)`, id).Scan(&ok); err != nil {
		return err
	}
	if !ok {
		return db.FieldErrorf(field, "%s不存在：%d", label, id)
	}
	return nil
}

func existsOpt(ctx context.Context, tx pgx.Tx, table, field, label string, id *int64) error {
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
