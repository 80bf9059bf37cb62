package postgres

// The recycle bin, ported from db/sqlite/write_bin.go. A binned record is its JSON snapshot (jsonb here); a restore
// reads it back with jsonb_populate_record, so that each column comes back with the table's own type.

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
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
		// The article records (db/sqlite/article.go appends these in its init; here they are listed in one place).
		{"wishes", "unit_id", "微心愿"}, {"excellent_cases", "unit_id", "优秀案例"}, {"talent_members", "unit_id", "人才库成员"},
	},
	db.EntityPerson:   {{"honors", "person_id", "荣誉"}},
	db.EntityCampaign: {{"volunteer_records", "campaign_id", "志愿服务记录"}, {"donations", "campaign_id", "捐赠"}},
}

// checkUnreferenced fails with ECONFLICT, naming the referring records and their counts, when any still points
// at the record.
func checkUnreferenced(ctx context.Context, tx pgx.Tx, e db.Entity, id int64) error {
	var uses []string
	for _, r := range references[e] {
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM `+r.table+` WHERE `+r.col+` = $1`, id).Scan(&n); err != nil {
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
func (d *DB) DeleteRecord(ctx context.Context, e db.Entity, id int64, expected int) (*db.DeletedRecord, error) {
	if _, ok := entityTables[e]; !ok && e != db.EntityRankingWeights {
		return nil, db.FieldErrorf("entity", "未知的记录类型：%s", e)
	}
	var binID int64
	err := d.writeTx(ctx, func(tx pgx.Tx) error {
		if e == db.EntityRankingWeights {
			var versions int
			if err := tx.QueryRow(ctx, `SELECT count(DISTINCT from_year) FROM ranking_weights`).Scan(&versions); err != nil {
				return err
			}
			if versions <= 1 {
				return db.Errorf(db.ECONFLICT, "不能删除唯一的排名权重版本。")
			}
		} else if err := checkVersion(ctx, tx, e, id, expected); err != nil {
			return err
		}
		before, err := snapshot(ctx, tx, e, id)
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
			_, err = tx.Exec(ctx, `DELETE FROM ranking_weights WHERE from_year = $1`, id)
		} else {
			_, err = tx.Exec(ctx, `DELETE FROM `+entityTables[e].table+` WHERE id = $1`, id)
		}
		if err != nil {
			return err
		}
		uid, name := actor(ctx)
		err = tx.QueryRow(ctx, `INSERT INTO deleted_records (entity, record_id, data, deleted_by, deleted_by_name, deleted_at)
			VALUES ($1,$2,$3::text::jsonb,$4,$5,$6) RETURNING id`, e, id, *before, uid, name, timeNow().UTC().Truncate(time.Millisecond)).Scan(&binID)
		if err != nil {
			return err
		}
		return writeAudit(ctx, tx, db.ActionDelete, e, &id, before, nil)
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, binID, d.DeletedRecordsByIDs)
}

// restoreSQL re-inserts a record from its snapshot ($1, JSON text), with its version bumped. jsonb_populate_record
// reads each stored column back with the table's own type (flags, dates, numbers).
func (t entityTable) restoreSQL() string {
	vals := make([]string, len(t.cols))
	for i, c := range t.cols {
		vals[i] = "r." + c
		if c == "version" {
			vals[i] += " + 1"
		}
	}
	return `INSERT INTO ` + t.table + ` (` + strings.Join(t.cols, ", ") + `) SELECT ` + strings.Join(vals, ", ") +
		` FROM jsonb_populate_record(NULL::` + t.table + `, $1::text::jsonb) AS r`
}

// RestoreRecord puts a binned record back under its old ID, in one transaction with its audit entry. It fails with
// ECONFLICT when it was restored already, or when what it refers to is gone or its unique key is taken.
func (d *DB) RestoreRecord(ctx context.Context, binID int64) (*db.DeletedRecord, error) {
	err := d.writeTx(ctx, func(tx pgx.Tx) error {
		var (
			e        db.Entity
			recordID int64
			data     string
			restored *time.Time
		)
		err := tx.QueryRow(ctx, `SELECT entity, record_id, data::text, restored_at FROM deleted_records WHERE id = $1`, binID).Scan(&e, &recordID, &data, &restored)
		if isNoRows(err) {
			return db.Errorf(db.ENOTFOUND, "回收站中没有该记录：%d", binID)
		} else if err != nil {
			return err
		}
		if restored != nil {
			return db.Errorf(db.ECONFLICT, "该记录已于 %s 恢复。", restored.UTC().Format(restoredTimeFormat))
		}
		if e == db.EntityRankingWeights {
			var n int
			if err := tx.QueryRow(ctx, `SELECT count(*) FROM ranking_weights WHERE from_year = $1`, recordID).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return db.Errorf(db.ECONFLICT, "%d 年起的排名权重版本已存在，请先删除它再恢复。", recordID)
			}
			_, err = tx.Exec(ctx, `INSERT INTO ranking_weights (from_year, component, label_zh, weight, basis)
				SELECT $1, w.component, w.label_zh, w.weight, coalesce(w.basis, 'DEFAULT')
				FROM jsonb_to_recordset($2::text::jsonb -> 'weights') AS w(component text, label_zh text, weight numeric, basis text)`, recordID, data)
		} else {
			t, ok := entityTables[e]
			if !ok {
				return db.Errorf(db.EINTERNAL, "unknown entity %q in recycle bin", e)
			}
			if _, err = tx.Exec(ctx, t.restoreSQL(), data); err == nil && e == db.EntityAssessment {
				_, err = tx.Exec(ctx, `INSERT INTO indicator_scores (assessment_id, version_year, code, score)
					SELECT $1, s.version_year, s.code, s.score
					FROM jsonb_to_recordset($2::text::jsonb -> 'scores') AS s(version_year integer, code text, score numeric)`, recordID, data)
			}
			if fn := restoreChildren[e]; err == nil && fn != nil {
				err = fn(ctx, tx, recordID, data)
			}
		}
		if err != nil {
			return restoreError(err)
		}
		after, err := snapshot(ctx, tx, e, recordID)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE deleted_records SET restored_at = $1 WHERE id = $2`, timeNow().UTC().Truncate(time.Millisecond), binID); err != nil {
			return err
		}
		return writeAudit(ctx, tx, db.ActionRestore, e, &recordID, nil, after)
	})
	if err != nil {
		return nil, err
	}
	return one(ctx, binID, d.DeletedRecordsByIDs)
}

// restoreError explains a constraint failure of a restore.
func restoreError(err error) error {
	err = constraintError(err)
	if db.ErrorCode(err) == db.ECONFLICT {
		return db.Errorf(db.ECONFLICT, "无法恢复：%s若它引用的记录也已删除，请先恢复那条记录。", db.ErrorMessage(err))
	}
	return err
}

const deletedCols = `id, entity, record_id, data::text, deleted_by, deleted_by_name, deleted_at, restored_at`

func scanDeleted(r pgx.Rows) (*db.DeletedRecord, error) {
	x := &db.DeletedRecord{}
	err := r.Scan(&x.ID, &x.Entity, &x.RecordID, &x.Data, &x.DeletedBy, &x.DeletedByName, &x.DeletedAt, &x.RestoredAt)
	x.DeletedAt = x.DeletedAt.UTC()
	if x.RestoredAt != nil {
		t := x.RestoredAt.UTC()
		x.RestoredAt = &t
	}
	return x, err
}

// DeletedRecords lists the recycle bin, newest first; restored records only when asked.
func (d *DB) DeletedRecords(ctx context.Context, f db.DeletedCriteria, page db.Page) (*db.DeletedRecordConnection, error) {
	w := &where{}
	if f.Entity != "" {
		w.add("entity = ?", f.Entity)
	}
	if !f.IncludeRestored {
		w.add("restored_at IS NULL")
	}
	out := &db.DeletedRecordConnection{}
	if err := d.pool.QueryRow(ctx, `SELECT count(*) FROM deleted_records`+w.sql(), w.args...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	if page.After != "" {
		c, err := db.DecodeCursor(page.After)
		if err != nil {
			return nil, err
		}
		w.add("id < ?", c.ID)
	}
	rows, err := d.pool.Query(ctx, `SELECT `+deletedCols+` FROM deleted_records`+w.sql()+` ORDER BY id DESC LIMIT `+w.arg(page.First+1), w.args...)
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
func (d *DB) DeletedRecordsByIDs(ctx context.Context, ids []int64) (map[int64]*db.DeletedRecord, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := d.pool.Query(ctx, `SELECT `+deletedCols+` FROM deleted_records WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	xs, err := collect(rows, scanDeleted)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]*db.DeletedRecord, len(xs))
	for _, x := range xs {
		out[x.ID] = x
	}
	return out, nil
}

// restoredTimeFormat is how a refused restore names the time of the first one, as SQLite stores it.
const restoredTimeFormat = "2006-01-02T15:04:05.000Z"
