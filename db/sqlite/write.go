package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/wenming/wenming/db"
	"github.com/wenming/wenming/db/store"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
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
		extra: `'scores', json((SELECT json_group_array(json_object('code', s.code, 'version_year', s.version_year, 'score', s.score))
			FROM indicator_scores s WHERE s.assessment_id = assessments.id))`},
	db.EntityTarget: {table: "targets", cols: []string{"id", "metric", "year", "value", "demo", "version", "basis"}},
}

// snapshotSQL selects one record of the entity as a JSON object of its stored columns.
func (t entityTable) snapshotSQL() string {
	parts := make([]string, 0, len(t.cols))
	for _, c := range t.cols {
		parts = append(parts, "'"+c+"', "+c)
	}
	if t.extra != "" {
		parts = append(parts, t.extra)
	}
	return `SELECT json_object(` + strings.Join(parts, ", ") + `) FROM ` + t.table + ` WHERE id = ?`
}

// snapshot returns the record as JSON, or nil when it does not exist.
func snapshot(ctx context.Context, tx *sql.Tx, e db.Entity, id int64) (*string, error) {
	if e == db.EntityRankingWeights {
		var s *string
		err := tx.QueryRowContext(ctx, `SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_object('from_year', ?1, 'weights',
			json_group_array(json_object('component', component, 'label_zh', label_zh, 'weight', weight, 'basis', basis))) END
			FROM ranking_weights WHERE from_year = ?1`, id).Scan(&s)
		return s, err
	}
	if e == db.EntityHonorCategory {
		var s *string
		err := tx.QueryRowContext(ctx, `SELECT json_object('id', id, 'code', code, 'weight', weight, 'weight_basis', weight_basis)
			FROM honor_categories WHERE id = ?`, id).Scan(&s)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil
		}
		return s, err
	}
	t, ok := entityTables[e]
	if !ok {
		return nil, db.FieldErrorf("entity", "未知的记录类型：%s", e)
	}
	var s string
	err := tx.QueryRowContext(ctx, t.snapshotSQL(), id).Scan(&s)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return &s, err
}

// timeNow is the clock of the audit log and the recycle bin.
var timeNow = time.Now

// auditTimeFormat keeps times as UTC text whose order is time order.
const auditTimeFormat = "2006-01-02T15:04:05.000Z"

func formatAuditTime(t time.Time) string { return t.UTC().Format(auditTimeFormat) }

func parseAuditTime(s string) time.Time {
	t, _ := time.Parse(auditTimeFormat, s)
	return t
}

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
// (the importer) call it with ActionImport.
func writeAudit(ctx context.Context, tx *sql.Tx, action db.AuditAction, e db.Entity, recordID *int64, before, after *string) error {
	noteWrite(tx, action, e)
	uid, name := actor(ctx)
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, user_id, username, action, entity, record_id, before, after) VALUES (?,?,?,?,?,?,?,?)`,
		formatAuditTime(timeNow()), uid, name, action, e, recordID, before, after)
	return err
}

// writeTx runs fn in one transaction on the writer, bumps the data version in it, and commits; constraint failures
// come back as coded errors.
func (d *DB) writeTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := d.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	defer forgetWrites(tx)
	if err := fn(tx); err != nil {
		return constraintError(err)
	}
	if err := bumpVersion(ctx, tx); err != nil {
		return err
	}
	return constraintError(tx.Commit())
}

// uniqueMessages explains, in Chinese, which UNIQUE constraint a write broke, keyed on its first column.
var uniqueMessages = map[string]string{
	"units.name":                     "同名单位已存在",
	"campaigns.code":                 "该代码的专项行动已存在",
	"practice_links.unit_id":         "该单位与该实践中心的联系已存在",
	"assessments.unit_id":            "该单位该年度的测评已存在",
	"targets.metric":                 "该指标该年度的目标已存在",
	"ranking_weights.from_year":      "该年份的权重版本已存在",
	"indicator_scores.assessment_id": "指标得分重复",
	"volunteer_projects.name":        "同名志愿服务项目已存在",
	"pairings.unit_id":               "该单位与该乡镇的结对已存在",
	// Natural keys indexed on expressions (0008); SQLite names the index instead of the columns.
	"index 'people_natural_key'":            "同一单位已有同名人物",
	"index 'honors_natural_key'":            "该获得者在该年度（届次）已有同一类别的荣誉",
	"index 'volunteer_records_natural_key'": "该单位同一天同一专项行动已有按同一方式记录的志愿服务记录",
	"practice_activities.unit_id":           "该单位同一天已有同类型、同主题的文明实践活动",
	"excellent_cases.compilation_id":        "该汇编中已有同名案例",
}

// constraintError turns SQLite constraint failures into coded errors: UNIQUE → ECONFLICT, FOREIGN KEY →
// ECONFLICT (a referenced record is missing or still referenced), CHECK and NOT NULL → EINVALID. Other errors
// pass through unchanged. This is the only place that reads the driver's error.
func constraintError(err error) error {
	var se *sqlite.Error
	if err == nil || !errors.As(err, &se) {
		return err
	}
	code := se.Code()
	if code&0xff != sqlite3.SQLITE_CONSTRAINT {
		return storageError(err)
	}
	switch code {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		msg := "记录已存在（ID 或唯一键重复）"
		// The driver names the columns: "… UNIQUE constraint failed: units.name (2067)" or "…: targets.metric, targets.year".
		text := se.Error()
		if i := strings.LastIndex(text, "failed: "); i >= 0 {
			first, _, _ := strings.Cut(text[i+len("failed: "):], ",")
			if !strings.HasPrefix(first, "index '") {
				first, _, _ = strings.Cut(first, " ")
			} else if j := strings.IndexByte(first[len("index '"):], '\''); j >= 0 {
				first = first[:len("index '")+j+1]
			}
			if m, ok := uniqueMessages[first]; ok {
				msg = m
			}
		}
		return db.Errorf(db.ECONFLICT, "%s。", msg)
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return db.Errorf(db.ECONFLICT, "所引用的记录不存在或已被删除，或该记录仍被其他记录引用。")
	case sqlite3.SQLITE_CONSTRAINT_CHECK, sqlite3.SQLITE_CONSTRAINT_NOTNULL:
		return db.Errorf(db.EINVALID, "数据不符合约束：%s", strings.TrimPrefix(se.Error(), "constraint failed: "))
	}
	return db.Errorf(db.ECONFLICT, "违反数据约束。")
}

// nextID allocates a record ID above every live and binned one, so that a restored record gets its own ID back
// and no ID ever names two records.
func nextID(ctx context.Context, tx *sql.Tx, e db.Entity) (int64, error) {
	return engine{}.NextID(ctx, store.NewTx(storeQuerier{tx}), entityTables[e].table, e)
}

// create inserts a record under a fresh ID and audits it, in one transaction.
func (d *DB) create(ctx context.Context, e db.Entity, insert func(tx *sql.Tx, id int64) error) (int64, error) {
	var id int64
	err := d.writeTx(ctx, func(tx *sql.Tx) error {
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

// checkVersion fails with ENOTFOUND when the record is gone, or ECONFLICT when it changed since the client read
// it; expected 0 skips the version check.
func checkVersion(ctx context.Context, tx *sql.Tx, e db.Entity, id int64, expected int) error {
	t := entityTables[e]
	var v int
	err := tx.QueryRowContext(ctx, `SELECT version FROM `+t.table+` WHERE id = ?`, id).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
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
func (d *DB) update(ctx context.Context, e db.Entity, id int64, expected int, fn func(tx *sql.Tx) error) error {
	if expected < 1 {
		return db.FieldErrorf("expectedVersion", "expectedVersion 须为读取时的版本号（≥ 1）")
	}
	return d.writeTx(ctx, func(tx *sql.Tx) error {
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
func exists(ctx context.Context, tx *sql.Tx, table, field, label string, id int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+table+` WHERE id = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return db.FieldErrorf(field, "%s不存在：%d", label, id)
	}
	return nil
}

func existsOpt(ctx context.Context, tx *sql.Tx, table, field, label string, id *int64) error {
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
