package postgres

import (
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/wenming/wenming/db"
)

// uniqueMessages explains, in Chinese, which unique constraint or index a write broke, keyed on its name (the
// same messages as db/sqlite/write.go's, keyed on PostgreSQL's constraint names).
var uniqueMessages = map[string]string{
	"units_name_key":                           "同名单位已存在",
	"campaigns_code_key":                       "该代码的专项行动已存在",
	"practice_links_unit_id_center_id_key":     "该单位与该实践中心的联系已存在",
	"assessments_unit_id_year_key":             "该单位该年度的测评已存在",
	"targets_metric_year_key":                  "该指标该年度的目标已存在",
	"ranking_weights_pkey":                     "该年份的权重版本已存在",
	"indicator_scores_pkey":                    "指标得分重复",
	"volunteer_projects_name_key":              "同名志愿服务项目已存在",
	"pairings_unit_id_township_key":            "该单位与该乡镇的结对已存在",
	"people_natural_key":                       "同一单位已有同名人物",
	"honors_natural_key":                       "该获得者在该年度（届次）已有同一类别的荣誉",
	"volunteer_records_natural_key":            "该单位同一天同一专项行动已有按同一方式记录的志愿服务记录",
	"practice_activities_natural_key":          "该单位同一天已有同类型、同主题的文明实践活动",
	"users_username_key":                       "同名用户已存在",
	"excellent_cases_compilation_id_title_key": "该汇编中已有同名案例",
}

// constraintError turns PostgreSQL constraint failures into coded errors, as db/sqlite does for SQLite: unique
// (23505) → ECONFLICT with the constraint's message, foreign key (23503) → ECONFLICT (a referenced record is
// missing or still referenced), check (23514) and not null (23502) → EINVALID. Other errors pass through
// unchanged. This is the only place that reads the driver's error codes for constraints.
func constraintError(err error) error {
	var pe *pgconn.PgError
	if err == nil || !errors.As(err, &pe) {
		return err
	}
	switch pe.Code {
	case "23505":
		msg := "记录已存在（ID 或唯一键重复）"
		if m, ok := uniqueMessages[pe.ConstraintName]; ok {
			msg = m
		}
		return db.Errorf(db.ECONFLICT, "%s。", msg)
	case "23503":
		return db.Errorf(db.ECONFLICT, "所引用的记录不存在或已被删除，或该记录仍被其他记录引用。")
	case "23514":
		return db.Errorf(db.EINVALID, "数据不符合约束：%s（%s）", pe.ConstraintName, pe.TableName)
	case "23502":
		return db.Errorf(db.EINVALID, "数据不符合约束：%s.%s 不能为空", pe.TableName, pe.ColumnName)
	case "22007", "22008":
		return db.Errorf(db.EINVALID, "日期或时间无效：%s", pe.Message)
	case "22003":
		return db.Errorf(db.EINVALID, "数值超出范围：%s", pe.Message)
	case "53100": // disk_full: the transaction was rolled back whole
		return db.DiskFull()
	}
	if len(pe.Code) == 5 && pe.Code[:2] == "23" {
		return db.Errorf(db.ECONFLICT, "违反数据约束。")
	}
	return err
}
