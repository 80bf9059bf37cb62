package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/wenming/wenming/db"
)

// reference is a column of another table that points at records of an entity.
type reference struct {
	table, col, label string
}

// references lists, for each entity that others point at, who points at it; a record still referenced cannot be
// deleted, and the message says by what.
var references = map[db.Entity][]reference{
	db.EntityUnit: {
		{"honors", "unit_id", "荣誉"}, {"people", "unit_id", "人物"}, {"volunteer_records", "unit_id", "志愿服务记录"},
		{"practice_links", "unit_id", "实践中心联系"}, {"practice_activities", "unit_id", "文明实践活动"}, {"assessments", "unit_id", "测评"},
		{"pairings", "unit_id", "结对帮创"}, {"donations", "unit_id", "捐赠"}, {"volunteer_projects", "unit_id", "志愿服务项目"}, {"works", "unit_id", "作品"},
		{"wishes", "unit_id", "微心愿"}, {"excellent_cases", "unit_id", "优秀案例"}, {"talent_members", "unit_id", "人才库成员"},
	},
	db.EntityPerson:   {{"honors", "person_id", "荣誉"}},
	db.EntityCampaign: {{"volunteer_records", "campaign_id", "志愿服务记录"}, {"donations", "campaign_id", "捐赠"}},
	db.EntityPairing:  {{"wishes", "pairing_id", "微心愿"}},
}

// checkUnreferenced fails with ECONFLICT, naming the referring records and their counts, when any still points
// at the record.
func checkUnreferenced(ctx context.Context, tx *Tx, e db.Entity, id int64) error {
	var uses []string
	for _, r := range references[e] {
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM `+r.table+` WHERE `+r.col+` = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			uses = append(uses, fmt.Sprintf("%s %d 条", r.label, n))
		}
	}
	if len(uses) > 0 {
		return db.Errorf(db.ECONFLICT, "该%s仍被以下记录引用：%s。请先删除或改挂这些记录。", e.NameZh(), strings.Join(uses, "、"))
	}
	return nil
}

// DeleteRecord moves a record to the recycle bin, in one transaction with its audit entry.
func (s *Store) DeleteRecord(ctx context.Context, e db.Entity, id int64, expected int) (*db.DeletedRecord, error) {
	if _, ok := entityTables[e]; !ok && e != db.EntityRankingWeights {
		return nil, db.FieldErrorf("entity", "未知的记录类型：%s", e)
	}
	var binID int64
	err := s.eng.WriteTx(ctx, func(tx *Tx) error {
		if e == db.EntityRankingWeights {
			var versions int
			if err := tx.QueryRow(ctx, `SELECT count(DISTINCT from_year) FROM ranking_weights`).Scan(&versions); err != nil {
				return err
			}
			if versions <= 1 {
				return db.Errorf(db.ECONFLICT, "不能删除唯一的排名权重版本。")
			}
		} else if err := s.checkVersion(ctx, tx, e, id, expected); err != nil {
			return err
		}
		before, err := s.snapshot(ctx, tx, e, id)
		if err != nil {
			return err
		}
		if before == nil {
			return db.Errorf(db.ENOTFOUND, "%s不存在或已被删除：%d", e.NameZh(), id)
		}
		if err := checkUnreferenced(ctx, tx, e, id); err != nil {
			return err
		}
		if e == db.EntityRankingWeights {
			_, err = tx.Exec(ctx, `DELETE FROM ranking_weights WHERE from_year = ?`, id)
		} else {
			_, err = tx.Exec(ctx, `DELETE FROM `+entityTables[e].table+` WHERE id = ?`, id)
		}
		if err != nil {
			return err
		}
		uid, name := actor(ctx)
		err = tx.QueryRow(ctx, `INSERT INTO deleted_records (entity, record_id, data, deleted_by, deleted_by_name, deleted_at)
			VALUES (?,?,?,?,?,?) RETURNING id`, e, id, *before, uid, name, s.eng.Instant(timeNow(), time.Millisecond)).Scan(&binID)
		if err != nil {
			return err
		}
		return s.writeAudit(ctx, tx, db.ActionDelete, e, &id, before, nil)
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, binID, s.DeletedRecordsByIDs)
}

// restoreSQL re-inserts a record from its snapshot (?1), each column with the table's own type, its version bumped.
func (s *Store) restoreSQL(t entityTable) string {
	vals := make([]string, len(t.cols))
	for i, c := range t.cols {
		vals[i] = "r." + c
		if c == "version" {
			vals[i] += " + 1"
		}
	}
	return `INSERT INTO ` + t.table + ` (` + strings.Join(t.cols, ", ") + `) SELECT ` + strings.Join(vals, ", ") +
		` FROM ` + s.eng.JSONRow(t.table, t.cols) + ` AS r`
}

// restoreChildren puts back, after a restored record (?1), the child rows its snapshot (?2) carries.
func (s *Store) restoreChildren(ctx context.Context, tx *Tx, e db.Entity, id int64, data string) error {
	var q string
	switch e {
	case db.EntityAssessment:
		q = `INSERT INTO indicator_scores (assessment_id, version_year, code, score) SELECT ?1, x.version_year, x.code, x.score
			FROM ` + s.eng.JSONRows("?2", "scores", "x", "version_year integer", "code text", "score numeric")
	case db.EntityPairing:
		q = `INSERT INTO pairing_contents (pairing_id, item) SELECT ?1, x.value FROM ` + s.eng.JSONRows("?2", "contents", "x")
	default:
		return nil
	}
	_, err := tx.Exec(ctx, q, id, data)
	return err
}

// RestoreRecord puts a binned record back under its old ID, in one transaction with its audit entry. It fails with
// ECONFLICT when it was restored already, or when what it refers to is gone or its unique key is taken.
func (s *Store) RestoreRecord(ctx context.Context, binID int64) (*db.DeletedRecord, error) {
	err := s.eng.WriteTx(ctx, func(tx *Tx) error {
		var (
			e        db.Entity
			recordID int64
			data     string
			restored time.Time
		)
		err := tx.QueryRow(ctx, `SELECT entity, record_id, CAST(data AS TEXT), restored_at FROM deleted_records WHERE id = ?`, binID).
			Scan(&e, &recordID, &data, instant{&restored})
		if errors.Is(err, sql.ErrNoRows) {
			return db.Errorf(db.ENOTFOUND, "回收站中没有该记录：%d", binID)
		} else if err != nil {
			return err
		}
		if !restored.IsZero() {
			return db.Errorf(db.ECONFLICT, "该记录已于 %s 恢复。", restored.Format(instantFormat))
		}
		if e == db.EntityRankingWeights {
			var n int
			if err := tx.QueryRow(ctx, `SELECT count(*) FROM ranking_weights WHERE from_year = ?`, recordID).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return db.Errorf(db.ECONFLICT, "%d 年起的排名权重版本已存在，请先删除它再恢复。", recordID)
			}
			_, err = tx.Exec(ctx, `INSERT INTO ranking_weights (from_year, component, label_zh, weight, basis)
				SELECT ?1, w.component, w.label_zh, w.weight, coalesce(w.basis, 'DEFAULT')
				FROM `+s.eng.JSONRows("?2", "weights", "w", "component text", "label_zh text", "weight numeric", "basis text"), recordID, data)
		} else {
			t, ok := entityTables[e]
			if !ok {
				return db.Errorf(db.EINTERNAL, "unknown entity %q in recycle bin", e)
			}
			if _, err = tx.Exec(ctx, s.restoreSQL(t), data); err == nil {
				err = s.restoreChildren(ctx, tx, e, recordID, data)
			}
		}
		if err != nil {
			return s.restoreError(err)
		}
		after, err := s.snapshot(ctx, tx, e, recordID)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE deleted_records SET restored_at = ? WHERE id = ?`, s.eng.Instant(timeNow(), time.Millisecond), binID); err != nil {
			return err
		}
		return s.writeAudit(ctx, tx, db.ActionRestore, e, &recordID, nil, after)
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, binID, s.DeletedRecordsByIDs)
}

// restoreError explains a constraint failure of a restore.
func (s *Store) restoreError(err error) error {
	err = s.eng.ConstraintError(err)
	if db.ErrorCode(err) == db.ECONFLICT {
		return db.Errorf(db.ECONFLICT, "无法恢复：%s若它引用的记录也已删除，请先恢复那条记录。", db.ErrorMessage(err))
	}
	return err
}

const deletedCols = `id, entity, record_id, CAST(data AS TEXT), deleted_by, deleted_by_name, deleted_at, restored_at`

func scanDeleted(r Rows) (*db.DeletedRecord, error) {
	x := &db.DeletedRecord{}
	var restored time.Time
	err := r.Scan(&x.ID, &x.Entity, &x.RecordID, &x.Data, &x.DeletedBy, &x.DeletedByName, instant{&x.DeletedAt}, instant{&restored})
	if !restored.IsZero() {
		x.RestoredAt = &restored
	}
	return x, err
}

// DeletedRecords lists the recycle bin, newest first; restored records only when asked.
func (s *Store) DeletedRecords(ctx context.Context, f db.DeletedCriteria, page db.Page) (*db.DeletedRecordConnection, error) {
	w := s.where()
	if f.Entity != "" {
		w.add("entity = ?", f.Entity)
	}
	if !f.IncludeRestored {
		w.add("restored_at IS NULL")
	}
	out := &db.DeletedRecordConnection{}
	if err := s.eng.Read().QueryRow(ctx, `SELECT count(*) FROM deleted_records`+w.sql(), w.args...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	if page.After != "" {
		c, err := db.DecodeCursor(page.After)
		if err != nil {
			return nil, err
		}
		w.add("id < ?", c.ID)
	}
	rows, err := s.eng.Read().Query(ctx, `SELECT `+deletedCols+` FROM deleted_records`+w.sql()+` ORDER BY id DESC LIMIT ?`, append(w.args, page.First+1)...)
	if err != nil {
		return nil, err
	}
	xs, err := collect(rows, scanDeleted)
	if err != nil {
		return nil, err
	}
	out.Edges, out.PageInfo = db.Paged(xs, page, func(x *db.DeletedRecord) string { return db.EncodeCursor("", nil, x.ID) },
		func(c string, x *db.DeletedRecord) *db.DeletedRecordEdge {
			return &db.DeletedRecordEdge{Cursor: c, Node: x}
		})
	return out, nil
}

// DeletedRecordsByIDs loads recycle-bin entries by ID.
func (s *Store) DeletedRecordsByIDs(ctx context.Context, ids []int64) (map[int64]*db.DeletedRecord, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, args := s.in("id", ids)
	rows, err := s.eng.Read().Query(ctx, `SELECT `+deletedCols+` FROM deleted_records WHERE `+in, args...)
	if err != nil {
		return nil, err
	}
	xs, err := collect(rows, scanDeleted)
	return byID(xs, func(x *db.DeletedRecord) int64 { return x.ID }), err
}
